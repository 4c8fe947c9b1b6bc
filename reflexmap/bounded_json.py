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

import codecs
import json
import re
from collections.abc import Callable
from typing import Any

from . import number_reach
from .i18n import N_, _, format_count

MAX_DEPTH = 64
MAX_NUMBER_CHARS = 100  # a float written in full is at most 24 characters

# strings (escapes skipped; unrolled so the regex never backtracks), brackets and numbers
_TOKENS = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"?|[\[{]|[\]}]|-?[0-9][-+0-9.eE]*', re.DOTALL)


Unheld = number_reach.Unheld  # (read with `loads(nonfinite=True)`)


def dumps(value: Any, **options: Any) -> str:
    """`json.dumps(value, **options)`, with a number read as an `Unheld` written back as it
    was written (1e999, 1e-400), never as Infinity or 0.0: a key this version does not know
    (a newer one's) is kept as it was."""
    plain = json.dumps(value, **options)
    if "Infinity" not in plain and "0.0" not in plain and "e-" not in plain:
        return plain  # (an Unheld is written one of these ways: no walk for most files)
    mark = "RMUNHELD"
    while mark in plain:  # a mark no text of the file holds
        mark += "_"
    held: list[str] = []

    def swap(item: Any) -> Any:
        if type(item) is Unheld:
            held.append(item.written)
            return f"{mark}{len(held) - 1}"
        if type(item) is list:
            return [swap(x) for x in item]
        if type(item) is dict:
            return {k: swap(x) for k, x in item.items()}
        return item

    swapped = swap(value)
    if not held:
        return plain
    return re.sub(rf'"{mark}(\d+)"', lambda m: held[int(m.group(1))], json.dumps(swapped, **options))


MAX_KEPT_FIELDS = 64  # unknown top-level fields of a file kept to be written back
MAX_KEPT_CHARS = 64 * 1024  # each, as JSON


def unknown_fields(data: dict, known: tuple[str, ...]) -> dict[str, Any]:
    """The top-level fields of `data` (read by `loads`) that this version does not know: a
    newer ReflexMap's, written back unchanged when the file is next written (they were
    dropped: the newer version lost them). Bounded as the reader bounds input: at most
    MAX_KEPT_FIELDS fields of at most MAX_KEPT_CHARS each; a value nested too deep (read as
    a TooDeep) is not kept. What is beyond a bound is left out (the .bak still holds it)."""
    kept: dict[str, Any] = {}
    for key, value in data.items():
        if key in known or len(kept) >= MAX_KEPT_FIELDS or deep_in(value) is not None:
            continue
        try:
            if len(dumps(value)) > MAX_KEPT_CHARS:
                continue
        except (TypeError, ValueError, RecursionError):
            continue
        kept[key] = value
    return kept


class Written(float):
    """A decimal number as read with `loads(nonfinite=True)`: the float, knowing the text the
    file wrote for it (`1E5`, `1.50`), so that a message quotes it as written, not as Python
    writes the float (`100000.0`, `1.5`)."""

    written: str

    def __new__(cls, written: str, number: float) -> Written:
        made = super().__new__(cls, number)
        made.written = written
        return made

    def __reduce__(self) -> tuple:
        """Copied (a card's state made a dict by dataclasses.asdict) as what it is: float's
        own way called __new__ with the number alone, and failed."""
        return (type(self), (self.written, float(self)))


class TooDeep:
    """A value nested deeper than the reader's bound, skipped while reading (`loads(
    skip_deep=True)`): where its first bracket too many stands, for the caller to leave out the
    setting or record it is in, alone, at this place."""

    __slots__ = ("line", "column", "limit")

    def __init__(self, line: int, column: int, limit: int):
        self.line, self.column, self.limit = line, column, limit

    def reason(self) -> str:
        return _("values are nested deeper than {limit} levels").format(limit=self.limit)

    def __repr__(self) -> str:
        return f"TooDeep({self.line}, {self.column})"


def deep_in(value: Any) -> TooDeep | None:
    """The first value skipped as too deep in `value` (read by `loads(skip_deep=True)`, so at
    most MAX_DEPTH levels: a walk a level at a time, no recursion), or None."""
    level = [value]
    while level:
        deeper = []
        for item in level:
            if type(item) is TooDeep:
                return item
            if type(item) is list:
                deeper.extend(item)
            elif type(item) is dict:
                deeper.extend(item.values())
        level = deeper
    return None


