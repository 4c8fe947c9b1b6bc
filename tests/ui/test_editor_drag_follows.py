# ruff: noqa: F811 (the editing fixture comes from test_editor)
"""While a corner is dragged, the zone's own fill on the map follows the pointer, on both
feet (a mirrored foot too), and its label, placed for the shape as it was, is hidden until
the drop; after the drop the map shows the dropped shape and the label again. Before, the
zone's old fill and label stayed until the drop and only a thin outline moved. Seen on the
map's pixels during a real drag on the viewport."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QPoint, Qt

from .conftest import viewport_pos
from .test_editor import chart, editing  # noqa: F401 (fixtures)
from .test_editor_live_marks import _hold
from .test_map_cache import _pixels


def _colour(image, at: QPoint) -> np.ndarray:
    return _pixels(image)[at.y(), at.x(), :3].astype(int)


def _label(window, view_id="plantar-left"):
    return window.map.chart.labels[(view_id, "heel")]


def test_the_dragged_zone_is_filled_where_the_pointer_takes_it_and_its_label_waits(qtbot, editing):
    window = editing
    viewport = window.map.viewport()
    # the heel's corner (18, 30) held at (18, 40): (17, 35) is inside the new shape only
    new_only, inside = (17.0, 35.0), (0.0, 25.0)
    before = viewport.grab().toImage()
    paper = _colour(before, viewport_pos(window, "plantar-left", *new_only))
    fill = _colour(before, viewport_pos(window, "plantar-left", *inside))
    assert np.abs(paper - fill).max() > 20  # the heel's fill is not the foot's paper
    assert _label(window).text.isVisible()
    end = _hold(qtbot, window, "plantar-left", (18.0, 30.0), (18.0, 40.0))
    held = viewport.grab().toImage()
    for view_id, sign in (("plantar-left", 1), ("plantar-right", -1)):  # the right foot mirrors the left
        here = _colour(held, viewport_pos(window, view_id, sign * new_only[0], new_only[1]))
        filled = _colour(held, viewport_pos(window, view_id, sign * inside[0], inside[1]))
        assert np.abs(here - filled).max() <= 6, view_id  # filled as the heel is
        assert not _label(window, view_id).text.isVisible()
        assert not _label(window, view_id).leader.isVisible()
    viewport_ = window.map.viewport()
    qtbot.mouseRelease(viewport_, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.AltModifier, end)
    qtbot.waitUntil(lambda: window.editor.session.stack.count() == 1, timeout=5000)
    dropped = viewport.grab().toImage()
    here = _colour(dropped, viewport_pos(window, "plantar-left", *new_only))
    assert np.abs(here - _colour(dropped, viewport_pos(window, "plantar-left", *inside))).max() <= 6
    assert _label(window).text.isVisible() and _label(window, "plantar-right").text.isVisible()
    window.undo_action.trigger()  # the shape as it was, its label where it was
    undone = viewport.grab().toImage()
    assert np.abs(_colour(undone, viewport_pos(window, "plantar-left", *new_only)) - paper).max() <= 6
    assert _label(window).text.isVisible()


def test_a_press_without_a_drag_leaves_the_zone_and_its_label_as_they_were(qtbot, editing):
    window = editing
    viewport = window.map.viewport()
    item = window.map.chart.zone_items[("plantar-left", "heel")]
    shape = item.path().boundingRect()
    at = viewport_pos(window, "plantar-left", 18.0, 30.0)
    qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.AltModifier, at)
    qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.AltModifier, at)
    assert window.editor.session.stack.count() == 0
    assert window.map.chart.zone_items[("plantar-left", "heel")].path().boundingRect() == shape
    assert _label(window).text.isVisible()
