"""The round's results and its "Review mistakes" button say the same (tryout: the results listed
"To review: Coccyx, Splenic flexure, Solar plexus" with the button on, and the button then said
"No mistakes to review: your last answer to each of these questions was right": each had been
missed, then answered right when asked again)."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QPushButton

from .conftest import click_zone
from .test_quiz_student import click, feedback, other_zone_in, setup_by_mouse, visible_dialog


def _round(qtbot, window, misses: dict[str, int]):
    """Answer by mouse; each zone in `misses` is answered wrong that many times, then right."""
    session = window.quiz.session
    while visible_dialog(window, "quiz-summary") is None:
        question = session.current
        view, zone = question.view_id, question.zone_id
        if misses.get(zone, 0) > 0:
            misses[zone] -= 1
            click_zone(qtbot, window, view, other_zone_in(window, view, zone))
            assert feedback(window).startswith("✖"), feedback(window)
        else:
            click_zone(qtbot, window, view, zone)
            assert feedback(window).startswith("✔"), feedback(window)
        click(qtbot, window.quiz_panel.next_button)
    return visible_dialog(window, "quiz-summary")


def test_a_mistake_put_right_when_asked_again_is_not_offered_for_review(qtbot, make_window):
    window = make_window()
    window.quiz.advance_after_right_ms = 60_000
    setup_by_mouse(
        qtbot, window, kinds={"find"}, feet={"left"}, zones={"thoracic-spine", "lumbar-spine"}, length=2
    )
    summary = _round(qtbot, window, {"thoracic-spine": 1})
    text = summary.findChild(QLabel).text().replace("\u2068", "").replace("\u2069", "")  # (isolates)
    assert "To review:</b> none" in text, text
    assert "Missed, then right when asked again:</b> Thoracic spine" in text, text
    assert not summary.findChild(QPushButton, "review-mistakes").isEnabled()
    summary.reject()
    qtbot.waitUntil(lambda: not window.quiz.active)


def test_a_mistake_still_wrong_is_listed_for_review_and_reviewed(qtbot, make_window):
    window = make_window()
    window.quiz.advance_after_right_ms = 60_000
    setup_by_mouse(
        qtbot,
        window,
        kinds={"find"},
        feet={"left"},
        zones={"thoracic-spine", "lumbar-spine", "sacrum"},
        length=3,
    )
    summary = _round(qtbot, window, {"thoracic-spine": 2, "sacrum": 1})  # missed twice; once
    text = summary.findChild(QLabel).text().replace("\u2068", "").replace("\u2069", "")  # (isolates)
    assert "To review:</b> Thoracic spine<" in text, text
    assert "Missed, then right when asked again:</b> Sacrum" in text, text
    button = summary.findChild(QPushButton, "review-mistakes")
    assert button.isEnabled()
    click(qtbot, button)
    qtbot.waitUntil(lambda: window.quiz.active)
    asked = []
    while window.quiz.session is not None and window.quiz.session.current is not None:
        question = window.quiz.session.current
        asked.append(question.zone_id)
        click_zone(qtbot, window, question.view_id, question.zone_id)
        click(qtbot, window.quiz_panel.next_button)
    assert asked == ["thoracic-spine"]
