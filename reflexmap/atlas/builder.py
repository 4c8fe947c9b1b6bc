"""Parsed, structurally valid zone-file data → the frozen model, or errors with positions.

The third pass of loading: references between sources, views and zones, mirrors, and
every polygon's geometry (with Shapely). Only a chart that is not in the cache gets here.
"""

from __future__ import annotations

import itertools
import math
from typing import TYPE_CHECKING, Any

from shapely.geometry import Polygon

from ..i18n import _
from ..vocab import AS_WRITTEN
from ..vocab import where as where_words
from . import geometry, stopping
from .errors import AtlasError
from .index import Packed, ZoneIndex
from .model import Atlas, Guide, Ring, Shape, Source, View, Zone
from .text import GEOMETRY_KEYS, TEXT_KEYS, first_text_problem, problem_place, text_problems

if TYPE_CHECKING:
    from pathlib import Path

    from .yaml_source import Positions


def _is_parts(raw: list) -> bool:
    """A list of polygons rather than one polygon (its first item is a list of points)."""
    return bool(raw) and isinstance(raw[0], list) and bool(raw[0]) and isinstance(raw[0][0], list)


def _parts(raw: list) -> Shape:
    return tuple(_ring(part) for part in raw) if _is_parts(raw) else (_ring(raw),)


def _point_path(where: tuple, raw: Any, part: int, point: int | None) -> tuple:
    """Path of the point to blame; a problem in a mirrored shape points at the 'mirror'."""
    if raw == "mirror" or point is None:
        return where
    return where + ((part, point) if _is_parts(raw) else (point,))


def _ring(raw: list[list[float]]) -> Ring:
    ring = tuple([(float(x), float(y)) for x, y in raw])  # (a list first: a third quicker)
    if len(ring) > 3 and ring[0] == ring[-1]:
        ring = ring[:-1]  # an explicitly closed ring means the same polygon
    return ring


def _text_problems(data: dict):
    """`text_problems(data)`, zone by zone (a stop asked for is taken between two zones:
    stopping.py); the same problems, the zones' last (the errors are sorted)."""
    rest = {key: value for key, value in data.items() if key != "zones"}
    yield from text_problems(rest)
    for i, zone in stopping.each(enumerate(data["zones"])):
        if isinstance(zone, dict | list):
            yield from text_problems(zone, ("zones", i))


def _texts_by_key(data: dict) -> dict[str, list[str]]:
    """Every text `text_problems(data)` looks at, by its key (the same walk, only collecting,
    zone by zone as `_text_problems`): `first_text_problem` answers for all of them at once,
    as `text_problem` would for each (30,000 texts in a 10,000-zone chart); only a chart it
    finds a problem in is walked again for each problem's place."""
    by_key: dict[str, list[str]] = {}

    def collect(stack: list[Any]) -> None:
        while stack:
            value = stack.pop()
            if isinstance(value, dict):
                for key, item in value.items():
                    if isinstance(item, str):
                        if key in TEXT_KEYS:
                            by_key.setdefault(key, []).append(item)
                    elif isinstance(item, (dict, list)) and key not in GEOMETRY_KEYS:
                        stack.append(item)
            elif isinstance(value, list):
                for item in value:
                    if isinstance(item, (dict, list)):
                        stack.append(item)

    collect([{key: value for key, value in data.items() if key != "zones"}])
    zones = data["zones"]
    for start in stopping.each(range(0, len(zones), 64), 1):  # a look every 64 zones
        collect(zones[start : start + 64][::-1])  # (popped last first: in order)
    return by_key


# From this many points of zone rings, the index takes them as one array (index.Packed), as
# from the chart cache: areas and hit-test polygons made by NumPy at once, the same bit for bit
PACKED_FROM = 16_384


