"""Feedback to a "find it" answer is one coherent sentence pair for every case (right, wrong
zone, outside every zone, near miss, the right zone on the wrong foot, a wrong zone on the
other foot), in English and in German."""

from __future__ import annotations

import random

import pytest

from reflexmap import i18n, load_atlas
from reflexmap.atlas.geometry import label_anchors, to_shapely
from reflexmap.i18n import bidi_isolate, format_number
from reflexmap.quiz import QuizOptions, QuizSession, Scheduler


@pytest.fixture(scope="module")
def atlas():
    return load_atlas()


@pytest.fixture(params=["en", "de"])
def language(request):
    i18n.set_language(request.param)
    yield request.param
    i18n.set_language("en")


def inside(atlas, view_id, zone_id):
    return label_anchors({z.id: z.shapes[view_id] for z in atlas.zones_in(view_id)})[zone_id]


def near(atlas, view_id, zone_id):
    """A point 2 mm outside the zone's edge, on no zone."""
    shape = to_shapely(atlas.zone(zone_id).shapes[view_id])
    ring = shape.buffer(2.0).exterior
    for step in range(200):
        point = ring.interpolate((0.3 + step / 200) % 1, normalized=True)
        if not atlas.zones_at(view_id, point.x, point.y):
            return point.x, point.y
    raise AssertionError("no bare point 2 mm from " + zone_id)


def near_on(atlas, view_id, zone_id):
    """A point 2 mm outside the zone's edge that lies on another zone."""
    shape = to_shapely(atlas.zone(zone_id).shapes[view_id])
    ring = shape.buffer(2.0).exterior
    for step in range(200):
        point = ring.interpolate(step / 200, normalized=True)
        if any(z.id != zone_id for z in atlas.zones_at(view_id, point.x, point.y)):
            return point.x, point.y
    raise AssertionError("no other zone 2 mm from " + zone_id)


def answer(atlas, foot, where):
    session = QuizSession(
        atlas,
        QuizOptions(
            kinds=("find",), zone_ids=("thoracic-spine",), aspects=("plantar",), feet=(foot,), seed=3
        ),
        Scheduler(clock=lambda: 1e9, rng=random.Random(1)),
    )
    assert session.current.view_id == f"plantar-{foot}"
    return session.answer_click(*where)


CASES = {  # (asked foot, where the answer is given) -> expected English
    "right": (
        "left",
        lambda a: ("plantar-left", *inside(a, "plantar-left", "thoracic-spine")),
        "✔ Right: the thoracic spine.",
    ),
    "wrong zone": (
        "left",
        lambda a: ("plantar-left", *inside(a, "plantar-left", "stomach")),
        None,  # "✖ Wrong: that is the stomach, 34.1 mm from the thoracic spine, which is marked ✔."
    ),
    "outside": (
        "left",
        lambda a: ("plantar-left", -15, 130),
        "✖ Wrong: that is outside every zone. ✔ marks the thoracic spine.",
    ),
    "near miss": ("left", lambda a: ("plantar-left", *near(a, "plantar-left", "thoracic-spine")), None),
    # 2 mm off the thoracic spine, on the neighbouring zone: what was clicked is said, and how far off
    "near miss on another zone": (
        "left",
        lambda a: ("plantar-left", *near_on(a, "plantar-left", "thoracic-spine")),
        None,
    ),
    "wrong foot": (
        "left",
        lambda a: ("plantar-right", *inside(a, "plantar-right", "thoracic-spine")),
        "✖ Wrong foot: that is the thoracic spine, but on the right foot. "
        "The question asks for it on the left foot.",
    ),
    "wrong foot, other way": (
        "right",
        lambda a: ("plantar-left", *inside(a, "plantar-left", "thoracic-spine")),
        "✖ Wrong foot: that is the thoracic spine, but on the left foot. "
        "The question asks for it on the right foot.",
    ),
    "wrong zone, wrong foot": (
        "left",
        lambda a: ("plantar-right", *inside(a, "plantar-right", "coccyx")),
        "✖ Wrong: that is the coccyx on the right foot. ✔ marks the thoracic spine on the left foot.",
    ),
    "outside, wrong foot": (
        "right",
        lambda a: ("plantar-left", -15, 130),
        "✖ Wrong: that is outside every zone, on the left foot. "
        "✔ marks the thoracic spine on the right foot.",
    ),
}
ENGLISH_WORDS = ("that is", "foot", "clicked", "marked", "Right", "Not quite", "Close", "Wrong")


