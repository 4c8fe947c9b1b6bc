"""Geometry rules for zone and outline polygons, with Shapely.

Each check returns a problem as (index of the point to blame or None, message) so the
loader can point at the exact line of the offending coordinate.
"""

from __future__ import annotations

import math
import re

import numpy
import shapely
from shapely.geometry import LineString, MultiPolygon, Point, Polygon

from ..i18n import _, format_number, format_point, format_value, ngettext
from .coords import MAX_LABELLED_ZONES, MIN_AREA_MM2, OUTLINE_TOLERANCE_MM, Ring, Shape

Problem = tuple[int | None, str]


def mirror(ring: Ring) -> Ring:
    """The ring seen in the mirror about x = 0 (left foot ↔ right foot)."""
    return tuple((-x, y) for x, y in ring)


def to_shapely(parts: Shape) -> Polygon | MultiPolygon:
    """One Shapely geometry for a zone's parts in a view."""
    return Polygon(parts[0]) if len(parts) == 1 else MultiPolygon([Polygon(r) for r in parts])


def _array(ring) -> numpy.ndarray | None:
    """`ring`'s points as an (n, 2) array of floats, or None where they are not all pairs of
    numbers a float holds."""
    try:
        coords = numpy.asarray(ring, dtype=float)
    except (TypeError, ValueError, OverflowError):
        return None
    return coords if coords.ndim == 2 and coords.shape[1:] == (2,) and len(coords) == len(ring) else None


def _distinct(coords: numpy.ndarray) -> int:
    """How many different points `coords` holds, counted up to 3 (as a set of the points
    counts them: 0.0 and -0.0 the same)."""
    if not len(coords):
        return 0
    other = (coords != coords[0]).any(axis=1)
    if not other.any():
        return 1
    second = coords[int(numpy.argmax(other))]
    return 3 if (other & (coords != second).any(axis=1)).any() else 2


def polygon_problem(ring: Ring) -> Problem | None:
    """Why `ring` is not a usable polygon, or None if it is fine. The points are looked at
    all at once (numpy, Shapely's arrays): a zone of 100,000 corners is checked at every move
    of a drag (2 s a move, one point at a time)."""
    coords = _array(ring)
    if coords is None:
        return _polygon_problem_by_points(ring)
    finite = numpy.isfinite(coords).all(axis=1)
    if not finite.all():
        i = int(numpy.argmin(finite))
        return i, _("point {number} has a coordinate that is not a finite number").format(number=i + 1)
    return _shape_problem(ring, _distinct(coords), shapely.polygons(coords) if len(coords) else Polygon())


def _polygon_problem_by_points(ring: Ring) -> Problem | None:
    for i, (x, y) in enumerate(ring):
        if not (math.isfinite(x) and math.isfinite(y)):
            return i, _("point {number} has a coordinate that is not a finite number").format(number=i + 1)
    return _shape_problem(ring, len(set(ring)), None)


def _shape_problem(ring: Ring, distinct: int, poly: Polygon | None) -> Problem | None:
    """polygon_problem of a ring of finite points with `distinct` different points (counted
    to 3 at least), its polygon `poly` (None: made here)."""
    if distinct < 3:
        return 0, ngettext(
            "the polygon is degenerate: all its points are the same point",
            "the polygon is degenerate: it has only {count} different points (a zone needs 3)",
            distinct,
        ).format(count=distinct)
    if poly is None:
        poly = Polygon(ring)
    hull = poly.convex_hull.area  # a crossed ring's signed area can cancel out; its hull cannot
    if hull < MIN_AREA_MM2:
        return 0, _(
            "the polygon is degenerate: its area is {area} mm² "
            "(its points lie on a line or too close together; minimum {minimum} mm²)"
        ).format(
            area=format_number(hull, 2),
            minimum=format_value(int(MIN_AREA_MM2) if MIN_AREA_MM2.is_integer() else MIN_AREA_MM2),
        )
    if not poly.is_valid:
        reason = shapely.is_valid_reason(poly)
        where = _coordinates_in(reason)
        if where is None:
            return 0, _("the polygon is invalid: {reason}").format(reason=reason)
        index = nearest_edge(ring, where)
        if "self-intersection" in reason.lower():
            text = _("the polygon crosses itself near {point} mm, at the edge from point {a} to point {b}")
        else:
            text = _("the polygon is invalid near {point} mm, at the edge from point {a} to point {b}")
        return index, text.format(
            point=format_point(*where[:2]),
            a=index + 1,
            b=(index + 1) % len(ring) + 1,
        )
    if poly.area < MIN_AREA_MM2:
        return 0, _("the polygon is degenerate: its area is {area} mm² (minimum {minimum} mm²)").format(
            area=format_number(poly.area, 2),
            minimum=format_value(int(MIN_AREA_MM2) if MIN_AREA_MM2.is_integer() else MIN_AREA_MM2),
        )
    return None


