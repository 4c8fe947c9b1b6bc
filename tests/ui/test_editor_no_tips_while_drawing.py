# ruff: noqa: F811 (the editing fixtures come from test_editor)
"""No zone tooltip or hover outline while a new zone is drawn or a shape dragged in the editor
(tryout S18-5: drawing a new zone, "Small intestine / Charts place the small intestine here"
popped up over the map and hid where the next corner goes)."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QToolTip

from .conftest import CTRL_SHIFT, click_mm, viewport_pos
from .test_editor import chart, editing  # noqa: F401 (fixtures)

HEEL = (0.0, 25.0)  # inside the heel on the left sole (test_editor's fixture clicks it)


def hover(qtbot, window, x: float, y: float) -> None:
    """The pointer moved over the map to (x, y) mm on the left sole, no button held."""
    viewport = window.map.viewport()
    target = viewport_pos(window, "plantar-left", x, y)
    qtbot.mouseMove(viewport, target + QPoint(3, 0))
    qtbot.mouseMove(viewport, target)
    qtbot.wait(20)


def tip_shown() -> bool:
    return QToolTip.isVisible() and bool(QToolTip.text())


def test_no_zone_tooltip_while_drawing_a_new_zone(qtbot, editing):
    hover(qtbot, editing, *HEEL)
    assert tip_shown() and "Heel" in QToolTip.text()  # the tip there is, before drawing
    qtbot.keyClick(editing.map, Qt.Key.Key_N, CTRL_SHIFT)  # Edit → Draw a new zone
    tool = editing.editor.tool
    assert tool.drawing is not None
    for point in ((-15, 60), (5, 60)):
        click_mm(qtbot, editing, "plantar-left", *point)
    hover(qtbot, editing, *HEEL)
    assert not tip_shown(), QToolTip.text()
    assert not any(item.hovered for item in editing.map.chart.zone_items.values())  # no outline either
    assert "mm" in editing.coordinates.text()  # the pointer's place is still said
    qtbot.keyClick(editing.map, Qt.Key.Key_Escape)  # the drawing dropped: tips again
    assert tool.drawing is None
    hover(qtbot, editing, *HEEL)
    assert tip_shown()


def test_no_zone_tooltip_while_dragging_a_corner(qtbot, editing):
    viewport = editing.map.viewport()
    start = viewport_pos(editing, "plantar-left", 18, 30)  # a corner of the heel
    qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, pos=start)
    assert editing.editor.tool.drag is not None
    for i in range(1, 6):
        qtbot.mouseMove(viewport, viewport_pos(editing, "plantar-left", 18 - 3 * i, 30))
        qtbot.wait(10)
        assert not tip_shown(), QToolTip.text()
    qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, pos=viewport_pos(editing, "plantar-left", 3, 30))
