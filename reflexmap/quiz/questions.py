"""Turning a card into a concrete question: which view to show, what to ask, which choices."""

from __future__ import annotations

import random
from dataclasses import dataclass

from .. import vocab
from ..atlas import Atlas, View
from ..i18n import _, in_sentence
from .cards import MIN_FIND_AREA_MM2, Card

CHOICES = 4


@dataclass(frozen=True, slots=True)
class Question:
    card: Card
    prompt: str
    view_id: str  # where the zone is shown (find: where to click; others: highlighted)
    choices: tuple[str, ...] = ()  # texts to pick from (name, technique, claim)
    answer: int = -1  # index of the right choice

    @property
    def kind(self) -> str:
        return self.card.kind

    @property
    def zone_id(self) -> str:
        return self.card.zone_id


def where(view: View) -> str:
    """ "left foot, plantar view", in the interface's language."""
    return vocab.where(view.foot, view.aspect)


def make_question(atlas: Atlas, card: Card, views: list[str], rng: random.Random) -> Question:
    """A question for `card`, shown in one of `views` (the practice set's allowed views)."""
    zone = atlas.zone(card.zone_id)
    candidates = [v for v in views if v in zone.shapes] or list(zone.shapes)
    if card.kind == "find":
        big = [v for v in candidates if atlas.index.area(v, zone.id) >= MIN_FIND_AREA_MM2]
        candidates = big or candidates
    view_id = rng.choice(sorted(candidates))
    view = atlas.view(view_id)
    if card.kind == "find":
        return Question(
            card,
            _("Click the {zone} ({view})").format(zone=in_sentence(zone.name), view=where(view)),
            view_id,
        )
    if card.kind == "name":
        return _choice(
            card,
            _("Which zone is highlighted?"),
            view_id,
            zone.name,
            [z.name for z in atlas.zones_in(view_id) if z.id != zone.id],
            rng,
        )
    if card.kind == "technique":
        others = [z.technique for z in atlas.zones if z.technique != zone.technique]
        return _choice(
            card,
            _("Which technique does the chart note for the {zone}?").format(zone=in_sentence(zone.name)),
            view_id,
            zone.technique,
            others,
            rng,
        )
    if card.kind == "claim":
        others = [z.claim for z in atlas.zones if z.claim != zone.claim]
        return _choice(
            card, _("What does this chart place at the highlighted zone?"), view_id, zone.claim, others, rng
        )
    raise ValueError(f"unknown question kind {card.kind!r}")


def _choice(
    card: Card, prompt: str, view_id: str, right: str, others: list[str], rng: random.Random
) -> Question:
    distractors = sorted(set(others) - {right})
    rng.shuffle(distractors)
    choices = [right, *distractors[: CHOICES - 1]]
    rng.shuffle(choices)
    return Question(card, prompt, view_id, tuple(choices), choices.index(right))
