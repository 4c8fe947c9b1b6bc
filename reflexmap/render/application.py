"""The QApplication every Qt drawing needs: the window's, and a headless export's (an Anki deck
draws a picture per zone), with the app's name, version and icon."""

from __future__ import annotations

import sys

from PySide6.QtCore import QSize
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from .. import __version__, desktop

ORGANISATION = "ReflexMap"
APPLICATION = "ReflexMap"


def application(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance() or QApplication(argv if argv is not None else sys.argv[:1])
    app.setOrganizationName(ORGANISATION)
    app.setApplicationName(APPLICATION)
    app.setApplicationDisplayName(APPLICATION)
    app.setApplicationVersion(__version__)
    # Wayland compositors and docks match the window to the launcher (and its icon) by this.
    app.setDesktopFileName(desktop.APP_ID)
    if app.windowIcon().isNull():
        app.setWindowIcon(app_icon())  # every window and dialog without its own icon uses it
    return app  # type: ignore[return-value]


def app_icon() -> QIcon:
    """The icon at each size the desktop may ask for (title bar, task switcher, dock)."""
    icon = QIcon()
    for size in desktop.ICON_SIZES:
        icon.addFile(str(desktop.icon_png(size)), QSize(size, size))
    return icon
