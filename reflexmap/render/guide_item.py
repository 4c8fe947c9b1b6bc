"""A guide line (and its sample in the key) whose dashes stay where they are along the line,
whatever part of it a painter draws.

Where the guide pen is a device pixel wide or less (0.4 mm on a large fitted map: 2.27 px/mm
gives 0.91 px), Qt strokes it with its cosmetic stroker, which starts the dash pattern afresh
where the device clips the line: the map's tiles, each band painted on its own pixmap, showed
the dashes shifted at every band's edge (a dash cut short, or run into the next). There the
dashes are laid out here along the whole line from its start, as Qt's dash stroker lays them
out, and each is drawn solid; a wider pen is stroked by Qt, which keeps the pattern whole.
"""

from __future__ import annotations

import math

from PySide6.QtCore import Qt
from PySide6.QtGui import QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QGraphicsPathItem


class GuideItem(QGraphicsPathItem):
    """A dashed path item whose dashes are continuous however it is cut into tiles."""

    def __init__(self, path: QPainterPath):
        super().__init__(path)
        self._dashes: tuple[tuple, QPainterPath] | None = None  # (pen and path, their dashes)

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
            width = pen.widthF() or 1.0
            pattern = [max(v, 1e-3) * width for v in pen.dashPattern()] or [1.0]
            self._dashes = (key, dashed(self.path(), pattern, pen.dashOffset() * width))
        return self._dashes[1]


def dashed(path: QPainterPath, pattern: list[float], offset: float = 0.0) -> QPainterPath:
    """The dashes of `path`'s lines as open subpaths (`pattern`: on, off, on, off … in the
    path's units), each subpath's pattern starting at its first point moved on by `offset`,
    as QPen's dash pattern places them."""
    out = QPainterPath()
    period = sum(pattern)
    for polygon in path.toSubpathPolygons():
        points = [(p.x(), p.y()) for p in polygon]
        index, left = 0, pattern[0]
        skip = offset % period if period > 0 else 0.0
        while skip > 1e-9:  # the offset: the pattern moved on
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
