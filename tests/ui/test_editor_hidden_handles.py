# ruff: noqa: F811 (the dense chart fixture comes from test_editor_flows)
"""A click only ever takes a corner the person sees: on a zone of many corners close
together only those that stand apart get a handle (handle_room.py), and a press between two
handles, on or by the zone's edge, is a press on the zone, as the picture shows. Before, it
took the nearest corner hidden in the crowd: a drag pulled a spike out of the edge, and
Delete removed a corner no one could see."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt

from reflexmap.atlas import load_atlas

from .conftest import click_mm, viewport_pos
from .test_editor_flows import dense, wheel_in  # noqa: F401 (fixture)


def between_handles_by_the_right_edge(window, outward_px: int) -> QPoint:
    """A point `outward_px` out from the heel's right edge (x 18 mm; negative: in), half way
    between two handles next to each other on it, where corners with no handle lie."""
    view = window.map
    edge = viewport_pos(window, "plantar-left", 18.0, 16.0)
    out = 1 if viewport_pos(window, "plantar-left", 19.0, 16.0).x() > edge.x() else -1
    ys = sorted(
        p.y()
        for p in (view.mapFromScene(h.pos()) for h in window.editor.tool.overlay.handles)
        if abs(p.x() - edge.x()) <= 1 and view.viewport().rect().contains(p)
    )
    a, b = max(zip(ys, ys[1:], strict=False), key=lambda pair: pair[1] - pair[0])
    assert b - a >= 11  # two handles and a gap between them
    return QPoint(edge.x() + out * outward_px, (a + b) // 2)


def selected_dense_heel(qtbot, make_window, dense):
    window = make_window(load_atlas(dense))
    window.edit_action.trigger()
    click_mm(qtbot, window, "plantar-left", 0.0, 25.0)
    assert window.state.zone_id == "heel"
    return window


def heel(window):
    return window.editor.session.written_shape("heel", "plantar-left")[0]


def test_a_press_between_handles_by_the_edge_takes_no_hidden_corner(qtbot, make_window, dense):
    window = selected_dense_heel(qtbot, make_window, dense)
    viewport = window.map.viewport()
    for outward in (5, -5):  # just outside the edge, just inside it
        qtbot.mouseClick(
            viewport, Qt.MouseButton.LeftButton, pos=between_handles_by_the_right_edge(window, outward)
        )
        assert window.state.zone_id == "heel"
        assert window.editor.tool.vertex is None, outward  # no corner taken
        qtbot.keyClick(window.map, Qt.Key.Key_Delete)  # so Delete removes none
        assert window.editor.session.stack.count() == 0


def test_a_drag_between_handles_by_the_edge_moves_the_zone_not_a_hidden_corner(qtbot, make_window, dense):
    window = selected_dense_heel(qtbot, make_window, dense)
    before = heel(window)
    viewport = window.map.viewport()
    start = between_handles_by_the_right_edge(window, 5)
    qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, pos=start)
    for step in range(1, 7):
        qtbot.mouseMove(viewport, start + QPoint(5 * step, 3 * step))
    qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, pos=start + QPoint(30, 18))
    qtbot.waitUntil(lambda: window.editor.session.stack.count() == 1, timeout=3000)
    after = heel(window)
    assert len(after) == len(before)
    moves = {(round(a[0] - b[0], 3), round(a[1] - b[1], 3)) for a, b in zip(after, before, strict=True)}
    assert len(moves) == 1 and moves != {(0.0, 0.0)}  # every corner by the same: the zone moved whole


def test_a_handle_shown_is_still_taken_and_dragged(qtbot, make_window, dense):
    window = selected_dense_heel(qtbot, make_window, dense)
    view = window.map
    edge = viewport_pos(window, "plantar-left", 18.0, 16.0)
    handle = min(
        (view.mapFromScene(h.pos()) for h in window.editor.tool.overlay.handles),
        key=lambda p: (p - edge).manhattanLength(),
    )
    before = heel(window)
    qtbot.mousePress(view.viewport(), Qt.MouseButton.LeftButton, pos=handle + QPoint(2, 1))
    for step in range(1, 7):
        qtbot.mouseMove(view.viewport(), handle + QPoint(5 * step, 0))
    qtbot.mouseRelease(view.viewport(), Qt.MouseButton.LeftButton, pos=handle + QPoint(30, 0))
    qtbot.waitUntil(lambda: window.editor.session.stack.count() == 1, timeout=3000)
    after = heel(window)
    changed = [i for i, (a, b) in enumerate(zip(after, before, strict=True)) if a != b]
    assert len(changed) == 1  # that one corner
    assert window.editor.tool.vertex == ("plantar-left", 0, changed[0])


def test_a_corner_scrolled_into_view_gets_its_handle_and_is_taken(qtbot, make_window):
    """Zoomed in, a zone selected with only some corners in view: scrolled to another corner,
    that corner has its handle and a drag moves it (handles are drawn for the part in view,
    and now only a handle drawn is taken: one scrolled into view must be drawn)."""
    from .test_editor import DATA

    window = make_window(load_atlas(DATA / "small.yaml"))
    window.edit_action.trigger()
    wheel_in(window, "plantar-left", -18.0, 2.0, 12)
    qtbot.wait(50)
    viewport = window.map.viewport()
    corners = [(-18.0, 2.0), (18.0, 2.0), (18.0, 30.0), (-18.0, 30.0)]
    seen = [c for c in corners if viewport.rect().contains(viewport_pos(window, "plantar-left", *c))]
    assert 0 < len(seen) < 4
    x, y = seen[0]
    click_mm(qtbot, window, "plantar-left", x * 0.95, y + (1.0 if y < 16 else -1.0))  # the heel, by it
    assert window.state.zone_id == "heel"
    hidden = next(i for i, c in enumerate(corners) if c not in seen)
    window.map.centerOn(window.map.mapToScene(viewport_pos(window, "plantar-left", *corners[hidden])))
    qtbot.wait(300)  # (the overlay follows the view after a short pause)
    corner = viewport_pos(window, "plantar-left", *corners[hidden])
    assert viewport.rect().contains(corner)
    shown = [window.map.mapFromScene(h.pos()) for h in window.editor.tool.overlay.handles]
    assert any((p - corner).manhattanLength() <= 2 for p in shown)
    qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, pos=corner)
    for step in range(1, 7):
        qtbot.mouseMove(viewport, corner + QPoint(4 * step, 4 * step))
    qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, pos=corner + QPoint(24, 24))
    qtbot.waitUntil(lambda: window.editor.session.stack.count() == 1, timeout=3000)
    moved = [i for i, (a, b) in enumerate(zip(heel(window), corners, strict=True)) if a != b]
    assert moved == [hidden]  # that corner moved, alone
