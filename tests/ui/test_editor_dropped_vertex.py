# ruff: noqa: F811 (the editing fixtures come from test_editor)
"""A vertex dropped after a drag stays selected, as in any vector editor: Delete removes it
and the arrow keys nudge it (before: the drop deselected it and Delete did nothing)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from reflexmap.render import palette

from .test_editor import chart, drag, editing, heel  # noqa: F401 (fixtures)


def test_a_dropped_vertex_stays_selected_and_delete_removes_it(qtbot, editing):
    drag(qtbot, editing, "plantar-left", (18, 30), (15, 36))
    assert editing.editor.session.stack.count() == 1
    assert editing.editor.tool.vertex == ("plantar-left", 0, 2)
    filled = [h for h in editing.editor.tool.overlay.handles if h.brush().color() == palette.SELECTION]
    assert len(filled) == 2  # drawn as the selected corner, and its mirror on the right foot
    qtbot.keyClick(editing.map, Qt.Key.Key_Delete)
    assert editing.editor.session.stack.count() == 2
    ring = heel(editing)
    assert len(ring) == 3
    assert all(abs(x - 15) > 0.6 or abs(y - 36) > 0.6 for x, y in ring)  # the dropped corner went


def test_arrow_keys_nudge_the_dropped_vertex_alone(qtbot, editing):
    drag(qtbot, editing, "plantar-left", (18, 30), (15, 36))
    before = heel(editing)
    qtbot.keyClick(editing.map, Qt.Key.Key_Right)
    qtbot.keyClick(editing.map, Qt.Key.Key_Up, Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: editing.editor.session.stack.count() == 2, timeout=3000)
    after = heel(editing)
    assert after[2] == pytest.approx((before[2][0] + 0.5, before[2][1] + 5.0))
    assert [p for i, p in enumerate(after) if i != 2] == [p for i, p in enumerate(before) if i != 2]
    assert editing.editor.tool.vertex == ("plantar-left", 0, 2)
    qtbot.keyClick(editing.map, Qt.Key.Key_Escape)  # the vertex let go: the arrows move the zone
    qtbot.keyClick(editing.map, Qt.Key.Key_Right)
    editing.editor.tool.commit_nudge()
    moved = heel(editing)
    assert all(m[0] == pytest.approx(a[0] + 0.5) for m, a in zip(moved, after, strict=True))
