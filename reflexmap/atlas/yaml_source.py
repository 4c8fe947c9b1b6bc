"""YAML text → plain Python data, remembering where every value and key came from.

We read the parser's *event stream* (the C parser when available) and build dicts, lists
and scalars ourselves, with an explicit stack:

- PyYAML's composer builds the whole node graph first and recurses once per nesting level
  (100,000 nested brackets crash the interpreter in its C code); reading events, every
  budget (nesting depth, number of values, alias expansion) is enforced *while* reading,
  so a hostile file is refused before it costs time or memory.
- Only the JSON-like core tags are accepted: no Python object is ever built from a file.
- Duplicate keys are errors instead of silently winning.
- An alias reuses the anchored value (no copy) but counts its full size against the
  budget, so a "billion laughs" file is refused after a few thousand events.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from typing import Any

import yaml
from yaml.constructor import SafeConstructor

from ..i18n import N_, _, format_count
from . import limits, stopping, written_numbers, yaml_messages
from .errors import AtlasError, position_in
from .limits import Path
from .long_comments import LONG as LONG_COMMENT
from .long_comments import holds_mark, shortened
from .prescan import prescan

try:  # the C parser is ~10x faster; it is optional in PyYAML builds
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]


_TAG = "tag:yaml.org,2002:"
_SCALAR_TAGS = {_TAG + t for t in ("str", "int", "float", "bool", "null")}
_TEXT_TAGS = {_TAG + "timestamp"}  # unquoted dates: an atlas never needs datetimes, keep the text

_MERGE = object()  # the '<<' merge key, which an atlas does not support
_REPORTED = object()  # a scalar already reported as an error: no follow-on error about it
_SMALLEST, _LARGEST = written_numbers.SMALLEST, written_numbers.LARGEST  # read exactly enough
_UNKNOWN = object()
_PLAIN_TYPES = (str, int, float, bool, type(None))
MAX_KNOWN_PLAIN = 100_000  # distinct plain scalars remembered while reading (100 chars at most)
_NUMBER_TAGS = {_TAG + "int", _TAG + "float"}


def _is_polygon(value: Any) -> bool:
    """A list of points (its first item a list), as opposed to a point (a list of numbers)."""
    return type(value) is list and bool(value) and type(value[0]) is list


_KIND_OF_TAG = {
    _TAG + "int": N_("a whole number"),
    _TAG + "float": N_("a number"),
    _TAG + "bool": N_("true or false"),
    _TAG + "null": N_("nothing (null)"),
}


def _not_allowed(tag: str) -> str:
    return _("tag {tag} is not allowed in an atlas").format(tag=repr(tag))


def _short(text: str) -> str:
    return repr(text) if len(text) <= 40 else repr(text[:37]) + "..."


@dataclass(slots=True)
class Positions:
    """Where values (by their path from the root) and mapping keys start, 1-based.

    Numbers inside lists (the coordinates of a point) are not recorded one by one while
    reading (a chart holds hundreds of thousands): an error about one finds it in the text,
    from the list that holds it."""

    values: dict[Path, tuple[int, int]] = field(default_factory=dict)
    keys: dict[Path, tuple[int, int]] = field(default_factory=dict)
    text: str = ""  # the file's text, to find a number inside a list
    _lines: list[int] | None = None  # where each line starts, once needed
    _parsed_lookups: int = 0  # items placed by the parser (see _item_parsed)
    # lists of points read from the text directly (point_lists.py): their points are placed
    # only when asked
    point_lists: dict[Path, Any] = field(default_factory=dict)
    # those lists again, by id: (the list, its points as (x, y) floats), and the lowest and
    # highest of all their numbers: the schema and the builder take them from here instead
    # of walking 200,000 points of a large chart twice more (see `sound_points`)
    rings: dict[int, tuple[list, tuple]] = field(default_factory=dict)
    numbers_range: tuple[float, float] | None = None

    def read_points(self, value: Any) -> tuple | None:
        """The points of `value` as (x, y) floats, if it is a list of points read from the
        text directly (and still the same list): what `builder._ring` would make of it."""
        known = self.rings.get(id(value))
        return known[1] if known is not None and known[0] is value and len(value) == len(known[1]) else None

    def sound_points(self, value: Any, fewest: int, most: int, low: float, high: float) -> bool:
        """Whether `value` is a list of points read from the text directly with `fewest` to
        `most` points and every number within [low, high] (each point is a list of two
        plain numbers, as read): what the schema's polygon rule asks, known without a walk."""
        return (
            self.numbers_range is not None
            and fewest <= len(value) <= most
            and low <= self.numbers_range[0]
            and self.numbers_range[1] <= high
            and self.read_points(value) is not None
        )

    def of_value(self, path: Path) -> tuple[int, int]:
        """Position of the value at `path`, or of its nearest ancestor that has one."""
        path = tuple(path)
        if path and path not in self.values and type(path[-1]) is int:
            parent = self._placed(path[:-1])
            found = None if parent is None else self._item(parent, path[-1])
            if found is None and parent is not None and path[:-1] not in self.point_lists:
                found = self._item_parsed(parent, path[-1])  # written another way: ask the parser
            if found is not None:
                return found
        while path:
            if path in self.values:
                return self.values[path]
            if self.point_lists and path[:-1] in self.point_lists and type(path[-1]) is int:
                where = self.point_lists[path[:-1]].point_position(path[-1])
                if where is not None:
                    return where
            path = path[:-1]
        return self.values.get((), (1, 1))

    def _placed(self, path: Path) -> tuple[int, int] | None:
        """Where the value at `path` starts, if it was recorded or is a point of a list read
        from the text directly (None otherwise)."""
        if path in self.values:
            return self.values[path]
        if path and type(path[-1]) is int and path[:-1] in self.point_lists:
            return self.point_lists[path[:-1]].point_position(path[-1])
        return None

    def offset(self, line: int, column: int) -> int | None:
        """The index in `text` of a 1-based line and column (None without the text)."""
        if not self.text:
            return None
        if self._lines is None:
            self._lines = [0] + [m.end() for m in re.finditer("\r\n|[\r\n\x85\u2028\u2029]", self.text)]
        if not 0 < line <= len(self._lines):
            return None
        return self._lines[line - 1] + column - 1

    def line_column(self, offset: int) -> tuple[int, int]:
        """The 1-based line and column of index `offset` in `text` (after `offset` was used)."""
        assert self._lines is not None
        row = bisect.bisect_right(self._lines, offset) - 1
        return row + 1, offset - self._lines[row] + 1

    def _item(self, where: tuple[int, int], index: int) -> tuple[int, int] | None:
        """Line and column of item `index` of the list that starts at `where` (flow or block),
        read from the text; None where the text holds anything but plain items before it."""
        if not self.text:
            return None
        if self._lines is None:
            self._lines = [0] + [m.end() for m in re.finditer("\r\n|[\r\n\x85\u2028\u2029]", self.text)]
        line, column = where
        if line - 1 >= len(self._lines):
            return None
        text, start = self.text, self._lines[line - 1] + column - 1
        found = _flow_item(text, start, index) if text.startswith("[", start) else None
        if text.startswith("-", start):
            found = _block_item(text, start, column - 1, index)
        if found is None:
            return None
        row = bisect.bisect_right(self._lines, found) - 1
        return row + 1, found - self._lines[row] + 1

    def _item_parsed(self, where: tuple[int, int], index: int) -> tuple[int, int] | None:
        """Where the parser places item `index` of the list that starts at `where`, for a list
        `_item` cannot read (tags, anchors, comments, nested lists before it): the text from
        the list's start, the rest of its first line blanked, read by the parser as far as
        that item. Only for errors; bounded in number and, at first, in length."""
        if not self.text or self._parsed_lookups >= MAX_PARSED_LOOKUPS:
            return None
        if self._lines is None:
            self._item(where, 0)  # counts the lines
        assert self._lines is not None
        line, column = where
        if line - 1 >= len(self._lines):
            return None
        start = self._lines[line - 1] + column - 1
        if self.text[start : start + 1] not in ("[", "-", "&", "!"):
            return None  # not a list (an anchor or a tag may stand before one)
        self._parsed_lookups += 1
        for window in (_FIRST_WINDOW, len(self.text)):
            found, complete = _nth_item(" " * (column - 1) + self.text[start : start + window], index)
            if found is not None:
                return line + found[0], found[1] + 1
            if complete or start + window >= len(self.text):
                return None
        return None

    def every_value(self) -> dict[Path, tuple[int, int]]:
        """Every value's position, the points of lists read from the text included."""
        found = dict(self.values)
        for path, points in self.point_lists.items():
            for k in range(points.points):
                found[path + (k,)] = points.point_position(k) or found[path]
        return found

    def of_key(self, path: Path) -> tuple[int, int]:
        """Position of the key that introduces `path` (falls back to the value)."""
        return self.keys.get(tuple(path)) or self.of_value(path)


