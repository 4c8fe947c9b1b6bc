"""How a chart's zone names read inside a sentence (its `zone_names` key, S16-6): the quiz,
the web page and the Anki cards used to lower-case every name's first letter in English, so
an author's "Achilles tendon" became "the achilles tendon". A chart now says
`zone_names: common nouns` to have "Lumbar spine" read "the lumbar spine"; without it its
names are used exactly as written."""

from __future__ import annotations

import random

import pytest

from reflexmap import load_atlas
from reflexmap.atlas.cache import AtlasCache
from reflexmap.atlas.geometry import label_anchors
from reflexmap.atlas.loader import builtin_chart_path, parse_atlas
from reflexmap.quiz import QuizOptions, QuizSession, Scheduler
from reflexmap.vocab import AS_WRITTEN, COMMON_NOUNS

DECLARED = "zone_names: common nouns\n"


def author_chart_text(*, declared: bool) -> str:
    """The built-in chart as an author might keep it: the thoracic spine renamed "Achilles
    tendon" (a name with a proper noun in it), with or without the `zone_names` line."""
    text = builtin_chart_path().read_text(encoding="utf-8")
    assert DECLARED in text  # the built-in charts say how their names read
    text = text.replace('name: "Thoracic spine"', 'name: "Achilles tendon"', 1)
    return text if declared else text.replace(DECLARED, "")


@pytest.fixture(scope="module")
def as_written():
    result = parse_atlas(author_chart_text(declared=False), "mine.yaml")
    assert not result.errors, result.errors
    return result.atlas


def session_for(atlas) -> QuizSession:
    options = QuizOptions(
        kinds=("find",), zone_ids=("thoracic-spine",), aspects=("plantar",), feet=("left",), seed=1
    )
    return QuizSession(atlas, options, Scheduler(clock=lambda: 1e9, rng=random.Random(1)))


def test_the_built_in_charts_say_their_names_are_common_nouns():
    assert load_atlas().zone_names == COMMON_NOUNS
    assert load_atlas(builtin_chart_path("alternative-placements.yaml")).zone_names == COMMON_NOUNS


def test_a_chart_that_does_not_say_has_its_names_used_as_written(as_written):
    assert as_written.zone_names == AS_WRITTEN
    session = session_for(as_written)
    session.next()
    anchor = label_anchors({z.id: z.shapes["plantar-left"] for z in as_written.zones_in("plantar-left")})
    x, y = anchor["thoracic-spine"]
    assert session.answer_click("plantar-left", x, y).message == "✔ Right: the Achilles tendon."
    session = session_for(as_written)  # asked again
    session.next()
    outside = session.answer_click("plantar-right", -15, 130)  # the other foot, on no zone
    assert outside.message == (
        "✖ Wrong: that is outside every zone, on the right foot. "
        "✔ marks the Achilles tendon on the left foot."
    )


def test_common_nouns_read_lower_case_in_english_only():
    result = parse_atlas(author_chart_text(declared=True), "mine.yaml")
    assert result.atlas.in_sentence("Lumbar spine") == "lumbar spine"
    assert result.atlas.in_sentence("T12 vertebra") == "T12 vertebra"
    assert result.atlas.localized("de").zone("thoracic-spine").name == "Brustwirbelsäule"


def test_an_unknown_way_of_reading_is_refused_at_its_place():
    text = author_chart_text(declared=True).replace(DECLARED, "zone_names: proper nouns\n")
    line = text.splitlines().index("zone_names: proper nouns") + 1
    result = parse_atlas(text, "mine.yaml")
    assert result.atlas is None
    said = [str(error) for error in result.errors]
    assert len(said) == 1 and said[0].startswith(f"mine.yaml:{line}:13: "), said
    assert "common nouns" in said[0] and "as written" in said[0], said
    assert "Traceback" not in said[0]


@pytest.mark.parametrize("declared", [True, False])
def test_the_chart_cache_keeps_how_the_names_read(tmp_path, declared):
    raw = author_chart_text(declared=declared).encode()
    atlas = parse_atlas(raw, "mine.yaml").atlas
    cache = AtlasCache(tmp_path)
    cache.put(raw, atlas)
    again = cache.get(raw)
    assert again is not None and again.zone_names == atlas.zone_names
    assert again.zone_names == (COMMON_NOUNS if declared else AS_WRITTEN)


def test_the_web_page_and_the_anki_cards_use_the_names_as_written(as_written):
    from reflexmap.export.anki import build_notes
    from reflexmap.export.html import page_html

    page = page_html(as_written)
    # (the name mid-sentence in the page's quiz; its search words are lower-cased on purpose)
    assert 'data-mid="Achilles tendon"' in page and 'data-mid="achilles' not in page
    notes, _pictures = build_notes(as_written)
    fields = " ".join(field for note in notes for field in note.fields)
    assert "Achilles tendon" in fields and "achilles" not in fields
