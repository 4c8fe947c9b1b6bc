"""Pure, invertible edits of a chart document: what the editor's undo stack wraps.

Each edit is a frozen value; `apply(document)` returns an `Applied`: the new document, the
edit that undoes it (applying that to the new document gives back the old text byte for
byte) and the problems `reflexmap check` finds in the result, each located at its zone,
view and vertex. Validation is the loader's and builder's own: there is no second set of
rules here.

Vertices are addressed as (zone id, view id, part, index): `part` is 0 for a one-polygon
shape; `index` counts the ring as the model has it (an explicitly closed ring's repeated
last point is not counted, and moves with the first). Coordinates are millimetres.

Mirrors: a zone whose shape in a mirroring view is `mirror` follows its source view, so
editing the source edits both feet. Editing the mirror side itself is refused
(`EditRefused`); `BreakMirror` first writes the mirrored points out explicitly, after which
the two sides are edited apart. Refusals are for edits that cannot be expressed (unknown
zone, a ring below three points); a shape that leaves its outline or crosses itself is
allowed and reported as a problem, so a drag can pass through an invalid state.
"""

from __future__ import annotations

import dataclasses
import re
import sys
from dataclasses import dataclass
from typing import Any

from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import CommentMark
from ruamel.yaml.scalarstring import DoubleQuotedScalarString, LiteralScalarString, SingleQuotedScalarString
from ruamel.yaml.tokens import CommentToken

from ..i18n import N_, _, bidi_isolate, format_count, ngettext
from . import geometry
from .document import ChartDocument, Problem, copy_node, text_change
from .errors import EditRefused
from .zone_said import zone_words

Point = tuple[float, float]
TEXT_FIELDS = ("name", "region", "claim", "technique", "note", "tradition", "confidence")
TRANSLATABLE = ("name", "claim", "technique", "note")


def _said(value: object) -> str:
    """An id or name from the chart inside a refusal (isolated where it could reorder the
    words around it; a long one shortened)."""
    text = str(value)
    return bidi_isolate(text if len(text) <= 80 else text[:79] + "…")


@dataclass(frozen=True, slots=True)
class Seen:
    """The zone a person sees changed by an edit: its id before the edit (None: the edit
    made it) and after it (None: the edit removed it), and the view it was changed in (None:
    the edit does not say). Both ids None: a change of the chart as a whole (its title, its
    sources) or an inverse (which stands for the edit it undoes). The editor selects `before`
    when the change is undone and `after` when it is redone, so that the person sees what
    changed (a drawn zone redone comes back selected, a deleted zone undone too)."""

    before: str | None = None
    after: str | None = None
    view: str | None = None


def seen_in(edits: tuple[Edit, ...] | list[Edit]) -> Seen:
    """The zone seen changed by `edits` made in turn as one change (a dialog's OK): before
    the first edit that changes a zone, after the last one."""
    touching = [seen for seen in (edit.seen() for edit in edits) if seen.before or seen.after]
    if not touching:
        return Seen()
    first, last = touching[0], touching[-1]
    return Seen(first.before, last.after, last.view or first.view)


@dataclass(frozen=True, slots=True)
class Applied:
    document: ChartDocument
    inverse: Edit
    problems: tuple[Problem, ...]


class Edit:
    """Base of all edits: subclasses change a fresh tree in `change` and return the inverse."""

    def apply(self, document: ChartDocument, *, check: bool = True) -> Applied:
        from . import local_edit
        from .recheck_window import Before

        local = local_edit.applied_locally(self, document, sys.modules[__name__])  # where it can be
        if local is not None:
            new, inverse = local
        else:
            tree = document.tree()
            self.change(tree)
            new = dataclasses.replace(document.with_tree(tree), basis=(Before(document),))  # see draft()
            inverse = TextEdit(*text_change(document, new))  # (byte for byte: see text_change)
        return Applied(new, inverse, new.problems() if check else ())

    def change(self, tree: CommentedMap) -> Edit:  # pragma: no cover - abstract
        raise NotImplementedError

    def seen(self) -> Seen:
        """The zone a person sees changed (`Seen`); here none: a change of the whole chart."""
        return Seen()


@dataclass(frozen=True, slots=True)
class TextEdit(Edit):
    """Put `old` back where `new` stands at offset `start`: the inverse of an edit made on
    the zones it touches (local_edit.py), giving back the text before it byte for byte."""

    start: int
    old: str
    new: str

    def apply(self, document: ChartDocument, *, check: bool = True) -> Applied:
        from .recheck_window import Before

        text = document.text
        if text[self.start : self.start + len(self.new)] != self.new:
            raise EditRefused(_("the chart was changed since: this change cannot be undone on it"))
        new = dataclasses.replace(
            document,
            text=text[: self.start] + self.old + text[self.start + len(self.new) :],
            parsed=[],
            checked=[],
            basis=(Before(document),),
        )
        return Applied(new, TextEdit(self.start, self.new, self.old), new.problems() if check else ())


def _last_slot(node: Any) -> tuple | None:
    """(holder, key, position) of the comment slot after the last line of `node`."""
    while True:
        if isinstance(node, CommentedMap) and node:
            key = list(node)[-1]
            value = node[key]
            if isinstance(value, CommentedMap | CommentedSeq) and value and not value.fa.flow_style():
                node = value
                continue
            return node, key, 2
        if isinstance(node, CommentedSeq) and node and not node.fa.flow_style():
            key = len(node) - 1
            value = node[key]
            if isinstance(value, CommentedMap | CommentedSeq) and value and not value.fa.flow_style():
                node = value
                continue
            return node, key, 0
        return None


def _comment_slots(node: Any) -> list[tuple[Any, Any, int]]:
    """(entry holder, key, position) of every comment token in `node` and below."""
    slots: list[tuple[Any, Any, int]] = []
    if isinstance(node, CommentedMap | CommentedSeq):
        for key, entry in node.ca.items.items():
            for pos, token in enumerate(entry or ()):
                if isinstance(token, CommentToken):
                    slots.append((node.ca.items, key, pos))
        for child in node.values() if isinstance(node, CommentedMap) else node:
            slots.extend(_comment_slots(child))
    return slots


