# ruff: noqa: F811 (the editing fixtures come from test_editor and test_editor_incremental)
"""Live validation (issue 16): a zone dragged out of its outline is marked on the map, at the
place of the problem, with its message, while the mouse still holds it: its shape hatched in
red as the chart will leave it out (before: only at the drop), the red ring and the message.
Seen on the map's pixels (the viewport as painted through its kept tiles), during a real drag
on the viewport. The kept tiles show what a fresh drawing shows at every step (before, a
selection left seams of up to 20 levels, and a hatch redrawn in part its pattern shifted)."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QPoint, Qt
from shapely.geometry import Point, Polygon

from reflexmap.ui.editor.overlay import PROBLEM

from .conftest import click_mm, viewport_pos
from .test_editor import chart, editing  # noqa: F401 (fixtures)
from .test_editor_incremental import builtin_editing  # noqa: F401 (fixture)
from .test_map_cache import ROUNDING, _differing, _pixels

RED = np.array([PROBLEM.red(), PROBLEM.green(), PROBLEM.blue()])


def _reds(image, centre: QPoint, half: int = 4) -> int:
    """Pixels of the problem's red in the square of 2 × `half` + 1 pixels around `centre`."""
    pixels = _pixels(image)[:, :, [2, 1, 0]]  # (ARGB32 is B, G, R, A in memory)
    x, y = centre.x(), centre.y()
    square = pixels[max(0, y - half) : y + half + 1, max(0, x - half) : x + half + 1]
    return int((np.abs(square - RED).max(axis=2) <= 24).sum())


def _hold(qtbot, window, view_id, start, end, steps=8):
    """Press at `start` and move to `end` (mm in `view_id`) on the viewport, not released."""
    viewport = window.map.viewport()
    a, b = viewport_pos(window, view_id, *start), viewport_pos(window, view_id, *end)
    alt = Qt.KeyboardModifier.AltModifier  # no snapping
    qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, alt, a)
    for i in range(1, steps + 1):
        qtbot.mouseMove(
            viewport, QPoint(a.x() + (b.x() - a.x()) * i // steps, a.y() + (b.y() - a.y()) * i // steps)
        )
    return b


def test_a_corner_dragged_out_of_the_foot_is_hatched_ringed_and_said_before_the_drop(qtbot, editing):
    window = editing
    viewport = window.map.viewport()
    outline = Polygon(window.state.atlas.view("plantar-left").outline)
    # the heel's corner (18, 2) held at (60, 2): the shape reaches out of the foot, the
    # triangle (18, 2), (60, 2), (18, 30); these points of it lie outside the outline
    inside_the_drag = [(30.0, 5.0), (40.0, 4.0), (25.0, 10.0), (48.0, 3.5)]
    assert not any(outline.contains(Point(p)) for p in inside_the_drag)
    before = viewport.grab().toImage()
    assert all(_reds(before, viewport_pos(window, "plantar-left", *p)) == 0 for p in inside_the_drag)
    end = _hold(qtbot, window, "plantar-left", (18.0, 2.0), (60.0, 2.0))
    held = viewport.grab().toImage()  # the map as painted now, the button still down
    hatched = [p for p in inside_the_drag if _reds(held, viewport_pos(window, "plantar-left", *p))]
    assert hatched == inside_the_drag, "the shape held out of the foot is hatched in red"
    mirrored = [p for p in inside_the_drag if _reds(held, viewport_pos(window, "plantar-right", -p[0], p[1]))]
    assert mirrored == inside_the_drag, "and its mirror on the right foot"
    marks = window.editor.tool.problem_marks()
    assert sorted(view for view, *_rest in marks) == ["plantar-left", "plantar-right"]
    for view, x, y, message in marks:
        assert "outside" in message
        assert _reds(held, viewport_pos(window, view, x, y), half=12) >= 10, "a red ring at the problem"
    assert any("outside" in m for m in window.editor.tool.overlay.messages), "its message beside it"
    assert window.editor.session.stack.count() == 0  # nothing changed yet: only held
    qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.AltModifier, end)
    qtbot.waitUntil(lambda: window.editor.session.stack.count() == 1, timeout=3000)
    dropped = viewport.grab().toImage()
    assert all(_reds(dropped, viewport_pos(window, "plantar-left", *p)) for p in inside_the_drag)


def _same_as_drawn_afresh(window) -> None:
    """The map through its kept tiles equals every tile drawn afresh, but for rounding."""
    viewport = window.map.viewport()
    kept = viewport.grab().toImage()
    window.map._layers.clear()
    fresh = viewport.grab().toImage()
    assert _differing(fresh, kept, ROUNDING) == 0


def test_the_kept_map_equals_a_fresh_drawing_while_a_zone_is_dragged_in_and_out(qtbot, builtin_editing):
    window = builtin_editing
    atlas = window.state.atlas
    zone = atlas.zones_in("plantar-left")[len(atlas.zones_in("plantar-left")) // 2].id
    x, y = atlas.anchors("plantar-left")[zone]
    click_mm(qtbot, window, "plantar-left", x, y)
    assert window.state.zone_id == zone
    _same_as_drawn_afresh(window)  # a selection
    viewport = window.map.viewport()
    for dx, made in ((60.0, 1), (-3.0, 1)):  # out of the foot (hatched, ringed), then undone; inside it
        cx, cy = window.editor.session.written_shape(zone, "plantar-left")[0][0]
        end = _hold(qtbot, window, "plantar-left", (cx, cy), (cx + dx, cy + 2.0))
        assert bool(window.editor.tool.breaking_shapes()) == (dx > 10)
        _same_as_drawn_afresh(window)
        qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.AltModifier, end)
        qtbot.waitUntil(lambda made=made: window.editor.session.stack.count() == made, timeout=5000)
        _same_as_drawn_afresh(window)
        window.undo_action.trigger()
        _same_as_drawn_afresh(window)
