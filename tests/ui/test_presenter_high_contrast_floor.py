"""Presenter mode in high contrast on a 1024×768 projector (issue 16): the floor presenting
means to hold is the window's own minimum (MIN_TEXT_PX, 9 px) grown as presenting grows the
labels (PRESENTER_LABEL_MM over LABEL_MM, × the text size): 13.3 px at Normal text, 16.6 at
Large, 20 at Largest (ui/map_view.py min_text_mm_needed). The ~13 px labels a tryout saw on
a 1024×768 projector in high contrast are that floor, held on every view and in both
languages, as in the light theme (measured 13.32-14.4 px). The high-contrast frame (4 px
less of the map each way) must not take the labels under it.

The soles are the exception at larger text sizes: their columns of 24 labels stand within the
feet's height (layout/columns.py label_within_feet, so that the feet keep half the height),
and their labels stay at 14.8 px at Large and Largest (14.2 before the columns were laid out
for the full screen's shape, S22-1): strict xfail below, with the figures. Letting the columns
stand 1.4 or 2 × their feet's height, their width chosen with names in two lines counted, did
not reach the floor (S22, tried, not kept: 15.1 px at Large either way, the chart filling
1014×735 px, the feet shrinking from 460 to 448 px in English, to 336 px in German): at these
sizes the soles' 77 names in two lines beside the feet take more of a 1024×768 screen than it
has, and holding the floor needs another layout of them (fewer to a column, or not all shown)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from reflexmap.render.chart_scene import LABEL_MM
from reflexmap.ui.map_view import MIN_TEXT_PX
from reflexmap.ui.modes.presenter import PRESENTER_LABEL_MM


def presenting_labels_px(qtbot, window_in, language: str, text_scale: float) -> dict[str, float]:
    """F5 in high contrast, the window at 1024×768 (as test_presenter_projector sizes it), A:
    every name revealed; the smallest font size of a zone label on screen (px), by view."""
    window = window_in(language, size=(1024, 768), text_scale=text_scale)
    window.settings_menu.theme_actions["high-contrast"].trigger()  # Settings → Theme
    qtbot.wait(50)
    qtbot.keyClick(window.map, Qt.Key.Key_F5)
    qtbot.waitUntil(lambda: window.isFullScreen())
    window.showNormal()
    window.resize(1024, 768)
    qtbot.wait(100)
    qtbot.keyClick(window.map, Qt.Key.Key_A)
    view = window.map
    found = {}
    for aspect in window.state.atlas.aspects():
        window.state.set_aspect(aspect)
        qtbot.wait(100)
        scale = view.pixels_per_mm()
        texts = [label.text for label in view.chart.labels.values() if label.text.isVisible()]
        assert texts, aspect
        found[aspect] = min(t.font().pixelSize() * t.scale() * scale for t in texts)
    return found


def floor_px(text_scale: float) -> float:
    return MIN_TEXT_PX * PRESENTER_LABEL_MM / LABEL_MM * text_scale


@pytest.mark.parametrize("language", ["en", "de"])
def test_presenting_in_high_contrast_holds_its_floor_on_a_projector(qtbot, window_in, language):
    sizes = presenting_labels_px(qtbot, window_in, language, 1.0)
    # (1 % for the map's rounds of fitting)
    assert all(px >= 0.99 * floor_px(1.0) for px in sizes.values()), (round(floor_px(1.0), 2), sizes)


@pytest.mark.xfail(
    strict=True,
    reason="the soles' 77 labels beside the feet at 1024x768: 14.8 px at Large and Largest (see above)",
)
@pytest.mark.parametrize("text_scale", [1.25, 1.5])
def test_presenting_the_soles_at_larger_text_holds_its_floor(qtbot, window_in, text_scale):
    sizes = presenting_labels_px(qtbot, window_in, "en", text_scale)
    assert sizes["plantar"] >= 0.99 * floor_px(text_scale), (round(floor_px(text_scale), 2), sizes)