def _take_trailing(node: Any) -> str:
    """Comment lines after a zone's last line belong to the next zone (ruamel.yaml hangs
    them on the zone's last token): detach them, keeping an end-of-line comment, and
    return them."""
    slots = _comment_slots(node)
    if not slots:
        return ""
    items, key, pos = max(slots, key=lambda s: (s[0][s[1]][s[2]].start_mark.line, s[0][s[1]][s[2]].column))
    token = items[key][pos]
    value = token.value
    if value.startswith("#"):
        cut = value.find("\n") + 1 or len(value)
        eol, rest = value[:cut], value[cut:]
    else:
        eol, rest = "", value
    if "#" not in rest:
        return ""
    # copies of a tree share comment tokens: replace them, never change one in place
    entry = list(items[key])
    entry[pos] = CommentToken(eol, token.start_mark, None) if eol else None
    items[key] = entry
    return rest


def _give_trailing(node: Any, rest: str) -> None:
    if not rest:
        return
    slot = _last_slot(node)
    if slot is None:
        return
    holder, key, pos = slot
    entry = list(holder.ca.items.get(key) or ([None] * (4 if pos == 2 else 2)))
    token = entry[pos]
    if token is None:
        entry[pos] = CommentToken(rest if rest.startswith("\n") else "\n" + rest, CommentMark(0), None)
    else:
        entry[pos] = CommentToken(token.value + rest, token.start_mark, None)
    holder.ca.items[key] = entry


# --- finding things in the tree ------------------------------------------------------------


def _zones(tree: CommentedMap) -> CommentedSeq:
    zones = tree.get("zones") if isinstance(tree, dict) else None
    if not isinstance(zones, list):
        raise EditRefused(_("the chart has no list of zones"))
    return zones


def zone_index(tree: CommentedMap, zone_id: str) -> int:
    """Where the zone an editor shows as `zone_id` is in the list (a zone repeating an earlier
    zone's id is shown as "heel#2": see draft.shown_ids)."""
    index = shown_index(_zones(tree), zone_id)
    if index is not None:
        return index
    raise EditRefused(_("there is no zone '{zone}'").format(zone=_said(zone_id)))


def shown_index(zones: list, zone_id: str) -> int | None:
    """The index in `zones` (parsed) of the zone an editor shows as `zone_id`, or None."""
    from .draft import shown_ids

    ids = [z.get("id") if isinstance(z, dict) else None for z in zones]
    if zone_id in ids:
        return ids.index(zone_id)  # the first zone of an id is shown with it
    shown = shown_ids(ids)
    return shown.index(zone_id) if zone_id in shown else None


def _mirror_views(tree: CommentedMap) -> dict[str, str]:
    """Mirroring view id -> the view it mirrors."""
    return {
        v["id"]: v["mirror_of"]
        for v in tree.get("views", [])
        if isinstance(v, dict) and isinstance(v.get("mirror_of"), str)
    }


def _is_parts(raw: Any) -> bool:
    return bool(raw) and isinstance(raw[0], list) and bool(raw[0]) and isinstance(raw[0][0], list)


def _editable_shape(tree: CommentedMap, zone: CommentedMap, view: str) -> Any:
    shapes = zone.get("shapes")
    if not isinstance(shapes, dict) or view not in shapes:
        raise EditRefused(
            _("zone '{zone}' has no shape in view '{view}'").format(
                zone=zone_words(zone, zone.get("id")), view=_said(view)
            )
        )
    shape = shapes[view]
    if shape == "mirror":
        source = _mirror_views(tree).get(view, "?")
        raise EditRefused(
            _(
                "zone '{zone}' in view '{view}' mirrors view '{source}': edit it there "
                "(both feet change), or break the mirror first"
            ).format(zone=zone_words(zone, zone.get("id")), view=_said(view), source=_said(source))
        )
    if not isinstance(shape, list):
        raise EditRefused(
            _("zone '{zone}' in view '{view}' is not a list of points").format(
                zone=zone_words(zone, zone.get("id")), view=_said(view)
            )
        )
    return shape


def _ring(shape: Any, part: int) -> list:
    rings = shape if _is_parts(shape) else [shape]
    if not 0 <= part < len(rings):
        raise EditRefused(
            ngettext(
                "the shape has {count} part; there is no part {part}",
                "the shape has {count} parts; there is no part {part}",
                len(rings),
            ).format(count=format_count(len(rings)), part=format_count(part + 1))
        )
    return rings[part]


def _closed(ring: list) -> bool:
    return len(ring) > 3 and [float(v) for v in ring[0]] == [float(v) for v in ring[-1]]


def _count(ring: list) -> int:
    return len(ring) - 1 if _closed(ring) else len(ring)


def _point(point: Point) -> CommentedSeq:
    seq = CommentedSeq([_mm(point[0]), _mm(point[1])])
    seq.fa.set_flow_style()
    return seq


def _mm(value: float) -> float | int:
    """Millimetres to a thousandth: finer than any chart draws, and free of float noise."""
    value = round(float(value), 3)
    return value


def _check_index(ring: list, index: int, *, inserting: bool = False) -> None:
    top = _count(ring) + (1 if inserting else 0)
    if not 0 <= index < top:
        raise EditRefused(
            _("there is no vertex {index} (the ring has {count})").format(
                index=format_count(index), count=format_count(_count(ring))
            )
        )


@dataclass(frozen=True, slots=True)
class ReplaceZone(Edit):
    """Put back a zone exactly as it was (comments included): the inverse of zone edits."""

    index: int
    raw: Any

    def change(self, tree: CommentedMap) -> Edit:
        zones = _zones(tree)
        old = zones[self.index]
        zones[self.index] = copy_node(self.raw)
        return ReplaceZone(self.index, copy_node(old))


class _ZoneEdit(Edit):
    """An edit of one zone, undone by putting the zone back as it was."""

    zone: str

    def change(self, tree: CommentedMap) -> Edit:
        index = zone_index(tree, self.zone)
        before = copy_node(_zones(tree)[index])
        self.change_zone(tree, _zones(tree)[index])
        return ReplaceZone(index, before)

    def change_zone(self, tree: CommentedMap, zone: CommentedMap) -> None:  # pragma: no cover
        raise NotImplementedError

    def seen(self) -> Seen:
        views = getattr(self, "views", None)  # (MoveZone: the views moved, None for all)
        view = getattr(self, "view", None) or (views[0] if views else None)
        return Seen(self.zone, self.zone, view)


