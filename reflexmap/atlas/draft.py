"""What an editor shows of a chart being edited (document.py works it out from the text;
recheck.py from the draft before an edit): the chart as far as it builds, its problems and
each zone's shapes as written."""

from __future__ import annotations

import bisect
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from .errors import AtlasError


@dataclass(frozen=True, slots=True)
class Problem:
    """A check error with the place an editor marks: zone id, view id, part and vertex
    index (each None when the error is not about one), and the file position."""

    message: str
    line: int
    column: int
    zone: str | None = None
    view: str | None = None
    part: int | None = None
    vertex: int | None = None
    error: AtlasError | None = None


@dataclass(frozen=True, slots=True)
class Draft:
    """A chart being edited: `atlas` None only when views or sources are broken."""

    atlas: Any
    problems: tuple[Problem, ...]
    shapes: Mapping[str, Mapping[str, Any]]  # zone id -> view id -> rings ((x, y), ...) or "mirror"


def shape_place(path: tuple) -> tuple[str | None, int | None, int | None]:
    """(view id, part, vertex) that a value's path names inside a zone's shapes, each None
    where the path does not reach it (`zones/N/shapes/VIEW/[PART/]VERTEX/...`)."""
    view = part = vertex = None
    if len(path) >= 4 and path[0] == "zones" and isinstance(path[1], int) and path[2] == "shapes":
        view = path[3]
        rest = [p for p in path[4:] if isinstance(p, int)]
        if len(rest) == 2:
            part, vertex = rest
        elif len(rest) == 1:
            part, vertex = 0, rest[0]
    return view, part, vertex


def written_shapes(data: dict) -> dict[str, dict[str, Any]]:
    from .builder import _parts

    shapes: dict[str, dict[str, Any]] = {}
    for zone in data.get("zones", []):
        for view_id, shape in (zone.get("shapes") or {}).items():
            try:
                parts = shape if shape == "mirror" else _parts(shape)
            except (TypeError, ValueError):
                continue
            shapes.setdefault(zone["id"], {}).setdefault(view_id, parts)
    return shapes


def locate_parsed(data: Any, positions: Any, errors: tuple[AtlasError, ...]) -> tuple[Problem, ...]:
    """`locate`, in text already parsed (`positions` None: it did not parse)."""
    at: dict[tuple[int, int], tuple] = {}
    if positions is not None:
        for path, where in list(positions.every_value().items()) + list(positions.keys.items()):
            if len(path) > len(at.get(where, ())):
                at[where] = path
    placed = sorted(at)
    problems = []
    for error in errors:
        path = at.get((error.line, error.column), ())
        if not path and placed and error.placed:
            # a number inside a point (a coordinate that is not finite) is not recorded on its
            # own: the value that starts nearest before it is the point that holds it
            before = bisect.bisect_right(placed, (error.line, error.column)) - 1
            if before >= 0 and _is_point_path(at[placed[before]]):
                path = at[placed[before]]
        zone = None
        if len(path) >= 2 and path[0] == "zones" and isinstance(path[1], int):
            zone = data["zones"][path[1]].get("id") if isinstance(data["zones"][path[1]], dict) else None
        view, part, vertex = shape_place(path)
        problems.append(Problem(error.message, error.line, error.column, zone, view, part, vertex, error))
    return tuple(problems)


def _is_point_path(path: tuple) -> bool:
    """A path to a point of a zone's shape: ('zones', i, 'shapes', view, [part,] vertex)."""
    return len(path) >= 5 and path[0] == "zones" and path[2] == "shapes" and type(path[-1]) is int
