# ruff: noqa: F811 (the editing fixtures come from test_editor)
"""A quiz round asks the chart as it is saved, and keeps the answers as that chart's progress
(issue 16: a zone that existed only in unsaved edits was asked, and its answers kept for a zone
the file never had). With changes not saved, starting a round (Quiz → New quiz…, Review
mistakes) asks first: Save and start saves them, and the round asks what was saved; Cancel
starts nothing and leaves the changes as they were."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QMessageBox

from reflexmap.atlas import load_atlas

from .test_editor import chart, drag, editing  # noqa: F401 (fixtures)
from .test_editor_files import answer_later


def visible(window, name: str) -> list[QDialog]:
    return [d for d in window.findChildren(QDialog, name) if d.isVisible()]


def a_change(qtbot, window) -> None:
    drag(qtbot, window, "plantar-left", (0, 25), (0, 28))
    qtbot.waitUntil(lambda: window.editor.session.modified, timeout=3000)


def test_new_quiz_with_unsaved_changes_asks_and_cancel_starts_nothing(qtbot, editing, chart):
    a_change(qtbot, editing)
    before, shapes = chart.read_bytes(), editing.state.atlas.zone("heel").shapes
    for action in ("new_quiz", "review"):
        asked = answer_later("quiz-unsaved", QMessageBox.StandardButton.Cancel)
        editing.actions_by_name[action].trigger()
        assert not asked.isActive(), action  # asked, and answered
        assert not editing.quizzing.built or not editing.quiz.active
        assert not visible(editing, "quiz-setup")
        assert chart.read_bytes() == before and editing.editor.session.modified
        assert editing.state.atlas.zone("heel").shapes == shapes


def test_save_and_start_saves_the_changes_then_the_round_asks_the_saved_chart(qtbot, editing, chart):
    a_change(qtbot, editing)
    shapes = editing.state.atlas.zone("heel").shapes
    asked = answer_later("quiz-unsaved", QMessageBox.StandardButton.Save)
    editing.actions_by_name["new_quiz"].trigger()
    assert not asked.isActive()
    assert not editing.editor.session.modified
    assert load_atlas(chart).zone("heel").shapes == shapes  # what the round asks is what is saved
    setup = visible(editing, "quiz-setup")
    assert len(setup) == 1
    setup[0].reject()


def test_a_saved_chart_starts_a_round_without_asking(qtbot, editing):
    asked = answer_later("quiz-unsaved", QMessageBox.StandardButton.Cancel)
    editing.actions_by_name["new_quiz"].trigger()
    try:
        assert len(visible(editing, "quiz-setup")) == 1
        assert asked.isActive()  # no question came
    finally:
        asked.stop()
    visible(editing, "quiz-setup")[0].reject()
