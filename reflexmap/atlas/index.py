"""Hit-testing: which zones lie under a point, with one Shapely STRtree per view, or for a
view of a few dozen zones a plain scan with exact turn tests (the same answers).

A view's tree is built on the first hit test in that view, or by `warm()`, which the
window calls right after its first paint: a cached chart is drawn before Shapely and
NumPy (a third of a start) are even imported, and a chart of a few hundred zones per view
never needs them for a click. Areas, which drawing needs to stack small zones on top of
large ones, are plain arithmetic and known from the start. A large chart read from the
chart cache hands its points over as one array (`Packed`): its areas and polygons are then
made by NumPy at once, with the same results bit for bit.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable
from typing import TYPE_CHECKING

from .coords import Ring, Shape

if TYPE_CHECKING:  # pragma: no cover
    import numpy as np


def ring_area(ring: Ring) -> float:
    """Area enclosed by a simple ring (shoelace formula, about its first point for precision)."""
    x0, y0 = ring[0]
    total = 0.0
    px, py = 0.0, 0.0
    for x, y in ring[1:]:
        x, y = x - x0, y - y0
        total += px * y - x * py
        px, py = x, y
    return abs(total) / 2


def shape_area(parts: Shape) -> float:
    """Area of a zone's parts in one view (the parts of a valid zone do not overlap)."""
    return sum(ring_area(ring) for ring in parts)


PLAIN_ZONES = 300  # a view with at most this many zones is hit-tested without Shapely
Spans = tuple[tuple[int, int], ...]  # a zone's rings in one view as (offset, count) into packed points


class Packed:
    """Zone rings as slices of one array of points, as a large chart's cache entry holds
    them: areas and hit-test polygons are then made with a few NumPy calls instead of a walk
    over every point in Python (a second open of 10,000 zones). `points` is an (n, 2) float
    array whose values the caller has checked; `views[view_id]` lists the view's zones as
    (zone id, parts, rings as (offset, count) into `points`), the parts being those points."""

    __slots__ = ("points", "views", "polygons", "anchors", "rings")

    def __init__(
        self,
        points: np.ndarray,
        views: dict[str, list[tuple[str, Shape, Spans]]],
        rings: dict[str, tuple[list[int], list[int]]] | None = None,
    ):
        self.points = points
        self.views = views
        # per view, the (offsets, counts) of its zones' rings in order, when the caller listed
        # them as it went (else they are taken from `views` when asked)
        self.rings = rings or {}
        # per view, its zones' polygons when the cache's check has made them already (the
        # same points, the same calls): the hit-test tree takes them instead of making them again
        self.polygons: dict[str, np.ndarray] = {}
        # per view, its zones' label anchors as little-endian (x, y) doubles in the order of
        # views[view_id], when the entry gave them so (the anchor check reads them at once)
        self.anchors: dict[str, bytes] = {}

    def ring_arrays(self, view_id: str) -> tuple[np.ndarray, np.ndarray]:
        """The offsets and counts of a view's rings, in order, as arrays."""
        import numpy as np

        listed = self.rings.get(view_id)
        if listed is not None:
            return np.array(listed[0], dtype=np.intp), np.array(listed[1], dtype=np.intp)
        spans = [ring for _, _, where in self.views[view_id] for ring in where]
        offsets = np.fromiter((o for o, _ in spans), dtype=np.intp, count=len(spans))
        return offsets, np.fromiter((c for _, c in spans), dtype=np.intp, count=len(spans))

    def ring_areas(self, spans: list[tuple[int, int]]) -> np.ndarray:
        """`ring_area` of each ring, bit for bit (see `areas_of`)."""
        import numpy as np

        offsets = np.fromiter((o for o, _ in spans), dtype=np.intp, count=len(spans))
        counts = np.fromiter((c for _, c in spans), dtype=np.intp, count=len(spans))
        return self.areas_of(offsets, counts)

    def areas_of(self, offsets: np.ndarray, counts: np.ndarray) -> np.ndarray:
        """`ring_area` of each ring given by its offset and count, bit for bit: the same
        differences and products, summed in the same order (a running sum along each ring,
        rings padded with zeros to a power of two of points so that one array holds many
        lengths)."""
        import numpy as np

        areas = np.zeros(len(counts))
        if not len(counts):
            return areas
        widths = 1 << np.ceil(np.log2(counts)).astype(np.intp)  # the padded length of each ring
        for width in set(widths.tolist()):  # (np.unique would import numpy.ma: 11 ms)
            rows = np.nonzero(widths == width)[0]
            n, first = counts[rows], offsets[rows]
            # every point of these rings: its row, its place in its ring, its index in points
            row = np.repeat(np.arange(len(rows)), n)
            place = np.arange(int(n.sum())) - np.repeat(np.cumsum(n) - n, n)
            at = np.repeat(first, n) + place
            x = self.points[at, 0] - self.points[np.repeat(first, n), 0]
            y = self.points[at, 1] - self.points[np.repeat(first, n), 1]
            px, py = np.zeros_like(x), np.zeros_like(y)
            later = place >= 2  # the point before (0.0 for the first two, as ring_area starts)
            px[later], py[later] = x[np.nonzero(later)[0] - 1], y[np.nonzero(later)[0] - 1]
            terms = np.zeros((len(rows), int(width)))
            step = px * y - x * py
            step[place == 0] = 0.0  # ring_area's loop starts at the second point
            terms[row, place] = step
            areas[rows] = np.abs(np.cumsum(terms, axis=1)[:, -1]) / 2
        return areas

    def geometries(self, spans: list[Spans], shapes: list[Shape]) -> np.ndarray:
        """Shapely polygons of these entries (as `_geometries` makes them from `shapes`): the
        single-ring ones straight from the points array."""
        import numpy as np
        import shapely

        from .geometry import to_shapely

        out = np.empty(len(spans), dtype=object)
        single = [i for i, rings in enumerate(spans) if len(rings) == 1]
        if single:
            first = np.fromiter((spans[i][0][0] for i in single), dtype=np.intp, count=len(single))
            n = np.fromiter((spans[i][0][1] for i in single), dtype=np.intp, count=len(single))
            at = np.repeat(first - (np.cumsum(n) - n), n) + np.arange(int(n.sum()))
            linear = shapely.linearrings(self.points[at], indices=np.repeat(np.arange(len(single)), n))
            out[single] = shapely.polygons(linear)
        for i, rings in enumerate(spans):
            if len(rings) != 1:
                out[i] = to_shapely(shapes[i])
        return out


