"""Where each view sits on the chart, and the mapping between a view's millimetres and the
chart's (scene) millimetres. Pure arithmetic, no Qt.

A view's own coordinates have y growing from the heel towards the toes; on the chart (as on
paper and in Qt's scene) y grows downwards. So a frame maps (x, y) to (dx + x, dy - y).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import NamedTuple

from ..atlas import View

LOCATE_SLACK_MM = 2.0  # a point this close outside a view's outline still belongs to it


class Frame(NamedTuple):
    """One view on the chart: its offset (`dx`, `dy`) and the outline's edges in chart mm
    (a NamedTuple: a dataclass was 5 M instructions of every start to make)."""

    view: View
    dx: float
    dy: float
    left: float
    right: float
    top: float
    bottom: float
    lead_left: float  # gap to the label column on each side
    lead_right: float
    below: float = 0.0  # height of the label rows under the outline (side views)

    def to_chart(self, x: float, y: float) -> tuple[float, float]:
        """Chart point of (x, y) mm in the view's own coordinates."""
        return self.dx + x, self.dy - y

    def to_view(self, cx: float, cy: float) -> tuple[float, float]:
        """The view's (x, y) mm of a chart point."""
        return cx - self.dx, self.dy - cy

    def holds(self, cx: float, cy: float, slack: float = LOCATE_SLACK_MM) -> bool:
        return self.left - slack <= cx <= self.right + slack and self.top - slack <= cy <= self.bottom + slack


def locate(frames: Iterable[Frame], cx: float, cy: float) -> tuple[str, float, float] | None:
    """(view id, x mm, y mm) of the first view whose frame holds the chart point, if any."""
    for frame in frames:
        if frame.holds(cx, cy):
            return (frame.view.id, *frame.to_view(cx, cy))
    return None


def bounds(ring: Sequence[tuple[float, float]]) -> tuple[float, float, float, float]:
    """(min x, min y, max x, max y) of a ring."""
    xs, ys = [x for x, _ in ring], [y for _, y in ring]
    return min(xs), min(ys), max(xs), max(ys)


def is_wide(views: Sequence[View]) -> bool:
    """Side views are much longer than tall: they stack, and label the sole from below."""
    boxes = [bounds(v.outline) for v in views]
    return bool(views) and sum(b[2] - b[0] for b in boxes) > 1.3 * sum(b[3] - b[1] for b in boxes)