class _PointsEdit(_ZoneEdit):
    """An edit of a zone's points only. Where each changed shape is written as one flow list
    (`plantar-left: [[x, y], ...]`, as charts and the editor write them) the new list is
    written into the text in place of the old: no round-trip parse and dump of the whole
    chart (the better part of a second on the built-in chart), and the same bytes as the
    round trip would give. Anything else takes the round trip."""

    def apply(self, document: ChartDocument, *, check: bool = True) -> Applied:
        from . import local_edit, ring_text

        patched = self._patched(document)  # flow lists
        kinds = sys.modules[__name__]
        if patched is None:  # block lists: the changed points written in their own lines
            patched = ring_text.ring_patched(self, document, kinds)
        if patched is None:  # the zone and its neighbours written back by ruamel.yaml
            patched = local_edit.applied_locally(self, document, kinds)
        if patched is None:  # the round trip of the whole chart
            tree = document.tree()
            self.change(tree)
            from .recheck_window import Before

            new = dataclasses.replace(document.with_tree(tree), basis=(Before(document),))
            inverse = TextEdit(*text_change(document, new))
            return Applied(new, inverse, new.problems() if check else ())
        new, inverse = patched
        return Applied(new, inverse, new.problems() if check else ())

    def views_changed(self, zone: dict) -> list[str]:
        return [self.view]

    def change_parsed(self, data: dict, zone: dict) -> None:
        """change_zone on the parsed data (plain lists), whose new lists are written into
        the text by the editor's formatting, not ruamel.yaml's."""
        self.change_zone(data, zone)

    def _patched(self, document: ChartDocument) -> tuple[ChartDocument, Edit] | None:
        from .document import replaced_flow_lists
        from .recheck_window import parsed_data

        parsed = parsed_data(document)
        if parsed is None:
            return None
        data, positions = parsed
        zones = data.get("zones") if isinstance(data, dict) else None
        if not isinstance(zones, list):
            return None
        index = shown_index(zones, self.zone)
        if index is None:
            return None
        zone = zones[index]
        shapes = zone.get("shapes")
        if not isinstance(shapes, dict):
            return None
        views = self.views_changed(zone)
        text = document.text
        if positions.text is not text and positions.text != text:
            return None  # (placed in another text: none of its offsets can be used here)

        ends: dict[int, int] = {}  # where the lists read from the text end (known: not looked for)

        def flow_at(path: tuple) -> int | None:
            """Where the flow list at `path` starts in the text (its `[`)."""
            points = positions.point_lists.get(path)  # read from the text: where it starts is known
            if points is not None:
                if points.block or not text.startswith("[", points.start):
                    return None
                if points.end > points.start and text[points.end - 1] == "]":
                    ends[points.start] = points.end
                return points.start
            where = positions.values.get(path)
            start = None if where is None else _offset(positions, text, *where)
            if start is None:
                return None
            return start if text[start : start + 1] == "[" else None  # not an anchor or alias

        for view in views:
            if not isinstance(shapes.get(view), list):
                return None  # a mirror, or no shape: the round trip refuses it with its reason
        changed = {**zone, "shapes": {**shapes, **{view: _lists_copy(shapes[view]) for view in views}}}
        self.change_parsed(data, changed)  # on copies: the parsed data stays the document's
        changes = []
        for view in views:
            path, old, new = ("zones", index, "shapes", view), shapes[view], changed["shapes"][view]
            start = flow_at(path)
            if start is not None:  # `view: [...]`: the whole list
                changes.append((start, new))
                continue
            # a shape in parts written as a block list (`- [...]` a line each): ring by ring
            if not (_is_parts(old) and _is_parts(new) and len(old) == len(new)):
                return None
            for part, ring in enumerate(new):
                start = flow_at((*path, part))
                if start is None:
                    return None
                changes.append((start, ring))
        inverse = SetPoints(self.zone, tuple((view, _lists_copy(shapes[view])) for view in views))
        new, spans = replaced_flow_lists(document, changes, ends)
        if len(spans) == len(views):  # each view's list rewritten whole: recheck.py can follow it
            from .recheck import Basis

            basis = Basis(document, index, tuple(views), tuple(spans))
            new = dataclasses.replace(new, basis=(basis,))
        else:  # ring by ring (parts written as a block list): the check of changed zones follows
            from .recheck_window import Before

            new = dataclasses.replace(new, basis=(Before(document),))
        return new, inverse


def _lists_copy(value: Any) -> Any:
    """A copy of the parsed lists of a shape (lists of numbers, of points, of rings), the
    numbers shared: copy_node's deep copy of 100,000 points took a fifth of a second a copy."""
    if type(value) is not list:
        return value if type(value) in (int, float, str) else copy_node(value)
    return [
        v[:]
        if type(v) is list and len(v) == 2 and type(v[0]) in _NUMBERS and type(v[1]) in _NUMBERS
        else _lists_copy(v)
        for v in value
    ]


_NUMBERS = (int, float)


def _offset(positions: Any, text: str, line: int, column: int) -> int | None:
    """The index in `text` of a 1-based line and column, counted from the nearest list of
    points read from the text before it (`positions.offset` counts every line of the text
    once per document: a third of a second for a chart of 10,000 zones, on every drag)."""
    nearest = getattr(positions.point_lists, "nearest", None)  # (recheck_tables.PointLists)
    best = nearest(line) if nearest is not None else None
    for points in positions.point_lists.values() if nearest is None else ():
        if points.line <= line and (best is None or points.line > best.line):
            best = points
    if best is None or best.text is not text:
        return positions.offset(line, column)
    start = best.start - best.position()[1] + 1  # its line's start
    for _line in range(line - best.line):
        start = text.find("\n", start) + 1
        if start == 0:
            return None
    if any(text.find(odd, best.start, start) >= 0 for odd in "\r\x85\u2028\u2029"):
        return positions.offset(line, column)  # (line breaks the parser counts besides \n)
    return start + column - 1