def _orientation(ax: float, ay: float, bx: float, by: float, x: float, y: float) -> int:
    """The sign of the turn a -> b -> (x, y): 1 left, -1 right, 0 on the line; exact for any
    doubles, as GEOS's robust predicate is (floats where they are surely right, else exact
    rational arithmetic)."""
    left, right = (bx - ax) * (y - ay), (by - ay) * (x - ax)
    det = left - right
    if abs(det) > 1e-15 * (abs(left) + abs(right)):
        return 1 if det > 0 else -1
    from fractions import Fraction

    exact = (Fraction(bx) - Fraction(ax)) * (Fraction(y) - Fraction(ay)) - (Fraction(by) - Fraction(ay)) * (
        Fraction(x) - Fraction(ax)
    )
    return (exact > 0) - (exact < 0)


def ring_covers(ring: Ring, x: float, y: float) -> bool:
    """Whether the polygon of `ring` holds (x, y), its border included (Shapely's
    `intersects` for a point): even-odd crossings of a ray to the right, with exact turns."""
    inside = False
    ax, ay = ring[-1]
    for bx, by in ring:
        if min(ax, bx) <= x <= max(ax, bx) and min(ay, by) <= y <= max(ay, by):
            if _orientation(ax, ay, bx, by, x, y) == 0:
                return True  # on this edge
        if (ay > y) != (by > y):  # the edge crosses the ray's line: is it right of the point?
            turn = _orientation(ax, ay, bx, by, x, y)
            if (turn > 0) if by > ay else (turn < 0):
                inside = not inside
        ax, ay = bx, by
    return inside


class _PlainView:
    """A view with few zones, hit-tested in plain Python: as quick as a tree for a few dozen
    zones, and a click on the built-in chart needs neither Shapely nor NumPy (a third of a
    start). The same answers as `_ViewTree`, in the same order."""

    __slots__ = ("zone_ids", "zones")

    def __init__(self, entries: list[tuple[str, Shape]], areas: dict[str, float]):
        self.zone_ids = [zone_id for zone_id, _ in entries]
        self.zones = []  # (area, index, bounds, parts)
        for k, (zone_id, parts) in enumerate(entries):
            xs = [x for ring in parts for x, _ in ring]
            ys = [y for ring in parts for _, y in ring]
            self.zones.append((areas[zone_id], k, (min(xs), min(ys), max(xs), max(ys)), parts))

    def zones_at(self, x: float, y: float) -> list[str]:
        hits = [
            (area, k)
            for area, k, (minx, miny, maxx, maxy), parts in self.zones
            if minx <= x <= maxx and miny <= y <= maxy and any(ring_covers(ring, x, y) for ring in parts)
        ]
        hits.sort()  # smallest area first; equal areas in the order given, as the tree does
        return [self.zone_ids[k] for _, k in hits]


