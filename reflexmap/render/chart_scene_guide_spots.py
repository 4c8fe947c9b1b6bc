"""Where one guide line's name can stand: clear of leaders, labels, guide lines and other
names, off the outline and covering the least of the zones' edges, in smaller type or two
lines when crowded; and the outline and zone edges filed for that search. Part of
`ChartScene` (render/chart_scene.py)."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF

from ..layout.frames import Frame
from ..layout.labels import (
    DeferredSegmentIndex,
    SegmentIndex,
    best_spot,
    guide_name_spot,
    segments_of,
    upright_name_spots,
    zone_segments,
)
from .chart_scene_guides import _name_measured
from .chart_scene_parts import (
    GUIDE_CLEARANCE_MM,
    GUIDE_NAMES_APART_MM,
    _box,
)


class GuideSpotsMixin:
    """(`ChartScene`'s part: see the module's docstring)"""

    def _guide_name_place(
        self,
        frame: Frame,
        guide,
        short: str,
        edges,
        fills,
        avoid,
        rects: list,
        placed: list,
        gaps: list,
        start: int = 0,
    ) -> tuple:
        """(text, size, width, height, x, y) of one guide's name after the names `placed`, at
        `_guide_ladder()[start]` or smaller."""
        # other names kept further off than other text: two names one over the other
        # (or end to end) would read as one
        apart = [
            _box(r.adjusted(-GUIDE_NAMES_APART_MM, -sep, GUIDE_NAMES_APART_MM, sep))
            for r, sep in zip(placed, gaps, strict=True)
        ]
        # the name as it is, else in two lines, else in smaller type (down to
        # 70 % of it): the first that has a place clear of everything
        found = None
        for size in self._guide_ladder()[start:]:
            near = self._other_uprights(frame, guide, size)
            for split in (False, True):
                lines = self._guide_name_lines(frame, short, size, split)
                if split and len(lines) < 2:
                    continue
                text, width, height = _name_measured(lines, size)
                at = self._guide_name_position(
                    frame,
                    guide.points,
                    width,
                    len(lines),
                    height,
                    edges,
                    avoid,
                    rects + apart + near,
                    size=size,
                    fills=fills,
                )
                if at is not None:
                    found = (text, size, width, height, at)
                    break
            if found is not None:
                break
        if found is None:  # crowded everywhere: where it covers the least, as it is
            size = self._guide_ladder()[start]
            lines = self._guide_name_lines(frame, short, size)
            text, width, height = _name_measured(lines, size)
            # guide lines too close together for a name between them: it may cross them,
            # but keeps off the leaders, the labels and the other names where it can
            at = self._guide_name_position(
                frame,
                guide.points,
                width,
                len(lines),
                height,
                edges,
                SegmentIndex(segments_of(self._leaders)),
                rects + apart,
                size=size,
                fills=fills,
            ) or self._guide_name_position(frame, guide.points, width, len(lines), height, edges, size=size)
            found = (text, size, width, height, at)
        text, size, width, height, at = found
        # two lines close together (shoulder and diaphragm on a side view) and no clear
        # place for the later name: it steps off the earlier one instead of covering it, on
        # the side its own line is (German at 1024x768: the diaphragm line's name stepped up
        # over the shoulder line's, above the toes, 20 mm from its own line)
        spot = QRectF(at.x(), at.y(), width, height)
        own = self._points(frame, guide.points)
        for _round in range(len(placed)):
            hit = next((r for r in placed if r.intersects(spot.adjusted(0.2, 0.2, -0.2, -0.2))), None)
            if hit is None:
                break
            line_y = _line_y(own, spot.left(), spot.right())
            if line_y is not None and line_y > hit.center().y():
                spot.moveTop(hit.bottom() + 0.2)
            else:
                spot.moveBottom(hit.top() - 0.2)
        return (text, size, width, height, spot.x(), spot.y())

    def _other_uprights(self, frame: Frame, guide, size: float) -> list:
        """Boxes about the other upright guide lines of `frame`'s view, a line of type (`size`)
        wide on either side, for the name of `guide` when it is upright too: beside its own
        line, a name that reached up to the next one read as that line's (German, Largest, the
        lateral view: "Becken- / Fersenlinie" stood between the waistline and its own line,
        under "Taillenlinie", reading as a second name of the waistline)."""
        if not _upright(self._points(frame, guide.points)):
            return []
        boxes = []
        for other in frame.view.guides:
            if other is guide:
                continue
            ends = self._points(frame, other.points)
            if _upright(ends):
                xs, ys = [p.x() for p in ends], [p.y() for p in ends]
                boxes.append(
                    _box(QRectF(min(xs) - size, min(ys), max(xs) - min(xs) + 2 * size, max(ys) - min(ys)))
                )
        return boxes

    def _outline_index(self, frame: Frame) -> SegmentIndex:
        """The view's outline in scene mm, filed for guide names' places (made once per chart
        and place of the view)."""
        return self._filed(("outline", frame.view.id, frame.dx, frame.dy), lambda: [[frame.view.outline]])

    def _zone_edges(self, frame: Frame, zones, kind: str = "edges") -> SegmentIndex:
        """The edges of the view's zones (`zones`, in the order drawn), each tagged with its
        zone, in scene mm, filed for guide names' places (the edges they cover, the fills
        they sit on): made once per chart and place of the view (a chart is drawn a few
        times while its text size settles, and again on every resize or view switch)."""
        view_id = frame.view.id
        shapes = [zone.shapes[view_id] for zone in zones]
        return self._filed((kind, view_id, frame.dx, frame.dy), lambda: shapes)

    def _filed(self, key: tuple, zones) -> SegmentIndex:
        """(`_outline_index`, `_zone_edges`) kept for the chart drawn last (`self.atlas`:
        a changed chart is a new Atlas), at most a few dozen places of its views."""
        if self._indexes[0] is not self.atlas or len(self._indexes[1]) > 48:
            self._indexes = (self.atlas, {})
        found = self._indexes[1].get(key)
        if found is None:
            dx, dy = key[2], key[3]

            def segments() -> list[tuple[float, ...]]:  # when a placement first asks
                return zone_segments(
                    [[[(dx + x, dy - y) for x, y in ring] for ring in rings] for rings in zones()]
                )

            found = DeferredSegmentIndex(segments)
            self._indexes[1][key] = found
        return found

    def _guide_name_position(
        self,
        frame: Frame,
        points,
        width: float,
        lines: int = 1,
        height: float = 0.0,
        edges=(),
        avoid=(),
        rects=(),
        *,
        size: float = 0.0,
        fills=(),
    ) -> QPointF | None:
        """Above a closed guide (an ankle bone) or the top of an upright one, or else beside
        or below it; by a crosswise line, from its outer end inwards to where the name is
        clear of the outline and covers the least of the zones' edges
        (layout.labels.guide_name_spot). Never within GUIDE_CLEARANCE_MM of the lines in
        `avoid` (leaders, guide lines) or the rectangles in `rects` (labels, other names):
        None when there is no such place (given `avoid`). Never past the foot's sides, where
        the label columns are."""
        ends = self._points(frame, points)
        size = size or self.guide_mm
        above = size * 1.3 + (lines - 1) * size * 1.17  # the lines' height over the guide
        xs, ys = [p.x() for p in ends], [p.y() for p in ends]
        closed = len(points) > 3 and points[0] == points[-1]
        line = [(p.x(), p.y()) for p in ends]
        box_height = max(height, size)
        if closed or max(xs) - min(xs) < 0.3 * (max(ys) - min(ys)):
            x, y = (min(xs) + max(xs)) / 2 - width / 2, min(ys) - above - size * 0.1
            spot = best_spot(
                upright_name_spots(line, width + 0.8, box_height, GUIDE_CLEARANCE_MM + 0.1, closed=closed),
                width + 0.8,
                box_height,
                outline=self._outline_index(frame) if not closed else (),
                edges=edges,
                avoid=avoid,
                avoid_rects=rects,
                clearance=GUIDE_CLEARANCE_MM,
                within=(frame.left + 0.6, frame.right - 0.6),
                inside=False,  # past the line's end, over the paper above the foot, is clear too
                fills=fills,
            )
            if spot is not None:
                x, y = spot[0] + 0.4, spot[1]
            elif avoid:
                return None
        else:
            on_left = frame.lead_left >= frame.lead_right
            outer = min(ends, key=lambda p: p.x()) if on_left else max(ends, key=lambda p: p.x())
            x = outer.x() + 2.5 if on_left else outer.x() - width - 2.5
            y = outer.y() - above
            spot = guide_name_spot(
                line,
                self._outline_index(frame),
                edges,
                width + 0.8,  # the veil behind the name reaches 0.4 mm past its text
                box_height,
                from_left=on_left,
                gap=max(min(size * 0.15, 0.6), GUIDE_CLEARANCE_MM + 0.1),  # close by its line at any size
                avoid=avoid,
                avoid_rects=rects,
                clearance=GUIDE_CLEARANCE_MM,
                fills=fills,
            )
            if spot is None and avoid:
                return None
            if spot is not None:
                x, y = spot[0] + 0.4, spot[1]
        x = max(frame.left + 1.0, min(x, frame.right - width - 1.0))
        return QPointF(x, y)


def _line_y(ends, left: float, right: float) -> float | None:
    """The middle height (scene mm, down) of a guide line (its scene points) where it runs
    between `left` and `right`; None where it does not (an upright line beside them)."""
    ys = []
    for a, b in zip(ends, ends[1:], strict=False):
        low, high = min(a.x(), b.x()), max(a.x(), b.x())
        if high < left or low > right or high - low < 1e-9:
            continue
        for x in (max(low, left), min(high, right)):
            ys.append(a.y() + (b.y() - a.y()) * (x - a.x()) / (b.x() - a.x()))
    return (min(ys) + max(ys)) / 2 if ys else None


def _upright(ends) -> bool:
    """Whether a guide line (its scene points) runs up the foot rather than across it, and is
    not closed on itself (an ankle bone): as `_guide_name_position` tells them apart."""
    xs, ys = [p.x() for p in ends], [p.y() for p in ends]
    closed = len(ends) > 3 and ends[0] == ends[-1]
    return not closed and max(xs) - min(xs) < 0.3 * (max(ys) - min(ys))