@dataclass(frozen=True, slots=True)
class MoveVertex(_PointsEdit):
    zone: str
    view: str
    part: int
    index: int
    to: Point

    def change_zone(self, tree: CommentedMap, zone: CommentedMap) -> None:
        ring = _ring(_editable_shape(tree, zone, self.view), self.part)
        _check_index(ring, self.index)
        ring[self.index] = _point(self.to)
        if self.index == 0 and _closed(ring):
            ring[-1] = _point(self.to)


@dataclass(frozen=True, slots=True)
class InsertVertex(_PointsEdit):
    """A new vertex at `index` (so on the edge from vertex index-1 to the old vertex index;
    `index` = the vertex count puts it on the closing edge)."""

    zone: str
    view: str
    part: int
    index: int
    at: Point

    def change_zone(self, tree: CommentedMap, zone: CommentedMap) -> None:
        ring = _ring(_editable_shape(tree, zone, self.view), self.part)
        _check_index(ring, self.index, inserting=True)
        ring.insert(self.index, _point(self.at))


@dataclass(frozen=True, slots=True)
class DeleteVertex(_PointsEdit):
    zone: str
    view: str
    part: int
    index: int

    def change_zone(self, tree: CommentedMap, zone: CommentedMap) -> None:
        ring = _ring(_editable_shape(tree, zone, self.view), self.part)
        _check_index(ring, self.index)
        if _count(ring) <= 3:
            raise EditRefused(_("a zone needs at least three corners; delete the zone instead"))
        closed = _closed(ring)
        del ring[self.index]
        if self.index == 0 and closed:  # the ring closed on its new first point, as written
            ring[-1] = _flow([ring[0][0], ring[0][1]])


@dataclass(frozen=True, slots=True)
class MoveZone(_PointsEdit):
    """Shift a zone by (dx, dy) mm in `views` (None: every view it is drawn in with its own
    points; mirrored shapes follow their source)."""

    zone: str
    dx: float
    dy: float
    views: tuple[str, ...] | None = None

    def views_changed(self, zone: dict) -> list[str]:
        if self.views is not None:
            return list(self.views)
        return [v for v, s in (zone.get("shapes") or {}).items() if s != "mirror"]

    def change_zone(self, tree: CommentedMap, zone: CommentedMap) -> None:
        shapes = zone.get("shapes") or {}
        views = self.views if self.views is not None else [v for v, s in shapes.items() if s != "mirror"]
        for view in views:
            shape = _editable_shape(tree, zone, view)
            for ring in shape if _is_parts(shape) else [shape]:
                for i, (x, y) in enumerate(list(ring)):
                    ring[i] = _point((float(x) + self.dx, float(y) + self.dy))

    def change_parsed(self, data: dict, zone: dict) -> None:
        """change_zone on the parsed data, its points plain lists [x, y] (the same numbers):
        a flow list of ruamel's made for each of a zone's 100,000 points, and read back one
        by one to be written, took about 2 s of a drop."""
        dx, dy = self.dx, self.dy
        for view in self.views_changed(zone):
            shape = _editable_shape(data, zone, view)
            for ring in shape if _is_parts(shape) else [shape]:
                ring[:] = [[round(float(x) + dx, 3), round(float(y) + dy, 3)] for x, y in ring]


@dataclass(frozen=True, slots=True)
class SetPoints(_PointsEdit):
    """Give a zone's shapes in some views these points (lists as the file holds them): the
    inverse of an edit of points made in the text."""

    zone: str
    shapes: tuple[tuple[str, Any], ...]

    def views_changed(self, zone: dict) -> list[str]:
        return [view for view, _points in self.shapes]

    def change_zone(self, tree: CommentedMap, zone: CommentedMap) -> None:
        for view, points in self.shapes:
            _editable_shape(tree, zone, view)
            zone["shapes"][view] = _flow_copy(points)

    def change_parsed(self, data: dict, zone: dict) -> None:
        for view, points in self.shapes:  # (plain lists: 100,000 flow lists of ruamel's took a second)
            _editable_shape(data, zone, view)
            zone["shapes"][view] = _lists_copy(points)


def _flow_copy(value: Any) -> Any:
    """Plain lists of numbers as flow lists of the tree."""
    if isinstance(value, list):
        return _flow([_flow_copy(v) for v in value])
    return value


@dataclass(frozen=True, slots=True)
class BreakMirror(_ZoneEdit):
    """Write a mirrored shape out as its own points: from now on the two feet differ."""

    zone: str
    view: str

    def change_zone(self, tree: CommentedMap, zone: CommentedMap) -> None:
        shapes = zone.get("shapes") or {}
        if shapes.get(self.view) != "mirror":
            raise EditRefused(
                _("zone '{zone}' in view '{view}' is not a mirror").format(
                    zone=zone_words(zone, self.zone), view=_said(self.view)
                )
            )
        source = _mirror_views(tree).get(self.view)
        original = shapes.get(source) if source else None
        if not isinstance(original, list):
            raise EditRefused(
                _("zone '{zone}' has no shape in view '{view}' to mirror").format(
                    zone=zone_words(zone, self.zone), view=_said(source)
                )
            )
        shapes[self.view] = _mirrored(original)


def _mirrored(shape: list) -> CommentedSeq:
    """A shape's points (one ring or a list of parts) seen in the mirror, written as flow lists."""
    rings = shape if _is_parts(shape) else [shape]
    mirrored = [
        _flow([_point(p) for p in geometry.mirror(tuple((float(x), float(y)) for x, y in r))]) for r in rings
    ]
    return _flow(mirrored) if _is_parts(shape) else mirrored[0]


