"""Every guide line's name stands next to its own line on the window's map, whatever the
window's size and language (German at 1024×768 with the docks open: "Zwerchfelllinie" stood
over the toes, stepped up above "Schulterlinie", 20 mm from its own line)."""

from __future__ import annotations

import math

import pytest
from PySide6.QtWidgets import QGraphicsSimpleTextItem


def _gap(rect, points) -> float:
    """The distance (scene mm) from a name's box to a guide line (its scene points)."""

    def to_segment(a, b) -> float:
        best = math.inf
        for t in (k / 40 for k in range(41)):
            x, y = a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t
            dx = max(rect.left() - x, 0.0, x - rect.right())
            dy = max(rect.top() - y, 0.0, y - rect.bottom())
            best = min(best, math.hypot(dx, dy))
        return best

    return min(to_segment(a, b) for a, b in zip(points, points[1:], strict=False))


def names_away_from_their_lines(window) -> list[tuple]:
    """(view, name, mm from its line, name's height) of each name further from its own line
    than its own height."""
    chart = window.map.chart
    far = []
    for frame in chart.frames:
        names = [
            item
            for item in chart.frame_items[frame.view.id]
            if isinstance(item, QGraphicsSimpleTextItem) and item in chart.guide_names
        ]
        assert len(names) == len(frame.view.guides)
        for item, guide in zip(names, frame.view.guides, strict=True):
            rect = item.sceneBoundingRect()
            gap = _gap(rect, chart._scene_ring(frame, guide.points))
            if gap > rect.height():
                far.append((frame.view.id, item.text(), round(gap, 1), round(rect.height(), 1)))
    return far


@pytest.mark.parametrize("language", ["en", "de"])
def test_guide_names_next_to_their_lines_after_resizing_smaller(qtbot, window_in, language):
    window = window_in(language, size=(1440, 900))
    for size in ((1440, 900), (1024, 768)):
        window.resize(*size)
        qtbot.wait(50)
        for aspect in ("plantar", "medial", "lateral", "dorsal"):
            window.aspect_actions[aspect].trigger()  # View → Sole, Inner side, …
            qtbot.wait(20)
            assert names_away_from_their_lines(window) == [], (size, aspect)
