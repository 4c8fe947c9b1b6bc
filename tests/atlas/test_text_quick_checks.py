"""The quick checks that spare compiling text.py's big patterns answer as those patterns do,
for every code point: which characters are high (a soft hyphen or U+0300 up), which high
ones can begin an unusual problem, and which are controls a key may not hold."""

from __future__ import annotations

import re

from reflexmap.atlas import text
from reflexmap.atlas.char_classes import INVISIBLE, STACKING, SUBJOINED

EVERY = [chr(code) for code in range(0x110000)]


def test_high_characters_are_the_old_quick_patterns():
    old = re.compile("[\u00ad\u0300-\U0010ffff]")
    assert [c for c in EVERY if bool(old.match(c)) != bool(text._HIGH.match(c))] == []


def test_the_characters_that_can_begin_an_unusual_problem_are_looked_up_exactly():
    classes = re.compile(f"[{INVISIBLE}{STACKING}{SUBJOINED}{text._ASTRAL_NONCHARACTERS}]")
    assert [c for c in EVERY if bool(classes.match(c)) != text._unusual_char(c)] == []


def test_controls_are_found_as_the_full_patterns_find_them():
    for key in ("name", "note"):
        full = re.compile(
            text._CONTROLS_BUT_BREAKS.source if key in text.MULTILINE_KEYS else text._CONTROLS.source
        )
        for c in EVERY:
            found = text._control(key, f"ab{c}", text._high(c))
            assert (found.start() if found else None) == (2 if full.match(c) else None), (key, hex(ord(c)))


def test_a_text_with_a_mark_after_an_en_dash_is_still_refused():
    assert text.first_text_problem({"name": ["Zone \u2013 a" + "\u0301" * 5]}) is not None
    assert text.first_text_problem({"name": ["Zone \u2013 a\u0301"]}) is None
    assert text.first_text_problem({"name": ["Zone\u2028a"]}) is not None
    assert text.first_text_problem({"note": ["Zone\u2028a", "b\ufffe"]}) is not None


def test_the_high_characters_of_a_long_text_are_gathered_without_a_string_for_each():
    """A chart in Chinese holds millions of characters from U+0300 up: gathering which ones
    it holds makes one string of them (twice the text at most), not a string for each."""
    import tracemalloc

    texts = ["".join(chr(0x4E00 + (i * 7 + k) % 20000) for k in range(1000)) for i in range(300)]
    size = sum(len(t) for t in texts) * 2  # (two bytes a character)
    tracemalloc.start()
    try:
        assert text.first_text_problem({"technique": texts}) is None
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 4 * size, (peak, size)
