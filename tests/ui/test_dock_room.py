"""On a small window the docks give way: the map keeps a usable share of the window's width.
On a 1024×700 window at Largest text in German the zone list asked 586 pixels for its search
field's whole placeholder, and the map was left 430 pixels wide."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QDockWidget

from reflexmap.ui.dock_room import MAP_SHARE


def docks_shown(window) -> list[QDockWidget]:
    return [d for d in window.findChildren(QDockWidget) if d.isVisible() and not d.isFloating()]


def check_room(window) -> None:
    width = window.width()
    docks = docks_shown(window)
    assert docks, "the docks are open"
    # the map's frame and the dock separators take a few pixels besides
    assert window.map.width() >= MAP_SHARE * width - 12, (window.map.width(), [d.width() for d in docks])
    for dock in docks:  # the docks are there, not collapsed to nothing
        assert dock.width() >= 200, (dock.objectName(), dock.width())


@pytest.mark.parametrize("language", ["en", "de"])
def test_docks_give_the_map_its_share_on_a_small_window(qtbot, largest_text_window, language):
    window = largest_text_window(language)
    window.resize(1024, 700)
    qtbot.wait(100)
    check_room(window)
    search = window.zones.search
    # the search's placeholder is shortened to its room, whole in the tooltip
    assert search.fontMetrics().horizontalAdvance(search.placeholderText()) <= search.width() - 30
    if search.toolTip():  # shortened: the whole in the tooltip
        # the words in brackets left out first, whole (tryout: "…durchsuchen (Name, Zuordnung, Berei…")
        whole = search.toolTip()
        assert search.placeholderText() in (whole[: whole.index(" (")] + "…", whole), search.placeholderText()
    assert language == "en" or search.placeholderText() == "Alle Ansichten durchsuchen…"


def test_docks_give_way_in_edit_mode_too(qtbot, largest_text_window):
    window = largest_text_window("de")
    window.resize(1024, 700)
    qtbot.wait(50)
    window.edit_action.trigger()
    qtbot.wait(100)
    check_room(window)


def test_a_wide_window_keeps_its_docks_as_they_were(qtbot, make_window):
    window = make_window()
    window.resize(1440, 900)
    qtbot.wait(50)
    assert window.zones_dock.width() >= 340  # the first width, 360 px, where it fits
    search = window.zones.search
    assert search.placeholderText() == "Search all views (name, claim, region)…" and not search.toolTip()