class _PlacedWhenAsked(Positions):
    """Positions of a text read with `parse_yaml(..., lean=True)`: the places of its values
    and keys (and of its point lists) are found when first asked for, by reading the text
    again as `parse_yaml` reads it without `lean` (the same places, so the same messages);
    what the lean reading recorded (the points read from the text, their range) is kept.

    A place asked by `of_value` or `of_key` is first looked for in the text's beginning only
    (`_early`): a file with thousands of mistakes has only its first `MAX_ERRORS` listed, and
    those stand near its start; the whole text is read again only for a place not found there
    (issue 14: 5,000 repeated ids were read twice in full, 3 s, for 100 messages)."""

    __slots__ = ("_source", "_asked", "_early_read", "_early_reach", "_early_end")

    def __init__(self, text: str, source: str):
        self._asked = False
        self._source = source
        self._early_read: Positions | None = None  # places recorded in text[:_early_reach]
        self._early_reach = 0
        self._early_end = (0, 0)  # where the last key read there starts (see _early)
        Positions.__init__(self, text=text)

    def _place(self) -> None:
        self._asked = True
        self._early_read = None
        whole = parse_yaml(self.text, self._source)[1]
        for table in _PLACED:
            table.__set__(self, table.__get__(whole))

    def of_value(self, path: Path) -> tuple[int, int]:
        found = self._early(tuple(path), keys=False)
        return found if found is not None else Positions.of_value(self, path)

    def of_key(self, path: Path) -> tuple[int, int]:
        found = self._early(tuple(path), keys=True)
        return found if found is not None else Positions.of_key(self, path)

    def _early(self, path: Path, keys: bool) -> tuple[int, int] | None:
        """Where the parser places the value (or key) at `path`, if it stands in the text's
        beginning: its first `_EARLY_FIRST` characters read as `_place` reads the whole, then
        its first eighth (then None: the whole is read; a place asked for that is in no
        table, as a number inside a point, costs at most an eighth more so). A place found
        there is the one the whole text gives: the parser's events are the same up to the
        cut, and places are recorded at a value's or key's start, the first one kept. Only
        the last key read may differ (a key cut short by the cut: '? ' over lines); places
        from it on are not taken."""
        if self._asked:
            return None
        text = self.text
        while True:
            early = self._early_read
            if early is not None:
                where = (early.keys if keys else early.values).get(path)
                if where is not None and where < self._early_end:
                    return where
            if early is None:
                reach = _EARLY_FIRST
            elif self._early_reach < len(text) // 8:
                reach = len(text) // 8
            else:
                return None  # the text is read in full
            cut = text.find("\n", reach) + 1
            if cut <= 0 or 2 * cut > len(text):
                return None  # the text is read in full
            early = parse_yaml(text[:cut], self._source)[1]
            self._early_read, self._early_reach = early, cut
            self._early_end = max(early.keys.values(), default=(0, 0))


