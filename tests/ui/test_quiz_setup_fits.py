"""Quiz → New quiz… at the normal and the largest text, in English and German, on a small
screen (the tests' offscreen screen is 800 × 800 px, as a netbook or an old projector): the
dialog fits the screen, no check box is cut at the side and Start stays in sight (a tryout
measured 1,199 px in English and 1,242 px in German at the largest text, 835 px at the normal
one: nine body regions and four question kinds, each on one row)."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QCheckBox, QDialog, QDialogButtonBox, QLabel


@pytest.mark.parametrize("language", ["en", "de"])
@pytest.mark.parametrize("scale", [1.0, 1.5])
def test_the_new_quiz_dialog_fits_a_small_screen(qtbot, window, language, scale):
    if language != "en":
        window = window.set_language(language)
        qtbot.addWidget(window)
    window.text_size_actions[scale].trigger()
    qtbot.wait(20)
    window.new_quiz_action.trigger()
    dialog = next(d for d in window.findChildren(QDialog, "quiz-setup") if d.isVisible())
    qtbot.wait(20)
    screen = window.screen().availableGeometry()
    assert dialog.width() <= screen.width() and dialog.height() <= screen.height(), dialog.size()
    choices = dialog.scroller.widget()
    seen = dialog.scroller.viewport().width()
    for box in dialog.findChildren(QCheckBox):
        assert box.width() >= box.sizeHint().width(), box.text()  # none squeezed
        assert box.mapTo(choices, box.rect().topRight()).x() < seen, box.text()  # none cut at the side
    note = dialog.findChild(QLabel, "desired-retention-note")
    assert note.mapTo(choices, note.rect().topRight()).x() < seen
    start = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert start.isVisible() and dialog.rect().contains(start.geometry().center() + start.parent().pos())
    dialog.reject()


def test_on_a_large_screen_the_rows_stay_beside_their_titles(qtbot, window, monkeypatch):
    """The old look where there is room: one row of regions, nothing scrolls."""
    from PySide6.QtCore import QRect
    from PySide6.QtGui import QScreen

    monkeypatch.setattr(QScreen, "availableGeometry", lambda self: QRect(0, 0, 1920, 1080))
    window.new_quiz_action.trigger()
    dialog = next(d for d in window.findChildren(QDialog, "quiz-setup") if d.isVisible())
    qtbot.wait(20)
    rows = {box.mapTo(dialog, box.rect().topLeft()).y() for box in dialog.regions.values()}
    assert len(rows) == 1
    assert not dialog.scroller.verticalScrollBar().isVisible()
    dialog.reject()
