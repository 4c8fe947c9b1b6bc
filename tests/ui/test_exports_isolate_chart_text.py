"""The web page and the Anki deck set chart text inside their own sentences (an image's alt
text, a guide line's title, a zone's accessible label, a question): with a chart whose every
text holds a right-to-left override, markup and control characters, no override reaches the
export's own words (before, "<name> highlighted on the foot" and "<guide> (approximate)" read
backwards after the name)."""

from __future__ import annotations

import html
import re

from reflexmap.export.anki import build_notes
from reflexmap.export.html import page_html

from .test_chart_text_is_plain import _not_isolated, _plain, hostile_atlas  # noqa: F401 - a fixture

# attribute values and SVG titles are read out or shown as text of their own
_ATTRIBUTES = re.compile(r"""\b(?:alt|aria-label|title|data-said)=(["'])(.*?)\1""", re.S)
_TITLES = re.compile(r"<title>(.*?)</title>", re.S)


def _texts(page: str) -> list[str]:
    texts = [html.unescape(value) for _quote, value in _ATTRIBUTES.findall(page)]
    texts += [html.unescape(value) for value in _TITLES.findall(page)]
    return [*texts, _plain(page)]


def _problems(where: str, page: str) -> list[str]:
    return [f"{where}: …{line[-100:]!r}" for text in _texts(page) if (line := _not_isolated(text))]


def test_the_web_page_isolates_chart_text_in_its_sentences(request):
    problems = _problems("web page", page_html(request.getfixturevalue("hostile_atlas")))
    assert problems == [], problems[:5]


def test_the_anki_cards_isolate_chart_text_in_their_sentences(request):
    notes, _pictures = build_notes(request.getfixturevalue("hostile_atlas"))
    problems = [p for note in notes for field in note.fields for p in _problems("anki card", field)]
    assert problems == [], problems[:5]
