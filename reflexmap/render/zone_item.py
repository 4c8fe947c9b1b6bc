"""One zone drawn in one view: a filled polygon that knows its ids and its look per state."""

from __future__ import annotations

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QBrush, QColor, QPainterPath, QPen, QPolygonF
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
