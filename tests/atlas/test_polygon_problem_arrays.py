"""The polygon checks look at a ring's points all at once (numpy and Shapely's arrays): the
editor checks a zone of 100,000 corners at every move of a drag (before: 2 s a move). They
say exactly what the walk point by point says, about the same point."""

from __future__ import annotations

import math
import random

import pytest

from reflexmap.atlas import geometry


def _rings():
    rng = random.Random(16)
    yield ((0, 0), (10, 0), (10, 10), (0, 10))
    yield ((0, 0), (10, 10), (10, 0), (0, 10))  # a bowtie
    yield ((0, 0), (0, 0), (0, 0))
    yield ((0, 0), (1, 1), (0, 0), (1, 1))
    yield ((0.0, 0), (-0.0, 0), (5, 5))  # 0.0 and -0.0: one point
    yield ((0, 0), (1, 1), (2, 2), (3, 3))  # on a line
    yield ((0, 0), (10, 0), (math.nan, 3), (0, 10))
    yield ((0, 0), (10, 0), (3, math.inf), (0, 10), (-math.inf, 1))
    yield ((0, 0), (0.01, 0), (0.01, 0.01), (0, 0.01))  # too small
    yield ((0, 0), (10, 0), (10, 0), (10, 10), (0, 10), (0, 0))  # a repeated corner, closed
    for _ in range(300):
        n = rng.randint(3, 12)
        pool = [(rng.choice([0, 1, 2.5, -3, 7]), rng.choice([0, 1, 2.5, -3, 7])) for _ in range(4)]
        yield tuple(
            rng.choice(pool) if rng.random() < 0.3 else (rng.uniform(-9, 9), rng.uniform(-9, 9))
            for _ in range(n)
        )


@pytest.mark.parametrize("ring", list(_rings()))
def test_the_checks_of_a_ring_say_what_the_walk_point_by_point_says(ring):
    assert geometry.polygon_problem(ring) == geometry._polygon_problem_by_points(ring)
    if not all(math.isfinite(c) for point in ring for c in point):
        return  # (nearest_edge is asked about finite rings only)
    where = geometry.problem_place(ring)
    if where is not None:
        assert geometry.nearest_edge(ring, where) == geometry._nearest_edge_by_points(ring, where)
    for point in ((0.5, 0.5), (4, -2), (100, 100)):
        assert geometry.nearest_edge(ring, point) == geometry._nearest_edge_by_points(ring, point)
