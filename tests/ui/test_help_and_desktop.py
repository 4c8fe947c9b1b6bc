"""The app as a desktop app: its icon on every window, Help → About and Help → User guide,
links that open in the system browser. Driven through the menus, as a person does."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtWidgets import QApplication

from reflexmap import desktop


@pytest.fixture(autouse=True)
def close_windows_left_open(qtbot):
    """Guides, message boxes and rebuilt (other-language) windows: closed after each test, so
    that none stays over the next test's window."""
    yield
    for widget in QApplication.topLevelWidgets():
        if widget.isVisible():
            widget.close()
    qtbot.wait(1)


def test_the_window_and_the_application_carry_the_app_icon(window):
    app = QApplication.instance()
    sizes = {size.width() for size in app.windowIcon().availableSizes()}
    assert set(desktop.ICON_SIZES) <= sizes
    assert not window.windowIcon().isNull()
    assert window.windowIcon().cacheKey() == app.windowIcon().cacheKey()
    assert app.desktopFileName() == desktop.APP_ID


def _visible_dialog(name: str):

    found = [w for w in QApplication.topLevelWidgets() if w.objectName() == name and w.isVisible()]
    assert len(found) == 1, f"one visible {name!r} window, found {found}"
    return found[0]


def anchor_point(browser, href: str):
    """Viewport position of the first link to `href` in a QTextBrowser (to click it)."""
    from PySide6.QtGui import QTextCursor

    block = browser.document().begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fragment = it.fragment()
            if fragment.charFormat().anchorHref() == href:
                cursor = QTextCursor(browser.document())
                cursor.setPosition(fragment.position() + 1)
                return browser.cursorRect(cursor).center()
            it += 1
        block = block.next()
    raise AssertionError(f"no link to {href}")


def click_link(qtbot, browser, href: str) -> None:
    from PySide6.QtCore import Qt

    browser.ensureCursorVisible()
    pos = anchor_point(browser, href)
    assert browser.viewport().rect().contains(pos), "link is not on screen"
    qtbot.mouseClick(browser.viewport(), Qt.MouseButton.LeftButton, pos=pos)


def test_help_about_says_version_licence_and_that_it_is_not_a_medical_device(qtbot, window):
    from reflexmap import __version__

    window.about_action.trigger()
    dialog = _visible_dialog("about")
    text = dialog.text.text()
    assert f"Version {__version__}" in text
    assert "MIT licence" in text
    assert "not a medical device" in text and "claim" in text
    assert dialog.windowIcon().cacheKey() == QApplication.windowIcon().cacheKey()
    qtbot.mouseClick(dialog.guide_button, Qt.MouseButton.LeftButton)  # About → User guide
    guide = _visible_dialog("user-guide")
    assert not dialog.isVisible()  # About steps aside: a modal About would block the guide
    qtbot.waitExposed(guide)
    click_link(qtbot, guide.browser, "#charts")
    qtbot.waitUntil(lambda: guide.browser.verticalScrollBar().value() > 0)


def test_help_user_guide_opens_the_shipped_manual_offline_and_its_links_move_within_it(qtbot, window):
    from pathlib import Path

    window.guide_action.trigger()
    guide = _visible_dialog("user-guide")
    qtbot.waitExposed(guide)
    source = Path(guide.browser.source().toLocalFile())
    assert source.name == "index.html" and source.parent.name in ("user-guide", "user_guide")
    text = guide.browser.toPlainText()
    assert "ReflexMap user guide" in text and "not a medical device" in text
    scroll = guide.browser.verticalScrollBar()
    assert scroll.value() == 0
    click_link(qtbot, guide.browser, "#teach")  # the contents: a real click on a link
    qtbot.waitUntil(lambda: scroll.value() > 0)
    assert guide.browser.source().toLocalFile() == str(source)
    window.guide_action.trigger()  # again: the same window, raised
    assert _visible_dialog("user-guide") is guide
    german = window.set_language("de")  # the window closes: so does its guide
    qtbot.addWidget(german)
    assert not guide.isVisible()


def test_the_guide_names_every_menu_in_both_languages(qtbot, window):
    for language in ("en", "de"):
        if language == "de":
            window = window.set_language("de")
        window.guide_action.trigger()
        guide = _visible_dialog("user-guide")
        text = guide.browser.toPlainText()
        for action in window.menuBar().actions():
            assert action.text().replace("&", "") in text, (language, action.text())
        guide.close()
        assert ("Benutzerhandbuch" in text) == (language == "de")


