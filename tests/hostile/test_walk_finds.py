"""The walk's searches for ': ' and ' #' in a plain value (prescan/tokens.py) find what
str.find finds; they search for the rarer character, so a value followed by millions of
spaces is not read at str.find's pace for two characters (10 ns each: 0.2 s of CPU)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from reflexmap.atlas.prescan import tokens


@given(st.text(alphabet=": #a\n", max_size=40), st.data())
def test_the_pairs_are_found_where_str_find_finds_them(text: str, data):
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    assert tokens._colon_space(text, start, end) == text.find(": ", start, end)
    assert tokens._space_hash(text, start, end) == text.find(" #", start, end)


def test_after_many_misses_the_rest_is_searched_at_once():
    colons, hashes = ":" * 500 + ": x", "#" * 500 + " #"
    assert tokens._colon_space(colons, 0, len(colons)) == colons.find(": ")
    assert tokens._space_hash(hashes, 0, len(hashes)) == hashes.find(" #")


def test_a_value_followed_by_millions_of_spaces_is_read_to_its_last_character():
    text = "a: 1" + " " * 5_000_000 + "\n"
    assert tokens._block_plain(text, 3) == "1"
    assert tokens._block_plain("a: x  y   #c\n", 3) == "x  y"
