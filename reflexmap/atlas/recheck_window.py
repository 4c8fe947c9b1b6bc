"""The loader's parse of a chart after an edit made on a few zones' text (local_edit.py), put
together from the parse before it and a parse of those zones' new text alone, instead of
parsing the whole chart again (3 to 5 s of CPU on a chart of 10,000 zones written as block
lists, as `yaml.safe_dump` writes them).

local_edit.py replaces the text of a window of whole lines (the items of `zones:` from the
first zone it touches to the last) and says so in the new document's basis (`Window`). The
values and keys before the window stay where they were; those after it move down or up by
the lines the window gained or lost, and a zone after it gets the index it has now (a zone
added or deleted); those inside come from the loader's parse of `zones:` and the window's
new text (the same parser, the same rules, the lines counted as it counts them). Limits the
parser counts over the whole file (values in the document) are counted again when the
window grows. Where this could differ from a parse of the whole text (a parse error in the
window, a value placed in the window that is not one of its zones, the zones not found where
the basis says) `spliced` returns None and the whole text is parsed.
`tests/atlas/test_recheck_window.py` compares the two after random edits of charts written
in every style the loader reads. No Qt.
"""

from __future__ import annotations

import dataclasses
import re
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .document import ChartDocument
    from .yaml_source import Positions

HEAD = "zones:\n"  # what the window's text is parsed under (as local_edit.py loads it)
_BREAK = re.compile("\r\n|[\r\n\x85\u2028\u2029]")  # what the parser counts as a new line
_OTHER_BREAKS = re.compile("[\r\x85\u2028\u2029]")
_COUNTS: list[tuple[Any, int]] = []  # (data, its values as the parser counts them), a few
SPLICE = [True]  # benchmarks turn it off to measure the whole text parsed beside it


@dataclasses.dataclass(frozen=True, slots=True)
class Before:
    """A document was made from `before` by an edit of its zones (the round trip)."""

    before: ChartDocument


@dataclasses.dataclass(frozen=True, slots=True)
class Window(Before):
    """A document made from `before` by replacing its text from `start` to `end` (whole
    lines: zones `first` to `first + old_count - 1` and the lines around them) with `new`,
    which holds `new_count` zones. `points_of`: the index of the one zone whose points alone
    the edit changed (a drag, a nudge), or None."""

    start: int = 0
    end: int = 0
    new: str = ""
    first: int = 0
    old_count: int = 0
    new_count: int = 0
    points_of: int | None = None


def parsed_data(document: ChartDocument) -> tuple[Any, Any] | None:
    """(data, positions) of the document's text as the loader parses it; None when it does
    not parse. Kept with the document: the data must not be changed. (Here, not in
    document.py: the zones' recheck and the edits ask for it, and the document asks them.)"""
    if not document.parsed:
        from .yaml_source import parse_yaml

        found = spliced(document)  # made by an edit of a few zones' text: those parsed alone
        if found is not None:
            document.parsed.append(found)
            return found
        data, positions, errors = parse_yaml(document.text, document.source)
        if errors:
            return None
        document.parsed.append((data, positions))
    return document.parsed[0]


def spliced(document: ChartDocument) -> tuple[Any, Positions] | None:
    """(data, positions) of `document.text` as `yaml_source.parse_yaml` gives them, from its
    basis (a `Window` whose document before it was parsed), or None."""
    from .yaml_source import parse_yaml

    basis = document.basis[0] if document.basis else None
    if not SPLICE[0] or not isinstance(basis, Window) or not basis.before.parsed:
        return None
    before = basis.before
    old_data, old_positions = before.parsed[0]
    old_text, text = before.text, document.text
    zones = old_data.get("zones") if type(old_data) is dict else None
    first, count = basis.first, basis.old_count
    if (
        old_positions.text is not old_text
        or type(zones) is not list
        or not 0 <= first <= first + count <= len(zones)
        or len(text) != len(old_text) - (basis.end - basis.start) + len(basis.new)
        or not text.startswith(basis.new, basis.start)
    ):
        return None
    reduced = HEAD + basis.new + ("" if basis.new.endswith("\n") else "\n")
    window_data, window_positions, errors = parse_yaml(reduced, document.source)
    if errors or type(window_data) is not dict or list(window_data) != ["zones"]:
        return None
    window_zones = window_data["zones"]
    if type(window_zones) is not list or len(window_zones) != basis.new_count:
        return None
    total = _values_within_limits(old_data, zones[first : first + count], window_zones)
    if total is None:
        return None
    positions = _positions(basis, old_positions, window_positions, old_text, text)
    if positions is None:
        return None
    data = dict(old_data)  # the same keys in the same order, the zones' list new
    data["zones"] = [*zones[:first], *window_zones, *zones[first + count :]]
    if total >= 0:
        _COUNTS.insert(0, (data, total))
        del _COUNTS[4:]
    return data, positions