def _index(zones: list[Zone]) -> ZoneIndex:
    """The hit-test index of these zones; a large chart's from its points as one array."""
    shapes = [(view_id, z.id, parts) for z in stopping.each(zones) for view_id, parts in z.shapes.items()]
    total = sum(len(ring) for _, _, parts in shapes for ring in parts)
    if total < PACKED_FROM:
        return ZoneIndex(shapes)
    import numpy as np

    views: dict[str, list] = {}
    rings: dict[str, tuple[list[int], list[int]]] = {}
    offset = 0
    for view_id, zone_id, parts in shapes:
        listed = rings.get(view_id)
        if listed is None:
            listed = rings[view_id] = ([], [])
            views[view_id] = []
        offsets, counts = listed
        where = []
        for ring in parts:
            where.append((offset, len(ring)))
            offsets.append(offset)
            counts.append(len(ring))
            offset += len(ring)
        views[view_id].append((zone_id, parts, tuple(where)))
    chained = itertools.chain.from_iterable
    every_ring = (ring for _, _, parts in shapes for ring in parts)
    points = np.fromiter(chained(chained(every_ring)), dtype=float, count=2 * total).reshape(-1, 2)
    return ZoneIndex.from_packed(Packed(points, views, rings))


def _area_rounding(counts, coords):
    """For each ring (`counts` points each, in `coords`), a bound many times over on how far
    rounding can move the area Shapely computes for its polygon or for that polygon's convex
    hull (some of the same points): a sum of at most n products, each below 4·M² (M the
    ring's largest coordinate size), added one by one, is off by less than about n²·ε·4·M²;
    64·n²·ε·M² is asked (a 20-point zone 300 mm from the origin: 10⁻⁶ mm²)."""
    import numpy as np

    starts = np.concatenate(([0], np.cumsum(counts)[:-1]))
    size = np.maximum.reduceat(np.abs(coords).max(axis=1), starts)
    return 64 * np.finfo(float).eps * (counts * size).astype(float) ** 2


def _sound_polygons(fine, counts, coords):
    """`fine` (per ring) narrowed to the rings whose polygon is valid and not too small: the
    checks of `geometry.polygon_problem`, for all rings in a few vectorised calls."""
    import numpy as np
    import shapely

    fine = fine.copy()
    chosen = np.flatnonzero(fine)
    if len(chosen):
        which = np.repeat(np.arange(len(counts)), counts)
        keep = fine[which]
        points = coords[keep]
        linear = shapely.linearrings(points, indices=np.searchsorted(chosen, which[keep]))
        built = shapely.polygons(linear)
        area = shapely.area(built)
        sound = shapely.is_valid(built) & (area >= geometry.MIN_AREA_MM2)
        # a valid polygon lies inside its convex hull, so the hull's area is no smaller than
        # its own; the hull is asked only where the two areas' rounding could tell them apart
        # near the minimum (the hull of nearly every zone is never made: small zones included)
        near = geometry.MIN_AREA_MM2 + _area_rounding(counts[chosen], points)
        small = np.flatnonzero(sound & (area < near))
        if len(small):
            sound[small] = shapely.area(shapely.convex_hull(built[small])) >= geometry.MIN_AREA_MM2
        fine[chosen] = sound
    return fine


def view_in_words(view: View | None, view_id: str) -> str:
    """A view as a message names it: as the interface does, in its language, with the id the
    file uses in brackets to find it there ("left foot, plantar view [plantar-left]"); the
    id alone for a view the chart does not have."""
    if view is None:
        return view_id
    return _("{words} [{id}]").format(words=where_words(view.foot, view.aspect), id=view_id)


