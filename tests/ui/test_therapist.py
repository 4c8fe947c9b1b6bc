"""A therapist's tour, driven as a person drives it: clicks on the map, keys, menu items, the
search box. Selection survives view, theme, language and text-size changes; search covers every
view and the other charts; clicking the same point again steps through overlapping zones."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from reflexmap.atlas.geometry import to_shapely
from reflexmap.ui.zone_list import CHART_ROLE

from .conftest import CTRL_SHIFT, click_mm, click_zone, comparison_windows


def card(window) -> str:
    return window.info.toPlainText()


def overlap_point(atlas, view_id: str, first: str, second: str) -> tuple[float, float]:
    a = to_shapely(atlas.zone(first).shapes[view_id])
    b = to_shapely(atlas.zone(second).shapes[view_id])
    point = a.intersection(b).representative_point()
    return point.x, point.y


def list_current(window) -> str | None:
    index = window.zones.list.currentIndex()
    return index.data(Qt.ItemDataRole.UserRole + 1) if index.isValid() else None


# --- selection survives whatever the window redraws ------------------------------------------


@pytest.mark.parametrize("zone_id", ["heart", "sacrum"])
def test_selection_survives_theme_and_text_size_changes(qtbot, window, zone_id):
    click_zone(qtbot, window, "plantar-left", zone_id)
    assert window.state.zone_id == zone_id
    for action in [*window.theme_actions.values(), *window.text_size_actions.values()]:
        action.trigger()
        assert window.state.zone_id == zone_id, action.text()
        assert window.state.atlas.zone(zone_id).name in card(window).splitlines()[0]
        assert list_current(window) == zone_id
    window.theme_actions["light"].trigger()


def test_selection_survives_a_view_switch_or_is_cleared_never_replaced(qtbot, window):
    click_zone(qtbot, window, "plantar-left", "heart")  # drawn on the sole only
    window.aspect_actions["medial"].trigger()
    assert window.state.zone_id in ("", "heart")
    assert list_current(window) in (None, window.state.zone_id or None)
    window.aspect_actions["plantar"].trigger()
    click_zone(qtbot, window, "plantar-left", "sacrum")  # also on the inner side
    window.aspect_actions["medial"].trigger()
    assert window.state.zone_id == "sacrum"
    assert window.state.view_id.startswith("medial")
    assert list_current(window) == "sacrum"
    assert card(window).startswith("Sacrum")


def test_selection_survives_a_language_switch(qtbot, window):
    click_zone(qtbot, window, "plantar-left", "sacrum")
    window.language_actions["de"].trigger()
    german = window.successor
    qtbot.addWidget(german)
    assert german.state.zone_id == "sacrum"
    assert german.state.atlas.zone("sacrum").name in card(german)
    german.language_actions["en"].trigger()
    qtbot.addWidget(german.successor)
    assert german.successor.state.zone_id == "sacrum"


# --- search -----------------------------------------------------------------------------------


def test_search_finds_zones_on_other_views_and_says_where(qtbot, window):
    window.zones.focus_search()
    qtbot.keyClicks(window.zones.search, "hip")
    assert window.state.aspect == "plantar"
    rows = [window.zones.proxy.index(r, 0).data() for r in range(window.zones.proxy.rowCount())]
    hip = next(r for r in rows if r.startswith("Hip"))
    assert "Lateral" in hip or "lateral" in hip  # where it is drawn (Western: the outer ankle only)
    assert window.zones.hint.isVisible()
    row = rows.index(hip)
    rect = window.zones.list.visualRect(window.zones.proxy.index(row, 0))
    qtbot.mouseClick(window.zones.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    zone_id = window.state.zone_id
    assert zone_id.startswith("hip")
    assert window.state.aspect != "plantar"  # switched to a view that draws it
    assert any(view.startswith(window.state.aspect) for view in window.state.atlas.zone(zone_id).shapes)
    assert window.map.chart.zone_items[(window.state.view_id, zone_id)].selected


def test_search_matches_word_beginnings_in_any_order(qtbot, window):
    qtbot.keyClicks(window.zones.search, "low back")
    assert "lower-back" in window.zones.visible_zone_ids()
    window.zones.search.clear()
    qtbot.keyClicks(window.zones.search, "back low")
    assert "lower-back" in window.zones.visible_zone_ids()


def test_search_with_no_match_says_so(qtbot, window):
    qtbot.keyClicks(window.zones.search, "xylophone")
    assert window.zones.visible_zone_ids() == []
    assert "No zone" in window.zones.hint.text() and "xylophone" in window.zones.hint.text()


def test_search_lists_the_other_charts_zones_and_opens_them(qtbot, window):
    qtbot.keyClicks(window.zones.search, "sciatic")
    model = window.zones.proxy
    rows = [(model.index(r, 0).data(), model.index(r, 0).data(CHART_ROLE)) for r in range(model.rowCount())]
    elsewhere = [r for r in rows if r[1]]
    assert elsewhere, rows  # the alternative chart draws sciatic strips too
    row = rows.index(elsewhere[0])
    # a click on it opens that chart (the arrow keys passing it only mark it)
    rect = window.zones.list.visualRect(model.index(row, 0))
    qtbot.mouseClick(window.zones.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.waitUntil(lambda: "alternative" in str(window.state.atlas.path))
    assert window.state.zone_id  # the match is selected in that chart


def test_enter_in_the_search_box_selects_the_first_match_and_switches_view(qtbot, window):
    qtbot.keyClicks(window.zones.search, "knee")  # drawn on the side views only
    qtbot.keyClick(window.zones.search, Qt.Key.Key_Return)
    assert window.state.zone_id.startswith("knee")
    assert window.state.aspect in ("lateral", "medial")


# --- overlapping zones --------------------------------------------------------------------


def test_clicking_the_same_point_again_steps_through_the_zones_under_it(qtbot, window):
    atlas = window.state.atlas
    x, y = overlap_point(atlas, "plantar-left", "sacrum", "sciatic-nerve")
    click_mm(qtbot, window, "plantar-left", x, y)
    under = window.state.under_point
    assert len(under) >= 2 and window.state.zone_id == under[0]
    lines = card(window).splitlines()
    also = next(i for i, line in enumerate(lines) if line.startswith("Also under this point"))
    technique = lines.index("Technique")
    assert also < technique  # near the top, not below the sources
    seen = [window.state.zone_id]
    for _ in range(len(under)):
        qtbot.wait(QApplication.doubleClickInterval() + 20)  # two clicks, not a double-click
        click_mm(qtbot, window, "plantar-left", x, y)
        seen.append(window.state.zone_id)
    assert seen[: len(under)] == list(under)  # each in turn, most specific first
    assert seen[-1] == under[0]  # and round again
    assert f"Zone 1 of {len(under)}" in card(window)


def test_a_click_elsewhere_starts_again_at_the_top_zone(qtbot, window):
    atlas = window.state.atlas
    x, y = overlap_point(atlas, "plantar-left", "sacrum", "sciatic-nerve")
    click_mm(qtbot, window, "plantar-left", x, y)
    click_mm(qtbot, window, "plantar-left", x, y)
    assert window.state.zone_id != window.state.under_point[0]
    click_zone(qtbot, window, "plantar-left", "neck")
    click_mm(qtbot, window, "plantar-left", x, y)
    assert window.state.zone_id == window.state.under_point[0]


# --- the whole tour -------------------------------------------------------------------------


def test_a_therapists_tour(qtbot, window):
    """Click, overlaps, search across views, views by shortcut, the other chart, compare."""
    click_zone(qtbot, window, "plantar-left", "lumbar-spine")
    assert card(window).startswith("Lumbar spine")
    x, y = overlap_point(window.state.atlas, "plantar-left", "sacrum", "sciatic-nerve")
    click_mm(qtbot, window, "plantar-left", x, y)
    qtbot.wait(QApplication.doubleClickInterval() + 20)
    click_mm(qtbot, window, "plantar-left", x, y)
    assert window.state.zone_id == window.state.under_point[1]
    window.map.setFocus()
    qtbot.keyClick(window.map, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert window.state.aspect == "medial"
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.zones.search.hasFocus()
    qtbot.keyClicks(window.zones.search, "upper back")
    qtbot.keyClick(window.zones.search, Qt.Key.Key_Return)
    assert window.state.aspect == "dorsal" and window.state.zone_id == "upper-back"
    window.charts_menu.aboutToShow.emit()  # the menu lists the charts as it opens
    chart_items = [a for a in window.charts_menu.chart_actions() if "alternative" in a.data()]
    chart_items[0].trigger()
    assert "alternative" in str(window.state.atlas.path)
    qtbot.keyClick(window.map, Qt.Key.Key_C, CTRL_SHIFT)
    comparisons = comparison_windows()
    assert len(comparisons) == 1 and comparisons[0].rows()
    comparisons[0].close()


def test_the_other_zones_under_the_point_are_links_reached_by_keyboard(qtbot, window):
    atlas = window.state.atlas
    x, y = overlap_point(atlas, "plantar-left", "sacrum", "sciatic-nerve")
    click_mm(qtbot, window, "plantar-left", x, y)
    first, second = window.state.under_point[:2]
    window.info.setFocus()
    qtbot.keyClick(window.info, Qt.Key.Key_Tab)  # the first link on the card: the next zone under the point
    assert window.info.textCursor().selectedText() == atlas.zone(second).name
    qtbot.keyClick(window.info, Qt.Key.Key_Return)
    assert window.state.zone_id == second
    assert window.state.under_point[0] == first  # the stack is kept: the others are still offered
    assert atlas.zone(first).name in card(window)


def test_a_new_search_shows_its_first_match_at_the_top(qtbot, window):
    click_zone(qtbot, window, "plantar-left", "sciatic-nerve")  # a row far down the list
    qtbot.keyClicks(window.zones.search, "low back")
    first = window.zones.proxy.index(0, 0)
    assert window.zones.list.visualRect(first).top() == 0  # the first row, at the top
