"""Presenter mode with the trainer's notes (N) on one 1024×768 screen: the projected chart
keeps its size. Before, the notes took 30 % of the width beside the chart, which shrank to
feet about 250 px long with 9 px labels while bands of about 140 px above and below it stayed
empty; now the notes stand where the chart loses least (under it, in the height it does not
use), and never over it."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QWidget

from .test_presenter_projector import presenting_on_a_projector

SMALLER_AT_MOST = 0.9  # of the labels' size without notes
LEGIBLE_PX = 12.0


def _global(widget: QWidget) -> QRect:
    return QRect(widget.mapToGlobal(widget.rect().topLeft()), widget.size())


@pytest.mark.parametrize(("language", "text_scale"), [("de", 1.0), ("en", 1.5)])
def test_notes_on_a_projector_leave_the_chart_legible(qtbot, window_in, language, text_scale):
    window = presenting_on_a_projector(qtbot, window_in, language, text_scale)
    view = window.map
    for _ in range(5):
        qtbot.keyClick(view, Qt.Key.Key_Right)
    for aspect in window.state.atlas.aspects():
        window.state.set_aspect(aspect)
        qtbot.wait(20)
        alone = view.chart.label_mm * view.pixels_per_mm()
        qtbot.keyClick(view, Qt.Key.Key_N)  # the trainer's notes
        qtbot.wait(20)
        notes = window.presenter.notes
        assert notes is not None and notes.isVisible() and notes.window() is window
        with_notes = view.chart.label_mm * view.pixels_per_mm()
        assert with_notes >= min(LEGIBLE_PX, SMALLER_AT_MOST * alone), (aspect, alone, with_notes)
        # the notes cover neither the chart nor the caption, and are room enough to read
        panel = _global(notes)
        chart = view.mapFromScene(view.chart.chart_rect).boundingRect()
        shown = QRect(view.viewport().mapToGlobal(chart.topLeft()), chart.size())
        caption = window.findChild(QWidget, "presenter-caption")
        assert not panel.intersects(shown) and not panel.intersects(_global(caption)), aspect
        assert panel.width() >= 200 and panel.height() >= 120, (aspect, panel)
        assert window.presenter.position() in notes.text.toPlainText()  # where the lesson stands
        qtbot.keyClick(view, Qt.Key.Key_N)  # notes away again
        qtbot.wait(20)
        assert window.presenter.notes is None


@pytest.mark.parametrize(("language", "text_scale"), [("de", 1.0), ("en", 1.5), ("en", 1.0)])
def test_notes_on_a_projector_show_whole_without_scrolling(qtbot, window_in, language, text_scale):
    """Under the soles (German, 1024×768) the notes had 120 px for some 290 px of text and
    scrolled; now they take the room their text needs (in columns side by side under a wide
    chart, their type stepping down to the window's own before that), the chart giving at
    most a tenth of its scale, and every zone's notes show whole."""
    window = presenting_on_a_projector(qtbot, window_in, language, text_scale)
    view = window.map
    qtbot.keyClick(view, Qt.Key.Key_N)
    for aspect in window.state.atlas.aspects():
        window.state.set_aspect(aspect)
        qtbot.wait(20)
        notes = window.presenter.notes
        scrolled = []
        for _ in range(len(window.presenter.order)):
            qtbot.keyClick(view, Qt.Key.Key_Right)
            if notes.text.verticalScrollBar().maximum() > 0:
                scrolled.append((window.presenter.current, notes.text.verticalScrollBar().maximum()))
        assert scrolled == [], (aspect, scrolled)
        text = notes.text.toPlainText()
        assert window.presenter.position() in text and "Esc" in text  # where the lesson is, the keys
        qtbot.keyClick(view, Qt.Key.Key_Home)
