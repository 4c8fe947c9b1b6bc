"""Tests' helpers for editing a chart-cache entry's packed values (cache.py writes zone rings
and label anchors as runs of doubles and ring lengths): `opened` gives them as lists a test
can change, `closed` packs them back into the entry (as cache.entry_plain gives it, written
with cache.entry_bytes); `file_of_json` is an entry file holding any JSON text. None of them
checks anything."""

from __future__ import annotations

import struct
import zlib

from reflexmap.atlas.cache import MAGIC


def _doubles(raw: bytes) -> list[float]:
    return list(struct.unpack(f"<{len(raw) // 8}d", raw))


def _packed(numbers: list[float], kind: str = "d") -> bytes:
    return struct.pack(f"<{len(numbers)}{kind}", *numbers)


def file_of_json(text: str) -> bytes:
    """An entry file (magic, CRC, length) whose JSON is `text`, with no packed run after it."""
    body = text.encode("utf-8")
    return MAGIC + struct.pack("<IQ", zlib.crc32(body), len(body)) + body


def opened(atlas: dict) -> tuple[list[dict[str, list]], dict[str, dict[str, list[float]]]]:
    """(each zone's shapes as {view id: [ring as [[x, y], …], …]}, {view id: {zone id: [x, y]}})
    of an entry's "atlas" as cache.py wrote it."""
    numbers = _doubles(atlas["coordinates"])
    raw = atlas["rings"]
    counts = list(struct.unpack(f"<{len(raw) // 4}I", raw))
    shapes, k, at = [], 0, 0
    for zone in atlas["zones"]:
        mine: dict[str, list] = {}
        for view_id in zone[7]:
            ring = numbers[2 * at : 2 * (at + counts[k])]
            mine.setdefault(view_id, []).append([[x, y] for x, y in zip(ring[0::2], ring[1::2], strict=True)])
            at, k = at + counts[k], k + 1
        shapes.append(mine)
    anchors = {}
    for view_id, text in atlas["anchors"].items():
        values = _doubles(text)
        ids = [zone[0] for zone, mine in zip(atlas["zones"], shapes, strict=True) if view_id in mine]
        anchors[view_id] = {zone_id: values[2 * i : 2 * i + 2] for i, zone_id in enumerate(ids)}
    return shapes, anchors


def closed(atlas: dict, shapes: list[dict[str, list]], anchors: dict[str, dict[str, list[float]]]) -> None:
    """Packs `shapes` (one per zone row of the entry, in order) and `anchors` into the entry:
    each view's anchors in the order of the zones drawn in it."""
    numbers, counts = [], []
    for zone, mine in zip(atlas["zones"], shapes, strict=True):
        zone[7] = [view_id for view_id, rings in mine.items() for _ in rings]
        for rings in mine.values():
            for ring in rings:
                counts.append(len(ring))
                numbers.extend(n for point in ring for n in point)
    atlas["coordinates"] = _packed(numbers)
    atlas["rings"] = _packed(counts, "I")
    atlas["anchors"] = {
        view_id: _packed(
            [
                n
                for zone, mine in zip(atlas["zones"], shapes, strict=True)
                if view_id in mine
                for n in points[zone[0]]
            ]
        )
        for view_id, points in anchors.items()
    }
