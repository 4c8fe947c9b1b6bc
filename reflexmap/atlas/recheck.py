"""The check of a chart after an edit of one zone's points, worked out from the check before it
instead of from scratch: what an editor does on every drag (a vertex let go, a zone nudged).

An edit of points (edits._PointsEdit) rewrites only that zone's lists of points in the text.
So the new check is the old one with that zone checked again by the builder's own rules
(`Builder.build_zone`: its outline, mirrors, sources and parts), its shapes re-indexed, and
every other problem where it was, moved with the lines the new text added or took away. The
positions of everything after the rewritten lists move the same way, so the next edit finds
its lists without parsing the chart again. Where the shortcut could differ from a full check
(a zone id used twice, a list that grows, a shape the schema would refuse, no check before to
start from) it is not taken: `derived_draft` returns None and the chart is checked whole.
`tests/atlas/test_recheck.py` compares the two after random edits. No Qt.
"""

from __future__ import annotations

import bisect
import dataclasses
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .document import ChartDocument
    from .draft import Draft
    from .yaml_source import Positions

Span = tuple[int, int, str]  # (start, end) of a list in the old text, and its new text


@dataclasses.dataclass(frozen=True, slots=True)
class Basis:
    """How a document was made from the one before by an edit of points."""

    before: ChartDocument
    index: int  # the zone's place in the list of zones
    views: tuple[str, ...]  # the views whose lists were rewritten
    spans: tuple[Span, ...]


def derived_draft(document: ChartDocument) -> Draft | None:
    """`document.draft()` from its basis's draft, or None when it must be checked whole."""
    from .builder import Builder
    from .draft import Draft
    from .schema import _is_sound_shape
    from .text import text_problems

    basis = document.basis[0] if document.basis else None
    if not isinstance(basis, Basis):
        return None  # not an edit of points in place (recheck_zones.py follows the others)
    before = basis.before
    old = before.cached_draft()
    if old is None or old.atlas is None or not before.parsed:
        return None
    data, positions = before.parsed[0]
    zones = data.get("zones")
    if (
        not isinstance(zones, list)
        or not 0 <= basis.index < len(zones)
        or not isinstance(zones[basis.index], dict)
    ):
        return None
    zone_id = zones[basis.index].get("id")
    ids = [z.get("id") if isinstance(z, dict) else None for z in zones]
    if not isinstance(zone_id, str) or len(set(ids)) != len(ids):
        return None  # a repeated id: its message names a line
    old_lines = _line_starts(before.text)
    old_shapes = zones[basis.index].get("shapes") or {}
    shapes = dict(old_shapes)
    for start, _end, new in basis.spans:
        view = next(
            (
                v
                for v in basis.views
                if positions.values.get(("zones", basis.index, "shapes", v)) == _where(old_lines, start)
            ),
            None,
        )
        value = _numbers(new)
        if view is None or not _is_sound_shape(value) or _points(value) > _points(old_shapes.get(view)):
            return None  # the schema or the reader's limits could say something new
        shapes[view] = value
    zone_data = {**zones[basis.index], "shapes": shapes}
    moved = shift_positions(positions, before.text, document.text, basis.spans, basis.index, basis.views)
    if moved is None:
        return None
    new_data = {**data, "zones": [*zones[: basis.index], zone_data, *zones[basis.index + 1 :]]}
    document.parsed.append((new_data, moved))
    builder = Builder(new_data, moved, document.source)
    atlas = old.atlas
    zone = builder.build_zone(basis.index, zone_data, {v.id: v for v in atlas.views}, atlas.sources)
    for where, problem in text_problems(zone_data, ("zones", basis.index)):  # as the full check's builder
        builder.text_error(where, problem)  # (a zone with a text problem dragged keeps it)
    lines, new_lines = old_lines, _line_starts(document.text)
    kept = []
    for problem in old.problems:
        if problem.zone == zone_id:
            continue  # this zone is checked again
        line, column = _moved((problem.line, problem.column), basis.spans, lines, new_lines)
        error = problem.error
        if error is not None:
            error = dataclasses.replace(error, line=line, column=column)
        kept.append(dataclasses.replace(problem, line=line, column=column, error=error))
    mine = _located(builder.errors, moved, new_data, basis.index)
    problems = tuple(sorted({p.error: p for p in [*kept, *mine]}.values(), key=lambda p: p.error))
    changed_views = set(zone.shapes) | set(atlas.zone(zone_id).shapes)
    new_atlas = dataclasses.replace(
        atlas,
        zones=tuple(zone if z.id == zone_id else z for z in atlas.zones),
        index=atlas.index.replaced(zone_id, zone.shapes, [z.id for z in atlas.zones]),
    )
    new_atlas.remember_anchors({v: a for v, a in atlas.known_anchors().items() if v not in changed_views})
    from .draft import written_shapes

    written = {key: value for key, value in old.shapes.items() if key != zone_id}
    written.update(written_shapes({"zones": [zone_data]}))
    written = {z: written[z] for z in ids if z in written}  # in the file's order, as a full check has it
    return Draft(new_atlas, problems, written)


