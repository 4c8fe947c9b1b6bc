"""The map uses the room it has in every mode: hidden labels (a quiz hides them; L hides them
while browsing) leave no empty label columns beside the feet. In a German quiz at Largest text
the columns kept for the hidden labels shrank the feet to about 110 pixels wide."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRectF, Qt

from .conftest import ASPECT_KEYS
from .test_quiz_student import click, setup_by_mouse, visible_dialog

ROOM = 0.7  # the feet fill at least this share of the map's width or height


def feet_on_screen(window) -> QRectF:
    """The feet's outlines as drawn in the viewport (pixels)."""
    rect = QRectF()
    for frame in window.map.chart.frames:
        box = QRectF(frame.left, frame.top, frame.right - frame.left, frame.bottom - frame.top)
        rect = rect.united(window.map.mapFromScene(box).boundingRect().toRectF())
    return rect


def room_used(window) -> float:
    """The larger of the feet's share of the map's width and of its height."""
    feet, port = feet_on_screen(window), window.map.viewport().rect()
    assert port.contains(feet.toRect()), "the feet run past the map"
    return max(feet.width() / port.width(), feet.height() / port.height())


@pytest.mark.parametrize("language", ["en", "de"])
def test_labels_hidden_by_key_give_the_feet_the_columns_room(qtbot, largest_text_window, language):
    window = largest_text_window(language)
    for key in ASPECT_KEYS:
        qtbot.keyClick(window.map, key, Qt.KeyboardModifier.ControlModifier)
        qtbot.wait(20)
        with_labels = room_used(window)
        qtbot.keyClick(window.map, Qt.Key.Key_L)
        qtbot.wait(20)
        assert not window.state.labels_visible
        assert room_used(window) >= ROOM, (window.state.aspect, with_labels, room_used(window))
        assert not any(label.text.isVisible() for label in window.map.chart.labels.values())
        qtbot.keyClick(window.map, Qt.Key.Key_L)  # labels back, in their columns, as before
        qtbot.wait(20)
        assert window.map.chart.labels and all(lb.text.isVisible() for lb in window.map.chart.labels.values())
        assert room_used(window) == pytest.approx(with_labels, abs=0.005)


def test_german_quiz_at_largest_text_draws_the_feet_large(qtbot, largest_text_window):
    window = largest_text_window("de")
    window.quiz.advance_after_right_ms = 60_000
    setup_by_mouse(qtbot, window, kinds={"name", "find"}, feet={"left", "right"}, zones=set(), length=4)
    seen = set()
    while visible_dialog(window, "quiz-summary") is None:
        qtbot.wait(20)
        question = window.quiz.session.current
        seen.add(window.state.aspect)
        assert room_used(window) >= ROOM, (question.view_id, room_used(window), feet_on_screen(window))
        if question.choices:
            click(qtbot, window.quiz_panel.buttons[question.answer])
        else:
            from .conftest import click_zone

            click_zone(qtbot, window, question.view_id, question.zone_id)
        click(qtbot, window.quiz_panel.next_button)
    visible_dialog(window, "quiz-summary").reject()
    qtbot.waitUntil(lambda: not window.quiz.active)
    assert window.state.labels_visible
    assert all(label.text.isVisible() for label in window.map.chart.labels.values())
