"""Hit-testing: which zones lie under a point, with one Shapely STRtree per view."""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np
import shapely
from shapely import STRtree

from .geometry import to_shapely
from .model import Shape


class _ViewIndex:
    __slots__ = ("zone_ids", "positions", "polygons", "areas", "tree")

    def __init__(self, entries: list[tuple[str, Shape]]):
        self.zone_ids = [zone_id for zone_id, _ in entries]
        self.positions = {zone_id: i for i, zone_id in enumerate(self.zone_ids)}
        self.polygons = np.array([to_shapely(parts) for _, parts in entries], dtype=object)
        shapely.prepare(self.polygons)
        self.areas = shapely.area(self.polygons)
        self.tree = STRtree(self.polygons)


class ZoneIndex:
    """Built once per atlas; answers `zones_at` in microseconds.

    `STRtree.query(point, predicate="contains")` asks whether the *point* contains the
    polygon, which never holds; "intersects" is the test we want, and it also counts a
    click exactly on a border as inside both neighbours.
    """

    def __init__(self, shapes: Iterable[tuple[str, str, Shape]]):
        by_view: dict[str, list[tuple[str, Shape]]] = {}
        for view_id, zone_id, parts in shapes:
            by_view.setdefault(view_id, []).append((zone_id, parts))
        self._views = {view_id: _ViewIndex(entries) for view_id, entries in by_view.items()}

    def zones_at(self, view_id: str, x: float, y: float) -> list[str]:
        """Ids of zones in `view_id` under (x, y) mm, smallest area first."""
        view = self._views.get(view_id)
        if view is None:
            return []
        hits = view.tree.query(shapely.points(x, y), predicate="intersects")
        if len(hits) == 0:
            return []
        if len(hits) > 1:
            hits = hits[np.lexsort((hits, view.areas[hits]))]
        return [view.zone_ids[i] for i in hits]

    def area(self, view_id: str, zone_id: str) -> float:
        view = self._views[view_id]
        return float(view.areas[view.positions[zone_id]])
