"""Long comments cut short before the YAML parser reads a text (issue 14: huge files within
the limits).

A comment has no limit of its own: a file of one comment line of 30 MB is within every limit
and is read to its end. libyaml took 0.2 s of CPU for every 20 MB of it and a UTF-8 copy of
the whole text (30 MB more memory; the reading is done again when a message needs places).
The parser is given the text with every comment longer than `LONG` characters cut down to
`#` and a mark (`MARK`): no line is added or removed and nothing before a comment on its
line moves, so every line and column the parser tells is the one in the file as written
(only the offsets from the text's start differ, which yaml_source never uses for a parse
that went through).

What looks like a comment may not be one: `#` after a space inside quotes or in a literal
block (`|`) is text. Such a cut shows: the mark is then inside a value or a key, and the
text is read again as written (`holds_mark`). So is a text whose reading gives any error (a
comment holding a character the parser refuses, or anything else): the parser then says
what it says about the file as written."""

from __future__ import annotations

import re
from typing import Any

LONG = 4096  # characters after the '#': shorter comments are read as they are
MARK = "\ue000\ue001"  # (private use: a text holding it is not cut)
# a '#' and LONG characters of its line; whether it starts a comment is told after
_LONG_COMMENT = re.compile(f"#[^\n\r\x85\u2028\u2029]{{{LONG}}}")
_BREAKS = "\r\x85\u2028\u2029"  # line breaks other than LF, rarer
_STEP = 1 << 20
_BEFORE_COMMENT = " \t\n\r"  # what may stand before a comment's '#' (or the text's start)


def shortened(text: str, begin: int = 0, stop: int | None = None) -> str | None:
    """`text[begin:stop]` with its long comments cut to '#' and MARK, or None if it has none
    (or holds MARK, or a character the parser refuses inside a long comment). A '#' at
    `begin` is told a comment or not by the character before it in `text`."""
    stop = len(text) if stop is None else stop
    if stop - begin <= LONG or text.find("#", begin, stop) < 0:
        return None
    found = _next_long_comment(text, begin, stop)
    if found is None or text.find(MARK, begin, stop) >= 0:
        return None
    from .prescan import _stops_the_parser

    parts, at = [], begin
    while found is not None:
        start = found.start()
        end = min(_line_end(text, found.end()), stop)
        if start == 0 or text[start - 1] in _BEFORE_COMMENT:
            if any(_stops_the_parser(text[k : min(k + _STEP, end)]) for k in range(start, end, _STEP)):
                return None  # the parser refuses it: read as written, to say so
            parts += (text[at:start], "#", MARK)
            at = end
        found = _next_long_comment(text, end, stop)
    if not parts:
        return None
    parts.append(text[at:stop])
    return "".join(parts)


# lines (to a LF) too short to hold a long comment, taken at once (see _next_long_comment)
_SHORT_LINES = re.compile(f"(?:[^\n]{{0,{LONG}}}\n)*+")


def _next_long_comment(text: str, at: int, stop: int) -> re.Match[str] | None:
    """The first `_LONG_COMMENT` in `text[at:stop]`, looked for only in lines long enough to
    hold one (a long comment's characters are no line break: its line, to a LF, is longer
    than LONG). A million short comment lines were each tried from their '#': 0.2 s."""
    while at < stop:
        at = _SHORT_LINES.match(text, at, stop).end()
        end = text.find("\n", at, stop)
        end = stop if end < 0 else end
        found = _LONG_COMMENT.search(text, at, end)
        if found is not None:
            return found
        at = end + 1
    return None


def holds_mark(data: Any) -> bool:
    """Whether a text, key or value anywhere in `data` (as yaml_source reads it: dicts, lists,
    texts, numbers) holds MARK: a cut '#' was not a comment."""
    stack = [data]
    while stack:
        value = stack.pop()
        if isinstance(value, str):
            if MARK in value:
                return True
        elif isinstance(value, dict):
            stack.extend(value.keys())
            stack.extend(value.values())
        elif isinstance(value, list | tuple):
            stack.extend(value)
    return False


def _line_end(text: str, at: int) -> int:
    """Where the line holding `at` ends (its line break, or the text's end): a search in C
    for each kind of break, within the line (no copy of it)."""
    end = text.find("\n", at)
    end = len(text) if end < 0 else end
    for other in _BREAKS:
        found = text.find(other, at, end)
        end = found if found >= 0 else end
    return end
