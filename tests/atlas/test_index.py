"""Hit-testing returns every zone under a point, most specific first."""

from __future__ import annotations

import math
import random

import shapely

from reflexmap.atlas.index import ZoneIndex


def ids(atlas, view, x, y):
    return [z.id for z in atlas.zones_at(view, x, y)]


def test_overlapping_zones_come_smallest_first(small_atlas):
    # (14, 15) lies in the strip (6x40), the band (36x8) and the heel (36x28)
    assert ids(small_atlas, "plantar-left", 14, 15) == ["strip", "band", "heel"]
    assert ids(small_atlas, "plantar-left", 0, 15) == ["band", "heel"]
    assert ids(small_atlas, "plantar-left", 0, 25) == ["heel"]


def test_mirrored_view_hits_mirrored_point(small_atlas):
    assert ids(small_atlas, "plantar-right", -14, 15) == ["strip", "band", "heel"]
    assert ids(small_atlas, "plantar-right", 14, 15) == ["band", "heel"]


def test_zone_only_on_one_foot(small_atlas):
    assert ids(small_atlas, "plantar-left", 0, 90) == ["toes"]
    assert ids(small_atlas, "plantar-right", 0, 90) == []


def test_nothing_outside_zones_or_in_unknown_view(small_atlas):
    assert ids(small_atlas, "plantar-left", 0, 60) == []
    assert ids(small_atlas, "plantar-left", 500, 500) == []
    assert ids(small_atlas, "no-such-view", 0, 15) == []


def test_border_counts_as_inside():
    index = ZoneIndex([("v", "a", (((0, 0), (10, 0), (10, 10), (0, 10)),))])
    assert index.zones_at("v", 10, 5) == ["a"]
    assert index.zones_at("v", 10.01, 5) == []


def test_contains_predicate_would_find_nothing():
    """Why the index queries with "intersects": the documented trap of STRtree."""
    tree = shapely.STRtree([shapely.box(0, 0, 10, 10)])
    point = shapely.Point(5, 5)
    assert len(tree.query(point, predicate="contains")) == 0
    assert list(tree.query(point, predicate="intersects")) == [0]


def test_equal_areas_keep_a_stable_order():
    square = ((0, 0), (10, 0), (10, 10), (0, 10))
    index = ZoneIndex([("v", "b", (square,)), ("v", "a", (square,))])
    assert index.zones_at("v", 5, 5) == ["b", "a"]


def test_trees_are_built_on_first_use_or_when_warmed():
    square = ((0, 0), (10, 0), (10, 10), (0, 10))
    index = ZoneIndex([("v", "a", (square,)), ("w", "b", (square,))])
    assert not index.is_warm()
    assert index.area("v", "a") == 100  # known before any tree exists (drawing needs it)
    assert index.zones_at("v", 5, 5) == ["a"]  # builds the tree of "v" on the way
    assert not index.is_warm()
    index.warm()
    assert index.is_warm()
    assert index.zones_at("w", 5, 5) == ["b"]


def test_hits_are_ordered_by_the_areas_drawing_uses(small_atlas):
    """Drawing puts smaller zones on top by `area`; a click finds what is on top first."""
    index = small_atlas.index
    for view in small_atlas.views:
        for zone in small_atlas.zones_in(view.id):
            x, y = shapely.point_on_surface(shapely.Polygon(zone.shapes[view.id][0])).coords[0]
            hits = index.zones_at(view.id, x, y)
            areas = [index.area(view.id, zone_id) for zone_id in hits]
            assert zone.id in hits
            assert areas == sorted(areas)


def _both_ways(atlas, monkeypatch):
    """The same chart's index built as a plain scan per view and as Shapely trees."""
    from reflexmap.atlas import index as index_module

    shapes = [(view_id, z.id, parts) for z in atlas.zones for view_id, parts in z.shapes.items()]
    plain = ZoneIndex(shapes)
    plain.warm()
    with monkeypatch.context() as m:
        m.setattr(index_module, "PLAIN_ZONES", -1)
        trees = ZoneIndex(shapes)
        trees.warm()
    assert all(type(t).__name__ == "_PlainView" for t in plain._trees.values())
    assert all(type(t).__name__ == "_ViewTree" for t in trees._trees.values())
    return plain, trees