@dataclass(frozen=True, slots=True)
class MirrorZone(_ZoneEdit):
    """Draw a zone on the other foot as the mirror of its points in `view`: that foot's shape
    becomes `mirror` (its own points, if it had any, give way), so editing one foot edits
    both from now on. The inverse of BreakMirror; for a zone drawn on one foot.

    `view` may be either foot. The file can only say that a view mirrors the one it names
    (`mirror_of`, the right foot as charts draw them), so a zone given from a mirroring view
    has its points mirrored onto the view it names, and its own shape becomes `mirror`."""

    zone: str
    view: str

    def change_zone(self, tree: CommentedMap, zone: CommentedMap) -> None:
        named = _mirror_views(tree).get(self.view)
        if named is not None:  # drawn on the mirroring foot: its points go to the other one
            self._onto_named(zone, named)
            return
        mirrors = [m for m, source in _mirror_views(tree).items() if source == self.view]
        if not mirrors:
            raise EditRefused("no view of the other foot mirrors this one")
        shapes = zone.get("shapes")
        if not isinstance(shapes, dict) or not isinstance(shapes.get(self.view), list):
            raise EditRefused("this zone has no points of its own in this view")
        if all(shapes.get(m) == "mirror" for m in mirrors):
            raise EditRefused("this zone is mirrored on the other foot already")
        for mirror in mirrors:
            shapes[mirror] = "mirror"

    def _onto_named(self, zone: CommentedMap, named: str) -> None:
        shapes = zone.get("shapes")
        own = shapes.get(self.view) if isinstance(shapes, dict) else None
        if own == "mirror":
            raise EditRefused("this zone is mirrored on the other foot already")
        if not isinstance(own, list):
            raise EditRefused("this zone has no points of its own in this view")
        points = _mirrored(own)
        if named in shapes:
            shapes[named] = points
        else:  # the named foot first, as the views are listed
            shapes.insert(list(shapes).index(self.view), named, points)
        shapes[self.view] = "mirror"


def _flow(items: list) -> CommentedSeq:
    seq = CommentedSeq(items)
    seq.fa.set_flow_style()
    return seq


@dataclass(frozen=True, slots=True)
class SetText(_ZoneEdit):
    """Set (or with None remove) a zone's text field, or its translation into `language`.
    `field` may also be 'sources' (a tuple of source ids)."""

    zone: str
    field: str
    value: str | tuple[str, ...] | None
    language: str | None = None

    def change_zone(self, tree: CommentedMap, zone: CommentedMap) -> None:
        allowed = TRANSLATABLE if self.language else (*TEXT_FIELDS, "sources")
        if self.field not in allowed:
            raise EditRefused(
                _("'{field}' is not a text of a zone that can be set here").format(field=_said(self.field))
            )
        target = zone
        if self.language:
            translations = zone.setdefault("translations", CommentedMap())
            target = translations.setdefault(self.language, CommentedMap())
        if self.value is None:
            target.pop(self.field, None)
            if self.language and not target:
                del zone["translations"][self.language]
                if not zone["translations"]:
                    del zone["translations"]
        elif self.field == "sources":
            target[self.field] = _flow(list(self.value))
        elif "\n" in self.value:  # several lines: a block, as an author writes one
            target[self.field] = LiteralScalarString(self.value)
        else:
            target[self.field] = self.value


ZONE_ID = re.compile(r"^[a-z][a-z0-9]*(-[a-z0-9]+)*$")  # the schema's pattern for ids
MAX_ID_CHARS = 64
CHART_TEXTS = ("title", "tradition", "description")
CHART_NEEDS = {"title": N_("a chart needs a title"), "tradition": N_("a chart needs a tradition")}


def id_problem(tree_or_ids: Any, new_id: str) -> str | None:
    """Why `new_id` cannot name a zone (empty, bad characters, taken), or None."""
    if not new_id:
        return _("a zone needs an id")
    if len(new_id) > MAX_ID_CHARS:
        return _("an id has at most {count} characters").format(count=MAX_ID_CHARS)
    if not ZONE_ID.match(new_id):
        return _(
            "'{id}' is not an id: lower-case letters, digits and single hyphens, "
            "starting with a letter (like 'lumbar-spine')"
        ).format(id=_said(new_id))
    ids = (
        tree_or_ids
        if isinstance(tree_or_ids, set)
        else {z.get("id") for z in _zones(tree_or_ids) if isinstance(z, dict)}
    )
    if new_id in ids:
        return _("there is already a zone '{zone}'").format(zone=_said(new_id))
    return None


@dataclass(frozen=True, slots=True)
class RenameZone(_ZoneEdit):
    """Give a zone another id. Nothing else in a chart names a zone by its id (mirrors are
    declared per shape, `mirror`), so the zone's own `id:` is all that changes."""

    zone: str
    new_id: str

    def change_zone(self, tree: CommentedMap, zone: CommentedMap) -> None:
        if self.new_id == self.zone:
            return
        problem = id_problem(tree, self.new_id)
        if problem:
            raise EditRefused(problem)
        zone["id"] = self.new_id

    def seen(self) -> Seen:
        return Seen(self.zone, self.new_id)


@dataclass(frozen=True, slots=True)
class SetChartText(Edit):
    """Set (or with None remove) the chart's title, tradition or description, or its
    translation into `language`."""

    field: str
    value: str | None
    language: str | None = None

    def change(self, tree: CommentedMap) -> Edit:
        if self.field not in CHART_TEXTS:
            raise EditRefused(
                _("'{field}' is not a text of the chart that can be set here").format(field=_said(self.field))
            )
        if self.value is None and not self.language and self.field != "description":
            raise EditRefused(_(CHART_NEEDS.get(self.field, N_("a chart needs this text"))))
        target = tree
        if self.language:
            target = tree.get("translations", {}).get(self.language, {})
        old = target.get(self.field) if isinstance(target, dict) else None
        old = str(old) if old is not None else None
        if self.language and self.value is not None:
            translations = tree.setdefault("translations", CommentedMap())
            target = translations.setdefault(self.language, CommentedMap())
        if self.value is None:
            if isinstance(target, dict):
                target.pop(self.field, None)
            if self.language and isinstance(tree.get("translations"), dict):
                if not tree["translations"].get(self.language):
                    tree["translations"].pop(self.language, None)
                if not tree["translations"]:
                    del tree["translations"]
        elif "\n" in self.value:
            target[self.field] = LiteralScalarString(self.value)
        else:
            target[self.field] = self.value
        return SetChartText(self.field, old, self.language)


