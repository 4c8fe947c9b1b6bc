"""A zone small on screen (as on a 2,000-zone chart) is covered by its handles: a drag
anywhere inside it took a corner, so the whole zone could not be moved by the mouse. Now a
drag inside it between its corners moves the whole zone, Ctrl and a drag moves it from a
handle too, and the status bar says so when a corner of a small zone is taken."""

from __future__ import annotations

import math

from PySide6.QtCore import Qt

from reflexmap.atlas import load_atlas
from reflexmap.ui.editor.overlay import HANDLE_PX

from .conftest import click_mm
from .test_editor import drag

CENTRE, RADIUS = (0.0, 60.0), 1.2
CORNERS = [
    (
        round(CENTRE[0] + RADIUS * math.cos(2 * math.pi * k / 20), 3),
        round(CENTRE[1] + RADIUS * math.sin(2 * math.pi * k / 20), 3),
    )
    for k in range(20)
]


def _chart(tmp_path):
    from ..atlas.test_flow_style import MIXED

    points = ", ".join(f"[{x}, {y}]" for x, y in CORNERS)
    text = MIXED.replace(
        "      plantar-left: [[-18, 2], [18, 2], [18, 30], [-18, 30]]", f"      plantar-left: [{points}]"
    )
    path = tmp_path / "small-zone.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def _opened(qtbot, make_window, tmp_path, request):
    window = make_window(load_atlas(_chart(tmp_path)))
    window.edit_action.trigger()
    request.addfinalizer(window.editor.saving.discard)
    click_mm(qtbot, window, "plantar-left", *CENTRE)
    assert window.state.zone_id == "heel"
    px_per_mm = (
        window.map.scene_point_to_viewport("plantar-left", 10, 0).x()
        - window.map.scene_point_to_viewport("plantar-left", 0, 0).x()
    )
    assert RADIUS * px_per_mm / 10 < HANDLE_PX * 0.9  # the centre lies under a handle's reach
    return window


def _heel(window):
    return window.editor.session.written_shape("heel", "plantar-left")[0]


def test_a_drag_inside_a_small_zone_moves_the_whole_zone(qtbot, make_window, tmp_path, request):
    window = _opened(qtbot, make_window, tmp_path, request)
    before = _heel(window)
    drag(qtbot, window, "plantar-left", CENTRE, (CENTRE[0], CENTRE[1] + 10))
    after = _heel(window)
    dy = after[0][1] - before[0][1]
    assert 8 < dy < 12
    assert all(
        abs(a[0] - b[0]) < 1e-6 and abs((a[1] - b[1]) - dy) < 1e-6 for a, b in zip(after, before, strict=True)
    )


def test_ctrl_and_a_drag_from_a_handle_moves_the_whole_zone(qtbot, make_window, tmp_path, request):
    window = _opened(qtbot, make_window, tmp_path, request)
    before = _heel(window)
    corner = CORNERS[5]
    drag(
        qtbot,
        window,
        "plantar-left",
        corner,
        (corner[0] + 8, corner[1]),
        modifier=Qt.KeyboardModifier.ControlModifier,
    )
    after = _heel(window)
    dx = after[0][0] - before[0][0]
    assert 6 < dx < 10 and all(abs((a[0] - b[0]) - dx) < 1e-6 for a, b in zip(after, before, strict=True))


def test_a_corner_of_a_small_zone_is_still_taken_and_the_status_bar_says_how_to_move_it_whole(
    qtbot, make_window, tmp_path, request
):
    window = _opened(qtbot, make_window, tmp_path, request)
    before = _heel(window)
    corner = CORNERS[0]
    said = []
    window.statusBar().messageChanged.connect(said.append)
    drag(qtbot, window, "plantar-left", corner, (corner[0] + 6, corner[1]))
    after = _heel(window)
    assert after[0] != before[0] and after[1:] == before[1:]  # that corner alone
    assert any("hold Ctrl" in message for message in said)
    assert "hold Ctrl" in window.statusBar().currentMessage()  # still there after the drop


def test_a_corner_dragged_out_of_a_small_zone_is_not_said_small_after_the_drop(
    qtbot, make_window, tmp_path, request
):
    """The corner's drag made the zone large on screen: after the drop the status bar names the
    zone, as after any corner dropped, not how to move a small zone (tryout)."""
    window = _opened(qtbot, make_window, tmp_path, request)
    corner = CORNERS[0]
    said = []
    window.statusBar().messageChanged.connect(said.append)
    drag(qtbot, window, "plantar-left", corner, (corner[0] + 14, corner[1] + 16))
    assert any("hold Ctrl" in message for message in said)  # said as the corner was taken
    now = window.statusBar().currentMessage()
    assert "hold Ctrl" not in now and "small on screen" not in now, now
    assert now.startswith("Heel: charts place"), now  # as after any corner dropped: the zone
