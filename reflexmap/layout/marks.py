"""Where the boxed notes on the map go (quiz feedback: "✔ Sacrum", "≈ 0.6 mm", "✖ Coccyx").

Qt-free. Boxes are (left, top, width, height) in scene millimetres. Each note has a spot it
would like (beside its zone or its point); a note placed later must not cover a note placed
earlier, nor the ring that marks an exact click: the symbol (✔, ≈, ✖) is what tells the
answer without colour, and a ring drawn on a box hides letters. Since the boxes live in the
scene, what does not overlap here does not overlap at any zoom.
"""

from __future__ import annotations

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


def place_notes(wanted: Sequence[Box], fixed: Sequence[Box] = (), *, gap: float = 0.6) -> list[Box]:
    """The boxes of `wanted`, in order, each moved as little as it takes to keep `gap` from
    every box in `fixed` (rings at exact points, with their pens) and every note placed
    before it. A box's pen may take half of `gap`.

    Candidates are the wanted spot and the spots flush against a taken box's sides (and
    their combinations); the nearest free one wins, vertical moves weighed slightly less
    than sideways ones, since a note above or below its zone still reads as its zone's. When
    no candidate is free, the note goes below everything taken: always free, never hidden."""
    taken: list[Box] = list(fixed)
    placed: list[Box] = []
    for box in wanted:
        spot = _nearest_free(box, taken, gap)
        placed.append(spot)
        taken.append(spot)
    return placed


def _nearest_free(box: Box, taken: Sequence[Box], gap: float) -> Box:
    left, top, width, height = box
    if not any(overlaps(box, other, gap) for other in taken):
        return box
    # only boxes near enough to matter make candidates: keeps many marks cheap
    near = [t for t in taken if overlaps((left - width, top - height, 3 * width, 3 * height), t, gap)]
    xs = {left}
    ys = {top}
    for t in near:
        xs.update((t[0] + t[2] + gap * 1.01, t[0] - width - gap * 1.01))
        ys.update((t[1] + t[3] + gap * 1.01, t[1] - height - gap * 1.01))
    best: tuple[float, Box] | None = None
    for x in xs:
        for y in ys:
            cost = 1.5 * (x - left) ** 2 + (y - top) ** 2
            if best is not None and cost >= best[0]:
                continue
            spot = (x, y, width, height)
            if not any(overlaps(spot, other, gap) for other in taken):
                best = (cost, spot)
    if best is not None:
        return best[1]
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
) -> tuple[float, float] | None:
    """Top-left corner for a box of `size` (width, height) near `point` that overlaps none of
    `taken` (kept `gap` apart) and lies inside `bounds`: the first of `preferred` corners that
    is free, else the free corner nearest `point` among those flush against the sides of the
    taken boxes nearest it (SIDE_BOXES of them) and the preferred rows and columns, no further
    than `reach` from it; None when there is none (a message then says so elsewhere than over
    the chart's text). Every corner is tested against every box at once (numpy): it answers on
    every move of a drag, however crowded the view. Any units: the editor's messages use view
    pixels."""
    import numpy as np  # (only when a message is placed: not at start-up)

    width, height = size
    px, py = point
    around = (px - reach - width, py - reach - height, 2 * (reach + width), 2 * (reach + height))
    near = np.array([t for t in taken if overlaps(around, t, gap)] or [(0.0, 0.0, 0.0, 0.0)], dtype=float)
    left, top = near[:, 0] - gap, near[:, 1] - gap
    right, bottom = near[:, 0] + near[:, 2] + gap, near[:, 1] + near[:, 3] + gap
    real = (near[:, 2] > 0) | (near[:, 3] > 0)

    def distance(x, y, w=width, h=height):  # from the point to the nearest side of the box at x, y
        return np.hypot(
            np.maximum(np.maximum(x - px, px - x - w), 0.0), np.maximum(np.maximum(y - py, py - y - h), 0.0)
        )

    def free(x, y):  # arrays of corners -> array of bools
        x, y = np.asarray(x, dtype=float)[:, None], np.asarray(y, dtype=float)[:, None]
        hit = ((x < right) & (left < x + width) & (y < bottom) & (top < y + height) & real).any(axis=1)
        ok = ~hit
        if bounds is not None:
            x, y = x[:, 0], y[:, 0]
            ok &= (bounds[0] <= x) & (x + width <= bounds[0] + bounds[2])
            ok &= (bounds[1] <= y) & (y + height <= bounds[1] + bounds[3])
        return ok

    if preferred:
        xs, ys = np.array([p[0] for p in preferred]), np.array([p[1] for p in preferred])
        good = free(xs, ys) & (distance(xs, ys) <= reach)
        if good.any():
            k = int(np.argmax(good))
            return (float(xs[k]), float(ys[k]))
    order = np.argsort(distance(near[:, 0], near[:, 1], near[:, 2], near[:, 3]))[:SIDE_BOXES]
    sides = near[order]
    xs = np.unique(
        np.concatenate(
            [
                [p[0] for p in preferred],
                sides[:, 0] + sides[:, 2] + gap * 1.01,
                sides[:, 0] - width - gap * 1.01,
            ]
        )
    )
    ys = np.unique(
        np.concatenate(
            [
                [p[1] for p in preferred],
                sides[:, 1] + sides[:, 3] + gap * 1.01,
                sides[:, 1] - height - gap * 1.01,
            ]
        )
    )
    gx, gy = np.meshgrid(xs, ys)
    gx, gy = gx.ravel(), gy.ravel()
    far = distance(gx, gy)
    within = far <= reach
    gx, gy, far = gx[within], gy[within], far[within]
    if not len(gx):
        return None
    by_distance = np.argsort(far, kind="stable")
    for start in range(0, len(by_distance), 1024):  # the nearest first: most answer in one go
        chunk = by_distance[start : start + 1024]
        good = free(gx[chunk], gy[chunk])
        if good.any():
            k = chunk[int(np.argmax(good))]
            return (float(gx[k]), float(gy[k]))
    return None
