"""What edit mode draws over the chart: the selected zone's outline as written, a handle at
each vertex, a new zone being drawn, and the problems `reflexmap check` finds, each at its
place with its message.

Handles and messages keep their size on screen at any zoom (ItemIgnoresTransformations);
the outline is a cosmetic pen. Positions are scene points (see ChartScene.to_scene).
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetricsF,
    QPainterPath,
    QPen,
    QPolygonF,
    QTextLayout,
    QTextOption,
)
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
MAX_MESSAGE_LINES = 4  # a problem's message on the map, wrapped to the room in view
MAX_MESSAGE_PX = 420  # no wider than this, however much room there is
MIN_MESSAGE_PX = 120  # no narrower, however little
SIDE_PX = 12  # from the ring's centre to its message
EDGE_PX = 4  # kept free at the edges of the view
OUTWARD_PX = 2 * MIN_MESSAGE_PX  # room enough on the outer side of a mark for its message


def wrapped(text: str, font: QFont, width: float, most: int) -> list[str]:
    """`text` in lines no wider than `width` px: broken at spaces, or inside a word too long
    for a line; past `most` lines the last is cut with "…"."""
    metrics = QFontMetricsF(font)
    layout = QTextLayout(text.replace("\n", "\u2028"), font)
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    layout.setTextOption(option)
    layout.beginLayout()
    lines: list[str] = []
    while True:
        line = layout.createLine()
        if not line.isValid():
            break
        line.setLineWidth(width)
        piece = layout.text()[line.textStart() : line.textStart() + line.textLength()]
        lines.append(piece.replace("\u2028", "").rstrip())
    layout.endLayout()
    if len(lines) > most:
        rest = " ".join(" ".join(lines[most - 1 :]).split())
        lines = [*lines[: most - 1], metrics.elidedText(rest, Qt.TextElideMode.ElideRight, width)]
    return lines or [""]


class Overlay:
    """The editor's items, drawn afresh into the map's overlay (reflexmap.ui.modes.MapOverlay,
    which owns them and clears them) whenever something changes."""

    def __init__(self) -> None:
        self.target = None
        self.handles: list[QGraphicsItem] = []
        self.messages: list[str] = []  # the problem texts shown, for tests and screen readers
        self.boxes: list[QRectF] = []  # the messages' boxes placed so far (view pixels)

    def begin(self, target) -> None:
        self.target = target
        self.handles, self.messages, self.boxes = [], [], []

    def clear(self) -> None:
        self.handles, self.messages, self.boxes = [], [], []

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

    def problem(self, at: QPointF, message: str, outward: str = "") -> None:
        """A red ring at the place of a problem and its message beside it, on paper: on the
        side of the ring with more room, wrapped (and, past MAX_MESSAGE_LINES, cut with "…")
        to fit the part of the map in view, never past its edges."""
        ring = QGraphicsEllipseItem(QRectF(-9, -9, 18, 18))
        ring.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations)
        ring.setPos(at)
        pen = QPen(PROBLEM, 2.5)
        pen.setCosmetic(True)
        ring.setPen(pen)
        self._add(ring, 32)
        shown = message if len(message) <= MAX_MESSAGE_CHARS else message[: MAX_MESSAGE_CHARS - 1] + "…"
        text = QGraphicsSimpleTextItem()  # plain text: the message quotes the chart's ids
        text.setBrush(QBrush(PROBLEM))
        visible = self.target.visible() if hasattr(self.target, "visible") else None
        if visible is not None:
            self.target.follows_view = True  # laid out for this view: again when it moves
        area, scale = visible if visible is not None else (None, 1.0)
        # room (px) from the ring to the visible edges, each side
        if area is not None and scale > 0:
            right = (area.right() - at.x()) * scale
            left = (at.x() - area.left()) * scale
            below = (area.bottom() - at.y()) * scale
            above = (at.y() - area.top()) * scale
        else:
            right, left, below, above = MAX_MESSAGE_PX + 40, 0.0, 1e6, 0.0
        metrics = QFontMetricsF(text.font())
        natural = max(metrics.horizontalAdvance(line) for line in shown.splitlines() or [""])
        across = right + left  # the view's width: a mark out of view gets no more than that
        room_right = min(right, across - 2 * EDGE_PX) - SIDE_PX - 8 - EDGE_PX
        room_left = min(left, across - 2 * EDGE_PX) - SIDE_PX - 8 - EDGE_PX
        # `outward` first ("left", "right": the side of the chart the mark's foot is drawn on;
        # else away from the middle of what is in view) when the message fits there in a few
        # lines: a zone's message and its mirror's then stand each beside its own foot, not
        # both between the feet, each nearer the other's mark
        outward_right = outward == "right" if outward else right >= left
        outward_room = room_right if outward_right else room_left
        if outward_room >= min(natural, OUTWARD_PX):
            on_right = outward_right
        else:
            on_right = natural <= room_right or room_right >= room_left
        width = min(MAX_MESSAGE_PX, max(MIN_MESSAGE_PX, room_right if on_right else room_left))
        text.setText("\n".join(wrapped(shown, text.font(), width, MAX_MESSAGE_LINES)))
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
        w, h = box.width() + 8, box.height() + 4
        dx = SIDE_PX if on_right else -SIDE_PX - w  # beside the ring, not over it
        dy = 10.0 if h + 10 + EDGE_PX <= below or below >= above else -10.0 - h
        if area is not None and scale > 0:  # never past the edges of what is in view
            dx = max(-left + EDGE_PX, min(dx, right - EDGE_PX - w))
            dy = max(-above + EDGE_PX, min(dy, below - EDGE_PX - h))
        origin = (at - area.topLeft()) * scale if area is not None and scale > 0 else at
        # the feet's captions and the key stay readable: a message goes beside them, not over them
        text_boxes = self.target.chart_text() if hasattr(self.target, "chart_text") else []
        clear = [
            QRectF((r.topLeft() - area.topLeft()) * scale, r.size() * scale)
            for r in text_boxes
            if area is not None and scale > 0
        ]
        room = (left, right, above, below) if area is not None else None
        dx, dy = self._apart(origin, dx, dy, w, h, room, clear)
        back.setTransform(back.transform().translate(dx, dy))
        self._add(back, 33)
        self.messages.append(message)

    def _apart(
        self, origin: QPointF, dx: float, dy: float, w: float, h: float, room, clear: list[QRectF] = ()
    ) -> tuple[float, float]:
        """(dx, dy) moved so that the message's box covers none placed before (a zone's problem
        and its mirror's, two problems close together) nor the chart's text in `clear` (view
        pixels: the feet's captions, the key): the first free of the other side of the ring,
        above or below the boxes in the way; else the one over the least of that text."""

        def box(x: float, y: float) -> QRectF:
            return QRectF(origin.x() + x, origin.y() + y, w, h).adjusted(-2, -2, 2, 2)

        def fits(x: float, y: float) -> bool:
            if room is not None:
                left, right, above, below = room
                if x < -left + EDGE_PX - 0.5 or x + w > right - EDGE_PX + 0.5:
                    return False
                if y < -above + EDGE_PX - 0.5 or y + h > below - EDGE_PX + 0.5:
                    return False
            return not any(box(x, y).intersects(other) for other in (*self.boxes, *clear))

        def over_text(xy: tuple[float, float]) -> float:
            covered = [box(*xy).intersected(other) for other in clear]
            return sum(r.width() * r.height() for r in covered if not r.isEmpty())

        tries = [(dx, dy), (dx, -10.0 - h if dy >= 0 else 10.0), (-SIDE_PX - w if dx >= 0 else SIDE_PX, dy)]
        for other in (*self.boxes, *clear):  # just below or above each box in the way
            tries += [(dx, other.bottom() + 2 - origin.y()), (dx, other.top() - 2 - h - origin.y())]
        chosen = next(((x, y) for x, y in tries if fits(x, y)), None)
        if chosen is None:  # nowhere free: over the least of the chart's text
            chosen = min(tries[:3], key=over_text) if clear else (dx, dy)
        self.boxes.append(box(*chosen))
        return chosen

    def points(self, points: list[QPointF]) -> None:
        """A zone being drawn: the points clicked so far, joined."""
        self.outline([points], closed=False)
        for point in points:
            self.handle(point)
