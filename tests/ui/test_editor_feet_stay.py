# ruff: noqa: F811 (the editing fixtures come from test_editor)
"""Zones drawn by clicks while editing keep both feet where they are on screen. A zone by a
foot's inner edge was labelled in the column between the feet; a first label there opened
that column and pushed the other foot about 70 px away (a tryout on a new chart: 'each zone
drawn pushes the feet apart'). Kept in place, such a label goes to its foot's outer column;
Fit to window lays the labels out afresh."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction

from reflexmap.atlas import load_atlas

from .conftest import click_mm, viewport_pos
from .test_editor import DATA


@pytest.fixture
def new_chart(make_window, tmp_path, qtbot):
    """The small chart's outlines with no zones (as File → New chart makes one), editing."""
    text = (DATA / "small.yaml").read_text()
    path = tmp_path / "new.yaml"
    path.write_text(text[: text.index("\nzones:")] + "\nzones: []\n")
    window = make_window(load_atlas(path))
    window.edit_action.trigger()
    yield window
    window.editor.saving.discard()


def feet(window) -> list[tuple[int, int]]:
    return [
        (p.x(), p.y()) for p in (viewport_pos(window, v, 0, 0) for v in ("plantar-left", "plantar-right"))
    ]


def draw(qtbot, window, view_id, corners) -> str:
    window.draw_action.trigger()
    for point in corners:
        click_mm(qtbot, window, view_id, *point)
    qtbot.keyClick(window.map, Qt.Key.Key_Return)
    qtbot.wait(20)
    return window.state.zone_id


def test_zones_drawn_by_the_inner_edges_keep_the_feet_in_place(qtbot, new_chart):
    """Fails on the old code: the right foot moved at the first inner zone of each foot."""
    editing = new_chart
    chart = editing.map.chart
    assert not chart.labels
    before = feet(editing)
    drawn = [
        draw(qtbot, editing, "plantar-left", [(10, 60), (18, 60), (18, 70), (10, 70)]),
        draw(qtbot, editing, "plantar-left", [(10, 76), (18, 76), (18, 86), (10, 86)]),
    ]
    assert all(editing.state.atlas.has_zone(z) for z in drawn)
    assert all(("plantar-left", z) in chart.labels for z in drawn)  # labelled, on the map
    assert feet(editing) == before
    editing.undo_action.trigger()
    editing.redo_action.trigger()
    qtbot.wait(20)
    assert feet(editing) == before
    drawn.append(draw(qtbot, editing, "plantar-right", [(10, 40), (18, 40), (18, 48), (10, 48)]))
    assert ("plantar-right", drawn[-1]) in chart.labels
    assert feet(editing) == before


def test_labels_hidden_and_shown_again_while_editing_keep_their_columns(qtbot, make_window, tmp_path):
    """Labels hidden (L) and shown again while the map is kept in place: the drawing before
    had no labels, which says nothing of its columns between the feet (taken as closed, every
    label there went to the outer columns)."""
    import shutil

    path = tmp_path / "chart.yaml"
    shutil.copy(DATA.parents[1] / "zones" / "ingham-western.yaml", path)
    window = make_window(load_atlas(path))
    window.edit_action.trigger()
    window.map.zoom(1.25)  # kept in place from now on
    sides = {key: label.side for key, label in window.map.chart.labels.items()}
    assert "right" in {side for (view, _z), side in sides.items() if view == "plantar-left"}
    action = next(
        a
        for a in window.findChildren(QAction)
        if a.objectName() == "labels" or a.shortcut().toString() == "L"
    )
    action.trigger()
    assert not any(label.text.isVisible() for label in window.map.chart.labels.values())
    action.trigger()
    qtbot.wait(20)
    assert {key: label.side for key, label in window.map.chart.labels.items()} == sides
    window.editor.saving.discard()
