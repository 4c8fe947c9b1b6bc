# ruff: noqa: F811 (the editing fixtures come from test_editor)
"""A corner clicked beside the foot while drawing a zone (past every view on the map) is taken
as a vertex dragged there is, in the view the zone is drawn in, and said to be outside the
foot's outline; the check then marks it (tryout S17-4: it was dropped without a word)."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt

from .conftest import click_mm, viewport_pos
from .test_editor import chart, editing  # noqa: F401 (fixtures)


def _beside_the_left_foot(window) -> QPoint:
    """A point on screen left of the left foot, in no view's column."""
    at = viewport_pos(window, "plantar-left", -20, 60)
    for step in range(1, 400):
        pos = QPoint(at.x() - step, at.y())
        if not window.map.viewport().rect().contains(pos):
            break
        if window.map.chart.locate(window.map.mapToScene(pos)) is None:
            return pos
    raise AssertionError("no point beside the foot on screen")


def test_a_corner_clicked_beside_the_foot_is_taken_and_said_outside(qtbot, editing):
    editing.draw_action.trigger()
    for point in ((-15, 60), (5, 60), (5, 72)):
        click_mm(qtbot, editing, "plantar-left", *point)
    beside = _beside_the_left_foot(editing)
    qtbot.mouseClick(editing.map.viewport(), Qt.MouseButton.LeftButton, pos=beside)
    tool = editing.editor.tool
    assert tool.drawing is not None and len(tool.drawing) == 4  # the corner was taken
    assert len(tool.overlay.handles) == 4
    said = editing.statusBar().currentMessage()
    assert "outside the foot's outline" in said and "left foot" in said, said
    qtbot.keyClick(editing.map, Qt.Key.Key_Return)
    zone_id = editing.state.zone_id
    ring = editing.editor.session.written_shape(zone_id, "plantar-left")[0]
    assert len(ring) == 4 and ring[3][0] < -20  # where it was clicked, in the left foot's millimetres
    problems = editing.editor.session.draft.problems
    assert any(p.zone == zone_id and "outside" in p.message for p in problems), problems


def test_a_corner_on_the_foot_says_no_more_than_where_it_is(qtbot, editing):
    editing.draw_action.trigger()
    click_mm(qtbot, editing, "plantar-left", -15, 60)
    said = editing.statusBar().currentMessage()
    assert said.startswith("Vertex at") and "outside" not in said, said


def test_the_outside_message_names_the_corner_as_the_map_shows_it(qtbot, editing):
    """Tryout S17-2: the message said "point 3", but the map numbers no corners: it rings the
    corner meant, and the message says so (while dragging, after the drop, in the note)."""
    viewport = editing.map.viewport()
    a = viewport_pos(editing, "plantar-left", 18, 30)  # a corner of the heel
    b = viewport_pos(editing, "plantar-left", 32, 30)  # out of the foot
    qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, pos=a)
    for i in range(1, 6):
        qtbot.mouseMove(viewport, QPoint(a.x() + (b.x() - a.x()) * i // 5, a.y()))
    held = editing.editor.tool.overlay.messages
    qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, pos=b)
    dropped = editing.editor.tool.overlay.messages
    tip = editing.editor.problems_label.toolTip()
    assert held and dropped
    for said in (*held, *dropped, tip):
        assert "point " not in said and "marked corner" in said, said
