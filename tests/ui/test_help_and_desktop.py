"""The app as a desktop app: its icon on every window, Help → About and Help → User guide,
links that open in the system browser. Driven through the menus, as a person does."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

from reflexmap import desktop


def test_the_window_and_the_application_carry_the_app_icon(window):
    app = QApplication.instance()
    sizes = {size.width() for size in app.windowIcon().availableSizes()}
    assert set(desktop.ICON_SIZES) <= sizes
    assert not window.windowIcon().isNull()
    assert window.windowIcon().cacheKey() == app.windowIcon().cacheKey()
    assert app.desktopFileName() == desktop.APP_ID
