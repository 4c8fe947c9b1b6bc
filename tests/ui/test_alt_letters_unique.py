"""Every Alt-letter is unique in the main window, in every mode and language (tryout S18-1: in
edit mode with a zone selected, Alt+C went to the form's "Claim" field instead of the Chart
menu, and a "3" typed next edited the claim; Alt+S landed on "Sources"; in German Kennung,
Behauptung and Anmerkung took K, B and A from Karte, Bearbeiten and Ansicht).

The walk takes every visible widget of the window that Qt gives an Alt-letter: labels with a
buddy, buttons, group boxes, tab bars' tabs and the menu bar's titles."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QGroupBox, QLabel, QMenuBar, QTabBar, QWidget

from reflexmap.i18n import _
from reflexmap.quiz import QuizOptions

from .conftest import click_zone

LETTER = re.compile(r"&([^&\s])")


def _letter(text: str) -> str | None:
    found = LETTER.search(text.replace("&&", ""))
    return found.group(1).casefold() if found else None


def alt_letters(window) -> list[tuple[str, str]]:
    """(letter, where) for each Alt-letter a person can press in `window` now."""
    texts: list[tuple[str, str]] = []
    for widget in [window, *window.findChildren(QWidget)]:
        if not widget.isVisible() or widget.window() is not window:
            continue
        if isinstance(widget, QLabel) and widget.buddy() is not None:
            texts.append((widget.text(), "label"))
        elif isinstance(widget, QAbstractButton):
            texts.append((widget.text(), type(widget).__name__))
        elif isinstance(widget, QGroupBox):
            texts.append((widget.title(), "group box"))
        elif isinstance(widget, QTabBar):
            texts += [(widget.tabText(i), "tab") for i in range(widget.count()) if widget.isTabVisible(i)]
        elif isinstance(widget, QMenuBar):
            texts += [(a.text(), "menu") for a in widget.actions() if a.isVisible()]
    return [(letter, f"{where} {text!r}") for text, where in texts if (letter := _letter(text))]


def clashes(window) -> list[str]:
    by_letter: dict[str, list[str]] = {}
    for letter, where in alt_letters(window):
        by_letter.setdefault(letter, []).append(where)
    return [f"Alt+{letter.upper()}: {', '.join(w)}" for letter, w in sorted(by_letter.items()) if len(w) > 1]


def _browse(qtbot, window):
    click_zone(qtbot, window, "plantar-left", "heart")  # a zone's card shows


def _quiz(qtbot, window):
    options = QuizOptions(kinds=("find",), aspects=("plantar",), feet=("left",), seed=7)
    assert window.quiz.start(options)
    qtbot.wait(10)


def _quiz_answered(qtbot, window):
    _quiz(qtbot, window)
    question = window.quiz.session.current
    click_zone(qtbot, window, question.view_id, question.zone_id)  # "Next question" shows


def _quiz_finished(qtbot, window):
    options = QuizOptions(kinds=("find",), zone_ids=("heart",), aspects=("plantar",), feet=("left",), seed=7)
    assert window.quiz.start(options)
    qtbot.wait(10)
    click_zone(qtbot, window, "plantar-left", "heart")  # the last answer: "See results" shows
    assert window.quiz_panel.next_button.text() == _("See &results")


def _presenter(qtbot, window):
    window.presenter.enter()  # (F5, View → Presenter mode)
    assert window.presenter.active
    qtbot.keyClick(window.map, Qt.Key.Key_Right)


def _edit(qtbot, window):
    window.edit_action.trigger()
    assert window.editor.active
    click_zone(qtbot, window, "plantar-left", "heart")
    assert window.state.zone_id == "heart"


MODES = {
    "browse": _browse,
    "quiz": _quiz,
    "quiz answered": _quiz_answered,
    "quiz finished": _quiz_finished,
    "presenter": _presenter,
    "edit": _edit,
}


@pytest.mark.parametrize("language", ["en", "de"])
@pytest.mark.parametrize("mode", list(MODES))
def test_no_alt_letter_is_used_twice_in_the_window(qtbot, window_in, language, mode):
    window = window_in(language)
    MODES[mode](qtbot, window)
    qtbot.wait(10)
    letters = alt_letters(window)
    if mode != "presenter":  # (which hides the menus and docks: no letters at all)
        assert len(letters) >= 7  # the walk sees the window's letters
    found = clashes(window)
    assert found == [], "\n".join(found)


def test_alt_c_in_edit_mode_opens_the_chart_menu_and_leaves_the_claim_alone(qtbot, window):
    _edit(qtbot, window)
    claim = window.editor.form.fields[("claim", None)]
    before = claim.toPlainText()
    window.map.setFocus()
    qtbot.keyClick(window.map, Qt.Key.Key_C, Qt.KeyboardModifier.AltModifier)
    qtbot.wait(50)
    menu = window.charts_menu
    assert not claim.hasFocus()
    qtbot.waitUntil(menu.isVisible, timeout=2000)
    qtbot.keyClick(menu, Qt.Key.Key_Escape)
    qtbot.keyClicks(window.focusWidget() or window.map, "3")
    assert claim.toPlainText() == before


@pytest.mark.parametrize("language", ["en", "de"])
def test_no_alt_letter_is_used_twice_in_chart_properties(qtbot, window_in, language):
    """The dialog shares words with the zone form ("Id", "Note", "Tradition"): a letter moved
    there must not land on one of the dialog's buttons (German "Kenn&ung" and "Nach &unten")."""
    from PySide6.QtWidgets import QDialog

    window = window_in(language)
    _edit(qtbot, window)
    window.chart_properties_action.trigger()  # Edit → Chart properties…
    dialog = window.findChild(QDialog, "chart-properties")
    assert dialog is not None and dialog.isVisible()
    assert len(alt_letters(dialog)) >= 10
    found = clashes(dialog)
    dialog.reject()
    assert found == [], "\n".join(found)


@pytest.mark.parametrize("language", ["en", "de"])
def test_the_new_quiz_dialog_has_alt_letters_for_each_row_and_none_twice(qtbot, window_in, language):
    """Quiz → New quiz… (F7) had no Alt-letter but Start's and the retention's (tryout
    S22-14): a keyboard user tabbed through twenty boxes. A row's letter puts the keys on its
    first box without ticking it; a box's own letter ticks it."""
    from PySide6.QtWidgets import QApplication, QCheckBox, QDialog

    window = window_in(language)
    window.new_quiz_action.trigger()
    dialog = window.findChild(QDialog, "quiz-setup")
    assert dialog is not None and dialog.isVisible()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow, timeout=2000)
    letters = dict(alt_letters(dialog))
    assert len(letters) >= 10, letters
    found = clashes(dialog)
    assert found == [], "\n".join(found)
    regions = _letter(_("Body &regions"))
    first = dialog.regions[next(iter(dialog.regions))]
    before = first.isChecked()
    qtbot.keyClick(dialog, regions, Qt.KeyboardModifier.AltModifier)
    assert QApplication.focusWidget() is first and first.isChecked() == before
    sudden = dialog.sudden_death.isChecked()
    qtbot.keyClick(
        dialog,
        _letter(_("Sudden d&eath: the round ends at the first mistake")),
        Qt.KeyboardModifier.AltModifier,
    )
    qtbot.waitUntil(lambda: dialog.sudden_death.isChecked() != sudden, timeout=2000)  # (an animated click)
    assert isinstance(QApplication.focusWidget(), QCheckBox)
    dialog.reject()
