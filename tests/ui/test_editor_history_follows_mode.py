# ruff: noqa: F811 (the editing fixtures come from test_editor)
"""Edit → History belongs to edit mode: it closes when editing ends (F2 again) and comes back
when editing begins again if it was open then; closed with its × it stays closed. Opened while
browsing, it begins edit mode, as Zone texts does. Before, it stayed open after editing ended,
and a click on one of its rows took the chart back or forward while browsing, where Undo is
off so that nothing changes the chart unseen."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QUndoView

from reflexmap.atlas import load_atlas

from .test_editor import chart, drag, editing  # noqa: F401 (fixtures)


def history(window):
    return window.editor.history_dock


def test_history_closes_with_edit_mode_and_comes_back_with_it(qtbot, editing):
    drag(qtbot, editing, "plantar-left", (18, 30), (14, 34))
    editing.history_action.trigger()
    assert history(editing).isVisible()
    qtbot.keyClick(editing.map, Qt.Key.Key_F2)  # editing ends
    assert not editing.editor.active
    assert not history(editing).isVisible()
    editing.edit_action.trigger()  # and begins again: the history the person had open is back
    assert editing.editor.active and history(editing).isVisible()
    history(editing).close()  # closed by its ×: it stays closed through the next round of editing
    editing.edit_action.trigger()
    editing.edit_action.trigger()
    assert editing.editor.active and not history(editing).isVisible()


def test_history_opened_while_browsing_begins_edit_mode(qtbot, make_window, chart):
    window = make_window(load_atlas(chart))
    window.history_action.trigger()
    assert window.editor.active and history(window).isVisible()
    assert window.edit_action.isChecked()


def test_no_row_of_the_history_changes_the_chart_while_browsing(qtbot, editing):
    drag(qtbot, editing, "plantar-left", (18, 30), (14, 34))
    moved = editing.state.atlas.zone("heel").shapes
    editing.history_action.trigger()
    editing.edit_action.trigger()  # browsing
    view = history(editing).findChild(QUndoView)
    assert not view.isVisible()  # nothing to click: the change stays
    assert editing.state.atlas.zone("heel").shapes == moved
