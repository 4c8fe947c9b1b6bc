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
        self.polygons = _geometries([parts for _, parts in entries])
        shapely.prepare(self.polygons)
        self.areas = shapely.area(self.polygons)
        self.tree = STRtree(self.polygons)


def _geometries(shapes: list[Shape]) -> np.ndarray:
    """Shapely geometries for many shapes; single-ring ones (nearly all) in one vectorised call."""
    out = np.empty(len(shapes), dtype=object)
    single = [i for i, parts in enumerate(shapes) if len(parts) == 1]
    if single:
        rings = [shapes[i][0] for i in single]
        coords = np.array([point for ring in rings for point in ring], dtype=float)
        counts = np.array([len(ring) for ring in rings])
        # close every ring: shapely.linearrings closes them when the first point is not repeated
        linear = shapely.linearrings(coords, indices=np.repeat(np.arange(len(rings)), counts))
        out[single] = shapely.polygons(linear)
    for i, parts in enumerate(shapes):
        if len(parts) != 1:
            out[i] = to_shapely(parts)
    return out


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
