"""A quiz's answer mark for a zone on a foot's edge stands beside the zone on the paper
outside the foot, where there is room (S19-3): "✔ Rechte Kolonflexur", for a zone on the right
foot's outer edge, stood centred below it, across the middle of the foot. Played as a person
answers: find-it questions in German on a 1024×768 window, each answered by a click inside
the zone asked for."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGraphicsRectItem, QGraphicsSimpleTextItem
from shapely.geometry import Polygon, box

from reflexmap.quiz import QuizOptions
from reflexmap.render.chart_text import text_width

from .conftest import click_mm, inside_point

QUESTIONS = 10


def _room_beside(foot: Polygon, feet: list[Polygon], zone, chart) -> float:
    """The paper (scene mm) beside the zone, from the foot's edge the zone stands within a
    line of to the chart's edge or the next foot on that side, at the zone's height; 0 when
    the zone is on neither edge of its foot."""
    line = chart.label_mm * 1.1 * 1.45
    band = box(foot.bounds[0] - 1e3, zone.top() - line, foot.bounds[2] + 1e3, zone.bottom() + line)
    low, _, high, _ = foot.intersection(
        box(*band.bounds[:1], zone.top(), band.bounds[2], zone.bottom())
    ).bounds
    others = [f.intersection(band) for f in feet if f is not foot]
    others = [o.bounds for o in others if not o.is_empty]
    rooms = []
    if zone.left() - low <= line:
        wall = max([o[2] for o in others if o[2] <= low] + [chart.chart_rect.left()])
        rooms.append(low - wall - 4)
    if high - zone.right() <= line:
        wall = min([o[0] for o in others if o[0] >= high] + [chart.chart_rect.right()])
        rooms.append(wall - high - 4)
    return max(rooms, default=0.0)


def _narrowest(text: str, size: float) -> float:
    """The width of `text` on one line or, where narrower, in its best two lines."""
    words = text.split()
    widths = [text_width(" ".join(words), size, True)]
    widths += [
        max(text_width(" ".join(words[:k]), size, True), text_width(" ".join(words[k:]), size, True))
        for k in range(1, len(words))
    ]
    return min(widths)


def _moved_on(window, question) -> bool:
    return window.quiz.session is None or window.quiz.session.current is not question


@pytest.mark.parametrize("size", [(1024, 768), (1440, 900)])
def test_marks_of_zones_on_a_foots_edge_stand_beside_it(qtbot, window_in, size):
    window = window_in("de", size=size)
    window.quiz.advance_after_right_ms = 60_000
    options = QuizOptions(kinds=("find",), aspects=("plantar",), feet=("left", "right"), seed=5)
    assert window.quiz.start(options)
    edge_marks, across = 0, []
    for _number in range(QUESTIONS):
        question = window.quiz.session.current
        if question is None:
            break
        zone_id = question.zone_id
        click_mm(
            qtbot, window, question.view_id, *inside_point(window.state.atlas, question.view_id, zone_id)
        )
        qtbot.waitUntil(lambda: bool(window.map.chart.marks), timeout=5000)  # (a loaded machine)
        chart = window.map.chart
        zone = chart.zone_items[(question.view_id, zone_id)].sceneBoundingRect()
        feet = [Polygon(ring) for ring in chart.chart_outlines()]
        foot = next(f for f in feet if f.contains(box(*zone.center().toTuple(), *zone.center().toTuple())))
        notes = [item.sceneBoundingRect() for item in chart.marks if isinstance(item, QGraphicsRectItem)]
        assert len(notes) == 1
        note = notes[0]
        # on the foot's edge, with room on the paper beside it for the note (in two lines
        # where it has two words or more)
        text = next(i.text() for i in chart.marks if isinstance(i, QGraphicsSimpleTextItem))
        if _room_beside(foot, feet, zone, chart) >= _narrowest(text, chart.label_mm * 1.1) + 3:
            edge_marks += 1
            shape = box(note.left(), note.top(), note.right(), note.bottom())
            if any(shape.intersects(f) for f in feet):
                across.append((zone_id, note.getRect(), zone.getRect(), foot.bounds))
        qtbot.keyClick(window.map, Qt.Key.Key_Return)  # on to the next question
        qtbot.waitUntil(lambda q=question: _moved_on(window, q), timeout=5000)
        if window.quiz.session is None:
            break
    if window.quiz.session is not None:
        window.quiz.stop()
    assert edge_marks >= 1  # (the test judges something)
    assert across == []
