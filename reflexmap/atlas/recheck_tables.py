"""The positions of a chart after edits of a few zones (recheck_window.py), looked up through
the positions of the parse they started from instead of written out again.

A chart of 10,000 zones records some 200,000 positions of values and keys and 10,000 lists
of points. recheck_window.py moved every one of them after each edit (the lines after the
edited zones move by the lines gained or lost, the zones after them are renumbered): two
fifths of a drag's release on such a chart. Where the positions are *orderly* — each zone's
values and keys on the lines of that zone's item of `zones:` (from its `-` to the next
zone's), everything else before the list or after its last zone — what an edit of whole
items does to them depends only on a zone's index: the zones before the edited ones keep
their places, those after it move by the same lines and characters and are renumbered by
the same count. So a table here keeps the parse it started from (`base`), the positions of
the zones parsed anew since (`fresh`, in the text of now) and, for the zones not parsed
anew, which zone of the base each one is and how far it moved (`Plan`): a lookup asks the
base and moves its answer. An edit adds a step to the plan (a few segments of zone indices)
and carries the zones parsed anew before it along: its cost follows the zones edited, not
the chart. Iterating a table writes it out whole (errors are being located: rare).

Whether the base is orderly is checked once per parse (one pass over its positions); the
zones parsed anew are checked as they come. Where they are not orderly (aliases placing a
value elsewhere, a flow list of zones), recheck_window.py moves every position as before.
`tests/atlas/test_recheck_window.py` compares both with a parse of the whole text. No Qt.
"""

from __future__ import annotations

import bisect
import dataclasses
from collections.abc import Iterator, Mapping
from typing import Any

_ORDERLY: list[tuple[Any, int | None]] = []  # (a parse's Positions, its first zone's line or None)
MAX_FRESH = 20_000  # positions parsed anew carried along; more: written out whole again


def _zoned(path: tuple) -> bool:
    return len(path) >= 2 and path[0] == "zones" and type(path[1]) is int


@dataclasses.dataclass(frozen=True, slots=True)
class Plan:
    """Where each zone of now comes from. `starts[k]` is the first zone index of segment k;
    a zone j of segment k that is not `fresh` is zone j - shift[k] of the base, `lines[k]`
    lines and `chars[k]` characters further down. Values after the list move by `tail`."""

    first_line: int  # the base's first zone's line: a value not in a zone at or after it is after the list
    starts: tuple[int, ...] = (0,)
    shift: tuple[int, ...] = (0,)
    lines: tuple[int, ...] = (0,)
    chars: tuple[int, ...] = (0,)
    fresh: frozenset[int] = frozenset()  # zones parsed anew (their positions: in the tables)
    tail: tuple[int, int] = (0, 0)  # (lines, characters) moved after the list

    def segment(self, zone: int) -> int:
        return bisect.bisect_right(self.starts, zone) - 1

    def after(self, first: int, count: int, new_count: int, lines: int, chars: int) -> Plan:
        """The plan once zones `first` to `first + count - 1` were replaced by `new_count`
        zones parsed anew, `lines` lines and `chars` characters longer."""
        renumber = new_count - count
        k = self.segment(first + count)
        segments = [
            (s, d, n, c)
            for s, d, n, c in zip(self.starts, self.shift, self.lines, self.chars, strict=True)
            if s < first
        ]
        segments.append(
            (first + new_count, self.shift[k] + renumber, self.lines[k] + lines, self.chars[k] + chars)
        )
        segments += [
            (s + renumber, d + renumber, n + lines, c + chars)
            for s, d, n, c in zip(self.starts, self.shift, self.lines, self.chars, strict=True)
            if s > first + count
        ]
        merged: list[tuple[int, int, int, int]] = []
        for segment in segments:
            if merged and merged[-1][1:] == segment[1:]:
                continue
            merged.append(segment)
        starts, shift, moved, chars_moved = (tuple(column) for column in zip(*merged, strict=True))
        fresh = {j for j in self.fresh if j < first} | set(range(first, first + new_count))
        fresh |= {j + renumber for j in self.fresh if j >= first + count}
        tail = (self.tail[0] + lines, self.tail[1] + chars)
        return Plan(self.first_line, starts, shift, moved, chars_moved, frozenset(fresh), tail)


