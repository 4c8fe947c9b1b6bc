"""Presenter mode's caption keeps to the theme (finding S19-13): in high contrast it was a
light-grey box, the one thing on screen outside black, white and yellow. Looked at as drawn:
the caption's own pixels."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QLabel

HIGH_CONTRAST_COLOURS = (QColor("#000000"), QColor("#ffffff"), QColor("#ffff00"))


def off_palette_share(image, colours) -> float:
    """The share of `image`'s pixels far from every colour of `colours` (text edges are blends
    of ink and paper: they lie on the line between two of them, grey in high contrast only
    within the text's anti-aliasing)."""
    off = total = 0
    for y in range(0, image.height(), 2):
        for x in range(0, image.width(), 2):
            c = image.pixelColor(x, y)
            total += 1
            nearest = min(
                abs(c.red() - k.red()) + abs(c.green() - k.green()) + abs(c.blue() - k.blue())
                for k in colours
            )
            off += nearest > 60
    return off / max(total, 1)


@pytest.mark.parametrize("theme", ["high-contrast", "dark"])
def test_the_presenters_caption_is_drawn_in_the_themes_colours(qtbot, window, theme):
    window.set_theme(theme)
    window.present_action.trigger()  # View → Presenter mode
    qtbot.waitUntil(lambda: window.isFullScreen())
    for _ in range(3):
        qtbot.keyClick(window.map, Qt.Key.Key_Right)  # a zone revealed, its caption shown
    (caption,) = [w for w in window.map.findChildren(QLabel) if w.objectName() == "presenter-caption"]
    qtbot.waitUntil(caption.isVisible)
    qtbot.wait(20)
    image = caption.grab().toImage()
    if theme == "high-contrast":
        # before: a light-grey box (#f0f0f0-ish): every pixel of its background was off
        assert off_palette_share(image, HIGH_CONTRAST_COLOURS) < 0.05
    else:
        paper = QColor("#1b1d21")
        centre = image.pixelColor(3, image.height() // 2)  # the box's background, left of the text
        assert abs(centre.lightness() - paper.lightness()) < 30, centre.name()
