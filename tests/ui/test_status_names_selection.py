"""A selected zone is named in the status bar however it was selected (tryout S18-17: with
`--select head-brain` the bar said only "…: 54 zones" until a click; the chart's count, said
once the map is drawn or a view is switched, took the place of the zone's words)."""

from __future__ import annotations

from PySide6.QtCore import Qt

from reflexmap.content import zone_card
from reflexmap.ui.app import create_window

from .conftest import click_zone
from .test_accessibility import focus_map_by_keyboard


def named(window, zone_id: str) -> bool:
    """The bar's message names the zone, as a click has it say: "Name: charts place …"."""
    zone = window.state.atlas.zone(zone_id)
    return window.statusBar().currentMessage() == zone_card.summary_text(zone)


def test_a_zone_selected_at_start_is_named_as_by_a_click(qtbot, settings, tmp_path):
    # as reflexmap --select head-brain starts (app.run): selected before the window shows
    window = create_window(None, settings, progress_path=tmp_path / "progress.json")
    qtbot.addWidget(window)
    window.resize(1440, 900)
    window.state.select("head-brain")
    window.show()
    qtbot.waitExposed(window)
    qtbot.wait(300)  # the map drawn, the chart's words said
    assert window.state.zone_id == "head-brain"
    assert named(window, "head-brain"), window.statusBar().currentMessage()


def test_a_zone_found_by_search_is_named(qtbot, window):
    qtbot.keyClicks(window.zones.search, "pancreas")
    qtbot.keyClick(window.zones.search, Qt.Key.Key_Return)
    qtbot.wait(300)
    assert window.state.zone_id == "pancreas"
    assert named(window, "pancreas"), window.statusBar().currentMessage()


def test_a_zone_reached_by_keyboard_is_named_and_stays_named_across_a_view_switch(qtbot, window):
    focus_map_by_keyboard(qtbot, window)
    qtbot.keyClick(window.map, Qt.Key.Key_Tab)
    qtbot.wait(300)
    zone_id = window.state.zone_id
    assert zone_id and named(window, zone_id), window.statusBar().currentMessage()
    atlas = window.state.atlas
    sole, inner = ({z.id for z in atlas.zones_in(view)} for view in ("plantar-left", "medial-left"))
    both = sorted(sole & inner)
    click_zone(qtbot, window, "plantar-left", both[0])
    qtbot.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)  # the medial view
    qtbot.wait(300)
    assert window.state.aspect == "medial" and window.state.zone_id == both[0]  # kept: drawn there too
    assert named(window, both[0]), window.statusBar().currentMessage()
