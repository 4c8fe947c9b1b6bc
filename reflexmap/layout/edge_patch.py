"""A view's zones' edges filed again after an edit of a few zones (the editor's drag): the
`SegmentIndex` a fresh filing of every zone would make, from the one before it, touching
only the squares those zones' edges were in or are in now. Pure Python, no Qt."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable, Sequence

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


def edges_moved(
    index: SegmentIndex, number: int, before: Rings, after: Rings, place: Callable[[float, float], Point]
) -> SegmentIndex | None:
    """`index` (as `refiled` takes it) with zone `number`'s rings changed from `before` to
    `after` (in the zone's own coordinates; `place` turns a corner into the index's, as the
    index was filed), touching only the edges at the corners that changed: a corner dragged
    on a zone of 100,000 corners files two edges again, not 100,000 (`refiled` made them all
    again, 0.37 s a view). The same squares, segments and order as a fresh filing; None when
    the rings are not as the index has them (another number of rings, or of edges)."""
    if len(before) != len(after):
        return None
    start = bisect_left(index.segments, number, key=lambda s: s[10])
    end = bisect_right(index.segments, number, key=lambda s: s[10])
    if end - start != sum(len(ring) for ring in before):
        return None
    c = SegmentIndex.CELL
    zone_old = index.segments[start:end]
    zone_new: list[tuple] = []
    gone: list[tuple] = []
    came: list[tuple] = []

    def fresh(ring: Sequence[Point], k: int) -> tuple:
        (x0, y0), (x1, y1) = place(*ring[k]), place(*ring[(k + 1) % len(ring)])
        seg = (x0, y0, x1, y1, min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1))
        made = (*seg, int(seg[4] // c), int(seg[5] // c), number)
        came.append(made)
        return made

    at = 0
    for old_ring, new_ring in zip(before, after, strict=True):
        m, n = len(old_ring), len(new_ring)
        old = zone_old[at : at + m]
        at += m
        a = _common_prefix(old_ring, new_ring)
        if a == m == n:
            zone_new.extend(old)
            continue
        b = _common_prefix(old_ring[::-1], new_ring[::-1], min(m, n) - a)
        # old edge k joins corners k and k + 1 (the last one closes the ring): those between
        # two corners of the common start, or of the common end, stay; the closing edge stays
        # when both its corners do
        lo = max(a - 1, 0)
        wrap = a > 0 and b > 0
        kept_end = old[m - b : m if wrap else max(m - 1, m - b)]
        gone.extend(old[lo : m - b])
        if not wrap and b > 0:
            gone.append(old[m - 1])
        zone_new.extend(old[:lo])
        zone_new.extend(fresh(new_ring, k) for k in range(lo, n - b))
        zone_new.extend(kept_end)
        if not wrap and b > 0:
            zone_new.append(fresh(new_ring, n - 1))
    patched = SegmentIndex([])
    patched.segments = [*index.segments[:start], *zone_new, *index.segments[end:]]
    cells = dict(index.cells)
    squares: set[tuple[int, int]] = set()
    for seg in (*gone, *came):
        for i in range(seg[8], int(seg[6] // c) + 1):
            for j in range(seg[9], int(seg[7] // c) + 1):
                squares.add((i, j))
    dropped = {id(seg) for seg in gone}
    by_square: dict[tuple[int, int], list[tuple]] = {}
    for seg in came:
        for i in range(seg[8], int(seg[6] // c) + 1):
            for j in range(seg[9], int(seg[7] // c) + 1):
                by_square.setdefault((i, j), []).append(seg)
    rank: dict[int, int] | None = None
    for square in squares:
        kept = [seg for seg in cells.get(square, ()) if id(seg) not in dropped]
        added = by_square.get(square, [])
        if added:
            if rank is None:  # (the zone's edges in their order: where new ones go among the rest)
                rank = {id(seg): k for k, seg in enumerate(zone_new)}
            # (a stable sort: other zones' edges keep their order, by zone number)
            kept = sorted(kept + added, key=lambda s: (s[10], rank.get(id(s), 0) if s[10] == number else 0))
        if kept:
            cells[square] = kept
        else:
            cells.pop(square, None)
    patched.cells = cells
    return patched


def _common_prefix(a: Sequence[Point], b: Sequence[Point], most: int | None = None) -> int:
    """How many corners `a` and `b` share from their start (at most `most`): compared a block
    at a time (in C), then one by one in the block that differs."""
    most = min(len(a), len(b)) if most is None else most
    k, step = 0, 4096
    while k < most:
        stop = min(k + step, most)
        if a[k:stop] == b[k:stop]:
            k = stop
            continue
        while a[k] == b[k]:
            k += 1
        return k
    return most
