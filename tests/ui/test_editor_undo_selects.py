# ruff: noqa: F811 (the editing fixtures come from test_editor)
"""Undo and redo leave the selection where a person expects it, whatever was selected in
between: the zone each change changed selected, its texts in the form (a drawn zone redone
came back unselected with the form empty; a deleted zone undone came back unselected)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence

from .conftest import click_mm
from .test_editor import DATA, chart, editing, key  # noqa: F401 (fixtures)
from .test_editor_undo_bytes import make

# kind of change made on the heel -> (selected after Undo, selected after Redo)
EXPECTED = {
    "zone texts": ("heel", "heel"),
    "region": ("heel", "heel"),
    "vertex drag": ("heel", "heel"),
    "insert vertex": ("heel", "heel"),
    "delete vertex": ("heel", "heel"),
    "move": ("heel", "heel"),
    "nudge": ("heel", "heel"),
    "break mirror": ("heel", "heel"),
    "draw": ("heel", "new-zone-1"),  # undone: the zone selected when it was drawn
    "duplicate": ("heel", "heel-copy"),
    "delete zone": ("heel", ""),
}


def _nothing_selected(qtbot, window) -> None:
    click_mm(qtbot, window, "plantar-left", 60.0, 50.0)  # paper beside the feet
    assert window.state.zone_id == ""
    assert window.editor.form.zone_id.text() == ""


def _selected(window, zone: str) -> None:
    assert window.state.zone_id == zone
    assert window.editor.form.zone_id.text() == zone  # the form shows it
    if zone:
        assert window.state.view_id in ("plantar-left", "plantar-right")


@pytest.mark.parametrize("kind", EXPECTED)
def test_undo_and_redo_select_the_zone_changed(qtbot, editing, kind):
    editing.edited_view = "plantar-left"
    stack = editing.editor.session.stack
    make(qtbot, editing, kind)
    assert stack.index() >= 1
    undone, redone = EXPECTED[kind]
    for _round in range(2):  # (and again: a change redone undoes as it did)
        _nothing_selected(qtbot, editing)
        while stack.canUndo():
            key(qtbot, editing, QKeySequence.StandardKey.Undo)
        _selected(editing, undone)
        _nothing_selected(qtbot, editing)
        while stack.canRedo():
            key(qtbot, editing, QKeySequence.StandardKey.Redo)
        _selected(editing, redone)


def test_a_drawn_zone_redone_with_ctrl_y_is_selected_and_its_texts_in_the_form(qtbot, editing):
    editing.edited_view = "plantar-left"
    make(qtbot, editing, "draw")  # clicks on the map, Enter
    name = editing.state.atlas.zone("new-zone-1").name
    key(qtbot, editing, QKeySequence.StandardKey.Undo)
    assert not editing.state.atlas.has_zone("new-zone-1")
    qtbot.keyClick(editing.map, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert editing.state.zone_id == "new-zone-1"
    assert editing.editor.form.fields[("name", None)].text() == name
