"""Guard against the PySide6 6.12.0 refcount bug (Fatal Python error: none_dealloc).

6.12.0 on CPython 3.11 drops a reference to None on every setPen/setBrush/setData/addPolygon
call and aborts the interpreter after a few thousand calls. A scene of 20,000 items makes
tens of thousands of such calls: with a bad PySide6 this test run dies instead of passing.
"""

from __future__ import annotations

import sys

import PySide6
from PySide6.QtCore import QPointF
from PySide6.QtGui import QBrush, QColor, QPainterPath, QPen, QPolygonF
from PySide6.QtWidgets import QGraphicsPathItem, QGraphicsScene


def test_pyside6_version_is_pinned_below_6_12():
    major, minor = (int(p) for p in PySide6.__version__.split(".")[:2])
    assert (major, minor) < (6, 12), "PySide6 6.12 aborts CPython 3.11 (none_dealloc); see pyproject.toml"


def test_scene_of_20000_items_survives(qapp):
    refs_before = sys.getrefcount(None)
    scene = QGraphicsScene()
    pen, brush = QPen(QColor("#333333"), 0.3), QBrush(QColor(0, 114, 178, 100))
    for i in range(20_000):
        x, y = (i % 200) * 3.0, (i // 200) * 3.0
        path = QPainterPath()
        path.addPolygon(
            QPolygonF([QPointF(x, y), QPointF(x + 2, y), QPointF(x + 2, y + 2), QPointF(x, y + 2)])
        )
        item = QGraphicsPathItem(path)
        item.setPen(pen)
        item.setBrush(brush)
        item.setData(0, f"z{i}")
        scene.addItem(item)
    assert len(scene.items()) == 20_000
    assert scene.items(QPointF(1, 1))[0].data(0) == "z0"
    # None's refcount must not have fallen by one per call (it would be far lower by now)
    assert sys.getrefcount(None) >= refs_before - 1000
    scene.clear()
