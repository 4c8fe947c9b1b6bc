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