def test_a_small_view_is_answered_without_shapely_exactly_as_by_the_tree(monkeypatch):
    """The built-in chart's views are scanned in plain Python (no Shapely at a click): at a
    dense grid, at every vertex, on every edge's midpoint and a hair either side of it, the
    answers and their order are the tree's."""
    import random

    from reflexmap.atlas import load_atlas

    atlas = load_atlas()
    plain, trees = _both_ways(atlas, monkeypatch)
    rng = random.Random(19)
    for view in atlas.views:
        points = [(x / 2, y / 2) for x in range(-150, 151, 3) for y in range(-10, 560, 3)]
        for zone in atlas.zones_in(view.id):
            for ring in zone.shapes[view.id]:
                for (ax, ay), (bx, by) in zip(ring, ring[1:] + ring[:1], strict=True):
                    mx, my = (ax + bx) / 2, (ay + by) / 2
                    points += [(ax, ay), (mx, my), (mx + 1e-9, my), (mx, my - 1e-9)]
                    t = rng.random()
                    points.append((ax + t * (bx - ax), ay + t * (by - ay)))
        for x, y in points:
            assert plain.zones_at(view.id, x, y) == trees.zones_at(view.id, x, y), (view.id, x, y)


def test_exact_turns_on_borders_and_corners():
    """Points on a slanted edge in decimal are a hair off it in binary: the turn test is
    exact, so the answer is Shapely's. The one difference: a point exactly on a slanted
    edge in binary counts as on the border (inside) here, where GEOS's double-double
    arithmetic may round it just outside (a click never lands exactly there)."""
    import random
    from fractions import Fraction

    from reflexmap.atlas.index import ring_covers

    triangle = ((0.1, 0.1), (0.7, 0.1), (0.1, 0.3))
    polygon = shapely.Polygon(triangle)
    assert ring_covers(triangle, 0.1, 0.1) and ring_covers(triangle, 0.4, 0.1)  # corner, edge
    assert not ring_covers(triangle, 0.71, 0.1)
    rng = random.Random(5)
    points = [(0.4, 0.2), (0.25, 0.25), (0.55, 0.15), (0.1, 0.2), (0.4, 0.1), (0.7, 0.1)]
    for _ in range(2000):
        t = rng.random()
        points.append((0.7 + t * (0.1 - 0.7), 0.1 + t * (0.3 - 0.1)))
    on_edge = 0
    for x, y in points:
        (ax, ay), (bx, by) = (Fraction(0.7), Fraction(0.1)), (Fraction(0.1), Fraction(0.3))
        if (bx - ax) * (Fraction(y) - ay) == (by - ay) * (Fraction(x) - ax):
            on_edge += 1
            assert ring_covers(triangle, x, y), (x, y)
        else:
            assert ring_covers(triangle, x, y) == shapely.intersects_xy(polygon, x, y), (x, y)
    assert on_edge < len(points) / 4


def _scan(view, x, y):
    """The reference: every polygon of the view asked with Shapely, smallest area first, then
    in the order given (no tree, no grid)."""
    found = [int(k) for k in (shapely.intersects_xy(view._polygons, x, y)).nonzero()[0]]
    return [view.zone_ids[k] for k in sorted(found, key=lambda k: (view.areas[k], k))]


def _random_view(draw, st):
    """A view of many zones: small discs and boxes on a grid (some overlapping, some of two
    parts), a few large zones under them, and squares sharing edges and corners."""
    from reflexmap.atlas.index import _ViewTree, shape_area

    count = draw(st.integers(40, 250))
    large = draw(st.integers(0, 20))
    rng = random.Random(draw(st.integers(0, 2**32)))
    entries = []
    for k in range(count):
        cx, cy = rng.uniform(-60, 60), rng.uniform(0, 260)
        r = rng.choice([0.5, 2.0, 5.0, 12.0])
        if rng.random() < 0.5:  # a polygon of 3..24 points with coordinates in 0.01 mm
            n = rng.randint(3, 24)
            ring = tuple(
                (round(cx + r * math.cos(6.283 * i / n), 2), round(cy + r * math.sin(6.283 * i / n), 2))
                for i in range(n)
            )
        else:  # a box on a 1 mm lattice: neighbours share edges and corners exactly
            x0, y0 = round(cx), round(cy)
            ring = ((x0, y0), (x0 + 3, y0), (x0 + 3, y0 + 3), (x0, y0 + 3))
        parts = (ring,)
        if rng.random() < 0.1:  # a second part away from the first
            parts += (tuple((x + 30, y) for x, y in ring),)
        entries.append((f"z{k}", parts))
    for k in range(large):
        x0, y0 = rng.uniform(-70, 0), rng.uniform(0, 100)
        entries.append((f"big{k}", (((x0, y0), (x0 + 100, y0), (x0 + 100, y0 + 150), (x0, y0 + 150)),)))
    rng.shuffle(entries)
    areas = {zone_id: shape_area(parts) for zone_id, parts in entries}
    return _ViewTree(entries, areas), entries