def problem_place(ring: Ring) -> tuple[float, float] | None:
    """Where `ring`'s problem lies when polygon_problem says it is invalid there (the point where
    a bowtie crosses itself, as Shapely explains its validity), else None: the problem is at
    the vertex it names."""
    try:
        coords = _array(ring)
        if coords is None or not numpy.isfinite(coords).all() or _distinct(coords) < 3:
            return None  # polygon_problem blames a point
        poly = shapely.polygons(coords)
        if poly.is_valid or poly.convex_hull.area < MIN_AREA_MM2:
            return None
        return _coordinates_in(shapely.is_valid_reason(poly))
    except (ValueError, TypeError, shapely.errors.GEOSException):
        return None


def parts_problem(parts: Shape) -> tuple[int, str] | None:
    """Why a zone's parts in one view do not make one valid geometry (index of the later part
    to blame), or None: parts may touch at a point, never overlap or share an edge."""
    polygons = [Polygon(ring) for ring in parts]
    tree = shapely.STRtree(polygons)
    for j, polygon in enumerate(polygons):
        for k in sorted(int(k) for k in tree.query(polygon, predicate="intersects")):
            if k >= j:
                continue
            shared = polygon.intersection(polygons[k])
            if shared.area > 0:
                return j, _("parts {a} and {b} overlap; draw them as one polygon or keep them apart").format(
                    a=k + 1, b=j + 1
                )
            if shared.length > 0:
                return j, _("parts {a} and {b} share an edge; draw them as one polygon").format(
                    a=k + 1, b=j + 1
                )
    if not MultiPolygon(polygons).is_valid:  # a part inside another's hole, say
        return len(
            parts
        ) - 1, f"the parts do not form a valid shape ({shapely.is_valid_reason(MultiPolygon(polygons))})"
    return None


def outside_problem(ring: Ring, outline: Polygon, view_id: str, *, named: bool = False) -> Problem | None:
    """Blame the vertex furthest outside the view outline, if any is beyond tolerance.
    `named`: the message's reader knows the view already (the editor names it in words)."""
    # all vertices at once (a zone of 100,000 corners made 100,000 Points here, vertex by
    # vertex: ~1 s a check, at every move of a drag); the same answer: the first vertex
    # furthest outside, a coordinate that is not a number never blamed (it fails no cover
    # test and has no distance)
    coords = numpy.asarray(ring, dtype=float).reshape(-1, 2)
    outside = numpy.flatnonzero(~shapely.intersects_xy(outline, coords[:, 0], coords[:, 1]))
    if not len(outside):
        return None
    with numpy.errstate(invalid="ignore"):  # (a NaN's distance: NaN, said by no warning)
        away = shapely.distance(outline.exterior, shapely.points(coords[outside]))
    away[numpy.isnan(away)] = -math.inf
    best = int(numpy.argmax(away))
    worst, worst_index = float(away[best]), int(outside[best])
    if worst <= OUTLINE_TOLERANCE_MM:
        return None
    if named:
        return worst_index, _(
            "the zone lies {distance} mm outside the foot's outline at its marked corner"
        ).format(distance=format_number(worst, 1))  # (the map numbers no corners: it rings this one)
    return worst_index, _("the zone lies {distance} mm outside the foot's outline at point {number}").format(
        number=worst_index + 1, distance=format_number(worst, 1)
    )  # (the view is named before it: "zone 'heel', left foot, plantar view [plantar-left]: …")


def line_problem(points: Ring) -> Problem | None:
    for i, (x, y) in enumerate(points):
        if not (math.isfinite(x) and math.isfinite(y)):
            return i, _("point {number} has a coordinate that is not a finite number").format(number=i + 1)
    if LineString(points).length == 0:
        return 0, _("the guide line has no length")
    return None


