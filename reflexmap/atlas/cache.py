"""A cache of validated charts, keyed by the SHA-256 of the file's bytes.

Checking a large chart (YAML, schema, every polygon against its outline) takes seconds; a
chart that has not changed need not be checked again. An entry is plain JSON of the already
validated model, so reading one builds no object a file could choose, and a changed byte in
the chart, a new ReflexMap version or a damaged entry simply means a full load again.
An entry is only ever a copy of what the loader accepted, never user data: a damaged one is
replaced, not kept.
"""

from __future__ import annotations

import base64
import binascii
import itertools
import json
import math
import os
import re
import struct
import sys
from array import array
from pathlib import Path
from typing import Any

from .. import bounded_json
from ..storage import atomic_path, read_regular
from ..vocab import ASPECTS, CONFIDENCES, FEET, REGIONS
from .cache_rules import check_anchors, check_geometry, check_texts, check_views
from .index import Packed, ZoneIndex
from .model import Atlas, Guide, Source, View, Zone

# The bounds the loader enforces (the schema's), checked again on every entry read
LIMIT_MM = 2000.0
MAX_POINTS = 100_000
MAX_PARTS = 100
MAX_ZONES = 10_000
MAX_SOURCES = 1_000
MAX_ZONE_SOURCES = 100

# Bump when the model or the loader's rules change, so old entries are not trusted.
CACHE_FORMAT = 5  # 4: zone coordinates packed as binary doubles; 5: check refuses invisible texts
MAX_ENTRIES = 20  # oldest entries beyond this are removed when a new one is written
MAX_ENTRY_BYTES = 256 * 1024 * 1024  # a 32 MiB chart's entry is a few times its size at most


try:  # CPython's built-in SHA-256: hashlib would first load OpenSSL (~3 ms of every start)
    from _sha2 import sha256 as _sha256  # Python 3.12+
except ImportError:  # pragma: no cover - depends on the Python version
    try:
        from _sha256 import sha256 as _sha256  # Python 3.11
    except ImportError:
        from hashlib import sha256 as _sha256


_NUMPY_FROM = 256 * 1024  # bytes of packed points (16,384 points): from here NumPy checks them
_OPENSSL_FROM = 1024 * 1024  # bytes: from this size, hashing costs more than loading OpenSSL


def _version() -> str:
    from ..version import __version__

    return f"{CACHE_FORMAT}:{__version__}"


class AtlasCache:
    """Validated charts in `folder` (the UI passes the platform's cache folder)."""

    def __init__(self, folder: str | Path):
        self.folder = Path(folder)

    def key(self, raw: bytes) -> str:
        if len(raw) > _OPENSSL_FROM:  # the same digest, six times faster for a large chart
            from hashlib import sha256

            digest = sha256(_version().encode())
        else:
            digest = _sha256(_version().encode())
        digest.update(raw)
        return digest.hexdigest()

    def _entry(self, raw: bytes) -> Path:
        return self.folder / f"{self.key(raw)}.json"

    def get(self, raw: bytes, path: Path | None = None) -> Atlas | None:
        """The atlas checked earlier from exactly these bytes, or None."""
        entry = self._entry(raw)
        try:
            data = read_regular(entry, MAX_ENTRY_BYTES)  # no pipe, never more than an entry holds
            # every value below is checked by type: no need to walk it for its depth first
            plain = bounded_json.loads(data, max_bytes=MAX_ENTRY_BYTES, max_depth=None)
            if type(plain) is not dict or plain.get("version") != _version():
                return None
            return atlas_from_plain(plain["atlas"], path)
        except FileNotFoundError:
            return None
        except (OSError, ValueError, KeyError, TypeError, AttributeError, IndexError, RecursionError):
            return None  # damaged or foreign: the next put() replaces it

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


def _packed(atlas: Atlas) -> tuple[str, dict[str, list]]:
    """Every zone polygon's points as one run of little-endian doubles (base64), and each
    zone's shapes as [offset, count] into it: reading 200,000 points back is a copy, not
    400,000 numbers parsed and checked one at a time (a second open of 10,000 zones)."""
    numbers = array("d")
    refs: dict[str, list] = {}
    for zone in atlas.zones:
        shapes = refs[zone.id] = {}
        for view_id, parts in zone.shapes.items():
            spans = shapes[view_id] = []
            for ring in parts:
                spans.append([len(numbers) // 2, len(ring)])
                for x, y in ring:
                    numbers.append(x)
                    numbers.append(y)
    if sys.byteorder != "little":  # pragma: no cover - every platform ReflexMap ships for
        numbers.byteswap()
    return base64.b64encode(numbers.tobytes()).decode("ascii"), refs


def atlas_to_plain(atlas: Atlas) -> dict[str, Any]:
    coordinates, refs = _packed(atlas)
    return {
        "coordinates": coordinates,
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
                refs[z.id],
                z.note,
                z.tradition,
                z.translations,
            ]
            for z in atlas.zones
        ],
    }


