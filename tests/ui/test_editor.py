"""Edit mode as a person uses it: Edit → Edit zones, real drags and double-clicks on the
map's viewport, real keys; every change undone and redone through the Edit menu's keys."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QKeySequence

from reflexmap.atlas import load_atlas
from reflexmap.atlas.document import read_document

from .conftest import click_mm, viewport_pos

DATA = Path(__file__).resolve().parents[1] / "data"


@pytest.fixture
def chart(tmp_path: Path) -> Path:
    path = tmp_path / "small.yaml"
    shutil.copy(DATA / "small.yaml", path)
    return path


@pytest.fixture
def editing(make_window, chart, qtbot):
    """The small chart's window in edit mode, the heel zone selected on the left foot."""
    window = make_window(load_atlas(chart))
    window.edit_action.trigger()
    assert window.editor.active
    click_mm(qtbot, window, "plantar-left", 0.0, 25.0)  # the heel, away from the band
    assert window.state.zone_id == "heel"
    return window


def drag(qtbot, window, view_id, start, end, steps=6, modifier=Qt.KeyboardModifier.NoModifier):
    """A real drag on the viewport from `start` to `end` (mm in `view_id`)."""
    viewport = window.map.viewport()
    a, b = viewport_pos(window, view_id, *start), viewport_pos(window, view_id, *end)
    qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, modifier, a)
    for i in range(1, steps + 1):
        point = QPoint(a.x() + (b.x() - a.x()) * i // steps, a.y() + (b.y() - a.y()) * i // steps)
        qtbot.mouseMove(viewport, point)
    qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, modifier, b)


def edited_copy(make_window, tmp_path: Path, qtbot):
    """A copy of small.yaml opened and edited through the window: edit mode, the heel selected,
    one vertex dragged (one change on the undo stack). Returns the window and the copy's path."""
    path = tmp_path / "small.yaml"
    shutil.copy(DATA / "small.yaml", path)
    window = make_window(load_atlas(path))
    window.edit_action.trigger()
    click_mm(qtbot, window, "plantar-left", 0.0, 25.0)
    drag(qtbot, window, "plantar-left", (18.0, 2.0), (19.7, 0.3))
    qtbot.waitUntil(lambda: window.editor.session.stack.count() == 1, timeout=3000)
    return window, path


def heel(window, view="plantar-left"):
    return window.editor.session.written_shape("heel", view)[0]


def saved_heel(path: Path, view="plantar-left"):
    return read_document(path).draft().shapes["heel"][view][0]


def key(qtbot, window, sequence: QKeySequence.StandardKey) -> None:
    combo = QKeySequence(sequence)[0]
    qtbot.keyClick(window.map, combo.key(), combo.keyboardModifiers())


def test_edit_zones_shows_a_handle_at_each_vertex_of_the_selected_zone(editing):
    overlay = editing.editor.tool.overlay
    # 4 corners on the left foot, 4 mirrored on the right
    assert len(overlay.handles) == 8
    assert editing.edit_action.isChecked()


def test_dragging_a_vertex_moves_it_and_its_mirror(qtbot, editing):
    drag(qtbot, editing, "plantar-left", (18, 30), (15, 36))
    x, y = heel(editing)[2]
    assert abs(x - 15) < 0.6 and abs(y - 36) < 0.6
    assert editing.editor.session.written_shape("heel", "plantar-right") == "mirror"  # still mirrored
    zone = editing.state.atlas.zone("heel")
    right = zone.shapes["plantar-right"][0]
    assert right[2] == (-x, y)
    assert editing.editor.session.stack.count() == 1


def test_dragging_a_vertex_on_the_mirrored_foot_moves_the_source_mirrored(qtbot, editing):
    drag(qtbot, editing, "plantar-right", (-18, 30), (-12, 34))
    x, y = heel(editing)[2]  # the left foot's corner (18, 30) moved to (12, 34)
    assert abs(x - 12) < 0.6 and abs(y - 34) < 0.6


def test_a_click_inside_the_zone_without_moving_changes_nothing(qtbot, editing):
    click_mm(qtbot, editing, "plantar-left", 0.0, 25.0)
    assert editing.editor.session.stack.count() == 0


def test_dragging_inside_the_zone_moves_the_whole_zone(qtbot, editing):
    before = heel(editing)
    drag(qtbot, editing, "plantar-left", (0, 25), (0, 35))
    after = heel(editing)
    dy = after[0][1] - before[0][1]
    assert 9 < dy < 11
    assert all(abs((a[1] - b[1]) - dy) < 1e-6 for a, b in zip(after, before, strict=True))