def test_open_in_browser_passes_the_guide_file_and_survives_no_browser(qtbot, window, monkeypatch):
    from PySide6.QtGui import QDesktopServices

    opened = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or False)
    window.guide_action.trigger()
    guide = _visible_dialog("user-guide")
    guide.browser_button.click()
    assert [u.toLocalFile() for u in opened] == [guide.browser.source().toLocalFile()]
    # no browser could be started: said once, the address copied, nothing blocks
    box = _visible_dialog("no-browser")
    assert guide.browser.source().toLocalFile() in QApplication.clipboard().text()
    assert "No web browser" in box.windowTitle()
    box.close()


def _rules_and_paragraphs(browser):
    """(number of horizontal rules, runs of two rules with nothing between, paragraph texts)."""
    from PySide6.QtGui import QTextFormat

    rules = doubled = 0
    previous_was_rule = False
    paragraphs = []
    block = browser.document().begin()
    while block.isValid():
        is_rule = block.blockFormat().hasProperty(QTextFormat.Property.BlockTrailingHorizontalRulerWidth)
        text = block.text().strip()
        if is_rule:
            rules += 1
            doubled += previous_was_rule
            previous_was_rule = True
        elif text:
            previous_was_rule = False
            paragraphs.append(text)
        block = block.next()
    return rules, doubled, paragraphs


def test_first_run_note_says_each_thing_once_with_one_rule_between_parts(qtbot, make_window, fresh_settings):
    import re

    from PySide6.QtWidgets import QDialog, QTextBrowser

    window = make_window(settings_=fresh_settings)
    for language in ("en", "de"):
        if language == "de":
            window = window.set_language("de")
            window.show_first_run_note()
        qtbot.waitUntil(lambda w=window: w.findChild(QDialog, "note-first-run") is not None)
        dialog = window.findChild(QDialog, "note-first-run")
        rules, doubled, paragraphs = _rules_and_paragraphs(dialog.findChild(QTextBrowser))
        assert (rules, doubled) == (2, 0), language  # introduction | evidence | red flags
        sentences = [s for p in paragraphs for s in re.split(r"(?<=[.:!?])\s+", p) if len(s) > 30]
        repeated = {s for s in sentences if sentences.count(s) > 1}
        assert repeated == set(), language
        openings = [p[:45] for p in paragraphs if len(p) > 45]
        assert len(openings) == len(set(openings)), language
        dialog.reject()


# --- polish: chart menu, status bar, source links, language ---------------------------------


def _open_chart_menu(qtbot, window):
    from PySide6.QtCore import Qt

    bar = window.menuBar()
    qtbot.mouseClick(
        bar, Qt.MouseButton.LeftButton, pos=bar.actionGeometry(window.charts_menu.menuAction()).center()
    )
    qtbot.waitUntil(window.charts_menu.isVisible)
    texts = [a.text() for a in window.charts_menu.chart_actions()]
    qtbot.keyClick(window.charts_menu, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not window.charts_menu.isVisible())
    return texts


def _builtin_titles(language: str) -> list[str]:
    from reflexmap.atlas import builtin_charts, read_atlas

    return [read_atlas(path).atlas.localized(language).title for path in builtin_charts()]


def test_chart_menu_names_each_chart_once(qtbot, window, data_dir, tmp_path):
    texts = _open_chart_menu(qtbot, window)
    titles = _builtin_titles("en")
    assert texts == [f"&{number} {title}" for number, title in enumerate(titles, start=1)]
    assert any("Ingham" in text for text in texts) and any("Rwo-Shur" in text for text in texts)
    for action in window.charts_menu.chart_actions():
        assert action.text().count("(") <= 1  # not "… (Ingham tradition) (Western (Ingham))"
        assert "Tradition:" in action.statusTip()  # the tradition and file, where the menu's hint goes
    # two charts of the same title are told apart by their files
    for name in ("a.yaml", "b.yaml"):
        (tmp_path / name).write_bytes((data_dir / "small.yaml").read_bytes())
        assert window.open_chart(tmp_path / name)
    texts = _open_chart_menu(qtbot, window)
    assert "&3 Small test chart \u2014 b.yaml" in texts and "&4 Small test chart \u2014 a.yaml" in texts
    german = window.set_language("de")
    qtbot.addWidget(german)
    german.open_chart(window.charts_menu.known()[1])
    expected = [f"&{number} {title}" for number, title in enumerate(_builtin_titles("de"), start=1)]
    assert _open_chart_menu(qtbot, german)[:2] == expected
    assert expected != [f"&{number} {title}" for number, title in enumerate(titles, start=1)]