def shape_problems(
    zone_id: str,
    view_id: str,
    parts: Shape,
    outline: Polygon,
    view_words: str | None = None,
    zone_words: str | None = None,
    *,
    view: View | None = None,
    as_read: bool = False,
) -> list[tuple[int, int | None, str]]:
    """What `reflexmap check` says about one zone's shape in one view, as (part, vertex,
    message): the builder's rules, also run by the editor on a shape while it is dragged.
    `view_words`: the view as the interface names it ("left foot, plantar view"), said alone
    (the editor's marks on the map, which number no corners); otherwise `view` is said in
    words with its id in brackets, for `reflexmap check` and the lists of problems (tryout
    S18-7: "zone 'z' in view 'plantar-left'", where the editor said "left foot, plantar view").
    `zone_words`: with `view_words`, the zone's name as shown (isolated), said instead of its
    id (S17-2). `as_read` (the editor's marks): a `view` that mirrors another (the right foot
    drawn from the left) is checked with its x turned, so that its places read as the status
    bar gives them (coords.as_read: "near (85.7, 28.1) mm" on both feet, not "(-85.7, 28.1)":
    tryout); `reflexmap check` gives the numbers the file holds."""
    said = view_words if view_words is not None else view_in_words(view, view_id)
    if as_read and getattr(view, "mirror_of", None):
        parts = [_turned(ring) for ring in parts]
        outline = Polygon(_turned(outline.exterior.coords))
    zone = zone_words if view_words is not None and zone_words is not None else zone_id

    def where(part: int | None) -> str:
        if part is not None:
            return _("zone '{zone}', {view} (part {part})").format(zone=zone, view=said, part=part)
        return _("zone '{zone}', {view}").format(zone=zone, view=said)

    found: list[tuple[int, int | None, str]] = []
    for k, ring in enumerate(parts):
        problem = geometry.polygon_problem(ring) or geometry.outside_problem(
            ring, outline, view_id, named=view_words is not None
        )
        if problem:
            found.append((k, problem[0], f"{where(k + 1 if len(parts) > 1 else None)}: {problem[1]}"))
    if not found and len(parts) > 1:
        problem = geometry.parts_problem(parts)
        if problem:  # drawing, labelling and comparing need one valid geometry
            found.append((problem[0], 0, f"{where(None)}: {problem[1]}"))
    return found


def _turned(ring):
    """`ring` with its x turned (a mirrored view's points as read: coords.as_read), of the
    kind it came as: points (the file's), or an array (the editor's live check)."""
    if hasattr(ring, "shape"):  # a numpy array
        turned = ring.astype(float, copy=True).reshape(-1, 2)
        turned[:, 0] = -turned[:, 0]
        return turned
    return [(-x, y) for x, y in ring]


