"""Zone names are no smaller than the floor (map_view.MIN_TEXT_PX, 9 px font size) at Normal
text in a 1024×768 window, the chart whole: their growth stopped at 1.25 × the label size
and the rounds crept up on the size that holds, so the labels came out 7.7 px (English)."""

from __future__ import annotations

import pytest

from reflexmap.ui.map_view import MIN_TEXT_PX


def label_px(window) -> list[float]:
    view = window.map
    scale = view.pixels_per_mm()
    labels = view.chart.labels.values()
    return [label.text.font().pixelSize() * label.text.scale() * scale for label in labels]


@pytest.mark.parametrize("language", ["en", "de"])
@pytest.mark.parametrize("size", [(1024, 768), (1024, 700)])
def test_labels_hold_the_floor_with_the_chart_whole_in_a_small_window(qtbot, window_in, language, size):
    window = window_in(language, size=size)
    qtbot.wait(50)
    view = window.map
    assert view.chart.labels
    assert min(label_px(window)) >= MIN_TEXT_PX * 0.999, min(label_px(window))
    # the chart whole, as before: not shown in part
    assert not view.partial_hint.isVisible()
    shown = view.mapToScene(view.viewport().rect()).boundingRect()
    assert shown.contains(view.chart.chart_rect.adjusted(6, 6, -6, -6))
    # the rule's other views too (View → Medial, …)
    for aspect in window.state.atlas.aspects():
        window.aspect_actions[aspect].trigger()
        qtbot.wait(50)
        if view.chart.labels:
            assert min(label_px(window)) >= MIN_TEXT_PX * 0.999, (aspect, min(label_px(window)))
