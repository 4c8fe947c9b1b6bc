"""The review log in the window: an old progress file imported on first use, two windows
answering into one database, a backup on exit, and a damaged database replaced with a message."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

from reflexmap.quiz import QuizOptions, ReviewLog


def reviews_in(path: Path) -> int:
    conn = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
    try:
        return conn.execute("SELECT count(*) FROM reviews").fetchone()[0]
    finally:
        conn.close()


def answer_by_click(qtbot, window) -> None:
    session = window.quiz.session
    button = window.quiz_panel.buttons[session.current.answer]
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert window.quiz_panel.feedback.text().startswith("✔")
    qtbot.keyClick(window.quiz_panel.next_button, Qt.Key.Key_Return)


def test_an_old_progress_file_is_imported_and_the_heat_map_shows_it(qtbot, make_window, tmp_path: Path):
    progress = tmp_path / "student" / "progress.json"
    progress.parent.mkdir()
    window = make_window(progress_path=progress)
    # written by ReflexMap before the review log (see tests/quiz/test_reviewlog.py)
    real = Path(__file__).resolve().parents[1] / "data" / "progress-format-1.json"
    cards = json.loads(real.read_text(encoding="utf-8"))["cards"]
    assert {key.split(":")[0] for key in cards} == {window.state.atlas.id}
    progress.write_bytes(real.read_bytes())
    window.mastery_action.trigger()
    practised = {key.split(":")[1] for key in cards}
    mastery = window.map.chart.mastery
    assert practised and all(mastery[z] is not None for z in practised)
    assert all(mastery[z.id] is None for z in window.state.atlas.zones if z.id not in practised)
    assert any(mastery[z] > 0.3 for z in practised)  # box 5: three weeks remembered
    assert not progress.exists()
    assert [p.name.startswith("progress.json.imported-") for p in progress.parent.glob("progress.json*")] == [
        True
    ]
    assert window.findChild(QMessageBox, "quiz-warning") is None  # nothing to warn about


def test_two_windows_answering_into_one_database_lose_nothing(qtbot, make_window, tmp_path: Path):
    progress = tmp_path / "progress.json"
    first, second = make_window(progress_path=progress), make_window(progress_path=progress)
    options = QuizOptions(kinds=("name",), zone_ids=("neck", "heart", "stomach"), seed=3, length=3)
    for window in (first, second):
        window.quiz.advance_after_right_ms = 60_000
        assert window.quiz.start(options)
    for _ in range(3):  # turn about, as two students on one computer would
        answer_by_click(qtbot, first)
        answer_by_click(qtbot, second)
    for window in (first, second):
        window.findChild(QDialog, "quiz-summary").reject()
    states = ReviewLog(first.quiz.database_path).states()
    assert {key.split(":")[1]: s.seen for key, s in states.items()} == {"neck": 2, "heart": 2, "stomach": 2}
    assert ReviewLog(first.quiz.database_path).count() == 6


def test_closing_the_window_backs_up_and_a_damaged_database_is_restored(qtbot, make_window, tmp_path: Path):
    progress = tmp_path / "progress.json"
    window = make_window(progress_path=progress)
    window.quiz.advance_after_right_ms = 60_000
    assert window.quiz.start(QuizOptions(kinds=("name",), zone_ids=("neck",), seed=3, length=1))
    answer_by_click(qtbot, window)
    window.findChild(QDialog, "quiz-summary").reject()
    database = window.quiz.database_path
    window.close()
    backups = ReviewLog(database).backups()  # one at the first open of the day, one on exit
    assert len(backups) == 2 and [reviews_in(b) for b in backups] == [1, 0]
    database.write_bytes(b"\0" * 4096)  # damaged
    window = make_window(progress_path=progress)
    window.mastery_action.trigger()

    def said():  # at start now (the review log is checked after the first paint), or on opening it
        boxes = [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()]
        return [b for b in boxes if "damaged" in b.text() and "restored" in b.text()]

    qtbot.waitUntil(lambda: bool(said()), timeout=5000)
    assert window.map.chart.mastery["neck"] is not None  # the backup's answer is back
    for box in said():
        box.close()


def test_a_failed_daily_backup_is_said_in_a_box_once_a_day_and_in_the_status_bar_after(
    qtbot, make_window, settings, tmp_path: Path
):
    """The backups folder cannot be made (a file has its name): the answers are saved, but
    no backup is. The first window of the day says so in a box; the next ones (the student
    opens the app again, a second window) only in the status bar, until the next day."""
    progress = tmp_path / "progress.json"
    options = QuizOptions(kinds=("name",), zone_ids=("neck",), seed=3, length=1)

    def quiz_in_a_new_window():
        window = make_window(progress_path=progress)
        (window.quiz.database_path.parent / "backups").write_text("not a folder", encoding="utf-8")
        window.quiz.advance_after_right_ms = 60_000
        assert window.quiz.start(options)
        boxes = [b for b in window.findChildren(QMessageBox, "quiz-warning") if "No backup" in b.text()]
        for box in boxes:
            box.close()
        answer_by_click(qtbot, window)  # the answer is saved all the same
        window.findChild(QDialog, "quiz-summary").reject()
        status = window.statusBar().currentMessage()
        assert ReviewLog(window.quiz.database_path).count() >= 1
        window.close()
        return boxes, status

    boxes, _status = quiz_in_a_new_window()
    (box,) = boxes
    assert "No backup could be made in" in box.text() and "still saved" in box.text()
    for _again in range(2):  # the same day: no box, but the status bar still says it
        boxes, status = quiz_in_a_new_window()
        assert boxes == [] and "No backup could be made" in status
    backups = str(window_backups(progress))
    settings.setValue("quiz/backup-failures-said", {backups: "2020-01-01"})  # the next day comes
    boxes, _status = quiz_in_a_new_window()
    assert len(boxes) == 1


def window_backups(progress: Path) -> Path:
    """The backups folder of the review log a window with `progress` answers into."""
    return progress.parent / "backups"  # beside reviews.sqlite3 (quiz/reviewlog.py)


def test_a_failed_backup_is_said_once_a_day_in_each_data_folder(qtbot, make_window, settings, tmp_path: Path):
    """Two data folders (two installs' progress, say, with one settings file) whose backups
    both fail the same day: each is said in its box the first time, neither the second; one
    folder's box said does not silence the other's."""
    options = QuizOptions(kinds=("name",), zone_ids=("neck",), seed=3, length=1)

    def backup_boxes(folder: Path) -> list[str]:
        folder.mkdir(exist_ok=True)
        window = make_window(progress_path=folder / "progress.json")
        (window.quiz.database_path.parent / "backups").write_text("not a folder", encoding="utf-8")
        assert window.quiz.start(options)
        boxes = [b for b in window.findChildren(QMessageBox, "quiz-warning") if "No backup" in b.text()]
        texts = [box.text() for box in boxes]
        for box in boxes:
            box.close()
        window.close()
        return texts

    anna, ben = tmp_path / "anna", tmp_path / "ben"
    (said,) = backup_boxes(anna)
    assert str(anna) in said
    (said,) = backup_boxes(ben)  # the same day, another folder: said too
    assert str(ben) in said
    assert backup_boxes(anna) == [] and backup_boxes(ben) == []  # each once a day