def test_status_bar_names_the_foot_and_view_and_nothing_stale_after_a_view_switch(qtbot, window):
    from PySide6.QtCore import Qt

    from tests.ui.conftest import click_zone, inside_point, viewport_pos

    at = viewport_pos(window, "plantar-left", *inside_point(window.state.atlas, "plantar-left", "heart"))
    qtbot.mouseMove(window.map.viewport(), at)
    qtbot.waitUntil(lambda: window.coordinates.text() != "")
    assert window.coordinates.text().startswith("Left foot \u00b7 Plantar (sole)")
    assert "plantar-left" not in window.coordinates.text()
    click_zone(qtbot, window, "plantar-left", "heart")
    assert window.statusBar().currentMessage().startswith("Heart: charts place")
    window.map.setFocus()
    qtbot.keyClick(window.map, Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier)  # the dorsal view
    assert window.state.aspect == "dorsal"
    assert window.coordinates.text() == ""  # the last position was on the soles
    message = window.statusBar().currentMessage()
    assert message.startswith("Dorsal view: the tops of the feet \u00b7 Western foot chart")
    assert "Heart" not in message and "dorsal-left" not in message
    assert "tradition Western (Ingham)" not in message  # the title names the tradition already
    qtbot.keyClick(window.map, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    click_zone(qtbot, window, "plantar-left", "heart")
    window.map.setFocus()
    qtbot.keyClick(window.map, Qt.Key.Key_Escape)  # selection cleared: its claim goes too
    assert window.state.zone_id == ""
    assert "Heart" not in window.statusBar().currentMessage()


def _chart_with_source(tmp_path, data_dir, title: str, url: str):
    text = (data_dir / "small.yaml").read_text(encoding="utf-8")
    text = text.replace('{id: s1, title: "Source one"}', f"{{id: s1, title: {title!r}, url: {url!r}}}")
    path = tmp_path / "linked.yaml"
    path.write_text(text, encoding="utf-8")
    return path


class _Browser:
    """Stands in for the desktop's web browser: Qt hands it the URLs openUrl() is given."""

    def __init__(self):
        from PySide6.QtCore import QObject, Slot

        class Receiver(QObject):
            def __init__(self):
                super().__init__()
                self.urls = []

            @Slot("QUrl")
            def open(self, url):
                self.urls.append(url.toString())

        self.receiver = Receiver()

    def __enter__(self):
        from PySide6.QtGui import QDesktopServices

        for scheme in ("http", "https"):
            QDesktopServices.setUrlHandler(scheme, self.receiver, "open")
        return self.receiver.urls

    def __exit__(self, *exc):
        from PySide6.QtGui import QDesktopServices

        for scheme in ("http", "https"):
            QDesktopServices.unsetUrlHandler(scheme)


def test_a_source_with_a_web_address_is_a_link_that_opens_in_the_browser(qtbot, window, data_dir, tmp_path):
    from tests.ui.conftest import click_zone

    url = "https://example.org/reflexology?chart=1&part='heel'"
    assert window.open_chart(_chart_with_source(tmp_path, data_dir, "Source <b>one</b> & co", url))
    click_zone(qtbot, window, "plantar-left", "heel")
    assert window.state.zone_id == "heel"
    text = window.info.toPlainText()
    assert "Source <b>one</b> & co" in text  # the chart's words stay plain text
    link = "https://example.org/reflexology?chart=1&part=%27heel%27"  # quotes percent-encoded
    qtbot.mouseMove(window.info.viewport(), anchor_point(window.info, link))  # pointing at it first
    qtbot.waitUntil(lambda: window.statusBar().currentMessage().startswith("https://example.org/"))
    with _Browser() as opened:
        click_link(qtbot, window.info, link)
        qtbot.waitUntil(lambda: opened != [])
    assert [QUrl(u) for u in opened] == [QUrl(link)]
    assert window.state.zone_id == "heel"  # the card stays as it was


def test_a_source_link_with_no_browser_says_so_and_nothing_hangs(
    qtbot, window, data_dir, tmp_path, monkeypatch
):
    from PySide6.QtGui import QDesktopServices

    from tests.ui.conftest import click_zone

    url = "https://example.org/a"
    assert window.open_chart(_chart_with_source(tmp_path, data_dir, "Source one", url))
    click_zone(qtbot, window, "plantar-left", "heel")
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda address: False)  # no browser at all
    click_link(qtbot, window.info, url)
    box = _visible_dialog("no-browser")
    assert url in box.text() and QApplication.clipboard().text() == url
    box.close()


