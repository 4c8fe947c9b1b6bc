"""Editing one zone leaves the other zones' labels in the columns they stood in (issue 16):
dragging the pelvis's top-left corner by (+30, -40) px on a 1440×900 window sent "Rectum" to
the left foot's right column and "Bladder" to the right foot's left column (S18-9). Through
the real editor: edit mode, a click on the zone, a real drag of its handle on the viewport."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt

from reflexmap.atlas import load_atlas

from .conftest import click_mm, viewport_pos

WESTERN = Path(__file__).resolve().parents[2] / "zones" / "ingham-western.yaml"
CORNER = (-30.5, 66.0)  # the pelvis's top-left corner on the left sole


def _sides(window) -> dict:
    return {key: label.side for key, label in window.map.chart.labels.items() if key[1] != "pelvis"}


def test_dragging_the_pelvis_corner_leaves_the_other_labels_in_their_columns(qtbot, make_window, tmp_path):
    path = tmp_path / "western.yaml"
    shutil.copy(WESTERN, path)
    window = make_window(load_atlas(path))
    window.edit_action.trigger()
    assert window.editor.active
    click_mm(qtbot, window, "plantar-left", 0.0, 50.0)  # inside the pelvis, off the other zones
    assert window.state.zone_id == "pelvis"
    before = _sides(window)
    assert before[("plantar-left", "rectum")] and before[("plantar-right", "bladder")]
    viewport = window.map.viewport()
    a = viewport_pos(window, "plantar-left", *CORNER)
    b = a + QPoint(30, -40)
    alt = Qt.KeyboardModifier.AltModifier  # no snapping
    qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, alt, a)
    for i in range(1, 9):
        qtbot.mouseMove(viewport, QPoint(a.x() + 30 * i // 8, a.y() - 40 * i // 8))
    qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, alt, b)
    qtbot.waitUntil(lambda: window.editor.session.stack.count() == 1, timeout=5000)
    shape = window.state.atlas.zone("pelvis").shapes["plantar-left"][0]
    assert CORNER not in shape  # the corner moved
    after = _sides(window)
    moved = {key: (before[key], after.get(key)) for key in before if after.get(key) != before[key]}
    assert not moved


# (10, 174): an 8 × 6 mm zone drawn by the heart sent the heart's label to the left column
# (S17-13's kind); clicks with Alt, as a person does to place corners off the others' points
@pytest.mark.parametrize("where", [(10.0, 174.0), (-15.0, 70.0)])
def test_a_zone_drawn_leaves_the_other_labels_in_their_columns(qtbot, make_window, tmp_path, where):
    path = tmp_path / "western.yaml"
    shutil.copy(WESTERN, path)
    window = make_window(load_atlas(path))
    window.edit_action.trigger()
    before = _sides(window)
    window.draw_action.trigger()
    x, y = where
    for point in ((x, y), (x + 8, y), (x + 8, y + 6), (x, y + 6)):
        at = viewport_pos(window, "plantar-left", *point)
        qtbot.mouseClick(
            window.map.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.AltModifier, at
        )
    qtbot.keyClick(window.map, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.state.atlas.has_zone("new-zone-1"), timeout=5000)
    after = _sides(window)
    assert any(key[1] == "new-zone-1" for key in after)  # the new zone is labelled
    assert {key: (before[key], after[key]) for key in before if after.get(key) != before[key]} == {}
