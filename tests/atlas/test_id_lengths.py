"""An id over the schema's 64 characters is told with its length and the limit, at the id: a
view id of 300 characters used as a key of a zone's 'shapes' was told "'shapes' is too long",
which named neither the id nor the limit; a source id in a zone's 'sources' likewise. An id
that is too long and no id at all is told once."""

from __future__ import annotations

import pytest

from reflexmap.atlas import parse_atlas
from tests.hostile.cases import chart

LONG = "a" * 300
CASES = [  # (what is changed, how, what the message says first, its length, the id's line, column)
    ("plantar-left: [[0, 0]", LONG + ": [[0, 0]", "the view id 'aaaa", 300, 17, 7),
    ("plantar-left: [[0, 0]", LONG + "-x: [[0, 0]", "the view id 'aaaa", 302, 17, 7),
    ("sources: [s1]", f"sources: [{LONG}]", "the source id 'aaaa", 300, 14, 15),
    ("- id: z", "- id: " + LONG, "'id'", 300, 9, 9),
    ("id: plantar-left, foot", f"id: {LONG}, foot", "'id'", 300, 7, 10),
    ("{id: s1,", "{id: " + LONG + ",", "'id'", 300, 5, 16),
    ("id: t\n", f"id: {LONG}\n", "'id'", 300, 2, 5),
]


@pytest.mark.parametrize(("old", "new", "start", "size", "line", "column"), CASES)
def test_an_id_too_long_is_told_with_its_length_and_the_limit_at_the_id(old, new, start, size, line, column):
    text = chart()
    assert old in text
    result = parse_atlas(text.replace(old, new, 1), "chart.yaml")
    first = result.errors[0]
    assert first.message.startswith(start), first
    assert f"is {size} characters long; the limit is 64" in first.message, first
    assert (first.line, first.column) == (line, column), first


def test_a_key_too_long_and_no_id_is_told_once():
    result = parse_atlas(chart().replace("plantar-left: [[0, 0]", "A" * 300 + ": [[0, 0]", 1), "chart.yaml")
    assert [e.message for e in result.errors if e.line == 17] == [
        "'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA... is not a valid id: use lowercase letters, digits "
        "and single hyphens, starting with a letter"
    ], result.errors


def test_the_length_is_said_in_german():
    from reflexmap import i18n

    before = i18n.language()
    try:
        i18n.set_language("de")
        result = parse_atlas(chart().replace("plantar-left: [[0, 0]", LONG + ": [[0, 0]", 1), "chart.yaml")
    finally:
        i18n.set_language(before)
    message = result.errors[0].message
    assert "300" in message and "64" in message and "Ansichts" in message, message
