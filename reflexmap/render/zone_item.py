"""One zone drawn in one view: a filled polygon that knows its ids and its look per state."""

from __future__ import annotations

import math

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPainterPath, QPen, QPolygonF
from PySide6.QtWidgets import QGraphicsPathItem

from ..atlas import Zone
from . import palette


class ZoneItem(QGraphicsPathItem):
    """Drawn in scene millimetres; the map view, not the item, decides what a click hits."""

    def __init__(self, view_id: str, zone: Zone, parts: list[list[QPointF]]):
        super().__init__()
        self.view_id = view_id
        self.zone_id = zone.id
        self.region = zone.region
        path = QPainterPath()
        for points in parts:
            path.addPolygon(QPolygonF(points))
            path.closeSubpath()
        self.setPath(path)
        self.hovered = False
        self.selected = False
        self.marked = False
        self.fill: QBrush | None = None  # replaces the region colour (the mastery heat map)
        self.neutral = False  # no region colour at all: a blank chart, or another chart's zone
        self._apply()

    def set_neutral(self, neutral: bool) -> None:
        """Outline only, in the guide-line grey: nothing about the zone shows but where it is."""
        if neutral != self.neutral:
            self.neutral = neutral
            self._apply()

    def set_fill(self, brush: QBrush | None) -> None:
        self.fill = brush
        self._apply()

    def set_marked(self, marked: bool) -> None:
        """Quiz feedback points at this zone: a heavy dashed outline, whatever its colour."""
        if marked != self.marked:
            self.marked = marked
            self._apply()

    def set_hovered(self, hovered: bool) -> None:
        if hovered != self.hovered:
            self.hovered = hovered
            self._apply()

    def set_selected(self, selected: bool) -> None:
        if selected != self.selected:
            self.selected = selected
            self._apply()

    def _apply(self) -> None:
        theme = palette.current
        edge = palette.GUIDE if self.neutral else palette.edge_colour(self.region)
        width = theme.line_scale
        if self.selected:
            pen = QPen(palette.SELECTION, 1.1 * width)
            alpha = min(255, theme.fill_alpha + 85)
        elif self.hovered:
            pen = QPen(edge, 0.8 * width)
            alpha = min(255, theme.fill_alpha + 70)
        else:
            pen = QPen(edge, 0.35 * width)
            alpha = theme.fill_alpha
        if self.marked:
            pen = QPen(palette.SELECTION, 1.3 * width)
            pen.setDashPattern([2.5, 1.5])
        pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        self.setPen(pen)
        if self.neutral:  # a neutral zone's only fill is a neutral one (another chart's zones)
            self.setBrush(self.fill if self.fill is not None else QBrush(Qt.BrushStyle.NoBrush))
        elif self.fill is not None:
            self.setBrush(self.fill)
        else:
            self.setBrush(QBrush(palette.fill(self.region, alpha)))


def outline_pen() -> QPen:
    pen = QPen(palette.OUTLINE, 0.9 * palette.current.line_scale)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    return pen


def guide_pen() -> QPen:
    pen = QPen(QColor(palette.GUIDE), 0.4 * palette.current.line_scale)
    pen.setDashPattern([6, 4])
    return pen


class GuideItem(QGraphicsPathItem):
    """A dashed line (a guide line, its sample in the key) whose dashes stay where they are
    whatever part of it is drawn. Where its pen is a device pixel wide or less, Qt strokes it
    with its cosmetic stroker, which starts the dash pattern afresh where the device clips the
    line: the map's tiles, each band drawn on its own pixmap, showed the dashes shifted at the
    bands' edges (a dash cut short or run together with the next) and elsewhere than a drawing
    of the whole view. There the dashes are laid out here along the whole line, as Qt's dash
    stroker lays them out, and each is drawn solid; a wider pen is stroked by Qt as before."""

    def __init__(self, path: QPainterPath):
        super().__init__(path)
        self._dashes: tuple[tuple, QPainterPath] | None = None  # (pen's width and pattern, dashes)

    def paint(self, painter: QPainter, option, widget=None) -> None:
        pen = self.pen()
        across = pen.widthF() * math.sqrt(abs(painter.worldTransform().determinant()))
        if pen.style() == Qt.PenStyle.SolidLine or pen.isCosmetic() or across > 1.0:
            super().paint(painter, option, widget)
            return
        solid = QPen(pen)
        solid.setStyle(Qt.PenStyle.SolidLine)
        painter.setPen(solid)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPath(self._dashed(pen))

    def _dashed(self, pen: QPen) -> QPainterPath:
        key = (pen.widthF(), tuple(pen.dashPattern()), pen.dashOffset(), self.path())
        if self._dashes is None or self._dashes[0] != key:
            pattern = [max(v, 1e-3) * pen.widthF() for v in pen.dashPattern()] or [1.0]
            self._dashes = (key, dashed(self.path(), pattern, pen.dashOffset() * pen.widthF()))
        return self._dashes[1]


def dashed(path: QPainterPath, pattern: list[float], offset: float = 0.0) -> QPainterPath:
    """The dashes of `path`'s lines (scene units: on, off, on, off, …), each subpath from the
    pattern's start moved on by `offset`, as QPen's dash pattern places them."""
    out = QPainterPath()
    period = sum(pattern)
    for polygon in path.toSubpathPolygons():
        points = [(p.x(), p.y()) for p in polygon]
        index, left = 0, pattern[0]
        skip = offset % period if period > 0 else 0.0
        while skip > 0:  # the offset: the pattern moved on
            step = min(skip, left)
            skip -= step
            left -= step
            if left <= 1e-9:
                index = (index + 1) % len(pattern)
                left = pattern[index]
        pen_down = False
        for (x0, y0), (x1, y1) in zip(points, points[1:], strict=False):
            length = math.hypot(x1 - x0, y1 - y0)
            t = 0.0
            while length - t > 1e-9:
                step = min(left, length - t)
                if index % 2 == 0:  # a dash
                    if not pen_down:
                        out.moveTo(x0 + (x1 - x0) * t / length, y0 + (y1 - y0) * t / length)
                        pen_down = True
                    out.lineTo(x0 + (x1 - x0) * (t + step) / length, y0 + (y1 - y0) * (t + step) / length)
                t += step
                left -= step
                if left <= 1e-9:
                    index = (index + 1) % len(pattern)
                    left = pattern[index]
                    pen_down = False
    return out