class _LookedUp(Mapping):
    """A mapping whose `get` is the lookup (no value is None); the rest follows from it."""

    __slots__ = ()

    def __getitem__(self, path: Any) -> Any:
        found = self.get(path)
        if found is None:
            raise KeyError(path)
        return found

    def __contains__(self, path: object) -> bool:
        return self.get(path) is not None


class Table(_LookedUp):
    """The values' or keys' positions (path → (line, column)) of a parse made by edits from
    `base` (a parse's own table, orderly), as `Plan` says."""

    __slots__ = ("_base", "_fresh", "_plan", "_whole")

    def __init__(self, base: Mapping, fresh: dict, plan: Plan):
        self._base, self._fresh, self._plan = base, fresh, plan
        self._whole: dict | None = None

    def get(self, path: Any, default: Any = None) -> Any:
        found = self._fresh.get(path)
        if found is not None:
            return found
        plan = self._plan
        if _zoned(path):
            zone = path[1]
            if zone in plan.fresh:
                return default
            k = plan.segment(zone)
            if plan.shift[k]:
                path = ("zones", zone - plan.shift[k], *path[2:])
            where = self._base.get(path)
            return default if where is None else (where[0] + plan.lines[k], where[1])
        where = self._base.get(path)
        if where is None or where[0] < plan.first_line:
            return default if where is None else where
        if path == ("zones",):  # where its first zone starts: parsed anew with it, or not moved
            return default if 0 in plan.fresh else where
        return (where[0] + plan.tail[0], where[1])  # after the list

    def whole(self) -> dict:
        """Every position, written out (once): as `get` finds each, a zone's move found once
        for all its paths (a drag after an edit of whole items writes them all out)."""
        if self._whole is None:
            plan, fresh = self._plan, self._fresh
            first_line, tail = plan.first_line, plan.tail[0]
            whole = {}
            for path, where, path_now, k in _paths_now(plan, self._base):
                if k is not None:
                    found = fresh.get(path_now)
                    whole[path_now] = found if found is not None else (where[0] + plan.lines[k], where[1])
                elif path in fresh:
                    whole[path] = fresh[path]
                elif where[0] < first_line:
                    whole[path] = where
                elif path == ("zones",):  # as `get`: parsed anew with its first zone, or not moved
                    if 0 not in plan.fresh:
                        whole[path] = where
                else:
                    whole[path] = (where[0] + tail, where[1])
            whole.update(fresh)
            self._whole = whole
        return self._whole

    def __iter__(self) -> Iterator:
        return iter(self.whole())

    def __len__(self) -> int:
        return len(self.whole())

    def items(self):  # type: ignore[override]
        return self.whole().items()

    def moved(self, fresh: dict, plan: Plan, first: int, count: int, new_count: int, lines: int) -> Table:
        """This table after the edit `plan` was made `after` (its zones parsed anew: `fresh`)."""
        renumber = new_count - count
        kept = {}
        for path, (line, column) in self._fresh.items():
            if not _zoned(path):
                if path != ("zones",) or first != 0:
                    kept[path] = (line, column)
            elif path[1] < first:
                kept[path] = (line, column)
            elif path[1] >= first + count:
                kept[("zones", path[1] + renumber, *path[2:])] = (line + lines, column)
        kept.update(fresh)
        return Table(self._base, kept, plan)