@dataclass(frozen=True, slots=True)
class SetZoneNames(Edit):
    """How the chart's zone names read inside a sentence: its `zone_names` key, one of
    vocab.ZONE_NAME_STYLES, or None (the key removed: read as written). A key the chart did
    not have is written after its own texts (title, tradition, description), where the
    built-in charts have it."""

    value: str | None

    def change(self, tree: CommentedMap) -> Edit:
        from ..vocab import ZONE_NAME_STYLES

        if self.value is not None and self.value not in ZONE_NAME_STYLES:
            common, written = ZONE_NAME_STYLES
            raise EditRefused(
                _("zone names read either '{common}' or '{written}'").format(common=common, written=written)
            )
        old = tree.get("zone_names")
        old = old if isinstance(old, str) else None
        if self.value is None:
            tree.pop("zone_names", None)
        elif "zone_names" in tree:
            tree["zone_names"] = self.value
        else:
            keys = list(tree)
            after = [keys.index(k) for k in ("atlas_format", "id", *CHART_TEXTS) if k in keys]
            tree.insert(max(after, default=-1) + 1, "zone_names", self.value)
        return SetZoneNames(old)


SOURCE_TEXTS = ("title", "url", "note")  # a source's texts; title and note are translated
SOURCE_TRANSLATED = ("title", "note")
URL = re.compile(r"^https?://")  # the schema's pattern for a source's address


@dataclass(frozen=True, slots=True)
class SourceEntry:
    """One source of the chart as the list should hold it. `was`: its id in the file now
    (None: a new source). `texts`: ((field, language or None), text or None to remove) of
    the texts to set; a text not named stays as the file has it."""

    id: str
    was: str | None = None
    texts: tuple[tuple[tuple[str, str | None], str | None], ...] = ()


@dataclass(frozen=True, slots=True)
class SetSources(Edit):
    """The chart's sources as `entries`, in that order: sources not listed are removed (never
    one a zone still names), new ones added, each one's texts set, and a source given a new
    id keeps its zones (their lists of sources name the new id). A source kept keeps its
    comments and the texts not set; a new one is written like the sources before it."""

    entries: tuple[SourceEntry, ...]

    def apply(self, document: ChartDocument, *, check: bool = True) -> Applied:
        """The texts, ids and new sources through the round trip (every source stays where
        it is, new ones at the end); then the order and the sources removed, in the text:
        each source's lines move (or go) whole, with the comment lines above it."""
        tree = document.tree()
        before = [s.get("id") if isinstance(s, dict) else None for s in tree.get("sources") or ()]
        self.change(tree)
        added = iter(range(len(before), len(before) + len(self.entries)))
        order = [before.index(e.was) if e.was is not None else next(added) for e in self.entries]
        new = _reordered(document.with_tree(tree), "sources", order, added_from=len(before))
        inverse = TextEdit(*text_change(document, new))
        return Applied(new, inverse, new.problems() if check else ())

    def change(self, tree: CommentedMap) -> Edit:
        sources = tree.get("sources")
        if not isinstance(sources, list):
            raise EditRefused(_("the chart has no list of sources"))
        zones = _zones(tree)
        old = {s.get("id"): s for s in sources if isinstance(s, dict)}
        renamed = {e.was: e.id for e in self.entries if e.was is not None and e.was != e.id}
        self._check(old, zones, renamed)
        before = RestoreLists.of(tree, ("sources", "zones") if renamed else ("sources",))
        flow = bool(sources) and isinstance(sources[-1], CommentedMap) and sources[-1].fa.flow_style()
        for entry in self.entries:
            node = old[entry.was] if entry.was is not None else CommentedMap()
            if entry.was is None:
                if flow:
                    node.fa.set_flow_style()
                if sources and isinstance(sources[-1], dict):
                    node["title"] = _styled("", sources[-1].get("title"))  # quoted as the others
            if node.get("id") != entry.id:
                if "id" in node:
                    node["id"] = entry.id
                else:
                    node.insert(0, "id", entry.id)
            below = _take_trailing(node) if entry.texts and entry.was is not None else ""
            for (name, language), value in entry.texts:
                _set_source_text(node, name, value, language)
            _give_trailing(node, below)  # the lines above the next source stay there
            if entry.was is None:
                sources.append(node)  # put in its place, and the sources removed taken out, by apply
        for zone in zones:
            named = zone.get("sources") if isinstance(zone, dict) else None
            if isinstance(named, list):
                for i, source_id in enumerate(named):
                    if source_id in renamed:
                        named[i] = renamed[source_id]
        return before

    def _check(self, old: dict, zones: list, renamed: dict[str, str]) -> None:
        """Refused, with the reason: an id repeated or not an id, a source without a title,
        an address that is not a web address, a source removed that a zone names."""
        ids = [e.id for e in self.entries]
        for entry in self.entries:
            if entry.was is not None and entry.was not in old:
                raise EditRefused(_("there is no source '{source}'").format(source=_said(entry.was)))
            if len(entry.id) > MAX_ID_CHARS or not ZONE_ID.match(entry.id):
                raise EditRefused(
                    _(
                        "'{id}' is not a source id: lower-case letters, digits and single hyphens, "
                        "starting with a letter (like 'ingham-1938')"
                    ).format(id=_said(entry.id))
                )
            if ids.count(entry.id) > 1:
                raise EditRefused(_("there is already a source '{source}'").format(source=_said(entry.id)))
            texts = dict(entry.texts)
            title = texts.get(("title", None), old[entry.was].get("title") if entry.was else None)
            if not title:
                raise EditRefused(_("source '{source}' needs a title").format(source=_said(entry.id)))
            url = texts.get(("url", None))
            if url and not URL.match(url):
                raise EditRefused(
                    _("the address of source '{source}' is not a web address (http:// or https://)").format(
                        source=_said(entry.id)
                    )
                )
            for (name, language), _value in entry.texts:
                if name not in (SOURCE_TRANSLATED if language else SOURCE_TEXTS):
                    raise EditRefused(
                        _("'{field}' is not a text of a source that can be set here").format(
                            field=_said(name)
                        )
                    )
        kept = {e.was for e in self.entries if e.was is not None}
        for zone in zones:
            named = zone.get("sources") if isinstance(zone, dict) else None
            for source_id in named if isinstance(named, list) else ():
                if source_id in old and source_id not in kept:
                    raise EditRefused(
                        _("zone '{zone}' names source '{source}': take it out of the zone first").format(
                            zone=zone_words(zone, zone.get("id")), source=_said(source_id)
                        )
                    )
        if len(self.entries) < 1:
            raise EditRefused(_("a chart needs at least one source"))


