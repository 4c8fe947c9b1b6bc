"""JSON from a file ReflexMap did not necessarily write (settings, progress, the chart
cache), with every size bounded before anything is converted or built.

Python's `json` recurses once per nesting level (200,000 brackets are a RecursionError)
and converts a whole number of any length (4,300 digits are a ValueError, a few million
take minutes). Here the size of the file is checked before decoding, every whole number's
length before it is converted, and the nesting depth of what was built; whatever is
refused gets its line and column (found by one linear scan, only when something is wrong).
Pure Python: no Qt.
"""

from __future__ import annotations

import json
import re
from typing import Any

MAX_DEPTH = 64
MAX_NUMBER_CHARS = 100  # a float written in full is at most 24 characters

# strings (escapes skipped; unrolled so the regex never backtracks), brackets and numbers
_TOKENS = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"?|[\[{]|[\]}]|-?[0-9][-+0-9.eE]*', re.DOTALL)


class JSONBoundsError(ValueError):
    """Text that is not JSON, or JSON beyond a bound; `line` and `column` count from 1."""

    def __init__(self, message: str, line: int = 0, column: int = 0):
        self.message, self.line, self.column = message, line, column
        super().__init__(f"line {line}, column {column}: {message}" if line else message)


class _TooLong(Exception):
    pass


_REFUSED = object()


def _position(text: str, offset: int) -> tuple[int, int]:
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1


def _first_beyond(text: str, max_depth: int, max_number: int) -> JSONBoundsError | None:
    """The first bracket nested deeper than `max_depth` or number longer than `max_number`."""
    depth = 0
    for match in _TOKENS.finditer(text):
        first = match.group()[0]
        if first == '"':
            continue
        if first in "[{":
            depth += 1
            if depth > max_depth:
                return JSONBoundsError(
                    f"values are nested deeper than {max_depth} levels", *_position(text, match.start())
                )
        elif first in "]}":
            depth -= 1
        elif match.end() - match.start() > max_number:
            return JSONBoundsError(
                f"a number of {match.end() - match.start():,} characters; the limit is {max_number}",
                *_position(text, match.start()),
            )
    return None


def _depth_exceeds(value: Any, max_depth: int) -> bool:
    """Iteratively, a level at a time: is `value` nested deeper than `max_depth`? (A level's
    containers in one list: a chart cache's 200,000 points are checked in ~20 ms.)"""
    level = [value] if type(value) in (list, dict) else []
    depth = 1
    while level:
        if depth > max_depth:
            return True
        deeper = []
        for item in level:
            for child in item.values() if type(item) is dict else item:
                if type(child) is list or type(child) is dict:
                    deeper.append(child)
        level = deeper
        depth += 1
    return False


def loads(
    raw: bytes | str,
    *,
    max_bytes: int,
    max_depth: int | None = MAX_DEPTH,
    max_number: int = MAX_NUMBER_CHARS,
    nonfinite: bool = False,
) -> Any:
    """Parse JSON within bounds; raises JSONBoundsError (a ValueError) for anything else.

    `max_depth=None` skips walking what was built for its depth (still refusing nesting
    deep enough to exhaust the recursion limit): for a caller that checks the type of every
    value it takes, so that anything nested deeper than it expects is refused there anyway.

    NaN and Infinity are refused (`nonfinite`: read as floats, for a caller that checks every
    value's range, so that one such value is refused alone); a float too large to be finite
    reads as inf, which the caller's range check refuses like any other out-of-range value."""
    if len(raw) > max_bytes:
        raise JSONBoundsError(f"the file is {len(raw):,} bytes; the limit is {max_bytes:,}")
    if isinstance(raw, bytes):
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise JSONBoundsError(f"not UTF-8 text (byte 0x{raw[exc.start]:02x})") from None
    else:
        text = raw

    def whole(digits: str) -> int:
        if len(digits) > max_number:
            raise _TooLong
        return int(digits)

    def constant(name: str) -> Any:
        if nonfinite:
            return float(name)
        raise JSONBoundsError(f"{name} is not a number this file may hold")

    try:
        value = json.loads(text, parse_int=whole, parse_constant=constant)
    except json.JSONDecodeError as exc:
        raise JSONBoundsError(f"not valid JSON: {exc.msg}", exc.lineno, exc.colno) from None
    except (RecursionError, _TooLong):
        value = _REFUSED
    except JSONBoundsError:
        raise
    except ValueError as exc:  # pragma: no cover - a bound json has that the scan did not see
        raise JSONBoundsError(f"not valid JSON: {exc}") from None
    walk = max_depth is not None and type(value) in (list, dict)
    if value is _REFUSED or (walk and _depth_exceeds(value, max_depth)):
        scan_depth = MAX_DEPTH if max_depth is None else max_depth
        raise _first_beyond(text, scan_depth, max_number) or JSONBoundsError("values are nested too deeply")
    return value