MAX_CELLS_A_ZONE = 64  # a zone whose box spans more grid cells is tested at every click
MAX_LARGE_ZONES = 16  # beyond this many such zones, the view is answered by its STRtree


class _ViewTree:
    """A view of many zones: a uniform grid over the zones' bounding boxes narrows a click
    to the few zones whose box holds it, and Shapely tests only those (the same predicate
    as the STRtree, `intersects`, so the same answers); a view whose zones' boxes are too
    large for a grid (many spanning most of it) is answered by its STRtree."""

    __slots__ = ("zone_ids", "areas", "tree", "_point", "_lexsort", "_grid", "_polygons", "_area_list")

    def __init__(
        self,
        entries: list[tuple[str, Shape]],
        areas: dict[str, float],
        packed: tuple[Packed, list[Spans], np.ndarray | tuple] | None = None,
    ):
        import numpy as np
        import shapely

        self.zone_ids = [zone_id for zone_id, _ in entries]
        shapes = [parts for _, parts in entries]
        if packed is None:
            polygons = _geometries(shapes)
        elif len(made := packed[2]) == len(shapes):
            polygons = made
        else:
            polygons = packed[0].geometries(packed[1], shapes)
        shapely.prepare(polygons)
        # the same areas that order the drawing order the hits: what is on top is found first
        self.areas = np.array([areas[zone_id] for zone_id in self.zone_ids], dtype=float)
        self._grid = _Grid.of(shapely.bounds(polygons))
        # the STRtree only where there is no grid (made on first use by tests that compare)
        self.tree = shapely.STRtree(polygons) if self._grid is None else None
        # Kept here rather than imported per query: once PySide6 is loaded, its import hook
        # makes an `import` statement cost about a microsecond, a tenth of a hit test.
        self._point, self._lexsort = shapely.points, np.lexsort
        self._polygons = polygons.tolist()
        self._area_list = self.areas.tolist()

    def zones_at(self, x: float, y: float) -> list[str]:
        grid = self._grid
        if grid is None:
            return self._tree_zones_at(x, y)
        candidates = grid.candidates(x, y)
        if not candidates:
            return []
        polygons, intersects = self._polygons, _intersects_xy()
        hits = [k for k in candidates if intersects(polygons[k], x, y)]
        if len(hits) > 1:  # smallest area first, then in the order given (as the tree's lexsort)
            areas = self._area_list
            hits.sort(key=lambda k: (areas[k], k))
        return [self.zone_ids[k] for k in hits]

    def _tree_zones_at(self, x: float, y: float) -> list[str]:
        if self.tree is None:
            import shapely

            self.tree = shapely.STRtree(self._polygons)
        hits = self.tree.query(self._point(x, y), predicate="intersects")
        if len(hits) == 0:
            return []
        if len(hits) > 1:
            hits = hits[self._lexsort((hits, self.areas[hits]))]
        return [self.zone_ids[i] for i in hits]


_INTERSECTS_XY: list = []


def _intersects_xy():
    """`shapely.intersects_xy` for one point and one prepared polygon, without its wrapper
    (which only prepares the polygon, already prepared here): half the cost of a click."""
    if not _INTERSECTS_XY:
        from shapely import lib

        _INTERSECTS_XY.append(lib.intersects_xy)
    return _INTERSECTS_XY[0]


