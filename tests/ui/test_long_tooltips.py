"""A chart's texts may be 4,000 characters long: their tooltips, shown as a person points at a
zone in the list or at a guide line, are cut with an ellipsis instead of covering the window."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QPoint
from PySide6.QtGui import QHelpEvent
from PySide6.QtWidgets import QApplication, QToolTip

from reflexmap.content.markup import TOOLTIP_CHARS

from .conftest import viewport_pos

LONG_CLAIM = ("the long claim " * 267)[:3999]


def long_chart(data_dir: Path, folder: Path) -> Path:
    text = (data_dir / "small.yaml").read_text(encoding="utf-8")
    path = folder / "long-claim.yaml"
    path.write_text(text.replace('claim: "the pelvis"', f'claim: "{LONG_CLAIM}"', 1), encoding="utf-8")
    return path


def tooltip_at(qtbot, widget, pos: QPoint) -> str:
    """The tooltip the widget shows when the pointer rests at `pos` (the event Qt sends then)."""
    QToolTip.hideText()
    event = QHelpEvent(QEvent.Type.ToolTip, pos, widget.mapToGlobal(pos))
    QApplication.sendEvent(widget, event)
    qtbot.waitUntil(QToolTip.isVisible)
    return QToolTip.text()


def test_a_zone_list_tooltip_of_a_4000_character_claim_is_cut(qtbot, window, data_dir, tmp_path):
    window.open_chart(long_chart(data_dir, tmp_path))
    view = window.zones.list
    row = next(r for r in range(view.model().rowCount()) if view.model().index(r, 0).data() == "Heel")
    rect = view.visualRect(view.model().index(row, 0))
    text = tooltip_at(qtbot, view.viewport(), rect.center())
    assert len(text) < TOOLTIP_CHARS + 200, len(text)  # 4,000 characters before
    assert "the long claim" in text and "\u2026" in text
    assert text.rstrip("</p>").endswith("here")  # the app's own sentence stays whole


def test_a_guide_line_tooltip_of_a_4000_character_name_is_cut(qtbot, window, data_dir, tmp_path):
    text = (data_dir / "small.yaml").read_text(encoding="utf-8")
    path = tmp_path / "long-guide.yaml"
    path.write_text(text.replace('name: "Waistline"', f'name: "{"Waist " * 666}"', 1), encoding="utf-8")
    window.open_chart(path)
    qtbot.waitUntil(lambda: window.state.atlas.path is not None and Path(window.state.atlas.path) == path)
    tip = tooltip_at(qtbot, window.map.viewport(), viewport_pos(window, "plantar-left", -19.0, 50.0))
    assert "Waist Waist" in tip and "\u2026" in tip
    assert len(tip) < TOOLTIP_CHARS + 200, len(tip)