def _ring(points: list) -> tuple:
    return tuple((x, y) for x, y in points)


class _Untrusted(ValueError):
    """A cache entry that is not what the loader wrote."""


# The schema's ranges of the values an entry holds (atlas-v1.schema.json): a value of the right
# type outside them is not one the loader accepted.
_ID = re.compile(r"[a-z][a-z0-9]*(?:-[a-z0-9]+)*")
_LANGUAGE = re.compile(r"[a-z]{2}(?:-[A-Z]{2})?")
_URL = re.compile(r"https?://", re.IGNORECASE)


def _text(value: Any, limit: int = 4000, optional: bool = False) -> Any:
    """A text as the schema allows it: 1 to `limit` characters (or None, if `optional`)."""
    if (optional and value is None) or (type(value) is str and 0 < len(value) <= limit):
        return value
    raise _Untrusted("text")


def _id(value: Any, optional: bool = False) -> Any:
    if (optional and value is None) or (type(value) is str and len(value) <= 64 and _ID.fullmatch(value)):
        return value
    raise _Untrusted("id")


def _url(value: Any) -> Any:
    if value is None or (type(value) is str and len(value) <= 4000 and _URL.match(value)):
        return value
    raise _Untrusted("url")


# The texts a translation may give, per owner (the schema's, with at least one of them).
_TRANSLATED = {
    "chart": frozenset({"title", "tradition", "description"}),
    "zone": frozenset({"name", "claim", "technique", "note", "tradition"}),
    "source": frozenset({"title", "note"}),
    "guide": frozenset({"name"}),
}


def _translations(value: Any, owner: str) -> Any:
    if type(value) is not dict or len(value) > 64:
        raise _Untrusted("translations")
    for language, texts in value.items():
        if type(language) is not str or not _LANGUAGE.fullmatch(language):
            raise _Untrusted("translations")
        if type(texts) is not dict or not texts or not texts.keys() <= _TRANSLATED[owner]:
            raise _Untrusted("translations")
        for text in texts.values():
            _text(text)
    return value


def _point(value: Any) -> tuple[float, float]:
    x, y = value
    if (
        type(x) is not float
        or type(y) is not float
        or not (-LIMIT_MM <= x <= LIMIT_MM and -LIMIT_MM <= y <= LIMIT_MM)
    ):
        raise _Untrusted("coordinate")  # also refuses NaN, infinity and whole numbers
    return x, y


def _checked_ring(value: Any, fewest: int = 3) -> tuple:
    if type(value) is not list or not fewest <= len(value) <= MAX_POINTS:
        raise _Untrusted("ring")
    return tuple(_point(point) for point in value)


def _coordinates(text: Any) -> tuple[list[tuple[float, float]], Any]:
    """The packed zone points as (x, y) pairs, each a finite double within the coordinate
    limits; and, for a large chart, the same points as an (n, 2) NumPy array (else None),
    from which the index makes areas and polygons at once."""
    if type(text) is not str or len(text) > MAX_ENTRY_BYTES:
        raise _Untrusted("coordinates")
    try:
        raw = binascii.a2b_base64(text, strict_mode=True)  # b64decode(validate=True), in C
    except (binascii.Error, ValueError):
        raise _Untrusted("coordinates") from None
    if len(raw) % 16:  # whole points of two doubles
        raise _Untrusted("coordinates")
    array_of_points = None
    if len(raw) >= _NUMPY_FROM:  # a large chart: checked at once (its index needs NumPy anyway)
        import numpy as np

        packed = np.frombuffer(raw, dtype="<f8")
        if not np.all(np.abs(packed) <= LIMIT_MM):  # also false for NaN
            raise _Untrusted("coordinate")
        array_of_points = packed.astype(float).reshape(-1, 2)  # native order, its own memory
    else:
        numbers = array("d")
        numbers.frombytes(raw)
        if sys.byteorder != "little":  # pragma: no cover
            numbers.byteswap()
        if numbers and (
            any(map(math.isnan, numbers)) or min(numbers) < -LIMIT_MM or max(numbers) > LIMIT_MM
        ):  # NaN first: min and max are meaningless with one among the numbers
            raise _Untrusted("coordinate")
    # the (x, y) tuples straight from the bytes: half the time of a list of floats zipped
    return list(struct.iter_unpack("<dd", raw)), array_of_points


