"""Leader lines run from a label to its zone without crossing other zones where a clear path
exists: checked on the drawn chart, in German presenter mode at the largest text size too."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from shapely.geometry import LineString, Point, Polygon

from reflexmap.atlas import builtin_charts

from .test_charts_and_notes import chart_action


def crossed_zones(chart) -> list[tuple[str, str, str, float]]:
    """(view, labelled zone, crossed zone, mm) for every leader over another zone's inside; a
    zone around the anchor itself (the sciatic band over the heel) cannot be avoided."""
    shapes = {}
    for key, item in chart.zone_items.items():
        rings = [[(p.x(), p.y()) for p in poly] for poly in item.path().toSubpathPolygons()]
        shapes[key] = [Polygon(r).buffer(-0.3) for r in rings if len(r) >= 3]
    found = []
    for (view, zone), label in chart.labels.items():
        path = label.leader.path()
        line = LineString([(path.elementAt(i).x, path.elementAt(i).y) for i in range(path.elementCount())])
        anchor = Point(line.coords[-1])
        for (other_view, other), polygons in shapes.items():
            if other_view != view or other == zone:
                continue
            for polygon in polygons:
                length = line.intersection(polygon).length
                if length > 0.5 and not polygon.buffer(0.3).contains(anchor):
                    found.append((view, zone, other, round(length, 1)))
    return found


# A leader on a side view crosses at most the thin band of the sciatic nerve up the heel (the
# Western chart's hip, ovary and uterus labels beside the heel): once, this long (mm).
HEEL_BAND_MM = 7.5


@pytest.mark.parametrize("chart_name", [p.stem for p in builtin_charts()])
def test_side_view_leaders_cross_at_most_the_heel_band(qtbot, window, chart_name):
    chart_action(window, chart_name).trigger()
    for aspect in ("medial", "lateral"):
        if aspect in window.state.atlas.aspects():
            window.state.set_aspect(aspect)
            assert_only_the_heel_band_crossed(window.map.chart)


def assert_only_the_heel_band_crossed(chart) -> None:
    crossed = crossed_zones(chart)
    assert all(other == "sciatic-nerve" and mm <= HEEL_BAND_MM for _v, _z, other, mm in crossed), crossed
    assert len({(view, zone) for view, zone, _o, _mm in crossed}) == len(crossed), crossed


LONGEST_LEADER_SHARE = 0.75  # of the foot's length on a side view


@pytest.mark.parametrize("size", [(1440, 900), (1024, 740)])
def test_side_view_labels_stay_by_their_zone(qtbot, window_in, size):
    """On the side views (long feet, one above the other) a label stands in the column at its
    zone's end of the foot: no leader runs along most of the foot from the far column (the
    Western lateral view's "Hip and pelvis" by the heel once ran from the toes' side)."""
    window = window_in("en", size)
    for chart_name in [p.stem for p in builtin_charts()]:
        chart_action(window, chart_name).trigger()  # Chart menu
        for aspect in ("medial", "lateral"):
            if aspect not in window.state.atlas.aspects():
                continue
            window.state.set_aspect(aspect)
            chart = window.map.chart
            for (view, zone), label in chart.labels.items():
                frame = next(f for f in chart.frames if f.view.id == view)
                path = label.leader.path()
                xs = [
                    min(max(path.elementAt(i).x, frame.left), frame.right) for i in range(path.elementCount())
                ]
                run = max(xs) - min(xs)  # along the foot (not the lead to the column)
                assert run <= LONGEST_LEADER_SHARE * (frame.right - frame.left), (chart_name, view, zone, run)


def test_german_presenter_at_the_largest_text_size_has_clear_leaders(qtbot, window):
    german = window.set_language("de")
    qtbot.addWidget(german)
    german.text_size_actions[1.5].trigger()
    german.present_action.trigger()  # View → Presenter mode
    assert german.presenter.active
    qtbot.keyClick(german.map, Qt.Key.Key_A)  # every name shown
    for aspect in ("medial", "lateral"):
        german.state.set_aspect(aspect)
        assert german.map.chart.label_mm > 9  # presenter type at the largest size
        assert_only_the_heel_band_crossed(german.map.chart)
    qtbot.keyClick(german.map, Qt.Key.Key_Escape)