class _Grid:
    """Zone indices by the uniform cells their bounding boxes touch (about one zone a cell),
    and the boxes themselves: `candidates(x, y)` are the zones whose box holds the point,
    in index order. A point's cell and a box's cells come from the same monotone formula,
    so a point on a box's edge finds that box."""

    __slots__ = ("x0", "y0", "x1", "y1", "sx", "sy", "nx", "ny", "cells", "boxes", "large")

    @classmethod
    def of(cls, bounds) -> _Grid | None:
        """The grid of these (n, 4) bounds, or None where a grid would not narrow a click
        (boxes that are not finite, or too many that span most of the view)."""
        import numpy as np

        count = len(bounds)
        if count == 0 or not np.isfinite(bounds).all():
            return None
        grid = cls()
        grid.x0, grid.y0 = float(bounds[:, 0].min()), float(bounds[:, 1].min())
        grid.x1, grid.y1 = float(bounds[:, 2].max()), float(bounds[:, 3].max())
        width, height = max(grid.x1 - grid.x0, 1e-9), max(grid.y1 - grid.y0, 1e-9)
        side = (width * height / count) ** 0.5  # about one zone a cell
        grid.nx = max(1, min(1024, int(width / side)))
        grid.ny = max(1, min(1024, int(height / side)))
        grid.sx, grid.sy = grid.nx / width, grid.ny / height
        # each box's first and last cell, by the formula of `_cell` (NumPy's float64
        # arithmetic is Python's; truncation toward zero is int()'s, all values being >= 0)
        ix0 = np.minimum(((bounds[:, 0] - grid.x0) * grid.sx).astype(np.intp), grid.nx - 1)
        iy0 = np.minimum(((bounds[:, 1] - grid.y0) * grid.sy).astype(np.intp), grid.ny - 1)
        ix1 = np.minimum(((bounds[:, 2] - grid.x0) * grid.sx).astype(np.intp), grid.nx - 1)
        iy1 = np.minimum(((bounds[:, 3] - grid.y0) * grid.sy).astype(np.intp), grid.ny - 1)
        wide, high = ix1 - ix0 + 1, iy1 - iy0 + 1
        spans = wide * high
        large = np.nonzero(spans > MAX_CELLS_A_ZONE)[0]
        if len(large) > MAX_LARGE_ZONES:
            return None
        small = np.nonzero(spans <= MAX_CELLS_A_ZONE)[0]
        # one (cell, zone) pair for every cell of every small zone's box
        n = spans[small]
        zone = np.repeat(small, n)
        place = np.arange(int(n.sum())) - np.repeat(np.cumsum(n) - n, n)
        across = wide[zone]
        cell = (iy0[zone] + place // across) * grid.nx + ix0[zone] + place % across
        order = np.argsort(cell, kind="stable")  # zones in index order within a cell
        cell, zone = cell[order], zone[order]
        ends = np.searchsorted(cell, np.arange(grid.nx * grid.ny), side="right").tolist()
        zones = zone.tolist()
        grid.cells = [tuple(zones[a:b]) for a, b in zip([0, *ends[:-1]], ends, strict=True)]
        grid.boxes = [tuple(box) for box in bounds.tolist()]
        grid.large = tuple(large.tolist())
        return grid

    def _cell(self, x: float, y: float) -> tuple[int, int]:
        """The cell of a point inside the grid's bounds (the last row and column take their
        far edge)."""
        return min(int((x - self.x0) * self.sx), self.nx - 1), min(int((y - self.y0) * self.sy), self.ny - 1)

    def candidates(self, x: float, y: float) -> list[int]:
        if not (self.x0 <= x <= self.x1 and self.y0 <= y <= self.y1):
            return []  # outside every box (or not a number)
        ix, iy = self._cell(x, y)
        boxes = self.boxes
        found = [
            k
            for k in self.cells[iy * self.nx + ix]
            if boxes[k][0] <= x <= boxes[k][2] and boxes[k][1] <= y <= boxes[k][3]
        ]
        if self.large:
            found += [
                k for k in self.large if boxes[k][0] <= x <= boxes[k][2] and boxes[k][1] <= y <= boxes[k][3]
            ]
            found.sort()
        return found


def _geometries(shapes: list[Shape]) -> np.ndarray:
    """Shapely geometries for many shapes; single-ring ones (nearly all) in one vectorised call."""
    import numpy as np
    import shapely

    from .geometry import to_shapely

    out = np.empty(len(shapes), dtype=object)
    single = [i for i, parts in enumerate(shapes) if len(parts) == 1]
    if single:
        rings = [shapes[i][0] for i in single]
        counts = np.fromiter(map(len, rings), dtype=np.intp, count=len(rings))
        chained = itertools.chain.from_iterable
        coords = np.fromiter(chained(chained(rings)), dtype=float, count=2 * int(counts.sum())).reshape(-1, 2)
        # close every ring: shapely.linearrings closes them when the first point is not repeated
        linear = shapely.linearrings(coords, indices=np.repeat(np.arange(len(rings)), counts))
        out[single] = shapely.polygons(linear)
    for i, parts in enumerate(shapes):
        if len(parts) != 1:
            out[i] = to_shapely(parts)
    return out


class ZoneIndex:
    """Built once per atlas; answers `zones_at` in microseconds once a view's tree exists.

    `STRtree.query(point, predicate="contains")` asks whether the *point* contains the
    polygon, which never holds; "intersects" is the test we want, and it also counts a
    click exactly on a border as inside both neighbours.
    """

    def __init__(self, shapes: Iterable[tuple[str, str, Shape]]):
        self._entries: dict[str, list[tuple[str, Shape]]] = {}
        self._areas: dict[str, dict[str, float]] = {}
        self._spans: dict[str, list[Spans]] = {}
        self._packed: Packed | None = None
        for view_id, zone_id, parts in shapes:
            self._entries.setdefault(view_id, []).append((zone_id, parts))
            self._areas.setdefault(view_id, {})[zone_id] = shape_area(parts)
        self._trees: dict[str, _ViewTree | _PlainView] = {}

    @classmethod
    def from_packed(cls, packed: Packed) -> ZoneIndex:
        """The index of shapes given as slices of one points array (a large chart's cache
        entry): areas and polygons made from the array at once, the same answers."""
        index = cls(())
        index._packed = packed
        for view_id, zones in packed.views.items():
            if not zones:
                continue
            ids = [zone_id for zone_id, _, _ in zones]
            index._entries[view_id] = [(zone_id, parts) for zone_id, parts, _ in zones]
            spans = index._spans[view_id] = [where for _, _, where in zones]
            rings = packed.areas_of(*packed.ring_arrays(view_id)).tolist()
            if len(rings) == len(ids):  # one ring each (nearly always)
                index._areas[view_id] = dict(zip(ids, rings, strict=True))
                continue
            areas = index._areas[view_id] = {}
            k = 0
            for zone_id, where in zip(ids, spans, strict=True):
                # as shape_area: the rings' areas summed in order
                areas[zone_id] = sum(rings[k : k + len(where)])
                k += len(where)
        return index

    def uses_tree(self, view_id: str) -> bool:
        """Whether a view is hit-tested with a Shapely STRtree (else with a plain scan)."""
        return len(self._entries.get(view_id, ())) > PLAIN_ZONES

    def warm(self) -> None:
        """Build every view's tree now, so that no click has to wait for one."""
        for view_id in self._entries:
            self._tree(view_id)

    def is_warm(self) -> bool:
        return len(self._trees) == len(self._entries)

    def _tree(self, view_id: str) -> _ViewTree | _PlainView | None:
        tree = self._trees.get(view_id)
        if tree is None and view_id in self._entries:
            entries = self._entries[view_id]
            if len(entries) <= PLAIN_ZONES:
                tree = _PlainView(entries, self._areas[view_id])
            else:
                packed = None
                if self._packed is not None:
                    made = self._packed.polygons.get(view_id, ())
                    packed = (self._packed, self._spans[view_id], made)
                tree = _ViewTree(entries, self._areas[view_id], packed)
            self._trees[view_id] = tree
            if self.is_warm():  # every tree made: the packed points are needed no more
                self._packed, self._spans = None, {}
        return tree

    def zones_at(self, view_id: str, x: float, y: float) -> list[str]:
        """Ids of zones in `view_id` under (x, y) mm, smallest area first."""
        view = self._tree(view_id)
        return [] if view is None else view.zones_at(x, y)

    def area(self, view_id: str, zone_id: str) -> float:
        """Area of a zone in a view, mm²."""
        return self._areas[view_id][zone_id]

    def replaced(self, zone_id: str, shapes: dict[str, Shape], order: list[str]) -> ZoneIndex:
        """This index with one zone's shapes (view id -> parts) replaced: what an edit of
        that zone changes. Only the views it is or was in are indexed again (their trees are
        built on the next hit test there); `order` is the chart's zone ids, in order, where
        the zone comes into a view it was not in."""
        new = ZoneIndex(())
        new._entries = {view: list(entries) for view, entries in self._entries.items()}
        new._areas = {view: dict(areas) for view, areas in self._areas.items()}
        new._trees = dict(self._trees)
        place = {z: k for k, z in enumerate(order)}
        for view in {*shapes, *(v for v, entries in self._entries.items() if zone_id in self._areas[v])}:
            entries = [(z, parts) for z, parts in new._entries.get(view, []) if z != zone_id]
            areas = new._areas.setdefault(view, {})
            areas.pop(zone_id, None)
            if view in shapes:
                at = next(
                    (k for k, (z, _) in enumerate(entries) if place.get(z, -1) > place[zone_id]), len(entries)
                )
                entries.insert(at, (zone_id, shapes[view]))
                areas[zone_id] = shape_area(shapes[view])
            if entries:
                new._entries[view] = entries
            else:
                new._entries.pop(view, None)
                new._areas.pop(view, None)
            new._trees.pop(view, None)
        return new
