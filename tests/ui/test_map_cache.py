"""The map keeps its items' drawings as device pixels while the whole chart is in view (issue 19):
what it shows must stay what drawing every item afresh shows, through hover and selection."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QImage, QWheelEvent
from PySide6.QtWidgets import QApplication

from reflexmap.ui.map_view import CACHE_AFTER_MS

from .conftest import inside_point, viewport_pos


def _pixels(image: QImage) -> np.ndarray:
    image = image.convertToFormat(QImage.Format.Format_ARGB32)
    data = np.frombuffer(image.constBits(), dtype=np.uint8, count=image.sizeInBytes())
    return data.reshape(image.height(), image.bytesPerLine())[:, : image.width() * 4].astype(int)


def _largest_difference(a: QImage, b: QImage) -> int:
    assert (a.width(), a.height()) == (b.width(), b.height())
    return int(np.abs(_pixels(a) - _pixels(b)).max())


def _wheel(view, pos: QPoint, notches: int) -> None:
    viewport = view.viewport()
    event = QWheelEvent(
        QPointF(pos),
        QPointF(viewport.mapToGlobal(pos)),
        QPoint(0, 0),
        QPoint(0, 120 * notches),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(viewport, event)


def test_the_cached_map_looks_as_drawn_afresh_after_hover_and_selection(qtbot, window):
    view = window.map
    qtbot.waitUntil(lambda: view.cached, timeout=3000)  # fitted and still: items keep their drawing
    before = view.viewport().grab().toImage()
    pos = viewport_pos(window, "plantar-left", *inside_point(window.state.atlas, "plantar-left", "sacrum"))
    qtbot.mouseMove(view.viewport(), pos)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    assert window.state.zone_id == "sacrum" and view.cached
    qtbot.wait(20)
    cached = view.viewport().grab().toImage()
    assert _largest_difference(before, cached) > 40  # the selection shows (no stale pixmap)
    view.cache_items(False)
    afresh = view.viewport().grab().toImage()
    # the same painter draws either way; only the rounding of blending twice differs
    assert _largest_difference(cached, afresh) <= 3


def test_zooming_draws_afresh_and_the_fitted_chart_is_cached_again(qtbot, window):
    view = window.map
    qtbot.waitUntil(lambda: view.cached, timeout=3000)
    centre = view.viewport().rect().center()
    _wheel(view, centre, 2)
    assert not view.cached  # every item's drawing changes: no pixmaps remade at each notch
    qtbot.wait(CACHE_AFTER_MS + 150)
    assert not view.cached  # zoomed in, part of the chart only: drawn afresh, pans blit strips
    zoomed = view.viewport().grab().toImage()
    view.cache_items(False)
    assert _largest_difference(zoomed, view.viewport().grab().toImage()) == 0
    qtbot.keyClick(view, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)  # fit
    qtbot.waitUntil(lambda: view.cached, timeout=3000)
