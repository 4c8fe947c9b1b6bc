"""A vertex dragged on the map and saved is written as the file writes its numbers: in the
small chart (integers) a corner dropped on the outline's corner is `[20, 0]`, beside
`[-18, 2]` (before: `[20.0, 0.0]`); a corner dropped between millimetres keeps the
editor's two decimals. A real drag on the viewport, File → Save, the file read back."""

from __future__ import annotations

import shutil

import pytest

from reflexmap.atlas import load_atlas

from .conftest import click_mm
from .test_editor import DATA, drag


@pytest.fixture
def small(tmp_path):
    path = tmp_path / "small.yaml"
    shutil.copy(DATA / "small.yaml", path)
    return path


def test_a_dragged_corner_is_saved_in_the_files_own_number_style(make_window, small, qtbot):
    chart = small
    window = make_window(load_atlas(chart))
    window.edit_action.trigger()
    click_mm(qtbot, window, "plantar-left", 0.0, 25.0)  # the heel, away from the band
    assert window.state.zone_id == "heel"
    drag(qtbot, window, "plantar-left", (18.0, 2.0), (19.7, 0.3))  # snaps to the outline's corner
    qtbot.waitUntil(lambda: window.editor.session.stack.count() == 1, timeout=3000)
    window.save_action.trigger()
    lines = chart.read_text(encoding="utf-8").split("\n")
    assert "      plantar-left: [[-18, 2], [20, 0], [18, 30], [-18, 30]]" in lines
    drag(qtbot, window, "plantar-left", (18.0, 30.0), (14.3, 33.1))
    qtbot.waitUntil(lambda: window.editor.session.stack.count() == 2, timeout=3000)
    window.save_action.trigger()
    heel = next(line for line in chart.read_text(encoding="utf-8").split("\n") if "[-18, 30]" in line)
    moved = heel.split("[")[4].rstrip("], ").split(", ")
    assert all("." in n and not n.endswith(".0") for n in moved), heel  # between millimetres
    assert heel.startswith("      plantar-left: [[-18, 2], [20, 0], [")
    assert load_atlas(chart).zone("heel").shapes == window.state.atlas.zone("heel").shapes
