"""Help → About and Help → User guide: what ReflexMap is (and is not), and its manual.

The manual is HTML shipped with the app (docs/user-guide/, installed as reflexmap.user_guide)
and read offline in a window of its own; it can also be opened in the system's web browser."""

from __future__ import annotations

import platform
from pathlib import Path

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import QEvent, Qt, QUrl, qVersion
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from .. import __version__, i18n
from ..content.markup import escape
from ..i18n import _
from . import dialogs

GUIDE_STEM = "index"


def guide_folder() -> Path:
    """Beside the package when installed from a wheel; an editable install maps
    `reflexmap.user_guide` to the checkout's docs/user-guide/ folder instead."""
    installed = Path(__file__).resolve().parents[1] / "user_guide"
    if (installed / f"{GUIDE_STEM}.html").is_file():
        return installed
    from importlib import resources

    return Path(str(resources.files("reflexmap.user_guide")))


def guide_path(language: str | None = None) -> Path:
    """The manual in the interface's language, or in English when it has no translation."""
    language = language or i18n.language()
    translated = guide_folder() / f"{GUIDE_STEM}.{language}.html"
    return translated if translated.is_file() else guide_folder() / f"{GUIDE_STEM}.html"


class AboutDialog(QDialog):
    """Version, licence, and what the app is and is not."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("about")
        self.setWindowTitle(_("About ReflexMap"))
        icon = QLabel(self)
        icon.setPixmap(QApplication.windowIcon().pixmap(96, 96))
        paragraphs = [
            _(
                "A desktop app for studying foot reflex-zone charts: where charts place each zone, "
                "what they say it corresponds to, how it is worked, and which tradition and sources "
                "say so. For therapists, trainers and students."
            ),
            _(
                "It shows what charts claim, not anatomy. ReflexMap is not a medical device: it is "
                "not meant for diagnosis or therapy and is no substitute for seeing a "
                "doctor. The evidence that working the zones helps any condition is weak; the Help "
                "menu says what the studies found."
            ),
            _(
                "Free software under the MIT licence. ReflexMap uses no network; your data stays "
                "on this computer."
            ),
        ]
        versions = _("Qt {qt}, PySide6 {pyside}, Python {python}").format(
            qt=qVersion(), pyside=pyside_version, python=platform.python_version()
        )
        version = _("Version {version}").format(version=__version__)
        self.text = QLabel(self)
        self.text.setObjectName("about-text")
        self.text.setTextFormat(Qt.TextFormat.RichText)
        self.text.setWordWrap(True)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.text.setText(
            f"<h2>ReflexMap</h2><p><b>{escape(version)}</b></p>"
            + "".join(f"<p>{escape(p)}</p>" for p in paragraphs)
            + f"<p>{escape(versions)}</p>"
        )
        self.guide_button = QPushButton(_("&User guide"), self)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.addButton(self.guide_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        self.guide_button.clicked.connect(self._show_guide)
        # The text scrolls where the screen is too small for it (German at Largest text on a
        # 768-pixel screen cut it mid-line, the version line gone, with no scroll bar).
        self.area = QScrollArea(self)
        self.area.setObjectName("about-scroll")
        self.area.setWidgetResizable(True)
        self.area.setFrameShape(QScrollArea.Shape.NoFrame)
        self.area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.area.setWidget(self.text)
        row = QHBoxLayout()
        row.addWidget(icon, 0, Qt.AlignmentFlag.AlignTop)
        row.addWidget(self.area, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(buttons)
        self.setMinimumWidth(520)
        self._grow_to_text()

    def _grow_to_text(self) -> None:
        """As large as its text at about 60 characters a line (the text's height for that
        width, not Qt's guess for a word-wrapped label); the screen bounds it when it is
        shown (dialog_place.py) and the text scrolls beyond."""
        width = max(420, self.text.fontMetrics().averageCharWidth() * 60)
        bar = self.area.verticalScrollBar().sizeHint().width()  # a scroll bar never covers text
        hint, area = self.sizeHint(), self.area.sizeHint()
        self.resize(
            hint.width() + max(0, width + bar - area.width()),
            hint.height() + max(0, self.text.heightForWidth(width) - area.height()),
        )

    def _show_guide(self) -> None:
        """The guide replaces this dialog: a window-modal About would block input to it."""
        self.accept()
        user_guide(self.parentWidget())


def about(parent: QWidget) -> AboutDialog:
    dialog = AboutDialog(parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)  # closed is gone, not hidden
    dialog.open()
    return dialog


class GuideWindow(QDialog):
    """The user guide, offline: a window beside the app (not modal, so the reader can try
    what it describes). Links inside the guide move within it; web links open in the browser."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("user-guide")
        self.setWindowTitle(_("ReflexMap user guide"))
        self.setWindowFlag(Qt.WindowType.Window)
        self.browser = QTextBrowser(self)
        self.browser.setAccessibleName(_("User guide"))
        self.browser.setOpenLinks(False)
        self.browser.anchorClicked.connect(self._follow)
        self.path = guide_path()
        self.browser.setSource(QUrl.fromLocalFile(str(self.path)))
        self.browser_button = QPushButton(_("Open in &web browser"), self)
        self.browser_button.clicked.connect(self.open_in_browser)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.addButton(self.browser_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser)
        layout.addWidget(buttons)
        self.resize(760, 820)
        if parent is not None:  # closes with its window (quitting, or rebuilt in another language)
            parent.installEventFilter(self)

    def eventFilter(self, watched, event) -> bool:
        if watched is self.parentWidget() and event.type() == QEvent.Type.Close and event.isAccepted():
            self.close()
        return False

    def open_in_browser(self) -> bool:
        return dialogs.open_in_browser(QUrl.fromLocalFile(str(self.path)), self)

    def _follow(self, url: QUrl) -> None:
        if url.scheme() in ("http", "https"):
            dialogs.open_web_link(url, self)
        elif url.isRelative() or url.isLocalFile():
            target = self.browser.source().resolved(url)
            if target.toLocalFile() == self.browser.source().toLocalFile() and url.fragment():
                self.browser.scrollToAnchor(url.fragment())
            elif target.isLocalFile() and Path(target.toLocalFile()).parent == self.path.parent:
                self.browser.setSource(target)


def user_guide(parent: QWidget | None) -> GuideWindow:
    """Show the guide; one window per main window, raised when it is open already."""
    window = parent.findChild(GuideWindow, "user-guide") if parent is not None else None
    if window is None:
        window = GuideWindow(parent)
        window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    window.show()
    window.raise_()
    window.activateWindow()
    return window


def shortcuts(parent: QWidget, actions) -> QDialog:
    """Help → Keyboard shortcuts: the map's own keys, then every action's key (`actions`:
    the window's QActions) with its text."""
    from PySide6.QtGui import QKeySequence

    rows = [
        (_("Click a zone"), _("Select it; every zone under the point is listed")),
        (_("Tab / Down, Shift+Tab / Up"), _("Next / previous zone, toes to heel (map focused)")),
        (_("Left / Right"), _("Same zone on the other foot")),
        (_("Home / End"), _("First / last zone")),
        (_("Escape"), _("Clear the selection")),
        (_("Mouse wheel"), _("Zoom under the cursor")),
        (_("Drag, or middle button"), _("Pan")),
        ("1 – 4", _("Answer a quiz question with that choice")),
    ]
    for action in actions:
        if action.shortcut().toString():
            key = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
            rows.append((key, action.text().replace("&", "")))
    title = _("Keyboard shortcuts")
    html = (
        f"<h2>{escape(title)}</h2><table cellspacing='6'>"
        + "".join(f"<tr><td><b>{escape(k)}</b></td><td>{escape(v)}</td></tr>" for k, v in rows)
        + "</table>"
    )
    return dialogs.text_dialog(parent, title, html, "shortcuts")
