"""Edit → History at the panel's width: German at Largest text in a window as a 1024×768
screen gives it, a zone nudged with the arrow key: every entry ("Zone schrittweise
verschieben: Becken und Unterkörper") is whole in the panel, wrapped onto the lines it needs
(it ran past the 220 px panel's edge behind a sideways scroll bar), nothing elided, each said
whole in its tooltip."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QRect, Qt
from PySide6.QtGui import QHelpEvent
from PySide6.QtWidgets import QApplication, QToolTip

from .conftest import click_mm
from .painted_text import painted_text


def test_history_entries_wrap_whole_in_the_panel(qtbot, window_in):
    window = window_in("de", size=(922, 690), text_scale=1.5)
    window.edit_action.trigger()
    click_mm(qtbot, window, "plantar-left", 0.0, 25.0)  # the heel: Becken und Unterkörper
    window.map.setFocus()
    qtbot.keyClick(window.map, Qt.Key.Key_Right)
    qtbot.waitUntil(lambda: window.editor.session.stack.count() == 1, timeout=3000)
    window.history_action.trigger()
    qtbot.wait(50)
    view = window.editor.history_dock.widget()
    model = view.model()
    texts = [model.index(r, 0).data() for r in range(model.rowCount())]
    assert texts == ["<Karte wie geöffnet>", "Zone schrittweise verschieben: Becken und Unterkörper"]
    assert view.horizontalScrollBar().maximum() == 0  # nothing out to the side
    metrics = view.fontMetrics()
    width = view.viewport().width()
    for row, text in enumerate(texts):
        rect = view.visualRect(model.index(row, 0))
        assert 0 <= rect.left() and rect.right() < width, (text, rect, width)
        flags = Qt.TextFlag.TextWordWrap | Qt.TextFlag.TextWrapAnywhere
        needed = metrics.boundingRect(QRect(0, 0, rect.width() - 6, 10_000), flags, text).height()
        assert rect.height() >= needed, (text, rect.height(), needed)  # every line of it shown
    painted = " ".join(painted_text(view.viewport()).runs)
    assert "…" not in painted and painted.split() == " ".join(texts).split()
    last = view.visualRect(model.index(1, 0)).center()
    QApplication.sendEvent(
        view.viewport(), QHelpEvent(QEvent.Type.ToolTip, last, view.viewport().mapToGlobal(last))
    )
    assert QToolTip.text() == texts[1]
    QToolTip.hideText()
