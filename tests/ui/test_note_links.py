"""The notes' sources are links: a click opens the address in the system browser."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QObject, Qt, QUrl, Slot
from PySide6.QtGui import QDesktopServices, QTextDocument
from PySide6.QtWidgets import QDialog, QTextBrowser

from reflexmap import i18n


class _Browser(QObject):
    """Stands in for the system browser: records the addresses it is asked to open."""

    def __init__(self):
        super().__init__()
        self.opened: list[str] = []

    @Slot(QUrl)
    def open_url(self, url: QUrl) -> None:
        self.opened.append(url.toString())


@pytest.fixture
def browser():
    handler = _Browser()
    for scheme in ("http", "https"):
        QDesktopServices.setUrlHandler(scheme, handler, "open_url")
    yield handler
    for scheme in ("http", "https"):
        QDesktopServices.unsetUrlHandler(scheme)


def help_action(window, title: str, menu_title: str = "Help"):
    menu = next(a.menu() for a in window.menuBar().actions() if a.text().replace("&", "") == menu_title)
    return next(a for a in menu.actions() if a.text().replace("&", "") == title)


def click_text(qtbot, view: QTextBrowser, text: str) -> None:
    cursor = view.document().find(text, 0, QTextDocument.FindFlag.FindCaseSensitively)
    assert not cursor.isNull(), text
    view.setTextCursor(cursor)
    view.ensureCursorVisible()
    cursor.setPosition(cursor.selectionStart() + 2)  # inside the link, not on its edge
    pos = view.cursorRect(cursor).center()
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=pos)


def test_a_source_in_the_evidence_note_opens_in_the_browser(qtbot, window, browser):
    help_action(window, "What the evidence says").trigger()
    dialog = window.findChild(QDialog, "note-evidence")
    qtbot.waitExposed(dialog)
    view = dialog.findChild(QTextBrowser)
    before = view.toPlainText()
    click_text(qtbot, view, "McCullough et al. 2014")
    qtbot.waitUntil(lambda: bool(browser.opened))
    assert browser.opened == ["https://doi.org/10.1155/2014/502123"]
    assert view.toPlainText() == before  # the note stays; it does not navigate


def test_red_flag_sources_open_in_the_browser_in_german_too(qtbot, window, browser):
    german = window.set_language("de")
    qtbot.addWidget(german)
    try:
        help_action(german, "Ischias: wann zum Arzt", "Hilfe").trigger()
        view = german.findChild(QDialog, "note-red-flags").findChild(QTextBrowser)
        qtbot.waitExposed(view)
        click_text(qtbot, view, "NICE-Leitlinie")  # plain text: nothing opens
        click_text(qtbot, view, "NG59, Low back pain")
        qtbot.waitUntil(lambda: bool(browser.opened))
        assert browser.opened == ["https://www.nice.org.uk/guidance/ng59"]
    finally:
        i18n.set_language("en")


def test_only_web_addresses_are_opened(browser):
    from reflexmap.ui.dialogs import open_web_link

    for address in ("file:///etc/passwd", "javascript:alert(1)", "reflexmap:zone", "https://"):
        assert open_web_link(QUrl(address)) is False
    assert browser.opened == []