def test_only_web_addresses_become_links():
    from reflexmap.content.markup import safe_link

    assert safe_link("https://example.org/x?a=1") == "https://example.org/x?a=1"
    assert safe_link("http://example.org") == "http://example.org"
    assert safe_link("https://example.org/'><b>x</b>") == "https://example.org/%27%3E%3Cb%3Ex%3C/b%3E"
    assert (
        safe_link("doi:10.1016/j.maturitas.2010.10.011") == "https://doi.org/10.1016/j.maturitas.2010.10.011"
    )
    for bad in (
        "javascript:alert(1)",
        "file:///etc/passwd",
        "zone:heart",
        "note:evidence",
        "https://",
        "https://exa mple.org",
        "https://example.org/\n",
        "doi:javascript:1",
        "ftp://example.org",
        "",
        None,
        "https://example.org/" + "a" * 3000,
    ):
        assert safe_link(bad) is None, bad


def test_language_can_follow_the_system_again_and_it_is_remembered(qtbot, window, settings, monkeypatch):
    from reflexmap.ui.app import create_window

    monkeypatch.setenv("LANGUAGE", "de")
    assert list(window.language_actions) == ["system", "en", "de"]
    assert window.language_actions["system"].text() == "Follow the &system"
    window.language_actions["en"].trigger()  # English chosen: stays English, and remembered
    assert settings.value("appearance/language") == "en" and window.successor is None
    window.language_actions["system"].trigger()  # the desktop speaks German
    german = window.successor
    assert german is not None and german.isVisible()
    qtbot.addWidget(german)
    assert german.menuBar().actions()[0].text() == "&Datei"
    assert german.language_actions["system"].isChecked()
    assert settings.value("appearance/language") == "system"
    german.close()
    again = create_window(settings=settings)  # the next start follows the desktop too
    qtbot.addWidget(again)
    assert again.menuBar().actions()[0].text() == "&Datei"
    assert again.language_actions["system"].isChecked()
    assert (
        again.language_actions["system"].text() == again.theme_actions["system"].text() == "Wie das &System"
    )


def test_about_in_german(qtbot, window):
    german = window.set_language("de")
    qtbot.addWidget(german)
    german.about_action.trigger()
    dialog = _visible_dialog("about")
    assert dialog.windowTitle() == "Über ReflexMap"
    assert "kein Medizinprodukt" in dialog.text.text() and "MIT-Lizenz" in dialog.text.text()
    assert dialog.guide_button.text() == "&Benutzerhandbuch"


def test_a_note_link_with_no_browser_says_so(qtbot, window, monkeypatch):
    from PySide6.QtGui import QDesktopServices
    from PySide6.QtWidgets import QTextBrowser

    help_menu = window.guide_action.associatedObjects()[-1]
    evidence = next(a for a in help_menu.actions() if a.text().replace("&", "") == "What the evidence says")
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda address: False)
    evidence.trigger()
    note = _visible_dialog("note-evidence")
    browser = note.findChild(QTextBrowser)
    href = next(
        f.charFormat().anchorHref()
        for f in _fragments(browser.document())
        if f.charFormat().anchorHref().startswith("https://")
    )
    click_link(qtbot, browser, href)
    box = _visible_dialog("no-browser")
    assert QApplication.clipboard().text() == QUrl(href).toString()
    box.close()


def _fragments(document):
    block = document.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            yield it.fragment()
            it += 1
        block = block.next()


def test_mastery_heat_map_legend_goes_when_the_map_is_switched_off(qtbot, window):
    from PySide6.QtCore import Qt

    window.map.setFocus()
    qtbot.keyClick(window.map, Qt.Key.Key_M)
    assert window.mastery_action.isChecked()
    assert window.statusBar().currentMessage().startswith("Mastery heat map")
    qtbot.keyClick(window.map, Qt.Key.Key_M)
    assert not window.mastery_action.isChecked()
    assert window.statusBar().currentMessage() == ""
