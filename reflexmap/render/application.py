"""The QApplication every Qt drawing needs: the window's, and a headless export's (an Anki deck
draws a picture per zone), with the app's name, version, icon and typeface."""

from __future__ import annotations

import sys

from PySide6.QtCore import QSize
from PySide6.QtGui import QFont, QIcon
from PySide6.QtWidgets import QApplication

from .. import __version__, desktop

ORGANISATION = "ReflexMap"
APPLICATION = "ReflexMap"
# The typeface of the panels, the chart's labels, handouts and exports: named, not left to
# fontconfig's "sans-serif", which turns from DejaVu Sans to Noto Sans once the README's
# fonts-noto-core is installed (label columns, titles and handout sizes were laid out for
# DejaVu's widths). DejaVu Sans comes with fontconfig on every Debian; a letter it lacks
# (Tibetan, Devanagari, Chinese, emoji) is still drawn by the Noto fonts the README installs.
FAMILIES = ["DejaVu Sans", "Noto Sans"]


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
    pin_typeface(app)
    return app  # type: ignore[return-value]


def pin_typeface(app: QApplication) -> None:
    """The application font in our family, at the size the platform gives (the text-size
    setting scales that size)."""
    font = QFont(app.font())
    if font.families() != FAMILIES:
        font.setFamilies(FAMILIES)
        app.setFont(font)


def app_icon() -> QIcon:
    """The icon at each size the desktop may ask for (title bar, task switcher, dock)."""
    icon = QIcon()
    for size in desktop.ICON_SIZES:
        icon.addFile(str(desktop.icon_png(size)), QSize(size, size))
    return icon
