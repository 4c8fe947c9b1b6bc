"""A view's zones' edges filed again after an edit of a few zones (the editor's drag): the
`SegmentIndex` a fresh filing of every zone would make, from the one before it, touching
only the squares those zones' edges were in or are in now. Pure Python, no Qt."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence

from .labels import Point, SegmentIndex, ring_segments

Rings = Sequence[Sequence[Point]]


def refiled(
    index: SegmentIndex, before: Sequence[tuple[int, Rings]], after: Sequence[tuple[int, Rings]]
) -> SegmentIndex:
    """`index` (zones' edges tagged with their zone's number, as `zone_segments` gives them)
    with the zones numbered in `before` (number, rings as they were) filed again with their
    rings in `after`: the same squares holding the same segments in the same order as
    `SegmentIndex(zone_segments(every zone as it is now))`."""
    c = SegmentIndex.CELL
    numbers = {number for number, _rings in before} | {number for number, _rings in after}
    fresh = SegmentIndex([(*seg, number) for number, rings in sorted(after) for seg in ring_segments(rings)])
    squares = set(fresh.cells)
    for _number, rings in before:
        for seg in ring_segments(rings):
            for i in range(int(seg[4] // c), int(seg[6] // c) + 1):
                for j in range(int(seg[5] // c), int(seg[7] // c) + 1):
                    squares.add((i, j))
    cells = dict(index.cells)
    for square in squares:
        kept = [seg for seg in cells.get(square, ()) if seg[10] not in numbers]
        for seg in fresh.cells.get(square, ()):  # (in order: by zone number, then as drawn)
            kept.insert(bisect_right(kept, seg[10], key=lambda s: s[10]), seg)
        if kept:
            cells[square] = kept
        else:
            cells.pop(square, None)
    patched = SegmentIndex([])
    segments = [seg for seg in index.segments if seg[10] not in numbers]
    for seg in fresh.segments:
        segments.insert(bisect_right(segments, seg[10], key=lambda s: s[10]), seg)
    patched.segments, patched.cells = segments, cells
    return patched
