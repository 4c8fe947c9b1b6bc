"""Presenting on a 1024×768 projector draws the soles as large as the screen allows (issue 16,
S22-1). F5 laid the label columns out for the map's shape beside the window's panels (0.94
wide for 1 high) and going full screen only scaled that drawing: narrow columns of names in
two lines, taller than the feet, the chart 738×702 px in a 1022×706 map (284 px of the width
empty) and the feet 408 px tall. The columns are laid out again for the full screen's shape:
the chart 1017×702 px, the feet 537 px tall, the labels 14.1 px (13.2 before)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt


def presenting(qtbot, window_in, language: str, text_scale: float):
    """F5 on a 1024×768 window, then → (the first zone revealed, its caption under the chart)."""
    window = window_in(language, size=(1024, 768), text_scale=text_scale)
    qtbot.keyClick(window.map, Qt.Key.Key_F5)
    qtbot.waitUntil(lambda: window.isFullScreen())
    window.showNormal()  # (no window manager here: the projector's screen, as the tests size it)
    window.resize(1024, 768)
    qtbot.wait(100)
    qtbot.keyClick(window.map, Qt.Key.Key_Right)
    qtbot.wait(200)
    assert window.state.aspect == "plantar"
    return window.map


def drawn(view) -> tuple[float, float, float]:
    """(the chart's width over the map's, its height over the map's, the feet's height over
    the map's) on screen."""
    scale = view.pixels_per_mm()
    rect = view.chart.chart_rect
    area = view.viewport()
    feet = max(frame.bottom - frame.top for frame in view.chart.frames) * scale
    return rect.width() * scale / area.width(), rect.height() * scale / area.height(), feet / area.height()


@pytest.mark.parametrize("language", ["en", "de"])
@pytest.mark.parametrize("text_scale", [1.0])
def test_presenting_the_soles_fills_the_projector(qtbot, window_in, language, text_scale):
    wide, tall, _feet = drawn(presenting(qtbot, window_in, language, text_scale))
    # fitted by one side, the other side used too (before: 0.72 of the width in English)
    assert min(wide, tall) >= 0.85, (wide, tall)


def test_presenting_the_soles_at_normal_text_draws_the_feet_large(qtbot, window_in):
    *_, feet = drawn(presenting(qtbot, window_in, "en", 1.0))
    assert feet >= 0.7, feet  # (before: 408 of 706 px, 0.58; now 537 px)
