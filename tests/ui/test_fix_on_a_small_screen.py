"""A chart opened in the editor to fix it, on a 1024×768 screen (the window 922×691 by
default): the Chart problems panel on the left besides the card and form on the right left
the map 467 of 922 pixels (51 %), the feet ~250 px tall. Where two sides of docks do not
leave the map its share, the panel is tabbed with the card and form; on a wide window it
stays on the left."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDockWidget, QPushButton

from .test_dock_room import check_room
from .test_editor_reopen import broken, opened  # noqa: F401 (a fixture)


def _fix(qtbot, window, path, monkeypatch) -> QDockWidget:
    """File → Open chart… of `path`, then "Open in the editor to fix" clicked."""
    box = opened(qtbot, window, path, monkeypatch)
    qtbot.mouseClick(box.findChild(QPushButton, "fix-in-editor"), Qt.MouseButton.LeftButton)
    assert window.editor.active
    qtbot.wait(100)
    dock = window.findChild(QDockWidget, "dock-chart-problems")
    assert dock is not None and dock.isVisible()
    return dock


def test_fixing_on_a_small_screen_keeps_the_map_its_share(qtbot, make_window, broken, monkeypatch):  # noqa: F811
    window = make_window()
    window.resize(922, 691)
    qtbot.wait(50)
    dock = _fix(qtbot, window, broken, monkeypatch)
    check_room(window)
    # the panel in front of the docks it is tabbed with, its list whole and readable
    assert not dock.visibleRegion().isEmpty()
    assert window.dockWidgetArea(dock) == Qt.DockWidgetArea.RightDockWidgetArea
    assert dock.widget().list.count() == 2
    assert dock.widget().list.width() >= 300
    # each problem's message whole on the map, inside what is in view (no "!" tag instead)
    overlay = window.editor.tool.overlay
    qtbot.waitUntil(lambda: len(overlay.messages) == 2)
    assert not overlay.unshown, overlay.unshown
    seen = window.map.viewport().rect().toRectF()
    for box in overlay.boxes:
        assert seen.contains(box), (box, seen)


def test_fixing_on_a_wide_window_keeps_the_panel_on_the_left(qtbot, make_window, broken, monkeypatch):  # noqa: F811
    window = make_window()
    window.resize(1400, 900)
    qtbot.wait(50)
    dock = _fix(qtbot, window, broken, monkeypatch)
    assert window.dockWidgetArea(dock) == Qt.DockWidgetArea.LeftDockWidgetArea
    check_room(window)
