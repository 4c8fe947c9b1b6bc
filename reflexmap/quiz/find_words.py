"""The words of a "find it" answer given on the asked view: one builder for the app's quiz
(session.py formats them with the names) and the web page's (export/html.py hands the same
sentences to page.js, which fills in the names it reads from the page's escaped cards).

Every miss says where the asked zone is (marked ✔) and, when another zone was clicked or
tapped, which one (its name isolated, plain text) and how far the asked zone's edge was, in
millimetres: a near miss (within NEAR_MISS_MM) and a wrong answer alike. Where the question
fits several zones (a chart placing one claim at two zones), "the asked zone" is the nearest
of them, and the distance is measured to it.

The words name no pointer ("that is", not "you clicked" or "you tapped"): the same sentence
fits a mouse, a finger and the keyboard.
"""

from __future__ import annotations

from ..i18n import N_, _

NEAR_MISS_MM = 4.0  # a miss this close to the asked zone's edge is "close" (app and page)

# {zone}: the asked zone (the nearest the question fits), {clicked}: the zone under the click
# (both Atlas.in_sentence: "the coccyx"), {distance}: millimetres written as the language writes
# numbers, {claim}: the chart's claim, isolated and shortened as the question asks it.
FIND_WORDS = {
    "right": N_("✔ Right: the {zone}."),
    "alike": N_("✔ Right: the {clicked}. This chart places {claim} at the {zone} too."),
    "near": N_("≈ Close: that is the {clicked}, {distance} mm from the {zone}, which is marked ✔."),
    "nearOutside": N_("≈ Close: {distance} mm outside the {zone}, which is marked ✔."),
    "wrong": N_("✖ Wrong: that is the {clicked}, {distance} mm from the {zone}, which is marked ✔."),
    "wrongOutside": N_("✖ Wrong: that is outside every zone. ✔ marks the {zone}."),
    # (a view that does not draw the asked zone: no distance to say)
    "wrongElsewhere": N_("✖ Wrong: that is the {clicked}. ✔ marks the {zone}."),
}


def miss_kind(*, on_zone: bool, distance_mm: float | None) -> str:
    """Which of FIND_WORDS a miss on the asked view gets: near or wrong, on a zone or not.
    A miss with no distance (the asked zone not drawn there) is wrong, and says no distance."""
    near = distance_mm is not None and distance_mm <= NEAR_MISS_MM
    if on_zone:
        return "near" if near else "wrong" if distance_mm is not None else "wrongElsewhere"
    return "nearOutside" if near else "wrongOutside"


def find_words() -> dict[str, str]:
    """Every sentence, translated, its {placeholders} left to fill (the web page's script)."""
    return {key: _(text) for key, text in FIND_WORDS.items()}


def find_message(kind: str, **names: str) -> str:
    """One sentence of FIND_WORDS, translated, with the names (already isolated) filled in."""
    return _(FIND_WORDS[kind]).format(**names)
