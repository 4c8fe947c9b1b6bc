"""The results dialog follows the chart shown (Review mistakes is off beside another chart) for
as long as it lives: closed twice (done() on a closed dialog, which emits `finished` again), it
said "Failed to disconnect … atlas_changed()" (issue 16); deleted, it is no longer called."""

from __future__ import annotations

import warnings

import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtWidgets import QDialog

from .test_quiz_student import setup_by_mouse, visible_dialog


def one_round_to_results(qtbot, window) -> QDialog:
    zone = window.state.atlas.zones[0].id
    setup_by_mouse(qtbot, window, kinds={"name"}, feet={"left"}, zones={zone}, length=1)
    question = window.quiz.session.current
    qtbot.keyClick(window.quiz_panel.answer, Qt.Key(Qt.Key.Key_1 + question.answer))
    qtbot.keyClick(window.quiz_panel.next_button, Qt.Key.Key_Return)
    results = visible_dialog(window, "quiz-summary")
    assert results is not None
    return results


def test_results_closed_twice_say_no_warning(qtbot, make_window, tmp_path):
    window = make_window(progress_path=tmp_path / "progress.json")
    window.quiz.advance_after_right_ms = 60_000
    results = one_round_to_results(qtbot, window)
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # (whatever the pytest configuration says)
        results.reject()
        results.reject()  # finished again: nothing to undo by hand any more
        QCoreApplication.processEvents()
    assert not [w for w in window.findChildren(QDialog, "quiz-summary") if w.isVisible()]


def test_a_deleted_results_dialog_is_not_called_when_the_chart_changes(qtbot, make_window, tmp_path):
    window = make_window(progress_path=tmp_path / "progress.json")
    results = one_round_to_results(qtbot, window)
    results.reject()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)  # WA_DeleteOnClose
    assert not shiboken6.isValid(results)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        window.state.atlas_changed.emit()  # (the slot would touch a deleted button)
