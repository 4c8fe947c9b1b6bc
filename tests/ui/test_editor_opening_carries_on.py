"""S19-6: an action that needs edit mode, asked for on a large chart not yet in edit mode,
carries on once the chart is read: the "Opening the chart for editing…" box came, edit mode
began, and the dialog (or the drawing) never did; the action had to be asked a second time."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QPushButton

from .test_editor_opening import chart_window, held, the_box  # noqa: F401 (fixtures)


def shown(window) -> QDialog | None:
    dialog = window.findChild(QDialog, "chart-properties")
    return dialog if dialog is not None and dialog.isVisible() else None


def test_chart_properties_opens_once_a_large_chart_is_read_for_editing(qtbot, chart_window, held):  # noqa: F811
    window = chart_window
    window.chart_properties_action.trigger()  # Edit → Chart properties…, browsing
    qtbot.waitUntil(lambda: the_box(window) is not None)
    assert window.findChild(QDialog, "chart-properties") is None
    held.set()
    qtbot.waitUntil(lambda: window.editor.active, timeout=10000)
    qtbot.waitUntil(lambda: shown(window) is not None)
    shown(window).reject()  # Cancel puts the window back as it was before the action: browsing
    qtbot.waitUntil(lambda: not window.editor.active)
    window.editor.saving.discard()


def test_drawing_begins_once_a_large_chart_is_read_for_editing(qtbot, chart_window, held):  # noqa: F811
    window = chart_window
    window.draw_action.trigger()  # Edit → Draw a new zone (Ctrl+Shift+N), browsing
    qtbot.waitUntil(lambda: the_box(window) is not None)
    held.set()
    qtbot.waitUntil(lambda: window.editor.active, timeout=10000)
    qtbot.waitUntil(lambda: window.editor.tool.drawing is not None)
    window.editor.saving.discard()


def test_cancelled_reading_forgets_the_action(qtbot, chart_window, held):  # noqa: F811
    window = chart_window
    window.chart_properties_action.trigger()
    qtbot.waitUntil(lambda: the_box(window) is not None)
    qtbot.mouseClick(the_box(window).findChild(QPushButton), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: the_box(window) is None)
    held.set()
    qtbot.wait(300)
    assert not window.editor.active and window.findChild(QDialog, "chart-properties") is None
    window.chart_properties_action.trigger()  # asked again: reads again, then opens
    qtbot.waitUntil(lambda: window.editor.active, timeout=10000)
    qtbot.waitUntil(lambda: shown(window) is not None)
    shown(window).reject()
    window.editor.saving.discard()
