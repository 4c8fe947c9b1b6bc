"""The zone card's links read as links: at any width of the panel, in English and German, a
link that fits on a line is never broken across two (the notes' links below every card)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from .conftest import click_zone


def broken_links(browser) -> list[str]:
    """The anchors of the browser's text that start on one line and end on another, though
    the link alone would fit on a line."""
    document = browser.document()
    width = document.textWidth()
    broken = []
    block = document.begin()
    while block.isValid():
        layout = block.layout()
        it = block.begin()
        while not it.atEnd():
            fragment = it.fragment()
            href = fragment.charFormat().anchorHref()
            if href:
                start = fragment.position() - block.position()
                end = start + fragment.length() - 1
                first, last = layout.lineForTextPosition(start), layout.lineForTextPosition(end)
                alone = browser.fontMetrics().horizontalAdvance(fragment.text()) * 1.2
                if first.lineNumber() != last.lineNumber() and alone < width:
                    broken.append(f"{href}: {fragment.text()!r}")
            it += 1
        block = block.next()
    return broken


@pytest.mark.parametrize("language", ["en", "de"])
def test_no_note_link_breaks_across_lines_at_any_panel_width(qtbot, window, language):
    if language != "en":
        window = window.set_language(language)
        qtbot.addWidget(window)
    click_zone(qtbot, window, "plantar-left", "lumbar-spine")
    assert ("Ischias" if language == "de" else "Sciatica") in window.info.toPlainText()
    for width in range(240, 560, 12):
        window.resizeDocks([window.info_dock], [width], Qt.Orientation.Horizontal)
        qtbot.wait(1)
        assert broken_links(window.info) == [], width
