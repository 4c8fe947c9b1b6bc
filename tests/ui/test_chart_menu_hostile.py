"""The Chart menu with charts whose titles or file names are hostile: opened as a person opens
it (from the menu bar), every item stays on the screen and the app's own words stay readable."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QApplication, QMenu, QMessageBox

from reflexmap.i18n import isolated

RLO = "\u202e"


def open_chart_menu(qtbot, window) -> QMenu:
    """The Chart menu, popped up from the menu bar (which fills it, as a click would)."""
    menu = next(a.menu() for a in window.menuBar().actions() if a.menu() is window.charts_menu)
    bar = window.menuBar()
    menu.popup(bar.mapToGlobal(QPoint(0, bar.height())))
    qtbot.waitUntil(menu.isVisible)
    return menu


def close_boxes() -> None:
    for box in QApplication.topLevelWidgets():
        if isinstance(box, QMessageBox) and box.isVisible():
            box.close()


def chart_items(menu: QMenu) -> list[str]:
    return [a.text() for a in menu.actions() if a.data()]


def test_a_broken_chart_whose_name_holds_a_direction_control_keeps_has_errors_readable(
    qtbot, make_window, settings, tmp_path: Path
):
    """A file name with a right-to-left override turned the app's own "(has errors)" after it
    into "(srorre sah)": the name is isolated inside the item's words."""
    name = f"chart{RLO}abc.yaml"
    broken = tmp_path / name
    broken.write_text("atlas_format: 1\nid: [unclosed\n", encoding="utf-8")
    settings.setValue("chart/recent", [str(broken)])
    window = make_window()
    window.open_chart(broken)  # tried: it has errors (the menu names it by what was read)
    close_boxes()
    menu = open_chart_menu(qtbot, window)
    try:
        item = next(text for text in chart_items(menu) if "abc.yaml" in text)
        assert f"{isolated(name)} (has errors)" in item, repr(item)
    finally:
        menu.close()


def test_a_chart_with_a_4000_character_title_stays_on_the_screen(
    qtbot, make_window, settings, tmp_path: Path, data_dir
):
    """A title of 4,000 characters made a menu item wider than the screen; it is cut with an
    ellipsis, and the Chart menu stays narrower than the window's screen."""
    text = (data_dir / "small.yaml").read_text(encoding="utf-8")
    title_line = next(line for line in text.splitlines() if line.startswith("title:"))
    long_title = "Long " * 799 + "Long"
    chart = tmp_path / "long-title.yaml"
    chart.write_text(text.replace(title_line, f'title: "{long_title}"', 1), encoding="utf-8")
    window = make_window()
    window.open_chart(chart)  # read: the menu names it by its title
    menu = open_chart_menu(qtbot, window)
    try:
        item = next(text for text in chart_items(menu) if "Long Long" in text)
        assert "\u2026" in item and len(item) < 200, len(item)
        assert menu.sizeHint().width() < window.screen().availableGeometry().width(), menu.sizeHint()
    finally:
        menu.close()