def nearest_edge(ring: Ring, where: tuple[float, float]) -> int:
    """Index of the first point of the edge closest to `where` (every edge at once: a zone
    of 100,000 corners crossing itself as it is dragged made 100,000 lines a move)."""
    coords = _array(ring)
    if coords is None or not len(coords):
        return _nearest_edge_by_points(ring, where)
    ends = numpy.roll(coords, -1, axis=0)
    with numpy.errstate(invalid="ignore"):  # (a NaN's edge: no distance, never the nearest)
        away = shapely.distance(shapely.linestrings(numpy.stack([coords, ends], axis=1)), Point(where))
    away[(coords == ends).all(axis=1) | numpy.isnan(away)] = math.inf  # (zero length: no direction)
    best = int(numpy.argmin(away))
    return best if away[best] < math.inf else 0


def _nearest_edge_by_points(ring: Ring, where: tuple[float, float]) -> int:
    p = Point(where)
    best, best_index = math.inf, 0
    n = len(ring)
    for i in range(n):
        a, b = ring[i], ring[(i + 1) % n]
        if a == b:
            continue
        d = LineString([a, b]).distance(p)
        if d < best:
            best, best_index = d, i
    return best_index


def _coordinates_in(reason: str) -> tuple[float, float] | None:
    match = re.search(r"\[\s*(-?[\d.eE+-]+)\s+(-?[\d.eE+-]+)", reason)
    if not match:
        return None
    try:
        return float(match.group(1)), float(match.group(2))
    except ValueError:
        return None


def view_anchors(shapes: dict[str, Shape], outline: Ring = ()) -> dict[str, tuple[float, float]]:
    """Where each zone of one view is labelled: precise for a chart people read, fast for a crowd.

    On a sole or a top (a view taller than wide, labelled in columns on both sides) the point
    is chosen so that a level leader to one of the columns crosses as few other zones as it can."""
    if len(shapes) > MAX_LABELLED_ZONES:
        return inner_points(shapes)
    sides = None
    if outline:
        xs, ys = [x for x, _ in outline], [y for _, y in outline]
        if max(ys) - min(ys) > max(xs) - min(xs):
            sides = (min(xs) - 1.0, max(xs) + 1.0)
    return label_anchors(shapes, sides=sides)


def kept_anchors(
    shapes: dict[str, Shape],
    found: dict[str, tuple[float, float]],
    before: dict[str, tuple[float, float]],
    changed: frozenset[str],
) -> dict[str, tuple[float, float]]:
    """`found` (a view's anchors after an edit, `view_anchors`) with each zone the edit did
    not change (not in `changed`) at its anchor `before`, where that still is one: inside
    its zone and no smaller zone (where a click selects it first), LEADER_INSET_MM clear of
    their edges. An anchor chosen for a clear leader (`_clear_anchor`) depends on the zones
    level with it: an edit of one of them moved the others' dots, and their labels, which
    keep their anchors' order in a column, jumped past their neighbours."""
    if len(shapes) > MAX_LABELLED_ZONES:
        return found
    moved = [z for z in found if z not in changed and z in before and before[z] != found[z]]
    if not moved:
        return found
    polygons = {z: to_shapely(shape) for z, shape in shapes.items()}
    clear = LEADER_INSET_MM - 0.01  # (a dot placed at the inset stands 1.4999… mm in)
    kept = dict(found)
    for zone_id in moved:
        point = Point(before[zone_id])
        own = polygons[zone_id]
        if not own.contains(point) or own.boundary.distance(point) < clear:
            continue
        if any(
            other != zone_id and polygon.area < own.area and polygon.distance(point) < clear
            for other, polygon in polygons.items()
        ):
            continue  # a smaller zone covers it now, or comes too near
        kept[zone_id] = before[zone_id]
    return kept


def inner_points(shapes: dict[str, Shape]) -> dict[str, tuple[float, float]]:
    """A point inside each zone, fast (one vectorised call): for views too crowded to label."""
    ids = list(shapes)
    try:
        points = shapely.point_on_surface(_geometries([shapes[i] for i in ids]))
        coords = shapely.get_coordinates(points)
    except (shapely.errors.GEOSException, ValueError):  # never from a checked chart; still drawn
        return {zone_id: _vertex_mean(shapes[zone_id]) for zone_id in ids}
    return {zone_id: (float(x), float(y)) for zone_id, (x, y) in zip(ids, coords, strict=True)}


