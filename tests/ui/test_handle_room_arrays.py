"""The handles of a ring are chosen from its points a block at a time (numpy): the same
handles as a walk along the ring one point at a time, for rings crowded and sparse, in and
out of view, with a selected vertex and a limit on handles."""

from __future__ import annotations

import math
import random

import numpy
import pytest
from PySide6.QtCore import QRectF

from reflexmap.ui.editor.handle_room import APART_PX, spaced


def _walk(points, px, visible, keep, room):
    """One point at a time, as handle_room.spaced chose them before."""
    apart2 = (APART_PX / px) ** 2 if px > 0 else 0.0
    chosen, left_out, last = [], 0, (math.inf, math.inf)
    end = len(points) - 1
    for index, (x, y) in enumerate(points):
        if index == keep:
            chosen.append(index)
            last = (x, y)
            continue
        if visible is not None and not visible.contains(x, y):
            continue
        close = (x - last[0]) ** 2 + (y - last[1]) ** 2 < apart2
        if not close and index == end and chosen:
            fx, fy = points[chosen[0]]
            close = (x - fx) ** 2 + (y - fy) ** 2 < apart2
        if close or len(chosen) >= room:
            left_out += 1
            continue
        chosen.append(index)
        last = (x, y)
    return chosen, left_out


def _cases():
    rng = random.Random(19)
    for _ in range(120):
        n = rng.choice([3, 5, 40, 300, 2000])
        step = rng.choice([0.01, 0.5, 3.0])
        angle = [2 * math.pi * k / n for k in range(n)]
        radius = step * n / (2 * math.pi)
        points = [(radius * math.cos(a) + rng.uniform(-0.2, 0.2), radius * math.sin(a)) for a in angle]
        px = rng.choice([1.0, 4.0, 12.0])
        visible = rng.choice([None, QRectF(-radius, -radius, radius, 2 * radius), QRectF(0, 0, 0, 5)])
        keep = rng.choice([-1, 0, n - 1, n // 2])
        room = rng.choice([2000, 7, 1])
        yield points, px, visible, keep, room


@pytest.mark.parametrize("case", list(_cases()))
def test_the_handles_are_those_a_walk_along_the_ring_chooses(case):
    points, px, visible, keep, room = case
    array = numpy.asarray(points, dtype=float)
    assert spaced(array[:, 0], array[:, 1], px, visible, keep, room) == _walk(points, px, visible, keep, room)
