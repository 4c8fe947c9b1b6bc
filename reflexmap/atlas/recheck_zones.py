"""The check of a chart after an edit of its zones that went through the round trip
(edits.Edit.apply: a vertex inserted, a zone drawn, duplicated, deleted or renamed, its texts
or sources edited, a mirror broken, the chart's own texts changed), worked out from the check
of the document before it instead of from scratch.

The new text is parsed whole (so every line and column is the parser's own), but only the
zones that differ from the ones before are checked again, by the builder's own rules
(`Builder.build_zone`): the zones before and after the first and last one changed are the
same values, checked already. Rules that look at more than one zone are run whole: the
uniqueness of zone ids (a rename, a duplicate) and the lenient chart's choice among zones of
one id. A zone whose texts alone changed keeps its shapes without a geometry check (they are
the values checked before). Where the shortcut could differ from a full check it is not
taken and `derived_draft` returns None: views or sources changed, a problem before that is not
about a zone, a changed zone the schema interpreter is not sure of, a chart text the schema
refuses, nothing checked to start from. `tests/atlas/test_recheck_zones.py` compares the two
after random edits of every kind. No Qt.
"""

from __future__ import annotations

import dataclasses
from collections import Counter
from typing import TYPE_CHECKING, Any

from ..vocab import AS_WRITTEN

if TYPE_CHECKING:
    from .document import ChartDocument
    from .draft import Draft

MAX_BACK = 32  # documents walked back to find one checked (edits made in turn, one change)
MAX_INDEXED = 1  # zones put into the index one by one; more: the index is made afresh


def checked_before(document: ChartDocument) -> ChartDocument | None:
    """The nearest document this one was made from (through edits) whose check is known and
    can be started from: a chart that builds, every problem about a zone (an edit undone
    after one that broke the chart's structure starts from the one before that)."""
    before = document.basis[0].before if document.basis else None
    for _ in range(MAX_BACK):
        if before is None:
            return None
        old = before.cached_draft()
        if old is not None and old.atlas is not None and all(p.zone is not None for p in old.problems):
            return before
        before = before.basis[0].before if before.basis else None
    return None


