"""The built-in chart loads from the installed package and places zones as FACTS.md says."""

from __future__ import annotations

from shapely.geometry import Polygon

import reflexmap
from reflexmap.atlas import builtin_chart_path
from reflexmap.atlas.geometry import to_shapely

LENGTH = 260.0


def test_public_api_loads_builtin_chart():
    atlas = reflexmap.load_atlas()
    assert {v.id for v in atlas.views} >= {"plantar-left", "plantar-right", "medial-left", "medial-right"}
    assert atlas.view("plantar-left").foot == "left"
    assert atlas.aspects()[0] == "plantar"
    assert [z.id for z in atlas.zones_at("plantar-left", 0, 36)][-1] == "pelvis"
    assert builtin_chart_path().is_file()


def test_lower_back_and_sciatic_zones_present(builtin_atlas):
    ids = {z.id for z in builtin_atlas.zones}
    assert {"lumbar-spine", "sacrum", "coccyx", "sciatic-nerve"} <= ids


def test_foot_proportions(builtin_atlas):
    outline = Polygon(builtin_atlas.view("plantar-left").outline)
    minx, miny, maxx, maxy = outline.bounds
    assert abs((maxy - miny) - LENGTH) < 1
    assert 0.34 <= (maxx - minx) / LENGTH <= 0.38  # FACTS.md §6: breadth 0.35-0.38 x length


def test_big_toe_is_towards_the_middle(builtin_atlas):
    """Left foot on the left, big toes towards the middle: the left big toe is at +x."""
    left = builtin_atlas.view("plantar-left").outline
    right = builtin_atlas.view("plantar-right").outline
    tip_left = max(left, key=lambda p: p[1])
    tip_right = max(right, key=lambda p: p[1])
    assert tip_left[0] > 10 and tip_right[0] < -10


def test_spine_runs_heel_to_toe_along_the_medial_edge(builtin_atlas):
    order = ["coccyx", "sacrum", "lumbar-spine", "thoracic-spine", "cervical-spine"]
    outline = Polygon(builtin_atlas.view("plantar-left").outline)
    centres = []
    for zone_id in order:
        poly = to_shapely(builtin_atlas.zone(zone_id).shapes["plantar-left"])
        centres.append(poly.centroid.y)
        # medial edge: every segment touches the inner (+x) side of the sole
        row_max_x = outline.intersection(poly.buffer(3).envelope).bounds[2]
        assert poly.bounds[2] > row_max_x - 3, zone_id
    assert centres == sorted(centres)


def test_spine_spans_follow_facts(builtin_atlas):
    """FACTS.md §2 with the §8 correction: the thoracic spine ends at the waistline (0.475) and
    the lumbar spine runs from there to the heel line (0.275)."""
    spans = {
        "thoracic-spine": (0.475, 0.75),
        "lumbar-spine": (0.275, 0.475),
        "sacrum": (0.12, 0.275),
        "coccyx": (0.0, 0.12),
    }
    for zone_id, (low, high) in spans.items():
        _, miny, _, maxy = to_shapely(builtin_atlas.zone(zone_id).shapes["plantar-left"]).bounds
        assert low * LENGTH - 2 <= miny and maxy <= high * LENGTH + 2, zone_id


def test_sciatic_band_crosses_the_heel(builtin_atlas):
    poly = to_shapely(builtin_atlas.zone("sciatic-nerve").shapes["plantar-left"])
    heel = Polygon(builtin_atlas.view("plantar-left").outline).intersection(poly.envelope.buffer(0))
    assert 0.10 * LENGTH - 1 <= poly.bounds[1] and poly.bounds[3] <= 0.18 * LENGTH + 1
    assert poly.area > 0.85 * heel.area  # the band spans the heel's width


def test_every_zone_names_sources_and_confidence(builtin_atlas):
    for zone in builtin_atlas.zones:
        assert zone.sources and all(s in builtin_atlas.sources for s in zone.sources)
        assert zone.confidence in ("sourced", "estimate")
        assert builtin_atlas.tradition
