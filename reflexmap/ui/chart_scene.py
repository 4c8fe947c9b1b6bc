"""A chart as a QGraphicsScene in millimetres: the feet of one aspect side by side, zones,
guide lines, labels in columns with leader lines, captions and a colour key.

Used by the map view on screen and by the exporter, so what is printed is what is seen.
Scene x is millimetres to the right; scene y is millimetres *down*, so a view's y (heel
to toes, up) is negated and each view is shifted right by its own offset.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QFont, QFontMetricsF, QPainterPath, QPen, QPolygonF
from PySide6.QtWidgets import (
    QGraphicsEllipseItem,
    QGraphicsItem,
    QGraphicsPathItem,
    QGraphicsRectItem,
    QGraphicsScene,
    QGraphicsSimpleTextItem,
)

from ..atlas import Atlas, View
from ..atlas.geometry import label_anchors
from . import palette
from .label_layout import spread
from .zone_item import ZoneItem, guide_pen, outline_pen

FONT_PX = 40  # labels are drawn with a 40 px font and scaled to millimetres
LABEL_MM = 4.6
GUIDE_LABEL_MM = 3.2
CAPTION_MM = 6.0
OUTER_LEAD_MM = 17.0  # between a foot's outer edge and its label column: guide names sit here
INNER_LEAD_MM = 9.0  # between the two feet's inner edges and their label columns
COLUMN_SEP_MM = 12.0

ASPECT_TITLES = {
    "plantar": "Plantar view: the soles",
    "medial": "Medial view: the inner sides",
    "lateral": "Lateral view: the outer sides",
    "dorsal": "Dorsal view: the tops of the feet",
}


def label_font(bold: bool = False) -> QFont:
    font = QFont()
    font.setPixelSize(FONT_PX)
    font.setBold(bold)
    return font


def text_item(
    text: str, size_mm: float, *, bold: bool = False, italic: bool = False
) -> QGraphicsSimpleTextItem:
    item = QGraphicsSimpleTextItem(text)
    font = label_font(bold)
    font.setItalic(italic)
    item.setFont(font)
    item.setBrush(QBrush(palette.INK))
    item.setScale(size_mm / FONT_PX)
    return item


def text_width(text: str, size_mm: float, bold: bool = False) -> float:
    return QFontMetricsF(label_font(bold)).horizontalAdvance(text) * size_mm / FONT_PX


@dataclass(slots=True)
class _Frame:
    """Where one view sits in the scene: scene = (dx + x, -y)."""

    view: View
    dx: float
    left: float  # scene x of the outline's left edge
    right: float
    lead_left: float  # gap to the label column on each side
    lead_right: float


@dataclass(slots=True)
class ZoneLabel:
    text: QGraphicsSimpleTextItem
    leader: QGraphicsPathItem
    dot: QGraphicsEllipseItem


class ChartScene(QGraphicsScene):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.atlas: Atlas | None = None
        self.aspect = ""
        self.frames: list[_Frame] = []
        self.zone_items: dict[tuple[str, str], ZoneItem] = {}
        self.labels: dict[tuple[str, str], ZoneLabel] = {}
        self.anchors: dict[tuple[str, str], tuple[float, float]] = {}
        self.guide_items: list[QGraphicsItem] = []
        self.chart_rect = QRectF()
        self._hovered: tuple[str, str] | None = None
        self.setBackgroundBrush(QBrush(palette.PAPER))

    # --- building -------------------------------------------------------------------
    def show_chart(
        self, atlas: Atlas, aspect: str, *, views: tuple[str, ...] | None = None, title: str | None = None
    ) -> None:
        """Draw `aspect` of `atlas` (or only the listed view ids), replacing what was there."""
        self.clear()
        self.zone_items.clear()
        self.labels.clear()
        self.anchors.clear()
        self.guide_items = []
        self._hovered = None
        self.atlas, self.aspect = atlas, aspect
        shown = [v for v in atlas.views_of(aspect) if views is None or v.id in views]
        sides = [self._label_sides(atlas, view) for view in shown]
        self.frames = self._place(shown, sides)
        top, bottom = 0.0, 0.0
        for frame, (left_ids, right_ids) in zip(self.frames, sides, strict=True):
            self._draw_view(atlas, frame)
            top = min(top, -max(y for _, y in frame.view.outline))
            bottom = max(bottom, -min(y for _, y in frame.view.outline))
            self._draw_labels(atlas, frame, left_ids, side="left")
            self._draw_labels(atlas, frame, right_ids, side="right")
        left = self.frames[0].left - self._column_width(atlas, sides[0][0]) - OUTER_LEAD_MM
        right = self.frames[-1].right + self._column_width(atlas, sides[-1][1]) + OUTER_LEAD_MM
        y = self._draw_captions(top, bottom, title or ASPECT_TITLES.get(aspect, aspect), left, right)
        self._draw_key(atlas, shown, left, right, y)
        self.chart_rect = self.itemsBoundingRect().adjusted(-6, -6, 6, 6)
        self.setSceneRect(self.chart_rect)

    def _label_sides(self, atlas: Atlas, view: View) -> tuple[list[str], list[str]]:
        xs = [x for x, _ in view.outline]
        middle = (min(xs) + max(xs)) / 2
        left, right = [], []
        anchors = label_anchors({z.id: z.shapes[view.id] for z in atlas.zones_in(view.id)})
        for zone_id, anchor in anchors.items():
            self.anchors[(view.id, zone_id)] = anchor
            (right if anchor[0] > middle else left).append(zone_id)
        return left, right

    def _column_width(self, atlas: Atlas, zone_ids: list[str]) -> float:
        return max((text_width(atlas.zone(z).name, LABEL_MM) for z in zone_ids), default=0.0)

    def _place(self, views: list[View], sides: list[tuple[list[str], list[str]]]) -> list[_Frame]:
        assert self.atlas is not None
        frames: list[_Frame] = []
        cursor = 0.0
        last = len(views) - 1
        for i, (view, (left_ids, _)) in enumerate(zip(views, sides, strict=True)):
            xs = [x for x, _ in view.outline]
            lead_left = OUTER_LEAD_MM if i == 0 else INNER_LEAD_MM
            lead_right = OUTER_LEAD_MM if i == last else INNER_LEAD_MM
            if frames:
                cursor += self._column_width(self.atlas, sides[i - 1][1]) + COLUMN_SEP_MM
            cursor += self._column_width(self.atlas, left_ids) + lead_left
            dx = cursor - min(xs)
            frames.append(_Frame(view, dx, cursor, dx + max(xs), lead_left, lead_right))
            cursor = dx + max(xs) + lead_right
        return frames

    def _draw_view(self, atlas: Atlas, frame: _Frame) -> None:
        view = frame.view
        outline = QGraphicsPathItem(self._path(frame, view.outline))
        outline.setPen(outline_pen())
        outline.setBrush(QBrush(palette.SKIN))
        outline.setZValue(0)
        self.addItem(outline)
        zones = sorted(atlas.zones_in(view.id), key=lambda z: -atlas.index.area(view.id, z.id))
        for rank, zone in enumerate(zones):
            item = ZoneItem(view.id, zone, self._points(frame, zone.shapes[view.id]))
            item.setZValue(1 + rank / 10_000)
            self.addItem(item)
            self.zone_items[(view.id, zone.id)] = item
        for guide in view.guides:
            line = QPainterPath()
            line.addPolygon(QPolygonF(self._points(frame, guide.points)))
            item = QGraphicsPathItem(line)
            item.setPen(guide_pen())
            item.setZValue(5)
            item.setToolTip(guide.name)
            self.addItem(item)
            name = text_item(guide.name.split(" (")[0].replace(" line", ""), GUIDE_LABEL_MM, italic=True)
            name.setBrush(QBrush(palette.GUIDE))
            ends = self._points(frame, guide.points)
            # Name the line just above it, inside the outer edge: outside, the leaders run.
            on_left = frame.lead_left >= frame.lead_right
            outer = min(ends, key=lambda p: p.x()) if on_left else max(ends, key=lambda p: p.x())
            width = text_width(name.text(), GUIDE_LABEL_MM)
            x = outer.x() + 2.5 if on_left else outer.x() - width - 2.5
            name.setPos(x, outer.y() - GUIDE_LABEL_MM * 1.3)
            name.setZValue(5)
            self.addItem(name)
            self.guide_items += [item, name]

    def _draw_labels(self, atlas: Atlas, frame: _Frame, zone_ids: list[str], side: str) -> None:
        if not zone_ids:
            return
        anchors = [self.to_scene(frame.view.id, *self.anchors[(frame.view.id, z)]) for z in zone_ids]
        ys = [-max(y for _, y in frame.view.outline), -min(y for _, y in frame.view.outline)]
        positions = spread([a.y() for a in anchors], LABEL_MM * 1.55, ys[0] + LABEL_MM, ys[1] - LABEL_MM)
        for zone_id, anchor, y in zip(zone_ids, anchors, positions, strict=True):
            name = atlas.zone(zone_id).name
            text = text_item(name, LABEL_MM)
            width = text_width(name, LABEL_MM)
            if side == "left":
                x_end = frame.left - frame.lead_left
                text.setPos(x_end - width, y - LABEL_MM * 0.62)
                start = QPointF(x_end + 1.2, y)
            else:
                x_end = frame.right + frame.lead_right
                text.setPos(x_end, y - LABEL_MM * 0.62)
                start = QPointF(x_end - 1.2, y)
            elbow = QPointF(start.x() + (6 if side == "left" else -6), y)
            path = QPainterPath(start)
            path.lineTo(elbow)
            path.lineTo(anchor)
            leader = QGraphicsPathItem(path)
            pen = QPen(palette.OUTLINE, 0.3)
            pen.setCapStyle(Qt.PenCapStyle.RoundCap)
            leader.setPen(pen)
            dot = QGraphicsEllipseItem(anchor.x() - 0.9, anchor.y() - 0.9, 1.8, 1.8)
            dot.setBrush(QBrush(palette.OUTLINE))
            dot.setPen(QPen(Qt.PenStyle.NoPen))
            for z, item in ((7, text), (6, leader), (6.5, dot)):
                item.setZValue(z)
                self.addItem(item)
            self.labels[(frame.view.id, zone_id)] = ZoneLabel(text, leader, dot)

    def _draw_captions(self, top: float, bottom: float, title: str, left: float, right: float) -> float:
        heading = text_item(title, CAPTION_MM, bold=True)
        heading.setPos((left + right) / 2 - text_width(title, CAPTION_MM, True) / 2, top - 16)
        self.addItem(heading)
        for frame in self.frames:
            caption = f"{frame.view.foot.capitalize()} foot"
            item = text_item(caption, CAPTION_MM * 0.85, bold=True)
            centre = (frame.left + frame.right) / 2
            item.setPos(centre - text_width(caption, CAPTION_MM * 0.85, True) / 2, bottom + 5)
            self.addItem(item)
        return bottom + 5 + CAPTION_MM + 6

    def _draw_key(self, atlas: Atlas, views: list[View], left: float, right: float, y: float) -> float:
        regions = []
        for view in views:
            for zone in atlas.zones_in(view.id):
                if zone.region not in regions:
                    regions.append(zone.region)
        entries = [
            (r, palette.REGION_NAMES.get(r, r))
            for r in sorted(regions, key=list(palette.REGION_COLOURS).index)
        ]
        size = 3.6
        widths = [size * 1.6 + text_width(name, size) + 7 for _, name in entries]
        guide_text = "guide lines (approximate)"
        total = sum(widths) + 12 + text_width(guide_text, size)
        x = (left + right) / 2 - total / 2
        for (region, name), width in zip(entries, widths, strict=True):
            swatch = QGraphicsRectItem(x, y, size * 1.3, size)
            swatch.setBrush(QBrush(palette.fill(region, 160)))
            swatch.setPen(QPen(palette.region_colour(region).darker(150), 0.3))
            self.addItem(swatch)
            label = text_item(name, size)
            label.setPos(x + size * 1.6, y - size * 0.12)
            self.addItem(label)
            x += width
        dash = QGraphicsPathItem(_line(QPointF(x, y + size / 2), QPointF(x + 9, y + size / 2)))
        dash.setPen(guide_pen())
        self.addItem(dash)
        label = text_item(guide_text, size, italic=True)
        label.setPos(x + 12, y - size * 0.12)
        self.addItem(label)
        small = 3.0
        sentences = [
            f"Zones show where charts of the {atlas.tradition} tradition "
            "place their claimed correspondences.",
            "The evidence that working them helps any condition is weak.",
        ]
        lines = [" ".join(sentences)] if text_width(" ".join(sentences), small) <= right - left else sentences
        y += size + 4
        for line in lines:
            caveat = text_item(line, small, italic=True)
            caveat.setBrush(QBrush(palette.GUIDE))
            caveat.setPos((left + right) / 2 - text_width(line, small) / 2, y)
            self.addItem(caveat)
            y += small * 1.4
        return y

    # --- geometry helpers -----------------------------------------------------------
    def _frame(self, view_id: str) -> _Frame:
        for frame in self.frames:
            if frame.view.id == view_id:
                return frame
        raise KeyError(view_id)

    def to_scene(self, view_id: str, x: float, y: float) -> QPointF:
        """Scene point of (x, y) mm in a view's own coordinates."""
        return QPointF(self._frame(view_id).dx + x, -y)

    def locate(self, point: QPointF) -> tuple[str, float, float] | None:
        """(view id, x mm, y mm) of the view whose column holds the scene point, if any."""
        for frame in self.frames:
            if frame.left - 2 <= point.x() <= frame.right + 2:
                return frame.view.id, point.x() - frame.dx, -point.y()
        return None

    def view_rect(self, view_id: str) -> QRectF:
        frame = self._frame(view_id)
        ys = [-y for _, y in frame.view.outline]
        return QRectF(frame.left, min(ys), frame.right - frame.left, max(ys) - min(ys))

    def _points(self, frame: _Frame, ring) -> list[QPointF]:
        return [QPointF(frame.dx + x, -y) for x, y in ring]

    def _path(self, frame: _Frame, ring) -> QPainterPath:
        path = QPainterPath()
        path.addPolygon(QPolygonF(self._points(frame, ring)))
        path.closeSubpath()
        return path

    # --- state shown ----------------------------------------------------------------
    def set_hovered(self, key: tuple[str, str] | None) -> None:
        if key == self._hovered:
            return
        if self._hovered in self.zone_items:
            self.zone_items[self._hovered].set_hovered(False)
        self._hovered = key if key in self.zone_items else None
        if self._hovered is not None:
            self.zone_items[self._hovered].set_hovered(True)

    def set_selected(self, zone_id: str | None) -> None:
        """Mark `zone_id` in every shown view (both feet show the same chart zone)."""
        for (_, item_zone), item in self.zone_items.items():
            item.set_selected(item_zone == zone_id)
        for (_, label_zone), label in self.labels.items():
            font = label.text.font()
            font.setBold(label_zone == zone_id)
            label.text.setFont(font)

    def set_labels_visible(self, visible: bool) -> None:
        for label in self.labels.values():
            for item in (label.text, label.leader, label.dot):
                item.setVisible(visible)

    def set_guides_visible(self, visible: bool) -> None:
        for item in self.guide_items:
            item.setVisible(visible)

    def keyboard_order(self) -> list[tuple[str, str]]:
        """(view, zone) pairs along each foot, toes to heel, left foot first."""
        order = []
        for frame in self.frames:
            keys = [k for k in self.zone_items if k[0] == frame.view.id]
            keys.sort(key=lambda k: (-self.anchors[k][1], self.anchors[k][0]))
            order += keys
        return order


def _line(a: QPointF, b: QPointF) -> QPainterPath:
    path = QPainterPath(a)
    path.lineTo(b)
    return path
