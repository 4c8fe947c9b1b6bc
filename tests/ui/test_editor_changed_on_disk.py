# ruff: noqa: F811 (the editing fixtures come from test_editor)
"""Save never writes over what another program wrote to the chart file since it was opened
(tryout F26): it asks first (overwrite, reload the file, save as), and the window coming
back (activated) says the change, reloading the file when nothing here is unsaved."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton

from reflexmap.atlas import read_atlas
from reflexmap.ui import dialogs

from .test_editor import chart, editing  # noqa: F401 (fixtures)


def nudge(qtbot, window) -> None:
    qtbot.keyClick(window.map, Qt.Key.Key_Up)
    window.editor.tool.commit_nudge()


def other_program_renames_the_heel(path: Path) -> None:
    text = path.read_text(encoding="utf-8").replace('name: "Heel"', 'name: "Heel pad"')
    path.write_text(text, encoding="utf-8")
    stat = path.stat()  # a later time, as another program's write has (even within a tick)
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000))


def answer_with(button_text: str, seen: list[str]) -> None:
    """Click the button named `button_text` in the next message box, once it shows."""

    def click() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, click)
            return
        seen.append(box.objectName())
        seen.append(box.text())
        button = next(b for b in box.findChildren(QPushButton) if b.text().replace("&", "") == button_text)
        button.click()

    QTimer.singleShot(0, click)


def test_save_asks_before_writing_over_another_programs_change(qtbot, editing, chart):
    nudge(qtbot, editing)
    other_program_renames_the_heel(chart)
    seen: list[str] = []
    answer_with("Cancel", seen)
    editing.save_action.trigger()
    assert seen[0] == "changed-on-disk" and "small.yaml was changed by another program" in seen[1]
    assert 'name: "Heel pad"' in chart.read_text(encoding="utf-8")  # not written over
    assert editing.isWindowModified()
    answer_with("Overwrite", seen)
    editing.save_action.trigger()
    assert 'name: "Heel pad"' not in chart.read_text(encoding="utf-8")  # theirs replaced …
    assert 'name: "Heel pad"' in chart.with_name("small.yaml.bak").read_text(encoding="utf-8")  # … kept
    assert not editing.isWindowModified()
    seen.clear()
    nudge(qtbot, editing)
    editing.save_action.trigger()  # no other change since: no question
    assert seen == []


def test_save_as_from_the_question_keeps_the_other_programs_file(qtbot, editing, chart, monkeypatch):
    nudge(qtbot, editing)
    other_program_renames_the_heel(chart)
    mine = chart.with_name("mine.yaml")
    monkeypatch.setattr(dialogs, "save_file", lambda *args: str(mine))
    seen: list[str] = []
    answer_with("Save as…", seen)
    editing.save_action.trigger()
    assert 'name: "Heel pad"' in chart.read_text(encoding="utf-8")
    assert read_atlas(mine).ok and 'name: "Heel"' in mine.read_text(encoding="utf-8")
    assert editing.editor.session.saved_path == mine


def test_reload_from_the_question_shows_the_other_programs_version(qtbot, editing, chart):
    nudge(qtbot, editing)
    other_program_renames_the_heel(chart)
    seen: list[str] = []
    answer_with("Reload the file", seen)
    editing.save_action.trigger()
    assert editing.state.atlas.zone("heel").name == "Heel pad"
    assert not editing.isWindowModified() and editing.editor.active
    assert 'name: "Heel pad"' in chart.read_text(encoding="utf-8")


@pytest.mark.parametrize("unsaved", [False, True])
def test_the_window_coming_back_says_the_change_on_disk(qtbot, editing, chart, unsaved):
    if unsaved:
        nudge(qtbot, editing)
    other_program_renames_the_heel(chart)
    QApplication.sendEvent(editing, QEvent(QEvent.Type.WindowActivate))  # the window is active again
    if not unsaved:  # nothing to lose: the file as it is now, at once
        assert editing.state.atlas.zone("heel").name == "Heel pad"
        assert "reloaded" in editing.statusBar().currentMessage()
        return
    qtbot.waitUntil(lambda: editing.findChild(QMessageBox, "changed-on-disk-now") is not None)
    box = editing.findChild(QMessageBox, "changed-on-disk-now")
    assert "was changed by another program" in box.text()
    assert editing.state.atlas.zone("heel").name == "Heel"  # nothing changed before the answer
    keep = next(b for b in box.findChildren(QPushButton) if "Keep" in b.text())
    qtbot.mouseClick(keep, Qt.MouseButton.LeftButton)
    assert editing.isWindowModified()
    QApplication.sendEvent(editing, QEvent(QEvent.Type.WindowActivate))  # asked once per change
    assert not [b for b in editing.findChildren(QMessageBox, "changed-on-disk-now") if b.isVisible()]
    editing.editor.saving.discard()


def test_a_file_another_program_broke_beyond_fixing_is_refused_with_why(qtbot, editing, chart):
    """The window comes back to a file that is no longer a chart the editor can show (not
    YAML now): it says so, names the file, and keeps the chart it had."""
    chart.write_text("zones: [unclosed\n", encoding="utf-8")
    stat = chart.stat()
    os.utime(chart, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000))
    QApplication.sendEvent(editing, QEvent(QEvent.Type.WindowActivate))
    qtbot.waitUntil(lambda: editing.findChild(QMessageBox, "fix-refused") is not None)
    box = editing.findChild(QMessageBox, "fix-refused")
    assert "The editor cannot open" in box.text() and "small.yaml" in box.text()
    assert editing.state.atlas.zone("heel").name == "Heel"  # the chart it had


def heel_bottom(window) -> float:
    return window.editor.session.written_shape("heel", "plantar-left")[0][0][1]


def test_a_reload_when_the_window_comes_back_keeps_the_way_back(qtbot, editing, chart):
    """Nothing unsaved, the file changed by another program: the reload is one step on the
    history (Edit → History names it), and Ctrl+Z gives back the chart as it was here, then
    the changes made before; Ctrl+Shift+Z the other program's version again."""
    from PySide6.QtGui import QKeySequence
    from PySide6.QtWidgets import QDockWidget, QUndoView

    from .test_editor import key

    start = heel_bottom(editing)
    nudge(qtbot, editing)
    nudged = heel_bottom(editing)
    qtbot.keyClick(editing.map, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert not editing.isWindowModified() and nudged != start
    other_program_renames_the_heel(chart)
    QApplication.sendEvent(editing, QEvent(QEvent.Type.WindowActivate))
    assert editing.state.atlas.zone("heel").name == "Heel pad"
    assert not editing.isWindowModified()
    editing.history_action.trigger()
    view = editing.findChild(QDockWidget, "dock-history").findChild(QUndoView)
    rows = [view.model().index(r, 0).data() for r in range(view.model().rowCount())]
    assert rows[-2:] == ["Nudge zone: Heel", "Reload small.yaml"], rows
    key(qtbot, editing, QKeySequence.StandardKey.Undo)
    assert editing.state.atlas.zone("heel").name == "Heel"  # the chart as it was here
    assert editing.isWindowModified()  # (it is not what the file holds now)
    assert heel_bottom(editing) == nudged
    key(qtbot, editing, QKeySequence.StandardKey.Undo)
    assert heel_bottom(editing) == start  # the nudge before, undone too
    key(qtbot, editing, QKeySequence.StandardKey.Redo)
    key(qtbot, editing, QKeySequence.StandardKey.Redo)
    assert editing.state.atlas.zone("heel").name == "Heel pad" and not editing.isWindowModified()


def test_reload_chosen_with_unsaved_changes_can_be_undone(qtbot, editing, chart):
    """ "Reload the file" when the window comes back to a changed file with unsaved work: the
    work is not lost, Ctrl+Z brings it back."""
    from PySide6.QtGui import QKeySequence

    from .test_editor import key

    start = heel_bottom(editing)
    nudge(qtbot, editing)
    nudged = heel_bottom(editing)
    other_program_renames_the_heel(chart)
    QApplication.sendEvent(editing, QEvent(QEvent.Type.WindowActivate))
    qtbot.waitUntil(lambda: editing.findChild(QMessageBox, "changed-on-disk-now") is not None)
    box = editing.findChild(QMessageBox, "changed-on-disk-now")
    assert "Undo" in box.text()
    reload = next(b for b in box.findChildren(QPushButton) if "Reload" in b.text())
    qtbot.mouseClick(reload, Qt.MouseButton.LeftButton)
    assert editing.state.atlas.zone("heel").name == "Heel pad" and heel_bottom(editing) == start
    assert not editing.isWindowModified()
    key(qtbot, editing, QKeySequence.StandardKey.Undo)
    assert editing.state.atlas.zone("heel").name == "Heel" and heel_bottom(editing) == nudged
    assert editing.isWindowModified()
    editing.editor.saving.discard()


def test_save_asks_when_the_other_program_kept_the_files_time_and_size(qtbot, editing, chart):
    """A program that keeps the file's time (`cp -p`, `rsync -t`, a restore from backup) or
    writes within the file system's clock tick, with text of the same length: Save reads the
    file again before writing over it (its time and size alone said "unchanged")."""
    nudge(qtbot, editing)
    before = chart.stat()
    text = chart.read_text(encoding="utf-8")
    assert 'name: "Heel"' in text
    chart.write_text(text.replace('name: "Heel"', 'name: "Hell"'), encoding="utf-8")  # same size
    os.utime(chart, ns=(before.st_atime_ns, before.st_mtime_ns))  # the time kept
    assert chart.stat().st_size == before.st_size
    seen: list[str] = []
    answer_with("Cancel", seen)
    editing.save_action.trigger()
    assert seen and seen[0] == "changed-on-disk", seen
    assert 'name: "Hell"' in chart.read_text(encoding="utf-8")  # not written over
    editing.editor.saving.discard()


def test_reload_cancelled_is_not_asked_again_as_changed_on_disk(qtbot, editing, chart):
    """File → Reload over work not saved, the file changed by another program, answered
    Cancel: the window coming back from the question does not ask at once "… was changed by
    another program. Reload it?" about the same change (S16-5); a later change is asked about."""
    nudge(qtbot, editing)
    other_program_renames_the_heel(chart)
    seen: list[str] = []
    answer_with("Cancel", seen)
    editing.reload_action.trigger()
    assert seen[0] == "reload-unsaved"
    QApplication.sendEvent(editing, QEvent(QEvent.Type.WindowActivate))  # back from the question
    qtbot.wait(50)
    assert not [b for b in editing.findChildren(QMessageBox, "changed-on-disk-now") if b.isVisible()]
    assert editing.isWindowModified() and editing.state.atlas.zone("heel").name == "Heel"
    text = chart.read_text(encoding="utf-8").replace('name: "Heel pad"', 'name: "Heel zone"')
    chart.write_text(text, encoding="utf-8")  # another change, later: said when the window comes back
    stat = chart.stat()
    os.utime(chart, ns=(stat.st_atime_ns, stat.st_mtime_ns + 2_000_000))
    QApplication.sendEvent(editing, QEvent(QEvent.Type.WindowActivate))
    qtbot.waitUntil(lambda: editing.findChild(QMessageBox, "changed-on-disk-now") is not None)
    editing.findChild(QMessageBox, "changed-on-disk-now").close()
    editing.editor.saving.discard()