_PLACED = (Positions.values, Positions.keys, Positions.point_lists)  # (the slots themselves)


def _placed_when_asked(table: Any) -> property:
    def get(self: _PlacedWhenAsked) -> Any:
        if not self._asked:
            self._place()
        return table.__get__(self)

    return property(get, table.__set__)


_PlacedWhenAsked.values = _placed_when_asked(Positions.values)  # type: ignore[assignment]
_PlacedWhenAsked.keys = _placed_when_asked(Positions.keys)  # type: ignore[assignment]
_PlacedWhenAsked.point_lists = _placed_when_asked(Positions.point_lists)  # type: ignore[assignment]


MAX_PARSED_LOOKUPS = 200  # more errors than this are placed at the point or list around them
_FIRST_WINDOW = 64 * 1024  # characters given to the parser first; the rest only if needed
_EARLY_FIRST = 64 * 1024  # characters read first to place a message (see _PlacedWhenAsked._early)


def _nth_item(text: str, index: int) -> tuple[tuple[int, int] | None, bool]:
    """((line, column) from 0, of item `index` of the list that `text` starts with, or None;
    whether the parser read the text without an error up to there or to the list's end)."""
    loader = _Loader(text)
    try:
        depth = items = 0
        while True:
            event = loader.get_event()
            kind = type(event)
            if kind in (yaml.StreamStartEvent, yaml.DocumentStartEvent):
                continue
            if depth == 1 and kind is not yaml.SequenceEndEvent and kind is not yaml.MappingEndEvent:
                if items == index:
                    return (event.start_mark.line, event.start_mark.column), True
                items += 1
            if kind is yaml.SequenceStartEvent or kind is yaml.MappingStartEvent:
                if depth == 0 and kind is not yaml.SequenceStartEvent:
                    return None, True
                depth += 1
            elif kind is yaml.SequenceEndEvent or kind is yaml.MappingEndEvent:
                depth -= 1
                if depth == 0:
                    return None, True
            elif depth == 0:
                return None, True
    except (yaml.YAMLError, UnicodeEncodeError, RecursionError):
        return None, False
    finally:
        loader.dispose()


_FLOW_ITEM = re.compile(r"[ \t\r\n]*+([^\s,\[\]{}#&*!|>'\"][^,\[\]{}#\r\n]*+)")
_BLOCK_DASH = re.compile(r"-[ ]++")


def _flow_item(text: str, start: int, index: int) -> int | None:
    """Offset of item `index` of the flow list whose '[' is at `start`: plain items only."""
    p = start + 1
    for k in range(index + 1):
        m = _FLOW_ITEM.match(text, p)
        if m is None:
            return None
        if k == index:
            return m.start(1)
        p = m.end()
        if not text.startswith(",", p):
            return None
        p += 1
    return None  # pragma: no cover - the loop returns


def _block_item(text: str, start: int, column: int, index: int) -> int | None:
    """Offset of item `index` of the block list whose first '-' is at `start` (`column`):
    each item a plain value after its '- ', one a line (as yaml.dump writes points)."""
    p = start
    for k in range(index + 1):
        m = _BLOCK_DASH.match(text, p)
        if m is None:
            return None
        if k == index:
            value = _FLOW_ITEM.match(text, m.end())
            return m.end() if value is not None and value.start(1) == m.end() else None
        eol = text.find("\n", m.end())
        if eol < 0 or not text.startswith(" " * column + "-", eol + 1):
            return None
        p = eol + 1 + column
    return None  # pragma: no cover - the loop returns


class _Refused(Exception):
    def __init__(self, message: str, mark: Any):
        self.message = message
        self.mark = mark


def _pos(mark: Any) -> tuple[int, int]:
    return (mark.line + 1, mark.column + 1) if mark is not None else (0, 0)


def _too_deep() -> str:
    return limits.too_deep()


def _first_line(exc: Exception) -> str:
    return str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__


class _AsWritten(Exception):
    """Lists read from the text directly did not fit: the text is parsed as written."""


def parse_yaml(
    text: str, source: str, *, keep_data: bool = False, lean: bool = False
) -> tuple[Any, Positions, list[AtlasError]]:
    """Parse one YAML document; returns (data, positions, errors). Data is None on error;
    with `keep_data`, only where the text could not be read to its end (a syntax error, a
    limit): errors about values (`!!int 1.5`, a duplicate key) keep what was read, so that
    they can be placed in it (document.locate: the editor marks the vertex or zone).
    `lean`: the values' and keys' places are not recorded while reading, only found when a
    message first asks for one (_PlacedWhenAsked: the text read again); the loader's read of
    a chart that has no mistake never asks. Errors of the reading itself are placed by the
    parser's marks, as without `lean`: the same errors, every limit checked alike."""
    positions = _PlacedWhenAsked(text, source) if lean else Positions(text=text)
    found = prescan(text)  # an over-limit file is refused before parsing (see prescan.py)
    if found:
        return None, positions, [AtlasError(source, line, col, message) for line, col, message in found]
    from .point_lists import splice

    spliced = splice(text)  # a large chart's point lists, read from the text directly
    if spliced is not None:
        try:
            return *_parse_spliced(spliced, source, text, lean), []
        except _AsWritten:
            pass  # parsed as written below: the same result, or its errors as the parser says
    short = shortened(text) if len(text) > LONG_COMMENT else None
    if short is not None:  # read with its long comments cut (long_comments.py): the same
        found = _parse_events(short, text, source, keep_data, lean)  # lines and columns
        if not found[2] and not holds_mark(found[0]):
            return found
        del found  # a cut was not a comment, or an error: read as written, to say it
        positions = _PlacedWhenAsked(text, source) if lean else Positions(text=text)
    return _parse_events(text, text, source, keep_data, lean, positions)


