"""Zone edges and foot outlines are drawn from a stroke shape made once per pen and path
(render/zone_item.py StrokedPathItem): the map's tiles draw a zone once per band it crosses,
and Qt made the pen's whole shape along the path again each time. The picture must be the
one Qt's own stroke draws, whatever the width on screen, dashes included."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QImage, QPainter, QPainterPath, QPen, QPolygonF
from PySide6.QtWidgets import QGraphicsPathItem, QGraphicsScene

from reflexmap.render.zone_item import StrokedPathItem


def _path() -> QPainterPath:
    path = QPainterPath()
    points = [
        QPointF(2, 3),
        QPointF(30, 5),
        QPointF(36, 22),
        QPointF(20, 34),
        QPointF(9, 26),
        QPointF(12, 14),
    ]
    path.addPolygon(QPolygonF(points))
    path.closeSubpath()
    return path


def _drawn(item, scale: float, bands: int) -> np.ndarray:
    """The item drawn at `scale` into a 40 mm square, `bands` horizontal bands each on its own
    (as the map's tiles draw it), as RGBA values."""
    scene = QGraphicsScene()
    scene.addItem(item)
    size = round(40 * scale)
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(QColor("white"))
    height = size / bands
    for k in range(bands):
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        target = QRectF(0, k * height, size, height)
        painter.setClipRect(target)
        scene.render(painter, target, QRectF(0, k * height / scale, 40, height / scale))
        painter.end()
    scene.removeItem(item)
    data = np.frombuffer(image.constBits(), dtype=np.uint8, count=image.sizeInBytes())
    return data.reshape(size, image.bytesPerLine())[:, : size * 4].reshape(size, size, 4).astype(int)


def _items(pen: QPen) -> tuple[StrokedPathItem, QGraphicsPathItem]:
    ours, qts = StrokedPathItem(_path()), QGraphicsPathItem(_path())
    for item in (ours, qts):
        item.setPen(pen)
        item.setBrush(QBrush(QColor(200, 80, 40, 105)))
    return ours, qts


@pytest.mark.parametrize("scale", [2.0, 6.0, 23.4])  # a pen from a hairline to 8 px wide
@pytest.mark.parametrize("dashed", [False, True], ids=["solid", "dashed"])
def test_a_stroked_item_draws_what_qt_strokes(qapp, scale, dashed):
    pen = QPen(QColor("#3b3f45"), 0.35)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    if dashed:  # a quiz mark: continuous across the bands, as Qt lays dashes along the path
        pen.setDashPattern([2.5, 1.5])
    ours, qts = _items(pen)
    expected = _drawn(qts, scale, 1)
    for bands in (1, 7):
        shown = _drawn(ours, scale, bands)
        # the same shape filled: at most a level's rounding, on a few pixels along the edges
        assert int((np.abs(shown - expected).max(axis=2) > 6).sum()) <= 2, bands


def test_the_stroke_shape_is_made_once_and_again_after_a_change(qapp):
    pen = QPen(QColor("#3b3f45"), 0.35)
    ours, _qts = _items(pen)
    _drawn(ours, 6.0, 5)
    made = ours._stroke
    assert made is not None
    _drawn(ours, 6.0, 5)
    assert ours._stroke is made  # five bands twice: made once
    before = _drawn(ours, 6.0, 1)
    ours.setPen(QPen(QColor("#111111"), 1.1))  # selected: a heavier edge
    assert _drawn(ours, 6.0, 1).tolist() != before.tolist()
    wider = ours._stroke
    moved = _path()
    moved.translate(3, 0)
    ours.setPath(moved)  # an edit moved the zone
    _drawn(ours, 6.0, 1)
    assert ours._stroke is not wider


def _dense_circle(points: int, jitter: float) -> QPainterPath:
    """A traced outline: `points` on a circle of 15 mm about (20, 20), each off by up to
    `jitter` mm (a hand's tremor, far below a pixel)."""
    rng = np.random.default_rng(7)
    angles = np.linspace(0, 2 * np.pi, points, endpoint=False)
    radii = 15 + rng.uniform(-jitter, jitter, points)
    path = QPainterPath()
    ring = [QPointF(20 + r * np.cos(a), 20 + r * np.sin(a)) for a, r in zip(angles, radii, strict=True)]
    path.addPolygon(QPolygonF(ring))
    path.closeSubpath()
    return path


@pytest.mark.parametrize("scale", [6.0, 23.4])  # an edge 2 px and 8 px wide
@pytest.mark.parametrize("jitter", [0.0, 0.0005], ids=["smooth", "traced"])
def test_a_dense_zone_is_painted_from_a_simpler_path_with_the_same_picture(qapp, scale, jitter):
    """A zone of 99,999 points was filled and stroked point by point at every paint: on
    screen it is drawn from the path without detail finer than a twentieth of a pixel, made
    once per zoom step. The picture is Qt's of the smooth outline. (Qt's stroke of every
    point of a traced one, 0.003 px off the circle, was a ragged edge up to twice as thick:
    its stroker on segments a hundredth of a pixel long.)"""
    pen = QPen(QColor("#3b3f45"), 0.35)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    ours, qts = StrokedPathItem(_dense_circle(99_999, jitter)), QGraphicsPathItem(_dense_circle(99_999, 0.0))
    for item in (ours, qts):
        item.setPen(pen)
        item.setBrush(QBrush(QColor(200, 80, 40, 105)))
    expected = _drawn(qts, scale, 1)
    shown = _drawn(ours, scale, 3)
    # antialiased edge pixels a few levels apart (the outline within 0.05 px), never a line's worth
    assert int((np.abs(shown - expected).max(axis=2) > 24).sum()) <= 2
    (drawn, _stroke), *others = ours._steps.values()
    assert not others  # three bands, one step: made once
    assert drawn.elementCount() < ours.path().elementCount() // 20, drawn.elementCount()
    assert ours.path().elementCount() == 100_000  # the item's own path (its shape, bounds) is whole
    ours.setPath(_path())
    _drawn(ours, scale, 1)
    assert not ours._steps  # an ordinary path is drawn as it is