def test_the_grid_answers_as_a_plain_scan_and_as_the_tree():
    """A view of many zones is narrowed by a uniform grid of bounding boxes, then Shapely
    tests the few candidates: at random points, at every vertex, on edges (midpoints, a hair
    either side) and far outside, the answers and their order are those of a scan of every
    polygon and of the STRtree the app used before."""
    from hypothesis import HealthCheck, given, settings
    from hypothesis import strategies as st

    @settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(st.data())
    def check(data):
        view, entries = _random_view(data.draw, st)
        rng = random.Random(data.draw(st.integers(0, 2**32)))
        points = [(rng.uniform(-80, 80), rng.uniform(-10, 270)) for _ in range(300)]
        points += [(rng.randint(-70, 70), rng.randint(0, 260)) for _ in range(100)]  # lattice
        for _, parts in entries[:60]:
            for ring in parts:
                for (ax, ay), (bx, by) in zip(ring, ring[1:] + ring[:1], strict=True):
                    mx, my = (ax + bx) / 2, (ay + by) / 2
                    points += [(ax, ay), (mx, my), (mx + 1e-9, my), (mx, my - 1e-9)]
        points += [(1e6, 0), (-1e6, 5), (0, float("nan")), (float("inf"), 3)]
        for x, y in points:
            expected = _scan(view, x, y)
            assert view.zones_at(x, y) == expected, (x, y)
            assert view._tree_zones_at(x, y) == expected, (x, y)

    check()


def test_a_view_of_large_zones_is_answered_by_its_tree():
    """Many zones each spanning most of the view: no grid (it would not narrow a click), the
    STRtree answers, the same as a scan."""
    from reflexmap.atlas.index import _ViewTree, shape_area

    entries = [
        (f"z{k}", (((0 - k, 0), (100 + k, 0), (100 + k, 100 + k), (0 - k, 100 + k)),)) for k in range(200)
    ]
    view = _ViewTree(entries, {zone_id: shape_area(parts) for zone_id, parts in entries})
    assert view._grid is None
    for x, y in [(50, 50), (100, 100), (-3, 2), (130, 130)]:
        assert view.zones_at(x, y) == _scan(view, x, y)


def test_a_large_chart_checked_from_its_file_is_indexed_from_one_points_array_with_the_same_answers():
    """The builder hands a large chart's points to the index as one array (index.Packed, as
    the chart cache does; before: every ring's area summed point by point in Python): the
    areas are the shoelace sums bit for bit, and every click is answered as by the index
    made from the zones' shapes one by one."""
    import yaml

    from benchmarks.synthetic import synthetic_chart
    from reflexmap.atlas import builder
    from reflexmap.atlas.loader import parse_atlas

    text = yaml.safe_dump(synthetic_chart(1000), sort_keys=False, default_flow_style=None, width=200)
    atlas = parse_atlas(text, "large.yaml").atlas
    assert atlas is not None
    points = sum(len(ring) for zone in atlas.zones for parts in zone.shapes.values() for ring in parts)
    assert points >= builder.PACKED_FROM
    index = atlas.index
    assert index._packed is not None  # taken from the array (the trees not made yet)
    one_by_one = ZoneIndex(
        (view_id, zone.id, parts) for zone in atlas.zones for view_id, parts in zone.shapes.items()
    )
    for zone in atlas.zones:
        for view_id in zone.shapes:
            assert index.area(view_id, zone.id) == one_by_one.area(view_id, zone.id)
    rng = random.Random(19)
    for view_id in {view_id for zone in atlas.zones for view_id in zone.shapes}:
        for _ in range(300):
            x, y = rng.uniform(-60, 60), rng.uniform(-20, 260)
            assert index.zones_at(view_id, x, y) == one_by_one.zones_at(view_id, x, y)