@pytest.mark.parametrize("case", list(CASES))
def test_feedback_is_coherent(atlas, language, case):
    foot, where, english = CASES[case]
    chart = atlas.localized(language)
    feedback = answer(chart, foot, where(chart))
    message = feedback.message
    assert "{" not in message and "}" not in message
    assert message[0] in "✔✖≈" and message.endswith(".")
    target = chart.zone("thoracic-spine").name
    assert target in message or target[0].lower() + target[1:] in message
    if case == "right":
        assert feedback.correct
    elif case.startswith("near miss"):
        assert feedback.close and message.startswith("≈")
        assert bool(feedback.clicked) == (case == "near miss on another zone"), feedback
        if feedback.clicked:  # the zone clicked is named, isolated, before the asked one
            clicked = chart.in_sentence(chart.zone(feedback.clicked[0]).name)
            assert clicked in message and message.index(clicked) < message.index(chart.in_sentence(target)), (
                message
            )
    else:
        assert not feedback.correct and not feedback.close and message.startswith("✖")
    if feedback.clicked and case in ("wrong zone", "near miss on another zone"):
        # the zone clicked is named, isolated, and how far the asked one was, in the language's numbers
        clicked = chart.in_sentence(chart.zone(feedback.clicked[0]).name)
        distance = format_number(feedback.distance_mm, 1)
        assert clicked in message and f"{distance} mm" in message, message
        assert message.index(clicked) < message.index(distance) < message.index(chart.in_sentence(target)), (
            message
        )
    feet_named = {"wrong foot", "wrong foot, other way", "wrong zone, wrong foot", "outside, wrong foot"}
    if language == "en":
        assert "Not quite" not in message  # right, close (said as such) or wrong
        if english is not None:
            assert message == english
        elif feedback.clicked:
            clicked = chart.in_sentence(chart.zone(feedback.clicked[0]).name)
            word = "≈ Close" if feedback.close else "✖ Wrong"
            assert message.startswith(f"{word}: that is the {clicked}, ") and message.endswith(
                " mm from the thoracic spine, which is marked ✔."
            ), message
        else:
            assert message.startswith("≈ Close: ") and message.endswith(
                " mm outside the thoracic spine, which is marked ✔."
            ), message
    else:
        assert not any(word in message for word in ENGLISH_WORDS), message
        if case in feet_named:
            asked, other = ("linken", "rechten") if foot == "left" else ("rechten", "linken")
            assert f"am {asked} Fuß" in message and f"am {other} Fuß" in message
        if case.startswith("wrong foot"):
            assert message.startswith("✖ Falscher Fuß:")
    if (
        case in feet_named
    ):  # the clicked zone is named once, and it is not the target unless the foot is wrong
        assert message.count("✔") <= 1


@pytest.mark.parametrize("kind", ["technique", "claim", "name"])
def test_a_wrong_choice_is_wrong_and_names_whose_text_was_picked(atlas, language, kind):
    """Tryout S13-8: a wrong choice is "Wrong" (not the near miss's "Not quite"), and a
    technique or claim picked names the zone it belongs to, isolated, in either language."""
    chart = atlas.localized(language)
    session = QuizSession(
        chart,
        QuizOptions(
            kinds=(kind,), zone_ids=("thoracic-spine",), aspects=("plantar",), feet=("left",), seed=3
        ),
        Scheduler(clock=lambda: 1e9, rng=random.Random(1)),
    )
    question = session.current
    wrong = (question.answer + 1) % len(question.choices)
    owner = next(z for z in chart.zones if getattr(z, kind) == question.choices[wrong])
    message = session.answer_choice(wrong).message
    assert message.startswith("✖ Falsch: " if language == "de" else "✖ Wrong: ") and message.endswith(".")
    assert "{" not in message and bidi_isolate(question.choices[question.answer].rstrip(".")) in message
    named = chart.in_sentence(owner.name) in message
    assert named == (kind != "name"), message  # a name picked is the zone it names
    if language == "de":
        assert not any(word in message for word in ENGLISH_WORDS), message


def _claim_twice(atlas):
    """A user's chart placing the sacrum's claim at the coccyx too: the question fits both."""
    from dataclasses import replace

    sacrum = atlas.zone("sacrum")
    zones = tuple(
        replace(z, claim=sacrum.claim, translations={}) if z.id == "coccyx" else z for z in atlas.zones
    )
    return replace(atlas, zones=zones)


@pytest.mark.parametrize("on_zone", [False, True])
def test_a_miss_is_measured_to_the_nearest_zone_the_question_fits(atlas, language, on_zone):
    """A click 2 mm off the coccyx, when the question asks for the sacrum's claim that the
    chart places at the coccyx too: a near miss of the coccyx, named and measured to it (before:
    measured to the sacrum only, so '✖ Wrong' and the sacrum's distance)."""
    chart = _claim_twice(atlas.localized(language))
    session = QuizSession(
        chart,
        QuizOptions(kinds=("find",), zone_ids=("sacrum",), aspects=("plantar",), feet=("left",), seed=3),
        Scheduler(clock=lambda: 1e9, rng=random.Random(1)),
    )
    assert set(session.current.fits) == {"sacrum", "coccyx"}
    coccyx = to_shapely(chart.zone("coccyx").shapes["plantar-left"])
    sacrum = to_shapely(chart.zone("sacrum").shapes["plantar-left"])
    ring = coccyx.buffer(2.0).exterior
    for step in range(400):
        p = ring.interpolate(step / 400, normalized=True)
        hits = [z.id for z in chart.zones_at("plantar-left", p.x, p.y)]
        if bool(hits) == on_zone and "coccyx" not in hits and "sacrum" not in hits and sacrum.distance(p) > 4:
            break
    else:
        pytest.skip("no such point beside the coccyx")
    feedback = session.answer_click("plantar-left", p.x, p.y)
    assert feedback.close and not feedback.correct, feedback.message
    assert abs(feedback.distance_mm - 2.0) < 0.05
    assert chart.in_sentence(chart.zone("coccyx").name) in feedback.message
    assert format_number(feedback.distance_mm, 1) + " mm" in feedback.message
    if on_zone:
        assert chart.in_sentence(chart.zone(hits[0]).name) in feedback.message
