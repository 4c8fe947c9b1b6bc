"""Dragging one zone's corner leaves the other labels of a column in their order (issue 16):
a drag of the spleen's first corner by 10 px moved Solar plexus's leader dot 2.5 mm down, past
Diaphragm's (its dot is placed where a level leader crosses the fewest zones, and the spleen is
level with it), and the two labels swapped places in the left sole's left column. The labels
still stand in their dots' order, top to bottom. Through the real editor: edit mode, a click
on the zone, a drag of its handle with the mouse on the viewport."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt

from reflexmap.atlas import load_atlas

from .conftest import click_zone, viewport_pos

WESTERN = Path(__file__).resolve().parents[2] / "zones" / "ingham-western.yaml"


def _columns(window, key: str) -> dict[tuple[str, str], list[str]]:
    """Each column's zones, top to bottom, by their labels' middles ("label") or their
    leaders' dots ("dot")."""
    found: dict[tuple[str, str], list[tuple[float, str]]] = {}
    for (view_id, zone_id), label in window.map.chart.labels.items():
        if label.side:
            y = label.text.sceneBoundingRect().center().y() if key == "label" else label.points[-1].y()
            found.setdefault((view_id, label.side), []).append((y, zone_id))
    return {column: [z for _y, z in sorted(items)] for column, items in found.items()}


@pytest.mark.parametrize("move", [(10, 10), (12, -8), (-12, 9)])
def test_a_corner_dragged_leaves_the_other_labels_in_their_order(qtbot, make_window, tmp_path, move):
    path = tmp_path / "western.yaml"
    shutil.copy(WESTERN, path)
    window = make_window(load_atlas(path))
    window.edit_action.trigger()
    click_zone(qtbot, window, "plantar-left", "spleen")
    assert window.state.zone_id == "spleen"
    before = _columns(window, "label")
    assert before == _columns(window, "dot")
    corner = window.state.atlas.zone("spleen").shapes["plantar-left"][0][0]
    viewport = window.map.viewport()
    a = viewport_pos(window, "plantar-left", *corner)
    alt = Qt.KeyboardModifier.AltModifier  # no snapping
    qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, alt, a)
    for i in range(1, 5):
        qtbot.mouseMove(viewport, QPoint(a.x() + move[0] * i // 4, a.y() + move[1] * i // 4))
    qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, alt, a + QPoint(*move))
    qtbot.waitUntil(lambda: window.editor.session.stack.count() == 1, timeout=5000)
    assert window.state.atlas.zone("spleen").shapes["plantar-left"][0][0] != corner  # it moved
    after = _columns(window, "label")
    assert after == _columns(window, "dot")  # the labels in their dots' order
    others = {c: [z for z in zones if z != "spleen"] for c, zones in before.items()}
    assert {c: [z for z in zones if z != "spleen"] for c, zones in after.items()} == others
