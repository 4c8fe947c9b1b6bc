"""The feet keep a fair share of the map beside their labels, at every window and text size.

At Largest text in German the label columns took the map's width (the feet were about 90
pixels wide on a 1440×900 window, about 40 on 1024×700): long names are shortened in their
column instead (the zone card, list and hover show them whole)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from .conftest import ASPECT_KEYS

# the feet take at least this share of the map's width or height (on the small window at the
# largest text less: the columns are bounded so that names stay whole at Normal text, below)
SHARE = {(1440, 900): 0.4, (1024, 700): 0.3}


def feet_share(window) -> tuple[float, float]:
    """(the feet's outlines' widths together, in pixels; their share of the map's width or
    height, the larger): side views stand one above the other, soles and tops side by side."""
    scale = window.map.pixels_per_mm()
    frames = window.map.chart.frames
    port = window.map.viewport().rect()
    widths = [(f.right - f.left) * scale for f in frames]
    heights = [(f.bottom - f.top) * scale for f in frames]
    wide = frames[0].view.id.startswith(("medial", "lateral"))
    width = max(widths) if wide else sum(widths)
    height = sum(heights) if wide else max(heights)
    return width, max(width / port.width(), height / port.height())


@pytest.mark.parametrize("language", ["en", "de"])
@pytest.mark.parametrize("size", [(1440, 900), (1024, 700)])
def test_labelled_feet_keep_a_fair_share_of_the_map(qtbot, window_in, language, size):
    window = window_in(language, size=size, text_scale=1.5)  # Largest text
    assert window.state.labels_visible
    for key in ASPECT_KEYS:
        qtbot.keyClick(window.map, key, Qt.KeyboardModifier.ControlModifier)
        qtbot.wait(20)
        width, share = feet_share(window)
        print(window.state.aspect, size, language, round(width), round(share, 2))
        assert share >= SHARE[size], (window.state.aspect, window.map.viewport().width(), width, share)
        labels = window.map.chart.labels.values()
        assert labels and all(label.text.isVisible() for label in labels)


@pytest.mark.parametrize("language", ["en", "de"])
def test_at_normal_text_on_a_laptop_window_every_label_is_whole(qtbot, window_in, language):
    """The bound on label columns is for large text and small windows: at Normal text on a
    1440×900 window every name of the built-in chart is written whole, in every view."""
    window = window_in(language, size=(1440, 900))
    for key in ASPECT_KEYS:
        qtbot.keyClick(window.map, key, Qt.KeyboardModifier.ControlModifier)
        qtbot.wait(20)
        cut = [label.text.text() for label in window.map.chart.labels.values() if "…" in label.text.text()]
        assert not cut, (window.state.aspect, cut)
