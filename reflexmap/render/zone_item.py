"""One zone drawn in one view: a filled polygon that knows its ids and its look per state."""

from __future__ import annotations

import math

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QPaintEngine,
    QPainter,
    QPainterPath,
    QPainterPathStroker,
    QPen,
    QPolygonF,
)
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
    line stroker there (a hairline's look), not by filling its shape. So is every pen on a
    device that is not drawn in pixels (an SVG or PDF export): the file then says "stroke
    this path" as Qt writes it; the stroke's shape written out instead was 13 MB of the
    14.8 MB SVG of a zone of 99,999 points (issue 14), and no faster to show."""

    def __init__(self, path: QPainterPath | None = None):
        super().__init__()
        self._stroke: tuple[QPainterPath, QBrush] | None = None  # the pen's shape along the path
        # a dense path's simpler stand-ins by zoom step: [path, its stroke or None] (_on_screen)
        self._steps: dict[int, list] = {}
        if path is not None:
            self.setPath(path)

    def paint(self, painter: QPainter, option, widget=None) -> None:
        if _vector(painter):
            super().paint(painter, option, widget)
            return
        pen = self.pen()
        scale = math.sqrt(abs(painter.worldTransform().determinant()))
        step = self._on_screen(scale)
        path = self.path() if step is None else step[0]
        if pen.style() == Qt.PenStyle.NoPen or pen.isCosmetic() or pen.widthF() * scale <= 1.0:
            if step is None:
                super().paint(painter, option, widget)
                return
            painter.setPen(pen)  # (what QGraphicsPathItem draws, with the simpler path)
            painter.setBrush(self.brush())
            painter.drawPath(path)
            return
        if step is None:
            shape, brush = self._stroked(pen)
        else:
            if step[1] is None:
                step[1] = (QPainterPathStroker(pen).createStroke(path), pen.brush())
            shape, brush = step[1]
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(self.brush())
        painter.drawPath(path)
        painter.fillPath(shape, brush)

    def setPath(self, path: QPainterPath) -> None:  # noqa: N802 (Qt's name)
        self._stroke = None
        self._steps = {}
        super().setPath(path)

    def setPen(self, pen: QPen) -> None:  # noqa: N802 (Qt's name)
        self._stroke = None
        for step in self._steps.values():
            step[1] = None
        super().setPen(pen)

    def _on_screen(self, scale: float) -> list | None:
        """[path, its pen's shape or None] drawn at `scale` device pixels a unit of the item
        when its path is dense (DENSE_FROM points or more), else None (the path itself).

        A traced zone of 99,999 points has them 0.015 px apart on the window: every paint
        filled and stroked them all. The path without the detail finer than FINEST_PX (below
        half a device pixel, the same picture) is made once per zoom step (STEPS_PER_OCTAVE a
        doubling), for the step's largest scale; hit-testing never reads it (the map asks
        the atlas's geometry: zones_at), so a click stays exact."""
        if self.path().elementCount() < DENSE_FROM or not scale > 0.0:
            return None
        step = math.floor(math.log2(scale) * STEPS_PER_OCTAVE)
        known = self._steps.get(step)
        if known is None:
            largest = 2.0 ** ((step + 1) / STEPS_PER_OCTAVE)
            if len(self._steps) >= KEPT_STEPS:  # (zoomed through many: the oldest go)
                del self._steps[next(iter(self._steps))]
            known = self._steps[step] = [drawn_at(self.path(), FINEST_PX / largest), None]
        return known

    def draw_at(self, pixels_per_scene_unit: float) -> None:
        """Drawn once into an image of `pixels_per_scene_unit` (an exported PNG): the path keeps
        no detail finer than FINEST_PX of its pixels (see drawn_at). A zone of 99,999 points
        0.015 px apart made a stroke shape of ~100 MiB at 3,000 px wide; a few thousand do."""
        scale = pixels_per_scene_unit * math.sqrt(abs(self.sceneTransform().determinant()))
        if scale > 0.0:
            path = self.path()
            simpler = drawn_at(path, FINEST_PX / scale)
            if simpler is not path:
                self.setPath(simpler)

    def _stroked(self, pen: QPen) -> tuple[QPainterPath, QBrush]:
        if self._stroke is None:
            self._stroke = (QPainterPathStroker(pen).createStroke(self.path()), pen.brush())
        return self._stroke


FINEST_PX = 0.05  # a path moved by less than this in device pixels draws the same picture
DENSE_FROM = 2_000  # points in a path from which drawn_at looks for detail to leave out
STEPS_PER_OCTAVE = 4  # a dense path's simpler stand-ins on screen: one per quarter doubling
KEPT_STEPS = 6  # of them, the most an item keeps (the window's zoom steps seen last)


def drawn_at(path: QPainterPath, tolerance: float) -> QPainterPath:
    """`path` (of polygons, as a zone's or an outline's) without the vertices that move it by
    less than `tolerance` (in its own units; Douglas-Peucker, Shapely's). A path of fewer than
    DENSE_FROM points is returned as it is: a chart drawn by hand has its points millimetres
    apart, and its pictures stay the same pixel for pixel."""
    if path.elementCount() < DENSE_FROM or not tolerance > 0.0:
        return path
    import shapely

    from .polygon_arrays import points_polygon, polygon_points

    simpler = QPainterPath()
    simpler.setFillRule(path.fillRule())
    for polygon in path.toSubpathPolygons():
        points = polygon_points(polygon)
        if len(points) > 2:
            line = shapely.simplify(shapely.linestrings(points), tolerance, preserve_topology=False)
            points = shapely.get_coordinates(line)
        simpler.addPolygon(points_polygon(points))
        simpler.closeSubpath()
    return simpler


_PIXELS = (QPaintEngine.Type.Raster, QPaintEngine.Type.OpenGL2)  # (the window, PNG; tests' images)


def _vector(painter: QPainter) -> bool:
    """Whether `painter` draws on a device that keeps shapes, not pixels (SVG, PDF, print)."""
    engine = painter.paintEngine()
    return engine is not None and engine.type() not in _PIXELS


LEFT_OUT_OPACITY = 0.55  # a zone a quiz round leaves out, under its hatching


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
        # the shape the chart drew it with: a mode may show it moved or reshaped for a while
        # (a zone dragged or nudged: ui/modes' reshape_zone, shift_zone)
        self.drawn_path = path
        self.hovered = False
        self.selected = False
        self.marked = False
        self.fill: QBrush | None = None  # replaces the region colour (the mastery heat map)
        self.neutral = False  # no region colour at all: a blank chart, or another chart's zone
        self.left_out = False  # left out of what the mode does (a quiz): see set_left_out
        self._apply()

    def shows_drawn(self) -> bool:
        """Whether it shows the shape it was drawn with, where it was drawn (not moved or
        reshaped by a mode). (The same path is shared: no corner compared then.)"""
        return self.pos().isNull() and self.path() == self.drawn_path

    def show_drawn(self) -> None:
        """The shape it was drawn with shown again, where it was drawn."""
        if not self.pos().isNull():
            self.setPos(QPointF())
        if self.path() != self.drawn_path:
            self.setPath(self.drawn_path)

    def set_neutral(self, neutral: bool) -> None:
        """Outline only, in the guide-line grey: nothing about the zone shows but where it is."""
        if neutral != self.neutral:
            self.neutral = neutral
            self._apply()

    def set_fill(self, brush: QBrush | None) -> None:
        self.fill = brush
        self._apply()

    def set_left_out(self, left_out: bool) -> None:
        """Left out of what the mode does (a quiz round leaves out a zone the chart's check
        refuses): dimmed, hatched and outlined dashed in the editor's problem red, so that it
        reads as no zone to answer with, whatever its region's colour."""
        if left_out != self.left_out:
            self.left_out = left_out
            self.setOpacity(LEFT_OUT_OPACITY if left_out else 1.0)
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
        if self.left_out:
            pen = QPen(palette.PROBLEM, 0.35 * width)
            pen.setDashPattern([4, 3])
            self.setPen(pen)
            self.setBrush(QBrush(palette.PROBLEM, Qt.BrushStyle.BDiagPattern))
            return
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
