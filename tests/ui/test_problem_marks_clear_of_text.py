# ruff: noqa: F811 (the editing fixtures come from test_editor)
"""A problem's message stays on the map where the problem is, and the chart's own text stays
readable: a zone dragged out under the heel had its message box drawn over the "Left foot"
caption and the key."""

from __future__ import annotations

from PySide6.QtCore import QRectF
from PySide6.QtWidgets import QGraphicsItem, QGraphicsRectItem

from .test_editor import DATA, chart, drag, editing  # noqa: F401 (fixtures)


def message_boxes(window) -> list[QRectF]:
    """The problem messages' boxes as shown (viewport pixels)."""
    boxes = []
    for item in window.map.scene().items():
        if (
            isinstance(item, QGraphicsRectItem)
            and item.flags() & QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations
            and item.childItems()
        ):
            boxes.append(item.deviceTransform(window.map.viewportTransform()).mapRect(item.rect()))
    return boxes


def chart_text(window) -> list[QRectF]:
    """The feet's captions and the key (viewport pixels)."""
    return [window.map.mapFromScene(r).boundingRect().toRectF() for r in window.map.chart.chart_text_boxes()]


def test_a_message_under_the_heel_leaves_the_captions_and_the_key_readable(qtbot, editing):
    texts = chart_text(editing)
    assert len(texts) > 3  # two captions and the key
    for x in (-18, 0, 18):
        drag(qtbot, editing, "plantar-left", (18, 2), (x, -9))  # a corner out under the heel
        assert editing.editor.session.draft.problems
        mark = editing.editor.tool.problem_marks()[0]
        assert mark[0] == "plantar-left" and mark[2] < 0  # marked where the problem is
        boxes = message_boxes(editing)
        assert boxes
        for box in boxes:
            assert editing.map.viewport().rect().toRectF().contains(box)
            over = [t for t in texts if box.intersects(t)]
            assert not over, (x, box, over)
        editing.undo_action.trigger()