def derived_draft(document: ChartDocument) -> Draft | None:
    """`document.draft()` from the draft of a document before it, or None when it must be
    checked whole."""
    from .builder import Builder
    from .draft import Draft, locate_parsed, written_shapes
    from .index import ZoneIndex
    from .recheck_window import parsed_data
    from .schema import _surely_valid, _without_sound_coordinates, check_structure, schema
    from .text import text_problems
    from .yaml_source import parse_yaml

    before = checked_before(document)
    old = before.cached_draft() if before is not None else None
    if old is None or old.atlas is None or any(p.zone is None for p in old.problems):
        return None
    if parsed_data(before) is None:
        return None
    old_data = before.parsed[0][0]
    if type(old_data) is not dict:
        return None
    from .recheck_window import spliced

    found = document.parsed[0] if document.parsed else spliced(document)  # (a few zones parsed alone)
    data, positions, errors = (*found, []) if found else parse_yaml(document.text, document.source)
    if errors or type(data) is not dict:
        return None
    zones, old_zones = data.get("zones"), old_data.get("zones")
    if type(zones) is not list or type(old_zones) is not list or not zones:
        return None
    if data.get("views") != old_data.get("views") or data.get("sources") != old_data.get("sources"):
        return None
    array = schema()["properties"]["zones"]
    most = array.get("maxItems", len(zones))
    if set(array) - {"type", "items", "maxItems", "description"} or len(zones) > most:
        return None  # a rule on the whole list: the schema sees it whole
    n, m = len(zones), len(old_zones)
    first = 0
    while first < min(n, m) and (zones[first] is old_zones[first] or zones[first] == old_zones[first]):
        first += 1
    last = 0
    while last < min(n, m) - first and (
        zones[n - 1 - last] is old_zones[m - 1 - last] or zones[n - 1 - last] == old_zones[m - 1 - last]
    ):
        last += 1
    changed = range(first, n - last)
    sound = _without_sound_coordinates({"zones": [zones[i] for i in changed]})["zones"]
    if not all(type(zone) is dict and _surely_valid(zone, array["items"]) for zone in sound):
        return None  # jsonschema would look, and may say something
    top = {key: value for key, value in data.items() if key != "zones"}
    if top != {key: value for key, value in old_data.items() if key != "zones"}:
        # the chart's own texts: the schema checks them (with one zone, sound, as the list)
        if check_structure({**top, "zones": zones[:1]}, positions, document.source):
            return None
    document.parsed.clear()
    document.parsed.append((data, positions))

    atlas = old.atlas
    old_count = Counter(z["id"] for z in old_zones)
    old_raw = {z["id"]: z for z in old_zones}
    troubled = {p.zone for p in old.problems}
    views = {v.id: v for v in atlas.views}
    builder = Builder(data, positions, document.source)
    built = []
    rebuilt: list = []
    for i, raw in enumerate(zones):
        zone_id = raw["id"]
        same = old_count[zone_id] == 1 and zone_id not in troubled and atlas.has_zone(zone_id)
        if same and (i < first or i >= n - last):
            built.append(atlas.zone(zone_id))  # the same value, checked before
            continue
        if same and old_raw[zone_id]["shapes"] == raw["shapes"]:
            # its texts changed, not its shapes: they were found sound before
            builder._sound.update((i, view) for view in atlas.zone(zone_id).shapes)
        zone = builder.build_zone(i, raw, views, atlas.sources)
        for where, problem in text_problems(raw, ("zones", i)):  # as the full check's builder
            builder.text_error(where, problem)
        built.append(zone)
        rebuilt.append(zone)
    if top != {key: value for key, value in old_data.items() if key != "zones"}:
        for where, problem in text_problems(top):  # the chart's own texts
            builder.text_error(where, problem)
    builder.unique(zones, ("zones",), "zone")
    errors = tuple(sorted(set(builder.errors)))
    problems = locate_parsed(data, positions, errors) if errors else ()
    seen: set[str] = set()
    kept = tuple(z for z in built if not (z.id in seen or seen.add(z.id)))

    order = [z.id for z in kept]
    ids = set(order)
    removed = [z for z in atlas.zones if z.id not in ids]
    rebuilt_ids = {id(z) for z in rebuilt}
    moved = [  # zones whose shapes the index does not have
        z
        for z in kept
        if id(z) in rebuilt_ids and (not atlas.has_zone(z.id) or atlas.zone(z.id).shapes != z.shapes)
    ]
    if len(moved) > MAX_INDEXED or [z.id for z in atlas.zones if z.id in ids] != [
        z for z in order if atlas.has_zone(z)
    ]:
        index = ZoneIndex((view, z.id, parts) for z in kept for view, parts in z.shapes.items())
    else:
        index = atlas.index
        for zone in removed:
            index = index.replaced(zone.id, {}, order)
        for zone in moved:
            index = index.replaced(zone.id, zone.shapes, order)
    touched = {view for z in [*removed, *moved] for view in z.shapes}
    touched |= {view for z in moved if atlas.has_zone(z.id) for view in atlas.zone(z.id).shapes}
    new_atlas = dataclasses.replace(
        atlas,
        id=data["id"],
        title=data["title"],
        tradition=data["tradition"],
        description=data.get("description"),
        zone_names=data.get("zone_names", AS_WRITTEN),
        zones=kept,
        index=index,
        translations=data.get("translations", {}),
    )
    known = atlas.known_anchors()
    new_atlas.remember_anchors({v: a for v, a in known.items() if v not in touched})
    new_atlas.remember_anchors(crowded_anchors(new_atlas, known, touched, {z.id for z in moved}))
    return Draft(new_atlas, problems, _written(old, zones, old_count, first, n - last, written_shapes))


def crowded_anchors(atlas, known: dict, touched: set[str], moved: set[str]) -> dict:
    """The anchors of the touched views too crowded to label, in the new `atlas`, from those
    `known` before: there each zone's anchor is its own (geometry.inner_points), so only the
    zones whose shapes changed are worked out again (a drag on a chart of 10,000 zones took
    a second to find all 5,000 anchors of its view again)."""
    from .coords import MAX_LABELLED_ZONES
    from .geometry import inner_points

    found = {}
    for view in touched:
        before = known.get(view)
        zones = atlas.zones_in(view)
        if before is None or len(before) <= MAX_LABELLED_ZONES or len(zones) <= MAX_LABELLED_ZONES:
            continue  # (labelled views: each anchor depends on the zones level with it)
        again = {z.id: z.shapes[view] for z in zones if z.id in moved or z.id not in before}
        fresh = inner_points(again) if again else {}
        found[view] = {z.id: fresh[z.id] if z.id in fresh else before[z.id] for z in zones}
    return found


def _written(old: Draft, zones: list[Any], old_count: Counter, first: int, end: int, written_shapes) -> dict:
    """Each zone's shapes as written, in the file's order (as `written_shapes` gives them)."""
    count = Counter(z["id"] for z in zones)
    if any(c > 1 for c in count.values()) or any(c > 1 for c in old_count.values()):
        return written_shapes({"zones": zones})  # a repeated id: the first one's views come first
    written = {}
    for i, zone in enumerate(zones):
        if (i < first or i >= end) and zone["id"] in old.shapes:
            written[zone["id"]] = old.shapes[zone["id"]]
        else:
            written.update(written_shapes({"zones": [zone]}))
    return written
