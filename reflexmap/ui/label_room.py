"""How wide a label may be while the map is kept in place (an edit redraws the chart but the
feet stay where they are on screen): the room its label column has on screen, so that a
name made longer is shortened with "…" inside the map instead of running past its edge.
Fit to window draws the chart afresh, every name whole again."""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

from PySide6.QtCore import QRect, QRectF

from ..layout.frames import is_wide
from ..render.chart_scene_parts import OUTLINE_ROLE
from ..render.chart_text import text_width
from .map_layers import ZOOM_STEP

if TYPE_CHECKING:
    from .map_view import MapView

FIRST_ROOM_EMS = 6.0  # the first label of a chart drawn without any: about 10 letters wide
EDGE_PX = 2.0  # kept free at the viewport's edge: a label's ink reaches a little past its advance

Column = tuple[str, str]  # (view id, "left" | "right" | "below")


def label_room(view: MapView, kept_view: str) -> dict[Column, float]:
    """The widest a label may be (mm) in each label column of the next drawing of `view`'s
    chart, kept at its scale and place with the frame of `kept_view` fixed on screen: as
    wide as that column's widest label now, in bold as the column is measured (a name cut to
    it is cut in bold, so that selected it fits too), plus a share of the paper shown beside
    the labels on the side the column grows towards (from where the outermost label's ink
    reaches, or would reach in bold, to the view's edge, less EDGE_PX: less than the
    column's width where that is less than nothing; none when zoomed in: the chart already
    fills the view). Columns left of the kept foot grow leftwards; those right of it push
    what is beyond it rightwards. A zone is labelled once per foot, so as many of its
    labels as there are feet with a column on that side may grow in one edit: each takes
    that share. An empty column (a chart's first label), FIRST_ROOM_EMS label heights, or
    its share if more. A name drawn now is not cut to it (`drawn_names`): only those the
    edit changed.
    Every column had the room of the chart's widest label before: renaming a zone labelled
    between the feet widened both inner columns to it, which pushed the right foot's labels
    3 to 8 px past the map's right edge (1440 × 900, Largest text)."""
    chart = view.chart
    size = chart.label_mm
    frames = chart.frames
    wide = bool(frames) and is_wide([f.view for f in frames])  # side views, one above another
    order = {f.view.id: k for k, f in enumerate(frames)}
    kept = order.get(kept_view, 0)

    def grows_left(view_id: str, side: str) -> bool:
        k = order.get(view_id, kept)
        return side == "left" if wide or k == kept else k < kept

    widths: dict[Column, float] = {}
    reach = {True: chart.chart_rect.left(), False: chart.chart_rect.right()}
    seen = False
    for (view_id, _zone), label in chart.labels.items():
        column = (view_id, label.side or "below")
        width = text_width(label.text.text(), size, True)  # in bold, as the column is measured
        widths[column] = max(widths.get(column, 0.0), width)
        if not label.text.isVisible():
            continue
        # how far its ink would reach were it bold (selected): a left column's label ends
        # by its leader, its start moves
        ink = label.text.sceneBoundingRect()
        left = ink.right() - width if label.side == "left" else ink.left()
        right = ink.left() + width if label.side == "right" else ink.right()
        if not seen:
            reach, seen = {True: left, False: right}, True
        reach = {True: min(reach[True], left), False: max(reach[False], right)}
    columns = [(f.view.id, side) for f in frames for side in ("left", "right")]
    feet = {side: {c[0] for c in columns if grows_left(*c) == side} for side in (True, False)}
    shown = view.mapToScene(view.viewport().rect()).boundingRect()
    edge = EDGE_PX / max(view.transform().m11(), 1e-9)
    # a side whose labels reach past the view by more than a label's height (zoomed in, a
    # part of the chart shown) gains no room; one within EDGE_PX of its edge, or that much
    # past it, loses what it lacks (a selected label, bold, stood 0.4 px past a 1024 px
    # window's left edge: the name renamed reached as far, 1 px past)
    free = {True: reach[True] - shown.left() - edge, False: shown.right() - reach[False] - edge}
    free = {side: 0.0 if room < -size else room for side, room in free.items()}
    rooms: dict[Column, float] = {}
    for column in columns:
        side = grows_left(*column)
        share = free[side] / max(1, len(feet[side]))
        width = widths.get(column, 0.0)
        rooms[column] = width + share if width > 0 else max(share, FIRST_ROOM_EMS * size)
    for column, width in widths.items():
        if column[1] == "below":  # a row under a side view's sole: spread along it, kept as wide
            rooms[column] = width
    return rooms