def _deep_spans(text: str, max_depth: int) -> list[tuple[int, int]]:
    """Where each outermost value nested deeper than `max_depth` starts and ends (its bracket
    too many to the bracket that closes it, or the end of the text): one linear scan."""
    spans, depth, start = [], 0, -1
    for match in _TOKENS.finditer(text):
        first = match.group()[0]
        if first in "[{":
            depth += 1
            if depth == max_depth + 1:
                start = match.start()
        elif first in "]}":
            depth -= 1
            if depth == max_depth and start >= 0:
                spans.append((start, match.end()))
                start = -1
    if start >= 0:
        spans.append((start, len(text)))
    return spans


def _marked_encoding(raw: bytes) -> str:
    """The encoding a byte-order mark names (UTF-16 or UTF-32, as Windows editors save), else
    UTF-8 (its own mark is dropped after decoding)."""
    if raw[:4] in (codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE):
        return "utf-32"
    if raw[:2] in (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE):
        return "utf-16"
    return "utf-8"


def text_of(raw: bytes) -> str:
    """The text `loads` reads in `raw` (its encoding, without a byte-order mark), for finding
    the places of values in it (`places`)."""
    text = raw.decode(_marked_encoding(raw), "replace")
    return text[1:] if text.startswith("\ufeff") else text


class JSONBoundsError(ValueError):
    """Text that is not JSON, or JSON beyond a bound; `line` and `column` count from 1.

    The words are made when they are read (`message`, `str()`), in the interface language of
    then: settings are read before the language they hold is applied."""

    def __init__(self, say: str | Callable[[], str], line: int = 0, column: int = 0):
        self._say, self.line, self.column = say, line, column
        super().__init__(say if isinstance(say, str) else "")

    @property
    def message(self) -> str:
        """A plain sentence about the problem, without its place."""
        return self._say if isinstance(self._say, str) else self._say()

    def __str__(self) -> str:
        if not self.line:
            return self.message
        return _("line {line}, column {column}: {message}").format(
            line=self.line, column=self.column, message=self.message
        )


# Python's json words its errors in English and in its own terms; each is said here as a
# person who opened the file in an editor reads it (the place stays json's).
_JSON_PROBLEMS: tuple[tuple[str, str], ...] = (
    ("Expecting property name", N_('a name in double quotes was expected here (as in "name": value)')),
    ("Expecting ':' delimiter", N_("a ':' is missing after this name")),
    ("Expecting ',' delimiter", N_("a ',' is missing between two entries")),
    ("Unterminated string", N_("this text in double quotes is never closed")),
    ("Invalid control character", N_("a line break or control character stands inside a text in quotes")),
    ("Invalid \\uXXXX escape", N_("an escape '\\u' needs four hexadecimal digits")),
    ("Invalid \\escape", N_("an unknown escape in a text (write '\\\\' for a backslash)")),
    ("Extra data", N_("more text follows after the end of the data")),
    (
        "Illegal trailing comma",
        N_("a ',' stands before the closing bracket; JSON allows none after the last entry"),
    ),
    (
        "Expecting value",
        N_("a value was expected here (a text in double quotes, a number, true, false, null, [ or {)"),
    ),
)


def json_problem(exc: json.JSONDecodeError) -> str:
    """json's error as a plain sentence in the interface language."""
    text, at = exc.doc, exc.pos
    after = _SPACE.match(text, at).end()
    before = at
    while before > 0 and text[before - 1] in " \t\r\n":
        before -= 1
    if exc.msg.startswith(("Expecting ',' delimiter", "Expecting ':' delimiter")) and after >= len(text):
        # cut off after an entry: nothing is missing "between" entries, the rest is
        return _("the file ends in the middle of the data (a value or a closing bracket is missing)")
    if exc.msg.startswith(("Expecting value", "Expecting property name")):
        if not text.strip(" \t\r\n"):
            return _("the file is empty")
        if after >= len(text):
            return _("the file ends in the middle of the data (a value or a closing bracket is missing)")
        if text[before - 1 : before] == "," and text[after] in "]}":
            return _("a ',' stands before the closing bracket; JSON allows none after the last entry")
    for start, message in _JSON_PROBLEMS:
        if exc.msg.startswith(start):
            return _(message)
    return _("JSON syntax error: {problem}").format(problem=exc.msg)