def _span(value: Any, points: int) -> tuple[int, int]:
    """A ring given as [offset, count] into the packed points, checked against `points`."""
    if type(value) is not list or len(value) != 2:
        raise _Untrusted("ring")
    offset, count = value
    if (
        type(offset) is not int
        or type(count) is not int
        or not 3 <= count <= MAX_POINTS
        or offset < 0
        or offset + count > points
    ):
        raise _Untrusted("ring")
    return offset, count


def atlas_from_plain(plain: dict[str, Any], path: Path | None) -> Atlas:
    """The atlas an entry holds, every value checked by type and range: the cache folder is
    the user's, and an entry may have been replaced by anything (raises ValueError)."""
    if type(plain) is not dict:
        raise _Untrusted("entry")
    return _atlas_from_plain(plain, path)


def _zone_shapes(zone_id: str, shapes: Any, view_ids: set[str], flat: list, packed: dict | None) -> dict:
    """A zone's shapes: per view, its parts as rings given as [offset, count] into the packed
    points (or, as an entry may also hold them, as lists of [x, y] points, checked one by one).
    With `packed` (a large chart), each view's entry for the index, (zone id, parts) and the
    rings' (offset, count), is added to packed[view]; a ring given as points sets
    packed["?"], and the caller then makes the index from the points alone."""
    if type(shapes) is not dict or not shapes:  # a zone is drawn in one view at least
        raise _Untrusted("zone")
    checked = {}
    points = len(flat)
    for view_id, parts in shapes.items():
        if view_id not in view_ids or type(parts) is not list or not 1 <= len(parts) <= MAX_PARTS:
            raise _Untrusted("zone shape")
        if len(parts) == 1 and type(part := parts[0]) is list and len(part) == 2:
            offset, count = part  # one ring given as [offset, count]: nearly every zone
            if (
                type(offset) is int
                and type(count) is int
                and 3 <= count <= MAX_POINTS
                and 0 <= offset <= points - count
            ):
                shape = checked[view_id] = (tuple(flat[offset : offset + count]),)
                if packed is not None:
                    packed[view_id].append((zone_id, shape, ((offset, count),)))
                continue
        rings, where = [], []
        for part in parts:
            if type(part) is list and part and type(part[0]) is list:
                rings.append(_checked_ring(part))
                if packed is not None:
                    packed["?"] = None
            else:
                offset, count = _span(part, points)
                rings.append(tuple(flat[offset : offset + count]))
                where.append((offset, count))
        shape = checked[view_id] = tuple(rings)
        if packed is not None:
            packed[view_id].append((zone_id, shape, tuple(where)))
    return checked


def _zones(rows: Any, sources: dict, view_ids: set[str], flat: list, packed: dict | None) -> list[Zone]:
    """The entry's zones, every value checked (the checks of `_text` and `_translations`
    written out for the fields every zone has: 10,000 zones are read at a second open)."""
    if type(rows) is not list or len(rows) > MAX_ZONES:
        raise _Untrusted("zones")
    zones = []
    append = zones.append
    for row in rows:
        (
            zone_id,
            name,
            region,
            claim,
            technique,
            zone_sources,
            confidence,
            shapes,
            note,
            tradition,
            tr,
        ) = row
        if not (
            type(zone_id) is str
            and len(zone_id) <= 64
            and _ID.fullmatch(zone_id)
            and type(name) is str
            and 0 < len(name) <= 4000
            and type(claim) is str
            and 0 < len(claim) <= 4000
            and type(technique) is str
            and 0 < len(technique) <= 4000
            and (note is None or (type(note) is str and 0 < len(note) <= 4000))
            and (tradition is None or (type(tradition) is str and 0 < len(tradition) <= 4000))
        ):
            raise _Untrusted("text")
        if region not in REGIONS or confidence not in CONFIDENCES:
            raise _Untrusted("zone")
        if (
            type(zone_sources) is not list
            or not 0 < len(zone_sources) <= MAX_ZONE_SOURCES
            or not all(map(sources.__contains__, zone_sources))
        ):
            raise _Untrusted("zone sources")
        if tr or type(tr) is not dict:  # most zones have no translations
            _translations(tr, "zone")
        append(
            Zone(
                zone_id,
                name,
                region,
                claim,
                technique,
                tuple(zone_sources),
                confidence,
                _zone_shapes(zone_id, shapes, view_ids, flat, packed),
                note,
                tradition,
                tr,
            )
        )
    return zones