def test_double_click_on_an_edge_adds_a_vertex_there(qtbot, editing):
    pos = viewport_pos(editing, "plantar-left", 18, 16)  # the heel's right edge, (18, 2)-(18, 30)
    qtbot.mouseDClick(editing.map.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    ring = heel(editing)
    assert len(ring) == 5
    assert abs(ring[2][0] - 18) < 0.01 and abs(ring[2][1] - 16) < 1.0


def test_double_click_just_outside_an_edge_adds_a_vertex_and_keeps_the_zone(qtbot, editing):
    """A real double-click is press, release, press: the first press a few pixels outside the
    outline (where the double-click still reaches the edge) must not drop the selection."""
    a, b = viewport_pos(editing, "plantar-left", 18, 16), viewport_pos(editing, "plantar-left", 19, 16)
    outside = a + QPoint(3 if b.x() > a.x() else -3, 0)  # 3 px outside the right edge
    viewport = editing.map.viewport()
    qtbot.mouseClick(viewport, Qt.MouseButton.LeftButton, pos=outside)
    assert editing.state.zone_id == "heel"  # still selected
    qtbot.mouseDClick(viewport, Qt.MouseButton.LeftButton, pos=outside)
    assert editing.state.zone_id == "heel"
    ring = heel(editing)
    assert len(ring) == 5
    assert abs(ring[2][0] - 18) < 0.01 and abs(ring[2][1] - 16) < 1.0
    click_mm(qtbot, editing, "plantar-left", 0.0, 60.0)  # well away from it: nothing selected
    assert editing.state.zone_id in ("", None)


def test_a_click_just_across_a_selected_zones_edge_on_another_zone_selects_that_one(qtbot, editing):
    """The reach of an edge for a double-click does not keep a neighbour from being picked."""
    click_mm(qtbot, editing, "plantar-left", 0.0, 14.0)  # the band, inside the heel
    assert editing.state.zone_id == "band"
    a, b = viewport_pos(editing, "plantar-left", 0, 18), viewport_pos(editing, "plantar-left", 0, 19)
    across = a + QPoint(0, 3 if b.y() > a.y() else -3)  # 3 px past the band's edge, on the heel
    qtbot.mouseClick(editing.map.viewport(), Qt.MouseButton.LeftButton, pos=across)
    assert editing.state.zone_id == "heel"


def test_delete_removes_the_selected_vertex_and_three_corners_stay(qtbot, editing):
    pos = viewport_pos(editing, "plantar-left", 18, 30)
    qtbot.mouseClick(editing.map.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    assert editing.editor.tool.vertex == ("plantar-left", 0, 2)
    qtbot.keyClick(editing.map, Qt.Key.Key_Delete)
    assert len(heel(editing)) == 3
    qtbot.mouseClick(
        editing.map.viewport(), Qt.MouseButton.LeftButton, pos=viewport_pos(editing, "plantar-left", -18, 30)
    )
    qtbot.keyClick(editing.map, Qt.Key.Key_Backspace)
    assert len(heel(editing)) == 3  # refused: a zone keeps three corners
    assert "three corners" in editing.statusBar().currentMessage()


def test_arrow_keys_nudge_the_zone_as_one_change(qtbot, editing):
    before = heel(editing)
    for _ in range(4):
        qtbot.keyClick(editing.map, Qt.Key.Key_Right)
    qtbot.keyClick(editing.map, Qt.Key.Key_Up, Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: editing.editor.session.stack.count() == 1, timeout=3000)
    after = heel(editing)
    assert after[0] == pytest.approx((before[0][0] + 2.0, before[0][1] + 5.0))


def test_the_status_bar_shows_the_dragged_vertex_in_millimetres(qtbot, editing):
    viewport = editing.map.viewport()
    a = viewport_pos(editing, "plantar-left", 18, 30)
    b = viewport_pos(editing, "plantar-left", 10, 40)
    qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, pos=a)
    qtbot.mouseMove(viewport, QPoint((a.x() + b.x()) // 2, (a.y() + b.y()) // 2))
    qtbot.mouseMove(viewport, b)
    assert "mm" in editing.statusBar().currentMessage()
    assert "mm" in editing.coordinates.text()
    qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, pos=b)


@pytest.mark.parametrize("kind", ["vertex", "zone", "insert", "delete", "nudge"])
def test_each_kind_of_change_is_undone_and_redone_by_the_standard_keys(qtbot, editing, kind):
    original = editing.editor.session.document.text
    if kind == "vertex":
        drag(qtbot, editing, "plantar-left", (18, 30), (14, 34))
    elif kind == "zone":
        drag(qtbot, editing, "plantar-left", (0, 25), (4, 29))
    elif kind == "insert":
        qtbot.mouseDClick(
            editing.map.viewport(),
            Qt.MouseButton.LeftButton,
            pos=viewport_pos(editing, "plantar-left", 0, 30),
        )
    elif kind == "delete":
        qtbot.mouseClick(
            editing.map.viewport(),
            Qt.MouseButton.LeftButton,
            pos=viewport_pos(editing, "plantar-left", 18, 30),
        )
        qtbot.keyClick(editing.map, Qt.Key.Key_Delete)
    else:
        qtbot.keyClick(editing.map, Qt.Key.Key_Left)
        editing.editor.tool.commit_nudge()
    changed = editing.editor.session.document.text
    assert changed != original
    key(qtbot, editing, QKeySequence.StandardKey.Undo)
    assert editing.editor.session.document.text == original
    assert editing.state.atlas.zone("heel").shapes == load_atlas(DATA / "small.yaml").zone("heel").shapes
    key(qtbot, editing, QKeySequence.StandardKey.Redo)
    assert editing.editor.session.document.text == changed


def test_history_lists_the_changes(qtbot, editing):
    drag(qtbot, editing, "plantar-left", (18, 30), (14, 34))
    editing.history_action.trigger()
    dock = editing.editor.history_dock
    assert dock.isVisible()
    assert (
        editing.editor.session.stack.text(0)
        == f"Move vertex: {editing.state.atlas.zone(editing.state.zone_id).name}"
    )


def test_leaving_edit_mode_hides_the_handles_and_clicks_select_again(qtbot, editing):
    editing.edit_action.trigger()
    assert not editing.editor.active
    assert editing.editor.tool.overlay.handles == []
    click_mm(qtbot, editing, "plantar-left", 0.0, 90.0)
    assert editing.state.zone_id == "toes"
