"""Largest text on a small screen (S14-11): the map's labels are read at the size chosen.

At German, Largest text, a 1024×768 screen's window (922×690 without a window manager) the
chart fitted whole stopped growing its text: the zone labels came out smaller on screen than
at Normal, and the columns bounded by the feet cut 14 names ("Nasennebe…"), the Mastery heat
map almost all ("Nasen… (neu)"). Now every name is whole (two lines where needed) and the
labels are at least Normal's size on screen; the map shows less of the chart and pans."""

from __future__ import annotations

import pytest

from reflexmap.ui.map_view import MAX_TEXT_GROWTH, MIN_TEXT_PX

SIZE = (922, 690)


def _label_px(window) -> float:
    view = window.map
    return view.chart.label_mm * view.pixels_per_mm()


def _cut(window) -> list[str]:
    return sorted(
        {label.text.text() for label in window.map.chart.labels.values() if "\u2026" in label.text.text()}
    )


@pytest.mark.parametrize("heat_map", [False, True], ids=["chart", "heat map"])
def test_largest_text_labels_whole_and_not_smaller_than_normal(window_in, qtbot, heat_map):
    normal = window_in("de", size=SIZE)
    if heat_map:
        normal.mastery_action.trigger()
        qtbot.wait(50)
    normal_px = _label_px(normal)
    window = window_in("de", size=SIZE, text_scale=1.5)
    if heat_map:
        window.mastery_action.trigger()  # View → Mastery heat map
        qtbot.wait(50)
    assert window.map.chart.labels
    assert _cut(window) == []
    px = _label_px(window)
    assert px >= normal_px
    assert px >= MIN_TEXT_PX * 1.5 / MAX_TEXT_GROWTH * 0.99  # what Largest allows: 10.8 px
