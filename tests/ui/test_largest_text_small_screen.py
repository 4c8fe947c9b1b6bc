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


def _pushed(chart) -> dict[str, tuple[int, int, float]]:
    """Each sole's (labels left, labels right, the farthest a label stands off its zone's
    level in mm)."""
    found = {}
    for frame in chart.frames:
        left, right, _below = chart._label_sides(chart.atlas, frame.view, False)
        off = [
            abs(
                label.text.sceneBoundingRect().center().y()
                - chart.to_scene(view_id, *chart.anchors[(view_id, zone_id)]).y()
            )
            for (view_id, zone_id), label in chart.labels.items()
            if view_id == frame.view.id
        ]
        found[frame.view.id] = (len(left), len(right), max(off))
    return found


def test_sole_columns_balanced_by_their_room(window_in, qtbot):
    """German at Largest on 1024×768: the left column held 19 labels against 16 (old code:
    "Linke Kolonflexur" 49 mm, with whole names up to 67 mm, below its zone); the columns are
    balanced by the room they have and hold at most their feet's height of labels. The sides
    are chosen again when the labels' size changes (Largest → Normal: as a fresh window's)."""
    window = window_in("de", size=SIZE)
    normal = _pushed(window.map.chart)
    window.settings_menu.text_size_actions[1.5].trigger()
    qtbot.wait(50)
    largest = _pushed(window.map.chart)
    for left, right, off in largest.values():
        assert abs(left - right) <= 2
        assert off < 45.0
    window.settings_menu.text_size_actions[1.0].trigger()
    qtbot.wait(50)
    # the same sides (how far a label stands off its zone, in mm, follows the text size: this
    # window is too small for 9 px labels, and the fresh window's drawing, made while it was
    # resized, keeps larger text than the one drawn at its final size; both hold the floor)
    back = _pushed(window.map.chart)
    assert {view: sides[:2] for view, sides in back.items()} == {v: s[:2] for v, s in normal.items()}
