# ruff: noqa: F811 (the editing fixtures come from test_editor)
"""A double-click on an edge adds a corner there to the zone whose edge it is, whichever zone
was selected before: that zone is selected and gets the corner (README: "double-click an edge
to add a corner"). Both ways a double-click reaches the map are tried: Qt's test one (press,
release, double-click) and a real window's (press, release, press, double-click, release)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, QPointF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication

from .conftest import viewport_pos
from .test_editor import chart, editing  # noqa: F401 (fixtures)

LEFT = Qt.MouseButton.LeftButton


def real_double_click(qtbot, viewport, pos) -> None:
    """What the X server's two clicks become in Qt: the second press comes with a double-click."""
    qtbot.mousePress(viewport, LEFT, pos=pos)
    qtbot.mouseRelease(viewport, LEFT, pos=pos)
    qtbot.mousePress(viewport, LEFT, pos=pos)
    event = QMouseEvent(
        QEvent.Type.MouseButtonDblClick,
        QPointF(pos),
        viewport.mapToGlobal(QPointF(pos)),
        LEFT,
        LEFT,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(viewport, event)
    qtbot.mouseRelease(viewport, LEFT, pos=pos)


def qtest_double_click(qtbot, viewport, pos) -> None:
    qtbot.mouseDClick(viewport, LEFT, pos=pos)


@pytest.mark.parametrize("double_click", [real_double_click, qtest_double_click], ids=["real", "qtest"])
@pytest.mark.parametrize(
    ("zone", "point", "corners"),
    [
        ("strip", (10.0, 40.0), 4),  # the strip's left edge, outside the heel selected
        ("band", (0.0, 18.0), 4),  # the band's lower edge, inside the heel selected
        ("strip", (16.0, 38.0), 4),  # the strip's right edge, outside the heel
        ("toes", (0.0, 80.0), 4),  # the toes' heel-side edge, far from the heel
    ],
)
def test_double_click_on_another_zones_edge_selects_it_and_adds_the_corner(
    qtbot, editing, double_click, zone, point, corners
):
    assert editing.state.zone_id == "heel"
    heel_before = editing.editor.session.written_shape("heel", "plantar-left")
    pos = viewport_pos(editing, "plantar-left", *point)
    double_click(qtbot, editing.map.viewport(), pos)
    assert editing.state.zone_id == zone
    ring = editing.editor.session.written_shape(zone, "plantar-left")[0]
    assert len(ring) == corners + 1
    assert any(abs(x - point[0]) < 1.0 and abs(y - point[1]) < 1.0 for x, y in ring)
    assert editing.editor.session.written_shape("heel", "plantar-left") == heel_before
    assert editing.editor.session.stack.count() == 1  # one change: the corner, undoable
    assert editing.editor.tool.vertex is not None  # the new corner is the selected one


@pytest.mark.parametrize("double_click", [real_double_click, qtest_double_click], ids=["real", "qtest"])
def test_double_click_on_the_selected_zones_edge_still_adds_its_corner(qtbot, editing, double_click):
    pos = viewport_pos(editing, "plantar-left", 18.0, 24.0)  # the heel's right edge (also near the strip)
    double_click(qtbot, editing.map.viewport(), pos)
    assert editing.state.zone_id == "heel"
    assert len(editing.editor.session.written_shape("heel", "plantar-left")[0]) == 5


@pytest.mark.parametrize("double_click", [real_double_click, qtest_double_click], ids=["real", "qtest"])
def test_double_click_on_the_mirrored_foot_edits_the_zone_it_mirrors(qtbot, editing, double_click):
    pos = viewport_pos(editing, "plantar-right", -10.0, 40.0)  # the strip's mirrored edge
    double_click(qtbot, editing.map.viewport(), pos)
    assert editing.state.zone_id == "strip"
    ring = editing.editor.session.written_shape("strip", "plantar-left")[0]
    assert len(ring) == 5 and any(abs(x - 10.0) < 0.01 and abs(y - 40.0) < 1.0 for x, y in ring)


@pytest.mark.parametrize("double_click", [real_double_click, qtest_double_click], ids=["real", "qtest"])
def test_double_click_far_from_every_edge_adds_nothing(qtbot, editing, double_click):
    pos = viewport_pos(editing, "plantar-left", 0.0, 60.0)
    double_click(qtbot, editing.map.viewport(), pos)
    assert editing.editor.session.stack.count() == 0
