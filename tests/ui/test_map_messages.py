# ruff: noqa: F811 (the editing fixtures come from test_editor)
"""Messages drawn on the map (issue 16): the editor's live-check messages stay inside the part
of the map in view, wrapped (and cut with "…" past a few lines) where the room is short, on
the side of their mark with more room; when the map is panned, zoomed or made smaller they
are laid out again for what is then in view. Quiz notes with long names stay inside the
chart."""

from __future__ import annotations

import html

from PySide6.QtCore import QRectF
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QGraphicsItem, QGraphicsRectItem, QGraphicsSimpleTextItem

from reflexmap.ui.editor.overlay import MAX_MESSAGE_LINES, PROBLEM

from .test_editor import DATA, chart, drag, editing, key  # noqa: F401 (fixtures)


def message_boxes(window) -> list[tuple[QRectF, str]]:
    """(rectangle in viewport pixels, text shown) of each problem message on the map."""
    view = window.map
    found = []
    for item in view.scene().items():
        if not isinstance(item, QGraphicsRectItem) or not item.isVisible():
            continue
        if not item.flags() & QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations:
            continue
        texts = [c for c in item.childItems() if isinstance(c, QGraphicsSimpleTextItem)]
        if texts and texts[0].brush().color() == PROBLEM:
            rect = item.deviceTransform(view.viewportTransform()).mapRect(item.boundingRect())
            found.append((rect, texts[0].text()))
    return found


def settle(qtbot, window) -> None:
    qtbot.wait(150)  # the overlay follows the view once it stops moving


def check_inside(window) -> list[tuple[QRectF, str]]:
    boxes = message_boxes(window)
    assert boxes, "no message on the map"
    viewport = QRectF(window.map.viewport().rect())
    messages = window.editor.tool.overlay.messages
    for rect, shown in boxes:
        assert viewport.contains(rect), (rect, viewport, shown)
        lines = shown.split("\n")
        assert len(lines) <= MAX_MESSAGE_LINES
        flat = " ".join(" ".join(lines).split()).removesuffix("…")
        assert any(" ".join(m.split()).replace(" ", "").startswith(flat.replace(" ", "")) for m in messages)
    return boxes


def test_problem_messages_stay_inside_the_view_as_it_moves(qtbot, editing):
    window = editing
    window.resize(1500, 900)
    drag(qtbot, window, "plantar-left", (18, 30), (32, 30))  # a corner out of the foot
    assert any("outside" in m for m in window.editor.tool.overlay.messages)
    settle(qtbot, window)
    check_inside(window)

    # the map panned until the mark sits at the right edge: the message turns to the left
    view = window.map
    for _ in range(3):
        key(qtbot, window, QKeySequence.StandardKey.ZoomIn)  # Ctrl++
    settle(qtbot, window)
    mark = window.editor.tool.problem_marks()[0]
    at = view.mapFromScene(window.map.chart.to_scene(mark[0], mark[1], mark[2]))
    bar = view.horizontalScrollBar()
    bar.setValue(bar.value() + at.x() - (view.viewport().width() - 30))
    settle(qtbot, window)
    check_inside(window)

    # a narrow map: the message wraps to the room there is; where that room is all the
    # chart's text, the map keeps the text readable and the status bar says the message
    window.resize(1500 - (window.map.viewport().width() - 260), 900)
    settle(qtbot, window)
    unshown = window.editor.tool.overlay.unshown
    if unshown:
        # said in the bar, cut to the room left of the widgets beside it (the pointer's place,
        # the editor's check), and whole in the bar's tooltip: on this narrow window the room
        # holds "Problem (marked “!” on t…" (before, the rest was painted under those widgets)
        bar = window.statusBar()
        assert unshown[0][:10] in bar.currentMessage() or (
            "…" in bar.currentMessage() and unshown[0][:10] in html.unescape(bar.toolTip())
        )
    else:
        boxes = check_inside(window)
        assert any("\n" in shown for _rect, shown in boxes)


def test_quiz_notes_with_long_names_stay_inside_the_chart(qtbot, window):
    from reflexmap.ui.state import Annotations, Mark

    chart = window.map.chart
    long_name = "Pneumonoultramicroscopicsilicovolcanoconiosis " * 40
    view_id, zone_id = next(iter(chart.anchors))
    window.state.set_annotations(Annotations(marks=(Mark(view_id, zone_id, f"✖ {long_name}"),)))
    qtbot.wait(20)
    notes = [i for i in window.map.chart.marks if isinstance(i, QGraphicsSimpleTextItem)]
    assert notes
    for note in notes:
        assert window.map.chart.chart_rect.contains(note.sceneBoundingRect()), note.sceneBoundingRect()


def test_a_long_tradition_keeps_the_caveat_under_the_chart_short(qtbot, make_window, tmp_path):
    """A 3,999-character tradition: the caveat under the feet names it cut with "…", in two
    lines or three, and the feet keep their size."""
    from reflexmap.atlas import load_atlas

    from .test_handout_hostile import hostile_chart

    window = make_window(load_atlas(hostile_chart(tmp_path, extra_zones=0)))
    key = window.map.chart.key
    assert 1 <= len(key.caveat) <= 3, [item.text() for item in key.caveat]
    assert "…" in " ".join(item.text() for item in key.caveat)
    plain = make_window()
    assert window.map.chart.chart_rect.height() < plain.map.chart.chart_rect.height() * 1.1
