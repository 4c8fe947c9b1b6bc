# ruff: noqa: F811 (the editing fixtures come from test_editor)
"""Coordinates as an author reads them on each foot: the right foot is drawn as the mirror of
the left (x turned), and the same place on either foot reads the same, from the heel and the
inner edge, in the status bar's pointer place and in the words said while dragging. (Before,
the right sole read x -12 where the left read x 12, and a drag towards the big toe on the
right foot was said as a move of -4 mm.)"""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt

from .conftest import viewport_pos
from .test_editor import chart, drag, editing  # noqa: F401 (fixtures)


def pointer_at(qtbot, window, view_id, x, y) -> str:
    qtbot.mouseMove(window.map.viewport(), viewport_pos(window, view_id, x, y))
    return window.coordinates.text()


def test_the_same_place_reads_the_same_on_both_feet(qtbot, editing):
    left = pointer_at(qtbot, editing, "plantar-left", 12, 40)
    right = pointer_at(qtbot, editing, "plantar-right", -12, 40)  # the same place, mirrored
    assert left.startswith("Left foot") and right.startswith("Right foot")
    assert left.split("   ")[1:] == right.split("   ")[1:]
    assert "x 12.0 mm" in right and "-" not in right


def test_a_vertex_dragged_on_the_right_foot_is_said_as_read(qtbot, editing):
    viewport = editing.map.viewport()
    a = viewport_pos(editing, "plantar-right", -18, 30)  # the heel's corner at x 18, inner side
    b = viewport_pos(editing, "plantar-right", -12, 34)
    qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, pos=a)
    qtbot.mouseMove(viewport, QPoint((a.x() + b.x()) // 2, (a.y() + b.y()) // 2))
    qtbot.mouseMove(viewport, b)
    said = editing.statusBar().currentMessage()
    assert said.startswith("Vertex at x 12.") and "x -" not in said
    assert said.endswith("(right foot, plantar view)"), said  # in words, as problems name views
    assert "x 12." in editing.coordinates.text()
    qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, pos=b)


def test_a_zone_moved_on_the_right_foot_is_said_as_read(qtbot, editing):
    viewport = editing.map.viewport()
    a = viewport_pos(editing, "plantar-right", 0, 25)
    b = viewport_pos(editing, "plantar-right", -4, 25)  # 4 mm towards the big toe's side (x up)
    qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, pos=a)
    for i in (1, 2, 3):
        qtbot.mouseMove(viewport, QPoint(a.x() + (b.x() - a.x()) * i // 3, a.y()))
    said = editing.statusBar().currentMessage()
    qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, pos=b)
    dx = float(said.removeprefix("Moving the zone by ").split(" mm")[0])
    assert abs(dx - 4) < 0.6, said  # (a pixel of the screen is about a tenth of a millimetre)
    # the move as it was said: the heel's corners went 4 mm up in x, on both feet
    ring = editing.editor.session.written_shape("heel", "plantar-left")[0]
    assert abs(ring[0][0] - (-18 + 4)) < 0.6
