"""round_size: what the New quiz… dialog says beside Start (how many zones the choices leave,
how many questions the round asks) is what a round on those choices plans, counted in the
Qt-free core once for both (the dialog had its own copy of the session's count)."""

from __future__ import annotations

import random

import pytest

from reflexmap import load_atlas
from reflexmap.quiz import QuizOptions, QuizSession, Scheduler
from reflexmap.quiz.session import round_size


@pytest.fixture(scope="module")
def atlas():
    return load_atlas()


@pytest.mark.parametrize(
    "options",
    [
        QuizOptions(),  # the whole chart: the length chosen
        QuizOptions(kinds=("find",), aspects=("plantar",), zone_ids=("sciatic-nerve",)),  # 1 zone
        QuizOptions(
            kinds=("find", "name"), aspects=("plantar",), zone_ids=("heart", "sciatic-nerve"), length=3
        ),
        QuizOptions(aspects=("lateral",), zone_ids=("heart",)),  # not drawn on that view: none
        QuizOptions(regions=("limbs",), length=50),  # fewer cards than the length
        QuizOptions(zone_ids=("heart", "sciatic-nerve"), left_out=frozenset({"heart"})),
    ],
)
def test_round_size_is_what_a_round_on_those_choices_plans(atlas, options):
    zones, questions = round_size(atlas, options)
    session = QuizSession(atlas, options, Scheduler(clock=lambda: 1e9, rng=random.Random(1)))
    assert (zones, questions) == (session.zones_matching, session.planned)
    assert questions <= options.length


def test_round_size_counts_zones_not_cards(atlas):
    one_kind = round_size(atlas, QuizOptions(kinds=("find",), zone_ids=("heart", "sciatic-nerve"), length=20))
    two_kinds = round_size(
        atlas, QuizOptions(kinds=("find", "name"), zone_ids=("heart", "sciatic-nerve"), length=20)
    )
    assert one_kind[0] == two_kinds[0] == 2
    assert two_kinds[1] > one_kind[1]
