"""During a quiz round Edit → Zone texts and Edit → History are off, and say why where a
person looks: the tip over the greyed entry in the Edit menu, the status tip, and the docks'
entries in the window's menu of panels (right-click on the toolbar), which are off too; in
English and German. Before, they were greyed without a word (only asking the editor some
other way said why), and the panels' menu opened the zone-texts dock beside the question."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, QPoint
from PySide6.QtGui import QHelpEvent
from PySide6.QtWidgets import QApplication, QPushButton, QToolTip

from .test_editor_docks_in_round import DOCKS, dock, start_round
from .test_quiz_chart_change import the_question
from .test_quiz_student import click, visible_dialog

WHY = {
    "en": "Off during a quiz round: it would show the answers. End the quiz to open it.",
    "de": "Während einer Quizrunde aus: Es würde die Antworten zeigen. "
    "Beenden Sie das Quiz, um es zu öffnen.",
}


def menu_tip(qtbot, menu, action) -> str:
    """The tip the Edit menu shows with the pointer resting on `action`."""
    menu.popup(QPoint(0, 0))
    qtbot.waitUntil(menu.isVisible)
    at = menu.actionGeometry(action).center()
    QApplication.sendEvent(menu, QHelpEvent(QEvent.Type.ToolTip, at, menu.mapToGlobal(at)))
    text = QToolTip.text() if QToolTip.isVisible() else ""
    QToolTip.hideText()
    menu.hide()
    return text


def edit_menu(window):
    """The Edit menu, in any language."""
    form = window.actions_by_name["form"]
    return next(a.menu() for a in window.menuBar().actions() if a.menu() and form in a.menu().actions())


def end_round(qtbot, window) -> None:
    """Quiz → End quiz, "End this round now?" answered yes, the results closed."""
    window.actions_by_name["end_quiz"].trigger()
    if the_question(window) is not None:  # "End this round now?", in either language
        click(qtbot, the_question(window).findChild(QPushButton, "end-round"))
    qtbot.waitUntil(lambda: not window.quiz.active)
    summary = visible_dialog(window, "quiz-summary")
    if summary is not None:
        summary.reject()


def panel_entries(window) -> dict[str, object]:
    """The docks' entries in the window's menu of panels, by dock name."""
    popup = window.createPopupMenu()
    found = {}
    for name in DOCKS:
        toggle = dock(window, name).toggleViewAction()
        found[name] = next(a for a in popup.actions() if a is toggle)
    return found


@pytest.mark.parametrize("language", ["en", "de"])
def test_the_docks_off_in_a_round_say_why(qtbot, window_in, language):
    window = window_in(language)  # (German: switched as Settings → Language does)
    for name in DOCKS:  # opened once before the round: the panels' menu lists them
        window.actions_by_name[name].trigger()
    start_round(qtbot, window)
    menu = edit_menu(window)
    for name in DOCKS:
        action = window.actions_by_name[name]
        assert not action.isEnabled()
        assert menu_tip(qtbot, menu, action) == WHY[language]
        assert action.statusTip() == WHY[language]
    for name, entry in panel_entries(window).items():
        assert not entry.isEnabled() and entry.toolTip() == WHY[language], name
        entry.trigger()  # greyed: nothing opens beside the question
        assert not dock(window, name).isVisible()
    end_round(qtbot, window)
    for name in DOCKS:  # after the round: on, and no tip left saying they are off
        action = window.actions_by_name[name]
        assert action.isEnabled() and action.statusTip() == ""
        assert menu_tip(qtbot, menu, action) == ""
    assert all(entry.isEnabled() for entry in panel_entries(window).values())


def test_the_zone_card_and_list_cannot_be_brought_back_in_a_round_from_the_panels_menu(qtbot, window):
    """The zone card and the zones list hide for a round (they give the answers away); their
    entries in the window's menu of panels still opened them beside the question."""
    start_round(qtbot, window)
    popup = window.createPopupMenu()
    for found in (window.info_dock, window.zones_dock):
        entry = next(a for a in popup.actions() if a is found.toggleViewAction())
        assert not entry.isEnabled() and entry.toolTip() == WHY["en"]
        entry.trigger()
        assert not found.isVisible()
    end_round(qtbot, window)
    assert window.info_dock.isVisible() and window.info_dock.toggleViewAction().isEnabled()
    assert window.zones_dock.toggleViewAction().isEnabled()
