"""Zone labels: which side of its foot a zone's name stands on, its text, and the columns
beside the feet or rows under a side view's sole with their leaders. Part of `ChartScene`
(render/chart_scene.py)."""

from __future__ import annotations

import math
import zlib
from typing import Protocol

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QPainterPath, QPen
from PySide6.QtWidgets import (
    QGraphicsEllipseItem,
    QGraphicsPathItem,
)

from ..atlas import Atlas, View
from ..atlas.coords import MAX_LABELLED_ZONES
from ..i18n import _, bidi_isolate, format_percent
from ..layout.columns import COLUMN_PITCH_EMS, column_room
from ..layout.frames import Frame, bounds
from ..layout.labels import column_places, free_x, spread_sized
from ..layout.sides import column_sides, sole_row
from . import palette
from .chart_scene_parts import (
    LEADER_GAP_MM,
    LEADER_STUB_MM,
    MAX_LABEL_EMS,
    MAX_LABEL_MM,
    OUTER_LEAD_MM,
    SOLE_BAND_MM,
    ZoneLabel,
)
from .chart_text import (
    ink_beyond_usual,
    line_mm,
    name_lines,
    text_item,
    text_width,
    two_line_width,
)


class KeptSides(Protocol):
    """Label sides kept between starts, by view and `_sides_token` (ui/kept_sizes.py)."""

    def get(self, view_id: str, token: str) -> tuple | None: ...

    def put(self, view_id: str, token: str, sides: tuple) -> None: ...


def _sides_token(atlas: Atlas, view: View, wide: bool, read: tuple) -> str:
    """What a view's label sides depend on besides the chart file, the settings, the font
    and the code (the kept file's key): the view, its outline and its zones' label anchors
    (a chart made in memory from the file's, such as a test's, keeps its path; the shapes
    themselves cost 4 M instructions a view to checksum), the layout, the labels' size and
    names; as a short checksum."""
    text = repr((view.id, view.outline, tuple(atlas.anchors(view.id).items()), wide, read)).encode()
    return f"{zlib.crc32(text):08x}{zlib.adler32(text):08x}{len(text)}"


def _kept_sides_hold(atlas: Atlas, view: View, wide: bool, kept: tuple) -> bool:
    """Whether label sides read from the kept file are ones `_choose_sides` could give for
    this view: every labelled zone once, in the row under a side view's sole exactly the
    zones along it; a view too full to label has none."""
    left, right, below, unlabelled = kept
    anchors = atlas.anchors(view.id)
    if unlabelled or len(anchors) > MAX_LABELLED_ZONES:
        return unlabelled and len(anchors) > MAX_LABELLED_ZONES and not (left or right or below)
    ids = [*left, *right, *below]
    if len(ids) != len(anchors) or set(ids) != anchors.keys():
        return False
    sole = bounds(view.outline)[1] + SOLE_BAND_MM
    return all((wide and anchors[z][1] < sole) == (z in below) for z in ids)


