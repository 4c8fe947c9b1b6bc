"""Issue 8: keyboard, screen readers, colour themes and text size, on the real window."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible, QKeySequence
from PySide6.QtWidgets import QApplication, QDialog, QTextBrowser

from reflexmap.render import palette
from reflexmap.render.chart_scene import LABEL_MM
from reflexmap.render.zone_item import ZoneItem

ROOT = Path(__file__).resolve().parents[2]


def focus_map_by_keyboard(qtbot, window) -> None:
    for _step in range(6):
        if window.map.hasFocus():
            return
        qtbot.keyClick(window, Qt.Key.Key_F6)
    raise AssertionError("F6 never reached the map")


def test_keyboard_only_walk_reaches_every_zone_in_foot_order(qtbot, window):
    """From the window's start, keys only: F6 to the map, Tab through every zone of every view."""
    for aspect, key in (("plantar", Qt.Key.Key_1), ("medial", Qt.Key.Key_2), ("lateral", Qt.Key.Key_3)):
        qtbot.keyClick(window, key, Qt.KeyboardModifier.ControlModifier)
        assert window.state.aspect == aspect
        focus_map_by_keyboard(qtbot, window)
        qtbot.keyClick(window.map, Qt.Key.Key_Escape)  # start the walk from the first zone
        order = window.map.chart.keyboard_order()
        seen = []
        for _step in order:
            qtbot.keyClick(window.map, Qt.Key.Key_Tab)
            seen.append((window.state.view_id, window.state.zone_id))
            assert window.state.atlas.zone(window.state.zone_id).name in window.info.toPlainText()
        assert seen == order  # every zone once, in the foot's order
        # along the foot: toes first, then down to the heel, left foot before right
        first_left = [z for v, z in order if v.endswith("left")]
        if aspect == "plantar":
            assert first_left[0] == "head-brain" and first_left.index("coccyx") > first_left.index("neck")


def test_f6_cycles_panes_and_back(qtbot, window):
    focus_map_by_keyboard(qtbot, window)
    qtbot.keyClick(window, Qt.Key.Key_F6)
    assert window.zones.search.hasFocus()
    qtbot.keyClick(window, Qt.Key.Key_F6)
    assert window.zones.list.hasFocus()
    qtbot.keyClick(window, Qt.Key.Key_F6, Qt.KeyboardModifier.ShiftModifier)
    assert window.zones.search.hasFocus()


def test_standard_actions_use_the_platforms_standard_keys(window):
    actions = {a.text().replace("&", ""): a for a in window.actions()}
    standard = {
        "Open chart…": QKeySequence.StandardKey.Open,
        "Handouts and printing…": QKeySequence.StandardKey.Print,
        "Quit": QKeySequence.StandardKey.Quit,
        "Zoom in": QKeySequence.StandardKey.ZoomIn,
        "Zoom out": QKeySequence.StandardKey.ZoomOut,
        "Find zone…": QKeySequence.StandardKey.Find,
        "Keyboard shortcuts": QKeySequence.StandardKey.HelpContents,
    }
    for text, key in standard.items():
        assert actions[text].shortcut() == QKeySequence(key), text


def test_shortcuts_dialog_lists_every_shortcut(qtbot, window):
    window.show_shortcuts()
    dialog = window.findChild(QDialog, "shortcuts")
    text = dialog.findChild(QTextBrowser).toPlainText()
    for action in window.actions():
        if action.shortcut().toString():
            assert action.shortcut().toString(QKeySequence.SequenceFormat.NativeText) in text
            assert action.text().replace("&", "") in text
    assert "F6" in text and "Tab" in text


def test_every_zone_item_has_an_accessible_name_and_description(window):
    interface = QAccessible.queryAccessibleInterface(window.map)
    for aspect in window.state.atlas.aspects():
        window.state.set_aspect(aspect)
        items = {key for key, item in window.map.chart.zone_items.items() if isinstance(item, ZoneItem)}
        assert interface.childCount() == len(items)
        children = [interface.child(i) for i in range(interface.childCount())]
        assert {child.key for child in children} == items
        for child in children:
            zone = window.state.atlas.zone(child.key[1])
            assert child.text(QAccessible.Text.Name) == zone.name
            description = child.text(QAccessible.Text.Description)
            assert f"Charts place {zone.claim} here." in description
            assert child.role() == QAccessible.Role.ListItem and not child.rect().isEmpty()


def test_selecting_a_zone_makes_it_the_focused_accessible_child(qtbot, window):
    window.state.select("sacrum")
    interface = QAccessible.queryAccessibleInterface(window.map)
    child = interface.focusChild()
    assert child.text(QAccessible.Text.Name) == "Sacrum" and child.state().selected
    assert "Charts place the sacrum here." in interface.text(QAccessible.Text.Description)
    assert "Sacrum" in window.info.accessibleDescription()


def test_panels_have_accessible_names(window):
    for widget in (window.map, window.info, window.zones.search, window.zones.list, window.coordinates):
        assert widget.accessibleName(), widget


