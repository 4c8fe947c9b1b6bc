"""Names are shortened in their label columns only where there is no room for them: a map
whose shape leaves room beside the chart (or above and below it: the feet's share of the
map is then larger than fair) gives the columns that room. At Largest text in German on a
1440×900 window, 30 labels were shortened (plantar 22, dorsal 8) with the columns bounded by
the feet's width alone."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from reflexmap.layout.columns import FEET_SHARE_OF_MAP, Drawn, column_room_on_screen

from .test_map_feet_share import feet_share
from .test_quiz_map_room import ASPECT_KEYS, largest_text_window

MAIN_CUT = 30  # labels shortened on main, German, Largest text, 1440×900 (all four views)


def cut_labels(window) -> list[str]:
    return [lb.text.text() for lb in window.map.chart.labels.values() if "…" in lb.text.text()]


def test_german_at_largest_text_shortens_fewer_names_and_only_where_the_feet_need_the_room(
    qtbot, make_window
):
    window = largest_text_window(qtbot, make_window, "de")
    window.resize(1440, 900)
    qtbot.wait(50)
    total = 0
    for key in ASPECT_KEYS:
        qtbot.keyClick(window.map, key, Qt.KeyboardModifier.ControlModifier)
        qtbot.wait(20)
        cut = cut_labels(window)
        _width, share = feet_share(window)
        print(window.state.aspect, len(cut), round(share, 2))
        total += len(cut)
        if cut:  # a name is shortened only where wider columns would take the feet's fair share
            assert share <= FEET_SHARE_OF_MAP + 0.05, (window.state.aspect, share, cut)
        assert share >= FEET_SHARE_OF_MAP - 0.06 or not cut
    assert total < MAIN_CUT * 0.8, total


def test_a_wider_window_gives_the_columns_its_room(qtbot, make_window):
    """The same chart on a window made wider: names shortened before are whole (drawn again
    on the resize), and narrower again: shortened again, the feet keeping their share."""
    window = largest_text_window(qtbot, make_window, "de")
    window.resize(1440, 900)
    qtbot.wait(50)
    narrow = len(cut_labels(window))
    assert narrow > 0
    window.resize(1900, 1000)
    qtbot.wait(100)
    wide = len(cut_labels(window))
    assert wide < narrow
    window.resize(1440, 900)  # (the docks may keep some of the width they were given)
    qtbot.wait(100)
    assert len(cut_labels(window)) > wide
    assert feet_share(window)[1] >= FEET_SHARE_OF_MAP - 0.06


@pytest.mark.parametrize(
    ("ratio", "feet_height", "expected"),
    [
        (0.0, 300.0, 40.0),  # no map (an export): the columns' own bound
        (1.0, 300.0, 40.0 + (300.0 / FEET_SHARE_OF_MAP - 500.0) / 4),  # the feet's fair share
        (3.0, 50.0, 40.0 + (400.0 * 3.0 - 500.0) / 4),  # a wide map: the room beside the chart
    ],
)
def test_column_room_on_screen(ratio, feet_height, expected):
    drawn = Drawn(width=500.0, height=400.0, feet_width=200.0, feet_height=feet_height, columns=4)
    assert column_room_on_screen(drawn, 40.0, ratio) == pytest.approx(expected)


def test_column_room_on_screen_never_narrower_than_the_columns_own_bound():
    drawn = Drawn(width=900.0, height=100.0, feet_width=100.0, feet_height=80.0, columns=4)
    assert column_room_on_screen(drawn, 40.0, 1.0) == 40.0
