# ruff: noqa: F811 (the editing fixtures come from test_editor)
"""Undo and Redo say in the status bar which change they took back or made again. Before,
a name typed in the form and undone after the zone was deselected (a click on the map
beside the feet) changed only a row of the Zones list: nothing said that Ctrl+Z had acted,
or on what (seen on a real window)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence

from .conftest import click_mm
from .test_editor import chart, editing, key  # noqa: F401 (fixtures)


def test_undo_and_redo_of_a_name_say_what_they_did(qtbot, editing):
    window = editing
    field = window.editor.form.fields[("name", None)]
    qtbot.mouseClick(field, Qt.MouseButton.LeftButton)
    field.selectAll()
    qtbot.keyClicks(field, "Pelvis and hips")
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert window.state.atlas.zone("heel").name == "Pelvis and hips"
    click_mm(qtbot, window, "plantar-left", 60.0, 50.0)  # beside the feet: nothing selected
    assert not window.state.zone_id
    key(qtbot, window, QKeySequence.StandardKey.Undo)
    assert window.state.atlas.zone("heel").name == "Heel"
    # the zone named, as it was named when changed
    assert window.statusBar().currentMessage() == "Undone: Edit Name: Heel"
    key(qtbot, window, QKeySequence.StandardKey.Redo)
    assert window.state.atlas.zone("heel").name == "Pelvis and hips"
    assert window.statusBar().currentMessage() == "Redone: Edit Name: Heel"
    assert window.undo_action.text() == "&Undo Edit Name: Heel"


def test_a_right_to_left_zone_name_is_isolated_in_the_undo_words(qtbot, editing):
    window = editing
    field = window.editor.form.fields[("name", None)]
    for name in ("עקב", "Heel again"):
        qtbot.mouseClick(field, Qt.MouseButton.LeftButton)
        field.setText(name)  # (QTest types no Hebrew letters)
        qtbot.keyClick(field, Qt.Key.Key_Return)
    assert window.state.atlas.zone("heel").name == "Heel again"
    key(qtbot, window, QKeySequence.StandardKey.Undo)
    assert window.statusBar().currentMessage() == "Undone: Edit Name: \u2068עקב\u2069"
