"""File → Handouts and printing… at the largest text, in English and German, on a small
screen (the tests' offscreen screen is 800 × 800 px): the dialog fits the screen with every
choice whole and a preview of the pages (a tryout measured a minimum width of 929 px in
English and 979 px in German, opened at 1,060 × 640)."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QRadioButton

from reflexmap.ui.handout_dialog import HandoutDialog


@pytest.mark.parametrize("language", ["en", "de"])
def test_the_handout_dialog_fits_a_small_screen_at_the_largest_text(qtbot, window, language):
    if language != "en":
        window = window.set_language(language)
        qtbot.addWidget(window)
    window.text_size_actions[1.5].trigger()
    qtbot.wait(20)
    window.handout_action.trigger()
    dialog = window.findChild(HandoutDialog, "handouts")
    qtbot.waitUntil(dialog.isVisible)
    qtbot.wait(20)
    screen = window.screen().availableGeometry()
    assert dialog.width() <= screen.width() and dialog.height() <= screen.height(), dialog.size()
    assert dialog.minimumSizeHint().width() <= screen.width(), dialog.minimumSizeHint()
    inside = dialog.rect()
    for button in dialog.findChildren(QRadioButton):
        assert button.width() >= button.sizeHint().width(), button.text()
        assert inside.contains(button.mapTo(dialog, button.rect().bottomRight())), button.text()
    preview = dialog.preview
    assert preview.width() >= 300 and preview.height() >= 200, preview.size()
    assert inside.contains(preview.mapTo(dialog, preview.rect().bottomRight()))
    assert inside.contains(dialog.save_button.mapTo(dialog, dialog.save_button.rect().bottomRight()))
    dialog.reject()
