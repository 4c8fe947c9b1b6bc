"""Hit-testing returns every zone under a point, most specific first."""

from __future__ import annotations

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
