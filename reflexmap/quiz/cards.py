"""Cards: one thing a student learns, a zone asked one way ("find", "name", "technique",
"claim"), and which cards a chosen practice set contains."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..atlas import Atlas
from ..i18n import N_

KINDS = ("find", "name", "technique", "claim")
CHOICE_KINDS = ("name", "technique", "claim")  # answered by picking one of up to four texts
KIND_TITLES = {  # translated where shown
    "find": N_("Find it on the foot"),
    "name": N_("Name the highlighted zone"),
    "technique": N_("Which technique?"),
    "claim": N_("What do charts place there?"),
}
KIND_SHORT = {  # within a sentence: "… 2.9 s for finding a zone"
    "find": N_("finding a zone"),
    "name": N_("naming a zone"),
    "technique": N_("techniques"),
    "claim": N_("what charts place"),
}
# A zone smaller than this in every view it is drawn in is asked by name, not by click:
# hitting a 3 mm sliver tests the mouse, not the student.
MIN_FIND_AREA_MM2 = 80.0


@dataclass(frozen=True, slots=True)
class Card:
    atlas_id: str
    zone_id: str
    kind: str

    @property
    def key(self) -> str:
        return f"{self.atlas_id}:{self.zone_id}:{self.kind}"


@dataclass(frozen=True, slots=True)
class QuizOptions:
    """What to practise and how. Empty filters mean "all"."""

    kinds: tuple[str, ...] = ("find", "name")
    aspects: tuple[str, ...] = ()
    feet: tuple[str, ...] = ()
    regions: tuple[str, ...] = ()
    zone_ids: tuple[str, ...] = ()  # a custom set
    length: int = 10
    time_limit_s: float | None = None  # a timed round
    sudden_death: bool = False
    mistakes_only: bool = False  # the review-mistakes session
    # zones never asked: those the chart's check refuses while it is edited (drawn outside
    # the foot, no texts): not answerable by the click asked for, and not in the chart its
    # progress belongs to (S21-11)
    left_out: frozenset[str] = frozenset()
    seed: int | None = None
    extra: dict = field(default_factory=dict, compare=False)


def allowed_views(atlas: Atlas, options: QuizOptions) -> list[str]:
    return [
        v.id
        for v in atlas.views
        if (not options.aspects or v.aspect in options.aspects)
        and (not options.feet or v.foot in options.feet)
    ]


def single_answer_kinds(atlas: Atlas) -> tuple[str, ...]:
    """The kinds asked by choosing whose answer would be the only choice on this chart: fewer
    than two different names, techniques or claims (a chart of one zone). Not asked at all."""
    return tuple(kind for kind in CHOICE_KINDS if len({getattr(z, kind) for z in atlas.zones}) < 2)


def cards_for(atlas: Atlas, options: QuizOptions) -> list[Card]:
    """Every card of the practice set, in chart order (none of a kind whose answer would be
    the only choice: single_answer_kinds)."""
    views = set(allowed_views(atlas, options))
    unaskable = set(single_answer_kinds(atlas))
    cards = []
    for zone in atlas.zones:
        if zone.id in options.left_out:
            continue
        if options.regions and zone.region not in options.regions:
            continue
        if options.zone_ids and zone.id not in options.zone_ids:
            continue
        in_views = [v for v in zone.shapes if v in views]
        if not in_views:
            continue
        findable = any(atlas.index.area(v, zone.id) >= MIN_FIND_AREA_MM2 for v in in_views)
        for kind in options.kinds:
            if kind == "find" and not findable:
                if "name" not in options.kinds and "name" not in unaskable:  # asked by name instead
                    cards.append(Card(atlas.id, zone.id, "name"))
                continue
            if kind in unaskable:
                continue
            cards.append(Card(atlas.id, zone.id, kind))
    return cards
