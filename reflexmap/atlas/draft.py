"""What an editor shows of a chart being edited (document.py works it out from the text;
recheck.py from the draft before an edit): the chart as far as it builds, its problems and
each zone's shapes as written."""

from __future__ import annotations

import bisect
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from . import stopping
from .errors import AtlasError
from .refused import Refused
from .schema import value_at


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


REPEAT_MARK = "#"  # a zone repeating an earlier zone's id is shown as "heel#2" (no id has "#")


def shown_ids(ids: list[Any]) -> list[Any]:
    """The id an editor knows each zone by, in the file's order: its own, or for a zone that
    repeats an earlier zone's id (a problem `check` reports) that id with "#2", "#3"… (one no
    zone has), so that every zone written stays listed, drawn, selectable and editable until
    its id is fixed. Ids that are not text are kept as they are."""
    taken = {i for i in ids if isinstance(i, str)}
    seen: dict[str, int] = {}
    shown: list[Any] = []
    for zone_id in ids:
        if not isinstance(zone_id, str) or zone_id not in seen:
            if isinstance(zone_id, str):
                seen[zone_id] = 1
            shown.append(zone_id)
            continue
        count = seen[zone_id]
        while True:
            count += 1
            alias = f"{zone_id}{REPEAT_MARK}{count}"
            if alias not in taken:
                break
        seen[zone_id] = count
        taken.add(alias)
        shown.append(alias)
    return shown


def shown_zone_ids(zones: Any) -> list[Any]:
    """`shown_ids` of a parsed list of zones (None for an entry that is not a zone)."""
    return shown_ids([z.get("id") if isinstance(z, dict) else None for z in zones])


def written_id(zone_id: str) -> str:
    """The id written in the file of a zone shown as `zone_id` ("heel#2" -> "heel")."""
    head, mark, count = zone_id.rpartition(REPEAT_MARK)
    return head if mark and head and count.isdigit() else zone_id


def written_shapes(data: dict, positions: Any = None) -> dict[str, dict[str, Any]]:
    """Each zone's shapes as written, by the id the editor shows it under (see shown_ids).
    With the parse's `positions`, a ring read from the text directly is taken as the parser
    read it (Positions.read_points, as the builder takes it) instead of converted again."""
    from .builder import _parts

    read = getattr(positions, "read_points", None)
    shapes: dict[str, dict[str, Any]] = {}
    zones = data.get("zones", [])
    for zone, zone_id in stopping.each(zip(zones, shown_zone_ids(zones), strict=True)):
        for view_id, shape in (zone.get("shapes") or {}).items():
            ring = read(shape) if read is not None and type(shape) is list else None
            if ring is not None:
                parts = (ring[:-1] if len(ring) > 3 and ring[0] == ring[-1] else ring,)  # as _ring
                shapes.setdefault(zone_id, {}).setdefault(view_id, parts)
                continue
            try:
                parts = shape if shape == "mirror" else _parts(shape)
            except (TypeError, ValueError):
                continue
            shapes.setdefault(zone_id, {}).setdefault(view_id, parts)
    return shapes


def with_repeats(draft: Draft, data: Any, positions: Any, source: str) -> Draft:
    """`draft` with the zones that repeat an earlier zone's id put back under the id the editor
    shows them by (see shown_ids): the lenient chart leaves them out, and a zone the person
    cannot see or select cannot be fixed. The draft itself when no id repeats."""
    atlas = draft.atlas
    zones = data.get("zones") if isinstance(data, dict) else None
    if atlas is None or not isinstance(zones, list):
        return draft
    ids = [z.get("id") if isinstance(z, dict) else None for z in zones]
    shown = shown_ids(ids)
    if shown == ids:
        return draft
    import dataclasses

    from .builder import Builder
    from .index import ZoneIndex

    builder = Builder(data, positions, source)
    views = {view.id: view for view in atlas.views}
    kept = []
    for i, (raw, written, zone_id) in enumerate(zip(zones, ids, shown, strict=True)):
        if written == zone_id:
            if atlas.has_zone(zone_id):
                kept.append(atlas.zone(zone_id))
            continue
        zone = builder.build_zone(i, raw, views, atlas.sources)
        if zone is not None:
            kept.append(dataclasses.replace(zone, id=zone_id))
    index = ZoneIndex((v, z.id, parts) for z in kept for v, parts in z.shapes.items())
    return dataclasses.replace(draft, atlas=dataclasses.replace(atlas, zones=tuple(kept), index=index))


