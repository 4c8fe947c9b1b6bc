"""A side view's label stays in the row under the sole, or in its column, through small edits
of its zone (issue 16, S19-5): on the medial view a copy of Bladder (Ctrl+D), a corner
inserted on its bottom edge (double-click), deleted (Delete) and brought back (Ctrl+Z) sent
"Bladder (copy)" between the left column and the row under the sole at every step, pushing
"Lumbar spine" and "Sacrum" down a label's height and back. Through the real editor: the
menu's actions, keys and a double-click on the viewport."""

from __future__ import annotations

import shutil
from pathlib import Path

from PySide6.QtCore import Qt

from reflexmap.atlas import load_atlas

from .conftest import click_zone, viewport_pos
from .test_editor_double_click import real_double_click

WESTERN = Path(__file__).resolve().parents[2] / "zones" / "ingham-western.yaml"
VIEW = "medial-left"


def _places(window) -> dict:
    """Every label of the view: its side ("" in the row under the sole) and, but for the
    edited copy's (its anchor moves with its corners), where it stands (scene units)."""
    return {
        key[1]: (label.side, None)
        if key[1] == "bladder-copy"
        else (label.side, round(label.text.pos().x()), round(label.text.pos().y()))
        for key, label in window.map.chart.labels.items()
        if key[0] == VIEW
    }


def test_a_corner_inserted_deleted_and_undone_leaves_every_label_in_place(qtbot, make_window, tmp_path):
    path = tmp_path / "western.yaml"
    shutil.copy(WESTERN, path)
    window = make_window(load_atlas(path))
    window.resize(1024, 768)
    window.state.set_aspect("medial")
    window.edit_action.trigger()
    click_zone(qtbot, window, VIEW, "bladder")
    assert window.state.zone_id == "bladder"
    window.map.setFocus()
    qtbot.keyClick(window.map, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.state.atlas.has_zone("bladder-copy"), timeout=5000)
    assert window.state.zone_id == "bladder-copy"
    copied = _places(window)
    assert "bladder-copy" in copied
    ring = window.state.atlas.zone("bladder-copy").shapes[VIEW][0]
    low = min(range(len(ring)), key=lambda k: ring[k][1] + ring[(k + 1) % len(ring)][1])
    (x0, y0), (x1, y1) = ring[low], ring[(low + 1) % len(ring)]
    steps = window.editor.session.stack.count()
    # a little below the bottom edge's middle, within reach of it: the corner lands off the line
    real_double_click(
        qtbot, window.map.viewport(), viewport_pos(window, VIEW, (x0 + x1) / 2, (y0 + y1) / 2 - 0.3)
    )
    qtbot.waitUntil(lambda: window.editor.session.stack.count() == steps + 1, timeout=5000)
    assert len(window.state.atlas.zone("bladder-copy").shapes[VIEW][0]) == len(ring) + 1
    assert _places(window) == copied
    qtbot.keyClick(window.map, Qt.Key.Key_Delete)
    qtbot.waitUntil(lambda: window.editor.session.stack.count() == steps + 2, timeout=5000)
    assert _places(window) == copied
    qtbot.keyClick(window.map, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.editor.session.stack.index() == steps + 1, timeout=5000)
    assert _places(window) == copied
