"""Chart text stays legible on a small window and a projector: measured on screen, in pixels."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGraphicsSimpleTextItem

MIN_TEXT_PX = 9.0  # the floor a 1024×700 window reaches (map_view.MIN_TEXT_PX is 11: growth is capped)


def on_screen_heights(view) -> dict[str, float]:
    """Each visible chart text's height on screen (device pixels), by its text."""
    heights = {}
    for item in view.chart.items():
        if isinstance(item, QGraphicsSimpleTextItem) and item.isVisible():
            rect = view.mapFromScene(item.sceneBoundingRect()).boundingRect()
            heights[item.text()] = rect.height() * view.devicePixelRatioF()
    return heights


@pytest.mark.parametrize("aspect", ["plantar", "medial"])
def test_key_caveat_guide_names_and_labels_are_legible_at_1024_by_700(qtbot, window, aspect):
    window.showNormal()
    window.resize(1024, 700)
    qtbot.waitUntil(lambda: window.size().width() == 1024)
    window.state.set_aspect(aspect)
    qtbot.wait(20)
    heights = on_screen_heights(window.map)
    chart = window.map.chart
    must = {
        "key": [item.text() for item in chart.key.swatches if isinstance(item, QGraphicsSimpleTextItem)],
        "caveat": [item.text() for item in chart.key.caveat],
        "guide names": [
            item.text() for item in chart.guide_names if isinstance(item, QGraphicsSimpleTextItem)
        ],
        "labels": [label.text.text() for label in chart.labels.values()],
    }
    for kind, texts in must.items():
        assert texts, kind
        smallest = min(heights[t] for t in texts)
        # a text line is about 1.16 × the font's pixel size; 4 % slack for the fitting rounds
        assert smallest >= MIN_TEXT_PX * 1.1, f"{kind}: {smallest:.1f} px"
    # a larger key wraps into rows: nothing sticks out of the drawing
    drawing = chart.chart_rect
    assert all(drawing.contains(item.sceneBoundingRect()) for item in chart.key.swatches + chart.key.caveat)


def test_text_stays_legible_after_zooming_out(qtbot, window):
    window.showNormal()
    window.resize(1024, 700)
    qtbot.waitUntil(lambda: window.size().width() == 1024)
    qtbot.wait(20)
    before = min(on_screen_heights(window.map).values())
    for _ in range(4):
        qtbot.keyClick(window.map, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    assert min(on_screen_heights(window.map).values()) >= before - 0.5


def test_projector_presenter_text_is_legible(qtbot, window):
    """A 1024×768 projector: the presenter's chart text, the key included, is readable."""
    window.showNormal()
    window.resize(1024, 768)
    qtbot.keyClick(window, Qt.Key.Key_F5)
    qtbot.keyClick(window.map, Qt.Key.Key_A)  # every name revealed
    qtbot.wait(20)
    heights = on_screen_heights(window.map)
    assert min(heights.values()) >= MIN_TEXT_PX * 1.1
