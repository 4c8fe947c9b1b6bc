# ruff: noqa: F811 (the editing fixtures come from test_editor)
"""A problem whose ring is out of the part of the map in view (zoomed in, scrolled away) is
said so in words: its message, kept inside the view, ends "(out of view: scroll or zoom out
to see it)", and where it has no room on the map the status bar says so instead of sending
the person to look for a "!" tag that is not in view either."""

from __future__ import annotations

from PySide6.QtGui import QKeySequence

from .test_editor import chart, drag, editing, key  # noqa: F401 (fixtures)
from .test_map_messages import message_boxes, settle

LEFT = "zone 'Heel', left foot"  # (the zone by its name, as shown)
WORDS = "(out of view: scroll or zoom out to see it)"


def zoomed_with_the_mark_moved(qtbot, window, dx: int, dy: int):
    """The heel's corner dragged out of the left foot, the map zoomed in and scrolled so that
    the left foot's ring is (dx, dy) px past the viewport's left or top edge."""
    window.resize(1500, 900)
    drag(qtbot, window, "plantar-left", (18, 30), (32, 30))
    settle(qtbot, window)
    for _ in range(4):
        key(qtbot, window, QKeySequence.StandardKey.ZoomIn)
    settle(qtbot, window)
    view = window.map
    mark = next(m for m in window.editor.tool.problem_marks() if m[0] == "plantar-left")
    at = view.mapFromScene(view.chart.to_scene(*mark[:3]))
    if dx:
        view.horizontalScrollBar().setValue(view.horizontalScrollBar().value() + at.x() + dx)
    if dy:
        view.verticalScrollBar().setValue(view.verticalScrollBar().value() + at.y() + dy)
    settle(qtbot, window)
    at = view.mapFromScene(view.chart.to_scene(*mark[:3]))
    assert not view.viewport().rect().contains(at)


def test_a_problem_out_of_view_is_said_so_in_the_status_bar(qtbot, editing):
    zoomed_with_the_mark_moved(qtbot, editing, 400, 0)  # far off to the left: no room by it
    said = editing.statusBar().currentMessage()
    assert said.startswith(f"Problem {WORDS}: {LEFT}"), said
    assert "“!”" not in said


def test_a_problem_out_of_view_says_so_on_the_map(qtbot, editing):
    zoomed_with_the_mark_moved(qtbot, editing, 0, 40)  # just above the top edge
    view = editing.map
    shown = [" ".join(text.split()) for _rect, text in message_boxes(editing)]
    assert shown
    for view_id, x, y, message in editing.editor.tool.problem_marks():
        out = not view.viewport().rect().contains(view.mapFromScene(view.chart.to_scene(view_id, x, y)))
        for text in shown:
            if text.startswith(" ".join(message.split())):
                assert text.endswith(WORDS) == out, (text, out)
    said = editing.statusBar().currentMessage()
    assert any(text.startswith(LEFT) and text.endswith(WORDS) for text in shown) or WORDS in said
