"""The zone list's search in German: a word found inside compound names ("Darm" in
"Dünndarm"), typed into the search field as a German therapist would."""

from __future__ import annotations


def test_german_search_finds_compound_names(qtbot, make_window):
    window = make_window().set_language("de")
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.zones.focus_search()
    qtbot.keyClicks(window.zones.search, "Darm")
    found = window.zones.visible_zone_ids()
    assert {"small-intestine", "rectum", "transverse-colon"} <= set(found), found
    assert "Keine Zone" not in window.zones.hint.text()
