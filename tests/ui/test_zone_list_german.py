"""The zone list's search in German: a word found inside compound names ("Darm" in
"Dünndarm"), typed into the search field as a German therapist would."""

from __future__ import annotations


def _searched_in_german(qtbot, make_window, typed: str):
    """The window in German, `typed` into the zone list's search field."""
    window = make_window().set_language("de")
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.zones.focus_search()
    qtbot.keyClicks(window.zones.search, typed)
    return window


def test_german_search_finds_compound_names(qtbot, make_window):
    window = _searched_in_german(qtbot, make_window, "Darm")
    found = window.zones.visible_zone_ids()
    assert {"small-intestine", "rectum", "transverse-colon"} <= set(found), found
    assert "Keine Zone" not in window.zones.hint.text()


def test_a_match_in_another_chart_names_it_in_a_german_sentence(qtbot, make_window, settings):
    """ "Ischiasnerv (62-A/B) — in der Karte „Chinesische und japanische Verortungen …“": a
    chart's title is a name, set in the sentence as one (before: "— in Chinesische und
    japanische Verortungen", the title where German wants the dative: tryout)."""
    from reflexmap.atlas import builtin_chart_path
    from reflexmap.ui.zone_list import CHART_ROLE

    other = builtin_chart_path().parent / "alternative-placements.yaml"
    settings.setValue("chart/recent", [str(other)])
    window = _searched_in_german(qtbot, make_window, "Ischias")
    model = window.zones.proxy

    def others() -> list[str]:
        rows = [model.index(r, 0) for r in range(model.rowCount())]
        return [i.data().replace("\u2068", "").replace("\u2069", "") for i in rows if i.data(CHART_ROLE)]

    qtbot.waitUntil(lambda: bool(others()), timeout=60000)
    assert all(" — in der Karte „Chinesische und japanische Verortungen" in row for row in others()), others()
