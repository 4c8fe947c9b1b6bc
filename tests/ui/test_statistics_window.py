"""File → Profile… and Quiz → Statistics… in the real window."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QLabel

from reflexmap.quiz import QuizOptions


def answer_round(qtbot, window, zones) -> None:
    window.quiz.advance_after_right_ms = 60_000
    assert window.quiz.start(QuizOptions(kinds=("name",), zone_ids=tuple(zones), seed=3, length=len(zones)))
    while window.quiz.active:
        session = window.quiz.session
        qtbot.mouseClick(window.quiz_panel.buttons[session.current.answer], Qt.MouseButton.LeftButton)
        qtbot.keyClick(window.quiz_panel.next_button, Qt.Key.Key_Return)
    window.findChild(QDialog, "quiz-summary").reject()


def test_statistics_window_shows_the_review_log(qtbot, make_window, tmp_path: Path):
    window = make_window(progress_path=tmp_path / "progress.json")
    answer_round(qtbot, window, ["neck", "heart"])
    window.statistics_action.trigger()
    stats = window.findChild(QDialog, "statistics")
    assert stats is not None and stats.isVisible()
    assert stats.stats.reviews[-1] == 2 and stats.stats.retention[-1] == 1.0
    summary = stats.findChild(QLabel, "statistics-summary").text()
    assert summary.startswith("2 reviews in all, 2 cards practised")
    image = stats.grab().toImage()
    room = window.screen().availableGeometry()  # as large as the screen allows (800 px offscreen)
    assert image.width() >= min(1100, room.width() - 40) and image.height() > 600
    stats.close()


def test_profiles_are_created_and_switched_from_the_file_menu(qtbot, make_window, settings, tmp_path: Path):
    window = make_window(progress_path=tmp_path / "progress.json")
    answer_round(qtbot, window, ["neck"])  # the default profile's answer
    window.profile_action.trigger()
    dialog = window.findChild(QDialog, "profiles")
    assert dialog.isVisible() and dialog.list.count() == 1
    qtbot.keyClicks(dialog.name, "Anna/../x")
    qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)
    assert "letters, digits" in dialog.problem.text() and dialog.list.count() == 1
    dialog.name.clear()
    qtbot.keyClicks(dialog.name, "Anna")
    qtbot.keyClick(dialog.name, Qt.Key.Key_Return)  # creates, and stays open to pick
    assert dialog.isVisible() and dialog.list.count() == 2 and dialog.chosen() == "Anna"
    assert window.quiz.profile == ""
    qtbot.mouseClick(dialog.findChild(type(dialog.create_button), "use-profile"), Qt.MouseButton.LeftButton)
    assert window.quiz.profile == "Anna" and settings.value("quiz/profile") == "Anna"
    window.mastery_action.trigger()
    assert window.map.chart.mastery["neck"] is None  # Anna has practised nothing yet
    answer_round(qtbot, window, ["heart"])
    assert window.map.chart.mastery["heart"] is not None
    window.quiz.set_profile("")  # back to the first student: neck known, heart not
    assert window.map.chart.mastery["neck"] is not None and window.map.chart.mastery["heart"] is None