def _parse_events(
    reading: str, text: str, source: str, keep_data: bool, lean: bool, positions: Positions | None = None
) -> tuple[Any, Positions, list[AtlasError]]:
    """parse_yaml's reading of `reading` event by event: `text`, or `text` with its long
    comments cut (the same lines and columns); places and messages are `text`'s."""
    if positions is None:
        positions = _PlacedWhenAsked(text, source) if lean else Positions(text=text)
    errors: list[AtlasError] = []
    try:
        loader = _Loader(reading)  # the pure-Python reader refuses a control character here
    except yaml.YAMLError as exc:
        return None, positions, [_reader_error(exc, text, source)]
    except UnicodeEncodeError as exc:  # text given as a str with half a UTF-16 pair in it
        line, col = position_in(text, exc.start)
        return (
            None,
            positions,
            [AtlasError(source, line, col, yaml_messages.reader_message(ord(text[exc.start])))],
        )
    try:
        data = _Builder(loader, source, positions, errors, lean=lean).document()
    except _Refused as exc:
        line, col = _pos(exc.mark) if exc.mark is not None else (1, 1)
        return None, positions, [AtlasError(source, line, col, exc.message)]
    except yaml.MarkedYAMLError as exc:
        return None, positions, [_syntax_error(exc, text, source)]
    except yaml.YAMLError as exc:  # reader errors: control characters
        return None, positions, [_reader_error(exc, text, source)]
    finally:
        loader.dispose()
    return (None if errors and not keep_data else data), positions, errors


_BAD_ESCAPE = re.compile("invalid Unicode character escape|hexdecimal number|expected escape sequence")


def _syntax_error(exc: yaml.MarkedYAMLError, text: str, source: str) -> AtlasError:
    """The parser's error in our words (yaml_messages), at the place that explains it."""
    line, col = _pos(exc.problem_mark or exc.context_mark)
    if "maximum nesting depth" in (exc.problem or ""):
        # PyYAML 6.0.4+ stops runaway nesting in its scanner, before our own check sees it;
        # point at the bracket that went too deep, not where the scanner stopped
        line, col = _deep_bracket(text) or (line, col)
        return AtlasError(source, line, col, _too_deep())
    too_long = _long_key(exc, text)
    if too_long is not None:
        line, col, size = too_long
        message = _("this key is {size} characters long; YAML allows at most {limit} characters for a key")
        return AtlasError(
            source, line, col, message.format(size=format_count(size), limit=format_count(_YAML_KEY_CHARS))
        )
    context_mark = exc.context_mark
    unclosed = re.search("end of stream|document (indicator|separator)", exc.problem or "")
    if "quoted scalar" in (exc.context or "") and context_mark is not None and unclosed:
        line, col = _pos(context_mark)  # where the text that is never closed starts
        return AtlasError(source, line, col, yaml_messages.unclosed_quote(exc.problem))
    opened = _open_at_end(text, exc)
    if opened is not None:  # the file ended inside a list or mapping in brackets: where it opens
        (line, col), bracket = opened
        return AtlasError(source, line, col, yaml_messages.never_closed(bracket))
    runaway = _runaway_quote(text, exc.problem_mark)
    if runaway is not None:
        (line, col), (end_line, end_col) = runaway
        message = yaml_messages.runaway_quote(end_line, end_col)
        return AtlasError(source, line, col, message)
    if "simple key" in (exc.context or "") and context_mark is not None and context_mark.line + 1 < line:
        line, col = _pos(context_mark)  # the key with no ':' after it, not the line below it
    at = ""
    if exc.problem_mark is not None:
        offset = exc.problem_mark.index
        at = text[offset : offset + 1] if isinstance(offset, int) else ""
        if isinstance(offset, int) and _BAD_ESCAPE.search(exc.problem or ""):
            # the parser points at the escape's digits: the escape starts at its backslash
            slash = text.rfind("\\", max(0, offset - 9), offset)
            col -= offset - slash if slash >= 0 else 0
    return AtlasError(
        source, line, col, yaml_messages.syntax_message(exc.problem, exc.context, context_mark, line, at)
    )


def _open_at_end(text: str, exc: yaml.MarkedYAMLError) -> tuple[tuple[int, int], str] | None:
    """Where the innermost list or mapping in brackets that is still open when the file ends
    starts, and its bracket, when the parser's error is that the file ended while it wanted a
    value or a closing bracket (`[1, 2,` as the last line: it named a line after the last).
    Quoted texts and comments are skipped; outside brackets, a bracket counts only where a
    value starts."""
    mark = exc.problem_mark
    offset = getattr(mark, "index", None)
    wanted = re.search(r"node content|expected ',' or '[\]}]'", exc.problem or "")
    if not (wanted and isinstance(offset, int) and not text[offset:].strip()):
        return None
    stack: list[int] = []
    i, n = 0, len(text)
    value_start = True  # at a line's start, after ':', '-', ',' or an opening bracket
    while i < n:
        char = text[i]
        if char in "'\"" and (stack or value_start):
            i = _quote_end(text, i)
            value_start = False
            continue
        if char == "#" and (i == 0 or text[i - 1] in " \t\n"):
            end = text.find("\n", i)
            i = n if end < 0 else end
            continue
        if char in "[{" and (stack or value_start):
            stack.append(i)
        elif char in "]}" and stack:
            stack.pop()
        if char in "\n[{,:-":
            value_start = True
        elif char not in " \t\r":
            value_start = False
        i += 1
    if not stack:
        return None
    at = stack[-1]
    line = text.count("\n", 0, at) + 1
    return (line, at - (text.rfind("\n", 0, at) + 1) + 1), text[at]