class PointLists(_LookedUp):
    """The lists of points read from the text (path → point_lists.PointList) of a parse made
    by edits, as `Table` makes its positions: from the base's, moved, in the text of now."""

    __slots__ = ("_base", "_fresh", "_plan", "_text", "_made", "_whole")

    def __init__(self, base: Mapping, fresh: dict, plan: Plan, text: str):
        self._base, self._fresh, self._plan, self._text = base, fresh, plan, text
        self._made: dict = {}
        self._whole: dict | None = None

    def get(self, path: Any, default: Any = None) -> Any:
        from .point_lists import PointList

        found = self._fresh.get(path) or self._made.get(path)
        if found is not None:
            return found
        plan = self._plan
        base_path, lines, chars = path, plan.tail[0], plan.tail[1]
        if _zoned(path):
            zone = path[1]
            if zone in plan.fresh:
                return default
            k = plan.segment(zone)
            base_path = ("zones", zone - plan.shift[k], *path[2:])
            lines, chars = plan.lines[k], plan.chars[k]
        points = self._base.get(base_path)
        if points is None:
            return default
        if not _zoned(path) and points.line < plan.first_line:
            lines = chars = 0
        made = PointList(
            self._text,
            points.start + chars,
            points.end + chars,
            points.pad,
            points.points,
            line=points.line + lines,
        )
        self._made[path] = made
        return made

    def nearest(self, line: int) -> Any:
        """The list that starts last on or before `line` (None if none does), without
        writing out every list: by the base's lists in the order of their zones."""
        plan = self._plan
        found = [q for q in self._fresh.values() if q.line <= line]
        zones, lines, paths, others = _by_zone(self._base)
        for k, start in enumerate(plan.starts):
            end = plan.starts[k + 1] if k + 1 < len(plan.starts) else 1 << 62
            low = bisect.bisect_left(zones, start - plan.shift[k])
            high = bisect.bisect_left(zones, end - plan.shift[k])
            at = bisect.bisect_right(lines, line - plan.lines[k], low, high) - 1
            while at >= low and zones[at] + plan.shift[k] in plan.fresh:
                at -= 1
            if at >= low:
                found.append(self.get(("zones", zones[at] + plan.shift[k], *paths[at][2:])))
        for path in others:  # (lists not in a zone: few)
            moved = self.get(path)
            if moved is not None and moved.line <= line:
                found.append(moved)
        return max(found, key=lambda q: q.line, default=None)

    def __iter__(self) -> Iterator:
        return iter(self.whole())

    def __len__(self) -> int:
        return len(self.whole())

    def items(self):  # type: ignore[override]
        return self.whole().items()

    def values(self):  # type: ignore[override]
        return self.whole().values()

    def whole(self) -> dict:
        """Every list, written out (once), the same objects `get` gives: a zone's move found
        once for all its lists."""
        if self._whole is None:
            from .point_lists import PointList

            plan, fresh, made, text = self._plan, self._fresh, self._made, self._text
            whole = {}
            for _path, points, path_now, k in _paths_now(plan, self._base):
                if k is not None:
                    lines, chars = plan.lines[k], plan.chars[k]
                else:
                    lines, chars = plan.tail if points.line >= plan.first_line else (0, 0)
                found = fresh.get(path_now) or made.get(path_now)
                if found is None:
                    found = made[path_now] = PointList(
                        text,
                        points.start + chars,
                        points.end + chars,
                        points.pad,
                        points.points,
                        line=points.line + lines,
                    )
                whole[path_now] = found
            for path, points in fresh.items():
                whole.setdefault(path, points)
            self._whole = whole
        return self._whole

    def moved(self, fresh: dict, plan: Plan, first: int, count: int, new_count: int, text: str) -> PointLists:
        from .point_lists import PointList

        renumber = new_count - count
        kept = {}
        lines, chars = plan.tail[0] - self._plan.tail[0], plan.tail[1] - self._plan.tail[1]
        for path, points in self._fresh.items():
            zone = path[1] if _zoned(path) else -1
            if 0 <= zone < first:
                kept[path] = PointList(
                    text, points.start, points.end, points.pad, points.points, line=points.line
                )
            elif zone >= first + count:
                kept[("zones", zone + renumber, *path[2:])] = PointList(
                    text,
                    points.start + chars,
                    points.end + chars,
                    points.pad,
                    points.points,
                    line=points.line + lines,
                )
        kept.update(fresh)
        return PointLists(self._base, kept, plan, text)


_BY_ZONE: list[tuple[Any, tuple]] = []


