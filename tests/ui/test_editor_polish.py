# ruff: noqa: F811 (the editing fixtures come from test_editor)
"""Issue 16, the tester's round: keys typed in the zone form stay in the form, zone actions
are on only when they can act, a duplicate gets a name of its own, live-check marks."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from .test_editor import chart, editing  # noqa: F401 (fixtures)

CTRL = Qt.KeyboardModifier.ControlModifier


def focused(qtbot, window, widget):
    window.activateWindow()
    widget.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is widget, timeout=2000)
    return widget


@pytest.mark.parametrize("field", ["id", "name", "claim"])
def test_ctrl_del_in_a_form_field_deletes_a_word_not_the_zone(qtbot, editing, field):
    form = editing.editor.form
    line = form.zone_id if field == "id" else form.fields[(field, None)]
    focused(qtbot, editing, line)
    line.setText("heel pad")
    line.setCursorPosition(0)
    qtbot.keyClick(line, Qt.Key.Key_Delete, CTRL)  # the line edit's "delete the next word"
    assert editing.state.atlas.has_zone("heel")
    assert editing.editor.session.stack.count() == 0
    text = line.toPlainText() if hasattr(line, "toPlainText") else line.text()
    assert text in ("pad", " pad"), text
    qtbot.keyClick(line, Qt.Key.Key_Backspace, CTRL)
    assert editing.state.atlas.has_zone("heel")
    # the same key on the map deletes the zone, as the Edit menu says
    editing.map.setFocus()
    qtbot.keyClick(editing.map, Qt.Key.Key_Delete, CTRL)
    assert not editing.state.atlas.has_zone("heel")
