"""The desired retention, chosen in Quiz → New quiz…: it sets how far ahead FSRS schedules the
next review, it is kept with the profile's progress, and each profile has its own."""

from __future__ import annotations

import time
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QLabel, QSpinBox

from reflexmap.quiz import Card, ReviewLog, Scheduler
from reflexmap.quiz.scheduler import DAY


def seed(path: Path, atlas_id: str, zones: list[str]) -> None:
    """Each zone's name card answered right three times over the last weeks: a card in review."""
    clock = [time.time() - 40 * DAY]
    log = ReviewLog(path)
    scheduler = Scheduler(log=log, clock=lambda: clock[0])
    for zone in zones:
        clock[0] = time.time() - 40 * DAY
        for _ in range(3):
            state = scheduler.record(Card(atlas_id, zone, "name"), True, seconds=8.0)
            clock[0] = min(state.due, time.time() - DAY)
    log.close()


def play_round(qtbot, window, zone: str, retention_typed: str | None) -> QDialog:
    """New quiz… with one zone's name card; the retention typed into its box; one right answer."""
    window.new_quiz_action.trigger()
    dialog = next(d for d in window.findChildren(QDialog, "quiz-setup") if d.isVisible())
    box = dialog.findChild(QSpinBox, "desired-retention")
    if retention_typed is not None:
        box.lineEdit().selectAll()
        qtbot.keyClicks(box.lineEdit(), retention_typed)
    for key, kind in dialog.kinds.items():
        kind.setChecked(key == "name")
    for i in range(dialog.custom.count()):
        item = dialog.custom.item(i)
        item.setCheckState(
            Qt.CheckState.Checked if item.data(Qt.ItemDataRole.UserRole) == zone else Qt.CheckState.Unchecked
        )
    dialog.length.setValue(1)
    ok = dialog.buttons.button(dialog.buttons.StandardButton.Ok)
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton, pos=ok.rect().center())
    assert window.quiz.active
    question = window.quiz.session.current
    assert question.zone_id == zone
    qtbot.keyClick(window.quiz_panel.answer, Qt.Key(Qt.Key.Key_1 + question.answer))
    assert window.quiz_panel.feedback.text().startswith("✔")
    qtbot.keyClick(window.quiz_panel.next_button, Qt.Key.Key_Return)
    window.findChild(QDialog, "quiz-summary").reject()
    return dialog


def interval_days(path: Path, atlas_id: str, zone: str) -> float:
    state = ReviewLog(path).states()[f"{atlas_id}:{zone}:name"]
    return (state.due - state.last_seen) / DAY


def test_the_retention_typed_in_the_setup_dialog_sets_the_next_due_date(qtbot, make_window, tmp_path: Path):
    progress = tmp_path / "progress.json"
    window = make_window(progress_path=progress)
    atlas_id = window.state.atlas.id
    database = window.quiz.database_path
    seed(database, atlas_id, ["neck", "heart", "stomach"])
    window.quiz.advance_after_right_ms = 60_000

    dialog = play_round(qtbot, window, "stomach", None)  # untouched: the default, 90 %
    assert dialog.findChild(QSpinBox, "desired-retention").value() == 90
    play_round(qtbot, window, "neck", "97")
    play_round(qtbot, window, "heart", "70")
    waits = {z: interval_days(database, atlas_id, z) for z in ("neck", "stomach", "heart")}
    # the same history, answered the same way: only the retention differs
    assert waits["neck"] < waits["stomach"] < waits["heart"], waits
    assert waits["heart"] > 2 * waits["neck"]

    # kept with the profile's progress: the dialog and a new window show it
    window.new_quiz_action.trigger()
    again = next(d for d in window.findChildren(QDialog, "quiz-setup") if d.isVisible())
    assert again.findChild(QSpinBox, "desired-retention").value() == 70
    again.reject()
    assert ReviewLog(database).setting("desired-retention") == "0.7"
    window.close()
    reopened = make_window(progress_path=progress)
    assert reopened.quiz.retention == 0.7

    # another profile has its own (the default until chosen)
    reopened.quiz.profiles.create("Ben")
    assert reopened.quiz.set_profile("Ben")
    assert reopened.quiz.retention == 0.9


def test_the_retention_box_keeps_to_its_range(qtbot, make_window):
    window = make_window()
    window.new_quiz_action.trigger()
    dialog = next(d for d in window.findChildren(QDialog, "quiz-setup") if d.isVisible())
    box = dialog.findChild(QSpinBox, "desired-retention")
    assert (box.minimum(), box.maximum(), box.suffix()) == (70, 97, " %")
    box.setFocus()
    box.lineEdit().selectAll()
    qtbot.keyClicks(box.lineEdit(), "99")
    box.interpretText()
    assert box.value() <= 97
    for _ in range(40):
        qtbot.keyClick(box, Qt.Key.Key_Down)
    assert box.value() == 70
    note = dialog.findChild(QLabel, "desired-retention-note")
    assert note is not None and note.isVisible() and "more reviews" in note.text()
    dialog.reject()
