"""The quiz's notes on the map never cover each other. A click 0.6 mm above the zone asked
for put the "≈ 0.6 mm" note and its ring on top of the "✔ Pelvis and lower body" note: the ✔
(which says "right" without colour) and the first letters were hidden. Played by clicks near
the edges of the zones asked for, at every text size, and looked at zoomed in too."""

from __future__ import annotations

import itertools

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGraphicsSimpleTextItem

from reflexmap.layout.marks import overlaps, place_notes
from reflexmap.quiz import QuizOptions
from reflexmap.setting_rules import TEXT_SCALES

from .conftest import click_mm, viewport_pos

QUESTIONS = 8


def near_edges(atlas, view_id: str, zone_id: str) -> list[tuple[float, float]]:
    """Points just outside the zone: 0.6 mm above its top, below its bottom, beside its sides."""
    points = [p for ring in atlas.zone(zone_id).shapes[view_id] for p in ring]
    top = max(points, key=lambda p: p[1])
    bottom = min(points, key=lambda p: p[1])
    left = min(points, key=lambda p: p[0])
    right = max(points, key=lambda p: p[0])
    return [
        (top[0], top[1] + 0.6),
        (bottom[0], bottom[1] - 0.6),
        (left[0] - 0.6, left[1]),
        (right[0] + 0.6, right[1]),
    ]


def marks_apart(window) -> list[str]:
    """Every note box, text and ring against those of the other notes (scene millimetres)."""
    items = window.map.chart.marks
    groups, current = [], []
    for item in items:  # a note is [ring,] back, text: in the order mark() adds them
        current.append(item)
        if isinstance(item, QGraphicsSimpleTextItem):
            groups.append(current)
            current = []
    problems = []
    for one, other in itertools.combinations(groups, 2):
        for a in one:
            for b in other:
                ra, rb = a.sceneBoundingRect(), b.sceneBoundingRect()
                if ra.intersects(rb):
                    first, second = (
                        f"{g[-1].text()!r} {type(i).__name__}" for g, i in [(one, a), (other, b)]
                    )
                    problems.append(f"{first} {ra.getRect()} covers {second} {rb.getRect()}")
    return problems


@pytest.mark.parametrize("scale", TEXT_SCALES)
def test_notes_of_answers_near_zone_edges_never_cover_each_other(qtbot, make_window, scale):
    window = make_window()
    window.show()
    qtbot.waitExposed(window)
    window.resize(1280, 800)
    window.set_text_scale(scale)
    window.quiz.advance_after_right_ms = 60_000
    options = QuizOptions(kinds=("find",), aspects=("plantar",), feet=("left", "right"), seed=5)
    assert window.quiz.start(options)
    problems, close = [], 0
    for number in range(QUESTIONS):
        question = window.quiz.session.current
        assert question is not None
        point = near_edges(window.state.atlas, question.view_id, question.zone_id)[number % 4]
        if not window.map.viewport().rect().contains(viewport_pos(window, question.view_id, *point)):
            point = near_edges(window.state.atlas, question.view_id, question.zone_id)[0]
        click_mm(qtbot, window, question.view_id, *point)
        feedback = window.quiz_panel.feedback.text()
        close += feedback.startswith("≈")
        problems += [f"q{number} ({feedback}): {p}" for p in marks_apart(window)]
        if number == 0:
            window.zoom_in_action.trigger()
            window.zoom_in_action.trigger()
            qtbot.wait(20)
            problems += [f"q{number} zoomed: {p}" for p in marks_apart(window)]
            window.fit_action.trigger()
        qtbot.keyClick(window.map, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda q=question: window.quiz.session.current is not q, timeout=3000)
    window.quiz.stop()
    assert close, "no answer was close: the test did not place a ≈ note"
    assert not problems, "\n".join(problems)


def test_placed_notes_keep_apart_from_rings_and_each_other():
    """Many notes wanting the same spot, around rings: none covers another or a ring."""
    rings = [(10.0 + 3 * i, 20.0, 2.8, 2.8) for i in range(5)]
    wanted = [(8.0 + i * 0.5, 18.0, 14.0, 4.0) for i in range(12)]
    placed = place_notes(wanted, rings)
    for a, b in itertools.combinations(placed + rings, 2):
        assert not overlaps(a, b), (a, b)
    assert placed[0] != wanted[0] or not any(overlaps(wanted[0], r) for r in rings)
    assert [(w, h) for _x, _y, w, h in placed] == [(w, h) for _x, _y, w, h in wanted]
    free = (100.0, 100.0, 5.0, 2.0)
    assert place_notes([free], rings) == [free], "a note with room stays where it wants to be"


def test_a_note_kept_off_a_box_above_it_stays_inside_the_bounds():
    """A note wanting the spot of the chart's title (at the chart's top edge) is moved below
    or beside it, never above it out of the chart: notes pushed above the title left the map
    at some window sizes."""
    bounds = (0.0, 0.0, 200.0, 300.0)
    title = (40.0, 0.5, 120.0, 10.0)
    wanted = (60.0, 1.0, 60.0, 8.0)
    unbounded = place_notes([wanted], [title])[0]
    assert unbounded[1] < 0, "the test's case: without bounds the nearest spot is above the title"
    (placed,) = place_notes([wanted], [title], bounds=bounds)
    assert not overlaps(placed, title, 0.6)
    assert bounds[1] <= placed[1] and placed[1] + placed[3] <= bounds[1] + bounds[3]
    assert bounds[0] <= placed[0] and placed[0] + placed[2] <= bounds[0] + bounds[2]


@pytest.mark.parametrize("zone", ["throat-thyroid", "chest-lungs", "stomach", "pelvis"])
def test_the_answer_note_keeps_clear_of_the_guide_lines_names(qtbot, make_window, zone):
    """Tryout S17-13: "✔ Throat and thyroid", the note of a right answer, covered the
    "Shoulder" guide line's name at 1024x768 ("✔ Chest and lungs" did here, "✔ Stomach" covered
    "Diaphragm"). Answered by its number, as a student does; the note then stands off every
    guide name shown, and off them still when they are hidden and shown again (G)."""
    window = make_window()
    window.show()
    qtbot.waitExposed(window)
    window.resize(1024, 768)
    qtbot.wait(20)
    window.quiz.advance_after_right_ms = 60_000
    options = QuizOptions(kinds=("name",), zone_ids=(zone,), aspects=("plantar",), feet=("left",), seed=1)
    assert window.quiz.start(options)
    question = window.quiz.session.current
    assert window.quiz_panel.answer.hasFocus()
    qtbot.keyClick(window.quiz_panel.answer, Qt.Key(Qt.Key.Key_1 + question.answer))
    assert window.quiz_panel.feedback.text().startswith("✔ Right:")
    chart = window.map.chart

    def covered() -> list[str]:
        notes = [item for item in chart.marks if isinstance(item, QGraphicsSimpleTextItem)]
        names = [item for item in chart.guide_names if isinstance(item, QGraphicsSimpleTextItem)]
        assert notes and any(name.isVisible() for name in names)
        return [
            f"{note.text()!r} {note.sceneBoundingRect().getRect()} covers "
            f"{name.text()!r} {name.sceneBoundingRect().getRect()}"
            for note in notes
            for name in names
            if name.isVisible() and note.sceneBoundingRect().intersects(name.sceneBoundingRect())
        ]

    assert not covered()
    window.guides_action.trigger()  # G: off, and on again
    window.guides_action.trigger()
    assert window.state.guides_visible and not covered()