def _quote_end(text: str, start: int) -> int:
    """The index after the quoted text that opens at `start` (or the end of the text)."""
    quote = text[start]
    i = start + 1
    while i < len(text):
        if quote == '"' and text[i] == "\\":
            i += 2
            continue
        if text[i] == quote:
            if quote == "'" and text[i + 1 : i + 2] == "'":
                i += 2
                continue
            return i + 1
        i += 1
    return len(text)


def _runaway_quote(text: str, mark: Any) -> tuple[tuple[int, int], tuple[int, int]] | None:
    """(where it opens, where it closes) of a quoted text that ends just before the parser's
    error and opened on an earlier line: a quote left open runs on to the next quote in the
    file (YAML allows text in quotes over several lines), and the parser only stumbles after
    that one. The author must be shown the quote that is not closed, not where it ended."""
    offset = getattr(mark, "index", None)
    if not isinstance(offset, int) or offset > len(text):
        return None
    end = offset - 1
    while end >= 0 and text[end] in " \t":
        end -= 1
    if end < 0 or text[end] not in "\"'":
        return None
    quote, start = text[end], end - 1
    while start >= 0:
        start = text.rfind(quote, 0, start + 1)
        if start < 0:
            return None
        escaped = quote == '"' and (start - len(text[:start].rstrip("\\"))) % 2 == 1
        doubled = quote == "'" and start > 0 and text[start - 1] == "'"
        if not escaped and not doubled:
            break
        start -= 2 if doubled else 1
    opened, closed = position_in(text, start), position_in(text, end)
    return (opened, closed) if opened[0] < closed[0] else None


def _reader_error(exc: yaml.YAMLError, text: str, source: str) -> AtlasError:
    """A character the reader refuses, placed where it is. (libyaml counts its offset in
    UTF-8 bytes, the Python reader in characters: the character itself is searched for; it
    is its first occurrence, as the reader stops at the first character it refuses.)"""
    character = getattr(exc, "character", None)
    offset = text.find(chr(character)) if isinstance(character, int) and 0 <= character < 0x110000 else -1
    line, col = position_in(text, offset) if offset >= 0 else (1, 1)
    return AtlasError(source, line, col, yaml_messages.reader_message(character))


_YAML_KEY_CHARS = 1024  # the longest key both YAML parsers read (a "simple key")


def _long_key(exc: yaml.MarkedYAMLError, text: str) -> tuple[int, int, int] | None:
    """(line, column, length) of a key too long for YAML, if that is what the parser met: it
    reports "could not find expected ':'" (block) or "expected ',' or '}'" (flow) at the very
    colon that follows the key, which reads as a missing colon where there is one."""
    mark, context = exc.problem_mark, exc.context or ""
    block = "simple key" in context and exc.context_mark is not None
    flow = context.endswith("flow mapping") and "'}'" in (exc.problem or "")
    nested = (exc.problem or "").startswith("mapping values are not allowed")  # a key indented
    if mark is None or not (block or flow or nested):
        return None
    lines = text.splitlines(keepends=True)  # the same breaks as the parser's (\r, \n, \r\n…)
    if mark.line >= len(lines) or lines[mark.line][mark.column : mark.column + 1] != ":":
        return None
    row = lines[mark.line]
    if block:
        if exc.context_mark.line != mark.line:
            return None  # a key over two lines, not a long one
        start = exc.context_mark.column
    elif nested:
        start = len(row) - len(row.lstrip(" -"))  # after the indentation and any '- '
        if ": " in row[start : mark.column] or row[start : start + 1] in ("{", "["):
            return None  # a value with a colon in it, not a key
    else:
        start = max(row.rfind(ch, 0, mark.column) for ch in "{,") + 1
        while start < mark.column and row[start] in " \t":
            start += 1
    size = len(row[start : mark.column].rstrip(" \t"))
    if size <= _YAML_KEY_CHARS:
        return None
    return mark.line + 1, start + 1, size


def _parse_spliced(spliced: Any, source: str, text: str, lean: bool = False) -> tuple[Any, Positions]:
    """The text with its point lists spliced out, parsed; anything unexpected, any error or
    limit, or a placeholder not put in place raises _AsWritten."""
    # positions are the written text's (splicing keeps them)
    positions = _PlacedWhenAsked(text, source) if lean else Positions(text=text)
    errors: list[AtlasError] = []
    read = _read_points(spliced.lists)
    if read is not None:
        positions.numbers_range = read[2]
    loader = _Loader(spliced.text)  # (its long comments cut: the lists' places are `text`'s)
    try:
        builder = _Builder(loader, source, positions, errors, spliced, lean=lean)
        builder.read = read
        data = builder.document()
    except (_Refused, yaml.YAMLError):
        raise _AsWritten from None
    finally:
        loader.dispose()
    if errors or builder.taken != len(spliced.lists) or (spliced.cut and holds_mark(data)):
        raise _AsWritten
    return data, positions


def _read_points(lists: list) -> tuple[list[list], list[tuple], tuple[float, float]] | None:
    """Every spliced list's points at once: (each list's value as `PointList.values` gives
    it, its points as (x, y) floats, the lowest and highest number of all); one split and one
    conversion over the lists' joined text instead of one per list. None (each list is then
    read alone) if the count of numbers is not what the lists hold."""
    from .point_lists import _SEPARATORS, read_numbers

    joined = "\n".join([points.text[points.start : points.end] for points in lists])
    stopping.check()  # (between the steps over all lists: each a tenth of a second on 10,000 zones)
    # only numbers, '- ', brackets, commas, spaces and line breaks are there (see values())
    tokens = joined.replace("- ", "  ").translate(_SEPARATORS).split()
    if not tokens or len(tokens) != 2 * sum(points.points for points in lists):
        return None
    stopping.check()
    numbers = read_numbers(joined, tokens)  # as values(): the same values
    stopping.check()
    floats = numbers if joined.count(".") == len(tokens) else list(map(float, numbers))
    values, rings, k = [], [], 0
    for points in stopping.each(lists, 256):
        n = 2 * points.points
        pairs = iter(floats[k : k + n])
        ring = tuple(zip(pairs, pairs, strict=True))
        if floats is numbers:
            values.append(list(map(list, ring)))
        else:
            pairs = iter(numbers[k : k + n])
            values.append(list(map(list, zip(pairs, pairs, strict=True))))
        rings.append(ring)
        k += n
    return values, rings, (min(floats), max(floats))


