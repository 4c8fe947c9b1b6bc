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
