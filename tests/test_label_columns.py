"""layout/columns.py alone (no Qt): a label column's room follows the feet's width, not the
text size, so that larger text never shrinks the feet on screen past a fair share."""

from __future__ import annotations

import pytest

from reflexmap.layout.columns import COLUMNS_PER_FEET, MIN_COLUMN_EMS, column_room, feet_width


def test_feet_side_by_side_add_up_and_side_views_count_the_widest():
    assert feet_width([90.0, 95.0], wide=False) == 185.0
    assert feet_width([250.0, 240.0], wide=True) == 250.0
    assert feet_width([], wide=False) == 0.0


@pytest.mark.parametrize("label_mm", [3.0, 4.6, 6.9, 8.6])
def test_the_columns_together_take_at_most_their_share_of_the_feet(label_mm):
    feet = 190.0
    room = column_room(feet, 4, label_mm)
    assert room * 4 <= COLUMNS_PER_FEET * feet + 1e-9 or room == MIN_COLUMN_EMS * label_mm
    assert room >= MIN_COLUMN_EMS * label_mm  # a few letters and "…" would name nothing


def test_larger_text_does_not_widen_the_columns_while_the_floor_allows():
    assert column_room(190.0, 4, 4.6) == column_room(190.0, 4, 6.9)


def test_no_feet_or_columns_leave_the_floor():
    assert column_room(0.0, 4, 4.6) == MIN_COLUMN_EMS * 4.6
    assert column_room(190.0, 0, 4.6) == MIN_COLUMN_EMS * 4.6