def _numbers(text: str) -> Any:
    """The values of a flow list of numbers as the loader's parser reads them (None if not)."""
    from .yaml_source import parse_yaml

    data, _positions, errors = parse_yaml("v: " + text, "<list>")
    return None if errors or not isinstance(data, dict) else data.get("v")


def _points(shape: Any) -> int:
    """Points in a shape as written (a ring or parts); 0 for anything else."""
    if not isinstance(shape, list):
        return 0
    if shape and isinstance(shape[0], list) and shape[0] and isinstance(shape[0][0], list):
        return sum(len(part) for part in shape)
    return len(shape)


_LINE_STARTS: list[tuple[str, list[int]]] = []  # the two texts last asked about, newest first


def _line_starts(text: str) -> list[int]:
    """Where each line of `text` starts (not to be changed: kept for the same text object).
    A drop asks for the texts before and after it twice each, and the next drop for that
    text again: counted once (a loop over every line, 2 ms of the built-in chart's drop)."""
    for known, starts in _LINE_STARTS:
        if known is text:
            return starts
    starts = [0]
    find = text.find
    at = find("\n")
    while at >= 0:
        starts.append(at + 1)
        at = find("\n", at + 1)
    _LINE_STARTS[:] = [(text, starts), *_LINE_STARTS[:1]]  # (two: the next drop asks for the newer)
    return starts


def _moved(where: tuple[int, int], spans, lines: list[int], new_lines: list[int]) -> tuple[int, int]:
    """Line and column (1-based) in the new text of a place in the old one outside the spans."""
    line, column = where
    if not 0 < line <= len(lines):
        return where
    offset = lines[line - 1] + column - 1
    offset += sum(len(new) - (end - start) for start, end, new in spans if end <= offset)
    row = bisect.bisect_right(new_lines, offset) - 1
    return row + 1, offset - new_lines[row] + 1


def shift_positions(
    positions: Positions, old_text: str, new_text: str, spans, index: int, views: tuple[str, ...]
) -> Positions | None:
    """The parser's positions for `new_text`, which is `old_text` with each span's list
    replaced: places before a span stay, places after it move with the lines and columns it
    added or took away, places inside it (the rewritten lists' points) are read from the new
    text as the parser places them. None if a span is not one of the zone's lists."""
    from .point_lists import PointList
    from .yaml_source import Positions

    old_lines = _line_starts(old_text)
    new_lines = _line_starts(new_text)
    lists = {("zones", index, "shapes", view) for view in views}
    # each span: its start and end in the old text, and where its end falls in the new
    plan = []
    shift = 0
    for start, end, new in sorted(spans):
        new_start = start + shift
        shift += len(new) - (end - start)
        plan.append((start, end, new_start, new_start + len(new)))
    starts_old = [p[0] for p in plan]

    def new_offset(offset: int) -> int | None:
        k = bisect.bisect_right(starts_old, offset) - 1
        if k < 0:
            return offset
        start, end, new_start, new_end = plan[k]
        if offset == start:
            return new_start
        if offset < end:
            return None  # inside a rewritten list
        return new_end + (offset - end)

    def place(where: tuple[int, int]) -> tuple[int, int] | None:
        line, column = where
        if not 0 < line <= len(old_lines):
            return where
        moved = new_offset(old_lines[line - 1] + column - 1)
        if moved is None:
            return None
        row = bisect.bisect_right(new_lines, moved) - 1
        return row + 1, moved - new_lines[row] + 1

    first = plan[0][0]
    first_line = bisect.bisect_right(old_lines, first)  # 1-based line of the first span
    values: dict = {}
    for path, where in positions.values.items():
        if where[0] < first_line:
            values[path] = where
            continue
        moved = place(where)
        if moved is not None:
            values[path] = moved
        elif path[:4] not in lists:
            return None
    keys: dict = {}
    for path, where in positions.keys.items():
        if where[0] < first_line:
            keys[path] = where
            continue
        moved = place(where)
        if moved is None:
            return None
        keys[path] = moved
    point_lists = {}
    for path, points in positions.point_lists.items():
        start = new_offset(points.start)
        if start is None:
            return None
        row = bisect.bisect_right(new_lines, start) - 1
        if path in lists:
            new_text_of = next((new for s, _e, new in spans if s == points.start), None)
            if new_text_of is None:
                return None
            point_lists[path] = PointList(
                new_text, start, start + len(new_text_of), -1, _count_points(new_text_of), line=row + 1
            )
        else:
            end = new_offset(points.end) if points.end > points.start else start
            point_lists[path] = PointList(
                new_text, start, end if end is not None else start, points.pad, points.points, line=row + 1
            )
    for start, _end, new in spans:  # the points of rewritten lists the parser lists one by one
        path = next((p for p in lists if positions.values.get(p) == _where(old_lines, start)), None)
        if path is None:
            return None
        if path in point_lists:
            continue
        moved = new_offset(start)
        for sub, offset in _items(new, moved):
            row = bisect.bisect_right(new_lines, offset) - 1
            values[path + sub] = (row + 1, offset - new_lines[row] + 1)
    return Positions(values=values, keys=keys, text=new_text, point_lists=point_lists)


