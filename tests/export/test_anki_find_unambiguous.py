"""The Anki deck's find card asks one thing and answers it whole (build_notes, no drawing):
its front names the foot and view it asks about, says how many places to find where the
chart draws the answer in more than one (a zone in parts, as the sinuses on the toes), and a
chart that places one claim at two zones of a view gets one card for both, whose back
highlights and names both. Before, the front was the question alone, and two cards with the
same front and picture ("Where do charts place the sacrum?") each showed one zone as the
answer, so the other was 'wrong'."""

from __future__ import annotations

import re
from dataclasses import replace

import pytest

from reflexmap import load_atlas
from reflexmap.export.anki import build_notes
from reflexmap.i18n import set_language
from reflexmap.vocab import where

from .test_anki_deck import shown


@pytest.fixture(params=["en", "de"])
def language(request):
    set_language(request.param)
    yield request.param
    set_language("en")


def _finds(atlas):
    notes, _pictures = build_notes(atlas)
    found = {}
    for note in notes:
        if "card::find" in note.tags:
            zone, view = re.search(r"\(([^,()<>]+), ([^()<>]+)\)</span>$", note.fields[0]).groups()
            found[(zone, view)] = note
    return found, notes


def _claim_twice(atlas):
    """The chart (localized first) with the sacrum's claim at the coccyx too."""
    sacrum = atlas.zone("sacrum")
    zones = tuple(replace(z, claim=sacrum.claim) if z.id == "coccyx" else z for z in atlas.zones)
    return replace(atlas, zones=zones)


def test_every_find_card_names_its_foot_and_view_on_the_front(language):
    atlas = load_atlas().localized(language)
    finds, _notes = _finds(atlas)
    assert finds
    for (zone, view_id), note in finds.items():
        view = atlas.view(view_id)
        front = shown(note.fields[0])
        assert where(view.foot, view.aspect) in front, front
        places = len(atlas.zone(zone).shapes[view_id])
        if places > 1:  # the sinuses on the tips of four toes: how many to find
            assert f" {places} " in front, front
    sinuses = shown(finds[("sinuses", "plantar-left")].fields[0])
    if language == "en":
        assert sinuses == (
            "Where do charts place the sinuses?"
            "This chart draws it in 4 places on the left foot, plantar view: find them all."
        ), sinuses


def test_one_claim_at_two_zones_is_one_find_card_that_shows_and_names_both(language):
    atlas = _claim_twice(load_atlas().localized(language))
    finds, notes = _finds(atlas)
    for view in ("plantar-left", "plantar-right"):
        assert ("sacrum", view) in finds and ("coccyx", view) not in finds
        note = finds[("sacrum", view)]
        prompt, picture, answer, answer_picture = note.fields[:4]
        prompt, answer = shown(prompt), shown(answer)
        assert " 2 " in prompt, prompt  # both places are asked for
        assert atlas.zone("sacrum").name in answer and atlas.zone("coccyx").name in answer, answer
        layers = re.findall(r'src="([^"]+)"', answer_picture)
        assert layers[1:] == [
            f"reflexmap-ingham-western-{view}-sacrum.png",
            f"reflexmap-ingham-western-{view}-coccyx.png",
        ]
        assert re.findall(r'src="([^"]+)"', picture) == layers[:1]
    # each zone keeps its own "what" card
    whats = [n for n in notes if "card::what" in n.tags and "(coccyx, plantar-left)" in n.fields[0]]
    assert len(whats) == 1


def test_no_two_find_cards_share_a_front(language):
    """Two cards whose fronts are alike (question, foot and picture) cannot have two answers."""
    atlas = _claim_twice(load_atlas().localized(language))
    finds, _notes = _finds(atlas)
    fronts = [(shown(n.fields[0]), n.fields[1]) for n in finds.values()]
    assert len(set(fronts)) == len(fronts)