def _breaks(text: str, start: int = 0, end: int | None = None) -> int:
    """New lines in text[start:end] as the parser counts them."""
    end = len(text) if end is None else end
    if _OTHER_BREAKS.search(text, start, end) is None:
        return text.count("\n", start, end)
    return sum(1 for _ in _BREAK.finditer(text, start, end))


def _positions(
    basis: Window, old: Positions, window: Positions, old_text: str, text: str
) -> Positions | None:
    from .point_lists import PointList
    from .yaml_source import Positions

    first, count, new_count = basis.first, basis.old_count, basis.new_count
    top = _breaks(old_text, 0, basis.start) + 1  # the window's first line
    old_lines = _breaks(old_text, basis.start, basis.end)
    if not old_text.endswith("\n", 0, basis.end) and basis.end < len(old_text):
        return None  # (local_edit.py's windows are whole lines)
    below = top + old_lines  # the first line after the window
    lines = _breaks(basis.new) - old_lines
    chars = len(basis.new) - (basis.end - basis.start)
    renumber = new_count - count
    lazy = _moved_lazily(basis, old, window, text, top, lines, chars)
    if lazy is not None:
        return lazy
    window_paths = range(first, first + count)

    def outside(table: dict) -> dict | None:
        moved = {}
        for path, where in table.items():
            line = where[0]
            if line < top:
                moved[path] = where
                continue
            zoned = len(path) >= 2 and path[0] == "zones" and type(path[1]) is int
            if line < below:  # inside the window: one of its zones, or the list itself
                if not ((zoned and path[1] in window_paths) or path == ("zones",)):
                    return None
                continue
            if zoned and path[1] >= first + count and renumber:
                path = ("zones", path[1] + renumber, *path[2:])
            elif zoned and path[1] < first + count:
                return None  # a zone before the window's last placed after it
            moved[path] = (line + lines, where[1])
        return moved

    def inside(table: dict, moved: dict) -> None:
        for path, (line, column) in table.items():
            if not path or path[0] != "zones" or line < 2:
                continue  # the root, and `zones:` itself (the chart's is kept)
            if len(path) >= 2:
                path = ("zones", path[1] + first, *path[2:])
            moved[path] = (line - 2 + top, column)

    values, keys = outside(old.values), outside(old.keys)
    if values is None or keys is None:
        return None
    if first == 0 or ("zones",) not in values:
        inside({p: w for p, w in window.values.items() if p == ("zones",)}, values)
    inside({p: w for p, w in window.values.items() if len(p) >= 2}, values)
    inside({p: w for p, w in window.keys.items() if len(p) >= 2}, keys)
    point_lists = {}
    for path, points in old.point_lists.items():
        zoned = len(path) >= 2 and path[0] == "zones" and type(path[1]) is int
        if points.start < basis.start:
            point_lists[path] = PointList(
                text, points.start, points.end, points.pad, points.points, line=points.line
            )
        elif points.start >= basis.end:
            if zoned and path[1] >= first + count and renumber:
                path = ("zones", path[1] + renumber, *path[2:])
            start, end, line = points.start + chars, points.end + chars, points.line + lines
            point_lists[path] = PointList(text, start, end, points.pad, points.points, line=line)
    for path, points in window.point_lists.items():
        if len(path) < 2:
            return None
        shift = basis.start - len(HEAD)
        point_lists[("zones", path[1] + first, *path[2:])] = PointList(
            text,
            points.start + shift,
            points.end + shift,
            points.pad,
            points.points,
            line=points.line - 2 + top,
        )
    rings, numbers_range = _rings(old, window)
    return Positions(
        values=values,
        keys=keys,
        text=text,
        point_lists=point_lists,
        rings=rings,
        numbers_range=numbers_range,
    )


