# ruff: noqa: F811 (the editing fixtures come from test_editor)
"""The editor's verdict on a chart that passes the check with warnings says so, as
`reflexmap check` does (the same rules: atlas/notes.py), and the problems list shows them
(tryout S17-12: "✔ The chart passes the check" where `check` printed 3 warnings)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication, QDockWidget

from reflexmap.cli import main

from .test_editor import chart, editing, key  # noqa: F401 (fixtures)


def test_a_name_leaving_a_direction_control_open_is_a_warning_in_the_verdict(qtbot, editing, chart, capsys):
    note = editing.editor.problems_label
    assert note.text() == "✔ The chart passes the check"
    name = editing.editor.form.fields[("name", None)]
    name.selectAll()
    QApplication.clipboard().setText("Heel \u202eright")  # an override nothing closes, pasted
    qtbot.keyClick(name, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(name, Qt.Key.Key_Return)
    assert editing.state.atlas.zone("heel").name == "Heel \u202eright"
    assert note.text() == "✔ The chart passes the check, with 1 warning: click to see it", note.text()
    assert "U+202E" in note.toolTip() and "line " in note.toolTip()
    qtbot.mouseClick(note, Qt.MouseButton.LeftButton)
    panel = editing.findChild(QDockWidget, "dock-chart-problems")
    assert panel.isVisible()
    listed = panel.widget()
    assert "1 warning" in listed.summary.text()
    assert listed.list.count() == 1 and "U+202E" in listed.list.item(0).text()
    listed.list.itemClicked.emit(listed.list.item(0))  # (nothing on the map to show: nothing breaks)
    editing.save_action.trigger()
    assert main(["check", str(chart)]) == 0
    printed = capsys.readouterr().out
    assert printed.count("warning:") == 1 and "U+202E" in printed  # what `check` says, the same
    key(qtbot, editing, QKeySequence.StandardKey.Undo)
    assert note.text() == "✔ The chart passes the check"
    assert "no problems" in listed.summary.text() and listed.list.count() == 0