def _deep_bracket(text: str) -> tuple[int, int] | None:
    """Line and column of the first flow bracket nested more than limits.MAX_DEPTH levels deep,
    counting the mapping or list the flow value sits in (outside quotes and comments)."""
    depth, line, start, quote = 0, 1, 0, ""
    for i, char in enumerate(text):
        if char == "\n":
            line, start = line + 1, i + 1
            if depth == 0:
                quote = ""
        elif quote:
            if char == quote:
                quote = ""
        elif char in "'\"":
            quote = char
        elif char in "[{":
            depth += 1
            if depth >= limits.MAX_DEPTH:
                return line, i - start + 1
        elif char in "]}":
            depth = max(0, depth - 1)
    return None


@dataclass(slots=True)
class _Open:
    """A list or mapping being filled, with what is needed to finish it."""

    value: Any
    path: Path
    size: int = 1  # values inside, for alias budgets
    anchor: str | None = None
    key: Any = None  # mappings: the key waiting for its value
    key_mark: Any = None
    has_key: bool = False
    seen: dict[str, int] = field(default_factory=dict)  # mappings: key -> line first given
    bad_key: bool = False  # the key was refused: drop its value
    kind: str = "other"  # lists: which limit applies (see list_limits)
    limit: int = limits.MAX_ITEMS
    flow: bool = False  # written in flow style ([...] or {...})


