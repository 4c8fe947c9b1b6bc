"""A selected zone's label turns bold, which makes it wider: on the fitted map it stays inside
the map (the bold name of a zone in the outer column on the right ran past the map's edge)."""

from __future__ import annotations

import pytest

from .conftest import click_zone
from .test_editor_form import labels_outside


@pytest.mark.parametrize("language", ["en", "de"])
@pytest.mark.parametrize("zone_id", ["pelvis", "sciatic-nerve"])
def test_a_selected_label_stays_inside_the_fitted_map(qtbot, window, language, zone_id):
    window.text_size_actions[1.5].trigger()  # Settings → Text size → Largest
    if language != "en":
        window = window.set_language(language)
        qtbot.addWidget(window)
    window.resize(1440, 900)
    qtbot.wait(100)
    click_zone(qtbot, window, "plantar-left", zone_id)
    assert window.state.zone_id == zone_id
    assert labels_outside(window) == []