def locate_parsed(data: Any, positions: Any, errors: tuple[AtlasError, ...]) -> tuple[Problem, ...]:
    """`locate`, in text already parsed (`positions` None: it did not parse)."""
    at: dict[tuple[int, int], tuple] = {}
    if positions is not None:
        for path, where in list(positions.every_value().items()) + list(positions.keys.items()):
            if len(path) > len(at.get(where, ())):
                at[where] = path
    placed = sorted(at)
    problems = []
    shown: list[Any] | None = None  # the zones' ids as the editor shows them (once asked)
    for error in errors:
        path = at.get((error.line, error.column), ())
        if not path and placed and error.placed:
            # a number inside a point (a coordinate that is not finite) is not recorded on its
            # own: the value that starts nearest before it is the point that holds it
            # (an error about a character inside a text is placed at that character: the
            # value that starts nearest before it is the text that holds it)
            before = bisect.bisect_right(placed, (error.line, error.column)) - 1
            if before >= 0 and (
                _is_point_path(at[placed[before]]) or isinstance(value_at(data, at[placed[before]]), str)
            ):
                path = at[placed[before]]
        if _is_point_path(path[:-1]) and not isinstance(value_at(data, path), list):
            path = path[:-1]  # a number of a point (text where it is wanted: 1e999, .nan): the point
        zone = None
        if len(path) >= 2 and path[0] == "zones" and isinstance(path[1], int):
            if shown is None:
                shown = shown_zone_ids(data["zones"])
            zone = shown[path[1]] if isinstance(data["zones"][path[1]], dict) else None
        view, part, vertex = shape_place(path)
        problems.append(Problem(error.message, error.line, error.column, zone, view, part, vertex, error))
    return tuple(problems)


def _is_point_path(path: tuple) -> bool:
    """A path to a point of a zone's shape: ('zones', i, 'shapes', view, [part,] vertex)."""
    return len(path) >= 5 and path[0] == "zones" and path[2] == "shapes" and type(path[-1]) is int


FEW_REINDEXED = 20  # zones put back one by one into the index; more: the index made anew


def refused(draft: Draft, shown: Any = None) -> Refused:
    """What the check refuses of `draft` (see Refused); `shown`: its chart as an editor shows
    it (`shown_atlas`), whose shapes the checked chart lacks are the refused shapes."""
    zones: dict[str, str] = {}
    for problem in draft.problems:
        if problem.zone:
            zones.setdefault(problem.zone, problem.message)
    checked = draft.atlas
    shapes: frozenset[tuple[str, str]] = frozenset()
    if shown is not None and checked is not None and shown is not checked:
        shapes = frozenset(
            (view_id, zone.id)
            for zone in shown.zones
            if checked.has_zone(zone.id) and zone.shapes is not checked.zone(zone.id).shapes
            for view_id in zone.shapes
            if view_id not in checked.zone(zone.id).shapes
        )
    return Refused(zones, shapes)


def shown_atlas(draft: Draft) -> Any:
    """The chart as an editor shows it: `draft.atlas` (which leaves out every shape with an
    error, so that hit-testing, labels and exports only meet sound polygons) with those
    shapes put back as far as they can be drawn (`drawable`). A zone with a problem so stays
    in the zone list, keeps its label and its region in the key, and can be clicked to select
    it while it is fixed; the editor hatches it (the problem is where the file has it). The
    draft's own chart is returned when nothing was left out, so a sound chart costs nothing."""
    atlas = draft.atlas
    if atlas is None or not draft.problems:
        return atlas
    import dataclasses

    from .geometry import mirror

    views = {view.id: view for view in atlas.views}
    put_back: dict[str, dict[str, Any]] = {}
    for zone in atlas.zones:
        written = draft.shapes.get(zone.id, {})
        for view_id, shape in written.items():
            if view_id in zone.shapes or view_id not in views:
                continue
            if shape == "mirror":
                source = views[view_id].mirror_of
                original = written.get(source) if source else None
                if not isinstance(original, tuple | list):
                    continue
                shape = tuple(mirror(ring) for ring in original)
            parts = drawable(shape)
            if parts is not None:
                put_back.setdefault(zone.id, {})[view_id] = parts
    if not put_back:
        return atlas
    zones = []
    for zone in atlas.zones:
        extra = put_back.get(zone.id)
        if extra:
            both = {**zone.shapes, **extra}  # in the order the file writes them
            shapes = {v: both[v] for v in draft.shapes.get(zone.id, {}) if v in both}
            zone = dataclasses.replace(zone, shapes=shapes)
        zones.append(zone)
    index = atlas.index
    if index is None or len(put_back) > FEW_REINDEXED:
        from .index import ZoneIndex

        index = ZoneIndex((v, z.id, parts) for z in zones for v, parts in z.shapes.items())
    else:
        order = [z.id for z in zones]
        for zone in zones:
            if zone.id in put_back:
                index = index.replaced(zone.id, zone.shapes, order)
    return dataclasses.replace(atlas, zones=tuple(zones), index=index)


