"""Outlines of a reference left (or, for lateral, right) foot, in millimetres.

Proportions from FACTS.md §6: about 260 mm long, breadth about 0.36 x length, heel about
0.25 x length, big-toe joint at 0.70-0.79 of length; the inner edge dips at the arch and
swells at the navicular; the outer ankle bone sits lower and further back than the inner.

Plantar and dorsal: x across the foot (big toe at +x for the left foot), y from the heel.
Medial and lateral: x along the foot (heel at 0, toes at +x), y up from the floor.
"""

from __future__ import annotations

import numpy as np
import shapely
from shapely import affinity
from shapely.geometry import LineString, Point, Polygon, box

LENGTH = 260.0


def at(fraction: float) -> float:
    """Distance from the heel of a fraction of foot length."""
    return round(fraction * LENGTH, 1)


def catmull_rom(points: list[tuple[float, float]], samples: int = 8) -> list[tuple[float, float]]:
    """A closed centripetal Catmull-Rom curve through `points`: smooth, no overshoot."""
    pts = np.array(points, dtype=float)
    n = len(pts)
    out = []
    for i in range(n):
        p0, p1, p2, p3 = pts[(i - 1) % n], pts[i], pts[(i + 1) % n], pts[(i + 2) % n]
        t0 = 0.0
        t1 = t0 + np.linalg.norm(p1 - p0) ** 0.5
        t2 = t1 + np.linalg.norm(p2 - p1) ** 0.5
        t3 = t2 + np.linalg.norm(p3 - p2) ** 0.5
        for t in np.linspace(t1, t2, samples, endpoint=False):
            a1 = (t1 - t) / (t1 - t0) * p0 + (t - t0) / (t1 - t0) * p1
            a2 = (t2 - t) / (t2 - t1) * p1 + (t - t1) / (t2 - t1) * p2
            a3 = (t3 - t) / (t3 - t2) * p2 + (t - t2) / (t3 - t2) * p3
            b1 = (t2 - t) / (t2 - t0) * a1 + (t - t0) / (t2 - t0) * a2
            b2 = (t3 - t) / (t3 - t1) * a2 + (t - t1) / (t3 - t1) * a3
            out.append(tuple((t2 - t) / (t2 - t1) * b1 + (t - t1) / (t2 - t1) * b2))
    return out


def clean(shape) -> Polygon:
    """One valid polygon on a 0.1 mm grid: the main piece if an operation left slivers."""
    for step in (shapely.make_valid, lambda g: g.simplify(0.3), lambda g: shapely.set_precision(g, 0.1)):
        shape = step(shape)
        if not isinstance(shape, Polygon):
            pieces = [g for g in getattr(shape, "geoms", []) if isinstance(g, Polygon)]
            shape = max(pieces, key=lambda g: g.area)
    assert shape.is_valid and shape.area > 1, shape
    return shape


def ellipse(cx: float, cy: float, rx: float, ry: float) -> Polygon:
    return affinity.scale(Point(cx, cy).buffer(1.0, quad_segs=16), rx, ry)


def capsule(base: tuple[float, float], tip: tuple[float, float], radius: float) -> Polygon:
    """A toe seen from below or above: a rounded stadium from its base to its tip."""
    return LineString([base, tip]).buffer(radius, quad_segs=16)


def _normalise(shape: Polygon, parts: dict[str, Polygon]) -> tuple[Polygon, dict[str, Polygon]]:
    """Heel at y = 0 and big-toe tip at y = LENGTH."""
    low, high = shape.bounds[1], shape.bounds[3]
    scale = LENGTH / (high - low)

    def fit(g):
        return affinity.scale(affinity.translate(g, 0, -low), scale, scale, origin=(0, 0))

    return fit(shape), {k: fit(g) for k, g in parts.items()}


