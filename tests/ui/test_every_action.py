"""Every action in every menu, toolbar and context menu, triggered as a person picks it, in each
mode of the window (browsing, quiz, presenter, comparing). pytest-qt fails a test on any
exception that reaches Qt's event loop, so a slot that breaks when picked from a menu fails here.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from .actions_walk import actions_of, trigger_all
from .conftest import CTRL_SHIFT, comparison_windows


def start_quiz(window) -> None:
    if window.quizzing.built and window.quiz.active:
        return
    window.new_quiz_action.trigger()
    dialog = QApplication.activeModalWidget()
    assert (
        dialog is not None
        and dialog.objectName() == "quiz-setup"
        or type(dialog).__name__ == ("QuizSetupDialog")
    )
    start = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
    start.click()
    assert window.quiz.active


def present(window) -> None:
    if not window.presenter.active:
        window.present_action.trigger()
    assert window.presenter.active


def compare(window) -> None:
    if not comparison_windows():
        window.compare_action.trigger()
    assert comparison_windows()


def edit(window) -> None:
    if not window.editor.active:
        window.edit_action.trigger()
    assert window.editor.active


@pytest.mark.parametrize(
    "mode",
    [None, start_quiz, present, compare, edit],
    ids=["browse", "quiz", "present", "compare", "edit"],
)
def test_every_action_in_every_mode_raises_nothing(qtbot, window, mode):
    triggered = trigger_all(qtbot, window, mode)
    names = [n.replace("&", "") for n in triggered]
    assert len(names) >= 35  # every menu was walked (the language switch adds the German ones)
    for expected in (
        "Chart > Compare with…",
        "Quiz > New quiz…",
        "View > Presenter mode",
        "Help > Keyboard shortcuts",
        "Edit > Edit zones",
        "Edit > History",
    ):
        assert expected in names


def test_the_walk_sees_menus_filled_on_opening(window):
    names = [n.replace("&", "") for n, _a in actions_of(window)]
    assert any(n.startswith("Chart > 1 ") for n in names)  # the Chart menu lists charts when opened


def test_compare_opens_from_its_menu_item_and_its_shortcut(qtbot, window):
    def comparison_windows():
        return [
            w for w in QApplication.topLevelWidgets() if w.objectName() == "compare-charts" and w.isVisible()
        ]

    window.compare_action.trigger()
    assert len(comparison_windows()) == 1
    comparison_windows()[0].close()
    window.activateWindow()
    qtbot.keyClick(window.map, Qt.Key.Key_C, CTRL_SHIFT)
    (shown,) = comparison_windows()
    assert "Rwo-Shur" in shown.windowTitle() or shown.other.count() >= 1
    shown.close()


def test_quit_closes_the_window(qtbot, window):
    quit_action = next(a for n, a in actions_of(window) if n.replace("&", "").endswith("Quit"))
    quit_action.trigger()
    assert not window.isVisible()


def test_after_a_language_switch_the_new_window_takes_the_shortcuts(qtbot, window):
    window.language_actions["de"].trigger()
    german = window.successor
    qtbot.addWidget(german)
    assert not any(a.isEnabled() for n, a in actions_of(window))  # the old window's menus are dead
    window.language_actions["en"].trigger()  # a stale action does nothing
    qtbot.waitUntil(lambda: QApplication.activeWindow() is german, timeout=2000)
    import shiboken6

    assert not shiboken6.isValid(window)  # and the old window is gone once the event loop turned
    assert german.successor is None and german.isVisible()
    german.language_actions["en"].trigger()
    assert german.successor is not None and german.successor.isVisible()
    english = german.successor
    qtbot.addWidget(english)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is english, timeout=2000)
    qtbot.keyClick(english.map, Qt.Key.Key_C, CTRL_SHIFT)
    assert len(comparison_windows()) == 1
    comparison_windows()[0].close()
