"""geometry.outside_problem checks all of a ring's vertices at once (a zone of 100,000
corners made 100,000 Points, vertex by vertex, at every move of a drag): the answer is the
one the vertex-by-vertex rule gives, on rings inside, across and on the outline, with
coordinates that are not numbers."""

from __future__ import annotations

import math
import random

from shapely.geometry import Point, Polygon

from reflexmap.atlas.coords import OUTLINE_TOLERANCE_MM
from reflexmap.atlas.geometry import outside_problem

OUTLINE = Polygon([(-30, 0), (30, 0), (35, 120), (0, 150), (-35, 120)])


def blamed_one_by_one(ring) -> tuple[int, float] | None:
    """The rule as written: the first vertex furthest outside, if beyond the tolerance."""
    worst, worst_index = 0.0, None
    for i, (x, y) in enumerate(ring):
        p = Point(x, y)
        if OUTLINE.covers(p):
            continue
        d = OUTLINE.exterior.distance(p)
        if d > worst:
            worst, worst_index = d, i
    if worst_index is None or worst <= OUTLINE_TOLERANCE_MM:
        return None
    return worst_index, worst


def test_the_vertex_blamed_is_the_one_the_rule_names():
    chance = random.Random(7)
    for _ in range(1500):
        ring = [(chance.uniform(-45, 45), chance.uniform(-15, 165)) for _ in range(chance.randint(0, 25))]
        if ring and chance.random() < 0.3:
            ring[chance.randrange(len(ring))] = (
                chance.choice([math.nan, math.inf, 30.0]),
                chance.choice([math.nan, 0.0, 60.0]),
            )
        if chance.random() < 0.3:  # on the outline, and just outside it
            ring += [(30.0, 0.0), (0.0, 0.0), (30.0 + OUTLINE_TOLERANCE_MM / 2, 0.0), (30.4, -0.2)]
        expected = blamed_one_by_one(ring)
        found = outside_problem(tuple(ring), OUTLINE, "plantar-left")
        assert (found[0] if found else None) == (expected[0] if expected else None), ring
        if expected is not None:
            assert f"{expected[1]:.1f} mm outside" in found[1]
