"""The map's hover tooltip quotes chart text: however long or strange the zones' names and
claims, it stays a few lines long, shows them as written and keeps each one isolated, so a
right-to-left override in one name cannot reverse the names or words after it."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QTextDocumentFragment
from PySide6.QtWidgets import QToolTip

from reflexmap.content.markup import TOOLTIP_CHARS

from .conftest import viewport_pos

RLO = "\u202e"


def hostile_chart(data_dir: Path, folder: Path) -> Path:
    text = (data_dir / "small.yaml").read_text(encoding="utf-8")
    text = text.replace('name: "Heel"', f'name: "{("Heel " * 800)[:3999]}"', 1)
    text = text.replace('name: "Strip"', f'name: "{("Strip " * 700)[:3999]}"', 1)
    text = text.replace('claim: "the sacrum"', f'claim: "{("the long claim " * 267)[:3999]}"', 1)
    text = text.replace('name: "Band"', f'name: "<b>bold</b> Band {RLO}reversed"', 1)
    path = folder / "hostile-hover.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def unisolated_line(text: str) -> str | None:
    """A line where an override lies outside an isolate, or an isolate is left open."""
    for line in text.splitlines():
        depth = 0
        for char in line:
            if char == "\u2068":
                depth += 1
            elif char == "\u2069":
                depth -= 1
            elif char == RLO and depth == 0:
                return line
        if depth:
            return line
    return None


def test_the_hover_tooltip_over_long_and_reversing_names_is_short_plain_and_isolated(
    qtbot, window, data_dir, tmp_path
):
    window.open_chart(hostile_chart(data_dir, tmp_path))
    window.resize(1200, 800)
    qtbot.waitUntil(lambda: Path(window.state.atlas.path or "").name == "hostile-hover.yaml")
    qtbot.wait(50)
    QToolTip.hideText()
    # where the strip lies on top of the band and the heel
    qtbot.mouseMove(window.map.viewport(), viewport_pos(window, "plantar-left", 13.0, 14.0))
    qtbot.waitUntil(QToolTip.isVisible)
    tip = QToolTip.text()
    shown = QTextDocumentFragment.fromHtml(tip).toPlainText()
    QToolTip.hideText()
    assert len(tip) < TOOLTIP_CHARS + 200, len(tip)  # 8,000 characters before
    assert "Heel Heel" in shown and "the long claim" in shown and "\u2026" in shown
    assert "<b>bold</b> Band" in shown  # the name as written, not rendered bold
    assert "Strip Strip" in shown and shown.count("\n") == 2  # the name, its claim, the others
    assert unisolated_line(shown) is None, unisolated_line(shown)
