"""Text in chart scenes: sized in millimetres, so labels scale with the drawing."""

from __future__ import annotations

from functools import lru_cache

from PySide6.QtGui import QBrush, QFont, QFontMetricsF
from PySide6.QtWidgets import QGraphicsSimpleTextItem

from . import palette

FONT_PX = 40  # labels are drawn with a 40 px font and scaled to millimetres


def label_font(bold: bool = False) -> QFont:
    font = QFont()
    font.setPixelSize(FONT_PX)
    font.setBold(bold)
    return font


def text_item(
    text: str, size_mm: float, *, bold: bool = False, italic: bool = False
) -> QGraphicsSimpleTextItem:
    item = QGraphicsSimpleTextItem(text)
    font = label_font(bold)
    font.setItalic(italic)
    item.setFont(font)
    item.setBrush(QBrush(palette.INK))
    item.setScale(size_mm / FONT_PX)
    return item


def text_width(text: str, size_mm: float, bold: bool = False) -> float:
    return _advance(text, bold) * size_mm / FONT_PX


@lru_cache(maxsize=8192)
def _advance(text: str, bold: bool) -> float:
    """Width in px at FONT_PX; layout asks for the same labels many times while placing columns."""
    return QFontMetricsF(label_font(bold)).horizontalAdvance(text)
