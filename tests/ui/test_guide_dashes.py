"""Guide lines are dashed, and the map paints its chart in tiles, a band of pixels at a time
(ui/map_layers.py): a dash must be where it is in the whole picture, whichever band paints
it. A guide pen under a device pixel wide (0.4 mm on a large fitted map, 2.27 px/mm) is
stroked by Qt's cosmetic stroker, which started the dash pattern afresh at every band's edge
(render/guide_item.py)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QImage, QPainter, QPixmap, QTransform
from PySide6.QtWidgets import QStyleOptionGraphicsItem

from reflexmap.render.guide_item import GuideItem, dashed

from .test_map_cache import STRAY_PIXELS, _differing


def guides_drawn(chart, scale: float, band: int) -> QImage:
    """The chart's guide lines (and the key's sample) at `scale` pixels per mm, painted in
    horizontal bands `band` pixels high, each on its own pixmap as the map's tiles are, put
    together."""
    rect = chart.chart_rect
    width, height = round(rect.width() * scale), round(rect.height() * scale)
    whole = QImage(width, height, QImage.Format.Format_ARGB32)
    whole.fill(Qt.GlobalColor.white)
    items = [item for item in chart.items() if isinstance(item, GuideItem)]
    assert len(items) > 5
    out = QPainter(whole)
    for top in range(0, height, band):
        pixmap = QPixmap(width, min(band, height - top))
        pixmap.fill(Qt.GlobalColor.white)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setTransform(QTransform(scale, 0, 0, scale, -rect.left() * scale, -rect.top() * scale - top))
        for item in items:
            painter.save()
            painter.setTransform(item.sceneTransform(), True)
            item.paint(painter, QStyleOptionGraphicsItem())
            painter.restore()
        painter.end()
        out.drawPixmap(QRect(0, top, width, pixmap.height()), pixmap)
    out.end()
    return whole


@pytest.mark.parametrize("scale", [2.0, 2.27, 4.0])  # the pen 0.8, 0.91 px (own dashes), 1.6 px (Qt's)
def test_guide_dashes_painted_in_bands_are_where_the_whole_picture_has_them(window, scale):
    """Fails on the old code at 2.0 and 2.27 px/mm: over a thousand pixels of the guides
    differ between bands 37 pixels high and the whole picture."""
    chart = window.map.chart
    whole = guides_drawn(chart, scale, 100_000)
    paper = QImage(whole.size(), whole.format())
    paper.fill(Qt.GlobalColor.white)
    assert _differing(whole, paper) > STRAY_PIXELS * 10  # the guides are drawn
    for band in (37, 64):
        assert _differing(guides_drawn(chart, scale, band), whole) <= STRAY_PIXELS // 4, band


def test_dashes_run_on_from_one_segment_to_the_next_and_start_at_the_offset():
    from PySide6.QtCore import QPointF
    from PySide6.QtGui import QPainterPath

    path = QPainterPath(QPointF(0, 0))
    path.lineTo(QPointF(7, 0))
    path.lineTo(QPointF(7, 13))
    pieces = [
        [(round(p.x(), 6), round(p.y(), 6)) for p in poly]
        for poly in dashed(path, [6, 4]).toSubpathPolygons()
    ]
    # 0-6 on, 6-10 off (round the bend at 7), 10-16 on, 16-20 off: the pattern runs on at a bend
    assert pieces == [[(0, 0), (6, 0)], [(7, 3), (7, 9)]]
    assert dashed(path, [6, 4], offset=8).toSubpathPolygons()[0][0] == QPointF(2, 0)