def _where(lines: list[int], offset: int) -> tuple[int, int]:
    row = bisect.bisect_right(lines, offset) - 1
    return row + 1, offset - lines[row] + 1


def _count_points(text: str) -> int:
    """The `[` at depth 2 of a flow list of numbers: its points (a ring's), or its rings
    (parts'). Counted on the bytes all at once (2 MB of a zone of 100,000 points)."""
    import numpy

    data = numpy.frombuffer(text.encode("utf-8"), dtype=numpy.uint8)  # ('[' is never inside a character)
    opens = data == ord("[")
    depth = numpy.cumsum(opens.astype(numpy.int64) - (data == ord("]")))
    return int(numpy.count_nonzero(opens & (depth == 2)))


def _brackets(text: str):
    """(depth, offset) of every `[` of a flow list of numbers (depth 1: the list itself)."""
    depth = 0
    for offset, char in enumerate(text):
        if char == "[":
            depth += 1
            yield depth, offset
        elif char == "]":
            depth -= 1


def _items(text: str, at: int):
    """(path below the list, offset) of each list inside the flow list `text` that starts at
    offset `at`: a ring's points, or the parts and their points, as the parser records them."""
    depth = 0
    path: list[int] = []  # the index of each open list below the outer one
    following = [0]  # the index the next list at each depth below the outer one gets
    for offset, char in enumerate(text):
        if char == "[":
            depth += 1
            if depth >= 2:
                index = following[-1]
                following[-1] = index + 1
                path.append(index)
                following.append(0)
                yield tuple(path), at + offset
        elif char == "]":
            if depth >= 2:
                path.pop()
                following.pop()
            depth -= 1


def _located(errors, positions: Positions, data: dict, index: int):
    """The zone's errors as problems, placed by the paths of that zone (as document.locate
    places them, from the paths of the whole chart)."""
    from .draft import Problem, shape_place
    from .schema import value_at

    if not errors:
        return []
    zone = data["zones"][index]
    at: dict[tuple[int, int], tuple] = {}
    prefix = ("zones", index)
    mine = [(path, where) for path, where in positions.values.items() if path[:2] == prefix or len(path) < 2]
    for path, points in positions.point_lists.items():
        if path[:2] == prefix:
            placed = points.point_positions()  # (one walk: each alone is a walk from the start)
            mine += [
                (path + (k,), placed[k] if k < len(placed) else positions.values[path])
                for k in range(points.points)
            ]
    mine += [(path, where) for path, where in positions.keys.items() if path[:2] == prefix]
    for path, where in mine:
        if len(path) > len(at.get(where, ())):
            at[where] = path
    placed = sorted(at)
    problems = []
    for error in sorted(set(errors)):
        path = at.get((error.line, error.column), ())
        if not path and placed:  # a character inside a text: the text that starts before it
            before = bisect.bisect_right(placed, (error.line, error.column)) - 1
            if before >= 0 and isinstance(value_at(data, at[placed[before]]), str):
                path = at[placed[before]]
        zone_id = None
        if len(path) >= 2 and path[0] == "zones" and isinstance(path[1], int):
            zone_id = zone.get("id") if path[1] == index else None
        view, part, vertex = shape_place(path)
        problems.append(Problem(error.message, error.line, error.column, zone_id, view, part, vertex, error))
    return problems