def _reordered(
    document: ChartDocument, key: str, order: list[int], added_from: int | None = None
) -> ChartDocument:
    """`document` with the top-level list `key` holding its items at the indices `order`, in
    that order (an item not named is removed), moved in the text: an item's lines, with the
    comment and blank lines just above it (at most as indented as its `-`), move whole;
    lines after the last item stay where they are (they stand above the next key). A list
    written otherwise (in one flow `[...]`) is put in order through the round trip. Items
    from `added_from` on were appended to the list: the lines above the first of them were
    below the list's last item (above the next key) and stay below the list."""
    import dataclasses

    from .yaml_source import parse_yaml

    data, positions, errors = parse_yaml(document.text, document.source)
    items = data.get(key) if not errors and isinstance(data, dict) else None
    if not isinstance(items, list) or order == list(range(len(items))):
        return document
    lines = document.text.split("\n")
    starts = []  # 0-based line of each item's `-`
    for i in range(len(items)):
        line, column = positions.of_value((key, i))
        dash = lines[line - 1][: column - 1].rstrip()
        if not dash.endswith("-") or dash[:-1].strip():  # not `  - ...`: a flow list
            return _reordered_in_tree(document, key, order)
        starts.append(line - 1)
    indent = len(lines[starts[0]]) - len(lines[starts[0]].lstrip(" "))

    def loose(line: str) -> bool:  # a comment or blank line between items
        stripped = line.lstrip(" ")
        return not stripped or (stripped.startswith("#") and len(line) - len(stripped) <= indent)

    def top(start: int, floor: int) -> int:
        while start > floor and loose(lines[start - 1]):
            start -= 1
        return start

    key_line = positions.of_key((key,))[0] - 1
    begins = [top(starts[0], key_line + 1)]
    begins += [top(start, before + 1) for before, start in zip(starts, starts[1:], strict=False)]
    end = starts[-1] + 1
    while end < len(lines) and (not lines[end].strip() or _lead(lines[end]) > indent):
        end += 1  # the last item's own lines (deeper than its `-`)
    while end > starts[-1] + 1 and loose(lines[end - 1]):
        end -= 1  # comment and blank lines after it stand above what follows
    blocks = [lines[begin : (begins[i + 1] if i + 1 < len(items) else end)] for i, begin in enumerate(begins)]
    below: list[str] = []
    if added_from is not None and 0 < added_from < len(items):
        below = lines[begins[added_from] : starts[added_from]]
        blocks[added_from] = blocks[added_from][len(below) :]
    moved = [line for i in order for line in blocks[i]]
    text = "\n".join(lines[: begins[0]] + moved + below + lines[end:])
    return dataclasses.replace(document, text=text, parsed=[], checked=[], basis=())


def _reordered_in_tree(document: ChartDocument, key: str, order: list[int]) -> ChartDocument:
    tree = document.tree()
    items = tree[key]
    kept = [items[i] for i in order]
    items[:] = kept
    return document.with_tree(tree)