class _Builder:
    def __init__(
        self,
        loader: Any,
        source: str,
        positions: Positions,
        errors: list[AtlasError],
        spliced: Any = None,
        *,
        lean: bool = False,
    ):
        self.lean = lean  # no places recorded (parse_yaml's `lean`)
        self.spliced = spliced  # point lists read from the text directly (point_lists.py)
        self.spliced_tag = spliced.tag if spliced is not None else None
        self.read: tuple | None = None  # the spliced lists' points read at once (_read_points)
        self.taken = 0  # of those lists, how many were put in place
        self.loader = loader
        self.source = source
        self.positions = positions
        self.errors = errors
        self.scalars = SafeConstructor()
        self.anchors: dict[str, tuple[Any, int]] = {}  # anchor -> (value, size)
        self.nodes = 0
        self.aliases = 0  # aliases used: only then can a value count be inflated by them
        self.limits = limits.list_limits()
        self.plain_values: dict[str, Any] = {}  # plain scalar text -> its value (see _scalar)

    def _error(self, mark: Any, message: str) -> None:
        line, col = _pos(mark)
        self.errors.append(AtlasError(self.source, line, col, message))

    def document(self) -> Any:
        loader = self.loader
        loader.get_event()  # StreamStart
        if loader.check_event(yaml.StreamEndEvent):
            raise _Refused(_("the file is empty"), None)
        loader.get_event()  # DocumentStart
        result = self._value()
        loader.get_event()  # DocumentEnd
        if not loader.check_event(yaml.StreamEndEvent):
            event = loader.get_event()
            raise _Refused(
                _("a second document starts here; a zone file holds a single document (remove the '---')"),
                event.start_mark,
            )
        return result

    def _count(self, amount: int, mark: Any) -> None:
        self.nodes += amount
        if self.nodes > limits.MAX_NODES:
            raise _Refused(limits.too_many_values(aliases=bool(self.aliases)), mark)

    def _value(self) -> Any:
        """Reads one complete value from the event stream, iteratively (no recursion).

        The hot path is a number inside a list (a coordinate): it skips path bookkeeping."""
        stack: list[_Open] = []
        get_event = self.loader.get_event
        lean = self.lean
        positions = keys = None  # (lean: no places recorded)
        if not lean:
            positions, keys = self.positions.values, self.positions.keys
        spliced_tag = self.spliced_tag
        plain_values = self.plain_values
        scalar_event = yaml.ScalarEvent
        max_nodes, max_keys = limits.MAX_NODES, limits.MAX_KEYS
        events, every = 0, stopping.EVERY - 1
        while True:
            event = get_event()
            events += 1
            if not events & every:  # a reading abandoned stops here (opening.py)
                stopping.check()
            kind = type(event)
            parent = stack[-1] if stack else None
            if kind is scalar_event and (tag := event.tag) is not None and tag == spliced_tag:
                value, size = self._point_list(event, parent)
            elif kind is scalar_event:
                self.nodes += 1
                if self.nodes > max_nodes:
                    self._count(0, event.start_mark)
                # a plain scalar read before (a key, a region, a source id): as `_scalar` knows it
                if tag is None and not event.style and event.implicit[0]:
                    value = plain_values.get(event.value, _UNKNOWN)
                    if value is _UNKNOWN:
                        value = self._scalar(event)
                else:
                    value = self._scalar(event)
                size = 1
                if event.anchor:
                    self.anchors[event.anchor] = (value, 1)
                elif parent is not None and type(mapping := parent.value) is dict:
                    # a key or a value of a mapping, the usual way: what `_child_path` and
                    # `_add` would do, written out here (nearly every scalar of a chart whose
                    # point lists were read from the text is one); a key `_add` must look at
                    # (not plain text, a duplicate, one too many) goes the long way
                    if parent.has_key:  # the value of the key before it
                        if not parent.bad_key:
                            key = parent.key
                            if not lean:
                                mark = event.start_mark
                                positions.setdefault(parent.path + (key,), (mark.line + 1, mark.column + 1))
                            mapping[key] = "<<" if value is _MERGE else value
                        parent.size += 1
                        parent.has_key = False
                        continue
                    seen = parent.seen
                    if type(value) is str and value not in seen and len(seen) < max_keys:
                        mark = event.start_mark
                        parent.size += 1
                        parent.has_key, parent.key, parent.key_mark, parent.bad_key = True, value, mark, False
                        line = mark.line + 1
                        seen[value] = line
                        if not lean:
                            keys[parent.path + (value,)] = (line, mark.column + 1)
                        continue
                in_list = parent is not None and type(parent.value) is list
                if not (lean or (in_list and type(value) in (int, float))):
                    path = self._child_path(parent)
                    if path is not None:
                        positions.setdefault(path, _pos(event.start_mark))
                if in_list:
                    if len(parent.value) >= parent.limit:
                        self._over_limit(parent, event)
                    parent.size += 1
                    parent.value.append(value)
                    continue
            elif kind is yaml.MappingStartEvent or kind is yaml.SequenceStartEvent:
                if len(stack) >= limits.MAX_DEPTH:
                    raise _Refused(_too_deep(), event.start_mark)
                self._count(1, event.start_mark)
                if parent is not None and type(parent.value) is list and len(parent.value) >= parent.limit:
                    self._over_limit(parent, event)  # at the item that goes over, where it starts
                path = self._child_path(parent)
                if path is not None and not lean:
                    positions.setdefault(path, _pos(event.start_mark))
                is_map = kind is yaml.MappingStartEvent
                wanted = _TAG + ("map" if is_map else "seq")
                if event.tag not in (None, "!", wanted):
                    self._error(event.start_mark, _not_allowed(event.tag))
                opened = _Open({} if is_map else [], path if path is not None else (), anchor=event.anchor)
                opened.flow = bool(event.flow_style)
                if not is_map:
                    opened.kind = limits.list_kind(path)
                    opened.limit = self.limits[opened.kind][0]
                stack.append(opened)
                continue
            elif kind is yaml.MappingEndEvent or kind is yaml.SequenceEndEvent:
                closed = stack.pop()
                if closed.anchor:
                    self.anchors[closed.anchor] = (closed.value, closed.size)
                value, size = closed.value, closed.size
            elif kind is yaml.AliasEvent:
                if parent is not None and type(parent.value) is list and len(parent.value) >= parent.limit:
                    self._over_limit(parent, event)  # the item over the limit, whatever it is
                if event.anchor not in self.anchors:
                    if any(opened.anchor == event.anchor for opened in stack):  # (not yet closed)
                        raise _Refused(
                            _(
                                "the alias '*{name}' is inside the value '&{name}' names: a value cannot "
                                "hold itself"
                            ).format(name=event.anchor),
                            event.start_mark,
                        )
                    raise _Refused(
                        _("unknown alias '*{name}' (no '&{name}' comes before it)").format(name=event.anchor),
                        event.start_mark,
                    )
                value, size = self.anchors[event.anchor]
                self.aliases += 1
                self._count(size, event.start_mark)
                if parent is not None and type(parent.value) is list and len(parent.value) >= parent.limit:
                    self._over_limit(parent, event)
                path = self._child_path(parent)
                if path is not None and not lean:
                    positions.setdefault(path, _pos(event.start_mark))
            else:  # pragma: no cover - the parser only yields the events above here
                raise _Refused(_("unexpected YAML event {kind}").format(kind=kind.__name__), event.start_mark)
            if not stack:
                return value
            self._add(stack[-1], value, size, event)

    def _point_list(self, event: Any, parent: _Open | None) -> tuple[list, int]:
        """The list a placeholder stands for (see point_lists.py), counted as if it had been
        read: only as the plain value of a key in a block mapping (a flow list also in a flow
        mapping), each once, within every limit; else the text is parsed as written."""
        spliced = self.spliced
        value = event.value
        if (
            parent is None
            or type(parent.value) is not dict
            or not parent.has_key
            or parent.bad_key
            or event.anchor is not None
            or event.style
            or value != str(self.taken)
        ):
            raise _AsWritten
        points = spliced.lists[self.taken]
        if points.block and parent.flow:
            raise _AsWritten
        path = parent.path + (parent.key,)
        kind = limits.list_kind(path)
        size = 1 + 3 * points.points  # the list, and each point's list and two numbers
        if points.points > self.limits[kind][0] or self.nodes + size > limits.MAX_NODES:
            raise _AsWritten  # the parser says where, as it always does
        self.nodes += size
        read = self.read
        if read is not None:
            value = read[0][self.taken]
            self.positions.rings[id(value)] = (value, read[1][self.taken])
        else:
            value = points.values()
        self.taken += 1
        if not self.lean:
            self.positions.values.setdefault(path, points.position())
            self.positions.point_lists[path] = points
        return value, size

    def _over_limit(self, parent: _Open, event: Any) -> None:
        raise _Refused(limits.over_limit(parent.kind), event.start_mark)

    def _child_path(self, parent: _Open | None) -> Path | None:
        if parent is None:
            return ()
        if isinstance(parent.value, list):
            return parent.path + (len(parent.value),)
        if parent.has_key and not parent.bad_key:
            return parent.path + (parent.key,)
        return None  # a key, or the value of a refused key

    def _add(self, parent: _Open, value: Any, size: int, event: Any) -> None:
        parent.size += size
        if isinstance(parent.value, list):
            if parent.kind == "polygon" and not parent.value and _is_polygon(value):
                parent.kind = "parts"  # a zone's list of parts: its own, lower limit
                parent.limit = self.limits["parts"][0]
            parent.value.append("<<" if value is _MERGE else value)
            return
        if not parent.has_key:  # this value is a key
            parent.has_key, parent.key, parent.key_mark, parent.bad_key = True, value, event.start_mark, False
            if value is _MERGE:
                self._error(event.start_mark, _("merge keys ('<<') are not supported in an atlas"))
                parent.bad_key = True
            elif value is _REPORTED:
                parent.bad_key = True
            elif type(value) is not str or not isinstance(event, yaml.ScalarEvent):  # 10, 1e999
                self._error(event.start_mark, _("keys must be plain text (put quotes around it)"))
                parent.bad_key = True
            elif value in parent.seen:
                line = parent.seen[value]
                self._error(
                    event.start_mark,
                    _("duplicate key {key} (first given on line {line})").format(
                        key=_short(value), line=line
                    ),
                )
                parent.bad_key = True
            else:
                if len(parent.seen) >= limits.MAX_KEYS:
                    raise _Refused(limits.too_many_keys(), event.start_mark)
                parent.seen[value] = event.start_mark.line + 1
                if not self.lean:
                    self.positions.keys[parent.path + (value,)] = _pos(event.start_mark)
            return
        if not parent.bad_key:
            parent.value[parent.key] = "<<" if value is _MERGE else value
        parent.has_key = False

    def _scalar(self, event: yaml.ScalarEvent) -> Any:
        """A scalar's value; a plain one read before (a key, a region, a source id) is known."""
        value = event.value
        if (
            event.tag is not None
            or event.style
            or not event.implicit[0]
            or len(value) > limits.MAX_NUMBER_CHARS
        ):
            return self._read_scalar(event)
        known = self.plain_values.get(value, _UNKNOWN)
        if known is _UNKNOWN:
            errors = len(self.errors)
            known = self._read_scalar(event)
            if (
                len(self.errors) == errors
                and type(known) in _PLAIN_TYPES
                and len(self.plain_values) < MAX_KNOWN_PLAIN
            ):
                self.plain_values[value] = known
        return known

    def _read_scalar(self, event: yaml.ScalarEvent) -> Any:
        plain = event.tag is None and not event.style and event.implicit[0]  # (C: "", Python: None)
        value = event.value
        if len(value) > limits.MAX_NUMBER_CHARS:  # bounded before any resolver or conversion sees it
            return self._long_scalar(event, plain)
        if plain:  # a number written in decimal, else the text written (written_numbers.py)
            number = written_numbers.read(value)
            if number is not None:
                if type(number) is float and not _SMALLEST <= abs(number) <= _LARGEST:  # (or 0.0)
                    # 1e999, 1e-400: no float holds them as written; kept as the text written,
                    # marked as a number: refused where a number or text is wanted (schema)
                    if written_numbers.unreadable(value, number) is None:
                        return number
                    return written_numbers.OutOfReach(value)
                return number
            if value == "<<":
                return _MERGE
            return value if value else None  # `off`, `no`, `~`, `010`, `2024-01-01`: as written
        if event.tag is None and not event.implicit[0]:
            return value  # quoted or block text without a tag
        tag = event.tag
        if tag in _NUMBER_TAGS:  # !!int, !!float: written in decimal too
            return self._tagged_number(event, tag)
        if tag is None or tag == "!":
            tag = self.loader.resolve(yaml.ScalarNode, event.value, event.implicit)
        if tag in _TEXT_TAGS:
            return event.value
        if tag == _TAG + "merge":
            return _MERGE
        if tag not in _SCALAR_TAGS:
            self._error(event.start_mark, _not_allowed(tag))
            return None
        kind = _KIND_OF_TAG.get(tag)
        if kind and self.loader.resolve(yaml.ScalarNode, event.value, (True, False)) != tag:
            # `!!bool maybe`, `!!null x`: the text is not one the tag names; PyYAML's
            # constructors look it up unchecked (a KeyError) or ignore it (any text is null)
            self._error(
                event.start_mark,
                _("cannot read {value} as {kind}").format(value=_short(event.value), kind=_(kind)),
            )
            return _REPORTED
        node = yaml.ScalarNode(tag, event.value, event.start_mark, event.end_mark, event.style)
        try:
            return self.scalars.construct_object(node)
        except (yaml.YAMLError, ValueError, OverflowError) as exc:
            message = (
                _("cannot read {value} as {kind}").format(value=_short(event.value), kind=_(kind))
                if kind
                else _("cannot read {value}: {reason}").format(
                    value=_short(event.value), reason=_first_line(exc)
                )
            )
            self._error(event.start_mark, message)
            return None

    def _tagged_number(self, event: yaml.ScalarEvent, tag: str) -> Any:
        number = written_numbers.read(event.value)
        if number is None:
            self._error(event.start_mark, written_numbers.not_decimal(event.value))
            return _REPORTED
        if tag == _TAG + "float":
            number = float(number)
            problem = (
                written_numbers.unreadable(event.value, number)
                if not _SMALLEST <= abs(number) <= _LARGEST
                else None
            )
            if problem is not None:  # as a plain 1e999 is: refused by the schema at its path
                return written_numbers.OutOfReach(event.value)  # (so the editor marks its vertex)
            return number
        if type(number) is not int:
            kind = _(_KIND_OF_TAG[tag])
            self._error(
                event.start_mark,
                _("cannot read {value} as {kind}").format(value=_short(event.value), kind=kind),
            )
            return _REPORTED
        return number

    def _long_scalar(self, event: yaml.ScalarEvent, plain: bool) -> Any:
        """A scalar longer than any number: text within the text limit, or an error."""
        size, limit = len(event.value), limits.max_text_chars()
        if (plain and limits.NUMBERISH.fullmatch(event.value)) or event.tag in _NUMBER_TAGS:
            self._error(event.start_mark, limits.number_too_long(size))
            return _REPORTED
        if size > limit:
            self._error(event.start_mark, limits.text_too_long(size, limit))
            return _REPORTED
        if event.tag not in (None, "!", _TAG + "str"):
            self._error(event.start_mark, _not_allowed(event.tag))
            return _REPORTED
        return event.value  # plain text, quoted text or !!str: no resolver needed