class _TooLong(Exception):
    pass


_REFUSED = object()
_SPACE = re.compile(r"[ \t\r\n]*")


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
                    lambda: _("values are nested deeper than {limit} levels").format(limit=max_depth),
                    *_position(text, match.start()),
                )
        elif first in "]}":
            depth -= 1
        elif match.end() - match.start() > max_number:
            length = match.end() - match.start()
            return JSONBoundsError(
                lambda length=length: _("a number of {count} characters; the limit is {limit}").format(
                    count=format_count(length), limit=format_count(max_number)
                ),
                *_position(text, match.start()),
            )
    return None


def _first_unheld(text: str) -> JSONBoundsError | None:
    """The first number outside strings that no float holds as written, said at its place."""
    for match in _TOKENS.finditer(text):
        written = match.group()
        if written[0] in '"[{]}' or not ("e" in written or "E" in written):  # (100 digits at most)
            continue
        try:
            number = float(written)
        except ValueError:  # pragma: no cover - json read it
            continue
        if number_reach.SMALLEST <= abs(number) <= number_reach.LARGEST:
            continue
        if number_reach.unreadable(written, number) is not None:
            return JSONBoundsError(
                lambda w=written, n=number: number_reach.unreadable(w, n) or "",
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
    skip_deep: bool = False,
    repeats: list[Repeated] | None = None,
) -> Any:
    """Parse JSON within bounds; raises JSONBoundsError (a ValueError) for anything else.

    `max_depth=None` skips walking what was built for its depth (still refusing nesting
    deep enough to exhaust the recursion limit): for a caller that checks the type of every
    value it takes, so that anything nested deeper than it expects is refused there anyway.

    NaN and Infinity are refused (`nonfinite`: read as floats, for a caller that checks every
    value's range, so that one such value is refused alone). So is a number no float holds as
    written (1e999, 1e-400), quoting it at its place as a zone file does ("this number is too
    large to read: '1e999'"; `nonfinite`: read as an `Unheld`, for the caller to refuse alone),
    and a whole number longer than `max_number` (`nonfinite`: an `Unheld` too, never converted).
    With `nonfinite`, every other decimal number is read as a `Written` (the float knowing its
    text, so that a message quotes it as the file wrote it).

    `skip_deep`: a value nested deeper than `max_depth` is skipped while reading (without
    recursion) and read as a `TooDeep` holding its place, for a caller that leaves out the
    setting or record it stands in alone; the other values are read.

    `repeats`: a list that gets each key written twice in one object (json keeps the later
    value, and so does this), for the caller to say so; without it they are not looked for."""
    if len(raw) > max_bytes:
        size = len(raw)
        raise JSONBoundsError(
            lambda: _("the file is {size} bytes; the limit is {limit}").format(
                size=format_count(size), limit=format_count(max_bytes)
            )
        )
    if isinstance(raw, bytes):
        encoding = _marked_encoding(raw)
        try:
            text = raw.decode(encoding)
        except UnicodeDecodeError as exc:
            if encoding != "utf-8":  # marked as UTF-16 or UTF-32, and not that
                raise JSONBoundsError(
                    lambda: _("the file starts with the mark of {encoding} text but is not").format(
                        encoding=encoding.upper()
                    )
                ) from None
            byte = raw[exc.start]
            before = raw[: exc.start].decode("utf-8", "replace")
            line, column = _position(before, len(before))
            raise JSONBoundsError(
                lambda: _("not UTF-8 text (byte 0x{byte:02x})").format(byte=byte), line, column
            ) from None
    else:
        text = raw
    if text.startswith("\ufeff"):  # a byte-order mark (an editor's, on Windows): not the data's
        text = text[1:]

    def whole(digits: str) -> int | Unheld:
        if len(digits) > max_number:
            if nonfinite:  # never converted: refused alone by the caller, quoting its start
                return Unheld(digits, float("-inf" if digits[0] == "-" else "inf"))
            raise _TooLong
        return int(digits)

    unheld: list[str] = []

    def decimal(written: str) -> float:
        number = float(written)
        if number_reach.SMALLEST <= abs(number) <= number_reach.LARGEST or (
            number_reach.unreadable(written, number) is None
        ):
            return Written(written, number) if nonfinite else number
        if nonfinite:
            return Unheld(written, number)
        unheld.append(written)
        return number

    def constant(name: str) -> Any:
        if nonfinite:
            return float(name)
        raise JSONBoundsError(lambda: _("{name} is not a number this file may hold").format(name=name))

    twice: list[bool] = []

    def pairs(items: list[tuple[str, Any]]) -> dict[str, Any]:
        made = dict(items)  # the later value of a key written twice, as json keeps it
        if len(made) != len(items):
            twice.append(True)
        return made

    hooks = {} if repeats is None else {"object_pairs_hook": pairs}

    def parse(source: str, spans: list[tuple[int, int]] = ()) -> Any:
        try:
            return json.loads(source, parse_int=whole, parse_float=decimal, parse_constant=constant, **hooks)
        except json.JSONDecodeError as exc:
            line, column = (
                _position(text, _original_offset(exc.pos, spans)) if spans else (exc.lineno, exc.colno)
            )
            raise JSONBoundsError(lambda e=exc: json_problem(e), line, column) from None
        except (RecursionError, _TooLong):
            return _REFUSED
        except JSONBoundsError as exc:  # NaN or Infinity: said at its place
            if not exc.line:
                exc.line, exc.column = _first_constant(text)
            raise
        except ValueError as exc:  # pragma: no cover - a bound json has that the scan did not see
            raise JSONBoundsError(lambda e=exc: _("JSON syntax error: {problem}").format(problem=e)) from None

    value = parse(text)
    walk = max_depth is not None and type(value) in (list, dict)
    if value is _REFUSED or (walk and _depth_exceeds(value, max_depth)):
        scan_depth = MAX_DEPTH if max_depth is None else max_depth
        spans = _deep_spans(text, scan_depth) if skip_deep else []
        if spans:
            value = _read_skipping(text, spans, scan_depth, parse)
        if not spans or value is _REFUSED:
            raise _first_beyond(text, scan_depth, max_number) or JSONBoundsError(
                lambda: _("values are nested too deeply")
            )
    if unheld:
        raise _first_unheld(text) or JSONBoundsError(
            lambda w=unheld[0]: number_reach.unreadable(w, float(w)) or ""
        )
    if twice and repeats is not None:  # (found by one scan, only when there is one)
        repeats.extend(repeated_keys(text))
    return value


