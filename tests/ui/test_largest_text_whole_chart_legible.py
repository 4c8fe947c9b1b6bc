"""Largest text on a small window (issue 16, tryout S22-3): View → Fit to window (Ctrl+0)
shows the whole chart, and its labels are to stay at least as large on screen as at Normal
text in the same window; Largest is the setting for poor eyes. Measured in s23 (1024×768,
high contrast): German 7.84 px at Largest against 9.21 px at Normal (the map 631 px wide
beside panels of 381 px, at Normal 693 beside 319); English 9.37 against 9.07. Strict xfail
until the panels give way at Largest (a narrower card, docks tabbed) or the soles' names
leave the feet for the list: not done in s23."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QAction


def whole_chart_labels_px(qtbot, window_in, language: str, text_scale: float) -> float:
    window = window_in(language, size=(1024, 768), text_scale=text_scale)
    window.settings_menu.theme_actions["high-contrast"].trigger()  # Settings → Theme
    qtbot.wait(600)
    window.findChild(QAction, "action-fit").trigger()  # View → Fit to window
    qtbot.wait(600)
    view = window.map
    assert view._whole_chart_shown()
    scale = view.pixels_per_mm()
    texts = [label.text for label in view.chart.labels.values() if label.text.isVisible()]
    assert texts
    return min(t.font().pixelSize() * t.scale() * scale for t in texts)


@pytest.mark.xfail(strict=True, reason="S22-3: German, Largest, whole chart: 7.84 px, 9.21 at Normal")
def test_the_whole_chart_at_largest_text_is_no_smaller_than_at_normal_german(qtbot, window_in):
    normal = whole_chart_labels_px(qtbot, window_in, "de", 1.0)
    largest = whole_chart_labels_px(qtbot, window_in, "de", 1.5)
    assert largest >= 0.99 * normal, (round(normal, 2), round(largest, 2))


def test_the_whole_chart_at_largest_text_is_no_smaller_than_at_normal_english(qtbot, window_in):
    normal = whole_chart_labels_px(qtbot, window_in, "en", 1.0)
    largest = whole_chart_labels_px(qtbot, window_in, "en", 1.5)
    assert largest >= 0.99 * normal, (round(normal, 2), round(largest, 2))
