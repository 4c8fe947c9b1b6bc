"""S15-15: German typed without umlauts ("Schilddruese", as on a keyboard without ü) finds the
zone, as "Dunndarm" (the umlaut left out) already did; English words are found as before."""

from __future__ import annotations

import pytest

from reflexmap.ui.zone_list import ZONE_ID_ROLE


def _found(window, qtbot, typed: str) -> list[str]:
    search = window.zones.search
    search.clear()
    qtbot.keyClicks(search, typed)
    model = window.zones.list.model()
    return [model.index(r, 0).data(ZONE_ID_ROLE) for r in range(model.rowCount())]


@pytest.mark.parametrize(
    ("typed", "zone"),
    [
        ("Schilddruese", "throat-thyroid"),
        ("Bauchspeicheldruese", "pancreas"),
        ("duenndarm", "small-intestine"),
        ("Dunndarm", "small-intestine"),
        ("Nasennebenhoehlen", "sinuses"),
    ],
)
def test_german_search_with_umlauts_spelled_out(window_in, qtbot, typed, zone):
    window = window_in("de")
    assert zone in _found(window, qtbot, typed)


def test_english_search_unchanged(window, qtbot):
    assert _found(window, qtbot, "queue") == []  # nothing new matches nonsense
    assert "pancreas" in _found(window, qtbot, "pancreas")
