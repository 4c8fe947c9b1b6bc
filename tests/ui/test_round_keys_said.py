"""A key of an action that is off during a quiz round says why (tryout S22-6: F2 in a round
did nothing and said nothing, as did F5 and Ctrl+F); out of the round the keys work again."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence

from .test_quiz_student import setup_by_mouse


@pytest.mark.parametrize(
    ("sequence", "said"),
    [
        ("F2", "End the quiz before editing the chart."),
        ("F5", "End the quiz before presenting the chart."),
        (QKeySequence.StandardKey.Find, "it would show the answers"),
        ("Ctrl+Shift+C", "it would show the answers"),
    ],
)
def test_a_greyed_actions_key_in_a_round_says_why(qtbot, make_window, sequence, said):
    window = make_window()
    setup_by_mouse(qtbot, window, kinds={"find"}, feet={"left"}, zones={"stomach", "neck"}, length=2)
    assert window.quiz.active
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=2000)
    combo = QKeySequence(sequence)[0]
    qtbot.keyClick(window.map, combo.key(), combo.keyboardModifiers())
    assert said in window.statusBar().currentMessage(), window.statusBar().currentMessage()
    assert window.quiz.active and window.state.mode.name == "quiz"  # the round goes on


def test_after_the_round_f2_edits_again(qtbot, make_window):
    from reflexmap.atlas import load_atlas

    from .test_editor import DATA
    from .test_quiz_student import mouse_round

    window = make_window(load_atlas(DATA / "small.yaml"))
    window.quiz.advance_after_right_ms = 60_000
    setup_by_mouse(qtbot, window, kinds={"find"}, feet={"left"}, zones={"heel"}, length=1)
    _asked, summary = mouse_round(qtbot, window)
    summary.reject()
    qtbot.waitUntil(lambda: not window.quiz.active, timeout=3000)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=2000)
    qtbot.keyClick(window.map, Qt.Key.Key_F2)
    assert window.editor.active
