"""Where the boxed notes on the map go (quiz feedback: "✔ Sacrum", "≈ 0.6 mm", "✖ Coccyx").

Qt-free. Boxes are (left, top, width, height) in scene millimetres. Each note has a spot it
would like (beside its zone or its point); a note placed later must not cover a note placed
earlier, nor the ring that marks an exact click: the symbol (✔, ≈, ✖) is what tells the
answer without colour, and a ring drawn on a box hides letters. Since the boxes live in the
scene, what does not overlap here does not overlap at any zoom.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

Box = tuple[float, float, float, float]  # left, top, width, height (mm)


def overlaps(a: Box, b: Box, gap: float = 0.0) -> bool:
    """True when the boxes come closer than `gap` (touching edges do not overlap at gap 0)."""
    return (
        a[0] < b[0] + b[2] + gap
        and b[0] < a[0] + a[2] + gap
        and a[1] < b[1] + b[3] + gap
        and b[1] < a[1] + a[3] + gap
    )


def place_notes(
    wanted: Sequence[Box], fixed: Sequence[Box] = (), *, gap: float = 0.6, bounds: Box | None = None
) -> list[Box]:
    """The boxes of `wanted`, in order, each moved as little as it takes to keep `gap` from
    every box in `fixed` (rings at exact points, with their pens) and every note placed
    before it. A box's pen may take half of `gap`. With `bounds` (the chart as drawn), a
    moved box stays inside it: a note pushed above the chart's title left the map's top.

    Candidates are the wanted spot and the spots flush against a taken box's sides (and
    their combinations); the nearest free one wins, vertical moves weighed slightly less
    than sideways ones, since a note above or below its zone still reads as its zone's. When
    no candidate is free, the note goes below everything taken: always free, never hidden."""
    taken: list[Box] = list(fixed)
    placed: list[Box] = []
    for box in wanted:
        spot = _nearest_free(box, taken, gap, bounds)
        placed.append(spot)
        taken.append(spot)
    return placed


def _inside(box: Box, bounds: Box | None) -> bool:
    if bounds is None:
        return True
    return (
        box[0] >= bounds[0] - 1e-9
        and box[1] >= bounds[1] - 1e-9
        and box[0] + box[2] <= bounds[0] + bounds[2] + 1e-9
        and box[1] + box[3] <= bounds[1] + bounds[3] + 1e-9
    )


def _best_spot(
    box: Box, sides: Sequence[Box], taken: Sequence[Box], gap: float, bounds: Box | None
) -> Box | None:
    left, top, width, height = box
    xs = {left}
    ys = {top}
    for t in sides:
        xs.update((t[0] + t[2] + gap * 1.01, t[0] - width - gap * 1.01))
        ys.update((t[1] + t[3] + gap * 1.01, t[1] - height - gap * 1.01))
    best: tuple[float, Box] | None = None
    for x in xs:
        for y in ys:
            cost = 1.5 * (x - left) ** 2 + (y - top) ** 2
            if best is not None and cost >= best[0]:
                continue
            spot = (x, y, width, height)
            if _inside(spot, bounds) and not any(overlaps(spot, other, gap) for other in taken):
                best = (cost, spot)
    return None if best is None else best[1]


def _nearest_free(box: Box, taken: Sequence[Box], gap: float, bounds: Box | None = None) -> Box:
    left, top, width, height = box
    if not any(overlaps(box, other, gap) for other in taken):
        return box
    # only boxes near enough to matter make candidates: keeps many marks cheap; when none
    # of theirs is free (inside `bounds`), every taken box's sides are tried
    near = [t for t in taken if overlaps((left - width, top - height, 3 * width, 3 * height), t, gap)]
    for sides in (near, taken) if len(near) < len(taken) else (near,):
        best = _best_spot(box, sides, taken, gap, bounds)
        if best is not None:
            return best
    bottom = max(t[1] + t[3] for t in taken)
    return (left, bottom + gap * 1.01, width, height)


SIDE_BOXES = 32  # free_spot: the boxes nearest the point whose sides make candidate corners


def free_spot(
    size: tuple[float, float],
    point: tuple[float, float],
    preferred: Sequence[tuple[float, float]],
    taken: Sequence[Box],
    bounds: Box | None = None,
    *,
    reach: float,
    gap: float = 2.0,
    soft: Sequence[Box] = (),
    soft_cost: float = 0.0,
    line_cost: float = 0.0,
    others: Sequence[tuple[float, float]] = (),
    feet: Sequence[Sequence[tuple[float, float]]] = (),
    inside_feet: bool = False,
    clear_of: Sequence[Box] = (),
) -> tuple[float, float] | None:
    """Top-left corner for a box of `size` (width, height) near `point` that overlaps none of
    `taken` (kept `gap` apart) and lies inside `bounds`: the first of `preferred` corners that
    is free, else the free corner nearest `point` among those flush against the sides of the
    taken boxes nearest it (SIDE_BOXES of them) and the preferred rows and columns, no further
    than `reach` from it; None when there is none (a message then says so elsewhere than over
    the chart's text). Every corner is tested against every box at once (numpy): it answers on
    every move of a drag, however crowded the view. Any units: the editor's messages use view
    pixels.

    With `soft` boxes (what a message had better not hide: zones, pieces of leader and guide
    lines, see `line_pieces`) or `line_cost`, every free corner is weighed instead: its
    distance, plus `soft_cost` × the share of the box over the soft boxes, plus `line_cost`
    for each taken box (a label) that the line joining the point to the box (to its nearest
    point) crosses; the preferred corners, in their order, win a tie. With `others` (the
    places of other problems' marks) only a corner whose box is strictly nearer `point` than
    each of them is taken, where there is one: a message read beside another mark is read as
    that mark's (a zone's and its mirror's messages stood as near each other's marks as their
    own, 14.45 px from both).

    With `feet` (the feet's outlines, closed polygons), only a box on the paper outside every
    one is free: it crosses no outline (boxes along each, see `line_pieces`, count as taken)
    and no point of it (its corners and centre) lies inside one. A box wholly inside a foot
    crosses no outline: tested by its edges alone, messages landed on the feet (S17-2). With
    `inside_feet` too, a box wholly inside a foot is free as well (it hides no edge).

    With `clear_of` (the chart's text), only a corner whose leader runs clear of those boxes
    (`crosses`) is taken: the best such (place_message asks so where the best free corner's
    leader runs through text)."""
    import numpy as np  # (only when a message is placed: not at start-up)

    width, height = size
    px, py = point
    around = (px - reach - width, py - reach - height, 2 * (reach + width), 2 * (reach + height))
    near_list = [t for t in taken if overlaps(around, t, gap)]
    given = len(near_list)  # (the boxes asked about come first, the outlines' pieces after)
    if feet:
        # (pieces as long as three gaps: a slanting piece's box covers little paper beside it)
        near_list += [t for t in _outline_boxes(feet, gap) if overlaps(around, t, gap)]
    near = np.array(near_list or [(0.0, 0.0, 0.0, 0.0)], dtype=float)
    left, top = near[:, 0] - gap, near[:, 1] - gap
    right, bottom = near[:, 0] + near[:, 2] + gap, near[:, 1] + near[:, 3] + gap
    real = (near[:, 2] > 0) | (near[:, 3] > 0)

    def distance(x, y, w=width, h=height):  # from the point to the nearest side of the box at x, y
        return np.hypot(
            np.maximum(np.maximum(x - px, px - x - w), 0.0), np.maximum(np.maximum(y - py, py - y - h), 0.0)
        )

    def free(x, y):  # arrays of corners -> array of bools
        x, y = np.asarray(x, dtype=float)[:, None], np.asarray(y, dtype=float)[:, None]
        ok = ~_hits(np, x[:, 0], y[:, 0], width, height, (left, top, right, bottom, real))
        if bounds is not None:
            x, y = x[:, 0], y[:, 0]
            ok &= (bounds[0] <= x) & (x + width <= bounds[0] + bounds[2])
            ok &= (bounds[1] <= y) & (y + height <= bounds[1] + bounds[3])
        if feet and not inside_feet:  # (only the corners still free: the test costs most)
            x, y = np.ravel(x), np.ravel(y)
            left_free = np.flatnonzero(ok)
            for fx, fy in ((width / 2, height / 2), (0.0, 0.0), (width, 0.0), (0.0, height), (width, height)):
                if not len(left_free):
                    break
                inside = inside_any(np, x[left_free] + fx, y[left_free] + fy, feet)
                ok[left_free[inside]] = False
                left_free = left_free[~inside]
        return ok

    if soft or line_cost or others:
        return _weighed(
            np,
            size,
            point,
            preferred,
            near,
            real,
            gap,
            free,
            distance,
            reach,
            soft,
            soft_cost,
            line_cost,
            others,
            clear_of,
            given,
            bounds,
        )
    if preferred:
        xs, ys = np.array([p[0] for p in preferred]), np.array([p[1] for p in preferred])
        good = free(xs, ys) & (distance(xs, ys) <= reach)
        spot = _first_clear(np.flatnonzero(good), xs, ys, point, size, clear_of)
        if spot is not None:
            return spot
    order = _nearest_sides(np, near, given, distance, wide=len(clear_of) > 0)
    gx, gy = _grid(np, preferred, near[order], width, height, gap, bounds)
    far = distance(gx, gy)
    within = far <= reach
    gx, gy, far = gx[within], gy[within], far[within]
    if not len(gx):
        return None
    by_distance = np.argsort(far, kind="stable")
    tries = 0
    for start in range(0, len(by_distance), 1024):  # the nearest first: most answer in one go
        chunk = by_distance[start : start + 1024]
        good = chunk[np.flatnonzero(free(gx[chunk], gy[chunk]))][: max(CLEAR_TRIES - tries, 1)]
        spot = _first_clear(good, gx, gy, point, size, clear_of)
        if spot is not None:
            return spot
        tries += len(good)
        if len(clear_of) and tries >= CLEAR_TRIES:
            return None
    return None


def _hits(np, x, y, width: float, height: float, boxes) -> object:
    """For each corner (x[k], y[k]) of a `width` × `height` box: whether it overlaps any of
    `boxes` (left, top, right, bottom arrays, `real` those with a size). Corners come in rows
    (a grid): each row is tested only against the boxes level with it, a tenth of them or
    so (every corner against every box took 0.13 s a call on a crowded chart)."""
    left, top, right, bottom, real = boxes
    hit = np.zeros(len(x), dtype=bool)
    keep = np.flatnonzero(real)
    by_top = keep[np.argsort(top[keep], kind="stable")]
    tops, bottoms = top[by_top], bottom[by_top]
    lefts, rights = left[by_top], right[by_top]
    rows, at = np.unique(y, return_inverse=True)
    order = np.argsort(at, kind="stable")
    starts = np.searchsorted(at[order], np.arange(len(rows) + 1))
    ends = np.searchsorted(tops, rows + height)  # (boxes starting above the row's bottom)
    for r, row in enumerate(rows):
        level = np.flatnonzero(bottoms[: ends[r]] > row)
        if not len(level):
            continue
        ks = order[starts[r] : starts[r + 1]]
        xs = x[ks][:, None]
        hit[ks] = ((xs < rights[level]) & (lefts[level] < xs + width)).any(axis=1)
    return hit


def _nearest_sides(np, near, given: int, distance, *, wide: bool = False):
    """Indices of the boxes in `near` whose sides make candidate corners: the SIDE_BOXES nearest
    the point of the first `given` (labels, rings, messages) and as many of the rest (pieces
    of the feet's outlines). Together, the outline's many short pieces near a ring took every
    place, and the paper between the feet, beside labels further off, was never tried (the
    kidneys' message at Largest text stood over the heel's zones). `wide` (a leader clear of
    the text asked for): twice as many of the first and four times as many pieces, as such a
    place stands beyond what is round the point (the German kidneys' place clear of
    'Taillenlinie' was flush against a text not among the 32 nearest; three messages at one
    point took the places beside it, and the free one 14 mm off, its leader clear of them,
    stood flush under a piece of the toe's outline the 100th nearest)."""
    far = distance(near[:, 0], near[:, 1], near[:, 2], near[:, 3])
    first = np.argsort(far[:given], kind="stable")[: SIDE_BOXES * (2 if wide else 1)]
    rest = given + np.argsort(far[given:], kind="stable")[: SIDE_BOXES * (4 if wide else 1)]
    return np.concatenate([first, rest])


CLEAR_TRIES = 1024  # free_spot's clear_of: the best free corners whose leaders are followed


def _first_clear(ks, xs, ys, point, size, clear_of):
    """The first of the corners `ks` (indices into xs, ys, best first) whose leader runs clear
    of `clear_of` (all of them when that is empty): at most CLEAR_TRIES followed, their
    leaders walked CLEAR_BATCH at a time (`_crossing`: one by one, 1024 of them took seconds)."""
    import numpy as np

    ks = np.asarray(ks, dtype=int)
    if not len(ks):
        return None
    if not len(clear_of):
        return (float(xs[ks[0]]), float(ys[ks[0]]))
    clear_of = np.asarray(clear_of, dtype=float).reshape(-1, 4)
    ks = ks[:CLEAR_TRIES]
    for start in range(0, len(ks), CLEAR_BATCH):
        batch = ks[start : start + CLEAR_BATCH]
        clear = np.flatnonzero(~_crossing(np, point, xs[batch], ys[batch], size, clear_of))
        if len(clear):
            k = batch[clear[0]]
            return (float(xs[k]), float(ys[k]))
    return None


CLEAR_BATCH = 64  # _first_clear: leaders walked at once


def _crossing(np, point, xs, ys, size, boxes):
    """For each corner (xs[k], ys[k]): `crosses` for the box of `size` there, all at once (the
    same ways, sampled the same, the rings centred on `point` left out the same way)."""
    px, py = point
    w, h = size
    xs, ys = np.asarray(xs, dtype=float), np.asarray(ys, dtype=float)
    nx, ny = np.clip(px, xs, xs + w), np.clip(py, ys, ys + h)
    fx, fy = np.full_like(xs, px), np.full_like(ys, py)
    rings = np.isclose(boxes[:, 0] + boxes[:, 2] / 2, px) & np.isclose(boxes[:, 1] + boxes[:, 3] / 2, py)
    ring, q = boxes[rings], boxes[~rings]
    ways = (
        [((fx, fy), (nx, ny))],
        [((fx, fy), (nx, fy)), ((nx, fy), (nx, ny))],
        [((fx, fy), (fx, ny)), ((fx, ny), (nx, ny))],
    )
    every = np.ones(len(xs), dtype=bool)
    if not len(q):
        return ~every
    for way in ways:
        through = np.zeros(len(xs), dtype=bool)
        for (ax, ay), (bx, by) in way:
            steps = np.maximum(2, (np.hypot(bx - ax, by - ay) // 2).astype(int))
            which = np.repeat(np.arange(len(xs)), steps)
            k = np.arange(len(which)) - np.repeat(np.cumsum(steps) - steps, steps) + 1
            share = k / steps[which]
            x = (ax[which] + (bx - ax)[which] * share)[:, None]
            y = (ay[which] + (by - ay)[which] * share)[:, None]
            if len(ring):  # (from the rings' edge on)
                within = (ring[:, 0] <= x) & (x <= ring[:, 0] + ring[:, 2])
                within &= (ring[:, 1] <= y) & (y <= ring[:, 1] + ring[:, 3])
                out = ~within.any(axis=1)
                x, y, which = x[out], y[out], which[out]
            inside = (q[:, 0] < x) & (x < q[:, 0] + q[:, 2]) & (q[:, 1] < y) & (y < q[:, 1] + q[:, 3])
            through |= np.bincount(which[inside.any(axis=1)], minlength=len(xs)) > 0
        every &= through
    return every


def _grid(np, preferred, sides, width: float, height: float, gap: float, bounds: Box | None = None):
    """Corners flush against the sides of the boxes `sides`, against the edges of `bounds`,
    and the preferred rows and columns. (Without the edges, a place in a corner of the view
    was found only beside a box there: the kidneys' message, its only places with a leader
    clear of the text at the top of the view, stood under the feet, its line through a guide
    name.)"""
    edges_x = [] if bounds is None else [bounds[0], bounds[0] + bounds[2] - width]
    edges_y = [] if bounds is None else [bounds[1], bounds[1] + bounds[3] - height]
    xs = np.unique(
        np.concatenate(
            [
                edges_x,
                [p[0] for p in preferred],
                sides[:, 0] + sides[:, 2] + gap * 1.01,
                sides[:, 0] - width - gap * 1.01,
            ]
        )
    )
    ys = np.unique(
        np.concatenate(
            [
                edges_y,
                [p[1] for p in preferred],
                sides[:, 1] + sides[:, 3] + gap * 1.01,
                sides[:, 1] - height - gap * 1.01,
            ]
        )
    )
    gx, gy = np.meshgrid(xs, ys)
    return gx.ravel(), gy.ravel()


def _weighed(
    np,
    size,
    point,
    preferred,
    near,
    real,
    gap,
    free,
    distance,
    reach,
    soft,
    soft_cost,
    line_cost,
    others=(),
    clear_of=(),
    given=None,
    bounds=None,
):
    """`free_spot` weighing each free corner (see there)."""
    width, height = size
    px, py = point
    order = _nearest_sides(np, near, len(near) if given is None else given, distance, wide=len(clear_of) > 0)
    soft_boxes = np.array(list(soft) or [(0.0, 0.0, 0.0, 0.0)], dtype=float)
    sides = np.concatenate([near[order], soft_boxes[np.argsort(distance(*soft_boxes.T))[:SIDE_BOXES]]])
    gx, gy = _grid(np, preferred, sides, width, height, gap, bounds)
    first = np.array([p[0] for p in preferred], dtype=float), np.array([p[1] for p in preferred], dtype=float)
    gx, gy = np.concatenate([first[0], gx]), np.concatenate([first[1], gy])
    rank = np.concatenate([np.arange(len(preferred), dtype=float), np.full(len(gx) - len(preferred), 1e3)])
    far = distance(gx, gy)
    keep = far <= reach
    gx, gy, far, rank = gx[keep], gy[keep], far[keep], rank[keep]
    if not len(gx):
        return None
    good = free(gx, gy)
    gx, gy, far, rank = gx[good], gy[good], far[good], rank[good]
    if not len(gx):
        return None
    if others:  # nearer its own mark than any other's, where a corner is
        ox, oy = np.array([o[0] for o in others])[None, :], np.array([o[1] for o in others])[None, :]
        x, y = gx[:, None], gy[:, None]
        theirs = np.hypot(
            np.maximum(np.maximum(x - ox, ox - x - width), 0.0),
            np.maximum(np.maximum(y - oy, oy - y - height), 0.0),
        ).min(axis=1)
        own = far < theirs
        if own.any():
            gx, gy, far, rank = gx[own], gy[own], far[own], rank[own]
    cost = far.copy()
    if soft:  # the share of the box over zones and lines
        sx, sy = soft_boxes[:, 0][None, :], soft_boxes[:, 1][None, :]
        sr, sb = sx + soft_boxes[:, 2][None, :], sy + soft_boxes[:, 3][None, :]
        x, y = gx[:, None], gy[:, None]
        across = np.clip(np.minimum(x + width, sr) - np.maximum(x, sx), 0.0, None)
        down = np.clip(np.minimum(y + height, sb) - np.maximum(y, sy), 0.0, None)
        share = np.minimum((across * down).sum(axis=1) / max(width * height, 1e-9), 1.0)
        cost += soft_cost * share
    if line_cost:  # the joining line through a label: sampled every few units along it
        nx = np.clip(px, gx, gx + width)
        ny = np.clip(py, gy, gy + height)
        ring = (
            (near[:, 0] <= px)
            & (px <= near[:, 0] + near[:, 2])
            & (near[:, 1] <= py)
            & (py <= near[:, 1] + near[:, 3])
        )
        boxes = near[real & ~ring]
        if len(boxes):
            t = np.linspace(0.15, 1.0, 24)[None, :]
            lx = (px + (nx[:, None] - px) * t)[:, :, None]
            ly = (py + (ny[:, None] - py) * t)[:, :, None]
            inside = (
                (boxes[:, 0] < lx)
                & (lx < boxes[:, 0] + boxes[:, 2])
                & (boxes[:, 1] < ly)
                & (ly < boxes[:, 1] + boxes[:, 3])
            )
            cost += line_cost * inside.any(axis=1).sum(axis=1)  # each label it crosses
    return _first_clear(np.lexsort((rank, cost)), gx, gy, point, size, clear_of)


def line_pieces(points: Sequence[tuple[float, float]], piece: float, pad: float) -> list[Box]:
    """Boxes (left, top, width, height) along a polyline, each over a piece no longer than
    `piece`, `pad` round it: a slanting leader covers only the strip it runs along (one box
    round the whole of it would cover the zones beside it too). For `free_spot`'s `soft`."""
    boxes = []
    for (x0, y0), (x1, y1) in zip(points, points[1:], strict=False):
        steps = max(1, int(((x1 - x0) ** 2 + (y1 - y0) ** 2) ** 0.5 // piece) + 1)
        for k in range(steps):
            ax, ay = x0 + (x1 - x0) * k / steps, y0 + (y1 - y0) * k / steps
            bx, by = x0 + (x1 - x0) * (k + 1) / steps, y0 + (y1 - y0) * (k + 1) / steps
            boxes.append(
                (min(ax, bx) - pad, min(ay, by) - pad, abs(bx - ax) + 2 * pad, abs(by - ay) + 2 * pad)
            )
    return boxes


_OUTLINE_BOXES: list = [None, 0.0, []]  # the feet asked about last (held), its gap, its boxes


def _outline_boxes(feet: Sequence[Sequence[tuple[float, float]]], gap: float) -> list[Box]:
    """Boxes along the feet's outlines (line_pieces), made once for the feet asked about last:
    a message is placed by up to 24 free_spot calls, all with the same feet."""
    if _OUTLINE_BOXES[0] is not feet or _OUTLINE_BOXES[1] != gap:
        boxes = [b for ring in feet for b in line_pieces([*ring, ring[0]], 3 * gap, 0.0)]
        _OUTLINE_BOXES[:] = [feet, gap, boxes]
    return _OUTLINE_BOXES[2]


def inside_any(np, xs, ys, polygons: Sequence[Sequence[tuple[float, float]]]):
    """For each point (xs[k], ys[k]): whether it lies inside any of `polygons` (even-odd rule;
    every point against every edge at once)."""
    xs, ys = np.asarray(xs, dtype=float)[:, None], np.asarray(ys, dtype=float)[:, None]
    found = np.zeros(len(xs), dtype=bool)
    for ring in polygons:
        ring = np.asarray(ring, dtype=float).reshape(-1, 2)
        if len(ring) < 3:
            continue
        low, high = ring.min(axis=0), ring.max(axis=0)  # (only the points within its box)
        near = np.flatnonzero(
            (low[0] <= xs[:, 0]) & (xs[:, 0] <= high[0]) & (low[1] <= ys[:, 0]) & (ys[:, 0] <= high[1])
        )
        if not len(near):
            continue
        px, py = xs[near], ys[near]
        x1, y1 = ring[:, 0][None, :], ring[:, 1][None, :]
        x2, y2 = np.roll(x1, -1, axis=1), np.roll(y1, -1, axis=1)
        crossing = (y1 > py) != (y2 > py)
        with np.errstate(divide="ignore", invalid="ignore"):
            at = x1 + (py - y1) * (x2 - x1) / (y2 - y1)
        found[near] |= (np.count_nonzero(crossing & (px < at), axis=1) % 2).astype(bool)
    return found


def leader(point: tuple[float, float], corner: tuple[float, float], size: tuple[float, float]) -> float:
    """How far the box of `size` at `corner` stands from `point` (to its nearest side): the
    length of the line that joins a message to its mark."""
    (px, py), (x, y), (w, h) = point, corner, size
    return math.hypot(max(x - px, 0.0, px - x - w), max(y - py, 0.0, py - y - h))


def crosses(
    point: tuple[float, float], corner: tuple[float, float], size: tuple[float, float], boxes
) -> bool:
    """Whether every way a leader may take from `point` to the nearest point of the box of
    `size` at `corner` runs through one of `boxes`: straight, or across then up or down, or up
    or down then across (the ways the editor draws a leader round the chart's text). The
    boxes centred on `point` are its rings: a leader starts at their edge, so they are left
    out and so is the piece of each way inside them. Any other box, even one holding
    `point`, is text the leader must not run through (left out as well, a guide name under
    a dragged kidney's ring was taken for its ring, and the leader drawn across it)."""
    (px, py), (x, y), (w, h) = point, corner, size
    nx, ny = min(max(px, x), x + w), min(max(py, y), y + h)
    ways = ([(px, py), (nx, ny)], [(px, py), (nx, py), (nx, ny)], [(px, py), (px, ny), (nx, ny)])
    return all(_through(way, boxes, point) for way in ways)


def _through(way, boxes, point) -> bool:
    import numpy as np

    if not len(boxes):
        return False
    px, py = point
    q = np.asarray(boxes, dtype=float).reshape(-1, 4)
    rings = np.isclose(q[:, 0] + q[:, 2] / 2, px) & np.isclose(q[:, 1] + q[:, 3] / 2, py)
    ring, q = q[rings], q[~rings]
    xs, ys = [], []
    for (ax, ay), (bx, by) in zip(way, way[1:], strict=False):  # points every 2 units along it
        steps = max(2, int(math.hypot(bx - ax, by - ay) // 2))
        share = np.arange(1, steps + 1) / steps
        xs.append(ax + (bx - ax) * share)
        ys.append(ay + (by - ay) * share)
    x, y = np.concatenate(xs)[:, None], np.concatenate(ys)[:, None]
    if len(ring):  # (from the rings' edge on)
        within = (
            (ring[:, 0] <= x)
            & (x <= ring[:, 0] + ring[:, 2])
            & (ring[:, 1] <= y)
            & (y <= ring[:, 1] + ring[:, 3])
        )
        out = ~within.any(axis=1)
        x, y = x[out], y[out]
    inside = (q[:, 0] < x) & (x < q[:, 0] + q[:, 2]) & (q[:, 1] < y) & (y < q[:, 1] + q[:, 3])
    return bool(inside.any())


def place_message(
    sizes: Sequence[tuple[float, float]],
    point: tuple[float, float],
    preferred: Sequence[Sequence[tuple[float, float]]],
    taken: Sequence[Box],
    bounds: Box | None = None,
    *,
    feet: Sequence[Sequence[tuple[float, float]]] = (),
    paper_reach: float,
    reach: float,
    far_reach: float | None = None,
    margin: float = 0.0,
    **weighing,
) -> tuple[int, tuple[float, float], bool] | None:
    """Where a problem's message goes: (which of `sizes` it takes, its top-left corner, whether
    it stands on paper), or None when no place is free of `taken`.

    `sizes` are the message wrapped to several widths (wider ones are fewer lines), each with
    its `preferred` corners (beside the mark). On the paper outside the `feet` first, no
    further than `paper_reach` from `point`: at the size whose box stands nearest the point
    (the shortest leader; the earlier size on a tie), a narrow box beside the mark beating a
    wide one far off. Only where no paper within that reach is free may it cover a foot:
    wholly inside one, within the same reach (the outline the problem is about stays seen),
    where it stands less than OVER_ZONES_SHARE over zones (`weighing`'s soft); else on paper
    further off, within `far_reach` (default `reach`; the near paper all zones and text: the
    kidneys' message stood over the heel's zones while the paper between the feet was free,
    and over the foot's edge while the paper above the title was); else inside a
    foot over its zones; else across an outline, within `reach`, at its nearest free place
    (a message on a foot is boxed on paper, so it reads). A place whose leader would run
    through one of `taken` (the chart's text) comes after every place whose leader does
    not: the sciatic nerve's message stood on the paper under the key, its leader through
    the key's caveat. Then a place nearer another mark (`weighing`'s others) than its own
    comes after those nearer its own. `weighing`:
    free_spot's gap, soft, soft_cost, line_cost and others. A leader keeps `margin` off each
    of `taken` to count as clear of it: the editor draws its line so (a line grazing a text
    reads as through it), and a place judged clear without it got a line drawn through the
    guide name 'Taillenlinie' (German, Largest, with the caveat's lines balanced)."""
    m = margin
    text = [(x - m, y - m, w + 2 * m, h + 2 * m) for x, y, w, h in taken] if m else taken
    found: list[tuple[bool, float, bool, float, int, tuple[float, float]]] = []
    # over a foot a box covers zones wherever it stands: what they weigh is only a tie-break
    # there, or the box went 100 px off its ring to cover a little less of them
    over_feet = {**weighing, "soft_cost": weighing.get("soft_cost", 0.0) / 8}
    on_paper = {"feet": feet, **weighing}
    passes = [  # (how much it covers: 0 paper near, 1 inside a foot, 2 paper far, 3 across; reach; how)
        (0, paper_reach, on_paper),
        (1, paper_reach, {"feet": feet, "inside_feet": True, **over_feet}),
    ]
    far_reach = reach if far_reach is None else far_reach
    if far_reach > paper_reach:  # paper further off, before a box across an outline
        passes.append((2, far_reach, on_paper))
    passes.append((3, reach, over_feet))
    others = weighing.get("others", ())
    soft = weighing.get("soft", ())

    def rank(spot, size, k, covers):
        length = leader(point, spot, size)
        theirs = any(leader(other, spot, size) <= length for other in others)
        if covers == 1 and soft and _share(spot, size, soft) >= OVER_ZONES_SHARE:
            # inside a foot but mostly over its zones: after the paper further off (the
            # kidneys' message stood over the heel's zones, free paper between the feet)
            covers = 2.5
        return (crosses(point, spot, size, text), covers, theirs, round(length / 2), k, spot)

    for covers, far, how in passes if feet else passes[-1:]:
        if min((f[1] for f in found if not f[0] and not f[2]), default=covers + 1) <= covers:
            break  # (this pass ranks after a clear place found already)
        for k, (size, wanted) in enumerate(zip(sizes, preferred, strict=True)):
            spot = free_spot(size, point, wanted, taken, bounds, reach=far, **how)
            if spot is not None:
                found.append(rank(spot, size, k, covers))
            if spot is not None and found[-1][0] and covers in (0, 2):  # (on paper: see place_message)
                # the place's leader runs through text: the best whose leader does not, where
                # there is one (a message above the big toe covered the foot while paper 25 mm
                # off was free: only the nearest paper, its leader through a label, was asked)
                clear = free_spot(size, point, wanted, taken, bounds, reach=far, **how, clear_of=text)
                if clear is not None:
                    found.append(rank(clear, size, k, covers))
            if others and (spot is None or found[-1][0] or found[-1][2]):
                # the nearest place beside another mark: better than a leader through text
                spot = free_spot(size, point, wanted, taken, bounds, reach=far, **{**how, "others": ()})
                if spot is not None:
                    found.append(rank(spot, size, k, covers))
    if not found:
        return None
    _through, covers, _theirs, _length, k, spot = min(found, key=lambda f: f[:5])
    return k, spot, covers in (0, 2)


OVER_ZONES_SHARE = 0.5  # place_message: a box inside a foot this much over zones comes after paper


def _share(spot: tuple[float, float], size: tuple[float, float], soft: Sequence[Box]) -> float:
    """The share of the box of `size` at `spot` over the `soft` boxes (their overlaps summed, at most 1)."""
    (x, y), (w, h) = spot, size
    area = 0.0
    for sx, sy, sw, sh in soft:
        across = min(x + w, sx + sw) - max(x, sx)
        down = min(y + h, sy + sh) - max(y, sy)
        if across > 0 and down > 0:
            area += across * down
    return min(area / max(w * h, 1e-9), 1.0)


def beside_foot(
    size: tuple[float, float],
    zone: Box,
    outline: Sequence[tuple[float, float]],
    bounds: Box,
    *,
    gap: float,
    near: float,
    others: Sequence[Sequence[tuple[float, float]]] = (),
) -> Box | None:
    """A box of `size` (width, height) beside `zone` on the paper outside the foot `outline`
    (a closed polygon round the zone), level with the zone's middle and `gap` off the foot's
    edge, on a side where the zone reaches within `near` of that edge (a zone on the foot's
    outer or inner edge); the nearer side first. None where no such side has room for it
    inside `bounds` and clear of the `others` feet (kept `gap` off them too). A quiz's
    "✔ Rechte Kolonflexur", for a zone on the right foot's outer edge, stood centred below
    it, across the middle of the foot (S19-3)."""
    width, height = size
    left, top, w, h = zone
    note_top = min(max(top + h / 2 - height / 2, bounds[1]), bounds[1] + bounds[3] - height)
    beside = _extent(outline, top, top + h)
    along = _extent(outline, note_top - gap, note_top + height + gap)
    if beside is None or along is None:
        return None
    sides = sorted([(left - beside[0], along[0] - gap - width), (beside[1] - left - w, along[1] + gap)])
    for distance, x in sides:
        if distance <= near and bounds[0] <= x and x + width <= bounds[0] + bounds[2]:
            spans = [_extent(ring, note_top - gap, note_top + height + gap) for ring in others]
            if all(s is None or s[1] < x - gap or x + width + gap < s[0] for s in spans):
                return (x, note_top, width, height)
    return None


def _extent(outline: Sequence[tuple[float, float]], low: float, high: float) -> tuple[float, float] | None:
    """The least and greatest x of the closed polygon `outline` between the heights `low` and
    `high` (each edge cut to that band), or None where it has no point there."""
    xs: list[float] = []
    for (x0, y0), (x1, y1) in zip(outline, [*outline[1:], outline[0]], strict=False):
        if max(y0, y1) < low or min(y0, y1) > high:
            continue
        if y0 == y1:
            xs += [x0, x1]
            continue
        for y in (max(min(y0, y1), low), min(max(y0, y1), high)):
            xs.append(x0 + (x1 - x0) * (y - y0) / (y1 - y0))
    return (min(xs), max(xs)) if xs else None
