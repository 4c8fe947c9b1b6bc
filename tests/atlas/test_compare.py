"""The disagreement measure on shapes whose overlap is known."""

from __future__ import annotations

import math

import pytest
from shapely.geometry import box

from reflexmap.atlas import builtin_charts, load_atlas, parse_atlas
from reflexmap.atlas.compare import compare, iou


def test_iou_of_known_shapes():
    assert iou(box(0, 0, 10, 10), box(0, 0, 10, 10)) == 1.0
    assert iou(box(0, 0, 10, 10), box(20, 0, 30, 10)) == 0.0
    assert math.isclose(iou(box(0, 0, 10, 10), box(5, 0, 15, 10)), 50 / 150)  # half shifted: 1/3
    assert math.isclose(iou(box(0, 0, 10, 10), box(2, 2, 8, 8)), 36 / 100)  # nested
    assert iou(box(0, 0, 0, 0), box(0, 0, 0, 0)) == 0.0


CHART = """\
atlas_format: 1
id: {id}
title: "T"
tradition: "{tradition}"
sources: [{{id: s, title: "S"}}]
views:
  - {{id: plantar-left, foot: left, aspect: plantar, outline: [[-50, 0], [50, 0], [50, 100], [-50, 100]]}}
  - {{id: medial-left, foot: left, aspect: medial, outline: [[0, 0], [100, 0], [100, 50], [0, 50]]}}
zones:
{zones}"""
ZONE = """\
  - id: {id}
    name: "{id}"
    region: spine
    claim: "x"
    technique: "y"
    sources: [s]
    confidence: estimate
    shapes:
{shapes}"""


def chart(chart_id: str, zones: dict[str, dict[str, str]]):
    text = CHART.format(
        id=chart_id,
        tradition=chart_id,
        zones="".join(
            ZONE.format(id=zid, shapes="".join(f"      {v}: {p}\n" for v, p in shapes.items()))
            for zid, shapes in zones.items()
        ),
    )
    result = parse_atlas(text, f"{chart_id}.yaml")
    assert result.ok, result.errors
    return result.atlas


def test_compare_reports_overlap_per_view_and_missing_zones():
    a = chart("a", {
        "same": {"plantar-left": "[[0, 0], [10, 0], [10, 10], [0, 10]]"},
        "shifted": {"plantar-left": "[[0, 20], [10, 20], [10, 30], [0, 30]]"},
        "moved": {"plantar-left": "[[0, 40], [10, 40], [10, 50], [0, 50]]"},
        "only-a": {"plantar-left": "[[20, 0], [30, 0], [30, 10]]"},
    })  # fmt: skip
    b = chart("b", {
        "same": {"plantar-left": "[[0, 0], [10, 0], [10, 10], [0, 10]]"},
        "shifted": {"plantar-left": "[[5, 20], [15, 20], [15, 30], [5, 30]]"},
        "moved": {"medial-left": "[[0, 0], [10, 0], [10, 10], [0, 10]]"},
        "only-b": {"plantar-left": "[[20, 0], [30, 0], [30, 10]]"},
    })  # fmt: skip
    result = compare(a, b)
    scores = {z.zone_id: z.iou for z in result.both}
    assert scores["same"] == {"plantar-left": 1.0}
    assert math.isclose(scores["shifted"]["plantar-left"], 1 / 3)
    assert scores["moved"] == {"medial-left": 0.0, "plantar-left": 0.0}  # each chart draws it elsewhere
    assert [z.zone_id for z in result.both] == ["moved", "shifted", "same"]  # worst first
    assert result.only_a == ("only-a",) and result.only_b == ("only-b",)


@pytest.mark.skipif(len(builtin_charts()) < 2, reason="needs both built-in charts")
def test_built_in_traditions_disagree_on_the_contested_zones():
    western = load_atlas(next(p for p in builtin_charts() if "western" in p.name))
    variants = load_atlas(next(p for p in builtin_charts() if "alternative" in p.name))
    result = compare(western, variants)
    sciatic = result.agreement("sciatic-nerve")
    assert sciatic.iou["medial-left"] < 0.2  # the inner-shin strip runs far above the ankle bone
    assert sciatic.iou["lateral-right"] < 0.2  # the fibula strip, not behind the ankle bone
    assert result.agreement("coccyx").worst == 0.0  # inner heel against the outer heel band
    assert "spinal-cord" in result.only_b and "head-brain" in result.only_a
