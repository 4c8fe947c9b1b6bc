"""The check's rules, run again on a chart-cache entry: an entry that holds what `check`
would refuse (a self-crossing zone, overlapping parts, a zone outside its outline, a text
with a control character or nothing visible, a mirror view that is not its target's mirror)
or what the loader never writes (a label anchor away from its zone) is damaged, and the
chart is loaded from its file instead.

Texts go through `text.text_problem`, as the builder runs it on the file. Geometry: a
large chart (the cache hands its points over as one NumPy array) is checked with Shapely's
vectorised functions, the builder's own `_sound_polygons` and outline test; a small chart
(the built-in one) is checked in plain Python with exact turn tests, so that a cached start
still paints before Shapely is imported. Both follow `geometry.polygon_problem`,
`geometry.outside_problem` (with its tolerance) and `geometry.parts_problem`; where the
plain checks cannot tell quickly (parts whose boxes meet, a long ring), Shapely decides.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

from .coords import MIN_AREA_MM2, OUTLINE_TOLERANCE_MM, Ring, Shape
from .index import _orientation, ring_area
from .text import first_text_problem

if TYPE_CHECKING:  # pragma: no cover
    from .index import Packed
    from .model import Atlas, View

# Up to these sizes a chart's geometry is checked in plain Python (without importing Shapely)
PLAIN_POINTS = 4096  # points of every zone ring together
PLAIN_RING = 256  # points of one ring

MAX_VIEWS = 8  # the schema's
MAX_GUIDES = 100  # a view's, the schema's
# How far from its zone a label anchor may lie: the anchors the loader stores lie inside their
# zones (polylabel, point_on_surface); this allows for a polylabel cell of a sliver of a zone.
ANCHOR_TOLERANCE_MM = OUTLINE_TOLERANCE_MM


class Refused(ValueError):
    """An entry holding what the chart check refuses."""


def _texts(atlas: Atlas) -> dict[str, list[str]]:
    """Every chart text, by the key the file gives it under (see text.TEXT_KEYS)."""
    by_key: dict[str, list[str]] = {key: [] for key in ("title", "tradition", "description", "note")}

    def add(key: str, text: str | None) -> None:
        if text is not None:
            by_key.setdefault(key, []).append(text)

    def translated(translations: dict) -> None:
        for texts in translations.values():
            for key, text in texts.items():
                add(key, text)

    add("title", atlas.title)
    add("tradition", atlas.tradition)
    add("description", atlas.description)
    translated(atlas.translations)
    for source in atlas.sources.values():
        add("title", source.title)
        add("note", source.note)
        translated(source.translations)
    for view in atlas.views:
        for guide in view.guides:
            add("name", guide.name)
            translated(guide.translations)
    zones = atlas.zones
    by_key.setdefault("name", []).extend([zone.name for zone in zones])
    by_key.setdefault("claim", []).extend([zone.claim for zone in zones])
    by_key.setdefault("technique", []).extend([zone.technique for zone in zones])
    by_key["note"].extend([zone.note for zone in zones if zone.note is not None])
    by_key["tradition"].extend([zone.tradition for zone in zones if zone.tradition is not None])
    for zone in zones:
        if zone.translations:
            translated(zone.translations)
    return by_key


def check_texts(atlas: Atlas) -> None:
    """Raise Refused when any text is one `check` refuses (text.text_problem)."""
    if first_text_problem(_texts(atlas)):
        raise Refused("text")


def check_views(views: tuple[View, ...]) -> None:
    """Raise Refused unless the views are ones `check` builds (builder.build_views): one view
    a foot and aspect, and a mirror view mirroring a view with an outline of its own, of the
    other foot and the same aspect, with exactly that view's outline mirrored about x = 0
    (its guides may be its own, so they are not compared)."""
    if not 1 <= len(views) <= MAX_VIEWS or len({(v.foot, v.aspect) for v in views}) != len(views):
        raise Refused("views")
    by_id = {view.id: view for view in views}
    for view in views:
        if len(view.guides) > MAX_GUIDES:
            raise Refused("guides")
        if view.mirror_of is None:
            continue
        target = by_id.get(view.mirror_of)
        if (
            target is None
            or target.mirror_of is not None
            or target.foot == view.foot
            or target.aspect != view.aspect
            or view.outline != tuple((-x, y) for x, y in target.outline)  # geometry.mirror
        ):
            raise Refused("mirror")


def check_geometry(atlas: Atlas, packed: Packed | None = None) -> None:
    """Raise Refused when a zone, an outline or a guide breaks a rule of `check`. With
    `packed` (a large chart's points as one array, see index.Packed), Shapely takes the
    zones' rings straight from the array, and the polygons made are handed to the index
    (packed.polygons), whose hit-test trees would make the same ones again."""
    for view in atlas.views:
        for guide in view.guides:  # geometry.line_problem: a line with a length
            if len(set(guide.points)) < 2:
                raise Refused("guide")
    if packed is None:
        lengths = [len(ring) for zone in atlas.zones for parts in zone.shapes.values() for ring in parts]
        if sum(lengths) <= PLAIN_POINTS and max(lengths, default=0) <= PLAIN_RING:
            _plain(atlas)
            return
    _vectorised(atlas, packed)


# --- plain Python (a small chart) ---------------------------------------------------------


def _on_segment(a, b, p) -> bool:
    """Whether p, on the line through a and b, lies within the segment."""
    return min(a[0], b[0]) <= p[0] <= max(a[0], b[0]) and min(a[1], b[1]) <= p[1] <= max(a[1], b[1])


def _cross(p1, p2, q1, q2) -> bool:
    """Whether the segments p1-p2 and q1-q2 have a point in common (exact turns)."""
    o1 = _orientation(*p1, *p2, *q1)
    o2 = _orientation(*p1, *p2, *q2)
    o3 = _orientation(*q1, *q2, *p1)
    o4 = _orientation(*q1, *q2, *p2)
    if o1 * o2 < 0 and o3 * o4 < 0:
        return True
    return (
        (o1 == 0 and _on_segment(p1, p2, q1))
        or (o2 == 0 and _on_segment(p1, p2, q2))
        or (o3 == 0 and _on_segment(q1, q2, p1))
        or (o4 == 0 and _on_segment(q1, q2, p2))
    )


def ring_is_sound(ring: Ring) -> bool:
    """What `geometry.polygon_problem` says is fine: finite points, a simple ring (no edge
    crosses or touches another but its neighbours at their common point, no point twice,
    no edge folding back over the one before) enclosing at least MIN_AREA_MM2. Shapely's
    `is_valid` allows repeated consecutive points; so does this."""
    if not all(math.isfinite(x) and math.isfinite(y) for x, y in ring):
        return False
    points = [p for k, p in enumerate(ring) if p != ring[k - 1]]  # consecutive repeats dropped
    n = len(points)
    if n < 3 or len(set(points)) != n or ring_area(tuple(points)) < MIN_AREA_MM2:
        return False
    for k in range(n):  # neighbours meet at b: they must not run back over each other
        a, b, c = points[k - 2], points[k - 1], points[k]
        if (
            _orientation(*a, *b, *c) == 0
            and (b[0] - a[0]) * (c[0] - b[0]) + (b[1] - a[1]) * (c[1] - b[1]) < 0
        ):
            return False
    # any other two edges: no point in common. Edges sorted by their left end: each is tested
    # only against those that begin before it ends (the others' boxes cannot meet it)
    edges = sorted(
        (a[0] if a[0] < b[0] else b[0], a[0] if a[0] > b[0] else b[0], a[1], b[1], k, a, b)
        for k, (a, b) in enumerate(zip(points, points[1:] + points[:1], strict=True))
    )
    for i, (_, x1, ay, by, k, a, b) in enumerate(edges):
        y0, y1 = (ay, by) if ay < by else (by, ay)
        for u0, _, cy, dy, j, c, d in edges[i + 1 :]:
            if u0 > x1:
                break
            if (
                (cy >= y0 or dy >= y0)
                and (cy <= y1 or dy <= y1)
                and (j - k) % n not in (1, n - 1)  # not neighbours
                and _cross(a, b, c, d)
            ):
                return False
    return True


def _distance_to_ring(ring: Ring, x: float, y: float) -> float:
    best = math.inf
    ax, ay = ring[-1]
    for bx, by in ring:
        dx, dy = bx - ax, by - ay
        length = dx * dx + dy * dy
        t = 0.0 if length == 0 else max(0.0, min(1.0, ((x - ax) * dx + (y - ay) * dy) / length))
        best = min(best, math.hypot(x - (ax + t * dx), y - (ay + t * dy)))
        ax, ay = bx, by
    return best


class _Banded:
    """An outline's edges sorted into horizontal bands: `covers(x, y)` is `index.ring_covers`
    (its border included, exact turns) testing only the few edges whose height holds y, the
    only ones that can hold the point or cross the ray from it (a start checks the built-in
    chart's zone vertices that are no mirror copies, 772 of its 1,315, against outlines of
    up to 89 points)."""

    BANDS = 64

    def __init__(self, ring: Ring):
        xs, ys = [x for x, _ in ring], [y for _, y in ring]
        self.x0, self.x1, self.y0, self.y1 = min(xs), max(xs), min(ys), max(ys)
        self.scale = self.BANDS / max(self.y1 - self.y0, 1e-9)
        self.bands: list[list] = [[] for _ in range(self.BANDS)]
        ax, ay = ring[-1]
        for bx, by in ring:  # each edge with its box's left and right
            edge = (ax, ay, bx, by, min(ax, bx), max(ax, bx))
            for k in range(self._band(min(ay, by)), self._band(max(ay, by)) + 1):
                self.bands[k].append(edge)
            ax, ay = bx, by

    def _band(self, y: float) -> int:
        return min(int((y - self.y0) * self.scale), self.BANDS - 1)

    def covers(self, x: float, y: float) -> bool:
        if not (self.x0 <= x <= self.x1 and self.y0 <= y <= self.y1):
            return False
        inside = False
        for ax, ay, bx, by, left, right in self.bands[self._band(y)]:
            if (ay > y) != (by > y):  # the edge crosses the ray's line: on it, or right of the point?
                turn = _orientation(ax, ay, bx, by, x, y)
                if turn == 0:
                    return True  # on this edge
                if (turn > 0) if by > ay else (turn < 0):
                    inside = not inside
            elif left <= x <= right and (y == ay or y == by) and _orientation(ax, ay, bx, by, x, y) == 0:
                return True  # on this edge (a horizontal one, or at its upper end)
        return inside


def _box(ring: Ring) -> tuple[float, float, float, float]:
    xs = [x for x, _ in ring]
    ys = [y for _, y in ring]
    return min(xs), min(ys), max(xs), max(ys)


def _mirrored(parts: Shape) -> Shape:
    return tuple(tuple((-x, y) for x, y in ring) for ring in parts)  # geometry.mirror, each part


def _plain(atlas: Atlas) -> None:
    """The rules, ring by ring. A mirror view's outline, and a zone's rings in it that are
    exactly the mirror of its rings in the view mirrored (as the loader makes the rings of
    `mirror`), are the mirror images of rings checked here in full: mirroring about x = 0
    changes only signs, exactly, so every turn test, area, distance and cover answers as it
    does for the original, and those rings pass exactly when their originals do (the view
    mirrored is never itself a mirror, so its rings are always checked). About half of the
    built-in chart's points are such copies."""
    by_id = {view.id: view for view in atlas.views}
    mirrors: dict[str, str] = {}  # a mirror view whose outline is exactly its target's mirrored
    outlines = {}
    for view in atlas.views:
        target = by_id.get(view.mirror_of) if view.mirror_of is not None else None
        if (
            target is not None
            and target.mirror_of is None
            and (view.outline,) == _mirrored((target.outline,))
        ):
            mirrors[view.id] = target.id
        elif not ring_is_sound(view.outline):
            raise Refused("outline")
    for zone in atlas.zones:
        shapes = zone.shapes
        for view_id, parts in shapes.items():
            original = shapes.get(mirrors.get(view_id, ""))
            if original is not None and parts == _mirrored(original):
                continue  # the mirror of rings checked in full (their view is no mirror)
            if view_id not in outlines:
                outline = by_id[view_id].outline
                outlines[view_id] = (outline, _Banded(outline))
            outline, banded = outlines[view_id]
            for ring in parts:
                if not ring_is_sound(ring):
                    raise Refused("zone ring")
                for x, y in ring:  # geometry.outside_problem: covered, or within the tolerance
                    if not banded.covers(x, y) and _distance_to_ring(outline, x, y) > OUTLINE_TOLERANCE_MM:
                        raise Refused("zone outside")
            if len(parts) > 1:
                boxes = [_box(ring) for ring in parts]
                apart = all(
                    b[2] < c[0] or c[2] < b[0] or b[3] < c[1] or c[3] < b[1]
                    for k, b in enumerate(boxes)
                    for c in boxes[:k]
                )
                if not apart:  # parts whose boxes meet: Shapely tells whether they overlap
                    _parts(parts)


def _parts(parts: Shape) -> None:
    from .geometry import parts_problem

    if parts_problem(parts):
        raise Refused("zone parts")


# --- Shapely, vectorised (a large chart) ----------------------------------------------------


def _vectorised(atlas: Atlas, packed: Packed | None) -> None:
    """The rules of `_plain` with Shapely's vectorised functions: every ring a valid polygon
    (`is_valid`, as `_sound_polygons` in builder.py) of at least MIN_AREA_MM2 (a valid
    polygon's convex hull is at least as large: the builder's hull test adds nothing
    here), every vertex covered by its view's outline or within the tolerance of it (a
    polygon the outline covers has every vertex covered: only the others' vertices are
    tested one by one, with `intersects_xy`, then `distance`)."""
    import itertools

    import numpy as np
    import shapely

    from .geometry import polygon_problem

    for view in atlas.views:
        if polygon_problem(view.outline):
            raise Refused("outline")
    views = [view.id for view in atlas.views]
    chained = itertools.chain.from_iterable
    if packed is not None:  # (offset, count) of every ring, by view
        arrays = [packed.ring_arrays(view_id) for view_id in views]
        per_view = np.fromiter((len(c) for _, c in arrays), dtype=np.intp, count=len(views))
        offsets = np.concatenate([o for o, _ in arrays])
        counts = np.concatenate([c for _, c in arrays])
        multi = [True] if int(per_view.sum()) != sum(len(packed.views[view_id]) for view_id in views) else []
        at = np.repeat(offsets - (np.cumsum(counts) - counts), counts) + np.arange(int(counts.sum()))
        coords = packed.points[at]
    else:  # a chart of more points than the plain checks take, or rings an entry gave as points
        rings_of: dict[str, list] = {view_id: [] for view_id in views}
        for zone in atlas.zones:
            for view_id, parts in zone.shapes.items():
                rings_of[view_id].extend(parts)
        rings = [ring for view_id in views for ring in rings_of[view_id]]
        per_view = np.fromiter((len(rings_of[v]) for v in views), dtype=np.intp, count=len(views))
        counts = np.fromiter(map(len, rings), dtype=np.intp, count=len(rings))
        multi = (
            [True] if any(len(parts) > 1 for zone in atlas.zones for parts in zone.shapes.values()) else []
        )
        coords = np.fromiter(chained(chained(rings)), dtype=float, count=2 * int(counts.sum())).reshape(-1, 2)
    if not len(counts):
        return
    ends = np.cumsum(counts)
    if ((counts == 3) & (coords[ends - 1] == coords[ends - 3]).all(axis=1)).any():
        raise Refused("zone ring")  # a closed ring of 2 points
    try:
        linear = shapely.linearrings(coords, indices=np.repeat(np.arange(len(counts)), counts))
        polygons = shapely.polygons(linear)
    except (shapely.errors.GEOSException, ValueError):
        raise Refused("zone ring") from None
    if not (shapely.is_valid(polygons).all() and (shapely.area(polygons) >= MIN_AREA_MM2).all()):
        raise Refused("zone ring")
    first = np.concatenate(([0], np.cumsum(per_view)))  # the rings of view k: first[k] to first[k + 1]
    for k, view in enumerate(atlas.views):
        if first[k] == first[k + 1]:
            continue
        mine = polygons[first[k] : first[k + 1]]
        outline = shapely.Polygon(view.outline)
        shapely.prepare(outline)
        uncovered = ~shapely.covers(outline, mine)
        if uncovered.any():  # geometry.outside_problem, vertex by vertex
            start = 0 if first[k] == 0 else int(ends[first[k] - 1])
            stop = int(ends[first[k + 1] - 1])
            points = coords[start:stop][np.repeat(uncovered, counts[first[k] : first[k + 1]])]
            outside = points[~shapely.intersects_xy(outline, points[:, 0], points[:, 1])]
            if len(outside):
                away = shapely.distance(outline.exterior, shapely.points(outside))
                if (away > OUTLINE_TOLERANCE_MM).any():
                    raise Refused("zone outside")
        if packed is not None and len(mine) == len(packed.views[view.id]):  # one ring a zone
            packed.polygons[view.id] = mine
    if multi:  # a zone of several parts in a view: rare
        for zone in atlas.zones:
            for parts in zone.shapes.values():
                if len(parts) > 1:
                    _parts(parts)


# --- label anchors ------------------------------------------------------------------------


def check_anchors(atlas: Atlas, anchors: dict[str, dict[str, tuple[float, float]]], packed=None) -> None:
    """Raise Refused unless every zone's label anchor in every view lies in that zone (its
    border included) or within ANCHOR_TOLERANCE_MM of it: a leader drawn from anywhere else
    would point at another zone. `anchors` holds one point for each zone of each view (the
    caller checked the keys). A large chart (`packed`, or more points than the plain rules
    take) is tested with Shapely at once, on the polygons its geometry check made."""
    if packed is None:
        lengths = [len(ring) for zone in atlas.zones for parts in zone.shapes.values() for ring in parts]
        if sum(lengths) <= PLAIN_POINTS and max(lengths, default=0) <= PLAIN_RING:
            _plain_anchors(atlas, anchors)
            return
    _vectorised_anchors(atlas, anchors, packed)


def _plain_anchors(atlas: Atlas, anchors: dict) -> None:
    from .index import ring_covers

    for zone in atlas.zones:
        for view_id, parts in zone.shapes.items():
            x, y = anchors[view_id][zone.id]
            if not any(ring_covers(ring, x, y) for ring in parts) and (
                min(_distance_to_ring(ring, x, y) for ring in parts) > ANCHOR_TOLERANCE_MM
            ):
                raise Refused("anchor")


def _vectorised_anchors(atlas: Atlas, anchors: dict, packed) -> None:
    import numpy as np
    import shapely

    from .index import _geometries

    shapes_of: dict[str, list] = {view.id: [] for view in atlas.views}  # (zone id, parts) by view
    if packed is not None:
        for view_id in shapes_of:
            shapes_of[view_id] = [(zone_id, parts) for zone_id, parts, _ in packed.views[view_id]]
    else:
        for zone in atlas.zones:
            for view_id, parts in zone.shapes.items():
                shapes_of[view_id].append((zone.id, parts))
    for view_id, shapes in shapes_of.items():
        if not shapes:
            continue
        polygons = packed.polygons.get(view_id) if packed is not None else None
        if polygons is None or len(polygons) != len(shapes):
            polygons = _geometries([parts for _, parts in shapes])
        packed_anchors = packed.anchors.get(view_id) if packed is not None else None
        if packed_anchors is not None and len(packed_anchors) == 16 * len(shapes):  # the same points
            points = np.frombuffer(packed_anchors, dtype="<f8").astype(float).reshape(-1, 2)
        else:
            mine = anchors[view_id]
            points = np.array([mine[zone_id] for zone_id, _ in shapes], dtype=float).reshape(-1, 2)
        away = ~shapely.intersects_xy(polygons, points[:, 0], points[:, 1])
        if away.any():
            distance = shapely.distance(polygons[away], shapely.points(points[away]))
            if (distance > ANCHOR_TOLERANCE_MM).any():
                raise Refused("anchor")
