"""A partial chart (a few zones on some views) is shown over the main chart, honestly."""

from __future__ import annotations

from PySide6.QtCore import Qt

from reflexmap.atlas import builtin_chart_path, load_atlas
from reflexmap.render import palette

from .test_charts_and_notes import chart_action


def test_alternative_chart_is_drawn_over_the_main_chart_in_grey_and_says_what_it_adds(qtbot, window):
    window.state.set_aspect("medial")
    chart_action(window, "alternative").trigger()
    chart = window.map.chart
    main = load_atlas(builtin_chart_path())
    assert window.state.atlas.id == "alternative-placements"
    expected = sum(len(main.zones_in(v.id)) for v in main.views_of("medial"))
    assert len(chart.base_items) == expected > 0
    for item in chart.base_items:  # grey, faint, under the chart's own zones
        assert item.pen().color().name() == palette.GUIDE.name()
        assert item.brush().color().alpha() < 80
        assert item.zValue() < min(z.zValue() for z in chart.zone_items.values())
    note = chart.base_note.text().replace("\n", " ")
    count = len(window.state.atlas.zones)
    assert f"adds {count} zones to the \u2068{main.title}\u2069" in note and "grey" in note
    assert chart.base_note.isVisible() and chart.chart_rect.contains(chart.base_note.sceneBoundingRect())
    # only the chart's own zones answer clicks and keys: the grey ones are the main chart's
    qtbot.keyClick(window.map, Qt.Key.Key_Tab)
    assert window.state.atlas.has_zone(window.state.zone_id)
    assert {key for key in chart.keyboard_order()} <= set(chart.zone_items)

    chart_action(window, "ingham").trigger()
    assert window.map.chart.base_items == [] and window.map.chart.base_note is None


def test_partial_chart_note_is_in_german(qtbot, window):
    chart_action(window, "alternative").trigger()
    german = window.set_language("de")
    qtbot.addWidget(german)
    note = german.map.chart.base_note.text().replace("\n", " ")
    assert "ergänzt" in note and "grau" in note


def test_a_blank_partial_chart_does_not_tell_its_zones_from_the_main_charts(qtbot, window):
    chart_action(window, "alternative").trigger()
    qtbot.keyClick(window, Qt.Key.Key_F5)
    qtbot.keyClick(window.map, Qt.Key.Key_B)
    chart = window.map.chart
    looks = {
        (item.pen().color().name(), item.brush().style())
        for item in [*chart.zone_items.values(), *chart.base_items]
    }
    assert looks == {(palette.GUIDE.name(), Qt.BrushStyle.NoBrush)}  # all bare grey outlines
    qtbot.keyClick(window.map, Qt.Key.Key_B)
    assert all(item.brush().style() != Qt.BrushStyle.NoBrush for item in chart.base_items)
    qtbot.keyClick(window.map, Qt.Key.Key_Escape)


def test_presenting_a_partial_chart_the_caption_covers_no_heading_note_or_foot(qtbot, window):
    """The caption of a revealed zone sits along the bottom, below the view the chart is
    fitted into: it was placed at the top, over the heading, the note of what the chart adds
    and the first foot."""
    from PySide6.QtCore import QRect
    from PySide6.QtWidgets import QWidget

    window.state.set_aspect("medial")
    chart_action(window, "alternative").trigger()
    window.present_action.trigger()
    qtbot.keyClick(window.map, Qt.Key.Key_Right)
    qtbot.wait(20)
    view = window.map
    caption = window.findChild(QWidget, "presenter-caption")
    assert caption.isVisible() and caption.text()
    below = QRect(caption.mapTo(view, caption.rect().topLeft()), caption.size())
    assert below.bottom() == view.rect().bottom()  # along the bottom of the map
    viewport = QRect(view.viewport().mapTo(view, view.viewport().rect().topLeft()), view.viewport().size())
    assert not viewport.intersects(below)
    chart = view.chart
    for item in (chart.base_note, *[i for i in chart.items() if i.zValue() >= 0]):
        if item is None or not item.isVisible():
            continue
        shown = view.mapFromScene(item.sceneBoundingRect()).boundingRect().translated(viewport.topLeft())
        assert not shown.intersects(below), item