def _geometries(shapes: list[Shape]) -> numpy.ndarray:
    """The geometries `to_shapely` gives, made together: the one-part shapes (nearly every
    zone) as one vectorised call on all their points, not a `Polygon` object each."""
    single = [i for i, parts in enumerate(shapes) if len(parts) == 1]
    result = numpy.empty(len(shapes), dtype=object)
    if single:
        rings = [shapes[i][0] for i in single]
        coords = numpy.asarray([point for ring in rings for point in ring], dtype=float).reshape(-1, 2)
        indices = numpy.repeat(numpy.arange(len(rings)), [len(ring) for ring in rings])
        result[single] = shapely.polygons(shapely.linearrings(coords, indices=indices))
    for i, parts in enumerate(shapes):
        if len(parts) != 1:
            result[i] = to_shapely(parts)
    return result


def _vertex_mean(parts: Shape) -> tuple[float, float]:
    """A last-resort anchor: the mean of the largest part's points."""
    ring = max(parts, key=len)
    return sum(x for x, _ in ring) / len(ring), sum(y for _, y in ring) / len(ring)


def label_anchors(
    shapes: dict[str, Shape], *, sides: tuple[float, float] | None = None
) -> dict[str, tuple[float, float]]:
    """For each zone, the point deepest inside the part of it no smaller zone covers.

    A label's leader line should end where a click selects that zone first; for a large
    zone under smaller ones (the pelvis under the sciatic band) that is not its centre.
    With `sides` (the x of the label columns left and right) the point may move, inside that
    part and at least 1.5 mm from its edge, to where a level leader to one column crosses
    less of the other zones: on a crowded sole most leaders then cross none.
    """
    from shapely import STRtree
    from shapely.ops import polylabel

    ids = list(shapes)
    # A zone's anchor depends only on the zones that share some of its height (the ones it
    # overlaps, and the ones a level leader from it can cross): an edit redraws the chart,
    # and only the zones level with the changed one are worked out again.
    keys = _anchor_keys(shapes, ids, sides)
    anchors = {i: _ANCHORS[keys[i]] for i in ids if keys[i] in _ANCHORS}
    todo = [k for k, i in enumerate(ids) if i not in anchors]
    if todo:
        # made together (_geometries): a zone of 100,000 corners made as `Polygon(list)`
        # took 0.55 s a view, point by point, at every drop of one of its corners
        polygons = _geometries([shapes[i] for i in ids])
        tree = STRtree(polygons)
        rims = _Rims(polygons) if sides else None  # a zone the point lies in is no crossing
        for k in todo:
            try:
                target, point = _visible_anchor(k, polygons[k], polygons, tree, polylabel)
                if sides:
                    point = _clear_anchor(k, target, point, polygons, rims, tree, sides)
            except (shapely.errors.GEOSException, ValueError):
                # `check` refuses what GEOS cannot difference (overlapping parts); drawing must
                # still never fail, so an anchor is found the simple way
                point = _vertex_mean(shapes[ids[k]])
            anchors[ids[k]] = point
            _ANCHORS[keys[ids[k]]] = point
        while len(_ANCHORS) > MAX_REMEMBERED_ANCHORS:
            del _ANCHORS[next(iter(_ANCHORS))]  # the oldest first
    return {i: anchors[i] for i in ids}


class _Rims:
    """The zones' polygons grown by 0.3 mm (`rims[indices]`, as an array of them would give),
    each made when it is first asked for: most never are (a leader crosses few zones), and a
    zone of 100,000 corners took up to 8 s to grow (a drop of a corner of it, on its own foot,
    where no other zone asked for it)."""

    def __init__(self, polygons: numpy.ndarray) -> None:
        self._polygons = polygons
        self._made = numpy.empty(len(polygons), dtype=object)
        self._have = numpy.zeros(len(polygons), dtype=bool)

    def __getitem__(self, indices) -> numpy.ndarray:
        indices = numpy.asarray(indices, dtype=int)
        wanted = numpy.unique(indices[~self._have[indices]])
        if len(wanted):
            self._made[wanted] = shapely.buffer(self._polygons[wanted], 0.3)
            self._have[wanted] = True
        return self._made[indices]


