"""A dialog opened from the keyboard marks the control that has the keys from the start
(tryout S22-14: in New quiz, F7, Space ticked "Find it on the foot" though nothing marked it:
styles draw the focus frame only after a Tab in that window)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QCheckBox

from .test_quiz_student import visible_dialog


def test_new_quiz_opened_by_f7_marks_the_focused_box(qtbot, make_window):
    window = make_window()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=2000)
    qtbot.keyClick(window.map, Qt.Key.Key_F7)
    qtbot.waitUntil(lambda: visible_dialog(window, "quiz-setup") is not None, timeout=3000)
    dialog = visible_dialog(window, "quiz-setup")
    dialog.activateWindow()  # (a window manager does; the offscreen platform does not)
    qtbot.waitUntil(dialog.isActiveWindow, timeout=2000)
    box = QApplication.focusWidget()
    assert isinstance(box, QCheckBox) and box.window() is dialog, box
    qtbot.wait(50)  # (marked in the turn after the activation)
    shown = box.grab().toImage()
    dialog.setAttribute(Qt.WidgetAttribute.WA_KeyboardFocusChange, False)  # as before: unmarked
    unmarked = box.grab().toImage()
    assert shown != unmarked, "the focused check box looks the same as an unfocused one"
    qtbot.keyClick(box, Qt.Key.Key_Space)
    dialog.reject()
