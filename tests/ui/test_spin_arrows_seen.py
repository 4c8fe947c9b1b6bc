"""S14-14 (b): the New quiz dialog's spin boxes ("Questions per round", "Desired retention")
show their up and down arrows in every theme. Before, in High contrast they were drawn black
on the black buttons (two empty boxes)."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QDialog, QSpinBox, QStyle, QStyleOptionSpinBox


def _lit_inside(spin: QSpinBox, control) -> int:
    """How many pixels inside the spin box's button differ clearly from the button's middle
    row's edge colour (the arrow), as drawn on the screen."""
    option = QStyleOptionSpinBox()
    spin.initStyleOption(option)
    rect = spin.style().subControlRect(QStyle.ComplexControl.CC_SpinBox, option, control, spin)
    image = spin.grab().toImage()
    ratio = image.devicePixelRatio()
    inner = rect.adjusted(2, 2, -2, -2)
    back = image.pixelColor(int((inner.left()) * ratio), int(inner.center().y() * ratio))
    lit = 0
    for x in range(int(inner.left() * ratio), int(inner.right() * ratio)):
        for y in range(int(inner.top() * ratio), int(inner.bottom() * ratio)):
            colour = image.pixelColor(x, y)
            if abs(colour.lightness() - back.lightness()) > 80:
                lit += 1
    return lit


@pytest.mark.parametrize("theme", ["light", "dark", "high-contrast"])
def test_the_new_quiz_dialogs_spin_boxes_show_their_arrows(qtbot, make_window, theme):
    window = make_window()
    window.set_theme(theme)
    window.show()
    window.new_quiz_action.trigger()
    qtbot.waitUntil(lambda: any(d.isVisible() for d in window.findChildren(QDialog, "quiz-setup")))
    (dialog,) = [d for d in window.findChildren(QDialog, "quiz-setup") if d.isVisible()]
    for spin in (dialog.length, dialog.retention):
        spin.setValue((spin.minimum() + spin.maximum()) // 2)  # both steps possible
        for control in (QStyle.SubControl.SC_SpinBoxUp, QStyle.SubControl.SC_SpinBoxDown):
            assert _lit_inside(spin, control) >= 4, (theme, spin.objectName() or spin.toolTip(), control)
    dialog.reject()
