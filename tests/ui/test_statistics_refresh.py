# ruff: noqa: F811 (the editing fixtures come from test_editor)
"""An open Statistics window shows its figures afresh, in place, only when what it shows changes: the chart's
zones (their ids, names, regions, views), its title, or the review log (a round's answers).
It was closed and opened again after every edit while it was open: each arrow key, each
step of a drag, each burst of typing in the zone's form rebuilt its plots. Several changes
in one turn of the event loop make it afresh once."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QLabel

from reflexmap.quiz import QuizOptions

from .test_editor import chart, drag, editing  # noqa: F401 (fixtures)
from .test_editor_form import type_lines
from .test_statistics_window import answer_round


def shown_statistics(window) -> list[QDialog]:
    return [d for d in window.findChildren(QDialog, "statistics") if d.isVisible()]


def test_edits_of_shapes_and_texts_leave_the_statistics_window_as_it_was(qtbot, editing):
    window = editing
    window.statistics_action.trigger()
    [stats] = shown_statistics(window)
    built = window.quizzing.statistics_built
    window.activateWindow()  # back to the chart, the Statistics window beside it
    qtbot.waitUntil(window.isActiveWindow)
    for _ in range(4):
        qtbot.keyClick(window.map, Qt.Key.Key_Right)  # nudges: each one an edit
    drag(qtbot, window, "plantar-left", (20, 30), (15, 36))  # a vertex dragged
    type_lines(qtbot, window.editor.form.fields[("technique", None)], "Press firmly", "then hold")
    name = window.editor.form.fields[("name", None)]
    name.setFocus()  # the technique field left: the typing made one change
    assert window.state.atlas.zone("heel").technique == "Press firmly\nthen hold"
    assert window.editor.session.stack.count() == 3
    qtbot.wait(50)  # (a zero timer would have rebuilt it by now)
    assert shown_statistics(window) == [stats]
    assert window.quizzing.statistics_built == built

    place = stats.geometry()
    name.selectAll()  # a name: the window shows names
    qtbot.keyClicks(name, "Heel pad")
    qtbot.keyClick(name, Qt.Key.Key_Return)
    assert window.state.atlas.zone("heel").name == "Heel pad"
    qtbot.waitUntil(lambda: window.quizzing.statistics_built == built + 1, timeout=3000)
    [again] = shown_statistics(window)
    assert again is stats and again.geometry() == place  # afresh in the same window (S18-6)
    qtbot.wait(50)
    assert window.quizzing.statistics_built == built + 1  # once
    again.close()
    window.editor.saving.discard()


def test_a_round_answered_while_the_statistics_window_is_open_shows_in_it(qtbot, make_window, tmp_path: Path):
    window = make_window(progress_path=tmp_path / "progress.json")
    window.statistics_action.trigger()
    [stats] = shown_statistics(window)
    assert stats.findChild(QLabel, "statistics-summary").text().startswith("0 reviews in all")
    answer_round(qtbot, window, ["neck", "heart"])
    qtbot.waitUntil(lambda: summary_text(stats).startswith("2 reviews in all"), timeout=3000)
    [again] = shown_statistics(window)
    assert again is stats  # afresh in the same window (S18-6)
    again.close()


def summary_text(stats: QDialog) -> str:
    return stats.findChild(QLabel, "statistics-summary").text()


def test_the_statistics_window_follows_each_answer_once(qtbot, make_window, tmp_path: Path):
    """Each answer of a round shows in an open Statistics window as it is given, made afresh
    once per answer (and not again when the round ends); before, only the round's end did."""
    window = make_window(progress_path=tmp_path / "progress.json")
    window.statistics_action.trigger()
    [stats] = shown_statistics(window)
    assert summary_text(stats).startswith("0 reviews in all")
    built = window.quizzing.statistics_built
    window.quiz.advance_after_right_ms = 60_000
    assert window.quiz.start(QuizOptions(kinds=("name",), zone_ids=("neck", "heart"), seed=3, length=2))
    for answered in (1, 2):
        session = window.quiz.session
        qtbot.mouseClick(window.quiz_panel.buttons[session.current.answer], Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda n=answered: window.quizzing.statistics_built == built + n, timeout=3000)
        [stats] = shown_statistics(window)
        assert summary_text(stats).startswith(f"{answered} review")
        qtbot.keyClick(window.quiz_panel.next_button, Qt.Key.Key_Return)
    window.findChild(QDialog, "quiz-summary").reject()
    qtbot.wait(50)
    assert window.quizzing.statistics_built == built + 2  # the round's end changed nothing more
    stats.close()


def test_the_statistics_window_follows_the_profile_switched(qtbot, make_window, tmp_path: Path):
    """Another learner chosen (File → Profile…, Use) while Statistics is open: it shows that
    learner's figures and name at once; it went on showing the first learner's."""
    window = make_window(progress_path=tmp_path / "progress.json")
    answer_round(qtbot, window, ["neck"])
    window.quiz.profiles.create("Anna")
    window.statistics_action.trigger()
    [stats] = shown_statistics(window)
    assert summary_text(stats).startswith("1 review")
    built = window.quizzing.statistics_built
    window.profile_action.trigger()
    dialog = window.findChild(QDialog, "profiles")
    dialog.list.setCurrentRow([dialog.list.item(i).text() for i in range(dialog.list.count())].index("Anna"))
    qtbot.mouseClick(dialog.findChild(type(dialog.create_button), "use-profile"), Qt.MouseButton.LeftButton)
    assert window.quiz.profile == "Anna"
    qtbot.waitUntil(lambda: window.quizzing.statistics_built == built + 1, timeout=3000)
    [again] = shown_statistics(window)
    assert summary_text(again).startswith("0 reviews in all") and "Anna" in again.windowTitle()
    qtbot.wait(50)
    assert window.quizzing.statistics_built == built + 1
    again.close()