def test_dark_and_high_contrast_themes_recolour_the_window_and_chart(qtbot, window, settings):
    window.set_theme("dark")
    assert palette.current is palette.DARK and settings.value("appearance/theme") == "dark"
    assert window.map.chart.backgroundBrush().color().name() == palette.DARK.paper
    assert QApplication.instance().palette().window().color().name() == palette.DARK.window["Window"]
    light_width = 0.35
    window.set_theme("high-contrast")
    item = next(iter(window.map.chart.zone_items.values()))
    assert item.pen().widthF() == light_width * palette.HIGH_CONTRAST.line_scale
    assert item.brush().color().alpha() == palette.HIGH_CONTRAST.fill_alpha
    window.set_theme("light")
    assert window.map.chart.backgroundBrush().color().name() == palette.LIGHT.paper


def test_selection_is_shown_by_more_than_colour(qtbot, window):
    """A selected zone gets a much heavier outline and a bold label, in every theme."""
    for theme in ("light", "high-contrast"):
        window.set_theme(theme)
        window.state.select("lumbar-spine")
        items = window.map.chart.zone_items
        selected = items[("plantar-left", "lumbar-spine")]
        other = items[("plantar-left", "sacrum")]
        assert selected.pen().widthF() >= 3 * other.pen().widthF()
        assert window.map.chart.labels[("plantar-left", "lumbar-spine")].text.font().bold()


def test_text_size_setting_scales_panels_and_map_labels(qtbot, window, settings):
    app = QApplication.instance()
    before = app.font().pointSizeF()
    window.set_text_scale(1.5)
    assert settings.value("appearance/text-scale") == 1.5
    assert app.font().pointSizeF() == before * 1.5
    chart = window.map.chart  # 1.5 times the labels, unless the window needs larger type still
    assert abs(chart.label_mm - max(LABEL_MM * 1.5, chart.min_text_mm)) < 1e-9
    assert chart.label_mm >= LABEL_MM * 1.5
    window.set_text_scale(1.0)
    assert app.font().pointSizeF() == before


def test_high_dpi_screenshot_has_device_pixels(tmp_path: Path):
    """At a scale factor of 2 the window is drawn with twice the pixels, not blown up."""
    out = tmp_path / "hidpi.png"
    home = tmp_path / "home"
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "QT_SCALE_FACTOR": "2",
        "XDG_CONFIG_HOME": str(home / "c"),
        "XDG_DATA_HOME": str(home / "d"),
        "XDG_CACHE_HOME": str(home / "k"),
    }
    command = [sys.executable, "-m", "reflexmap", "--screenshot", str(out), "--size", "800x500"]
    subprocess.run(command, env=env, cwd=ROOT, check=True, capture_output=True, timeout=120)
    from PySide6.QtGui import QImage

    image = QImage(str(out))
    assert (image.width(), image.height()) == (1600, 1000)


def test_the_system_theme_is_followed_until_one_is_chosen(qtbot, window, settings):
    """Qt's colorSchemeChanged (the desktop went dark) reaches the window; the offscreen
    platform cannot change its scheme, so the test delivers what the signal carries."""
    assert settings.value("appearance/theme", "system") == "system"
    window.settings_menu.system_scheme_changed(Qt.ColorScheme.Dark)
    assert palette.current is palette.DARK
    assert window.map.chart.backgroundBrush().color().name() == palette.DARK.paper
    window.settings_menu.system_scheme_changed(Qt.ColorScheme.Light)
    assert palette.current is palette.LIGHT
    window.set_theme("high-contrast")  # a manual choice wins over the desktop's
    window.settings_menu.system_scheme_changed(Qt.ColorScheme.Light)
    assert palette.current is palette.HIGH_CONTRAST


def test_selection_is_announced_when_a_screen_reader_listens(qtbot, window):
    """With accessibility active, selecting sends focus and selection events for the zone."""
    QAccessible.setActive(True)
    try:
        for zone_id in ("sacrum", "coccyx", ""):
            window.state.select(zone_id)  # must not raise, and reaches announce_selection
        interface = QAccessible.queryAccessibleInterface(window.map)
        window.state.select("coccyx")
        assert interface.focusChild().text(QAccessible.Text.Name) == "Coccyx"
    finally:
        QAccessible.setActive(False)


def test_a_screen_reader_listening_from_the_start_is_given_the_maps_zones(qtbot, make_window):
    """The map's interface is installed after the start is ready (ui/accessibility.py): with a
    screen reader already listening when the window is shown, Qt made a plain widget's interface
    for the map first; it is dropped, and the map's own (one child per zone) answers."""
    QAccessible.setActive(True)
    try:
        window = make_window()
        qtbot.waitUntil(lambda: window.map.accessible)
        interface = QAccessible.queryAccessibleInterface(window.map)
        items = [item for item in window.map.chart.zone_items.values() if isinstance(item, ZoneItem)]
        assert interface.childCount() == len(items) > 0
        assert interface.child(0).role() == QAccessible.Role.ListItem
    finally:
        QAccessible.setActive(False)
