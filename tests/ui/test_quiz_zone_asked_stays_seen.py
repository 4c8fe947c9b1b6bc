"""The zone a quiz question points at stays seen (S19-3): German, Largest text, 1024×768, the
"Schulterlinie" name and its veil lay on the top edge of the marked "Brustkorb und Lunge" zone
in a technique question, and a name-it question's "✔ Aufsteigender Dickdarm" mark stood over
its zone's foot. Played as a person plays: each question answered by its first choice (the
key 1), on to the next with Return."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGraphicsRectItem

from reflexmap.quiz import QuizOptions


def _covering(window) -> list:
    """Guide names (their veils) and answer marks (their boxes) shown over the zone asked."""
    chart = window.map.chart
    view_id, zone_id = window.state.annotations.highlight
    zone = chart.zone_items[(view_id, zone_id)]
    veils = [v for v in chart.guide_names[::2] if v.isVisible() and v.collidesWithItem(zone)]
    boxes = [
        m
        for m in chart.marks
        if isinstance(m, QGraphicsRectItem) and m.sceneBoundingRect().intersects(zone.sceneBoundingRect())
    ]
    return [(zone_id, item.sceneBoundingRect().getRect()) for item in veils + boxes]


@pytest.mark.parametrize("kind", ["technique", "claim", "name"])
def test_nothing_covers_the_zone_a_question_points_at(qtbot, window_in, kind):
    window = window_in("de", size=(1024, 768), text_scale=1.5)
    window.quiz.advance_after_right_ms = 60_000
    options = QuizOptions(kinds=(kind,), aspects=("plantar",), feet=("left", "right"), seed=3)
    assert window.quiz.start(options)
    covered, asked = [], 0
    for _number in range(6):
        question = window.quiz.session.current
        assert question is not None
        if window.state.annotations.highlight is not None:
            asked += 1
            covered += _covering(window)  # while asked
        qtbot.keyClick(window.map, Qt.Key.Key_1)
        qtbot.waitUntil(lambda: bool(window.map.chart.marks), timeout=5000)
        if window.state.annotations.highlight is not None:
            covered += _covering(window)  # and answered, with its mark
        qtbot.keyClick(window.map, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda q=question: window.quiz.session.current is not q, timeout=5000)
    window.quiz.stop()
    assert asked
    assert covered == []
