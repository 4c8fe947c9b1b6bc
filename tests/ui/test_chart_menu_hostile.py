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
        assert f"{isolated(name.replace(RLO, chr(92) + 'u202e'))} (has errors)" in item, repr(item)
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


def test_a_file_name_is_shown_as_written_its_controls_never_obeyed(
    qtbot, make_window, settings, tmp_path: Path, data_dir
):
    """S21-6: a right-to-left override inside a file's name turned the name itself around in
    the Chart menu ("evil" read "live": the "invoice<RLO>fdp.exe" trick), and a line break in
    it reached the window's title. A file's name shows its controls as escapes, everywhere it
    is named: the menu, the window's title, the status bar after a save."""
    chart = tmp_path / f"line1\nline2 {RLO}evil\u202c.yaml"
    chart.write_text((data_dir / "small.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    settings.setValue("chart/recent", [str(chart)])
    window = make_window()
    shown = "line1\\nline2 \\u202eevil\\u202c.yaml"
    menu = open_chart_menu(qtbot, window)
    try:
        item = next(text for text in chart_items(menu) if "evil" in text)
    finally:
        menu.close()
    assert shown in item and RLO not in item and "\n" not in item, repr(item)
    window.open_chart(chart)
    close_boxes()
    title = window.windowTitle()
    assert shown in title and RLO not in title and "\n" not in title, repr(title)
    window.edit_action.trigger()
    from .test_editor import drag

    drag(qtbot, window, "plantar-left", (0, 25), (0, 30))  # a change to save
    window.save_action.trigger()
    said = window.statusBar().currentMessage()
    assert "evil" in said and RLO not in said and "\n" not in said, repr(said)
