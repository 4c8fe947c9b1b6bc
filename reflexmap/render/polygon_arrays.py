"""Qt polygons to and from numpy arrays in one copy, not point by point.

PySide6 gives no buffer of a QPolygonF: reading a zone of 100,000 points as QPointF objects
took ~100 ms each way. Qt's own QDataStream form of a polygon is a little header and the
points' doubles, so numpy reads and writes it in bulk (~10 ms)."""

from __future__ import annotations

import numpy
from PySide6.QtCore import QByteArray, QDataStream, QIODevice
from PySide6.QtGui import QPolygonF

_COUNT = 4  # bytes: the quint32 count of points ahead of them


def _stream(data: QByteArray, mode: QIODevice.OpenModeFlag) -> QDataStream:
    stream = QDataStream(data, mode)
    stream.setByteOrder(QDataStream.ByteOrder.LittleEndian)
    stream.setFloatingPointPrecision(QDataStream.FloatingPointPrecision.DoublePrecision)
    return stream


def polygon_points(polygon: QPolygonF) -> numpy.ndarray:
    """The points of `polygon` as an (n, 2) array of float64 (x, y)."""
    data = QByteArray()
    stream = _stream(data, QIODevice.OpenModeFlag.WriteOnly)
    stream << polygon
    raw = data.data()
    count = int.from_bytes(raw[:_COUNT], "little")
    return numpy.frombuffer(raw, dtype="<f8", offset=_COUNT, count=2 * count).reshape(count, 2)


def points_polygon(points: numpy.ndarray) -> QPolygonF:
    """A QPolygonF of the (n, 2) `points` (x, y)."""
    values = numpy.ascontiguousarray(points, dtype="<f8").reshape(-1, 2)
    data = QByteArray(len(values).to_bytes(_COUNT, "little") + values.tobytes())
    polygon = QPolygonF()
    stream = _stream(data, QIODevice.OpenModeFlag.ReadOnly)
    stream >> polygon
    return polygon
