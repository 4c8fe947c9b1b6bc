"""A quiz round begun from Edit mode, and another program changing the chart file meanwhile
(tryout S23-1). The README: the file reloaded after another program changed it first asks
*End this round now?*, as File → Reload chart does. Before, the window coming back said
nothing, and when the round ended Edit mode came back on the chart as it was before the
change: the change was taken as said, never read, and the editor went on editing what the
file no longer held."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

from reflexmap import load_atlas

from .test_editor_changed_on_disk import other_program_renames_the_heel
from .test_quiz_chart_change import answer, the_question
from .test_quiz_student import setup_by_mouse


def _round_begun_in_edit_mode(qtbot, make_window, tmp_path):
    chart = tmp_path / "small.yaml"
    chart.write_bytes((Path(__file__).parents[1] / "data" / "small.yaml").read_bytes())
    window = make_window(load_atlas(chart))
    window.edit_action.trigger()  # Edit zones
    assert window.editor.active
    window.quiz.advance_after_right_ms = 60_000
    setup_by_mouse(qtbot, window, kinds={"name"}, feet={"left"}, zones={"heel", "band", "toes"}, length=2)
    assert window.quiz.active and not window.editor.active
    other_program_renames_the_heel(chart)
    QApplication.sendEvent(window, QEvent(QEvent.Type.WindowActivate))  # the window is active again
    return window, chart


def _results_closed(qtbot, window) -> None:
    qtbot.waitUntil(lambda: any(d.isVisible() for d in window.findChildren(QDialog, "quiz-summary")))
    for dialog in [d for d in window.findChildren(QDialog, "quiz-summary") if d.isVisible()]:
        dialog.reject()


def test_end_round_then_reads_the_file_once(qtbot, make_window, tmp_path):
    window, chart = _round_begun_in_edit_mode(qtbot, make_window, tmp_path)
    qtbot.waitUntil(lambda: the_question(window) is not None, timeout=3000)
    box = the_question(window)
    assert "small.yaml" in box.informativeText() and "another program" in box.informativeText()
    assert window.state.atlas.zone("heel").name == "Heel"  # nothing read under the round
    answer(qtbot, window, "end-round")
    _results_closed(qtbot, window)
    qtbot.waitUntil(lambda: window.editor.active and window.state.atlas.zone("heel").name == "Heel pad")
    stack = window.editor.session.stack
    assert [stack.text(i) for i in range(stack.count())] == ["Reload small.yaml"]  # once, Undo-able
    assert "small.yaml" in window.statusBar().currentMessage()
    assert "other program" in window.statusBar().currentMessage()
    assert not window.editor.session.modified


def test_keep_practising_keeps_the_round_and_the_file_is_read_once_editing_is_back(
    qtbot, make_window, tmp_path
):
    window, chart = _round_begun_in_edit_mode(qtbot, make_window, tmp_path)
    qtbot.waitUntil(lambda: the_question(window) is not None, timeout=3000)
    answer(qtbot, window, "keep-practising")
    assert window.quiz.active and window.state.atlas.zone("heel").name == "Heel"  # the round's chart
    # the box gone, the window is active again: the same change is not asked about again
    QApplication.sendEvent(window, QEvent(QEvent.Type.WindowActivate))
    qtbot.wait(100)
    assert the_question(window) is None and window.quiz.active
    window.actions_by_name["end_quiz"].trigger()  # Quiz → End quiz
    answer(qtbot, window, "end-round")
    _results_closed(qtbot, window)
    qtbot.waitUntil(lambda: window.editor.active and window.state.atlas.zone("heel").name == "Heel pad")
    assert "other program" in window.statusBar().currentMessage()
    assert window.findChild(QMessageBox, "changed-on-disk-now") is None  # nothing unsaved: no question
