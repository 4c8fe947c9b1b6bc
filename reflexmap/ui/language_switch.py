"""A new interface language: the window is built anew where it stood (chart, view,
selection, size, the chart being edited) and the old one closes and goes."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QMenu

from .. import i18n
from ..i18n import _
from . import appearance, dock_room

if TYPE_CHECKING:
    from .main_window import MainWindow


def _forget_all_but_successor(attributes: dict, *_args) -> None:
    successor = attributes.get("successor")
    attributes.clear()
    attributes["successor"] = successor


def switch_language(window: MainWindow, choice: str) -> MainWindow:
    """Switch the interface and the chart texts to a language, or to the desktop's ("system");
    the choice is remembered. Returns the live window (`window`, or the one replacing it)."""
    if window.successor is not None:  # this window was replaced: the live one switches
        return window.successor.set_language(choice)
    code = i18n.system_language() if choice == "system" else choice
    if code == i18n.language():
        window.settings.setValue("appearance/language", choice)
        window.settings_menu.language_actions[choice].setChecked(True)
        return window
    # A quiz round asks first, as another chart does ("End this round now?"); End round
    # switches once its results are in, Keep practising keeps the language in use until the
    # round has ended, then switches (ui/modes/quiz.py, _after_round).
    note = _("The language you chose is used once the round has ended.")
    if not window.state.change_chart(partial(_switch, window, choice, code), note=note):
        current = appearance.language_setting(window.settings)  # as the menu marked it
        if appearance.language_choice(window.settings) != i18n.language():  # --language
            current = i18n.language()
        window.settings_menu.language_actions[current].setChecked(True)
        return window
    return window.successor or window


def _switch(window: MainWindow, choice: str, code: str) -> None:
    if window.successor is not None:  # replaced meanwhile: the live window switches
        window.successor.set_language(choice)
        return
    window.settings.setValue("appearance/language", choice)
    # A round ends (its answers are saved) and the window is put back as it was before it:
    # the new window is built browsing, and shows the round's results in the new language.
    summary = window.quizzing.end_round() or window.quizzing.summary_open()
    appearance.apply_language(QApplication.instance(), code)
    state = window.state
    successor = type(window)(state.source, window.settings, restore=False, progress_path=window.progress_path)
    if window.edits:  # the chart being edited goes on in the new window
        successor.editor.adopt(window.edits)
    successor.restoreGeometry(window.saveGeometry())
    dock_room.restore_layout(successor, window.saveState())
    successor.state.set_labels_visible(state.labels_visible)
    successor.state.set_guides_visible(state.guides_visible)
    successor.state.set_aspect(state.aspect)
    if state.zone_id:
        successor.state.select(state.zone_id, state.view_id)
    # the map where it stood: Fit to window's whole chart (it went back to showing part of the
    # chart at Largest text, tryout S21-4), or the person's zoom
    place = window.map.place()
    successor.map.when_drawn(lambda: successor.map.restore_place(place))
    # the progress read (or being read) and the answers still waiting go on in the new window (drawn
    # with its heat map once): nothing is read again, nor backed up and closed as the old one goes
    successor.quizzing.adopt(window.quizzing)
    successor.setWindowState(window.windowState())
    successor.show()
    successor.raise_()
    successor.activateWindow()  # its shortcuts work at once
    if summary is not None and summary.asked:
        successor.quizzing.show_summary(summary)
    window.successor = successor
    for menu in window.findChildren(QMenu):  # nothing of the old window acts any more
        menu.setEnabled(False)
    for action in window.findChildren(QAction):
        action.setEnabled(False)
    window.close()
    # Gone once control is back in the event loop (every old window stayed alive, ~4 MiB
    # each); a caller still holding its actions has them disabled until then.
    window.deleteLater()
    # Its Python side goes with it: whoever still holds this window (start-up code holds
    # the first one) would keep every replaced window's panels, scene items and list rows
    # through the chain of successors. Only `successor` stays, to find the live window.
    window.destroyed.connect(partial(_forget_all_but_successor, window.__dict__))
