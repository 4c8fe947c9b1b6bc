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


@pytest.mark.parametrize("chart_name", [p.stem for p in builtin_charts()])
def test_side_view_leaders_cross_no_other_zone(qtbot, window, chart_name):
    chart_action(window, chart_name).trigger()
    for aspect in ("medial", "lateral"):
        if aspect in window.state.atlas.aspects():
            window.state.set_aspect(aspect)
            assert crossed_zones(window.map.chart) == [], aspect


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
        assert crossed_zones(german.map.chart) == [], aspect
    qtbot.keyClick(german.map, Qt.Key.Key_Escape)
