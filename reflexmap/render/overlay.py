"""The other chart's zones drawn over a chart (Compare → Overlaid): dashed, hatched outlines
and, for the zones it places differently or alone, their names, set apart from the chart's
own labels: italic, in a dashed frame, with a dashed leader to the zone."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainterPath, QPen, QPolygonF
from PySide6.QtWidgets import QGraphicsItem, QGraphicsPathItem, QGraphicsRectItem, QGraphicsSimpleTextItem

from ..atlas import Atlas
from ..content.markup import escape
from ..layout.labels import SegmentIndex, best_spot, segments_of, spots_around, zone_segments
from . import palette
from .chart_key import other_chart_brush, other_chart_pen
from .chart_scene import GUIDE_CLEARANCE_MM, MAX_LABEL_EMS, MAX_LABEL_MM, ChartScene, _box, _path_lines
from .chart_text import elided, text_item, text_width

OVERLAY_Z = 4.5  # over the chart's zones, under its guide lines, leaders and labels
LABEL_Z = 16.0  # the other chart's names: over everything


def draw_other_zones(
    scene: ChartScene, other: Atlas, tradition: str
) -> dict[tuple[str, str], QGraphicsPathItem]:
    """`other`'s zones in every view `scene` draws, as dashed, hatched outlines (colour is not
    needed to tell them apart); by (view id, zone id)."""
    items: dict[tuple[str, str], QGraphicsPathItem] = {}
    for frame in scene.frames:
        view_id = frame.view.id
        for zone in other.zones_in(view_id):
            path = QPainterPath()
            for ring in zone.shapes[view_id]:
                path.addPolygon(QPolygonF([scene.to_scene(view_id, x, y) for x, y in ring]))
                path.closeSubpath()
            item = QGraphicsPathItem(path)
            item.setPen(other_chart_pen())
            item.setBrush(other_chart_brush())
            item.setZValue(OVERLAY_Z)
            item.setToolTip(f"<b>{escape(zone.name)}</b><br>{escape(zone.tradition or tradition)}")
            scene.addItem(item)
            items[(view_id, zone.id)] = item
    _veil_guide_names(scene, items.values())
    return items


def _veil_guide_names(scene: ChartScene, zones: Iterable[QGraphicsPathItem]) -> None:
    """A guide name of the chart placed where the other chart has a zone (it was placed off
    the chart's own fills, not knowing the overlay) stands on an opaque veil of paper: the
    hatching and dashed outline stop at its box instead of running through its small grey
    letters."""
    shapes = [(item.sceneBoundingRect(), item.shape()) for item in zones]
    names = scene.guide_names
    for veil, name in zip(names[0::2], names[1::2], strict=False):
        if not isinstance(veil, QGraphicsRectItem) or not name.isVisible():
            continue
        box = name.sceneBoundingRect()
        covered = any(
            bounds.intersects(box) and (path.intersects(box) or path.contains(box)) for bounds, path in shapes
        )
        if covered:
            veil.setRect(box.adjusted(-0.4, -0.1, 0.4, 0.1))
            paper = QColor(palette.PAPER)
            veil.setBrush(paper)


def label_other_zones(
    scene: ChartScene, other: Atlas, keys: Iterable[tuple[str, str]]
) -> list[QGraphicsItem]:
    """Names of `other`'s zones `keys` ((view id, zone id), drawn by `draw_other_zones`):
    each beside its zone where it keeps clear of every label, leader, guide name and other
    text of the chart and of the names placed before it (else on the zone itself), italic in
    a dashed frame with a dashed leader, so that it is never taken for the chart's own label."""
    size = scene.label_mm
    texts = [i for i in scene.items() if isinstance(i, QGraphicsSimpleTextItem) and i.isVisible()]
    rects = [_box(i.sceneBoundingRect()) for i in texts]
    lines = [line for label in scene.labels.values() for line in _path_lines(label.leader)]
    lines += [
        line
        for item in scene.guide_items
        if isinstance(item, QGraphicsPathItem)
        for line in _path_lines(item)
    ]
    avoid = SegmentIndex(segments_of(lines))
    made: list[QGraphicsItem] = []
    by_view: dict[str, list[str]] = {}
    for view_id, zone_id in keys:
        by_view.setdefault(view_id, []).append(zone_id)
    for frame in scene.frames:
        view_id = frame.view.id
        zones = [other.zone(z) for z in by_view.get(view_id, []) if other.has_zone(z)]
        if not zones:
            continue

        def moved(rings, view_id=view_id):
            return [
                [(p.x(), p.y()) for p in (scene.to_scene(view_id, x, y) for x, y in ring)] for ring in rings
            ]

        # a name covers as little as it can of the zones' edges and the foot's outline
        scene_rings = [moved(z.shapes[view_id]) for z in other.zones_in(view_id)] + [
            moved([frame.view.outline])
        ]
        edges = SegmentIndex(zone_segments(scene_rings))
        anchors = other.anchors(view_id)
        within = (frame.left - frame.lead_left, frame.right + frame.lead_right)
        for zone in zones:
            name = elided(zone.name, size, max(MAX_LABEL_MM, MAX_LABEL_EMS * size), italic=True)
            text = text_item(name, size, italic=True)
            width = text_width(name, size, italic=True) + 1.6  # the frame's margins
            height = text.sceneBoundingRect().height() + 0.4
            xs = [x for ring in zone.shapes[view_id] for x, _y in ring]
            ys = [y for ring in zone.shapes[view_id] for _x, y in ring]
            corner_a = scene.to_scene(view_id, min(xs), max(ys))
            corner_b = scene.to_scene(view_id, max(xs), min(ys))
            box = (corner_a.x(), corner_a.y(), corner_b.x(), corner_b.y())
            candidates = spots_around(box, width, height, gap=GUIDE_CLEARANCE_MM + 0.6)
            # within the chart's height: a view is fitted to the chart, and a name above it was
            # cut by the pane's top edge (on the zone itself, the last spot, is always within)
            top, bottom = scene.chart_rect.top(), scene.chart_rect.bottom()
            candidates = [c for c in candidates if top <= c[2] and c[2] + height <= bottom] or candidates
            spot = best_spot(
                candidates,
                width,
                height,
                outline=(),
                edges=edges,
                avoid=avoid,
                avoid_rects=rects,
                clearance=GUIDE_CLEARANCE_MM,
                within=within,
                inside=False,
            )
            ax, ay = anchors.get(zone.id, ((min(xs) + max(xs)) / 2, (min(ys) + max(ys)) / 2))
            anchor = scene.to_scene(view_id, ax, ay)
            if spot is None:  # crowded everywhere: on the zone itself, its frame keeps it legible
                spot = (anchor.x() - width / 2, anchor.y() - height / 2)
            frame_rect = QRectF(spot[0], spot[1], width, height)
            rects.append(_box(frame_rect.adjusted(-0.2, -0.2, 0.2, 0.2)))
            made += _draw_label(scene, text, frame_rect, anchor, zone.name)
    return made


def _draw_label(scene: ChartScene, text, rect: QRectF, anchor: QPointF, name: str) -> list[QGraphicsItem]:
    backing = QGraphicsRectItem(rect)
    paper = QColor(palette.PAPER)
    paper.setAlpha(235)
    backing.setBrush(paper)
    backing.setPen(other_chart_pen(0.3))
    backing.setZValue(LABEL_Z)
    text.setPos(rect.left() + 0.8, rect.top() + 0.2)
    text.setZValue(LABEL_Z + 0.1)
    text.setToolTip(escape(name))
    made: list[QGraphicsItem] = [backing, text]
    if not rect.adjusted(-0.5, -0.5, 0.5, 0.5).contains(anchor):
        end = QPointF(
            min(max(anchor.x(), rect.left()), rect.right()), min(max(anchor.y(), rect.top()), rect.bottom())
        )
        path = QPainterPath(end)
        path.lineTo(anchor)
        leader = QGraphicsPathItem(path)
        leader.setPen(other_chart_pen(0.35))
        leader.setZValue(LABEL_Z - 0.1)
        dot = QGraphicsRectItem(anchor.x() - 0.6, anchor.y() - 0.6, 1.2, 1.2)
        dot.setBrush(palette.OUTLINE)
        dot.setPen(QPen(Qt.PenStyle.NoPen))
        dot.setZValue(LABEL_Z - 0.1)
        made += [leader, dot]
    for item in made:
        scene.addItem(item)
    return made
