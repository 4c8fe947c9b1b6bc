# ruff: noqa: F811 (the editing fixtures come from test_editor)
"""A zone with a problem stays what it was in the window while it is fixed (tryout F9): in the
zone list, with its label on the map and its region in the key, and a click on it selects it.
Before, the chart shown left its shape out: a zone nudged out of its foot vanished from the
list, lost its label, and took its region's key entry with it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDockWidget, QGraphicsSimpleTextItem

from reflexmap.vocab import region_name

from .conftest import click_mm
from .test_editor import chart, drag, editing  # noqa: F401 (fixtures)
from .test_editor_incremental import picture, same_as_full, state_of


def listed(window) -> list[str]:
    model = window.zones.list.model()
    return [model.index(row, 0).data() for row in range(model.rowCount())]


def texts_on_map(window) -> set[str]:
    return {item.text() for item in window.map.chart.items() if isinstance(item, QGraphicsSimpleTextItem)}


def nudge_out(qtbot, window) -> None:
    """Shift+Left on the map: the heel (x -18…18 in a foot -20…20) goes 3 mm out of its foot."""
    qtbot.keyClick(window.map, Qt.Key.Key_Left, Qt.KeyboardModifier.ShiftModifier)
    window.editor.tool.commit_nudge()  # (the pause after the key, without waiting for it)


def test_a_zone_nudged_out_of_its_foot_stays_listed_labelled_and_in_the_key(qtbot, editing):
    assert any("Heel" in row for row in listed(editing))
    pelvis = region_name("pelvis")  # the heel is the small chart's only pelvis zone
    assert pelvis in texts_on_map(editing)
    nudge_out(qtbot, editing)
    assert any("outside" in p.message for p in editing.editor.session.draft.problems)
    assert any("Heel" in row for row in listed(editing)), listed(editing)
    assert ("plantar-left", "heel") in editing.map.chart.labels
    assert "Heel" in texts_on_map(editing) and pelvis in texts_on_map(editing)
    same_as_full(editing)  # the incremental redraw draws what the whole redraw draws
    qtbot.mouseClick(editing.editor.problems_label, Qt.MouseButton.LeftButton)  # "⚠ 1 problem…"
    panel = editing.findChild(QDockWidget, "dock-chart-problems")
    assert panel.isVisible() and "outside" in panel.widget().list.item(0).text()
    editing.state.select("")
    click_mm(qtbot, editing, "plantar-left", -19.0, 25.0)  # the part of it outside, hatched
    assert editing.state.zone_id == "heel"
    qtbot.keyClick(editing.map, Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier)
    editing.editor.tool.commit_nudge()
    assert not editing.editor.session.draft.problems
    assert any("Heel" in row for row in listed(editing))
    same_as_full(editing)
    editing.editor.saving.discard()


def drawing_equals_whole(window) -> None:
    """The chart drawn (items, bounds, picture) equals the chart drawn whole. (Not what the
    viewport shows: the map scrolls a little to keep the tall selected zone in sight.)"""
    rect, seen, shown = window.map.chart.chart_rect, state_of(window), picture(window)
    window.map.rebuild()
    assert window.map.chart.chart_rect == rect
    assert state_of(window) == seen
    assert picture(window) == shown


def test_a_zone_dragged_far_past_the_chart_redraws_as_the_whole_chart(qtbot, editing):
    """The incremental redraw keeps the chart's bounds only while nothing reaches past them:
    a corner dragged above the title makes the whole chart drawn again, bounds and all."""
    top = editing.map.chart.chart_rect.top()
    drag(qtbot, editing, "plantar-left", (18, 30), (18, 160), modifier=Qt.KeyboardModifier.AltModifier)
    assert editing.editor.session.draft.problems
    assert editing.map.chart.chart_rect.top() < top  # the bounds grew to hold it
    drawing_equals_whole(editing)
    editing.undo_action.trigger()
    assert editing.map.chart.chart_rect.top() == top
    same_as_full(editing)
    editing.editor.saving.discard()


def test_a_self_crossing_zone_stays_listed_and_selectable(qtbot, editing):
    drag(qtbot, editing, "plantar-left", (18, 30), (-10, 1), modifier=Qt.KeyboardModifier.AltModifier)
    assert any("cross" in p.message for p in editing.editor.session.draft.problems), [
        p.message for p in editing.editor.session.draft.problems
    ]
    assert any("Heel" in row for row in listed(editing))
    assert ("plantar-left", "heel") in editing.map.chart.labels
    same_as_full(editing)
    editing.editor.saving.discard()
