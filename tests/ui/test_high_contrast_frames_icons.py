"""High contrast (S21-12): pop-up menus had no edge, black on the black window, and the ✗
icons on Cancel and Close were a dim red or grey on black. A menu now stands in a light frame,
and every icon left on a dialog's button has a contrast of at least 4.5:1 with the button."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QProxyStyle, QStyle

from reflexmap.ui.appearance import scaled_style

from .test_dialogs_fit_across import OPENERS


def luminance(colour: QColor) -> float:
    def channel(value: float) -> float:
        return value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4

    red, green, blue = channel(colour.redF()), channel(colour.greenF()), channel(colour.blueF())
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def contrast(a: QColor, b: QColor) -> float:
    light, dark = sorted((luminance(a), luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def icon_contrast(icon, size: int, background: QColor) -> float:
    """The contrast with `background` of the icon's strongest opaque pixel."""
    image = icon.pixmap(size, size).toImage()
    best = 1.0
    for y in range(image.height()):
        for x in range(image.width()):
            pixel = image.pixelColor(x, y)
            if pixel.alpha() > 200:
                best = max(best, contrast(pixel, background))
    return best


def _high_contrast(qtbot, window):
    window.settings_menu.theme_actions["high-contrast"].trigger()  # Settings → Theme
    qtbot.wait(50)


def test_menus_have_a_light_frame(qtbot, window):
    _high_contrast(qtbot, window)
    menu = window.menuBar().actions()[0].menu()  # File
    menu.popup(window.mapToGlobal(QPoint(10, 40)))
    qtbot.waitUntil(menu.isVisible)
    image = menu.grab().toImage()
    paper = QColor("#000000")
    for x, y in ((0, image.height() // 2), (image.width() - 1, image.height() // 2), (image.width() // 2, 0)):
        assert contrast(image.pixelColor(x, y), paper) >= 4.5, (x, y, image.pixelColor(x, y).name())
    menu.hide()


class DesktopIcons(QProxyStyle):
    """A desktop that puts icons on dialog buttons, as the X desktop of the tryout did (the
    offscreen platform of the tests puts none)."""

    def styleHint(self, hint, option=None, widget=None, returnData=None) -> int:  # noqa: N802, N803
        if hint == QStyle.StyleHint.SH_DialogButtonBox_ButtonsHaveIcons:
            return 1
        return super().styleHint(hint, option, widget, returnData)


@pytest.mark.parametrize("opener", ["handout", "shortcuts", "about", "profile"])
def test_dialog_button_icons_stand_out_or_are_none(qtbot, window, opener):
    _high_contrast(qtbot, window)
    app = QApplication.instance()
    app.setStyle(scaled_style()(DesktopIcons("fusion")))
    try:
        _icons_checked(qtbot, window, opener)
    finally:
        app.setStyle(scaled_style()("fusion"))


def _icons_checked(qtbot, window, opener):
    OPENERS[opener](window)
    qtbot.wait(100)
    dialogs = [w for w in QApplication.topLevelWidgets() if w.isVisible() and w is not window]
    buttons = [b for d in dialogs for box in d.findChildren(QDialogButtonBox) for b in box.buttons()]
    assert buttons, f"{opener}: no dialog with buttons opened"
    for button in buttons:
        if button.icon().isNull():
            continue
        size = button.iconSize().height()
        background = button.palette().color(button.backgroundRole())
        assert icon_contrast(button.icon(), size, background) >= 4.5, button.text()
    for dialog in dialogs:
        dialog.close()
