"""What edit mode draws over the chart: the selected zone's outline as written, a handle at
each vertex, a new zone being drawn, and the problems `reflexmap check` finds, each at its
place with its message.

Handles and messages keep their size on screen at any zoom (ItemIgnoresTransformations);
the outline is a cosmetic pen. Positions are scene points (see ChartScene.to_scene).
"""

from __future__ import annotations

import math

import numpy
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (
    QBrush,
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

from ...i18n import _, balanced, balanced_lines
from ...layout.marks import free_spot, line_pieces, place_message
from ...render import palette
from ...utf16 import utf16_slice

HANDLE_PX = 8.0
PROBLEM = palette.PROBLEM  # an error's red (the quiz draws the zones it leaves out so too)
MAX_MESSAGE_CHARS = 160
MAX_MESSAGE_LINES = 5  # a problem's message on the map, wrapped to the room in view
MAX_MESSAGE_PX = 320  # no wider than this beside its ring, however much room there is
# tried too where the message is longer: in fewer lines it fits a band of paper (above the
# title, under the key: 46 px high at 1440 x 900, the message in 320 px needed 47 px)
WIDE_MESSAGE_PX = 480
NARROWER_PX = (240, 180)  # tried with the widest: more lines, a box that fits nearer its ring
MIN_MESSAGE_PX = 120  # no narrower, however little
SIDE_PX = 12  # from the ring's centre to its message
EDGE_PX = 4  # kept free at the edges of the view
MAX_PLACES_KEPT = 64  # messages' places remembered (Overlay._places)
OUTWARD_PX = 2 * MIN_MESSAGE_PX  # room enough on the outer side of a mark for its message
# a message wholly over zones, leaders or guide lines weighs as one this much further off; a
# red line joining a message to its ring through a label, as one this much further (the
# spleen's message lay over the colon's zones, another's line crossed a guide's name)
OVER_ZONES_PX = 160.0
THROUGH_LABEL_PX = 1000.0
TEXT_MARGIN_PX = 3.0  # a joining line keeps this far off the chart's texts where it can
OFF_OUTLINE_PX = 120  # a message stands on paper, off the feet, where it can this near its ring
MAX_REACH_PX = 240  # a message stands no further than this from its ring (a line joins them)
# on paper, where the paper nearer is all zones and text, this far (a long line to free paper
# beats a box over zones: S19-4, the paper above the title ~370 px off a kidney dragged out)
FAR_PAPER_PX = 400


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
        # (Qt's offsets count UTF-16 units: an emoji is two)
        piece = utf16_slice(layout.text(), line.textStart(), line.textStart() + line.textLength())
        lines.append(piece.replace("\u2028", "").rstrip())
    layout.endLayout()
    if len(lines) > most:
        rest = " ".join(" ".join(lines[most - 1 :]).split())
        lines = [*lines[: most - 1], metrics.elidedText(rest, Qt.TextElideMode.ElideRight, width)]
    # a zone's name, isolated in the sentence, may be broken or cut: each line keeps it isolated
    return balanced_lines(lines) or [""]


class Overlay:
    """The editor's items, drawn afresh into the map's overlay (reflexmap.ui.modes.MapOverlay,
    which owns them and clears them) whenever something changes."""

    def __init__(self) -> None:
        self.target = None
        self.handles: list[QGraphicsItem] = []
        self.messages: list[str] = []  # the problem texts shown, for tests and screen readers
        self.boxes: list[QRectF] = []  # the messages' boxes placed so far (view pixels)
        self.unshown: list[str] = []  # messages with no place on the map free of its text
        self.out_of_view: list[str] = []  # messages whose ring is out of the view
        self._scale = 1.0  # pixels a scene unit, where the messages are laid out
        # the chart's texts, view px from the ring being joined: left, top, right, bottom
        self._clear = numpy.empty((0, 4))
        self._rings: list[tuple[float, float]] = []  # the other problems' rings (view px)
        self._feet: list[list[tuple[float, float]]] = []  # the feet's outlines (view px)
        self._outline_cache: tuple = (None, [])  # (the view laid out for, its feet's outlines)
        self._places: dict = {}  # what a message's place was searched among -> the place found

    def begin(self, target) -> None:
        self.target = target
        self._outline_cache = (None, [])  # (the chart may be drawn anew)
        self.handles, self.messages, self.boxes, self.unshown = [], [], [], []
        self.out_of_view = []

    def clear(self) -> None:
        self.handles, self.messages, self.boxes, self.unshown = [], [], [], []
        self.out_of_view = []

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

    def problem(self, at: QPointF, message: str, outward: str = "", marks: list[QPointF] = ()) -> None:
        """A red ring at the place of a problem and its message beside it, on paper: wrapped
        to the room in view (past MAX_MESSAGE_LINES cut with "…"), never past the view's
        edges, and never over the chart's own text (zone labels, guide names, captions, the
        key, the title) nor another message: on the paper beside the feet near the ring where
        it can (OFF_OUTLINE_PX), else over a foot near it, at the width that stands nearest
        the ring (layout.marks.place_message); where no place is free of text, the map
        shows only a small "!" tag by the ring (its tooltip the message) and the message is
        kept in `unshown`, for the status bar (the problem list has it too). `marks`: the
        places of every problem shown (scene); the message stands nearer its own than any
        other, where it can."""
        self._in_red(QGraphicsEllipseItem(QRectF(-9, -9, 18, 18)), at, 2.5)
        self.messages.append(message)
        shown = (
            message if len(message) <= MAX_MESSAGE_CHARS else balanced(message[: MAX_MESSAGE_CHARS - 1]) + "…"
        )
        visible = self.target.visible() if hasattr(self.target, "visible") else None
        if visible is not None and not visible[0].contains(at):
            # its ring is out of view (scrolled or zoomed away): the message, kept inside the
            # view, says so, or it reads as about what is beside it
            self.out_of_view.append(message)
            shown += " " + out_of_view_words()
        if visible is not None:
            self.target.follows_view = True  # laid out for this view: again when it moves
        area, scale = visible if visible is not None else (None, 1.0)
        self._scale = scale if scale > 0 else 1.0
        # room (px) from the ring to the visible edges, each side
        if area is not None and scale > 0:
            right = (area.right() - at.x()) * scale
            left = (at.x() - area.left()) * scale
            below = (area.bottom() - at.y()) * scale
            above = (at.y() - area.top()) * scale
        else:
            right, left, below, above = MAX_MESSAGE_PX + 40, 0.0, 1e6, 0.0
        font = QGraphicsSimpleTextItem().font()
        natural = max(QFontMetricsF(font).horizontalAdvance(line) for line in shown.splitlines() or [""])
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
        origin = (at - area.topLeft()) * scale if area is not None and scale > 0 else at
        # the chart's own text stays readable: a message goes beside it, not over it
        text_boxes = self.target.chart_text() if hasattr(self.target, "chart_text") else []
        clear = [
            QRectF((r.topLeft() - area.topLeft()) * scale, r.size() * scale)
            for r in text_boxes
            if area is not None and scale > 0
        ]
        # and off the zones, leaders and guide lines where it can (view px; see free_spot)
        soft: list[tuple[float, float, float, float]] = []
        if area is not None and scale > 0 and hasattr(self.target, "chart_shapes"):
            zones, lines = self.target.chart_shapes()
            for r in zones:
                soft.append(
                    (
                        (r.left() - area.left()) * scale,
                        (r.top() - area.top()) * scale,
                        r.width() * scale,
                        r.height() * scale,
                    )
                )
            for line in lines:
                points = [((x - area.left()) * scale, (y - area.top()) * scale) for x, y in line]
                soft += line_pieces(points, 12.0, 2.0)
        # the feet's outlines: a message stands on the paper beside them where it can (S16-3)
        self._feet = self._feet_in_view(area, scale)
        others = [
            ((m - area.topLeft()) * scale).toTuple()
            for m in marks
            if m != at and area is not None and scale > 0
        ]
        self._rings = others  # (kept clear of by the message and by its "!" tag: _taken)
        room = (left, right, above, below) if area is not None else None
        widest = min(MAX_MESSAGE_PX, max(MIN_MESSAGE_PX, room_right if on_right else room_left))
        # every width at once: a narrow box of more lines beside the ring beats a wide one
        # far off (the widest first wins a tie); wider than the side's room too, as a box
        # may stand under or over the ring
        widths = [widest] + [
            w for w in (MAX_MESSAGE_PX, *NARROWER_PX, MIN_MESSAGE_PX) if w != widest and w < natural
        ]
        if natural > MAX_MESSAGE_PX and across - 2 * EDGE_PX >= WIDE_MESSAGE_PX:
            widths.append(WIDE_MESSAGE_PX)  # (last: it wins only where it stands nearer)
        metrics = QFontMetricsF(font)
        texts, sizes, wanted = [], [], []
        whole: list[int] = []  # the sizes whose lines hold the whole message (no "…")
        for width in widths:
            cut = len(wrapped(shown, font, width, MAX_MESSAGE_LINES + 1)) > MAX_MESSAGE_LINES
            lines = wrapped(shown, font, width, MAX_MESSAGE_LINES)
            w = max(metrics.horizontalAdvance(line) for line in lines) + 8
            h = metrics.height() * len(lines) + 4
            if (w, h) in sizes:
                continue
            dx = SIDE_PX if on_right else -SIDE_PX - w  # beside the ring, not over it
            dy = 10.0 if h + 10 + EDGE_PX <= below or below >= above else -10.0 - h
            if area is not None and scale > 0:  # never past the edges of what is in view
                dx = max(-left + EDGE_PX, min(dx, right - EDGE_PX - w))
                dy = max(-above + EDGE_PX, min(dy, below - EDGE_PX - h))
            if not cut:
                whole.append(len(sizes))
            texts.append(lines)
            sizes.append((w, h))
            wanted.append(self._beside(origin, dx, dy, w, h))
        taken, bounds = self._taken(origin, room, clear)
        # the same problem among the same text as the last drawings (a drag elsewhere, the
        # view's every mouse move): its place again, not searched again (0.05-0.25 s a search)
        key = _frozen((sizes, origin.toTuple(), wanted, taken, bounds, self._feet, soft, others, whole))
        try:
            found = self._places.get(key, ...)
        except TypeError:  # (a value no key can hold: searched each time)
            key, found = None, ...
        if found is ...:
            found = self._search(sizes, whole, origin, wanted, taken, bounds, soft, others)
            if key is not None:
                if len(self._places) >= MAX_PLACES_KEPT:
                    self._places.pop(next(iter(self._places)))
                self._places[key] = found
        if found is not None:
            k, spot, _on_paper = found
            (w, h), lines = sizes[k], texts[k]
            self.boxes.append(QRectF(spot[0], spot[1], w, h))
            chosen = (spot[0] - origin.x(), spot[1] - origin.y())
            # from the ring, TEXT_MARGIN_PX round each: a line grazing a text's box reads
            # as through it (the stomach's line passed 0.3 px by 'Shoulder')
            m = TEXT_MARGIN_PX
            boxes = [r.translated(-origin.x(), -origin.y()).adjusted(-m, -m, m, m) for r in clear]
            self._clear = numpy.array(
                [(r.left(), r.top(), r.right(), r.bottom()) for r in boxes], dtype=float
            ).reshape(-1, 4)
            self._box_at(at, "\n".join(lines), chosen)
            self._connect(at, chosen, w, h)
            return
        # nowhere free of the chart's text: a short tag by the ring, the message said elsewhere
        self.unshown.append(message)
        metrics = QFontMetricsF(font)
        w, h = metrics.horizontalAdvance("!") + 10, metrics.height() + 4
        tag = self._apart(origin, SIDE_PX - 4, -h / 2, w, h, room, clear, reach=MAX_REACH_PX / 4)
        if tag is not None:  # (else the ring alone: a tag too would cover the chart's text)
            self._box_at(at, "!", tag, bold=True).setToolTip(message)

    def _search(self, sizes, whole, origin, wanted, taken, bounds, soft, others):
        """(index of the size, its place, on paper) for the message, or None."""
        found = None
        # whole first; a message cut with "…" only where no whole one has a place
        for ks in (whole, range(len(sizes))) if len(whole) < len(sizes) else (whole,):
            found = place_message(
                [sizes[k] for k in ks],
                origin.toTuple(),
                [wanted[k] for k in ks],
                taken,
                bounds,
                feet=self._feet,
                paper_reach=OFF_OUTLINE_PX,
                reach=MAX_REACH_PX,
                far_reach=FAR_PAPER_PX,
                gap=4.0,
                soft=soft,
                soft_cost=OVER_ZONES_PX if soft else 0.0,
                line_cost=THROUGH_LABEL_PX,
                others=others,
                margin=TEXT_MARGIN_PX,
            )
            if found is not None:
                return (list(ks)[found[0]], *found[1:])
        return None

    def _feet_in_view(self, area, scale: float) -> list[list[tuple[float, float]]]:
        """The feet's outlines as polygons (view px from the top left of `area`), found once
        for the messages laid out for one view of the map."""
        if area is None or scale <= 0 or not hasattr(self.target, "chart_outlines"):
            return []
        key = (area.getRect(), scale)
        if self._outline_cache[0] != key:
            feet = [
                [((x - area.left()) * scale, (y - area.top()) * scale) for x, y in line]
                for line in self.target.chart_outlines()
            ]
            self._outline_cache = (key, [ring for ring in feet if len(ring) >= 3])
        return self._outline_cache[1]

    def _connect(self, at: QPointF, offset: tuple[float, float], w: float, h: float) -> None:
        """A red line from the ring to its message where the message stands off from it (the
        place beside the ring was on the chart's text), so that it is read as the ring's."""
        x, y = offset
        nx, ny = min(max(0.0, x), x + w), min(max(0.0, y), y + h)  # the box's point nearest the ring
        length = math.hypot(nx, ny)
        if length <= SIDE_PX + 10:
            return
        # straight, else across then up or down (or the other way round), else sideways to
        # a gap between the chart's texts and up or down it to the box: the way that crosses
        # the fewest of them (a straight line crossed a guide's name), the shortest of those
        start = QPointF(nx * 10 / length, ny * 10 / length)  # from the ring's edge
        ways = [[start, QPointF(nx, ny)]]
        if abs(nx) > 10 and abs(ny) > 10:
            ways.append([QPointF(10 if nx > 0 else -10, 0), QPointF(nx, 0), QPointF(nx, ny)])
            ways.append([QPointF(0, 10 if ny > 0 else -10), QPointF(0, ny), QPointF(nx, ny)])
        if abs(ny) > 10 and (y > 0 or y + h < 0):  # the box above or below: rise beside the texts
            end = y if y > 0 else y + h
            for k in range(1, 1 + int(w // 8)):
                side = x + 8 * k - 4
                if abs(side) > 10:
                    ways.append([QPointF(10 if side > 0 else -10, 0), QPointF(side, 0), QPointF(side, end)])
        best = min(ways, key=lambda way: (self._texts_crossed(way), _way_length(way)))
        path = QPainterPath(best[0])
        for point in best[1:]:
            path.lineTo(point)
        self._in_red(_Joining(path), at, 1.5)

    def _texts_crossed(self, way: list[QPointF]) -> int:
        """How many of the chart's texts (`_clear`, view px from the ring) a line crosses."""
        # points every 4 px along it, each tested against every text's box at once (a drag
        # laid out its message at every move: tested one by one, 180 ms a move)
        xs, ys = [], []
        for a, b in zip(way, way[1:], strict=False):
            steps = max(2, int(math.hypot(b.x() - a.x(), b.y() - a.y()) // 4))
            share = numpy.arange(steps + 1) / steps
            xs.append(a.x() + (b.x() - a.x()) * share)
            ys.append(a.y() + (b.y() - a.y()) * share)
        if not xs or not len(self._clear):
            return 0
        x, y = numpy.concatenate(xs)[:, None], numpy.concatenate(ys)[:, None]
        # from the ring's box on, as layout.marks.crosses judged the place: a text under the
        # ring is crossed by every way out of it
        out = (numpy.abs(x[:, 0]) > 11) | (numpy.abs(y[:, 0]) > 11)
        x, y = x[out], y[out]
        left, top, right, bottom = self._clear.T
        inside = (left <= x) & (x <= right) & (top <= y) & (y <= bottom)
        return int(inside.any(axis=0).sum())

    def _in_red(self, item, at: QPointF, width: float) -> None:
        """A ring or line of a problem, `width` pixels wide at any zoom, drawn at `at`."""
        item.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations)
        item.setPos(at)
        pen = QPen(PROBLEM, width)
        pen.setCosmetic(True)
        item.setPen(pen)
        self._add(item, 32)

    def _box_at(self, at: QPointF, text: str, offset: tuple[float, float], *, bold: bool = False):
        """A paper box with red text at `offset` (view px) from the scene point `at`."""
        item = QGraphicsSimpleTextItem(text)  # plain text: the message quotes the chart's ids
        item.setBrush(QBrush(PROBLEM))
        if bold:
            font = item.font()
            font.setBold(True)
            item.setFont(font)
        box = item.boundingRect()
        # the box's own corner is its position (the offset in pixels at the map's scale): the
        # scene takes an item that ignores the view's scale as a pixel a millimetre, so only
        # from its position onwards does it repaint the map's tiles under it (a box set far
        # from its ring by a transform, or by its offset within the item, was never painted)
        # (the text at the origin of the box, its paper around it: the map's kept tiles find
        # an item that keeps its size on screen by its box taken as a pixel a millimetre, which
        # holds where it is drawn only if its box holds its origin; see _Joining)
        x, y = offset
        scale = self._scale
        back = QGraphicsRectItem(QRectF(-4, -2, box.width() + 8, box.height() + 4))
        back.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations)
        back.setPos(at + QPointF((x + 4) / scale, (y + 2) / scale))
        back.setBrush(QBrush(palette.PAPER))
        pen = QPen(PROBLEM, 1.0)
        pen.setCosmetic(True)
        back.setPen(pen)
        item.setParentItem(back)
        self._add(back, 33)
        return back

    @staticmethod
    def _beside(origin: QPointF, dx: float, dy: float, w: float, h: float) -> list[tuple[float, float]]:
        """The corners (view px) of a `w` × `h` box beside the ring at `origin`, in the order
        they are wanted: (dx, dy) itself, the other side of the ring, under or over it."""
        other_x = -SIDE_PX - w if dx >= 0 else SIDE_PX
        other_y = -10.0 - h if dy >= 0 else 10.0
        tries = [
            (dx, dy),
            (dx, other_y),
            (other_x, dy),
            (other_x, other_y),
            (-w / 2, 12.0),
            (-w / 2, -12.0 - h),
        ]
        return [(origin.x() + x, origin.y() + y) for x, y in tries]

    def _taken(self, origin: QPointF, room, clear: list[QRectF]) -> tuple[list, tuple | None]:
        """(boxes a message or tag may not cover: the messages placed before, the chart's
        text in `clear`, its ring and every other problem's ring; the view's bounds less its
        edges, from `room`), view px."""
        taken = [(b.left(), b.top(), b.width(), b.height()) for b in (*self.boxes, *clear)]
        x0, y0 = origin.x(), origin.y()
        taken.append((x0 - 11, y0 - 11, 22, 22))  # the ring, with its pen
        # and every other problem's ring: a message over one hid it, and read as its (S16-3)
        taken += [(x - 11, y - 11, 22, 22) for x, y in self._rings]
        bounds = None
        if room is not None:
            left, right, above, below = room
            bounds = (
                x0 - left + EDGE_PX,
                y0 - above + EDGE_PX,
                left + right - 2 * EDGE_PX,
                above + below - 2 * EDGE_PX,
            )
        return taken, bounds

    def _apart(
        self,
        origin: QPointF,
        dx: float,
        dy: float,
        w: float,
        h: float,
        room,
        clear: list[QRectF],
        *,
        reach: float,
    ) -> tuple[float, float] | None:
        """(dx, dy) from the ring at `origin` (view pixels) of a `w` × `h` box (the "!" tag)
        that covers no message placed before, nor the chart's text in `clear`, nor a ring,
        inside the view (`room`): beside the ring where it can, else the nearest place beside
        the boxes in the way (layout.marks.free_spot); None when none is free."""
        taken, bounds = self._taken(origin, room, clear)
        x0, y0 = origin.x(), origin.y()
        spot = free_spot(
            (w, h), (x0, y0), self._beside(origin, dx, dy, w, h), taken, bounds, reach=reach, gap=4.0
        )
        if spot is None:
            return None
        self.boxes.append(QRectF(spot[0], spot[1], w, h))
        return spot[0] - x0, spot[1] - y0

    def points(self, points: list[QPointF]) -> None:
        """A zone being drawn: the points clicked so far, joined."""
        self.outline([points], closed=False)
        for point in points:
            self.handle(point)


class _Joining(QGraphicsPathItem):
    """A red line from a ring to its message, drawn at the ring's centre (its position) from
    the ring's edge on. Its box holds its position: Qt finds an item that keeps its size on
    screen for a part of the map (a kept tile, ui/map_layers.py) by its box taken as a pixel a
    millimetre, around its position; a line starting 10 px off it was missed where a tile drew
    only the line's first pixels (a gap in the line), at any scale above 1 px/mm."""

    def boundingRect(self) -> QRectF:  # noqa: N802 (Qt's name)
        return super().boundingRect().united(QRectF(-0.5, -0.5, 1.0, 1.0))


def out_of_view_words() -> str:
    """Said after a problem whose ring is out of the part of the map in view."""
    return _("(out of view: scroll or zoom out to see it)")


def _way_length(way: list[QPointF]) -> float:
    return sum(math.hypot(b.x() - a.x(), b.y() - a.y()) for a, b in zip(way, way[1:], strict=False))


def _frozen(value):
    """`value` (lists, tuples, numpy arrays, Qt rectangles and points, numbers) as a key."""
    if isinstance(value, list | tuple):
        return tuple(_frozen(v) for v in value)
    if isinstance(value, numpy.ndarray):
        return (value.shape, value.tobytes())
    if isinstance(value, QRectF):
        return value.getRect()
    if isinstance(value, QPointF):
        return value.toTuple()
    return value
