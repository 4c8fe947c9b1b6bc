"""A cache of validated charts, keyed by the SHA-256 of the file's bytes.

Checking a large chart (YAML, schema, every polygon against its outline) takes seconds; a
chart that has not changed need not be checked again. An entry is plain JSON of the already
validated model, so reading one builds no object a file could choose, and a changed byte in
the chart, a new ReflexMap version or a damaged entry simply means a full load again.
An entry is only ever a copy of what the loader accepted, never user data: a damaged one is
replaced, not kept.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from ..storage import atomic_path
from .index import ZoneIndex
from .model import Atlas, Guide, Source, View, Zone

# Bump when the model or the loader's rules change, so old entries are not trusted.
CACHE_FORMAT = 3
MAX_ENTRIES = 20  # oldest entries beyond this are removed when a new one is written


try:  # CPython's built-in SHA-256: hashlib would first load OpenSSL (~3 ms of every start)
    from _sha2 import sha256 as _sha256  # Python 3.12+
except ImportError:  # pragma: no cover - depends on the Python version
    try:
        from _sha256 import sha256 as _sha256  # Python 3.11
    except ImportError:
        from hashlib import sha256 as _sha256


def _version() -> str:
    from .. import __version__

    return f"{CACHE_FORMAT}:{__version__}"


class AtlasCache:
    """Validated charts in `folder` (the UI passes the platform's cache folder)."""

    def __init__(self, folder: str | Path):
        self.folder = Path(folder)

    def key(self, raw: bytes) -> str:
        digest = _sha256(_version().encode())
        digest.update(raw)
        return digest.hexdigest()

    def _entry(self, raw: bytes) -> Path:
        return self.folder / f"{self.key(raw)}.json"

    def get(self, raw: bytes, path: Path | None = None) -> Atlas | None:
        """The atlas checked earlier from exactly these bytes, or None."""
        entry = self._entry(raw)
        try:
            plain = json.loads(entry.read_bytes())
            if plain.get("version") != _version():
                return None
            return atlas_from_plain(plain["atlas"], path)
        except FileNotFoundError:
            return None
        except (OSError, ValueError, KeyError, TypeError, AttributeError, IndexError):
            return None  # damaged: the next put() replaces it

    def put(self, raw: bytes, atlas: Atlas) -> None:
        """Remember `atlas` as the result of checking `raw`; failures only cost speed."""
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            payload = json.dumps(
                {"version": _version(), "atlas": atlas_to_plain(atlas)},
                ensure_ascii=False,
                separators=(",", ":"),
            ).encode("utf-8")
            with atomic_path(self._entry(raw)) as temporary:
                temporary.write_bytes(payload)
            self._trim(keep=self._entry(raw))
        except OSError:
            pass

    def _trim(self, keep: Path) -> None:
        others = [p for p in self.folder.glob("*.json") if p != keep]
        others.sort(key=lambda p: p.stat().st_mtime_ns, reverse=True)
        for old in others[MAX_ENTRIES - 1 :]:
            try:
                os.remove(old)
            except OSError:
                pass


def atlas_to_plain(atlas: Atlas) -> dict[str, Any]:
    return {
        "id": atlas.id,
        "title": atlas.title,
        "tradition": atlas.tradition,
        "description": atlas.description,
        "translations": atlas.translations,
        "sources": [[s.id, s.title, s.url, s.note, s.translations] for s in atlas.sources.values()],
        "views": [
            [
                v.id,
                v.foot,
                v.aspect,
                v.outline,
                [[g.id, g.name, g.points, g.translations] for g in v.guides],
                v.mirror_of,
            ]
            for v in atlas.views
        ],
        # label anchors take polylabel and polygon differences: worth keeping for the next start
        "anchors": {view.id: atlas.anchors(view.id) for view in atlas.views},
        "zones": [
            [
                z.id,
                z.name,
                z.region,
                z.claim,
                z.technique,
                z.sources,
                z.confidence,
                z.shapes,
                z.note,
                z.tradition,
                z.translations,
            ]
            for z in atlas.zones
        ],
    }


def _ring(points: list) -> tuple:
    return tuple((x, y) for x, y in points)


def atlas_from_plain(plain: dict[str, Any], path: Path | None) -> Atlas:
    views = tuple(
        View(
            view_id,
            foot,
            aspect,
            _ring(outline),
            tuple(Guide(gid, name, _ring(points), tr) for gid, name, points, tr in guides),
            mirror_of,
        )
        for view_id, foot, aspect, outline, guides, mirror_of in plain["views"]
    )
    zones = tuple(
        Zone(
            id=zone_id,
            name=name,
            region=region,
            claim=claim,
            technique=technique,
            sources=tuple(sources),
            confidence=confidence,
            shapes={view_id: tuple(_ring(part) for part in parts) for view_id, parts in shapes.items()},
            note=note,
            tradition=tradition,
            translations=tr,
        )
        for zone_id, name, region, claim, technique, sources, confidence, shapes, note, tradition, tr in (
            plain["zones"]
        )
    )
    shapes = ((view_id, z.id, parts) for z in zones for view_id, parts in z.shapes.items())
    atlas = Atlas(
        id=plain["id"],
        title=plain["title"],
        tradition=plain["tradition"],
        description=plain["description"],
        sources={sid: Source(sid, title, url, note, tr) for sid, title, url, note, tr in plain["sources"]},
        views=views,
        zones=zones,
        path=path,
        index=ZoneIndex(shapes),
        translations=plain["translations"],
    )
    atlas.remember_anchors(
        {
            view_id: {zone_id: (float(x), float(y)) for zone_id, (x, y) in anchors.items()}
            for view_id, anchors in plain["anchors"].items()
        }
    )
    return atlas