def drawable(shape: Any) -> tuple | None:
    """A shape with an error as a sound polygon that looks like it, for drawing, labelling and
    clicking (never for saving: the file keeps what was written). A ring that is a sound
    polygon (one outside its outline, of a repeated id) is kept as written; one crossing
    itself is split where it crosses (Shapely's make_valid); one with no area (its points on a
    line) becomes a thin band along its points. None when nothing can be drawn (fewer than
    three points, a coordinate that is not a finite number)."""
    import numpy
    import shapely
    from shapely.geometry import LineString, Polygon

    from .geometry import MIN_AREA_MM2

    rings: list[tuple] = []
    for ring in shape if isinstance(shape, tuple | list) else ():
        try:
            points = [(float(x), float(y)) for x, y in ring]
        except (TypeError, ValueError):
            continue
        array = numpy.array(points, dtype=float).reshape(-1, 2)
        if len(points) < 3 or not numpy.isfinite(array).all():
            continue
        try:
            # (from an array: from the tuples Shapely read each point in Python, 0.25 s a
            # ring of 100,000 corners at each drop of a zone with a problem)
            polygon = Polygon(array)
            if polygon.is_valid and polygon.area >= MIN_AREA_MM2:
                rings.append(tuple(points))
                continue
            fixed = shapely.make_valid(polygon)
            pieces = [g for g in getattr(fixed, "geoms", [fixed]) if g.geom_type == "Polygon"]
            pieces = [g for g in pieces if g.area >= MIN_AREA_MM2 / 4]
            if not pieces:
                pieces = [LineString(array).buffer(0.4, quad_segs=2)]
            rings.extend(tuple(g.exterior.coords)[:-1] for g in pieces if not g.is_empty)
        except (shapely.errors.GEOSException, ValueError):
            continue
    return tuple(rings) or None


# What `reflexmap check` says of a corner (numbered: the person looks for it in the file), and
# how the editor says the same on the map, which numbers no corners but rings the one meant.
_CORNER_PHRASES = (
    (
        "the zone lies {distance} mm outside the foot's outline at point {number}",
        "the zone lies {distance} mm outside the foot's outline at its marked corner",
    ),
)


def in_words(message: str, views: Any, names: Mapping[str, str] | None = None) -> str:
    """`message` (a problem as `reflexmap check` says it, in the interface's language) as the
    editor shows it: each view (`views`: the chart's), which the check names in words with its
    id in brackets ("left foot, plantar view [plantar-left]"), in words alone; a corner
    outside the outline as the one marked on the map; and the zone it is about by its name as
    shown (`names`: zone id -> the name, isolated, S17-2): the editor shows problems to a
    person, who knows the views by what they show and the zones by their names, not by the
    file's ids."""
    import re

    from ..i18n import _
    from ..vocab import where
    from .builder import view_in_words

    for view in views:
        said = view_in_words(view, view.id)
        if said in message:
            message = message.replace(said, where(view.foot, view.aspect))
        quoted = f"'{view.id}'"
        if quoted in message:  # any other sentence naming it by its id alone
            message = message.replace(quoted, f"'{where(view.foot, view.aspect)}'")
    for said, shown in _CORNER_PHRASES:
        pattern = re.escape(_(said))
        for name in ("number", "distance"):
            pattern = pattern.replace(re.escape("{" + name + "}"), f"(?P<{name}>[^ ]+?)", 1)
        message = re.sub(pattern, lambda m, shown=shown: _(shown).format(distance=m["distance"]), message)
    if names:  # "zone 'heel', left foot…" as "zone 'Heel', left foot…"
        before, _zone, after = _("zone '{zone}', {view}").partition("{zone}")
        after = after.partition("{view}")[0]
        for zone_id, name in names.items():
            message = message.replace(f"{before}{zone_id}{after}", f"{before}{name}{after}")
    return message