def _atlas_from_plain(plain: dict[str, Any], path: Path | None) -> Atlas:
    flat, array_of_points = _coordinates(plain["coordinates"])
    views = []
    for view_id, foot, aspect, outline, guides, mirror_of in plain["views"]:
        if foot not in FEET or aspect not in ASPECTS or type(guides) is not list:
            raise _Untrusted("view")
        views.append(
            View(
                _id(view_id),
                foot,
                aspect,
                _checked_ring(outline),
                tuple(
                    Guide(_id(gid), _text(name), _checked_ring(points, 2), _translations(tr, "guide"))
                    for gid, name, points, tr in guides
                ),
                _id(mirror_of, optional=True),
            )
        )
    view_ids = {view.id for view in views}
    if len(view_ids) != len(views) or not views:
        raise _Untrusted("views")
    check_views(tuple(views))  # one view a foot and aspect; mirrors as `check` makes them
    if type(plain["sources"]) is not list or len(plain["sources"]) > MAX_SOURCES:
        raise _Untrusted("sources")
    sources = {}
    for sid, title, url, note, tr in plain["sources"]:
        sources[_id(sid)] = Source(
            sid, _text(title), _url(url), _text(note, optional=True), _translations(tr, "source")
        )
    if len(sources) != len(plain["sources"]):  # an id given twice: `check` refuses that
        raise _Untrusted("source ids")
    packed = None if array_of_points is None else {view_id: [] for view_id in view_ids}
    zones = _zones(plain["zones"], sources, view_ids, flat, packed)
    if len({zone.id for zone in zones}) != len(zones):
        raise _Untrusted("zone ids")
    shared = None  # the packed points, when the index and the geometry check may take them
    if packed is not None and "?" not in packed:
        shared = Packed(array_of_points, packed)
        index = ZoneIndex.from_packed(shared)
    else:
        index = ZoneIndex((view_id, z.id, parts) for z in zones for view_id, parts in z.shapes.items())
    atlas = Atlas(
        id=_id(plain["id"]),
        title=_text(plain["title"]),
        tradition=_text(plain["tradition"]),
        description=_text(plain["description"], optional=True),
        sources=sources,
        views=tuple(views),
        zones=tuple(zones),
        path=path,
        index=index,
        translations=_translations(plain["translations"], "chart"),
    )
    # what `check` refuses is refused here too: a text it cannot show, a ring that crosses
    # itself, parts that overlap, a zone outside its outline (cache_rules.py)
    check_texts(atlas)
    check_geometry(atlas, shared)
    remembered = _anchors(plain["anchors"], zones, view_ids)
    check_anchors(atlas, remembered, shared)  # each in its zone: a leader points at its zone
    atlas.remember_anchors(remembered)
    return atlas


def _anchors(anchors: Any, zones: list[Zone], view_ids: set[str]) -> dict[str, dict[str, tuple]]:
    """The label anchors an entry holds: one point for each zone of each view, each a pair of
    finite doubles within the coordinate limits (checked a view at a time, not point by point:
    10,000 of them at a second open)."""
    if type(anchors) is not dict or anchors.keys() != view_ids:
        raise _Untrusted("anchors")
    in_view: dict[str, set[str]] = {view_id: set() for view_id in view_ids}
    for zone in zones:
        for view_id in zone.shapes:
            in_view[view_id].add(zone.id)
    chained = itertools.chain.from_iterable
    remembered = {}
    for view_id, points in anchors.items():
        if type(points) is not dict or points.keys() != in_view[view_id]:
            raise _Untrusted("anchors")
        pairs = list(points.values())
        if any(type(point) is not list or len(point) != 2 for point in pairs):
            raise _Untrusted("anchors")
        flat = list(chained(pairs))
        if any(type(number) is not float for number in flat) or (
            flat and (any(map(math.isnan, flat)) or min(flat) < -LIMIT_MM or max(flat) > LIMIT_MM)
        ):  # NaN first: min and max are meaningless with one among the numbers
            raise _Untrusted("coordinate")
        numbers = iter(flat)
        remembered[view_id] = dict(zip(points, zip(numbers, numbers, strict=False), strict=True))
    return remembered
