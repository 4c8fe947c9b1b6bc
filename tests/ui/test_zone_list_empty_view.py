"""A view on which the chart draws no zone says so in the Zones list (S11-12: the synthetic
chart's Medial view showed empty feet and an empty list, and nothing said why); plain text,
in English and German; a view with zones shows no such word."""

from __future__ import annotations

from benchmarks.synthetic import write_synthetic_chart
from reflexmap.atlas import load_atlas


def test_a_view_without_zones_says_so_in_the_zone_list(qtbot, make_window, tmp_path):
    atlas = load_atlas(write_synthetic_chart(40, tmp_path))  # zones on the soles only
    window = make_window(atlas)
    hint = window.zones.hint
    assert window.zones.proxy.rowCount() == 40 and hint.isHidden()
    window.aspect_actions["medial"].trigger()  # View → Medial
    assert window.state.aspect == "medial" and window.zones.proxy.rowCount() == 0
    assert hint.isVisible() and hint.text() == "This chart draws no zones on this view."
    assert hint.textFormat().name == "PlainText"
    window.aspect_actions["plantar"].trigger()
    assert hint.isHidden()


def test_the_empty_view_is_said_in_german(qtbot, make_window, tmp_path):
    window = make_window(load_atlas(write_synthetic_chart(40, tmp_path))).set_language("de")
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.aspect_actions["medial"].trigger()
    assert window.zones.hint.isVisible()
    assert window.zones.hint.text() == "Diese Karte zeichnet auf dieser Ansicht keine Zonen."
