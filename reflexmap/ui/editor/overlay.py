"""What edit mode draws over the chart: the selected zone's outline as written, a handle at
each vertex, a new zone being drawn, and the problems `reflexmap check` finds, each at its
place with its message.

Handles and messages keep their size on screen at any zoom (ItemIgnoresTransformations);
the outline is a cosmetic pen. Positions are scene points (see ChartScene.to_scene).
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QPainterPath, QPen, QPolygonF
from PySide6.QtWidgets import (
    QGraphicsEllipseItem,
    QGraphicsItem,
    QGraphicsPathItem,
    QGraphicsRectItem,
    QGraphicsSimpleTextItem,
)

from ...render import palette

HANDLE_PX = 8.0
PROBLEM = QColor("#c0392b")  # an error's red, readable on paper and on the dark theme's fills
MAX_MESSAGE_CHARS = 160


class Overlay:
    """The editor's items, drawn afresh into the map's overlay (reflexmap.ui.modes.MapOverlay,
    which owns them and clears them) whenever something changes."""

    def __init__(self) -> None:
        self.target = None
        self.handles: list[QGraphicsItem] = []
        self.messages: list[str] = []  # the problem texts shown, for tests and screen readers

    def begin(self, target) -> None:
        self.target = target
        self.handles, self.messages = [], []

    def clear(self) -> None:
        self.handles, self.messages = [], []

    def _add(self, item: QGraphicsItem, z: float) -> QGraphicsItem:
        item.setZValue(z)
        self.target.add(item)
        return item

    def outline(self, rings: list[list[QPointF]], *, mirrored: bool = False, closed: bool = True) -> None:
        """A zone's outline as written (also when it is not a valid polygon yet)."""
        path = QPainterPath()
        for ring in rings:
            if not ring:
                continue
            path.addPolygon(QPolygonF(ring))
            if closed:
                path.closeSubpath()
        item = QGraphicsPathItem(path)
        pen = QPen(palette.SELECTION, 2.0)
        pen.setCosmetic(True)
        if mirrored:
            pen.setDashPattern([4, 3])
        item.setPen(pen)
        self._add(item, 30)

    def broken(self, rings: list[list[QPointF]]) -> None:
        """A shape the chart leaves out because of an error, drawn as written: hatched and
        outlined in the warning colour, so that it stays in sight while it is fixed."""
        path = QPainterPath()
        path.setFillRule(Qt.FillRule.OddEvenFill)
        for ring in rings:
            if ring:
                path.addPolygon(QPolygonF(ring))
                path.closeSubpath()
        item = QGraphicsPathItem(path)
        pen = QPen(PROBLEM, 2.0)
        pen.setCosmetic(True)
        pen.setDashPattern([6, 3])
        item.setPen(pen)
        item.setBrush(QBrush(PROBLEM, Qt.BrushStyle.BDiagPattern))
        self._add(item, 29)

    def handle(self, at: QPointF, *, selected: bool = False, mirrored: bool = False) -> None:
        """A vertex handle: filled square; a mirrored foot's handles (which move the other
        foot's vertex, mirrored) are round."""
        half = HANDLE_PX / 2 + (1 if selected else 0)
        rect = QRectF(-half, -half, 2 * half, 2 * half)
        item = QGraphicsEllipseItem(rect) if mirrored else QGraphicsRectItem(rect)
        item.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations)
        item.setPos(at)
        pen = QPen(palette.INK if not selected else palette.SELECTION, 1.2)
        pen.setCosmetic(True)
        item.setPen(pen)
        item.setBrush(QBrush(palette.SELECTION if selected else palette.PAPER))
        self._add(item, 31)
        self.handles.append(item)

    def problem(self, at: QPointF, message: str) -> None:
        """A red ring at the place of a problem and its message beside it, on paper."""
        ring = QGraphicsEllipseItem(QRectF(-9, -9, 18, 18))
        ring.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations)
        ring.setPos(at)
        pen = QPen(PROBLEM, 2.5)
        pen.setCosmetic(True)
        ring.setPen(pen)
        self._add(ring, 32)
        shown = message if len(message) <= MAX_MESSAGE_CHARS else message[: MAX_MESSAGE_CHARS - 1] + "…"
        text = QGraphicsSimpleTextItem(shown)  # plain text: the message quotes the chart's ids
        text.setBrush(QBrush(PROBLEM))
        box = text.boundingRect()
        back = QGraphicsRectItem(QRectF(0, 0, box.width() + 8, box.height() + 4))
        back.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations)
        back.setPos(at)
        back.setBrush(QBrush(palette.PAPER))
        pen = QPen(PROBLEM, 1.0)
        pen.setCosmetic(True)
        back.setPen(pen)
        text.setParentItem(back)
        text.setPos(4, 2)
        back.setTransform(back.transform().translate(12, 10))  # beside the ring, not over it
        self._add(back, 33)
        self.messages.append(message)

    def points(self, points: list[QPointF]) -> None:
        """A zone being drawn: the points clicked so far, joined."""
        self.outline([points], closed=False)
        for point in points:
            self.handle(point)
