# ruff: noqa: F811 (the editing fixtures come from test_editor)
"""Saving after an arrow-key nudge of one zone changes only that zone's numbers: a shape
written over several lines keeps its lines (tryout S22-16: a 3-line `plantar-left: [` list
became one line, a one-zone nudge showing as a reformat in version control)."""

from __future__ import annotations

import difflib

from PySide6.QtCore import Qt

from reflexmap.atlas import load_atlas

from .conftest import click_mm
from .test_editor import chart  # noqa: F401 (fixture)

WRAPPED = """      plantar-left: [
        [-18, 2], [18, 2],
        [18, 30], [-18, 30],
      ]
"""


def test_a_nudged_zone_written_over_several_lines_keeps_its_lines(qtbot, make_window, chart):
    text = chart.read_text(encoding="utf-8")
    one_line = "      plantar-left: [[-18, 2], [18, 2], [18, 30], [-18, 30]]\n"
    assert text.count(one_line) == 1  # the heel's shape
    chart.write_text(text.replace(one_line, WRAPPED), encoding="utf-8")
    before = chart.read_text(encoding="utf-8")
    window = make_window(load_atlas(chart))
    window.edit_action.trigger()
    click_mm(qtbot, window, "plantar-left", 0.0, 25.0)  # the heel, away from the band
    assert window.state.zone_id == "heel"
    for _ in range(2):
        qtbot.keyClick(window.map, Qt.Key.Key_Right)
    qtbot.waitUntil(lambda: window.editor.session.stack.count() == 1, timeout=3000)
    window.save_action.trigger()
    after = chart.read_text(encoding="utf-8")
    changed = [
        line
        for line in difflib.unified_diff(before.splitlines(), after.splitlines(), lineterm="", n=0)
        if line[:1] in "+-" and not line.startswith(("+++", "---"))
    ]
    assert changed == [
        "-        [-18, 2], [18, 2],",
        "-        [18, 30], [-18, 30],",
        "+        [-17, 2], [19, 2],",
        "+        [19, 30], [-17, 30],",
    ]