def legible_scale(view: MapView, normal_px: float) -> float:
    """The least pixels per millimetre at which `view`'s chart shows its labels no smaller
    than the text-size setting allows when larger than Normal: `normal_px` × it (map_view:
    MIN_TEXT_PX less the MAX_TEXT_GROWTH a small window's chart may fall short by; at Large
    9 px, Normal's minimum, at Largest 10.8 px); 0 at Normal and smaller. Fitted whole to a small window,
    the chart's text stops growing: at Largest on a 1024×768 screen (German) its labels came
    out 6.5 px, under Normal's. The map then shows less of the chart at that size, and pans
    (the whole of it fitted at 1440×900: 12.2 px)."""
    chart = view.chart
    if view.text_scale <= 1.0 or not chart.labels or not view.state.labels_visible or chart.label_mm <= 0:
        return 0.0
    return normal_px * view.text_scale / chart.label_mm


def drawn_names(view: MapView) -> frozenset[str]:
    """The labels' texts in `view`'s drawing now: kept as they are in the next drawing kept
    in place (an edit changes one zone's name; a room a little short of a column's widest
    label, at the view's edge, must not cut that label)."""
    return frozenset(label.text.text() for label in view.chart.labels.values())


def show_edited_labels(view: MapView, labelled: frozenset = frozenset()) -> tuple[int, int]:
    """After a drawing kept in place: the labels of zones the edit drew (not among `labelled`,
    the (view, zone) keys labelled before) brought inside the viewport, the map panned by the
    least that does it (tryout S22-18: a new chart's first zone, drawn by the left foot of a
    960 px wide window, had its label's column off the map's left edge, "e 1" of "Neue Zone 1"
    showing). A zone renamed or undone keeps the map where it is (tryout S9-10: the feet stay
    put while a name is typed, its label's column may lie beyond a zoomed-in view by the
    person's choice). The feet that were wholly in view stay in view: where the labels and they do not
    fit together the map zooms out by whole wheel steps first (the pan alone pushed the right
    foot's outer edge off the map, 960 × 900 German). Labels wider or taller than the viewport
    together are not chased. Returns the pan in pixels (0, 0 when they were in view)."""
    rects = _edited_label_rects(view, labelled)
    if not rects:
        return 0, 0
    edge = round(EDGE_PX)
    room = view.viewport().rect().adjusted(edge, edge, -edge, -edge)
    ink = _united(rects)
    if room.contains(_on_screen(view, ink)):
        return 0, 0
    feet = [foot for foot in _feet(view) if room.contains(_on_screen(view, foot))]
    need = _united([ink, *feet])
    box = _on_screen(view, need)
    if box.width() > room.width() or box.height() > room.height():
        shrink = min(room.width() / box.width(), room.height() / box.height())
        steps = math.ceil(math.log(1 / shrink, ZOOM_STEP) - 1e-9)
        view.zoom(ZOOM_STEP**-steps, box.center())  # (no smaller than the whole chart)
        box = _on_screen(view, need)
        if box.width() > room.width() or box.height() > room.height():
            box = _on_screen(view, ink)  # (a chart zoomed in at Largest text: the labels first)
    if box.width() > room.width() or box.height() > room.height():
        return 0, 0
    dx = min(box.left() - room.left(), 0) or max(box.right() - room.right(), 0)
    dy = min(box.top() - room.top(), 0) or max(box.bottom() - room.bottom(), 0)
    if dx or dy:
        view.horizontalScrollBar().setValue(view.horizontalScrollBar().value() + dx)
        view.verticalScrollBar().setValue(view.verticalScrollBar().value() + dy)
    return dx, dy


def _edited_label_rects(view: MapView, labelled: frozenset) -> list[QRectF]:
    """The scene rects of the labels of zones not labelled before (`labelled`), and not drawn
    so before (`label_kept_names`), as wide as they
    are in bold (selected, as a zone just drawn is): a left column's label ends by its
    leader, its start moves; a right one's end moves."""
    chart = view.chart
    kept = chart.label_kept_names
    rects = []
    for key, label in chart.labels.items():
        if not label.text.isVisible() or label.text.text() in kept or key in labelled:
            continue
        rect = label.text.sceneBoundingRect()
        bold = max(text_width(line, chart.label_mm, True) for line in label.text.text().split("\n"))
        if bold > rect.width():
            if label.side == "left":
                rect.setLeft(rect.right() - bold)
            elif label.side == "right":
                rect.setRight(rect.left() + bold)
            else:
                rect.adjust(-(bold - rect.width()) / 2, 0, (bold - rect.width()) / 2, 0)
        rects.append(rect)
    return rects


def _feet(view: MapView) -> list[QRectF]:
    """Each foot's outline as drawn (scene rect, with its stroke)."""
    return [
        item.sceneBoundingRect()
        for items in view.chart.frame_items.values()
        for item in items
        if item.data(OUTLINE_ROLE) and item.isVisible()
    ]


def _united(rects: list[QRectF]) -> QRectF:
    whole = QRectF(rects[0])
    for rect in rects[1:]:
        whole = whole.united(rect)
    return whole


def _on_screen(view: MapView, rect: QRectF) -> QRect:
    return view.mapFromScene(rect).boundingRect()
