"""Compare, side by side: both charts drawn at one scale, so that the same foot is the same size
on both sides and so are the zone names (tryout S23-4: each chart was fitted to its own pane,
and the chart with fewer labels drew its feet and names larger: 16.5 against 14.2 px on the
medial view at 1920×1080, 12.9 against 11.6 at 1440×900)."""

from __future__ import annotations

import pytest

from .test_compare_choices import opened


def _name_px(view) -> float:
    label = next(iter(view.chart.labels.values()))
    return label.text.sceneBoundingRect().height() * view.transform().m11()


def _one_scale(dialog) -> bool:
    return abs(dialog.left.transform().m11() - dialog.right.transform().m11()) < 1e-6


@pytest.mark.parametrize("size", [(1440, 900), (1920, 1080)])
def test_both_charts_side_by_side_are_drawn_at_one_scale(qtbot, window, size):
    window.resize(*size)
    qtbot.wait(50)
    dialog = opened(qtbot, window)
    dialog.resize(*size)
    assert dialog.mode.currentData() == "side"
    compared = 0
    for index in range(dialog.aspect.count()):
        dialog.aspect.setCurrentIndex(index)
        qtbot.wait(30)
        left, right = dialog.left, dialog.right
        if left.partial_hint.isVisible() or right.partial_hint.isVisible():
            continue
        aspect = dialog.aspect.currentText()
        # (a pane resized is fitted at once, and both drawn again once the resizing rests)
        qtbot.waitUntil(lambda: _one_scale(dialog), timeout=3000)
        assert _name_px(left) == pytest.approx(_name_px(right), abs=0.3), aspect
        for view in (left, right):  # each chart whole in its pane
            shown = view.mapToScene(view.viewport().rect()).boundingRect()
            assert shown.adjusted(-0.5, -0.5, 0.5, 0.5).contains(view.chart.chart_rect), aspect
        compared += 1
    assert compared > 0
    dialog.close()
