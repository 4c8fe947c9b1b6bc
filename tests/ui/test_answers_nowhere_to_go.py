"""Answers that no folder can take: the data folder is full (a real tmpfs mount, filled up)
and so is every spare folder. Closing the window, or changing the learner, never drops them
silently (before, a warning said how many were lost and the window closed): the student is
asked, and chooses to save them to a file of their own (brought in later with Quiz -> Import
saved answers…, each answer once), to try again, to discard them, or to keep the window open
with the answers still kept in memory and written once there is room."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton

from .test_locked_review_log import answer_one, answers, start


def _box(qtbot, name: str = "answers-not-saved") -> QMessageBox:
    found: list[QMessageBox] = []

    def shown() -> bool:
        found[:] = [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()]
        return any(w.objectName() == name for w in found)

    qtbot.waitUntil(shown, timeout=5000)
    return next(w for w in found if w.objectName() == name)


def _close_others(name: str = "answers-not-saved") -> None:
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, QMessageBox) and widget.isVisible() and widget.objectName() != name:
            widget.close()


def _press(box: QMessageBox, name: str) -> None:
    (button,) = [b for b in box.findChildren(QPushButton) if b.objectName() == name]
    button.click()


def _waiting_window(qtbot, make_window, data: Path, fill):
    window = make_window(progress_path=data / "progress.json")
    start(window)
    database = window.quiz.database_path
    first = answer_one(qtbot, window)  # saved
    fill()
    waiting = [answer_one(qtbot, window), answer_one(qtbot, window)]  # the disk is full: they wait
    window.quiz.stop()
    qtbot.wait(50)
    _close_others()
    assert [card for card, _t in answers(database)] == [first]
    return window, database, first, waiting


def test_closing_with_answers_no_folder_takes_asks_and_cancel_keeps_them(qtbot, make_window, full_data):
    data, fill, room = full_data
    window, database, first, waiting = _waiting_window(qtbot, make_window, data, fill)
    window.close()
    box = _box(qtbot)
    assert window.isVisible()  # was: closed at once, the answers lost
    text = box.text() + " " + box.informativeText()
    assert "2 answers could not be saved" in text and "lost" in text, text
    assert "Import saved answers" in text, text
    box.button(QMessageBox.StandardButton.Cancel).click()
    qtbot.wait(50)
    assert window.isVisible()
    assert len(window.quiz.scheduler.pending) == 2  # still kept in memory...
    room()
    qtbot.waitUntil(lambda: len(answers(database)) == 3, timeout=5000)  # ...and written once there is room
    assert [card for card, _t in answers(database)] == [first, *waiting]
    window.close()
    assert not window.isVisible()


def test_answers_saved_to_a_file_of_ones_own_are_imported_once(
    qtbot, make_window, full_data, tmp_path, monkeypatch
):
    data, fill, room = full_data
    window, database, first, waiting = _waiting_window(qtbot, make_window, data, fill)
    chosen = tmp_path / "usb" / "my-answers.json"
    chosen.parent.mkdir()
    monkeypatch.setattr("reflexmap.ui.dialogs.save_file", lambda *args: str(chosen))
    window.close()
    _press(_box(qtbot), "save-answers")
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=5000)
    assert chosen.is_file() and all(card in chosen.read_text(encoding="utf-8") for card in waiting)
    room()

    again = make_window(progress_path=data / "progress.json")
    monkeypatch.setattr("reflexmap.ui.dialogs.open_file", lambda *args: str(chosen))
    action = next(
        a for a in again.findChildren(type(again.mastery_action)) if a.objectName() == "action-import-answers"
    )
    action.trigger()  # (read in the window's background work)
    qtbot.waitUntil(lambda: "2 answers imported" in again.statusBar().currentMessage(), timeout=5000)
    assert [card for card, _t in answers(database)] == [first, *waiting]
    again.statusBar().clearMessage()
    action.trigger()  # the same file again: nothing counted twice
    qtbot.waitUntil(lambda: "2 answers imported" in again.statusBar().currentMessage(), timeout=5000)
    assert len(answers(database)) == 3
    assert chosen.is_file()  # the student's own file is left where they put it
    assert again.quiz.scheduler.states[waiting[0]].seen == 1


def test_discarding_is_a_choice_and_a_full_file_place_asks_again(qtbot, make_window, full_data, monkeypatch):
    data, fill, _room = full_data
    window, database, first, _waiting = _waiting_window(qtbot, make_window, data, fill)
    monkeypatch.setattr("reflexmap.ui.dialogs.save_file", lambda *args: str(data / "elsewhere.json"))
    window.close()
    box = _box(qtbot)
    _press(box, "save-answers")  # that place is on the full disk too: asked again, with why
    qtbot.waitUntil(lambda: _box(qtbot) is not box, timeout=5000)
    again = _box(qtbot)
    assert "full" in again.text() or "space" in again.text(), again.text()
    assert window.isVisible()
    _press(again, "discard-answers")
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=5000)
    assert [card for card, _t in answers(database)] == [first]


def test_changing_the_learner_asks_too(qtbot, make_window, full_data, monkeypatch):
    data, fill, room = full_data
    window, database, first, waiting = _waiting_window(qtbot, make_window, data, fill)
    quiz = window.quiz
    room()
    quiz.profiles.create("Anna")
    fill()
    switched: list[bool] = []
    assert quiz.set_profile("Anna", lambda: switched.append(True))
    box = _box(qtbot)
    assert quiz.profile != "Anna" and not switched  # not yet: the answers are asked about
    room()
    _press(box, "try-again")  # room now: kept (written), then switched
    qtbot.waitUntil(lambda: bool(switched), timeout=5000)
    assert quiz.profile == "Anna"
    conn = sqlite3.connect(database)
    assert [c for (c,) in conn.execute("SELECT card FROM reviews ORDER BY id")] == [first, *waiting]
    conn.close()


def test_a_language_switch_hands_the_waiting_answers_to_the_new_window(qtbot, make_window, full_data):
    data, fill, room = full_data
    window, database, first, waiting = _waiting_window(qtbot, make_window, data, fill)
    window.settings_menu.language_actions["de"].trigger()
    successor = window.successor
    assert successor is not None
    qtbot.addWidget(successor)
    qtbot.wait(50)
    shown = [
        w.objectName() for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()
    ]
    assert "answers-not-saved" not in shown  # nothing to ask: the new window has them
    assert [a.card for a in successor.quiz.scheduler.pending] == waiting
    room()
    qtbot.waitUntil(lambda: len(answers(database)) == 3, timeout=5000)
    assert [card for card, _t in answers(database)] == [first, *waiting]


def test_a_read_only_data_folder_keeps_the_answers_and_asks_when_nothing_takes_them(
    qtbot, make_window, data_disk, monkeypatch
):
    """The data folder (and every spare folder) read-only from the start: the answers wait
    (they were not kept at all), the status line does not blame another program, and closing
    asks, saying the folder is read-only."""
    from reflexmap.quiz import ReviewLog

    folder = data_disk.path
    ReviewLog(folder / "reviews.sqlite3").close()
    data_disk.read_only()
    monkeypatch.setattr("reflexmap.ui.modes.quiz.spare_folders", lambda settings: (folder / "spare",))
    window = make_window(progress_path=folder / "progress.json")
    start(window)
    _close_others()
    answer = answer_one(qtbot, window)
    _close_others()
    assert [a.card for a in window.quiz.scheduler.pending] == [answer]
    assert "another program" not in window.statusBar().currentMessage()
    assert "1 answer waiting to be saved" in window.quiz_panel.status.text()
    window.quiz.stop()
    window.close()
    box = _box(qtbot)
    assert "read-only" in box.text(), box.text()
    assert window.isVisible()
    _press(box, "discard-answers")
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=5000)


def test_answers_kept_in_the_temporary_folder_are_said_once_in_the_window(
    qtbot, make_window, full_data, monkeypatch, tmp_path: Path
):
    """The data folder is full and the only folder that takes the waiting answers is the
    user's own folder in the system's temporary folder (which the system may empty): closing
    says so in the window, once, with where they are and a way to save a copy (before, only
    stderr said it), and the window closes after; the answers are in that folder."""
    import os
    import tempfile

    from reflexmap.quiz import pending

    data, fill, _room = full_data
    system_temporary = tmp_path / "system-temporary"
    system_temporary.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(system_temporary))
    own = system_temporary / f"reflexmap-{os.getuid()}"
    monkeypatch.setattr("reflexmap.ui.modes.quiz.spare_folders", lambda settings: (own,))
    window, database, _first, waiting = _waiting_window(qtbot, make_window, data, fill)
    window.close()
    box = _box(qtbot, "answers-in-temporary-folder")
    assert window.isVisible()  # said before the window goes
    text = box.text() + " " + box.informativeText()
    assert "2 answers could not be written" in text and "temporary folder" in text, text
    (kept,) = pending.files(database, (own,))
    assert str(kept) in text and "Import saved answers" in text, text
    assert len(pending.read(kept)) == len(waiting)
    box.escapeButton().click()
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=5000)
    assert [b for b in QApplication.topLevelWidgets() if isinstance(b, QMessageBox) and b.isVisible()] == []


def test_no_usable_temporary_folder_at_all_does_not_stop_the_quiz(qtbot, make_window, monkeypatch):
    """TMPDIR, /tmp, /var/tmp and the working folder all refuse files (tempfile finds no
    usable temporary folder): the spare folders leave it out, and the quiz opens and saves
    answers as ever (before, opening the quiz raised FileNotFoundError)."""
    import tempfile

    def no_temporary_folder() -> str:
        raise FileNotFoundError(2, "No usable temporary directory found")

    monkeypatch.setattr(tempfile, "gettempdir", no_temporary_folder)
    window = make_window()
    start(window)
    card = answer_one(qtbot, window)
    assert [c for c, _t in answers(window.quiz.database_path)] == [card]


def test_a_copy_of_answers_kept_in_the_temporary_folder_is_saved_where_the_student_chooses(
    qtbot, make_window, full_data, monkeypatch, tmp_path: Path
):
    """The same closing, Save a copy… chosen: the answers are written to the student's file
    too (Quiz → Import saved answers… reads it), and the window closes."""
    import os
    import tempfile

    from reflexmap.quiz import pending
    from reflexmap.ui import dialogs

    data, fill, _room = full_data
    system_temporary = tmp_path / "system-temporary"
    system_temporary.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(system_temporary))
    own = system_temporary / f"reflexmap-{os.getuid()}"
    monkeypatch.setattr("reflexmap.ui.modes.quiz.spare_folders", lambda settings: (own,))
    copy = tmp_path / "usb" / "my-answers.json"
    copy.parent.mkdir()
    monkeypatch.setattr(dialogs, "save_file", lambda *args: str(copy))
    window, database, _first, waiting = _waiting_window(qtbot, make_window, data, fill)
    window.close()
    box = _box(qtbot, "answers-in-temporary-folder")
    _press(box, "save-answers-copy")
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=5000)
    assert len(pending.read(copy)) == len(waiting)
    assert pending.database_of(copy) is not None and Path(pending.database_of(copy)) == database
    (kept,) = pending.files(database, (own,))
    assert len(pending.read(kept)) == len(waiting)  # still there, for the next start
