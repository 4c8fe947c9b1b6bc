"""The find-it question is one sentence, built in one place (content.markup.where_question),
in the app's quiz, the web page and the Anki deck: with the zone's claim, which carries its
article, it is German for every zone ("Wo verorten Karten das Steißbein?"). Before, the app
asked "Klicken Sie auf: Steißbein (…)", the web page "Wo verorten Karten Steißbein?" and the
deck "Wo verorten Karten das Steißbein?": three wordings, one of them not German."""

from __future__ import annotations

import random
import re

import pytest

from reflexmap import load_atlas
from reflexmap.export.anki import build_notes
from reflexmap.export.html import page_html
from reflexmap.i18n import set_language
from reflexmap.quiz import Card
from reflexmap.quiz.questions import make_question

ARTICLE = {"en": r"the ", "de": r"(der|die|das|den) "}
QUESTION = {"en": "Where do charts place ", "de": "Wo verorten Karten "}


@pytest.fixture(params=["en", "de"])
def language(request):
    set_language(request.param)
    yield request.param
    set_language("en")


def _plain(text: str) -> str:
    """The text as a student reads it: no isolates, no hidden key (anki.py makes each note's
    first field its own with a hidden span naming the zone and view)."""
    text = re.sub(r'<span style="display:none">.*?</span>', "", text)
    return text.replace("\u2068", "").replace("\u2069", "")


def test_the_app_the_page_and_the_deck_ask_one_question(language):
    atlas = load_atlas().localized(language)
    page = page_html(atlas)
    notes, _pictures = build_notes(atlas)
    # (the find card's question, then on its own line the foot and view it asks about)
    deck = {_plain(n.fields[0]).split("<br>")[0] for n in notes}
    for zone in atlas.zones:
        question = make_question(atlas, Card(atlas.id, zone.id, "find"), list(zone.shapes), random.Random(1))
        asked = _plain(question.prompt)
        assert re.match(re.escape(QUESTION[language]) + ARTICLE[language], asked), asked
        first = asked[: asked.index("?") + 1]
        assert first == QUESTION[language] + zone.claim + "?", asked
        assert first in deck  # the Anki deck's find card (HTML-escaped: the built-in claims need none)
        assert f'data-ask="{first}"' in _plain(page)  # the web page's question for this zone
