"""A zone of many corners (a traced outline) dragged whole in the editor, with the mouse on
the map: while it is dragged the chart's own zone is drawn moved (its item moved, its shape
as it is: not made and stroked again at every move) and no zone is hit-tested under the
pointer; the drop shows a busy pointer and says in the status bar what it is doing, and the
zone ends where it was dropped, undo bringing it back. The live check still marks a zone
dragged out of its foot. The chart is made in tmp_path (benchmarks/editing.py): too big
to keep in the repository."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication

from benchmarks.editing import write_huge_zone_chart
from reflexmap.atlas import load_atlas
from reflexmap.ui.editor.tool import BUSY_CORNERS

from .conftest import click_mm, viewport_pos

CORNERS = BUSY_CORNERS + 4_000  # (a drop on a zone this large is said to be busy)
CTRL = Qt.KeyboardModifier.ControlModifier  # the whole zone, not a corner


@pytest.fixture
def huge(make_window, tmp_path: Path, qtbot):
    """The window in edit mode on a chart whose heel (36 × 28 mm, mirrored on the right
    foot) has CORNERS corners, the heel selected on the left foot."""
    window = make_window(load_atlas(write_huge_zone_chart(tmp_path / "huge.yaml", CORNERS)))
    window.edit_action.trigger()
    qtbot.waitUntil(lambda: window.editor.session.draft is not None, timeout=20_000)
    click_mm(qtbot, window, "plantar-left", 0.0, 25.0)
    assert window.state.zone_id == "heel"
    return window


def _hold(qtbot, window, start, end, steps=6) -> QPoint:
    """Ctrl held, pressed at `start` and moved to `end` (mm, left foot), not released."""
    viewport = window.map.viewport()
    a, b = viewport_pos(window, "plantar-left", *start), viewport_pos(window, "plantar-left", *end)
    qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, CTRL, a)
    for i in range(1, steps + 1):
        qtbot.mouseMove(
            viewport, QPoint(a.x() + (b.x() - a.x()) * i // steps, a.y() + (b.y() - a.y()) * i // steps)
        )
    return b


def _first(window, view_id="plantar-left"):
    return window.editor.session.written_shape("heel", view_id)[0][0]


def test_a_huge_zone_dragged_whole_is_drawn_moved_and_ends_where_dropped(qtbot, huge, monkeypatch):
    window = huge
    chart = window.map.chart
    items = {v: chart.zone_items[(v, "heel")] for v in ("plantar-left", "plantar-right")}
    shapes = {v: item.path().boundingRect() for v, item in items.items()}
    asked = []
    zones_at = type(window.state.atlas).zones_at
    monkeypatch.setattr(
        type(window.state.atlas), "zones_at", lambda self, *a: asked.append(a) or zones_at(self, *a)
    )
    x0, y0 = _first(window)
    end = _hold(qtbot, window, (0.0, 16.0), (0.0, 26.0))
    assert [round(y) for _view, _x, y in asked] == [16]  # the press's: its moves hit-test no zone
    for view_id, item in items.items():
        assert chart.zone_items[(view_id, "heel")] is item
        assert item.path().boundingRect() == shapes[view_id]  # its shape as it was ...
        moved = item.mapRectToScene(item.path().boundingRect())
        assert moved.top() == pytest.approx(shapes[view_id].top() - 10.0, abs=0.6)  # ... drawn 10 mm up
        assert moved.left() == pytest.approx(shapes[view_id].left(), abs=0.6)
        assert not chart.labels[(view_id, "heel")].text.isVisible()  # (placed for where it was)
    seen = []
    apply = window.editor.session.apply

    def watched(*args):
        cursor = QApplication.overrideCursor()
        seen.append((cursor.shape() if cursor else None, window.statusBar().currentMessage()))
        return apply(*args)

    monkeypatch.setattr(window.editor.session, "apply", watched)
    qtbot.mouseRelease(window.map.viewport(), Qt.MouseButton.LeftButton, CTRL, end)
    assert seen == [(Qt.CursorShape.WaitCursor, f"Writing the change to a zone of {CORNERS:,} corners…")]
    assert QApplication.overrideCursor() is None  # the pointer is itself again
    assert window.editor.session.stack.count() == 1
    x1, y1 = _first(window)
    assert (x1, y1) == pytest.approx((x0, y0 + 10.0), abs=0.6)  # where it was dropped
    for view_id in items:
        item = chart.zone_items[(view_id, "heel")]
        drawn = item.mapRectToScene(item.path().boundingRect())
        assert drawn.top() == pytest.approx(shapes[view_id].top() - 10.0, abs=0.6)  # drawn there once
        assert chart.labels[(view_id, "heel")].text.isVisible()
    window.undo_action.trigger()
    assert _first(window) == (x0, y0)
    for view_id in items:
        item = chart.zone_items[(view_id, "heel")]
        assert item.mapRectToScene(item.path().boundingRect()) == shapes[view_id]


def test_a_huge_zone_dragged_out_of_its_foot_is_marked_before_the_drop(qtbot, huge):
    window = huge
    tool = window.editor.tool
    end = _hold(qtbot, window, (0.0, 16.0), (6.0, 16.0))  # its right side at 24 mm: past the foot's 20
    assert tool.live_problems and "plantar-left" in tool.live_problems
    marks = [m for m in tool.problem_marks() if m[0] == "plantar-left"]
    assert marks and all(x > 18.0 for _v, x, _y, _m in marks)  # marked where it leaves the foot
    qtbot.mouseRelease(window.map.viewport(), Qt.MouseButton.LeftButton, CTRL, end)
    assert window.editor.session.stack.count() == 1
    assert any(p.zone == "heel" for p in window.editor.session.draft.problems)
