"""Nothing moves behind a modal box. A right answer on a full disk: "Progress not saved yet"
opens over the window, and the next question followed after its reading time behind the box,
so that the student never saw the verdict; a timed round's clock ran on too. Now the round
waits: the answer stays shown (and kept) until the box is closed, then the next question
follows after the answer's whole reading time."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QApplication, QMessageBox

from .conftest import click_zone
from .test_locked_review_log import answer_one, answers
from .test_quiz_student import click, visible_dialog

READING_MS = 400


def timed_round_by_mouse(qtbot, window) -> None:
    """Quiz → New quiz…: find it, left foot, 6 questions, timed (120 s)."""
    window.new_quiz_action.trigger()
    dialog = visible_dialog(window, "quiz-setup")
    for group, wanted in ((dialog.kinds, {"find"}), (dialog.feet, {"left"})):
        for key, box in group.items():
            if box.isChecked() != (key in wanted):
                click(qtbot, box)
    if not dialog.timed.isChecked():
        click(qtbot, dialog.timed)
    dialog.length.lineEdit().selectAll()
    qtbot.keyClicks(dialog.length.lineEdit(), "6")
    click(qtbot, dialog.buttons.button(dialog.buttons.StandardButton.Ok))
    assert window.quiz.active and window.quiz.session.time_left() is not None


def warning_box() -> QMessageBox | None:
    return next(
        (
            w
            for w in QApplication.topLevelWidgets()
            if isinstance(w, QMessageBox) and w.isVisible() and w.objectName() == "quiz-warning"
        ),
        None,
    )


def test_the_next_question_waits_for_the_full_disk_warning_to_close(
    qtbot,
    make_window,
    full_data,
):
    data, fill, room = full_data
    window = make_window(progress_path=Path(data) / "progress.json")
    window.quiz.advance_after_right_ms = READING_MS
    timed_round_by_mouse(qtbot, window)
    database = window.quiz.database_path
    answer_one(qtbot, window)  # saved; Enter goes on at once
    fill()
    session = window.quiz.session
    question = session.current
    click_zone(qtbot, window, question.view_id, question.zone_id)  # right, on a full disk
    qtbot.waitUntil(lambda: warning_box() is not None, timeout=3000)
    box = warning_box()
    assert "not saved yet" in box.windowTitle()
    left = session.time_left()
    qtbot.wait(READING_MS * 4)  # the reading time is long over, the box still open
    assert session.current is question and session.feedback is not None, "the question moved on"
    assert window.quiz_panel.feedback.text().startswith("✔"), window.quiz_panel.feedback.text()
    assert abs(session.time_left() - left) < 0.5, "the round's clock ran on behind the box"
    click(qtbot, box.button(QMessageBox.StandardButton.Ok))
    qtbot.wait(READING_MS // 2)  # the verdict shown again for its reading time …
    assert session.current is question and window.quiz_panel.feedback.text().startswith("✔")
    qtbot.waitUntil(lambda: session.current is not question, timeout=3000)  # … then goes on
    assert session.feedback is None
    assert question.card.key in [a.card for a in window.quiz.scheduler.pending], "the answer is lost"
    room()
    qtbot.waitUntil(lambda: question.card.key in [card for card, _t in answers(database)], timeout=5000)
    window.quiz.stop()
