"""The comparison's charts hold the map's floor (finding S19-7): at 1,024 × 768 the medial view
drew its zone labels about 6–7 px tall ("Coccyx", "Sciatic nerve (62-A/B)") where the map
draws none under 9 px. Measured as a person sees them: each text item's height on screen."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QGraphicsSimpleTextItem

from reflexmap.ui.map_view import MIN_TEXT_PX

from .test_compare_choices import opened


def smallest_label_px(pane) -> tuple[float, str]:
    """The smallest font height (device px) on screen of the zone labels drawn in `pane`."""
    scale = pane.transform().m11() * pane.devicePixelRatioF()
    sizes = []
    for label in pane.chart.labels.values():
        item = label.text
        if isinstance(item, QGraphicsSimpleTextItem) and item.isVisible():
            font = item.font()
            size = font.pixelSize() if font.pixelSize() > 0 else font.pointSizeF()
            sizes.append((size * item.sceneTransform().m22() * scale, item.text()))
    assert sizes
    return min(sizes)


@pytest.mark.parametrize("aspect", ["medial", "plantar", "lateral"])
@pytest.mark.parametrize("language", ["en", "de"])
def test_compare_labels_hold_the_maps_floor_at_1024_by_768(qtbot, window, aspect, language):
    if language != "en":
        window = window.set_language(language)
        qtbot.addWidget(window)
    window.state.set_aspect(aspect)
    shown = opened(qtbot, window)
    shown.resize(1024, 768)
    qtbot.waitUntil(lambda: shown.width() == 1024)
    qtbot.wait(400)
    for pane in (shown.left, shown.right):
        px, text = smallest_label_px(pane)
        assert px >= MIN_TEXT_PX * 0.98, (text, px)
    shown.close()