def _lead(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _set_source_text(node: CommentedMap, name: str, value: str | None, language: str | None) -> None:
    target = node
    if language:
        if value is None and not isinstance(node.get("translations"), dict):
            return
        translations = node.setdefault("translations", CommentedMap())
        target = translations.setdefault(language, CommentedMap())
    if value is None:
        target.pop(name, None)
        if language:
            if not target:
                del node["translations"][language]
            if not node["translations"]:
                del node["translations"]
        return
    value = _styled(value, target.get(name) if name in target else node.get("title"))
    if name in target:
        target[name] = value
        return
    order = ("id", "title", "url", "note", "translations")  # a new text goes where charts write it
    later = [k for k in target if k in order and order.index(k) > order.index(name)] if not language else []
    target.insert(list(target).index(later[0]) if later else len(target), name, value)


def _styled(value: str, like: Any) -> str:
    """`value` quoted as the text it stands for or beside was (charts quote their titles)."""
    if isinstance(like, DoubleQuotedScalarString):
        return DoubleQuotedScalarString(value)
    if isinstance(like, SingleQuotedScalarString):
        return SingleQuotedScalarString(value)
    return value


@dataclass(frozen=True, slots=True)
class RestoreLists(Edit):
    """Put back whole top-level lists (sources, zones) as they were, with the comments above
    their first items: the inverse of SetSources."""

    lists: tuple[tuple[str, Any, Any], ...]  # (key, list, the key's comments)

    @classmethod
    def of(cls, tree: CommentedMap, keys: tuple[str, ...]) -> RestoreLists:
        return cls(tuple((key, copy_node(tree[key]), copy_node(tree.ca.items.get(key))) for key in keys))

    def change(self, tree: CommentedMap) -> Edit:
        before = RestoreLists.of(tree, tuple(key for key, _raw, _comments in self.lists))
        for key, raw, comments in self.lists:
            tree[key] = copy_node(raw)
            if comments is None:
                tree.ca.items.pop(key, None)
            else:
                tree.ca.items[key] = copy_node(comments)
        return before


@dataclass(frozen=True, slots=True)
class RestoreZones(Edit):
    """Put back the whole list of zones as it was: the inverse of adding and deleting zones
    (ruamel.yaml keeps comments between zones on either neighbour or on the list, so only
    the whole list gives back the same bytes)."""

    raw: Any

    def change(self, tree: CommentedMap) -> Edit:
        old = copy_node(_zones(tree))
        tree["zones"] = copy_node(self.raw)
        return RestoreZones(old)


@dataclass(frozen=True, slots=True)
class DeleteZone(Edit):
    """Remove a zone; comment lines written above the next zone stay above it (except
    after the first zone: ruamel.yaml keeps comments before a list's first item elsewhere,
    so those lines go with the deleted first zone; its undo brings them back)."""

    zone: str

    def change(self, tree: CommentedMap) -> Edit:
        zones = _zones(tree)
        index = zone_index(tree, self.zone)
        before = copy_node(zones)
        rest = _take_trailing(zones[index])
        del zones[index]
        if index > 0 and rest:
            _give_trailing(zones[index - 1], rest)
        return RestoreZones(before)

    def seen(self) -> Seen:
        return Seen(self.zone, None)


@dataclass(frozen=True, slots=True)
class InsertZone(Edit):
    """Put a whole zone (a tree mapping, or a plain dict of its fields) at `index`; comment
    lines that stood above the zone now after it move down with it."""

    index: int
    raw: Any

    def change(self, tree: CommentedMap) -> Edit:
        zones = _zones(tree)
        node = copy_node(self.raw) if isinstance(self.raw, CommentedMap) else _mapping(self.raw)
        zone_id = node.get("id")
        if any(isinstance(z, dict) and z.get("id") == zone_id for z in zones):
            raise EditRefused(_("there is already a zone '{zone}'").format(zone=_said(zone_id)))
        index = min(max(self.index, 0), len(zones))
        before = copy_node(zones)
        if index > 0:
            _give_trailing(node, _take_trailing(zones[index - 1]))
        zones.insert(index, node)
        return RestoreZones(before)

    def seen(self) -> Seen:
        zone_id = self.raw.get("id") if hasattr(self.raw, "get") else None
        shapes = self.raw.get("shapes") if hasattr(self.raw, "get") else None
        view = next(iter(shapes), None) if isinstance(shapes, dict) else None  # (where it was drawn)
        view = view if isinstance(view, str) else None
        return Seen(None, zone_id if isinstance(zone_id, str) else None, view)


def _mapping(value: Any) -> Any:
    """Plain dicts and lists as tree nodes; lists of numbers in flow style, as charts write them."""
    if isinstance(value, dict):
        node = CommentedMap()
        for key, item in value.items():
            node[key] = _mapping(item)
        return node
    if isinstance(value, list | tuple):
        items = [_mapping(v) for v in value]
        seq = CommentedSeq(items)
        if all(isinstance(v, int | float | list) for v in value) or all(isinstance(v, str) for v in value):
            seq.fa.set_flow_style()
        return seq
    return value


def add_zone(
    zone_id: str,
    view: str,
    points: list[Point],
    *,
    name: str,
    region: str,
    claim: str,
    technique: str,
    sources: tuple[str, ...],
    confidence: str = "estimate",
    index: int | None = None,
) -> InsertZone:
    """The edit that adds a new zone drawn as `points` (mm) in `view`, at the end by default."""
    raw = {
        "id": zone_id,
        "name": name,
        "region": region,
        "claim": claim,
        "technique": technique,
        "sources": list(sources),
        "confidence": confidence,
        "shapes": {view: [[_mm(x), _mm(y)] for x, y in points]},
    }
    return InsertZone(10**9 if index is None else index, raw)


@dataclass(frozen=True, slots=True)
class DuplicateZone(Edit):
    """A copy of a zone under `new_id`, right after it, shifted by (dx, dy) mm in every view
    with its own points (so that it does not hide the original). `names`: (language, name)
    of the copy, language None for the zone's own name (`copy_names` gives names of its own)."""

    zone: str
    new_id: str
    dx: float = 0.0
    dy: float = 0.0
    names: tuple[tuple[str | None, str], ...] = ()

    def change(self, tree: CommentedMap) -> Edit:
        index = zone_index(tree, self.zone)
        node = copy_node(_zones(tree)[index])
        _take_trailing(node)  # the comments that follow the original follow the copy instead
        node["id"] = self.new_id
        for language, name in self.names:
            if language is None:
                node["name"] = name
            elif isinstance(node.get("translations"), dict) and isinstance(
                node["translations"].get(language), dict
            ):
                node["translations"][language]["name"] = name
        inverse = InsertZone(index + 1, node).change(tree)
        if self.dx or self.dy:
            MoveZone(self.new_id, self.dx, self.dy).change(tree)
        return inverse

    def seen(self) -> Seen:
        return Seen(self.zone, self.new_id)


def copy_names(
    zone: Any, taken: dict[str | None, set[str]], interface: str
) -> tuple[tuple[str | None, str], ...]:
    """Names for a copy of `zone` (a model Zone) that no zone has yet: "Heel (copy)", then
    "Heel (copy 2)" …, each translated name with the word in its language where the app has
    it. `taken`: the names in use, per language (None: the zones' own names); `interface`: the
    interface's language. The zone's own name is taken to be English when the chart translates
    it into the interface's language (the built-in charts are written in English)."""
    from ..i18n import DEFAULT, gettext_in, isolated_as_written

    own = DEFAULT if interface in zone.translations else interface
    found: list[tuple[str | None, str]] = []
    names = [(None, own, zone.name)] + [
        (language, language, texts["name"])
        for language, texts in sorted(zone.translations.items())
        if isinstance(texts.get("name"), str)
    ]
    for key, language, name in names:
        used = taken.get(key, set())
        # a name holding a direction control (U+202E) is isolated, or it ran on into the
        # app's words after it: "Niere (copy)" read "(ypoc) ereiN"; kept as written (this
        # name goes into the file: not the escapes the app shows)
        name = isolated_as_written(name)
        candidates = [gettext_in(language, N_("{name} (copy)")).format(name=name)] + [
            gettext_in(language, N_("{name} (copy {number})")).format(name=name, number=number)
            for number in range(2, 10_000)
        ]
        found.append((key, next(c for c in candidates if c not in used)))
    return tuple(found)


def apply_all(document: ChartDocument, edits: list[Edit]) -> tuple[ChartDocument, list[Edit]]:
    """Apply edits in turn without checking each; returns the document and the inverses in
    the order to apply them (last edit's inverse first)."""
    inverses = []
    for edit in edits:
        applied = edit.apply(document, check=False)
        document = applied.document
        inverses.append(applied.inverse)
    return document, inverses[::-1]
