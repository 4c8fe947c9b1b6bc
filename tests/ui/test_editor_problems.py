# ruff: noqa: F811 (the editing fixtures come from test_editor)
"""A zone with an error stays on the map while it is being fixed: drawn as written, hatched
in the warning colour, with the checker's mark at the place of the problem."""

from __future__ import annotations

import os
import subprocess
import sys

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QGraphicsPathItem

from reflexmap.ui.editor.overlay import PROBLEM

from .conftest import click_mm, viewport_pos
from .test_editor import DATA, chart, drag, editing, key  # noqa: F401 (fixtures)


def broken_items(window) -> list[QGraphicsPathItem]:
    """The hatched, warning-coloured shapes on the map."""
    return [
        item
        for item in window.map.scene().items()
        if isinstance(item, QGraphicsPathItem)
        and item.isVisible()
        and item.brush().style() == Qt.BrushStyle.BDiagPattern
        and item.pen().color() == PROBLEM
    ]


def covers(window, items, view_id: str, x: float, y: float) -> bool:
    point = window.map.chart.to_scene(view_id, x, y)
    return any(item.shape().contains(item.mapFromScene(point)) for item in items)


def test_a_zone_with_an_error_is_still_drawn_hatched_with_the_mark(qtbot, editing):
    drag(qtbot, editing, "plantar-left", (18, 30), (32, 30))  # a corner out of the foot
    assert editing.editor.session.draft.problems
    assert "plantar-left" not in editing.editor.session.draft.atlas.zone("heel").shapes  # check's chart
    assert "plantar-left" in editing.state.atlas.zone("heel").shapes  # the map keeps it, drawn as written
    items = broken_items(editing)
    assert items, "the zone with the error is not drawn"
    assert covers(editing, items, "plantar-left", 10, 25)  # inside the heel as written
    assert any("outside" in m for m in editing.editor.tool.overlay.messages)
    mark = editing.editor.tool.problem_marks()[0]
    assert mark[0] == "plantar-left" and abs(mark[1] - 32) < 1.5  # at the corner that left
    editing.state.select("")  # another zone selected, or none: still drawn
    assert covers(editing, broken_items(editing), "plantar-left", 10, 25)
    key(qtbot, editing, QKeySequence.StandardKey.Undo)  # fixed: the fill shows it again
    assert not broken_items(editing)
    assert "plantar-left" in editing.editor.session.draft.atlas.zone("heel").shapes


def test_live_check_messages_are_german_in_the_german_app(qtbot, editing):
    editing.language_actions["de"].trigger()
    german = editing.successor
    qtbot.addWidget(german)
    assert german.editor.active
    click_mm(qtbot, german, "plantar-left", 0.0, 25.0)
    assert german.state.zone_id == "heel"
    viewport = german.map.viewport()
    a, b = viewport_pos(german, "plantar-left", 18, 30), viewport_pos(german, "plantar-left", 32, 30)
    qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, pos=a)
    for i in range(1, 6):
        qtbot.mouseMove(viewport, QPoint(a.x() + (b.x() - a.x()) * i // 5, a.y()))
    assert any(
        "außerhalb des Fußumrisses" in m for m in german.editor.tool.overlay.messages
    )  # while dragging
    qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, pos=b)
    messages = german.editor.tool.overlay.messages
    assert any("Zone 'Heel', linker Fuß, Fußsohle" in m and "außerhalb" in m for m in messages), (
        messages
    )  # (by its name)
    assert "außerhalb" in german.editor.problems_label.toolTip()


def test_reflexmap_check_speaks_the_users_language(tmp_path):
    bad = tmp_path / "bad.yaml"
    text = (DATA / "small.yaml").read_text(encoding="utf-8")
    bad.write_text(text.replace("id: band", "id: heel", 1), encoding="utf-8")
    env = {**os.environ, "LANGUAGE": "de", "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run(
        [sys.executable, "-m", "reflexmap", "check", str(bad)],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 1
    assert "doppelte Zonen-Kennung 'heel'" in result.stdout + result.stderr