def plantar() -> tuple[Polygon, dict[str, Polygon]]:
    """The sole of the left foot, and each toe's own shape (for toe zones)."""
    # Counter-clockwise from the heel: the outer edge (-x) is nearly straight; the inner
    # edge (+x) dips at the arch and swells at the big-toe joint.
    body = Polygon(
        catmull_rom(
            [
                (0, 0), (17, 3), (27, 13), (31, 30), (29.5, 55), (27.5, 85), (30, 112),
                (37, 142), (45, 166), (48.5, 184), (47, 199), (33, 204), (18, 203), (3, 200),
                (-12, 195), (-26, 187), (-37.5, 177), (-42, 163), (-41, 145), (-38.5, 124),
                (-35.5, 100), (-33, 70), (-31.5, 42), (-28, 16), (-17, 3),
            ]
        )
    )  # fmt: skip
    toes = {
        "toe1": capsule((33.5, 205), (34.5, 243), 14.5),
        "toe2": capsule((10.5, 202), (11.2, 235), 7.2),
        "toe3": capsule((-6.0, 196), (-7.8, 225), 6.7),
        "toe4": capsule((-20.5, 189), (-23.0, 214), 6.2),
        "toe5": capsule((-33.0, 181), (-36.0, 200), 5.6),
    }
    foot = shapely.union_all([body, *toes.values()])
    # Close the webs between toes a little so they read as toes, not loose balloons.
    foot = foot.buffer(1.8, quad_segs=8).buffer(-1.8, quad_segs=8)
    foot, toes = _normalise(foot, toes)
    return clean(foot), {k: t.intersection(foot) for k, t in toes.items()}


def dorsal() -> Polygon:
    """The top of the left foot: the sole's outline from the waist forwards, and the ankle
    with its two bumps (the inner one higher, the outer one lower and further back) where
    the heel would be."""
    sole, _ = plantar()
    front = sole.intersection(box(-200, at(0.17), 200, 400))
    leg = box(-26, 0, 26, 75)
    inner_bump = ellipse(27.0, 40.0, 8.0, 12.0)
    outer_bump = ellipse(-28.5, 31.0, 8.5, 12.0)
    rear = shapely.union_all([front.intersection(box(-200, 0, 200, 110)), leg, inner_bump, outer_bump])
    rear = rear.buffer(10, quad_segs=8).buffer(-10, quad_segs=8)  # smooth the ankle, not the toes
    top = shapely.union_all([front, rear]).intersection(box(-200, 0, 200, 400))
    return clean(top)


def medial() -> Polygon:
    """The inner side of the left foot and the lower leg, toes to the right."""
    return clean(
        Polygon(
            catmull_rom(
                [
                    # the sole: heel pad, the raised inner arch, the ball, the big toe
                    (9, 5), (22, 0.6), (45, 0), (62, 2.5), (85, 10), (112, 15.5), (142, 13),
                    (166, 5.5), (183, 1.2), (201, 0.5), (214, 2.5), (229, 0.8), (249, 2.5),
                    (258.5, 7),
                    # the top: toe nail, the big-toe joint, the instep, the front of the ankle
                    (259.5, 12.5), (254, 21), (240, 26.5), (222, 29), (206, 34), (190, 39),
                    (165, 48), (138, 59), (113, 69), (97, 80), (87, 94), (81, 110),
                    (77.5, 126), (76, 141),
                    # the back of the leg, the Achilles tendon, the back of the heel
                    (46, 142), (17, 141), (14.5, 122), (12.5, 104), (10.5, 80), (6, 53),
                    (1.5, 31), (1.5, 16),
                ]
            )
        )
    )  # fmt: skip


def lateral() -> Polygon:
    """The outer side of the right foot and the lower leg, toes to the right: the outer
    edge rests on the floor almost all along; the little toe ends well short of the big toe."""
    return clean(
        Polygon(
            catmull_rom(
                [
                    (9, 5), (22, 0.6), (50, 0.2), (80, 2), (104, 3.5), (124, 3.2), (145, 1.2),
                    (166, 0.3), (186, 0.6), (203, 1.5), (209, 5), (214, 3.2), (226, 2.6),
                    (240, 3.5), (252, 4), (258.5, 8),
                    (259.5, 13), (253, 20.5), (238, 25), (218, 28), (200, 32.5), (174, 41),
                    (146, 52), (119, 63), (99, 74), (88, 88), (82, 106), (78.5, 124),
                    (77, 141),
                    (46, 142), (17, 141), (14.5, 122), (12.5, 104), (10.5, 80), (6, 53),
                    (1.5, 31), (1.5, 16),
                ]
            )
        )
    )  # fmt: skip


INNER_ANKLE = (47.0, 84.0)  # medial malleolus centre, medial view (mm)
OUTER_ANKLE = (39.0, 69.0)  # lateral malleolus: lower and further back, lateral view
ANKLE_RADIUS = 11.0


def ankle_bone(centre: tuple[float, float]) -> Polygon:
    return Point(centre).buffer(ANKLE_RADIUS, quad_segs=12)
