"""Labels stay legible with the complete chart (issue 15): on every view of both built-in
charts, in English and German, at every text size, no two labels overlap, no label covers
other chart text, and no leader line runs through another label. Leaders that cross other
zones are counted and held to what the layout reaches (see CROSSINGS)."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QGraphicsSimpleTextItem
from shapely.geometry import LineString, box

from reflexmap.atlas import builtin_charts
from reflexmap.ui.appearance import TEXT_SIZES

from .test_charts_and_notes import chart_action
from .test_leader_lines import crossed_zones

# Leaders over other zones, as (leader, zone crossed) pairs and millimetres, at most, per view
# of the built-in charts, measured on 25 Nov 2026 (the same at every text size and in both
# languages: leaders run level from their zone, and label size does not move them).
# The Western sole is the crowded one: its 35 zones tile the sole, the spine strip runs along
# the whole inner edge and the colon frames the arch, so from most zones of the toes, the
# ball and the arch a level leader to either column crosses one of them. Each zone's leader
# starts where its path is clearest (geometry.label_anchors with the label columns): that
# brought the sole from 47 pairs / 453 mm to 38 / 321 mm. Every other view: none.
CROSSINGS = {("ingham-western", "plantar"): (38, 325.0)}


def _rect(item, shrink: float = 0.15):
    r = item.sceneBoundingRect()
    return box(r.left(), r.top(), r.right(), r.bottom()).buffer(-shrink)


def _leader(label) -> LineString:
    path = label.leader.path()
    return LineString([(path.elementAt(i).x, path.elementAt(i).y) for i in range(path.elementCount())])


def label_problems(chart) -> list[tuple]:
    """Overlapping labels, labels over other chart text (guide names, captions, the title, the
    key), other chart text over itself, and leaders through other labels."""
    labels = dict(chart.labels)
    rects = {key: _rect(label.text) for key, label in labels.items()}
    problems = []
    keys = sorted(rects)
    for i, a in enumerate(keys):
        for b in keys[i + 1 :]:
            if rects[a].intersects(rects[b]):
                problems.append(("labels overlap", a, b))
    mine = {label.text for label in labels.values()}
    others = [
        item
        for item in chart.items()
        if isinstance(item, QGraphicsSimpleTextItem) and item not in mine and item.isVisible()
    ]
    for key, rect in rects.items():
        for item in others:
            if rect.intersects(_rect(item)):
                problems.append(("label over text", key, item.text()))
    for i, a in enumerate(others):  # guide names, captions, the title, the key
        for b in others[i + 1 :]:
            if _rect(a).intersects(_rect(b)):
                problems.append(("text over text", a.text(), b.text()))
    for key, label in labels.items():
        line = _leader(label)
        for other, rect in rects.items():
            if other != key and line.intersects(rect):
                problems.append(("leader through label", key, other))
    return problems


GUIDE_CLEARANCE_MM = 0.3  # between a guide line's name (its paper veil) and any other line or label


def _path_lines(item) -> list[LineString]:
    """The polylines of a path item (a leader, a guide line), in scene millimetres."""
    lines = []
    for polygon in item.path().toSubpathPolygons():
        points = [item.mapToScene(p) for p in polygon]
        if len(points) >= 2:
            lines.append(LineString([(p.x(), p.y()) for p in points]))
    return lines


def guide_name_problems(chart) -> list[tuple]:
    """Guide names (each with the paper veil behind it) that touch a leader, a label, a guide
    line (their own or another) or another guide name: closer than GUIDE_CLEARANCE_MM."""
    triples = [chart.guide_items[i : i + 3] for i in range(0, len(chart.guide_items), 3)]
    veils = [(name.text(), _rect(veil, 0.0)) for _line, veil, name in triples if name.isVisible()]
    guides = [line for item, _veil, _name in triples for line in _path_lines(item)]
    leaders = [(key, line) for key, label in chart.labels.items() for line in _path_lines(label.leader)]
    labels = [(key, _rect(label.text)) for key, label in chart.labels.items()]
    problems = []
    for i, (name, veil) in enumerate(veils):
        near = veil.buffer(GUIDE_CLEARANCE_MM)
        problems += [("guide name on a leader", name, key) for key, line in leaders if near.intersects(line)]
        problems += [("guide name on a label", name, key) for key, rect in labels if near.intersects(rect)]
        problems += [("guide name on a guide line", name) for line in guides if near.intersects(line)]
        problems += [
            ("guide names touch", name, other) for other, rect in veils[i + 1 :] if near.intersects(rect)
        ]
    return problems


@pytest.mark.parametrize("language", ["en", "de"])
def test_labels_stay_apart_on_every_view_chart_and_text_size(qtbot, window, language):
    if language != "en":
        window = window.set_language(language)  # Settings → Language, as a person switches
        qtbot.addWidget(window)
    found, crossings = {}, {}
    for chart_name in sorted(p.stem for p in builtin_charts()):
        chart_action(window, chart_name).trigger()
        for size in TEXT_SIZES:
            window.text_size_actions[size].trigger()  # Settings → Text size
            for aspect in window.state.atlas.aspects():
                window.state.set_aspect(aspect)
                chart = window.map.chart
                assert len(chart.labels) == sum(
                    len(window.state.atlas.zones_in(v.id)) for v in chart.atlas.views_of(aspect)
                )
                problems = label_problems(chart)
                if problems:
                    found[(chart_name, size, aspect)] = problems
                crossed = crossed_zones(chart)
                mm = round(sum(c[3] for c in crossed), 1)
                crossings[(chart_name, aspect)] = max(
                    crossings.get((chart_name, aspect), (0, 0)), (len(crossed), mm)
                )
    assert found == {}, "\n".join(f"{key}: {sorted(set(p))}" for key, p in found.items())
    for key, (pairs, mm) in crossings.items():
        most_pairs, most_mm = CROSSINGS.get(key, (0, 0.0))
        assert pairs <= most_pairs and mm <= most_mm, (key, pairs, mm)


@pytest.mark.parametrize("language", ["en", "de"])
def test_guide_names_stay_clear_of_leaders_labels_and_lines(qtbot, window, language):
    """On a window of a real screen's size, on every view of both built-in charts at every
    text size, no guide line's name touches a leader, a label, a guide line (its own or
    another) or another guide's name."""
    if language != "en":
        window = window.set_language(language)
        qtbot.addWidget(window)
    window.resize(1600, 1000)
    window.show()
    qtbot.waitExposed(window)
    found = {}
    for chart_name in sorted(p.stem for p in builtin_charts()):
        chart_action(window, chart_name).trigger()
        for size in TEXT_SIZES:
            window.text_size_actions[size].trigger()  # Settings → Text size
            for aspect in window.state.atlas.aspects():
                window.state.set_aspect(aspect)
                qtbot.wait(1)
                chart = window.map.chart
                assert chart.guide_names, (chart_name, size, aspect)
                problems = guide_name_problems(chart)
                if problems:
                    found[(chart_name, size, aspect, round(chart.guide_mm, 2))] = problems
    assert found == {}, "\n".join(f"{key}: {sorted(set(p))}" for key, p in found.items())