MAX_REMEMBERED_ANCHORS = 4_000  # zones of every view of a few charts
_ANCHORS: dict[tuple, tuple[float, float]] = {}  # _anchor_keys -> anchor


def _anchor_keys(shapes: dict[str, Shape], ids: list[str], sides) -> dict[str, tuple]:
    """For each zone: its shape, the shapes (with ids, in order) of the zones level with it
    anywhere, and the label columns: everything its anchor is worked out from."""
    spans = {}
    for i in ids:
        ys = [y for ring in shapes[i] for _x, y in ring]
        spans[i] = (min(ys), max(ys)) if ys else (0.0, 0.0)
    keys = {}
    for i in ids:
        low, high = spans[i]
        level = tuple((j, shapes[j]) for j in ids if j != i and spans[j][0] <= high and spans[j][1] >= low)
        keys[i] = (i, shapes[i], level, sides)
    return keys


def _visible_anchor(k: int, polygon, polygons: list, tree, polylabel) -> tuple[float, float]:
    visible = polygon
    for j in tree.query(polygon, predicate="intersects"):
        if j != k and polygons[j].area < polygon.area:
            visible = visible.difference(polygons[j])
    pieces = [g for g in getattr(visible, "geoms", [visible]) if isinstance(g, Polygon) and not g.is_empty]
    largest = max(getattr(polygon, "geoms", [polygon]), key=lambda g: g.area)
    target = max(pieces, key=lambda g: g.area) if pieces else largest
    if target.area < 0.15 * largest.area:
        target = largest
    point = polylabel(target, tolerance=0.5)
    return target, (point.x, point.y)


LEADER_STEP_MM = 2.5  # between the heights tried for a leader
LEADER_INSET_MM = 1.5  # the dot stays this far inside its zone


def _clear_anchor(
    k: int, target, start: tuple[float, float], polygons, rims, tree, sides
) -> tuple[float, float]:
    """The point of `target` (zone k's visible part) from which a level leader to the left or
    right column crosses the least of the other zones; near `start` (its deepest point) when
    several are as clear. Costs are millimetres of other zones crossed, plus a hundredth of
    the leader's length and three hundredths of the distance moved."""
    rays = [((start[0], start[1]), (side, start[1])) for side in sides]  # from the deepest point
    origins = [start, start]
    if min(_crossings(k, rays, origins, polygons, rims, tree)) <= 0.5:
        return start  # already a clear way out: most zones; the search below is the slow part
    inner = target.buffer(-LEADER_INSET_MM)
    if inner.is_empty:
        return start
    minx, miny, maxx, maxy = inner.bounds
    heights = [miny + LEADER_STEP_MM * (i + 0.5) for i in range(int((maxy - miny) / LEADER_STEP_MM))]
    if heights:
        cuts = shapely.intersection(
            shapely.linestrings([[(minx - 1, y), (maxx + 1, y)] for y in heights]), inner
        )
        for cut in cuts:
            for piece in getattr(cut, "geoms", [cut]):
                if piece.is_empty or piece.geom_type != "LineString":
                    continue
                xs, y = [x for x, _ in piece.coords], piece.coords[0][1]
                for x, side in ((min(xs), sides[0]), (max(xs), sides[1])):  # each end its own way
                    rays.append(((x, y), (side, y)))
                    origins.append((x, y))
    crossed = _crossings(k, rays, origins, polygons, rims, tree)
    cost = [
        length + 0.01 * abs(a[0] - b[0]) + 0.03 * math.dist(origin, start)
        for length, (a, b), origin in zip(crossed, rays, origins, strict=True)
    ]
    best = min(range(len(cost)), key=cost.__getitem__)
    return float(origins[best][0]), float(origins[best][1])


def _crossings(k: int, rays, origins, polygons, rims, tree) -> list[float]:
    """Millimetres of zones other than k (and other than those around its origin) that each
    level ray crosses."""
    lines = shapely.linestrings(rays)
    ray_of, other = tree.query(lines)
    keep = other != k
    ray_of, other = ray_of[keep], other[keep]
    crossed = shapely.length(shapely.intersection(lines[ray_of], polygons[other]))
    within = shapely.contains(rims[other], shapely.points([origins[i] for i in ray_of]))
    total = [0.0] * len(rays)
    for i, length, inside in zip(ray_of.tolist(), crossed.tolist(), within.tolist(), strict=True):
        if not inside:
            total[i] += length
    return total
