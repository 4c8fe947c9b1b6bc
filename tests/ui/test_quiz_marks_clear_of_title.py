"""The quiz's answer marks keep clear of the chart's title (S15-18): at Largest text in German
on a 1440×900 window, "✖ Kopf und Gehirn" over the big toe touched the title's descenders
("Plantaransicht: die Fußsohlen"), as if underlining it. Played as a person answers: every
find-it question answered by a click on the big toe's zone."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGraphicsRectItem

from reflexmap.quiz import QuizOptions

from .conftest import click_mm, inside_point

CLEARANCE_MM = 0.5  # between a mark's box (with its pen) and the title's lines


def _toe_zone(atlas, view_id: str) -> str:
    """The zone at the tip of the big toe: the highest anchor on the sole."""
    anchors = atlas.anchors(view_id)
    return max(anchors, key=lambda z: anchors[z][1])


@pytest.mark.parametrize(
    "size", [(1440, 900), (1280, 800), (1024, 768), (1366, 768), (1920, 1080), (1600, 900)]
)
@pytest.mark.parametrize("language", ["de", "en"])
def test_answer_marks_keep_clear_of_the_title(qtbot, window_in, language, size):
    window = window_in(language, size=size, text_scale=1.5)
    window.quiz.advance_after_right_ms = 60_000
    options = QuizOptions(kinds=("find",), aspects=("plantar",), feet=("left", "right"), seed=3)
    assert window.quiz.start(options)
    chart = window.map.chart
    found, outside, marks = [], [], 0
    for number in range(4):
        question = window.quiz.session.current
        assert question is not None
        toe = _toe_zone(window.state.atlas, question.view_id)
        click_mm(qtbot, window, question.view_id, *inside_point(window.state.atlas, question.view_id, toe))
        qtbot.waitUntil(lambda: bool(window.map.chart.marks), timeout=5000)  # (a loaded machine)
        chart = window.map.chart
        titles = [item.sceneBoundingRect() for item in chart.title_items if item.isVisible()]
        assert titles
        for item in chart.marks:
            if isinstance(item, QGraphicsRectItem):
                marks += 1
                box = item.sceneBoundingRect().adjusted(
                    -CLEARANCE_MM, -CLEARANCE_MM, CLEARANCE_MM, CLEARANCE_MM
                )
                found += [(number, t.getRect(), box.getRect()) for t in titles if box.intersects(t)]
                # and the note is still on the map: not pushed off its top past the title
                shown = window.map.mapToScene(window.map.viewport().rect()).boundingRect()
                outside += [(number, box.getRect())] if not shown.contains(item.sceneBoundingRect()) else []
        qtbot.keyClick(window.map, Qt.Key.Key_Return)  # on to the next question
        qtbot.waitUntil(lambda q=question: window.quiz.session.current is not q, timeout=5000)
    window.quiz.stop()
    assert marks
    assert found == []
    assert outside == []
