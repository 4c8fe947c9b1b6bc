"""A fitted chart whose window changes size is drawn for the new size (issue 16, tryout S22-4
and the key after presenting): resized by hand, the window shows the picture a window opened
at that size shows, and Esc out of presenting brings back the key it had before F5. Before,
a resize within `refit`'s tolerance kept the drawing made for the old size (at 1440×900 its
text 3.80 mm where a drawing for it has 4.01), and leaving presenting, which draws the chart
afresh, changed the key under the feet (its swatches 14.8 -> 15.6 px)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

SETTLED_MS = 800  # longer than the map's wait after the last resize (RESIZE_SETTLE_MS)


def drawing(view) -> tuple:
    """What the person sees of the chart: the text size it was drawn with, the scale, and the
    key's swatches and words on screen (viewport px, rounded to a tenth)."""
    chart = view.chart
    key = []
    for item in chart.key.swatches + chart.key.caveat:
        rect = view.mapFromScene(item.sceneBoundingRect()).boundingRect()
        key.append((rect.x(), rect.y(), rect.width(), rect.height()))
    return round(chart.min_text_mm, 3), round(view.pixels_per_mm(), 3), key, view.partial_hint.isVisible()


def fresh(qtbot, view) -> tuple:
    """The drawing a window of this size makes (View → Fit to window draws it afresh too)."""
    view.rebuild()
    qtbot.wait(50)
    return drawing(view)


@pytest.mark.parametrize(("language", "text_scale"), [("en", 1.0), ("de", 1.5)])
def test_a_window_resized_by_hand_shows_the_chart_as_a_window_of_that_size(
    qtbot, window_in, language, text_scale
):
    window = window_in(language, size=(1440, 900), text_scale=text_scale)
    qtbot.wait(SETTLED_MS)
    view = window.map
    for size in [(1024, 768), (1440, 900), (1200, 860)]:
        window.resize(*size)
        qtbot.wait(SETTLED_MS)
        shown = drawing(view)
        assert view.viewport().width() < size[0]
        assert shown == fresh(qtbot, view), size
        if text_scale == 1.0:  # fitted whole (larger text on a small window shows part of it)
            assert view._whole_chart_shown()


@pytest.mark.parametrize(("language", "size"), [("en", (1440, 900)), ("de", (1024, 768))])
def test_escape_from_presenting_brings_the_key_back_as_it_was(qtbot, window_in, language, size):
    window = window_in(language, size=size, text_scale=1.5 if language == "de" else None)
    qtbot.wait(SETTLED_MS)
    before = drawing(window.map)
    qtbot.keyClick(window.map, Qt.Key.Key_F5)
    qtbot.waitUntil(lambda: window.isFullScreen())
    qtbot.wait(100)
    qtbot.keyClick(window.map, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not window.isFullScreen())
    qtbot.wait(SETTLED_MS)
    assert drawing(window.map) == before
