"""One zone drawn in one view: a filled polygon that knows its ids and its look per state."""

from __future__ import annotations

import math

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPainterPath, QPainterPathStroker, QPen, QPolygonF
from PySide6.QtWidgets import QGraphicsPathItem

from ..atlas import Zone
from . import palette


class StrokedPathItem(QGraphicsPathItem):
    """A path item whose outline's shape (its pen's stroke, round joins and dashes included)
    is made once per path and pen, not at every paint: the map's tiles draw a zone once per
    band it crosses, and Qt strokes the whole path each time (in the item's coordinates,
    before the transform: the same shape as made here), most of a zone's drawing when zoomed
    in. Filling that shape is what Qt's own stroke does after making it.

    A pen a device pixel wide or less is stroked by Qt, which draws it with its cosmetic
    line stroker there (a hairline's look), not by filling its shape."""

    def __init__(self, path: QPainterPath | None = None):
        super().__init__()
        self._stroke: tuple[QPainterPath, QBrush] | None = None  # the pen's shape along the path
        if path is not None:
            self.setPath(path)

    def paint(self, painter: QPainter, option, widget=None) -> None:
        pen = self.pen()
        across = pen.widthF() * math.sqrt(abs(painter.worldTransform().determinant()))
        if pen.style() == Qt.PenStyle.NoPen or pen.isCosmetic() or across <= 1.0:
            super().paint(painter, option, widget)
            return
        shape, brush = self._stroked(pen)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(self.brush())
        painter.drawPath(self.path())
        painter.fillPath(shape, brush)

    def setPath(self, path: QPainterPath) -> None:  # noqa: N802 (Qt's name)
        self._stroke = None
        super().setPath(path)

    def setPen(self, pen: QPen) -> None:  # noqa: N802 (Qt's name)
        self._stroke = None
        super().setPen(pen)

    def _stroked(self, pen: QPen) -> tuple[QPainterPath, QBrush]:
        if self._stroke is None:
            self._stroke = (QPainterPathStroker(pen).createStroke(self.path()), pen.brush())
        return self._stroke


class ZoneItem(StrokedPathItem):
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
            self.setBrush(palette.fill(self.region, alpha))


def outline_pen() -> QPen:
    pen = QPen(palette.OUTLINE, 0.9 * palette.current.line_scale)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    return pen


def guide_pen() -> QPen:
    pen = QPen(QColor(palette.GUIDE), 0.4 * palette.current.line_scale)
    pen.setDashPattern([6, 4])
    return pen
