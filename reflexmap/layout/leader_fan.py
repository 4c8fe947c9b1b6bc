"""Leaders kept apart (S15-4): a leader that would pass another zone's anchor dot, or run
along another leader, enters the foot a little above or below its anchor and drops to it,
so that leaders of zones in a row fan out instead of lying on one line. Pure geometry in
scene millimetres (points as (x, y) pairs); drawn by render/chart_scene_labels.py."""

from __future__ import annotations

import math
from collections.abc import Sequence

from .labels import Ring, ray_cost

DOT_CLEARANCE_MM = 0.9 + 0.5  # from another zone's anchor: its dot's radius and half a millimetre
FAN_STEP_MM = 1.6  # between the levels a fanned leader may take above or below its anchor
FAN_LEVELS = 6  # levels tried on either side before the leader with the fewest clashes is kept

Point = tuple[float, float]


def distance_to_segment(p: Point, a: Point, b: Point) -> float:
    (px, py), (ax, ay), (bx, by) = p, a, b
    dx, dy = bx - ax, by - ay
    length2 = dx * dx + dy * dy
    if length2 <= 1e-12:
        return math.dist(p, a)
    t = max(0.0, min(1.0, ((px - ax) * dx + (py - ay) * dy) / length2))
    return math.dist(p, (ax + t * dx, ay + t * dy))


def shared_length(s: tuple[Point, Point], t: tuple[Point, Point], tolerance: float = 0.05) -> float:
    """How far (mm) segments `s` and `t` run over each other along one line (0: nowhere)."""
    (a, b), (c, d) = s, t
    length = math.dist(a, b)
    if length <= 1e-9:
        return 0.0
    ux, uy = (b[0] - a[0]) / length, (b[1] - a[1]) / length
    for p in (c, d):  # both ends of t on s's line
        if abs((p[0] - a[0]) * uy - (p[1] - a[1]) * ux) > tolerance:
            return 0.0
    lo, hi = sorted(((p[0] - a[0]) * ux + (p[1] - a[1]) * uy) for p in (c, d))
    return max(0.0, min(hi, length) - max(lo, 0.0))


def segments(points: list[Point]) -> list[tuple[Point, Point]]:
    return [(a, b) for a, b in zip(points, points[1:], strict=False) if math.dist(a, b) > 1e-6]


def clashes(points: list[Point], dots: list[Point], drawn: list[tuple[Point, Point]]) -> int:
    """How many other anchor `dots` the leader through `points` (its anchor last) passes
    closer than DOT_CLEARANCE_MM, and how many `drawn` leader segments it runs along."""
    mine = segments(points)
    anchor = points[-1]
    near = sum(
        1
        for dot in dots
        if math.dist(dot, anchor) > 1e-6
        and min(distance_to_segment(dot, a, b) for a, b in mine) < DOT_CLEARANCE_MM
    )
    along = sum(1 for s in mine for t in drawn if shared_length(s, t) > 0.05)
    return near + along


def fanned(
    points: list[Point],
    dots: list[Point],
    drawn: list[tuple[Point, Point]],
    others: Sequence[Sequence[Ring]] = (),
) -> list[Point]:
    """A column leader `points` (…, its entry at the foot's edge level with the anchor, the
    anchor) as it is, when it is clear of the other `dots` and the `drawn` leaders; else
    entering the foot a level or more above or below the anchor, running level to above or
    below it and dropping to it: of those ways, the one with the fewest clashes, then on its
    label's side, then the one whose level run crosses the least of the `others` (zones'
    rings) at the nearest level."""
    if len(points) < 3 or clashes(points, dots, drawn) == 0:
        return points
    *head, edge, anchor = points
    towards = 1.0 if head[-1][1] >= anchor[1] else -1.0
    best: tuple[int, bool, float, list[Point]] | None = None
    for level in range(1, FAN_LEVELS + 1):
        for sign in (towards, -towards):
            y = anchor[1] + sign * level * FAN_STEP_MM
            way = [*head, (edge[0], y), (anchor[0], y), anchor]
            # away from its label, it would cross the leaders of the labels between (the
            # column was ordered by the anchors' heights)
            cost = (
                clashes(way, dots, drawn),
                sign != towards,
                ray_cost(edge[0], y, anchor[0], others) + 0.5 * level,
            )
            if best is None or cost < best[:3]:
                best = (*cost, way)
    assert best is not None
    return best[3] if best[0] < clashes(points, dots, drawn) else points
