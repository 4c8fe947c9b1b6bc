"""A user's chart that places one claim at two zones of a view (here the coccyx given the
sacrum's claim): the find-it question "Where do charts place the sacrum …?" fits both, so a
click on either is right, and the feedback says the chart places it at the other zone too.
Before, the click on the other zone the question fits was marked wrong."""

from __future__ import annotations

from dataclasses import replace

from reflexmap import load_atlas
from reflexmap.quiz import QuizOptions

from .conftest import click_zone


def _chart():
    atlas = load_atlas()
    sacrum = atlas.zone("sacrum")
    zones = tuple(
        replace(z, claim=sacrum.claim, translations={}) if z.id == "coccyx" else z for z in atlas.zones
    )
    return replace(atlas, zones=zones)


def test_a_question_two_zones_fit_takes_either(qtbot, make_window):
    window = make_window(_chart())
    window.quiz.advance_after_right_ms = 60_000
    options = QuizOptions(kinds=("find",), zone_ids=("sacrum",), aspects=("plantar",), feet=("left",), seed=7)
    assert window.quiz.start(options)
    session = window.quiz.session
    question = session.current
    assert question.view_id == "plantar-left" and question.fits == ("sacrum", "coccyx")
    prompt = window.quiz_panel.findChildren(type(window.quiz_panel.feedback))
    assert any("Where do charts place" in label.text() for label in prompt)
    click_zone(qtbot, window, "plantar-left", "coccyx")  # the other zone the question fits
    text = window.quiz_panel.feedback.text()
    assert text.startswith("✔ Right: the coccyx. This chart places "), text
    assert text.endswith(" at the sacrum too."), text
    assert session.results[-1].feedback.correct


def test_a_miss_marks_every_zone_the_question_fits(qtbot, make_window):
    from PySide6.QtWidgets import QGraphicsSimpleTextItem

    window = make_window(_chart())
    window.quiz.advance_after_right_ms = 60_000
    options = QuizOptions(kinds=("find",), zone_ids=("sacrum",), aspects=("plantar",), feet=("left",), seed=7)
    assert window.quiz.start(options)
    click_zone(qtbot, window, "plantar-left", "stomach")
    assert window.quiz_panel.feedback.text().startswith("✖ Wrong: that is the stomach, ")
    marks = {item.text() for item in window.map.chart.marks if isinstance(item, QGraphicsSimpleTextItem)}
    assert {"✔ Sacrum", "✔ Coccyx"} <= marks, marks  # both places the question asked for
