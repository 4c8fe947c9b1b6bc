"""Text helpers shared by the lists, the quiz and the checks: ordering names as people read
them, and which chart texts can be shown at all."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from typing import Any

from ..i18n import _

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
_CONTROLS = re.compile("[\x00-\x1f\x7f-\x9f]")
_CONTROLS_BUT_BREAKS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_SEEN_VISIBLE = re.compile("[0-9A-Za-z]")  # surely visible (see `visible`): no lookup needed


def text_problem(key: str, text: str) -> str | None:
    """Why chart text `text` (under `key`) cannot be shown, or None: it has no visible character
    (a heading, a list row and a label would be empty), or a control character that every widget
    would draw as a box (only a note, a technique and a description may break lines)."""
    control = (_CONTROLS_BUT_BREAKS if key in MULTILINE_KEYS else _CONTROLS).search(text)
    if control is not None:
        char = control.group()
        if char == "\n":
            return _("'{key}' is one line of text: remove the line break").format(key=key)
        return _("'{key}' holds the control character {code}, which shows as a box: remove it").format(
            key=key, code=f"U+{ord(char):04X}"
        )
    if not _SEEN_VISIBLE.search(text) and not any(visible(char) for char in text):
        return _("'{key}' has no visible character: write at least one letter, digit or sign").format(key=key)
    return None


def first_text_problem(by_key: dict[str, list[str]]) -> str | None:
    """`text_problem` of the first text it refuses among these (by key), or None: the same
    answers as asking it of each, found with one search of each key's texts joined for a
    control character and one quick search of each text for a letter or digit (the 30,000
    texts of a 10,000-zone chart's cache entry)."""
    for key, texts in by_key.items():
        controls = _CONTROLS_BUT_BREAKS if key in MULTILINE_KEYS else _CONTROLS
        if controls.search(" ".join(texts)) is None and all(map(_SEEN_VISIBLE.search, texts)):
            continue  # no control character, and a visible character in each
        problem = next((found for text in texts if (found := text_problem(key, text))), None)
        if problem:
            return problem
    return None


def text_problems(data: Any, path: tuple = ()) -> Iterator[tuple[tuple, str]]:
    """(path, message) of every chart text in a zone file's data (translations too) that
    cannot be shown; see text_problem."""
    if isinstance(data, dict):
        for key, value in data.items():
            if isinstance(value, str):
                if key in TEXT_KEYS and (problem := text_problem(key, value)):
                    yield path + (key,), problem
            elif isinstance(value, (dict, list)) and key not in GEOMETRY_KEYS:
                yield from text_problems(value, path + (key,))
    elif isinstance(data, list):
        for i, value in enumerate(data):
            if isinstance(value, (dict, list)):
                yield from text_problems(value, path + (i,))


def problem_char(key: str, text: str) -> str:
    """The character `text_problem` is about: the first control character not allowed under
    `key`, else (no visible character) the first character."""
    for char in text:
        code = ord(char)
        if (code < 32 or 0x7F <= code <= 0x9F) and not (char in "\n\t" and key in MULTILINE_KEYS):
            return char
    return text[:1]


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


def char_place(positions, line: int, column: int, char: str, value: str) -> tuple[int, int]:
    """Where `char` of chart text `value` stands in the file, for an error about it (the value
    starts at `line`, `column`): its first appearance in the value as written, literally or
    (in double quotes) as an escape; the value's start when the text is not at hand."""
    start = positions.offset(line, column) if char else None
    if start is None:
        return line, column
    text = positions.text
    opening = text[start : start + 1]
    body = start + 1 if opening in ("'", '"') else start
    end = min(len(text), body + min(_SCAN_LIMIT, 8 * len(value) + 64))
    found = text.find(char, body, end)
    if opening == '"':
        escaped = _escape_of(char).search(text, body, end)
        if escaped is not None and (found < 0 or escaped.start(1) - 1 < found):
            found = escaped.start(1) - 1  # at its backslash
    if found < 0:
        return line, column
    return positions.line_column(found)