class Repeated:
    """A key written a second time in one object: where it stands (its value is the one
    used, as json keeps the later one) and where the key was first written."""

    __slots__ = ("key", "line", "column", "first_line", "first_column")

    def __init__(self, key: str, line: int, column: int, first_line: int, first_column: int):
        self.key, self.line, self.column = key, line, column
        self.first_line, self.first_column = first_line, first_column

    def __repr__(self) -> str:
        return f"Repeated({self.key!r}, {self.line}, {self.column})"


def repeated_keys(text: str) -> list[Repeated]:
    """Every key written again in the object it was first written in (JSON read by `loads`),
    in the order of the text: one linear scan (lines counted as it goes), no recursion."""
    found: list[Repeated] = []
    keys: list[dict[str, tuple[int, int]] | None] = []  # each open bracket: an object's keys, or None
    key_next = False
    line, line_start, counted = 1, 0, 0  # the line, where it starts, how far it is counted

    for match in _PARTS.finditer(text):
        part = match.group()
        first = part[0]
        if first == ",":
            key_next = bool(keys) and keys[-1] is not None
        elif first == "{":
            keys.append({})
            key_next = True
        elif first == "[":
            keys.append(None)
            key_next = False
        elif first in "]}":
            if keys:
                keys.pop()
            key_next = False
        elif first != ":" and key_next:
            key_next = False
            at = match.start()
            breaks = text.count("\n", counted, at)
            if breaks:
                line += breaks
                line_start = text.rfind("\n", counted, at) + 1
            counted = at
            try:
                key = json.loads(part)
            except ValueError:  # pragma: no cover - loads read the text
                continue
            seen = keys[-1]
            if key in seen:
                found.append(Repeated(key, line, at - line_start + 1, *seen[key]))
            else:
                seen[key] = (line, at - line_start + 1)
    return found