def _moved_lazily(
    basis: Window, old: Positions, window: Positions, text: str, top: int, lines: int, chars: int
) -> Positions | None:
    """`_positions` as tables that look the positions up in the parse they started from
    (recheck_tables.py: only the zones parsed anew are written), or None where the
    positions are not orderly (then every one is moved here)."""
    from .point_lists import PointList
    from .recheck_tables import MAX_FRESH, Plan, PointLists, Table, first_zone_line, window_orderly
    from .yaml_source import Positions

    first, count, new_count = basis.first, basis.old_count, basis.new_count
    tables = (old.values, old.keys, old.point_lists)
    if not (
        isinstance(tables[0], Table) and isinstance(tables[1], Table) and isinstance(tables[2], PointLists)
    ):
        zones = basis.before.parsed[0][0]["zones"]
        line = first_zone_line(old, len(zones))
        if line is None:
            return None
        plan = Plan(line)
        tables = (
            Table(old.values, {}, plan),
            Table(old.keys, {}, plan),
            PointLists(old.point_lists, {}, plan, text),
        )

    def now(path: tuple) -> tuple | None:
        zoned = len(path) >= 2 and path[0] == "zones" and type(path[1]) is int
        return ("zones", path[1] + first, *path[2:]) if zoned else None

    values = {now(p): (line - 2 + top, column) for p, (line, column) in window.values.items() if now(p)}
    keys = {now(p): (line - 2 + top, column) for p, (line, column) in window.keys.items() if now(p)}
    shift = basis.start - len(HEAD)
    lists = {
        now(p): PointList(text, q.start + shift, q.end + shift, q.pad, q.points, line=q.line - 2 + top)
        for p, q in window.point_lists.items()
        if now(p)
    }
    for table in (window.values, window.keys, window.point_lists):
        if any(now(p) is None and p not in ((), ("zones",)) for p in table):
            return None  # a value of the window's text not in one of its zones
    below = top + _breaks(basis.new)
    if not window_orderly(values, keys, lists, first, new_count, below):
        return None
    if first == 0 and ("zones",) in window.values:
        line, column = window.values[("zones",)]
        values[("zones",)] = (line - 2 + top, column)
    plan = tables[0]._plan.after(first, count, new_count, lines, chars)
    moved = (
        tables[0].moved(values, plan, first, count, new_count, lines),
        tables[1].moved(keys, plan, first, count, new_count, lines),
        tables[2].moved(lists, plan, first, count, new_count, text),
    )
    if sum(len(table._fresh) for table in moved) > MAX_FRESH:
        return None
    rings, numbers_range = _rings(old, window)
    return Positions(
        values=moved[0],
        keys=moved[1],
        text=text,
        point_lists=moved[2],
        rings=rings,
        numbers_range=numbers_range,
    )


def _rings(old: Positions, window: Positions) -> tuple[dict, tuple[float, float] | None]:
    """The lists of points by identity and the range of their numbers, after the window."""
    # rings: by the lists' identity, checked there (a zone of the window is not found); the
    # range of their numbers may stay wider than it is: their check is then made in full
    numbers_range = old.numbers_range
    if window.point_lists:
        low, high = old.numbers_range or (None, None)
        if window.numbers_range is None or low is None:
            numbers_range = None
        else:
            numbers_range = (min(low, window.numbers_range[0]), max(high, window.numbers_range[1]))
    return {**old.rings, **window.rings}, numbers_range


def _values_within_limits(data: dict, old_zones: list, new_zones: list) -> int | None:
    """The values of the new chart as the parser counts them (it refuses a document with more
    than limits.MAX_NODES), -1 when not counted (the window did not grow: within the limit as
    the chart before was), or None when near or over the limit (the whole text is parsed)."""
    from . import limits

    grown = _count(new_zones) - _count(old_zones)
    total = next((known for counted, known in _COUNTS if counted is data), None)
    if grown <= 0:
        return total + grown if total is not None else -1
    if total is None:
        total = _count(data)
    if total + grown > limits.MAX_NODES - 1_000:  # near the limit: the parser counts exactly
        return None
    return total + grown


def _count(value: Any) -> int:
    """Values in `value` as the parser counts them: each mapping, list, key and scalar."""
    total = 0
    stack = [value]
    while stack:
        item = stack.pop()
        total += 1
        kind = type(item)
        if kind is dict:
            total += len(item)
            stack.extend(item.values())
        elif kind is list:
            stack.extend(item)
    return total