class Builder:
    """Resolves references and mirrors, checks geometry, and builds the frozen model."""

    def __init__(self, data: dict[str, Any], positions: Positions, source: str, *, most: int | None = None):
        self.data = data
        self.most = most  # errors after which no more zones are checked (limits.first_errors)
        self.positions = positions
        self.source = source
        self.errors: list[AtlasError] = []
        self._outlines: dict[str, Polygon] = {}  # one Shapely outline per view, not per zone
        self._sound: set[tuple[int, str]] = set()  # (zone index, view id) of shapes surely sound
        self._rings: dict[int, Ring] = {}  # id of a one-part shape in `data` -> its ring

    def error(self, path: tuple, message: str, *, at_key: bool = False) -> None:
        if not at_key:
            path = self._number_in(path)
        line, column = self.positions.of_key(path) if at_key else self.positions.of_value(path)
        self.errors.append(AtlasError(self.source, line, column, message))

    def text_error(self, path: tuple, message: str) -> None:
        """An error about chart text at `path` (text_problems): placed at the character it is
        about (the first control character, or the first of a text with none visible), not at
        the start of the value."""
        value: Any = self.data
        for key in path:
            value = value[key]
        line, column = self.positions.of_value(path)
        line, column = problem_place(self.positions, line, column, path[-1], value)
        self.errors.append(AtlasError(self.source, line, column, message))

    def _enough(self) -> bool:
        """More errors than will be listed: nothing more is checked (limits.first_errors)."""
        return self.most is not None and len(self.errors) > self.most

    def _number_in(self, path: tuple) -> tuple:
        """`path` itself, or when it leads to a point holding a coordinate that is not a finite
        number (.nan, .inf, 1e999), the path of that number: the error is about it, and the
        author should be shown the number, not the point around it."""
        value: Any = self.data
        for key in path:
            try:
                value = value[key]
            except (KeyError, IndexError, TypeError):
                return path
        if type(value) is list and len(value) == 2:
            for axis, number in enumerate(value):
                if type(number) is float and not math.isfinite(number):
                    return path + (axis,)
        return path

    def unique(self, items: list[dict], base: tuple, what: str) -> None:
        first: dict[str, int] = {}
        for i, item in enumerate(items):
            item_id = item["id"]
            if item_id in first and not self._enough():
                line = self.positions.of_value(base + (first[item_id], "id"))[0]
                templates = {
                    "zone": _("duplicate zone id '{id}' (first used on line {line})"),
                    "view": _("duplicate view id '{id}' (first used on line {line})"),
                    "source": _("duplicate source id '{id}' (first used on line {line})"),
                }
                template = templates.get(what, "duplicate " + what + " id '{id}' (first used on line {line})")
                self.error(base + (i, "id"), template.format(id=item_id, line=line))
            else:
                first[item_id] = i

    def build(self, path: Path | None, *, lenient: bool = False) -> Atlas | None:
        """The model, or None when there are errors. `lenient` (an editor showing work in
        progress) still builds it when only zones are wrong: a shape with an error is left
        out of its view and a zone repeating an earlier zone's id is left out."""
        data = self.data
        self.unique(data["sources"], ("sources",), "source")
        self.unique(data["views"], ("views",), "view")
        if self.errors:  # which view a zone's shapes belong to is unclear: nothing more to check
            return None
        self.unique(data["zones"], ("zones",), "zone")
        sources = {
            s["id"]: Source(s["id"], s["title"], s.get("url"), s.get("note"), s.get("translations", {}))
            for s in data["sources"]
        }
        views = self.build_views()
        self._sound = self.sound_shapes(views)
        each = stopping.each(enumerate(data["zones"]))  # (a stop asked for: stopping.py)
        zones = [self.build_zone(i, raw, views, sources) for i, raw in each if not self._enough()]
        if not self._enough() and first_text_problem(_texts_by_key(data)):  # each, and its place
            for where, problem in _text_problems(data):  # blank names, control characters
                self.text_error(where, problem)
                if self._enough():
                    break
        if self.errors and not lenient:
            return None
        if lenient:
            seen: set[str] = set()
            zones = [z for z in zones if not (z.id in seen or seen.add(z.id))]
        return Atlas(
            id=data["id"],
            title=data["title"],
            tradition=data["tradition"],
            description=data.get("description"),
            zone_names=data.get("zone_names", AS_WRITTEN),
            sources=sources,
            views=tuple(views.values()),
            zones=tuple(zones),
            path=path,
            index=_index(zones),
            translations=data.get("translations", {}),
        )

    def sound_shapes(self, views: dict[str, View]) -> set[tuple[int, str]]:
        """(zone index, view id) of the one-part shapes that pass every per-polygon rule,
        found for all zones at once with Shapely's vectorised functions (a 10,000-zone chart
        in a fraction of a second instead of seconds). The rules are the same as
        `geometry.polygon_problem` and `geometry.outside_problem`; a shape not found sound
        here is checked by them one by one, which also words its error."""
        import numpy as np
        import shapely

        keys: list[tuple[int, str]] = []
        rings: list[Ring] = []
        for i, raw in stopping.each(enumerate(self.data["zones"])):
            for view_id, shape in raw["shapes"].items():
                view = views.get(view_id)
                if view is None:
                    continue
                if shape == "mirror":
                    original = raw["shapes"].get(view.mirror_of) if view.mirror_of else None
                    if not isinstance(original, list) or _is_parts(original):
                        continue
                    ring = geometry.mirror(_ring(original))
                elif _is_parts(shape):
                    continue  # several parts: checked one by one (rare)
                else:
                    ring = self._rings[id(shape)] = self._ring(shape)  # build_zone takes it again
                keys.append((i, view_id))
                rings.append(ring)
        if not rings:
            return set()
        counts = np.fromiter(map(len, rings), dtype=np.intp, count=len(rings))
        chained = itertools.chain.from_iterable
        coords = np.fromiter(chained(chained(rings)), dtype=float, count=2 * int(counts.sum())).reshape(-1, 2)
        starts = np.concatenate(([0], np.cumsum(counts)[:-1]))
        finite = np.logical_and.reduceat(np.isfinite(coords).all(axis=1), starts)
        stopping.check()  # (between the steps over all rings: each about a tenth of a second)
        closed = np.array([ring[0] == ring[-1] for ring in rings])
        fine = finite & ((counts >= 4) | ((counts == 3) & ~closed))  # a ring Shapely can build
        try:
            fine = _sound_polygons(fine, counts, coords)
        except (shapely.errors.GEOSException, ValueError):  # never for what the schema let through
            return set()
        stopping.check()
        # every vertex inside (or on) its view's outline: no distance to measure
        inside = np.zeros(len(coords), dtype=bool)
        codes = {view_id: k for k, view_id in enumerate(dict.fromkeys(view_id for _, view_id in keys))}
        view_of = np.repeat(np.fromiter((codes[v] for _, v in keys), dtype=np.intp, count=len(keys)), counts)
        for view_id, code in codes.items():
            at = np.flatnonzero(view_of == code)
            outline = self.outline_polygon(views[view_id])
            shapely.prepare(outline)
            # a point intersects a polygon exactly when the polygon covers it
            inside[at] = shapely.intersects_xy(outline, coords[at, 0], coords[at, 1])
        fine &= np.logical_and.reduceat(inside, starts)
        return {key for key, ok in zip(keys, fine.tolist(), strict=True) if ok}

    def _ring(self, raw: list) -> Ring:
        """`_ring(raw)`, taken from what the parser read when `raw` is a list of points it
        read from the text directly (see Positions.read_points)."""
        read = getattr(self.positions, "read_points", None)
        ring = read(raw) if read is not None else None
        if ring is None:
            return _ring(raw)
        if len(ring) > 3 and ring[0] == ring[-1]:
            ring = ring[:-1]  # as _ring: an explicitly closed ring means the same polygon
        return ring

    def outline_polygon(self, view: View) -> Polygon:
        if view.id not in self._outlines:
            self._outlines[view.id] = Polygon(view.outline)
        return self._outlines[view.id]

    def build_views(self) -> dict[str, View]:
        raw_views = {v["id"]: (i, v) for i, v in enumerate(self.data["views"])}
        views: dict[str, View] = {}
        seen_sides: dict[tuple[str, str], str] = {}
        for view_id, (i, raw) in raw_views.items():
            base = ("views", i)
            side = (raw["foot"], raw["aspect"])
            if side in seen_sides:
                self.error(
                    base + ("aspect",),
                    _("view '{view}' already draws this foot ({foot}) in this aspect ({aspect})").format(
                        view=seen_sides[side], foot=side[0], aspect=side[1]
                    ),
                )
            seen_sides.setdefault(side, view_id)
            outline = self.view_outline(base, raw, raw_views)
            if outline is None:
                continue
            guides = []
            for g, guide in enumerate(raw.get("guides", [])):
                points = tuple((float(x), float(y)) for x, y in guide["points"])  # open line
                problem = geometry.line_problem(points)
                if problem:
                    self.error(base + ("guides", g, "points", problem[0] or 0), problem[1])
                guides.append(Guide(guide["id"], guide["name"], points, guide.get("translations", {})))
            if not guides and raw.get("mirror_of") in raw_views:
                source_raw = raw_views[raw["mirror_of"]][1]
                guides = [
                    Guide(
                        g["id"],
                        g["name"],
                        geometry.mirror(tuple((float(x), float(y)) for x, y in g["points"])),
                        g.get("translations", {}),
                    )
                    for g in source_raw.get("guides", [])
                ]
            views[view_id] = View(
                view_id, raw["foot"], raw["aspect"], outline, tuple(guides), raw.get("mirror_of")
            )
        return views

    def view_outline(self, base: tuple, raw: dict, raw_views: dict) -> Ring | None:
        has_outline, mirror_of = "outline" in raw, raw.get("mirror_of")
        if has_outline and mirror_of:
            self.error(
                base + ("mirror_of",), _("give either 'outline' or 'mirror_of', not both"), at_key=True
            )
            return None
        if has_outline:
            outline = _ring(raw["outline"])
            problem = geometry.polygon_problem(outline)
            if problem:
                self.error(
                    base + ("outline", problem[0] or 0), _("outline: {problem}").format(problem=problem[1])
                )
                return None
            return outline
        if not mirror_of:
            self.error(base, _("a view needs an 'outline' or 'mirror_of' (the id of a view it mirrors)"))
            return None
        if mirror_of not in raw_views:
            self.error(
                base + ("mirror_of",),
                _("unknown view '{view}'; known views: {known}").format(
                    view=mirror_of, known=", ".join(raw_views)
                ),
            )
            return None
        target = raw_views[mirror_of][1]
        if "outline" not in target:
            self.error(
                base + ("mirror_of",),
                _("view '{view}' is itself a mirror; mirror a view with an outline").format(view=mirror_of),
            )
            return None
        if target["foot"] == raw["foot"] or target["aspect"] != raw["aspect"]:
            self.error(
                base + ("mirror_of",),
                _("'{view}' must be the same aspect of the other foot").format(view=mirror_of),
            )
            return None
        if geometry.polygon_problem(_ring(target["outline"])):
            return None  # reported once, at the outline; its mirror and zones are not checked
        return geometry.mirror(_ring(target["outline"]))

    def build_zone(self, i: int, raw: dict, views: dict[str, View], sources: dict[str, Source]) -> Zone:
        base = ("zones", i)
        if not raw["sources"]:  # (the schema lets it by: a zone just drawn is shown while one is chosen)
            known = ", ".join(sources) or _("none are defined")
            self.error(
                base + ("sources",),
                _("the zone names no source; name the sources it comes from (known sources: {known})").format(
                    known=known
                ),
                at_key=True,
            )
        for s, source_id in enumerate(raw["sources"]):
            if source_id not in sources:
                known = ", ".join(sources) or _("none are defined")
                self.error(
                    base + ("sources", s),
                    _("unknown source '{source}'; known sources: {known}").format(
                        source=source_id, known=known
                    ),
                )
        shapes: dict[str, Shape] = {}
        failed: set[str] = set()  # views whose own shape was reported: not again for a mirror
        # drawn shapes first, then mirrors: a mirror of a shape already reported is skipped
        ordered = sorted(raw["shapes"].items(), key=lambda item: isinstance(item[1], str))
        for view_id, shape in ordered:
            where = base + ("shapes", view_id)
            if view_id not in views:
                if view_id not in {v["id"] for v in self.data["views"]}:
                    self.error(
                        where,
                        _("unknown view '{view}'; known views: {known}").format(
                            view=view_id, known=", ".join(v["id"] for v in self.data["views"])
                        ),
                        at_key=True,
                    )
                continue
            view = views[view_id]
            if shape == "mirror":
                if view.mirror_of in failed:
                    continue  # the cause was reported once, where the shape is drawn
                # its drawn shape built here already passed polygon_problem: not asked again
                parts = self.mirrored_shape(where, raw, view, views, checked=view.mirror_of in shapes)
                if parts is None:
                    continue
            else:
                ring = self._rings.get(id(shape))
                parts = (ring,) if ring is not None else _parts(shape)
            if (i, view_id) in self._sound:  # one part, every rule checked at once
                shapes[view_id] = parts
                continue
            problems = shape_problems(raw["id"], view_id, parts, self.outline_polygon(view), view=view)
            for part, vertex, message in problems:
                self.error(_point_path(where, shape, part, vertex), message)
            if problems:
                failed.add(view_id)
            else:
                shapes[view_id] = parts
        shapes = {view_id: shapes[view_id] for view_id in raw["shapes"] if view_id in shapes}
        return Zone(
            id=raw["id"],
            name=raw["name"],
            region=raw["region"],
            claim=raw["claim"],
            technique=raw["technique"],
            sources=tuple(raw["sources"]),
            confidence=raw["confidence"],
            shapes=shapes,
            note=raw.get("note"),
            tradition=raw.get("tradition"),
            translations=raw.get("translations", {}),
        )

    def mirrored_shape(
        self,
        where: tuple,
        raw: dict,
        view: View,
        views: dict[str, View] | None = None,
        checked: bool = False,
    ) -> Shape | None:
        """The zone's shape in `view` mirrored from its drawn one, or None (reported once,
        where it is drawn). `checked`: the drawn shape was built without a problem (the same
        rings: polygon_problem is not asked again, 2,150 times on 2,700 realistic zones)."""
        views = views or {}
        if view.mirror_of is None:
            self.error(
                where,
                _("'mirror' only works in a view that mirrors another; '{view}' has its own outline").format(
                    view=view.id
                ),
            )
            return None
        original = raw["shapes"].get(view.mirror_of)
        if not isinstance(original, list):
            self.error(
                where,
                _("'mirror' needs a polygon for the {view} in this zone").format(
                    view=view_in_words(views.get(view.mirror_of), view.mirror_of)
                ),
            )
            return None
        parts = _parts(original)
        if not checked and any(geometry.polygon_problem(ring) for ring in parts):
            return None  # reported once, where the shape is drawn; not again for its mirror
        return tuple(geometry.mirror(ring) for ring in parts)
