"""S14-8: a damaged progress database is said before the New quiz dialog, not after it. Before,
F7 opened the dialog over the warning (both window-modal, the dialog on top), so the warning
"… is damaged; it was set aside …" came only when the dialog was closed, after Start over a
running round."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox


def _shown(window, kind, name):
    return [w for w in window.findChildren(kind, name) if w.isVisible()]


def test_f7_says_the_damaged_database_first_and_opens_the_dialog_when_it_is_read(
    qtbot, make_window, tmp_path: Path
):
    window = make_window(progress_path=tmp_path / "progress.json")
    database = window.quiz.database_path
    database.parent.mkdir(parents=True, exist_ok=True)
    database.write_bytes(os.urandom(3000))  # as the tester's: 3000 random bytes
    window.show()
    window.new_quiz_action.trigger()
    qtbot.waitUntil(lambda: bool(_shown(window, QMessageBox, "quiz-warning")))
    (box,) = _shown(window, QMessageBox, "quiz-warning")
    assert "damaged" in box.text() and "set aside" in box.text()
    assert not _shown(window, QDialog, "quiz-setup")  # not over (or under) the warning
    assert QApplication.activeModalWidget() in (box, None)
    qtbot.mouseClick(box.button(QMessageBox.StandardButton.Ok), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(_shown(window, QDialog, "quiz-setup")))
    assert not _shown(window, QMessageBox, "quiz-warning")
    (dialog,) = _shown(window, QDialog, "quiz-setup")
    dialog.reject()
    window.new_quiz_action.trigger()  # said once: the next F7 opens the dialog straight away
    qtbot.waitUntil(lambda: bool(_shown(window, QDialog, "quiz-setup")))
    assert not _shown(window, QMessageBox, "quiz-warning")


def test_statistics_says_the_damaged_database_first_and_opens_when_it_is_answered(
    qtbot, make_window, tmp_path: Path
):
    """S15-12: Quiz → Statistics… (F8) opened its window over the warning it depends on: the
    window covered the modal box and could not be closed."""
    window = make_window(progress_path=tmp_path / "progress.json")
    database = window.quiz.database_path
    database.parent.mkdir(parents=True, exist_ok=True)
    database.write_bytes(os.urandom(3000))
    window.statistics_action.trigger()
    qtbot.waitUntil(lambda: bool(_shown(window, QMessageBox, "quiz-warning")))
    (box,) = _shown(window, QMessageBox, "quiz-warning")
    assert "damaged" in box.text()
    assert not _shown(window, QDialog, "statistics")  # not over the warning
    qtbot.mouseClick(box.button(QMessageBox.StandardButton.Ok), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(_shown(window, QDialog, "statistics")))
    (stats,) = _shown(window, QDialog, "statistics")
    qtbot.keyClick(stats, Qt.Key.Key_Escape)  # and it closes
    qtbot.waitUntil(lambda: not _shown(window, QDialog, "statistics"))
