"""Text in chart scenes: sized in millimetres, so labels scale with the drawing."""

from __future__ import annotations

from functools import lru_cache

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QFont, QFontMetricsF
from PySide6.QtWidgets import QGraphicsSimpleTextItem

from ..i18n import balanced_lines, bidi_isolate
from . import palette

FONT_PX = 40  # labels are drawn with a 40 px font and scaled to millimetres


def label_font(bold: bool = False, italic: bool = False) -> QFont:
    font = QFont()
    font.setPixelSize(FONT_PX)
    font.setBold(bold)
    font.setItalic(italic)
    return font


def text_item(
    text: str, size_mm: float, *, bold: bool = False, italic: bool = False
) -> QGraphicsSimpleTextItem:
    item = QGraphicsSimpleTextItem(text)
    item.setFont(label_font(bold, italic))
    item.setBrush(QBrush(palette.INK))
    item.setScale(size_mm / FONT_PX)
    return item


def text_width(text: str, size_mm: float, bold: bool = False, italic: bool = False) -> float:
    return _advance(text, bold, italic) * size_mm / FONT_PX


def elided(text: str, size_mm: float, max_mm: float, *, bold: bool = False, italic: bool = False) -> str:
    """`text` on one line no wider than `max_mm`, cut with "…" if it is longer: a chart's text,
    however long, never widens the drawing (and with it shrinks the whole chart to fit)."""
    text = " ".join(text[:2000].split())  # one line; nothing longer than a line could show
    if text_width(text, size_mm, bold, italic) <= max_mm:
        return text
    metrics = QFontMetricsF(label_font(bold, italic))
    cut = metrics.elidedText(text, Qt.TextElideMode.ElideRight, max_mm * FONT_PX / size_mm)
    if "…" not in cut:
        return cut
    return bidi_isolate(cut.replace("…", "")) + "…"  # our "…" stays ours, after the chart's text


def wrap_words(text: str, size_mm: float, width_mm: float, *, italic: bool = False) -> list[str]:
    """`text` in lines no wider than `width_mm`; a single word longer than that gets a line of
    its own, cut with "…": a chart's text (a 300-letter word in its tradition) never widens
    the drawing, which would shrink the whole chart to fit."""
    lines: list[str] = []
    for word in text.split():
        if lines and text_width(f"{lines[-1]} {word}", size_mm, italic=italic) <= width_mm:
            lines[-1] = f"{lines[-1]} {word}"
        elif text_width(word, size_mm, italic=italic) > width_mm:
            lines.append(elided(word, size_mm, width_mm, italic=italic))
        else:
            lines.append(word)
    return balanced_lines(lines)


@lru_cache(maxsize=8192)
def _advance(text: str, bold: bool, italic: bool = False) -> float:
    """Width in px at FONT_PX; layout asks for the same labels many times while placing columns."""
    return QFontMetricsF(label_font(bold, italic)).horizontalAdvance(text)
