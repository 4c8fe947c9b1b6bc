"""A zone's edges filed again after a corner moved, came or went (the editor's drag on a
zone of thousands of corners): only those edges, the same index as a fresh filing."""

from __future__ import annotations

import random

from reflexmap.layout.edge_patch import edges_moved
from reflexmap.layout.labels import SegmentIndex, zone_segments


def _place(x: float, y: float) -> tuple[float, float]:
    return (40.0 + x, 120.0 - y)


def _filed(zones) -> SegmentIndex:
    return SegmentIndex(
        zone_segments([[[_place(x, y) for x, y in ring] for ring in rings] for rings in zones])
    )


def _same(a: SegmentIndex, b: SegmentIndex) -> None:
    assert a.segments == b.segments
    assert a.cells.keys() == b.cells.keys()
    for square, segs in b.cells.items():
        assert a.cells[square] == segs, square  # (same order: lengths are summed in it)


def _ring(rng: random.Random, corners: int, x: float, y: float) -> list[tuple[float, float]]:
    return [(x + rng.uniform(0, 30), y + rng.uniform(0, 30)) for _ in range(corners)]


def test_a_corner_dragged_gives_the_fresh_index_for_every_kind_of_edit():
    rng = random.Random(7)
    for trial in range(300):
        zones = [
            [_ring(rng, rng.randint(3, 40), 10 * k, 5 * k) for _ in range(rng.randint(1, 2))]
            for k in range(3)
        ]
        number = rng.randrange(3)
        rings = zones[number]
        r = rng.randrange(len(rings))
        ring = list(rings[r])
        kind = trial % 4
        k = rng.choice([0, len(ring) - 1, rng.randrange(len(ring))])  # the first, the last, any
        if kind == 0:  # moved
            ring[k] = (ring[k][0] + rng.uniform(-8, 8), ring[k][1] + rng.uniform(-8, 8))
        elif kind == 1:  # a corner added
            ring.insert(k, (rng.uniform(0, 40), rng.uniform(0, 40)))
        elif kind == 2 and len(ring) > 3:  # a corner removed
            del ring[k]
        else:  # several moved apart
            for j in rng.sample(range(len(ring)), min(3, len(ring))):
                ring[j] = (ring[j][0] + 1.5, ring[j][1] - 7.0)
        after = [*rings[:r], ring, *rings[r + 1 :]]
        old = _filed(zones)
        patched = edges_moved(old, number, rings, after, _place)
        zones[number] = after
        _same(patched, _filed(zones))
        assert len(old.segments) == len(_filed([*zones[:number], rings, *zones[number + 1 :]]).segments)


def test_only_the_moved_corners_edges_are_made_again():
    corners = [(float(k % 100), float(k // 100)) for k in range(10_000)]
    old = _filed([[corners]])
    moved = list(corners)
    moved[5000] = (50.5, 50.5)
    patched = edges_moved(old, 0, [corners], [moved], _place)
    assert [k for k, (a, b) in enumerate(zip(patched.segments, old.segments, strict=True)) if a is not b] == [
        4999,
        5000,
    ]
    _same(patched, _filed([[moved]]))


def test_another_number_of_rings_is_not_patched():
    ring = [(0.0, 0.0), (10.0, 0.0), (10.0, 10.0)]
    old = _filed([[ring]])
    assert edges_moved(old, 0, [ring], [ring, ring], _place) is None
    assert edges_moved(old, 0, [ring[:2]], [ring[:2]], _place) is None  # (not as filed)
