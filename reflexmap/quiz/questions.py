"""Turning a card into a concrete question: which view to show, what to ask, which choices."""

from __future__ import annotations

import random
from dataclasses import dataclass

from .. import vocab
from ..atlas import Atlas, View
from ..content.markup import where_question
from ..i18n import _
from .cards import MIN_FIND_AREA_MM2, Card

CHOICES = 4


@dataclass(frozen=True, slots=True)
class Question:
    card: Card
    prompt: str
    view_id: str  # where the zone is shown (find: where to click; others: highlighted)
    choices: tuple[str, ...] = ()  # texts to pick from (name, technique, claim)
    answer: int = -1  # index of the right choice
    owners: tuple[str, ...] = ()  # the id of a zone each choice is the chart's text for
    # find: every zone of the view the question fits, the asked one first (a chart may place
    # one claim at two zones of a view: "Where do charts place the kidneys?" fits both)
    fits: tuple[str, ...] = ()

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
        asked = where_question(zone.claim)
        alike = (
            z.id for z in atlas.zones_in(view_id) if z.id != zone.id and where_question(z.claim) == asked
        )
        return Question(
            card,
            _("{question} Click it on the {view}.").format(question=asked, view=where(view)),
            view_id,
            fits=(zone.id, *alike),
        )
    if card.kind == "name":
        return _choice(
            card,
            _("Which zone is highlighted?"),
            view_id,
            zone.name,
            # names of the view's other zones; the chart's when the view draws this one alone
            _texts((z for z in atlas.zones_in(view_id) if z.name != zone.name), "name")
            or _texts(atlas.zones, "name"),
            rng,
        )
    if card.kind == "technique":
        return _choice(
            card,
            _("Which technique does the chart note for the {zone}?").format(
                zone=atlas.in_sentence(zone.name)
            ),
            view_id,
            zone.technique,
            _texts(atlas.zones, "technique"),
            rng,
        )
    if card.kind == "claim":
        prompt = _("What does this chart place at the highlighted zone?")
        return _choice(card, prompt, view_id, zone.claim, _texts(atlas.zones, "claim"), rng)
    raise ValueError(f"unknown question kind {card.kind!r}")


def _texts(zones, name: str) -> dict[str, str]:
    """Each zone's text `name` (its technique, claim or name), with the first zone it is of."""
    texts: dict[str, str] = {}
    for zone in zones:
        texts.setdefault(getattr(zone, name), zone.id)
    return texts


def _choice(
    card: Card, prompt: str, view_id: str, right: str, others: dict[str, str], rng: random.Random
) -> Question:
    distractors = sorted(set(others) - {right})
    rng.shuffle(distractors)
    choices = [right, *distractors[: CHOICES - 1]]
    rng.shuffle(choices)
    owners = tuple(card.zone_id if choice == right else others[choice] for choice in choices)
    return Question(card, prompt, view_id, tuple(choices), choices.index(right), owners)
