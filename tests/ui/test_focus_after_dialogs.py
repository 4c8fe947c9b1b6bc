"""After a dialog closes (Help → About, Edit → Chart properties, a message box) the main window
has the keys again: Ctrl+F finds a zone at once (without a window manager nothing gave the
window back its activation, and every shortcut was dead until a click)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox


def _keys_work(qtbot, window) -> None:
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=2000)
    target = QApplication.focusWidget() or window
    qtbot.keyClick(target, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.focusWidget() is window.zones.search


def test_about_closed_gives_the_keys_back(qtbot, window):
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=2000)
    about = window.show_about()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is about, timeout=2000)
    qtbot.keyClick(about, Qt.Key.Key_Escape)
    _keys_work(qtbot, window)


def test_a_message_box_closed_gives_the_keys_back(qtbot, window):
    window.activateWindow()
    box = QMessageBox(
        QMessageBox.Icon.Information, "ReflexMap", "Saved.", QMessageBox.StandardButton.Ok, window
    )
    box.open()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is box, timeout=2000)
    qtbot.keyClick(box, Qt.Key.Key_Return)
    _keys_work(qtbot, window)


def test_chart_properties_closed_gives_the_keys_back(qtbot, window):
    window.activateWindow()
    window.edit_action.trigger()
    before = {d for d in window.findChildren(QDialog) if d.isVisible()}
    window.chart_properties_action.trigger()
    dialog = next(d for d in window.findChildren(QDialog) if d.isVisible() and d not in before)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog, timeout=2000)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=2000)
    window.edit_action.trigger()  # (browsing again: Ctrl+F finds a zone)
    _keys_work(qtbot, window)
