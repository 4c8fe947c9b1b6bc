"""The key under a chart: colour swatches with names, the guide-line sample, the caveat."""

from __future__ import annotations

from PySide6.QtCore import QPointF
from PySide6.QtGui import QBrush, QColor, QPainterPath, QPen
from PySide6.QtWidgets import QGraphicsPathItem, QGraphicsRectItem, QGraphicsScene

from ..i18n import _
from . import palette
from .chart_text import text_item, text_width
from .zone_item import guide_pen

KEY_MM = 3.6
CAVEAT_MM = 3.0

Swatch = tuple[QBrush, QPen, str]


def region_swatches(regions: list[str]) -> list[Swatch]:
    swatches = []
    for region in regions:
        pen = QPen(palette.edge_colour(region), 0.3 * palette.current.line_scale)
        swatches.append((QBrush(palette.fill(region, 160)), pen, palette.region_name(region)))
    return swatches


def mastery_swatches() -> list[Swatch]:
    pen = QPen(palette.OUTLINE, 0.3)
    steps = [
        (QBrush(QColor(colour)), pen, name)
        for colour, name in zip(palette.MASTERY, palette.MASTERY_NAMES, strict=True)
    ]
    return [(palette.unpractised_brush(), pen, _("not practised yet")), *steps]


def draw_key(
    scene: QGraphicsScene,
    swatches: list[Swatch],
    left: float,
    right: float,
    y: float,
    tradition: str,
    scale: float = 1.0,
) -> float:
    """Draws the key centred between `left` and `right` from `y` down; returns the y below it."""
    size = KEY_MM * scale
    caveat_mm = CAVEAT_MM * scale
    widths = [size * 1.6 + text_width(name, size) + 7 for *_, name in swatches]
    guide_text = _("guide lines (approximate)")
    total = sum(widths) + 12 + text_width(guide_text, size)
    x = (left + right) / 2 - total / 2
    for (brush, pen, name), width in zip(swatches, widths, strict=True):
        swatch = QGraphicsRectItem(x, y, size * 1.3, size)
        swatch.setBrush(brush)
        swatch.setPen(pen)
        scene.addItem(swatch)
        label = text_item(name, size)
        label.setPos(x + size * 1.6, y - size * 0.12)
        scene.addItem(label)
        x += width
    path = QPainterPath(QPointF(x, y + size / 2))
    path.lineTo(QPointF(x + 9, y + size / 2))
    dash = QGraphicsPathItem(path)
    dash.setPen(guide_pen())
    scene.addItem(dash)
    label = text_item(guide_text, size, italic=True)
    label.setPos(x + 12, y - size * 0.12)
    scene.addItem(label)
    sentences = [
        _("Zones show where charts of the {tradition} tradition place their claimed correspondences.").format(
            tradition=tradition
        ),
        _("The evidence that working them helps any condition is weak."),
    ]
    joined = " ".join(sentences)
    lines = [joined] if text_width(joined, caveat_mm) <= right - left else sentences
    y += size + 4
    for line in lines:
        caveat = text_item(line, caveat_mm, italic=True)
        caveat.setBrush(QBrush(palette.GUIDE))
        caveat.setPos((left + right) / 2 - text_width(line, caveat_mm) / 2, y)
        scene.addItem(caveat)
        y += caveat_mm * 1.4
    return y
