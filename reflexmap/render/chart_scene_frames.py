"""Where each view of a chart stands and what its frame draws besides the labels: the
feet side by side (or one above the other), their outlines, zones and guide lines, the feet's
captions, and millimetres in a view <-> scene millimetres. Part of `ChartScene`
(render/chart_scene.py), whose state it reads and sets."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QBrush, QPainterPath, QPolygonF

from ..atlas import Atlas, View
from ..content.markup import isolate, plain_tooltip
from ..i18n import _
from ..layout.columns import COLUMN_PITCH_EMS, MIN_COLUMN_EMS
from ..layout.frames import Frame, bounds, is_wide, locate
from ..vocab import aspect_name, foot_name
from . import palette
from .chart_scene_parts import (
    BELOW_ROW_MM,
    COLUMN_SEP_MM,
    INNER_LEAD_MM,
    MAX_LABEL_EMS,
    MAX_LABEL_MM,
    OUTER_LEAD_MM,
    OUTLINE_ROLE,
    _drawn,
    _has_view,
    _short,
)
from .chart_text import (
    text_item,
    text_width,
    two_line_width,
)
from .guide_item import GuideItem
from .zone_item import StrokedPathItem, ZoneItem, guide_pen, outline_pen


class FramesMixin:
    """(`ChartScene`'s part: see the module's docstring)"""

    def _presenting_columns(self, shown: list[View], placed: list, wide: bool, room: float | None) -> float:
        """The widest a label column may be when presenting: every name whole on one line
        where the chart then fits a window of `room` (width over height) by its height; else
        narrower, down to the narrowest column in which every name is whole in two lines.
        Columns of long names on one line made the chart wide: fitted to a 1024×768 projector
        by its width, the feet were small, with empty bands above and below."""
        assert self.atlas is not None
        whole = max(MAX_LABEL_MM, MAX_LABEL_EMS * self.label_mm)
        if wide or room is None or not shown:
            return whole
        names = {zone.name for view in shown for zone in self.atlas.zones_in(view.id)}
        two_lines = max((two_line_width(name, self.label_mm, bold=True) for name in names), default=0.0)
        narrowest = min(whole, max(two_lines + 0.5, MIN_COLUMN_EMS * self.label_mm))
        boxes = [bounds(v.outline) for v in shown]
        columns = sum(bool(p[0]) + bool(p[1]) for p in placed)
        fixed = sum(b[2] - b[0] for b in boxes) + 2 * OUTER_LEAD_MM
        fixed += (len(shown) - 1) * (2 * INNER_LEAD_MM + COLUMN_SEP_MM)
        # the chart's height: its feet, or its tallest column, and the title and key under it
        tallest = max(max(len(p[0]), len(p[1])) for p in placed) * COLUMN_PITCH_EMS * self.label_mm
        height = max(max(b[3] - b[1] for b in boxes), tallest) + 14 * self.label_mm
        if columns == 0:
            return whole
        return min(whole, max(narrowest, (room * height - fixed) / columns))

    def _inner_kept_closed(self, shown: list[View], placed: list[tuple[list[str], ...]]) -> list[tuple]:
        """The label sides of feet drawn side by side while the map is kept in place (editing):
        a label that would open a column between the feet that the drawing on screen has empty
        goes to its foot's outer column instead. Opening it would push the feet apart under
        the author's hand (about 70 px at each new chart's first zone on an inner side); an
        outer column grows outwards. Fit to window lays the labels out afresh."""
        kept = []
        for k, (view, (left, right, below)) in enumerate(zip(shown, placed, strict=True)):
            first, last = k == 0, k == len(shown) - 1
            if first and last:
                kept.append((left, right, below))
                continue
            inner_left = not first  # (a middle view has no outer column: both kept as they are)
            inner = left if inner_left else right
            if not inner or self._inner_open.get(view.id, True) or (not first and not last):
                kept.append((left, right, below))
            elif inner_left:
                kept.append(([], right + left, below))
            else:
                kept.append((left + right, [], below))
        return kept

    def _across_feet(self, left: float, right: float) -> tuple[float, float]:
        """Where the title, the note above it and the key below the feet are centred: on the
        feet (with the leads beside them), as wide as the chart (from `left` to `right`, label
        columns included) allows on both sides of that middle. Centred on the label columns
        too, they moved sideways whenever a column changed width (a name typed or undone in
        edit mode) while the feet stayed put on screen."""
        middle = (
            min(f.left - f.lead_left for f in self.frames) + max(f.right + f.lead_right for f in self.frames)
        ) / 2
        half = max(min(middle - left, right - middle), 0.0)
        return middle - half, middle + half

    def _place(
        self, views: list[View], sides: list[tuple[list[str], list[str]]], rows_below: list[int]
    ) -> list[Frame]:
        """Soles and tops side by side (toes up); side views, which are wide, one above the other."""
        assert self.atlas is not None
        boxes = [bounds(v.outline) for v in views]
        frames: list[Frame] = []
        if is_wide(views):
            left_column = max(self._column_width(v, s[0], "left") for v, s in zip(views, sides, strict=True))
            x = left_column + OUTER_LEAD_MM
            top = 0.0
            for view, (minx, miny, maxx, maxy), below in zip(views, boxes, rows_below, strict=True):
                dx, dy = x - minx, top + maxy
                pitch = self._row_pitches.get(view.id, self.label_mm * 1.45)
                extra = max(BELOW_ROW_MM, 7 + pitch * below) if below else 0.0
                frames.append(
                    Frame(view, dx, dy, x, dx + maxx, top, dy - miny, OUTER_LEAD_MM, OUTER_LEAD_MM, extra)
                )
                top = dy - miny + extra + self.caption_mm + 22
            return frames
        cursor = 0.0
        last = len(views) - 1
        for i, (view, (left_ids, _right_ids), (minx, miny, maxx, maxy)) in enumerate(
            zip(views, sides, boxes, strict=True)
        ):
            lead_left = OUTER_LEAD_MM if i == 0 else INNER_LEAD_MM
            lead_right = OUTER_LEAD_MM if i == last else INNER_LEAD_MM
            if frames:
                cursor += self._column_width(views[i - 1], sides[i - 1][1], "right") + COLUMN_SEP_MM
            cursor += self._column_width(view, left_ids, "left") + lead_left
            gap = self._kept_gaps.get((frames[-1].view.id, view.id)) if frames else None
            if gap is not None:  # (kept in place while editing: see show_chart)
                cursor = max(cursor, frames[-1].right + gap)
            dx = cursor - minx
            frames.append(Frame(view, dx, 0.0, cursor, dx + maxx, -maxy, -miny, lead_left, lead_right))
            cursor = dx + maxx + lead_right
        return frames

    def _draw_view(self, atlas: Atlas, frame: Frame) -> None:
        view = frame.view
        under = self.base.view(view.id) if self.base is not None and _has_view(self.base, view.id) else None
        outline = StrokedPathItem(self._path(frame, (under or view).outline))
        outline.setPen(outline_pen())
        outline.setBrush(palette.SKIN)
        outline.setZValue(0)
        outline.setData(OUTLINE_ROLE, True)  # (chart_outlines: what a message keeps off)
        self.addItem(outline)
        if under is not None:  # the main chart's zones, grey, under this (partial) chart's own
            assert self.base is not None
            for zone in self.base.zones_in(view.id):
                item = ZoneItem(view.id, zone, [self._points(frame, ring) for ring in zone.shapes[view.id]])
                item.set_neutral(True)
                item.set_fill(palette.base_zone_brush())  # a faint grey: there, but not this chart's
                item.setZValue(0.5)
                item.setAcceptHoverEvents(False)
                self.addItem(item)
                self.base_items.append(item)
        zones = _drawn(atlas, view.id)  # small on top
        for rank, zone in enumerate(zones):
            item = ZoneItem(view.id, zone, [self._points(frame, ring) for ring in zone.shapes[view.id]])
            if self.mastery is not None:
                value = self.mastery.get(zone.id)
                fill = palette.unpractised_brush() if value is None else QBrush(palette.mastery_colour(value))
                item.set_fill(fill)
            item.setZValue(1 + rank / 10_000)
            self.addItem(item)
            self.zone_items[(view.id, zone.id)] = item
            self.keys_by_zone.setdefault(zone.id, []).append((view.id, zone.id))
        self._pending_names = []  # named after the labels: see _draw_guide_names
        # each zone's edges tagged with its place in the file (not in the drawing: a drag that
        # makes a zone larger than another changes only its own edges, see _patch_frame)
        edges = self._zone_edges(frame, atlas.zones_in(view.id))
        fills = [edges]  # a guide's name is placed off the zones' fills where it can be
        if under is not None:  # and off the main chart's (grey) zones under a partial chart
            fills.append(self._zone_edges(frame, self.base.zones_in(view.id), "base"))
        for guide in view.guides:
            line = QPainterPath()
            line.addPolygon(QPolygonF(self._points(frame, guide.points)))
            item = GuideItem(line)  # (its dashes continuous across the map's tiles)
            item.setPen(guide_pen())
            item.setZValue(5)
            item.setToolTip(plain_tooltip(_("{guide} (approximate)").format(guide=isolate(guide.name))))
            self.addItem(item)
            short = _short(guide)
            self._pending_names.append((item, guide, short, edges, fills))

    def view_caption(self, view_id: str) -> str:
        """ "Left foot" (and, on side views, which side): where a zone is, in words."""
        frame = self._frame(view_id)
        return f"{foot_name(frame.view.foot)}, {aspect_name(frame.view.aspect)}"

    def _draw_caption(self, frame: Frame) -> None:
        caption = foot_name(frame.view.foot)
        size = self.type.foot
        item = text_item(caption, size, bold=True)
        item.setPos(
            (frame.left + frame.right) / 2 - text_width(caption, size, True) / 2,
            frame.bottom + frame.below + 5,
        )
        self.addItem(item)

    @property
    def caption_mm(self) -> float:
        """The title's size (mm)."""
        return self.type.title

    @property
    def guide_mm(self) -> float:
        return self.type.guide

    def _frame(self, view_id: str) -> Frame:
        for frame in self.frames:
            if frame.view.id == view_id:
                return frame
        raise KeyError(view_id)

    def to_scene(self, view_id: str, x: float, y: float) -> QPointF:
        """Scene point of (x, y) mm in a view's own coordinates."""
        return QPointF(*self._frame(view_id).to_chart(x, y))

    def to_view(self, view_id: str, point: QPointF) -> tuple[float, float]:
        """(x, y) mm in a view's own coordinates of a scene point (also outside the view)."""
        frame = self._frame(view_id)
        return point.x() - frame.dx, frame.dy - point.y()

    def locate(self, point: QPointF) -> tuple[str, float, float] | None:
        """(view id, x mm, y mm) of the view whose column holds the scene point, if any."""
        return locate(self.frames, point.x(), point.y())

    def view_rect(self, view_id: str) -> QRectF:
        frame = self._frame(view_id)
        return QRectF(frame.left, frame.top, frame.right - frame.left, frame.bottom - frame.top)

    def _points(self, frame: Frame, ring) -> list[QPointF]:
        return [QPointF(frame.dx + x, frame.dy - y) for x, y in ring]

    def _path(self, frame: Frame, ring) -> QPainterPath:
        path = QPainterPath()
        path.addPolygon(QPolygonF(self._points(frame, ring)))
        path.closeSubpath()
        return path

    def _zone_rings(self, frame: Frame, rings) -> list[list[tuple[float, float]]]:
        """A zone's rings in scene mm, as `_filed` files them."""
        return [[(frame.dx + x, frame.dy - y) for x, y in ring] for ring in rings]

    def _scene_ring(self, frame: Frame, ring) -> list[tuple[float, float]]:
        return [(frame.dx + x, frame.dy - y) for x, y in ring]