def _by_zone(lists: Mapping) -> tuple[list[int], list[int], list[tuple], list[tuple]]:
    """(zone index, line, path) of a parse's zones' lists of points, in the order of their
    zones and lines (checked orderly), and the paths of the lists not in a zone; the last
    few kept."""
    for known, found in _BY_ZONE:
        if known is lists:
            return found
    rows = sorted((path[1], points.line, path) for path, points in lists.items() if _zoned(path))
    others = [path for path in lists if not _zoned(path)]
    found = ([r[0] for r in rows], [r[1] for r in rows], [r[2] for r in rows], others)
    _BY_ZONE.insert(0, (lists, found))
    del _BY_ZONE[3:]
    return found


def _paths_now(plan: Plan, base: dict) -> Iterator:
    """(path, value, its path now, its zone's plan segment) for each path of `base` (a
    table's entries before the edit): a path inside a zone parsed anew is left out; one
    outside the zones has the segment None and its path unchanged."""
    zones = _zones_now(plan)
    for path, value in base.items():
        if len(path) >= 2 and path[0] == "zones" and type(path[1]) is int:
            moved = zones(path[1])
            if moved is None:
                continue
            j, k = moved
            yield path, value, (path if j == path[1] else ("zones", j, *path[2:])), k
        else:
            yield path, value, path, None


def _zones_now(plan: Plan):
    """A function from a base zone's index to (its index now, its plan segment), or None
    (it was parsed anew); each zone worked out once."""
    zones: dict[int, tuple[int, int] | None] = {}
    segments = list(enumerate(zip(plan.starts, plan.shift, [*plan.starts[1:], None], strict=True)))

    def now(zone: int) -> tuple[int, int] | None:
        found = zones.get(zone, False)
        if found is False:
            found = zones[zone] = None
            for k, (start, shift, end) in segments:  # the zone j with j - shift == zone
                j = zone + shift
                if start <= j and (end is None or j < end) and j not in plan.fresh:
                    found = zones[zone] = (j, k)
                    break
        return found

    return now


def first_zone_line(positions: Any, zones: int) -> int | None:
    """The line of the first zone of a parse's own positions if they are orderly (see the
    module's text), or None. Checked once per parse (the last few are remembered)."""
    for known, line in _ORDERLY:
        if known is positions:
            return line
    line = _orderly(positions, zones)
    _ORDERLY.insert(0, (positions, line))
    del _ORDERLY[3:]
    return line


def _orderly(positions: Any, zones: int) -> int | None:
    values = positions.values
    starts = []
    for i in range(zones):
        where = values.get(("zones", i))
        if where is None or (starts and where[0] <= starts[-1]):
            return None
        starts.append(where[0])
    if not starts:
        return None
    starts.append(1 << 62)
    last = 0  # the last line of a zone's value or key
    others = []
    tables = [positions.values, positions.keys]
    lists = {path: (points.line, 0) for path, points in positions.point_lists.items()}
    for table in (*tables, lists):
        for path, (line, _column) in table.items():
            if len(path) >= 2 and path[0] == "zones":
                zone = path[1]
                if type(zone) is not int or not starts[zone] <= line < starts[zone + 1]:
                    return None
                if line > last:
                    last = line
            elif path != ("zones",):
                others.append(line)
    if any(starts[0] <= line <= last for line in others):
        return None
    return starts[0]


def window_orderly(values: dict, keys: dict, lists: dict, first: int, new_count: int, below: int) -> bool:
    """Whether the positions of zones parsed anew (in the text of now: zones `first` to
    `first + new_count - 1`, whose lines end before `below`) each lie on their zone's lines."""
    starts = []
    for j in range(first, first + new_count):
        where = values.get(("zones", j))
        if where is None or (starts and where[0] <= starts[-1]):
            return False
        starts.append(where[0])
    starts.append(below)
    for table in (values, keys, lists):
        for path, where in table.items():
            line = where.line if not isinstance(where, tuple) else where[0]
            if path == ("zones",):
                continue
            if not _zoned(path) or not first <= path[1] < first + new_count:
                return False
            if not starts[path[1] - first] <= line < starts[path[1] - first + 1]:
                return False
    return True
