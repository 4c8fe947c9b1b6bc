# ruff: noqa: F811 (the editing fixtures come from test_editor)
"""The editor's own readings of the chart file while another program rewrites it (truncates
it, then writes it piece by piece): File → Reload (Ctrl+R) in edit mode, the window coming
back to the changed file, and F2 on a file changed since it was shown. The part on disk is
never opened as the chart (atlas/whole_file.py judges it, as it does the window's Ctrl+R):
the chart edited stays, and the box says the file is incomplete where it ends; once the file
is whole, the same key takes it."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from reflexmap.atlas import load_atlas

from .test_editor import chart, editing  # noqa: F401 (fixtures)


def _cut(chart: Path) -> tuple[str, str]:
    """The chart rewritten by another program (the heel renamed), which has written it up to
    the heel's name so far: `    name: "He`. Returns (the part, the whole)."""
    whole = chart.read_text(encoding="utf-8").replace('name: "Heel"', 'name: "Heel pad"')
    part = whole[: whole.index('name: "Heel pad"') + 9]
    chart.write_text(part, encoding="utf-8")
    stat = chart.stat()  # a later time, as another program's write has (even within a tick)
    os.utime(chart, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000))
    return part, whole


def _box(window, name: str) -> QMessageBox | None:
    found = [b for b in window.findChildren(QMessageBox, name) if b.isVisible()]
    return found[-1] if found else None


def _said_incomplete(qtbot, window, name: str, part: str) -> None:
    qtbot.waitUntil(lambda: _box(window, name) is not None)
    box = _box(window, name)
    said = box.text() + "\n" + box.informativeText()
    place = f"{part.count(chr(10)) + 1}:14: the file is incomplete"  # just after `    name: "He`
    assert place in said, said
    assert "reload (Ctrl+R) once the file is whole" in said, said
    box.close()


def _written_whole(chart: Path, whole: str) -> None:
    chart.write_text(whole, encoding="utf-8")
    stat = chart.stat()
    os.utime(chart, ns=(stat.st_atime_ns, stat.st_mtime_ns + 2_000_000))


def test_ctrl_r_in_edit_mode_on_a_file_cut_while_written_keeps_the_chart(qtbot, editing, chart):
    part, whole = _cut(chart)
    qtbot.keyClick(editing.map, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    _said_incomplete(qtbot, editing, "fix-refused", part)
    assert editing.editor.active and editing.state.atlas.zone("heel").name == "Heel"  # kept
    assert editing.editor.session.document.text != part
    _written_whole(chart, whole)  # the other program is done
    qtbot.keyClick(editing.map, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: editing.state.atlas.zone("heel").name == "Heel pad")
    assert _box(editing, "fix-refused") is None


def test_the_window_coming_back_to_a_file_cut_while_written_keeps_the_chart(qtbot, editing, chart):
    part, whole = _cut(chart)
    QApplication.sendEvent(editing, QEvent(QEvent.Type.WindowActivate))  # nothing unsaved: read at once
    _said_incomplete(qtbot, editing, "fix-refused", part)
    assert editing.state.atlas.zone("heel").name == "Heel"
    assert editing.editor.session.document.text != part


def test_f2_on_a_file_cut_while_written_does_not_edit_the_part(qtbot, make_window, chart):
    window = make_window(load_atlas(chart))
    part, whole = _cut(chart)
    qtbot.keyClick(window.map, Qt.Key.Key_F2)
    _said_incomplete(qtbot, window, "edit-refused", part)
    assert not window.editor.active and window.state.atlas.zone("heel").name == "Heel"
    _written_whole(chart, whole)
    qtbot.keyClick(window.map, Qt.Key.Key_F2)
    qtbot.waitUntil(lambda: window.editor.active)
    assert window.editor.session.document.text == whole
    window.editor.saving.discard()