def _original_offset(offset: int, spans: list[tuple[int, int, int]]) -> int:
    """Where `offset` in the text with the deep values replaced (`_read_skipping`) stands in
    the text as written."""
    shift = 0
    for start, end, length in spans:
        if offset < start + shift:
            break
        if offset < start + shift + length:
            return start
        shift += length - (end - start)
    return offset - shift


def _read_skipping(text: str, spans: list[tuple[int, int]], limit: int, parse: Callable) -> Any:
    """`text` read with each value in `spans` (too deep) replaced by a text no file holds (a
    random mark), then that text by a `TooDeep` at the value's place."""
    import secrets  # (here: at import it loaded OpenSSL's hashlib into every start, ~13 M instructions)

    mark = "RMDEEP" + secrets.token_hex(8) + "-"
    pieces, at, replaced = [], 0, []
    for index, (start, end) in enumerate(spans):
        stand_in = f'"{mark}{index}"'
        pieces += [text[at:start], stand_in]
        replaced.append((start, end, len(stand_in)))
        at = end
    pieces.append(text[at:])
    value = parse("".join(pieces), replaced)
    if value is _REFUSED:
        return value
    skipped = [TooDeep(*_position(text, start), limit) for start, _end in spans]

    def swap(item: Any) -> Any:
        if type(item) is str and item.startswith(mark):
            return skipped[int(item[len(mark) :])]
        return item

    if type(value) is str:
        return swap(value)
    level = [value] if type(value) in (list, dict) else []
    while level:  # at most `limit` levels: no recursion
        deeper = []
        for item in level:
            keys = item.keys() if type(item) is dict else range(len(item))
            for key in keys:
                child = item[key]
                if type(child) is str:
                    item[key] = swap(child)
                elif type(child) in (list, dict):
                    deeper.append(child)
        level = deeper
    return value


# strings, the six marks of JSON and the words and numbers between them (never backtracks)
_PARTS = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"?|[\[\]{}:,]|[^\s\[\]{}:,"]+')


def _first_constant(text: str) -> tuple[int, int]:
    """Where the first NaN, Infinity or -Infinity outside a text stands (0, 0: nowhere)."""
    for match in _PARTS.finditer(text):
        if match.group() in ("NaN", "Infinity", "-Infinity"):
            return _position(text, match.start())
    return 0, 0


def places(text: str, wanted: set[tuple]) -> dict[tuple, tuple[int, int]]:
    """Where each value named in `wanted` starts in `text` (JSON read by `loads`): its line and
    column from 1. A value is named by the keys and list indexes that lead to it, from the top
    ("values", "chart/recent", 2). One linear scan of the text, made only when a value read
    from it cannot be used; with a key written twice, the later one (the one json keeps)."""
    found: dict[tuple, int] = {}
    frames: list[list] = []  # [in an object, key or index, a key comes next]
    longest = max((len(path) for path in wanted), default=0)
    for match in _PARTS.finditer(text):
        part = match.group()
        first = part[0]
        if first == ",":
            if frames:
                if frames[-1][0]:
                    frames[-1][2] = True
                else:
                    frames[-1][1] += 1
            continue
        if first == ":":
            continue
        if first in "]}":
            if frames:
                frames.pop()
            continue
        if frames and frames[-1][0] and frames[-1][2]:  # a key
            try:
                frames[-1][1] = json.loads(part)
            except ValueError:
                frames[-1][1] = None
            frames[-1][2] = False
            continue
        if len(frames) <= longest:  # (deeper: no value wanted; no tuple made for each of 200,000)
            here = tuple(frame[1] for frame in frames)
            if here in wanted:
                found[here] = match.start()
        if first in "[{":
            frames.append([first == "{", None if first == "{" else 0, first == "{"])
    return {path: _position(text, at) for path, at in found.items()}


def top_place(raw: bytes) -> tuple[int, int]:
    """(line, column), from 1, where the top-level value of `raw` starts: the place of "this is
    not a file of ours" (a list, a number or a string where an object is due)."""
    body = raw[3:] if raw.startswith(b"\xef\xbb\xbf") else raw  # (a byte-order mark is no column)
    start = len(body) - len(body.lstrip(b" \t\r\n"))  # (only spaces before it: bytes are characters)
    line = body.count(b"\n", 0, start) + 1
    column = start - (body.rfind(b"\n", 0, start) + 1) + 1
    return line, column
