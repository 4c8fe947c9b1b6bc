"""What an editor shows of a chart being edited (document.py works it out from the text;
recheck.py from the draft before an edit): the chart as far as it builds, its problems and
each zone's shapes as written."""

from __future__ import annotations

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
