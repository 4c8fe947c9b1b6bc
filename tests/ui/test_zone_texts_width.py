"""The editor's Zone texts form never scrolls sideways: at 1024×768 in German at Largest text
its body was 484 px wide in a 365 px panel (a horizontal scroll bar, every field cut at the
right). Its labels stand above the fields where the panel is narrow and wrap, and the form
lays itself out again whenever that changes, at every window size, language and text size,
and when the window is made narrower later."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QPlainTextEdit, QWidget

SIZES = [(1024, 768), (1440, 900), (1920, 1080)]


def sideways(form) -> list:
    """What of the form reaches past its panel's right edge (or needs a sideways scroll)."""
    right = form.viewport().width()
    problems = []
    if form.horizontalScrollBar().maximum() > 0:
        problems.append(("scrolls", form.horizontalScrollBar().maximum()))
    if form.widget().width() > right:
        problems.append(("body", form.widget().width(), right))
    kinds = QLabel | QLineEdit | QPlainTextEdit | QComboBox
    for widget in form.widget().findChildren(QWidget):
        if isinstance(widget, kinds) and widget.isVisibleTo(form):
            edge = widget.mapTo(form.viewport(), QPoint(widget.width(), 0)).x()
            if edge > right + 1:
                problems.append((type(widget).__name__, widget.objectName(), edge, right))
    return problems


@pytest.mark.parametrize("language", ["de", "en"])
@pytest.mark.parametrize("text_scale", [1.0, 1.5])
@pytest.mark.parametrize("size", SIZES)
def test_zone_texts_fit_their_panel(qtbot, window_in, language, text_scale, size):
    window = window_in(language, size=size, text_scale=text_scale)
    window.edit_action.trigger()
    qtbot.wait(100)
    window.state.select("head-brain")
    qtbot.wait(100)
    form = window.findChild(QWidget, "zone-form")
    assert form is not None and form.isVisible()
    assert sideways(form) == [], (language, text_scale, size)
    if size != SIZES[0]:  # the window made narrower afterwards
        window.resize(*SIZES[0])
        qtbot.wait(50)
        assert sideways(form) == [], (language, text_scale, "narrowed from", size)
    window.editor.saving.discard()
