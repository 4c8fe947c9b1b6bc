"""How wide a label may be while the map is kept in place (an edit redraws the chart but the
feet stay where they are on screen): the room its label column has on screen, so that a
name made longer is shortened with "…" inside the map instead of running past its edge.
Fit to window draws the chart afresh, every name whole again."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..render.chart_text import text_width

if TYPE_CHECKING:
    from .map_view import MapView

FIRST_ROOM_EMS = 6.0  # the first label of a chart drawn without any: about 10 letters wide


def label_room(view: MapView) -> float:
    """The widest a label may be (mm) in the next drawing of `view`'s chart, kept at its scale
    and place: as wide as the widest label drawn now (none drawn whole is shortened), plus
    half the paper shown beside the chart on its narrower side (none when zoomed in: the
    chart already fills the view); the first label of a chart that had none, FIRST_ROOM_EMS
    label heights."""
    chart = view.chart
    widest = max(
        (text_width(label.text.text(), chart.label_mm) for label in chart.labels.values()), default=0.0
    )
    rect = chart.chart_rect
    shown = view.mapToScene(view.viewport().rect()).boundingRect()
    # a zone is labelled once per foot, and both its labels may widen the chart on one side
    slack = max(0.0, min(rect.left() - shown.left(), shown.right() - rect.right())) / 2
    if widest <= 0:
        return max(slack, FIRST_ROOM_EMS * chart.label_mm)
    return widest + slack


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
