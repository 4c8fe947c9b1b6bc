"""Text helpers shared by the lists, the quiz and the checks: ordering names as people read
them, and which chart texts can be shown at all."""

from __future__ import annotations

import bisect
import functools
import re
import unicodedata
from collections.abc import Iterator
from typing import Any

from ..i18n import _, format_count
from .char_classes import INSIDE_MARKS, INVISIBLE, SPACING_MARKS, STACKING, SUBJOINED

_NUMBER = re.compile(r"(\d+)")


def _letters(text: str) -> str:
    """Case and accents folded, so "Äußeres" sorts with the A's, as a German reader expects."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def natural_key(text: str) -> tuple:
    """Sort key that puts "Zone 2" before "Zone 10", ignoring case and accents."""
    return tuple(int(part) if part.isdigit() else _letters(part) for part in _NUMBER.split(text))


# Chart texts (the schema's `text`), by their key; the ones that are a single line (a name, a
# title) may hold no line break or tab, the others (a note, a technique) may.
TEXT_KEYS = frozenset({"title", "tradition", "description", "name", "claim", "technique", "note"})
MULTILINE_KEYS = frozenset({"description", "technique", "note"})
GEOMETRY_KEYS = frozenset({"outline", "points", "shapes"})  # numbers only: not walked for texts
# Letters that draw nothing (fillers, a blank braille cell): not visible although a letter.
_BLANK_LETTERS = frozenset("\u115f\u1160\u3164\uffa0\u2800")


def visible(char: str) -> bool:
    """Whether `char` draws something by itself: not a space, a control, a format character
    (zero-width space, direction marks), a mark that needs a base letter, or a blank letter."""
    return unicodedata.category(char)[0] not in "ZCM" and char not in _BLANK_LETTERS


# The characters `text_problem` refuses, found by one regular-expression search instead of a
# Python loop over every character (30,000 texts in a 10,000-zone chart): C0 and C1 controls
# and DEL; a note, a technique and a description may also hold line breaks and tabs.
# The line and paragraph separators (U+2028, U+2029) break a line as "\n" does (a name
# broke the status bar and the card's heading in two); noncharacters (U+FFFE, U+FFFF,
# U+FDD0-U+FDEF; the last two of each plane above, found with the unusual characters) are
# not characters at all and show as boxes.
_NONCHARACTERS = "\ufdd0-\ufdef\ufffe\uffff"
_ASTRAL_NONCHARACTERS = "".join(
    chr(plane << 16 | 0xFFFE) + chr(plane << 16 | 0xFFFF) for plane in range(1, 17)
)


class LazyPattern:
    """A pattern compiled when first searched with: compiling the classes of characters far
    above Latin-1 took about 60 ms of every start, for a chart that has none of them (and
    wording.py's effect words 6 M instructions, for a start that shows no zone's card)."""

    def __init__(self, source: str) -> None:
        self.source = source

    def __getattr__(self, name: str):  # the first search: its methods are kept from then on
        compiled = re.compile(self.source)
        for method in ("search", "findall", "finditer"):
            setattr(self, method, getattr(compiled, method))
        return getattr(compiled, name)


_CONTROLS = LazyPattern(f"[\x00-\x1f\x7f-\x9f\u2028\u2029{_NONCHARACTERS}]")
_CONTROLS_BUT_BREAKS = LazyPattern(f"[\x00-\x08\x0b-\x1f\x7f-\x9f{_NONCHARACTERS}]")
_ASTRAL_NONCHARACTER = LazyPattern(f"[{_ASTRAL_NONCHARACTERS}]")
# The same below U+0300, quick to compile: the characters of _CONTROLS above it are in _HIGH_CONTROLS
_LOW_CONTROLS = re.compile("[\x00-\x1f\x7f-\x9f]")
_LOW_CONTROLS_BUT_BREAKS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_HIGH_CONTROLS = frozenset("\u2028\u2029\ufffe\uffff").union(map(chr, range(0xFDD0, 0xFDF0)))
_HIGH_CONTROLS_BUT_BREAKS = _HIGH_CONTROLS - {"\u2028", "\u2029"}
_SEEN_VISIBLE = re.compile("[0-9A-Za-z]")  # surely visible (see `visible`): no lookup needed

# Invisible characters in a row: an emoji's longest sequence (a flag's tag characters, a
# variation selector before a joiner) has 7; thousands of them made a label draw nothing.
MAX_INVISIBLE_RUN = 8
# Non-spacing marks on one character: real scripts use 1 to 4 (Vietnamese 2, Hebrew points
# with a cantillation mark, Devanagari nukta, vowel sign, candrabindu and a Vedic accent, Arabic
# shadda and harakat); 30 stacked marks rose far above the label in the window and exports.
# Spacing marks (they stand beside their base) and invisible characters between the marks
# neither count nor end the stack. Tibetan subjoined consonants are letters, not marks: they
# do not count here but have their own limit (Tibetan stacks 3, Sanskrit in Tibetan script 4,
# such as ཀྵྨྱཱྀ: three subjoined letters and two vowel signs), so that a tower of them is refused too;
# Hebrew's dagesh and shin and sin dots, drawn inside the letter, do not count either.
MAX_STACKED_MARKS = 4
MAX_SUBJOINED = 6


def _char_class(body: str) -> str:
    """A pattern for one character of class `body` ("a-cx") that is as quick for the common
    characters as a small class: `re` looks a character of the Basic Multilingual Plane up in
    a table, but tries the ranges above it one by one (300 of them for the marks: five times
    slower over the texts of a 10,000-zone chart), so those are tried only for such a character."""
    bmp, astral, i = [], [], 0
    while i < len(body):
        item = body[i : i + 3] if body[i + 1 : i + 2] == "-" else body[i]
        (astral if ord(item[0]) > 0xFFFF else bmp).append(item)
        i += len(item)
    if not astral:
        return f"[{''.join(bmp)}]"
    return f"(?:[{''.join(bmp)}]|(?=[\U00010000-\U0010ffff])[{''.join(astral)}])"


_INVISIBLE = _char_class(INVISIBLE)
_SUBJOINED_CHAR = f"[{SUBJOINED}]"
_NOT_COUNTED = f"[{SUBJOINED}{INSIDE_MARKS}]"
_MARK_CHAR = f"(?!{_NOT_COUNTED}){_char_class(STACKING)}"  # a mark that counts
_TRANSPARENT = f"(?:(?!{_char_class(STACKING)}){_INVISIBLE}|{_char_class(SPACING_MARKS)}|{_NOT_COUNTED})"
_INVISIBLE_RUN = LazyPattern(f"{_INVISIBLE}{{{MAX_INVISIBLE_RUN + 1},}}")
_STACKED = LazyPattern(f"{_MARK_CHAR}(?:{_TRANSPARENT}*{_MARK_CHAR}){{{MAX_STACKED_MARKS},}}")
_STACKING = LazyPattern(_MARK_CHAR)
# subjoined letters under one character: other marks and what is transparent may stand between
_SUBJOINED_STACK = LazyPattern(
    f"{_SUBJOINED_CHAR}(?:(?:{_MARK_CHAR}|{_TRANSPARENT})*?{_SUBJOINED_CHAR}){{{MAX_SUBJOINED},}}"
)
# Whether a text may hold a high control or an unusual character at all: every mark and
# invisible character but the soft hyphen is at U+0300 or above (a text in Latin letters,
# German's included, is passed at once); the ones found are looked up one by one (`_unusual_char`)
_HIGH = re.compile("[^\x00-\xac\xae-\u02ff]")
_LOW_RUN = re.compile("[\x00-\xac\xae-\u02ff]+")
_NO_CHARS: frozenset[str] = frozenset()


def _ranges(body: str) -> list[tuple[str, str]]:
    """The (first, last) characters of the ranges of class body `body` ("a-cx")."""
    items, i = [], 0
    while i < len(body):
        item = body[i : i + 3] if body[i + 1 : i + 2] == "-" else body[i]
        items.append((item[0], item[-1]))
        i += len(item)
    return items


@functools.cache
def _unusual_firsts() -> tuple[list[str], list[str]]:
    """The first and last characters of the sorted ranges of the characters that can begin an
    unusual problem: an invisible character, a mark, a subjoined letter, an astral noncharacter."""
    firsts: list[str] = []
    lasts: list[str] = []
    for first, last in sorted(_ranges(INVISIBLE + STACKING + SUBJOINED + _ASTRAL_NONCHARACTERS)):
        if lasts and first <= chr(ord(lasts[-1]) + 1):  # overlapping or next to the one before
            lasts[-1] = max(lasts[-1], last)
        else:
            firsts.append(first)
            lasts.append(last)
    return firsts, lasts


def _unusual_char(char: str) -> bool:
    firsts, lasts = _unusual_firsts()
    i = bisect.bisect_right(firsts, char) - 1
    return i >= 0 and char <= lasts[i]


def _high(text: str) -> frozenset[str]:
    """The soft hyphens and characters from U+0300 up that `text` holds, each once (a text
    of a million such characters makes one string of them, not a million strings)."""
    if _HIGH.search(text) is None:
        return _NO_CHARS
    return frozenset(_LOW_RUN.sub("", text))


def _may_be_unusual(high: frozenset[str]) -> bool:
    """Whether a text holding these high characters (`_high`) may have an unusual problem."""
    return any(map(_unusual_char, high))


def _control(key: str, text: str, high: frozenset[str]) -> re.Match | None:
    """The first character of `text` (holding `high`) that `key` may not hold (_CONTROLS)."""
    if key in MULTILINE_KEYS:
        return (
            _CONTROLS_BUT_BREAKS if high & _HIGH_CONTROLS_BUT_BREAKS else _LOW_CONTROLS_BUT_BREAKS
        ).search(text)
    return (_CONTROLS if high & _HIGH_CONTROLS else _LOW_CONTROLS).search(text)


def _unusual_problem(key: str, text: str) -> tuple[int, str] | None:
    """Where in `text` (an index) and why it has too many invisible characters in a row or too
    many marks stacked on one character, or None."""
    run = _INVISIBLE_RUN.search(text)
    stack = _STACKED.search(text)
    if run is not None and (stack is None or run.start() <= stack.start()):
        message = _(
            "'{key}' has {count} invisible characters in a row (such as {code}, a zero-width or "
            "format character); at most {limit} may stand together: remove them"
        )
        code = f"U+{ord(run.group()[0]):04X}"
        return run.start(), message.format(
            key=key, count=format_count(len(run.group())), code=code, limit=MAX_INVISIBLE_RUN
        )
    if stack is not None:
        marks = _STACKING.findall(stack.group())
        over = stack.start() + _nth_mark(stack.group(), MAX_STACKED_MARKS)
        message = _(
            "'{key}' has {count} combining marks stacked on one character, which draw far above "
            "or below the line; at most {limit} may stand on one character: remove the others"
        )
        return over, message.format(key=key, count=format_count(len(marks)), limit=MAX_STACKED_MARKS)
    tower = _SUBJOINED_STACK.search(text)
    if tower is not None:
        letters = re.findall(_SUBJOINED_CHAR, tower.group())
        over = tower.start() + [m.start() for m in re.finditer(_SUBJOINED_CHAR, tower.group())][MAX_SUBJOINED]
        message = _(
            "'{key}' has {count} letters subjoined below one character, which draw far below the "
            "line; at most {limit} may stand under one character: remove the others"
        )
        return over, message.format(key=key, count=format_count(len(letters)), limit=MAX_SUBJOINED)
    return None


def _nth_mark(text: str, n: int) -> int:
    """The index in `text` of its stacking mark number `n` (from 0)."""
    return [m.start() for m in _STACKING.finditer(text)][n]


def _problem(key: str, text: str) -> tuple[int, str] | None:
    """Where in `text` (an index of the character it is about) and why it cannot be shown."""
    high = _high(text)
    control = _control(key, text, high)
    if control is not None:
        char = control.group()
        if char in "\n\u2028\u2029":
            return control.start(), _("'{key}' is one line of text: remove the line break").format(key=key)
        if "\ufdd0" <= char <= "\ufdef" or char in "\ufffe\uffff":
            return control.start(), _noncharacter(key, char)
        message = _("'{key}' holds the control character {code}, which shows as a box: remove it")
        return control.start(), message.format(key=key, code=f"U+{ord(char):04X}")
    if not _SEEN_VISIBLE.search(text) and not any(visible(char) for char in text):
        message = _("'{key}' has no visible character: write at least one letter, digit or sign")
        return 0, message.format(key=key)
    if _may_be_unusual(high):
        astral = _ASTRAL_NONCHARACTER.search(text)
        if astral is not None:
            return astral.start(), _noncharacter(key, astral.group())
        return _unusual_problem(key, text)
    return None


def _noncharacter(key: str, char: str) -> str:
    message = _(
        "'{key}' holds {code}, which is not a character (a noncharacter) and shows as a box: remove it"
    )
    return message.format(key=key, code=f"U+{ord(char):04X}")


def text_problem(key: str, text: str) -> str | None:
    """Why chart text `text` (under `key`) cannot be shown, or None: a control character that
    every widget would draw as a box (only a note, a technique and a description may break
    lines); no visible character (a heading, a list row and a label would be empty); more than
    MAX_INVISIBLE_RUN invisible characters in a row (a label of 3,000 zero-width joiners and a
    letter drew nothing); more than MAX_STACKED_MARKS marks stacked on one character."""
    found = _problem(key, text)
    return None if found is None else found[1]


def first_text_problem(by_key: dict[str, list[str]]) -> str | None:
    """`text_problem` of the first text it refuses among these (by key), or None: the same
    answers as asking it of each, found with a few searches of each key's texts joined (for a
    control character, a mark or an invisible character) and one quick search of each text for
    a letter or digit (the 30,000 texts of a 10,000-zone chart's cache entry)."""
    for key, texts in by_key.items():
        joined = " ".join(texts)
        high = _high(joined)
        if (
            _control(key, joined, high) is None
            and all(map(_SEEN_VISIBLE.search, texts))
            and not _may_be_unusual(high)
        ):
            continue  # no control character, a visible character in each, nothing unusual
        problem = next((found for text in texts if (found := text_problem(key, text))), None)
        if problem:
            return problem
    return None


def text_problems(data: Any, path: tuple = ()) -> Iterator[tuple[tuple, str]]:
    """(path, message) of every chart text in a zone file's data (translations too) that
    cannot be shown; see text_problem."""
    for where, key, value in chart_texts(data, path):
        if problem := text_problem(key, value):
            yield where, problem


def chart_texts(data: Any, path: tuple = ()) -> Iterator[tuple[tuple, str, str]]:
    """(path, key, text) of every chart text in a zone file's data (translations too)."""
    if isinstance(data, dict):
        for key, value in data.items():
            if isinstance(value, str):
                if key in TEXT_KEYS:
                    yield path + (key,), key, value
            elif isinstance(value, (dict, list)) and key not in GEOMETRY_KEYS:
                yield from chart_texts(value, path + (key,))
    elif isinstance(data, list):
        for i, value in enumerate(data):
            if isinstance(value, (dict, list)):
                yield from chart_texts(value, path + (i,))


def problem_index(key: str, text: str) -> int:
    """The index in `text` of the character `text_problem` is about: the first control
    character not allowed under `key`; the first character of a text with none visible; the
    first of too many invisible characters in a row; the first mark over the limit on one
    character."""
    found = _problem(key, text)
    return 0 if found is None else found[0]


def problem_place(positions, line: int, column: int, key: str, value: str) -> tuple[int, int]:
    """Where the character `text_problem` is about stands in the file (see char_place)."""
    index = problem_index(key, value)
    char = value[index : index + 1]
    return char_place(positions, line, column, char, value, value.count(char, 0, index) if char else 0)


# How a double-quoted YAML scalar may write a character by escape (besides \xXX, \uXXXX and
# \UXXXXXXXX), by the character.
_NAMED_ESCAPES = {
    "\0": "0", "\a": "a", "\b": "b", "\t": "t", "\n": "n", "\v": "v", "\f": "f", "\r": "r",
    "\x1b": "e", " ": " ", "\x85": "N", "\xa0": "_", "\u2028": "L", "\u2029": "P",
}  # fmt: skip
_SCAN_LIMIT = 1_000_000  # characters of the value's text looked through at most


def _escape_of(char: str) -> re.Pattern:
    """The escapes that write `char` in a double-quoted YAML scalar, after a backslash that
    is not itself escaped (group 1: what follows that backslash)."""
    code = ord(char)

    def hexa(prefix: str, digits: int) -> str:
        return prefix + "".join(
            f"[{d.lower()}{d.upper()}]" if d.isalpha() else d for d in f"{code:0{digits}x}"
        )

    forms = [hexa("x", 2)] if code < 0x100 else []
    forms += [hexa("u", 4)] if code < 0x10000 else []
    forms.append(hexa("U", 8))
    if char in _NAMED_ESCAPES:
        forms.append(re.escape(_NAMED_ESCAPES[char]))
    return re.compile(r"(?<!\\)(?:\\\\)*\\(" + "|".join(forms) + ")")


def char_place(positions, line: int, column: int, char: str, value: str, nth: int = 0) -> tuple[int, int]:
    """Where `char` of chart text `value` stands in the file, for an error about it (the value
    starts at `line`, `column`): its appearance number `nth` (from 0) in the value as written,
    literally or (in double quotes) as an escape; the value's start when the text is not at
    hand."""
    start = positions.offset(line, column) if char else None
    if start is None:
        return line, column
    text = positions.text
    opening = text[start : start + 1]
    body = start + 1 if opening in ("'", '"') else start
    end = min(len(text), body + min(_SCAN_LIMIT, 8 * len(value) + 64))
    escape = _escape_of(char) if opening == '"' else None
    found, cursor = -1, body
    for _seen in range(nth + 1):
        found = text.find(char, cursor, end)
        after = found + len(char)
        escaped = escape.search(text, cursor, end) if escape is not None else None
        if escaped is not None and (found < 0 or escaped.start(1) - 1 < found):
            found, after = escaped.start(1) - 1, escaped.end()  # at its backslash
        if found < 0:
            return line, column
        cursor = after
    return positions.line_column(found)
