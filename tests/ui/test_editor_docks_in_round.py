"""During a quiz round Edit → Zone texts and Edit → History are off, as editing is ("End the
quiz before editing the chart."): their docks show every zone's name and texts, the round's
answers (before: both opened beside the question). Docks open when a round begins are
closed for it, and come back when it ends."""

from __future__ import annotations

from .test_quiz_chart_change import ZONES, answer, the_question
from .test_quiz_student import setup_by_mouse, visible_dialog

DOCKS = {"form": "dock-zone-texts", "history": "dock-history"}


def edit_menu(window):
    return next(a.menu() for a in window.menuBar().actions() if a.menu() and a.text() == "&Edit")


def dock(window, name: str):
    from PySide6.QtWidgets import QDockWidget

    return window.findChild(QDockWidget, DOCKS[name])


def start_round(qtbot, window) -> None:
    setup_by_mouse(qtbot, window, kinds={"find"}, feet={"left"}, zones=ZONES, length=3)


def test_zone_texts_and_history_are_off_during_a_round(qtbot, window):
    start_round(qtbot, window)
    menu = edit_menu(window)
    for name in DOCKS:
        action = window.actions_by_name[name]
        assert action in menu.actions() and not action.isEnabled()
        action.trigger()
        found = dock(window, name)
        assert found is None or not found.isVisible(), name
    # asked of the editor some other way during the round, it says why, and opens nothing
    window.editor.show_form()
    window.editor.show_history()
    assert window.statusBar().currentMessage() == "End the quiz before editing the chart."
    assert not any(dock(window, n) is not None and dock(window, n).isVisible() for n in DOCKS)
    window.actions_by_name["end_quiz"].trigger()
    if the_question(window) is not None:
        answer(qtbot, window, "end-round")
    qtbot.waitUntil(lambda: not window.quiz.active)
    summary = visible_dialog(window, "quiz-summary")
    if summary is not None:
        summary.reject()
    for name in DOCKS:  # on again after the round
        assert window.actions_by_name[name].isEnabled()
        window.actions_by_name[name].trigger()
        assert dock(window, name).isVisible()


def test_open_docks_are_closed_when_a_round_begins(qtbot, window):
    for name in DOCKS:
        window.actions_by_name[name].trigger()
        assert dock(window, name).isVisible()
    start_round(qtbot, window)
    assert not any(dock(window, n).isVisible() for n in DOCKS)
    assert not any(window.actions_by_name[n].isEnabled() for n in DOCKS)