def test_the_checks_find_overlaps_and_leaders_through_labels(qtbot, window):
    """The checks above can fail: a label moved onto its neighbour, and a leader drawn
    through another label, are both reported."""
    chart = window.map.chart
    assert label_problems(chart) == []
    (_key_a, a), (_key_b, b) = list(chart.labels.items())[:2]
    home = b.text.pos()
    b.text.setPos(a.text.pos())
    assert "labels overlap" in {p[0] for p in label_problems(chart)}
    b.text.setPos(home)
    middle = _leader(a).interpolate(0.5, normalized=True)
    size = b.text.sceneBoundingRect()
    b.text.setPos(middle.x - size.width() / 2, middle.y - size.height() / 2)
    assert "leader through label" in {p[0] for p in label_problems(chart)}


def test_a_long_title_takes_two_lines_and_is_not_cut(qapp):
    """The German title of the second chart's side view at the largest text size is wider
    than the chart: it wraps, and every word of it is there."""
    from reflexmap import i18n
    from reflexmap.atlas import load_atlas
    from reflexmap.render.chart_scene import LABEL_MM, ChartScene

    path = next(p for p in builtin_charts() if p.stem == "alternative-placements")
    atlas = load_atlas(path).localized(i18n.set_language("de"))
    try:
        scene = ChartScene()
        title = f"{atlas.title}. Lateralansicht: die Außenseiten"
        scene.show_chart(atlas, "lateral", title=title, label_mm=LABEL_MM * 1.5, text_scale=1.5)
        texts = [i.text() for i in scene.items() if isinstance(i, QGraphicsSimpleTextItem)]
        lines = [t for t in texts if t in title]
        assert len(lines) == 2 and " ".join(sorted(lines, key=title.index)) == title
        assert not any("…" in t for t in texts)
        assert label_problems(scene) == []
    finally:
        i18n.set_language("en")