class LabelsMixin:
    """(`ChartScene`'s part: see the module's docstring)"""

    def _label_sides(self, atlas: Atlas, view: View, wide: bool) -> tuple[list[str], list[str], list[str]]:
        """Zone ids labelled in the left column, the right column, and (side views) below
        (worked out once per chart, view and layout; see `_choose_sides`)."""
        if self._sides[0] is not atlas:
            self._sides_before = self._sides
            self._sides = (atlas, {})
        known = self._sides[1]
        # what the choice reads besides the view's shapes: the labels' size and names, which
        # tell how tall each label stands in its column (balance_columns)
        size = self.sides_label_mm
        read = (round(size, 4), tuple(zone.name for zone in atlas.zones_in(view.id)))
        if (view.id, wide) not in known or known.get((view.id, wide, "read")) != read:
            previous = self._previous_sides(atlas, view.id, wide, read)
            # (sides kept between starts are a fresh layout's: after an edit, the edit's own)
            memo = self.kept_label_sides if previous is None else None
            token = _sides_token(atlas, view, wide, read) if memo is not None else ""
            kept = memo.get(view.id, token) if memo is not None else None
            if kept is not None and _kept_sides_hold(atlas, view, wide, kept):
                *sides, unlabelled = kept
                known[(view.id, wide)] = tuple(list(ids) for ids in sides)
                if unlabelled:
                    self.unlabelled_views.append(view.id)
            else:
                unlabelled_before = len(self.unlabelled_views)
                sides = self._choose_sides(atlas, view, wide, size, previous)
                self.label_sides_chosen += 1
                known[(view.id, wide)] = sides
                unlabelled = len(self.unlabelled_views) > unlabelled_before
                if memo is not None:  # (a fresh layout only: kept between starts)
                    memo.put(view.id, token, (*sides, unlabelled))
            known[(view.id, wide, "unlabelled")] = unlabelled
            known[(view.id, wide, "read")] = read
        elif known[(view.id, wide, "unlabelled")]:
            self.unlabelled_views.append(view.id)
        for zone_id, point in atlas.anchors(view.id).items():
            self.anchors[(view.id, zone_id)] = point
        if not self.labelled:  # labels hidden: no columns kept for them
            return [], [], []
        left, right, below = known[(view.id, wide)]
        return list(left), list(right), list(below)

    def _previous_sides(self, atlas: Atlas, view_id: str, wide: bool, read: tuple) -> tuple | None:
        """The view's label sides before an edit of the chart (another version of the same file
        drawn in this scene), at the same label size; else None (a chart opened or drawn
        afresh is laid out afresh, as it always was)."""
        before, known = self._sides_before
        if before is None or before is atlas or before.path != atlas.path:
            return None
        sides = known.get((view_id, wide))
        if sides is None or known.get((view_id, wide, "read"), (None,))[0] != read[0]:
            return None
        return sides

    def _touched_zones(self, atlas: Atlas, view_id: str) -> set[str]:
        """The zones whose shape in the view the edit changed (or made) since `_sides_before`'s
        chart: their labels may move to a better column, the others' stay (layout/sides.py)."""
        before = self._sides_before[0]
        assert before is not None
        return {
            zone.id
            for zone in atlas.zones_in(view_id)
            if not before.has_zone(zone.id)
            or before.zone(zone.id).shapes.get(view_id) != zone.shapes[view_id]
        }

    def _choose_sides(
        self, atlas: Atlas, view: View, wide: bool, size: float, previous: tuple | None = None
    ) -> tuple[list[str], list[str], list[str]]:
        """Each zone's label in the column beside its foot that `column_sides` chooses (on a
        sole, not `wide`, balanced by the room the columns have for labels `size` mm large),
        or in the row under a side view's sole. `previous`: the sides before an edit
        (`_previous_sides`), kept where not much worse (layout/sides.py)."""
        minx, miny, maxx, maxy = bounds(view.outline)
        below: list[str] = []
        anchors = atlas.anchors(view.id)
        if len(anchors) > MAX_LABELLED_ZONES:  # unreadable: names show on hover, list and panel
            self.unlabelled_views.append(view.id)
            for zone_id, point in anchors.items():
                self.anchors[(view.id, zone_id)] = point
            return [], [], below
        for zone_id, point in anchors.items():
            self.anchors[(view.id, zone_id)] = point
        if wide:  # zones along the sole: labels in a row under it (kept through an edit)
            below = sole_row(anchors, miny + SOLE_BAND_MM, previous)
        columned = {z: point for z, point in anchors.items() if z not in below}
        left, right = column_sides(
            columned,
            {zone.id: zone.shapes[view.id] for zone in atlas.zones_in(view.id)},
            view.outline,
            label_height=None if wide else lambda z: self._label_height(atlas, z, maxx - minx, size),
            room=(size - maxy, -miny - size),
            previous=None if previous is None else (previous[0], previous[1]),
            touched=() if previous is None else self._touched_zones(atlas, view.id),
        )
        return left, right, below

    def _label_height(self, atlas: Atlas, zone_id: str, foot_mm: float, size: float) -> float:
        """How tall (mm) a zone's label stands in a column beside a foot `foot_mm` wide: a
        name longer than the column takes two lines, or three (`label_text`)."""
        room = column_room(foot_mm, 2, size)
        name = atlas.zone(zone_id).name
        lines = 1
        if text_width(name, size, self.selectable) > room:  # two lines, three where two cut it
            lines = len(name_lines(name, size, room, lines=2, bold=self.selectable, spare=1))
        return size * COLUMN_PITCH_EMS + (lines - 1) * line_mm(size)

    def _columns_within_feet(self, shown: list[View], placed: list, size: float) -> float:
        """The largest label size (mm) at which every column of the soles `shown` (`placed`:
        their sides) stands within its foot's height, its names on the lines they take at
        `size`; never under `size`. Grown larger on a small window (the map's minimum text),
        German labels at Largest held more than the foot's height and stood up to 80 mm
        below their zones: the map shows less of the chart instead (ui/label_room.py)."""
        assert self.atlas is not None
        bounds_mm = []
        for view, (left, right, _below) in zip(shown, placed, strict=True):
            minx, miny, maxx, maxy = bounds(view.outline)
            for column in (left, right):
                ems = sum(self._label_height(self.atlas, z, maxx - minx, size) for z in column) / size
                if ems > 0:
                    bounds_mm.append((maxy - miny) / (ems + 2))  # (a label height free at each end)
        return max(size, min(bounds_mm, default=math.inf))

    def _whole_names_column(self, shown: list[View]) -> float:
        """The narrowest label column (mm) in which every name of the `shown` views is whole
        in two lines, with the heat map's words after it (at most MAX_LABEL_EMS label heights
        or MAX_LABEL_MM: a longer single word is still shortened). At Largest text on a
        1024×768 screen the columns bounded by the feet cut 14 German names ("Nasennebe…"),
        and the heat map's almost all ("Nasen… (neu)")."""
        assert self.atlas is not None
        size = self.label_mm
        rest = 0.0
        if self.mastery is not None:
            rest = max(
                text_width(_("{name} (new)").replace("{name}", ""), size),
                text_width(" " + format_percent(1.0), size),
            )
        names = {zone.name for view in shown for zone in self.atlas.zones_in(view.id)}
        two_lines = max((two_line_width(n, size, bold=self.selectable) for n in names), default=0.0)
        return min(two_lines + rest + 0.5, max(MAX_LABEL_MM, MAX_LABEL_EMS * size))

    def _column_width(self, view: View, zone_ids: list[str], side: str) -> float:
        """The widest of the labels (mm) in bold where a label can be selected (not on a
        handout's page): a selected label is drawn bold in its place."""
        return max(
            (text_width(name, self.label_mm, True) for name in self._column_names(view, zone_ids, side)),
            default=0.0,
        )

    def _column_names(self, view: View, zone_ids: list[str], side: str) -> list[str]:
        """The labels of the column on `side` ("left", "right") of `view`'s foot (see
        `label_text`)."""
        return [self.label_text(z, column=(view.id, side)) for z in zone_ids]

    @property
    def selectable(self) -> bool:
        """Whether a label can be selected (drawn bold): on the map, not on a handout's page,
        whose labels carry zone numbers."""
        return self.numbers is None

    def label_text(self, zone_id: str, lines: int = 2, column: tuple[str, str] | None = None) -> str:
        """The zone's name; in the heat map also how well it is known, in words and numbers.
        The name takes up to `lines` lines (a column's label two, a row's under a sole one) in
        its column's room (`column_mm`) and, kept in place in edit mode, in the room on screen
        of its `column` ((view id, "left" | "right" | "below"): `label_room_mm`; without one,
        the least of them), and is shortened only where it still does not fit; the number or
        share kept."""
        assert self.atlas is not None
        size = self.label_mm
        widest = min(max(MAX_LABEL_MM, MAX_LABEL_EMS * size), self.column_mm)
        whole = self.atlas.zone(zone_id).name
        if self.numbers is not None:
            number = str(self.numbers.get(zone_id, "?"))
            if not self.names:
                return number
            template = number + "  {name}"
        elif self.mastery is None:
            template = "{name}"
        else:
            value = self.mastery.get(zone_id)
            template = _("{name} (new)") if value is None else "{name} " + format_percent(value)
        rest = text_width(template.replace("{name}", ""), size) if template != "{name}" else 0.0
        # measured in bold: selected, it is drawn bold in the same room
        bold = self.selectable
        spare = 1 if lines > 1 else 0  # a column's name takes a third line where two cut it
        name = "\n".join(
            name_lines(whole, size, max(widest - rest, size * 2), lines=lines, bold=bold, spare=spare)
        )
        room = self._label_room(column)
        kept = name in self.label_kept_names  # drawn so before the edit: as it was
        if room is not None and room < widest and not kept and text_width(name, size, True) > room:
            # kept in place in edit mode: a name still too long in bold for its room on screen
            # is cut to it in bold (selected, it must fit too: measured in the regular weight,
            # a selected name renamed at length pushed the right foot's labels 9 px outwards)
            name = "\n".join(name_lines(whole, size, room, lines=lines, bold=True, spare=spare))
        if template != "{name}":  # the app's words beside it: a U+202E in the name ran on into
            # them ("Lumbar (wen)"); each line isolated where it could reorder them
            name = "\n".join(bidi_isolate(line) for line in name.split("\n"))
        return template.replace("{name}", name)

    def _label_room(self, column: tuple[str, str] | None) -> float | None:
        """The room on screen (mm) of a label in `column` while the map is kept in place
        (ui/label_room.py); a column it did not measure (none drawn there), the least room
        any has; None when not kept in place."""
        rooms = self.label_room_mm
        if rooms is None:
            return None
        room = rooms.get(column) if column is not None else None
        return room if room is not None else min(rooms.values(), default=None)

    def _draw_labels(self, atlas: Atlas, frame: Frame, zone_ids: list[str], side: str) -> None:
        if not zone_ids:
            return
        anchors = [self.to_scene(frame.view.id, *self.anchors[(frame.view.id, z)]) for z in zone_ids]
        size = self.label_mm
        names = self._column_names(frame.view, zone_ids, side)
        counts = [name.count("\n") + 1 for name in names]
        pitch = line_mm(size)
        # a name drawn by a font whose letters reach further (Tibetan) takes as much more room,
        # and its middle stands that much off its leader
        beyond = [ink_beyond_usual(name, size) for name in names]
        offsets = [(below - above) / 2 for above, below in beyond]
        middles = column_places(
            [a.y() + off for a, off in zip(anchors, offsets, strict=True)],
            counts,
            size * 1.55,
            pitch,
            frame.top + size,
            frame.bottom - size,
            [above + below for above, below in beyond],
        )
        positions = [m - off for m, off in zip(middles, offsets, strict=True)]
        for zone_id, anchor, y, name, count in zip(zone_ids, anchors, positions, names, counts, strict=True):
            text = text_item(name, size, flush_right=side == "left")
            # as drawn: DejaVu Sans's last 'k' or 'r' inks a pixel (at FONT_PX) past its
            # advance, and a left column's 'Neck' stood 1.05 mm from its leader, not 1.2
            width = text.boundingRect().width() * text.scale()
            top = y - size * 0.62 - (count - 1) * pitch / 2  # the leader meets the middle line
            if side == "left":
                x_end = frame.left - frame.lead_left
                text.setPos(x_end - width, top)
                start = QPointF(x_end + LEADER_GAP_MM, y)
                elbow = QPointF(x_end + LEADER_STUB_MM, y)
            else:
                x_end = frame.right + frame.lead_right
                text.setPos(x_end, top)
                start = QPointF(x_end - LEADER_GAP_MM, y)
                elbow = QPointF(x_end - LEADER_STUB_MM, y)
            # into the foot level with the anchor, along the path that chose this side: a
            # label moved up or down to make room slants outside the foot, not over other zones
            edge = QPointF(frame.left - 1.0 if side == "left" else frame.right + 1.0, anchor.y())
            self._add_label(frame, zone_id, text, [start, elbow, edge, anchor], side)

    def _below_rows(self, view: View, zone_ids: list[str]) -> int:
        """Rows of labels under a side view's sole: one, or two when one would reach far past
        the foot (long names, large type), so that labels stay near their zones."""
        if not zone_ids:
            return 0
        minx, _, maxx, _ = bounds(view.outline)
        row = (view.id, "below")
        need = sum(text_width(self.label_text(z, 1, row), self.label_mm, True) + 5.0 for z in zone_ids)
        return 1 if need <= maxx - minx + OUTER_LEAD_MM or len(zone_ids) < 3 else 2

    def _row_pitch(self, view: View, zone_ids: list[str]) -> float:
        """How far apart (mm) the rows of labels under a side view's sole stand: 1.45 label
        heights, more where a name's script is drawn by a taller font (Tibetan)."""
        row = (view.id, "below")
        taller = max(
            (sum(ink_beyond_usual(self.label_text(z, 1, row), self.label_mm)) for z in zone_ids),
            default=0.0,
        )
        return self.label_mm * 1.45 + taller

    def _draw_labels_below(self, atlas: Atlas, frame: Frame, zone_ids: list[str]) -> None:
        """Labels for zones along the sole of a side view: a row (or two, alternating) under
        it, leaders going up."""
        if not zone_ids:
            return
        anchors = [self.to_scene(frame.view.id, *self.anchors[(frame.view.id, z)]) for z in zone_ids]
        row = (frame.view.id, "below")
        widths = [text_width(self.label_text(z, 1, row), self.label_mm, True) for z in zone_ids]  # bold
        low, high = frame.left - frame.lead_left / 2, frame.right + frame.lead_right / 2
        rows = self._below_rows(frame.view, zone_ids)
        by_x = sorted(range(len(zone_ids)), key=lambda i: anchors[i].x())
        row_of = {i: k % rows for k, i in enumerate(by_x)}
        centres = [0.0] * len(zone_ids)
        for row in range(rows):
            members = [i for i in range(len(zone_ids)) if row_of[i] == row]
            placed = spread_sized(
                [anchors[i].x() for i in members], [widths[i] for i in members], 5.0, low, high
            )
            for i, x in zip(members, placed, strict=True):
                centres[i] = x
        # a label in the second row rises to the sole between the first row's labels, never
        # through one of them
        first_row = [(centres[i] - widths[i] / 2 - 1.0, centres[i] + widths[i] / 2 + 1.0) for i in by_x]
        first_row = [span for i, span in zip(by_x, first_row, strict=True) if row_of[i] == 0]
        risers = []
        for i, (x, width, anchor) in enumerate(zip(centres, widths, anchors, strict=True)):
            if row_of[i] == 0:
                risers.append(x)
                continue
            inset = min(1.0, width / 2)
            free = free_x(x - width / 2 + inset, x + width / 2 - inset, first_row, anchor.x())
            if free is None:  # hidden under a wider label: rise just beside it
                reach = 2.0 * self.label_mm
                free = free_x(x - width / 2 - reach, x + width / 2 + reach, first_row, anchor.x())
            risers.append(x if free is None else free)
        levels = _run_levels([(min(x, a.x()), max(x, a.x())) for x, a in zip(risers, anchors, strict=True)])
        for i, (zone_id, anchor, width, x, level) in enumerate(
            zip(zone_ids, anchors, widths, centres, levels, strict=True)
        ):
            row_y = frame.bottom + 7 + row_of[i] * self._row_pitches.get(frame.view.id, self.label_mm * 1.45)
            text = text_item(self.label_text(zone_id, 1, row), self.label_mm)
            text.setPos(x - width / 2, row_y)
            rise = risers[i]
            start = [QPointF(rise, row_y - 0.6)]
            if not x - width / 2 < rise < x + width / 2:  # from the label's side, then up
                middle = row_y + self.label_mm * 0.6
                side = x - width / 2 - 0.6 if rise < x else x + width / 2 + 0.6
                start = [QPointF(side, middle), QPointF(rise, middle)]
            # under the sole to below the anchor, then straight up: a label pushed sideways
            # never runs its leader along the sole over its neighbours
            run = frame.bottom + 1.2 + 1.3 * level
            points = [*start, QPointF(rise, run), QPointF(anchor.x(), run), anchor]
            self._add_label(frame, zone_id, text, points)

    def _add_label(self, frame: Frame, zone_id: str, text, points: list[QPointF], side: str = "") -> None:
        leader = QGraphicsPathItem(_polyline(points))
        pen = QPen(palette.OUTLINE, 0.3)
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        leader.setPen(pen)
        anchor = points[-1]
        dot = QGraphicsEllipseItem(anchor.x() - 0.9, anchor.y() - 0.9, 1.8, 1.8)
        dot.setBrush(palette.OUTLINE)
        dot.setPen(QPen(Qt.PenStyle.NoPen))
        for z, item in ((7, text), (6, leader), (6.5, dot)):
            item.setZValue(z)
            self.addItem(item)
        self.labels[(frame.view.id, zone_id)] = ZoneLabel(text, leader, dot, side, tuple(points), text.pos())


def _polyline(points) -> QPainterPath:
    path = QPainterPath(points[0])
    for point in points[1:]:
        path.lineTo(point)
    return path


def _run_levels(spans: list[tuple[float, float]]) -> list[int]:
    """A level (0, 1, 2 …) for each horizontal leader run so that runs that overlap lie on
    different levels; a run of (almost) no length stays on level 0."""
    levels = [0] * len(spans)
    taken: list[list[tuple[float, float]]] = []
    for i in sorted(range(len(spans)), key=lambda k: spans[k][1] - spans[k][0]):
        low, high = spans[i]
        if high - low < 0.5:
            continue
        level = 0
        while level < len(taken) and any(a - 1 < high and low < b + 1 for a, b in taken[level]):
            level += 1
        if level == len(taken):
            taken.append([])
        taken[level].append((low, high))
        levels[i] = level
    return [min(level, 3) for level in levels]
