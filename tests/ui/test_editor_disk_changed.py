# ruff: noqa: F811 (the editing fixtures come from test_editor)
"""Edit zones (F2) on a chart whose file another program changed since it was opened edits
the file as it is now, and the map, labels and Zones list draw that chart: no ghost zone
that the editor does not have (tryout S22-2: a zone cut from the file stayed drawn and
selectable, with no handles, no texts, and Right or Ctrl+D doing nothing)."""

from __future__ import annotations

import re

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence

from reflexmap.atlas import load_atlas

from .conftest import click_mm
from .test_editor import chart, key  # noqa: F401 (fixture)


def _cut_zone(path, zone_id: str) -> None:
    """The file without the zone `zone_id` (its block under `zones:`), as another program
    might write it."""
    text = path.read_text(encoding="utf-8")
    lines = text.splitlines(keepends=True)
    start = next(i for i, line in enumerate(lines) if re.match(rf"\s*- id: {zone_id}\s*$", line))
    indent = len(lines[start]) - len(lines[start].lstrip())
    end = start + 1
    while end < len(lines) and (
        not lines[end].strip() or len(lines[end]) - len(lines[end].lstrip()) > indent
    ):
        end += 1
    path.write_text("".join(lines[:start] + lines[end:]), encoding="utf-8")


def test_edit_zones_on_a_file_changed_on_disk_draws_the_file_and_says_so(qtbot, make_window, chart):
    window = make_window(load_atlas(chart))
    zones = [zone.id for zone in window.state.atlas.zones]
    gone = zones[-1]
    _cut_zone(chart, gone)
    assert gone not in [zone.id for zone in load_atlas(chart).zones]  # the file changed
    assert window.state.atlas.has_zone(gone)  # (browsing: the window shows it as opened)
    window.edit_action.trigger()
    assert window.editor.active
    assert not window.state.atlas.has_zone(gone)  # no ghost: drawn is what is edited
    assert not any(item for item in window.map.scene().items() if getattr(item, "zone_id", None) == gone)
    assert chart.name in window.statusBar().currentMessage()
    assert "changed by another program" in window.statusBar().currentMessage()
    # every zone still drawn is one the editor has: selecting it and nudging it is a step
    click_mm(qtbot, window, "plantar-left", 0.0, 25.0)  # the heel, away from the band
    assert window.state.zone_id == "heel" != gone
    steps = window.editor.session.stack.count()
    qtbot.keyClick(window.map, Qt.Key.Key_Right)
    qtbot.waitUntil(lambda: window.editor.session.stack.count() == steps + 1, timeout=3000)
    window.editor.saving.discard()


def test_edit_zones_on_an_unchanged_file_says_the_edit_hint(qtbot, make_window, chart):
    window = make_window(load_atlas(chart))
    window.edit_action.trigger()
    assert "Edit mode:" in window.statusBar().currentMessage()
    window.editor.saving.discard()


def test_the_reload_on_edit_zones_is_a_history_step_that_undo_takes_back(qtbot, make_window, chart):
    """F2 on a file changed on disk since it was shown: the file's chart is one step named
    "Reloaded from disk"; Ctrl+Z brings back the chart as it was shown (the zone cut on disk
    is drawn and edited again, to be saved back), Redo the file's again."""
    shown_text = chart.read_text(encoding="utf-8")
    window = make_window(load_atlas(chart))
    gone = [zone.id for zone in window.state.atlas.zones][-1]
    _cut_zone(chart, gone)
    on_disk = chart.read_text(encoding="utf-8")
    qtbot.keyClick(window.map, Qt.Key.Key_F2)
    assert window.editor.active
    session = window.editor.session
    assert not window.state.atlas.has_zone(gone)
    assert session.stack.undoText() == "Reloaded from disk"
    assert not session.modified  # the file's chart is the saved one
    assert "Undo brings back" in window.statusBar().currentMessage()
    qtbot.keyClick(window.map, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.state.atlas.has_zone(gone)  # the chart as it was shown
    assert session.document.text == shown_text
    assert session.modified  # not what the file holds: Save would write it back
    key(qtbot, window, QKeySequence.StandardKey.Redo)
    assert not window.state.atlas.has_zone(gone)
    assert session.document.text == on_disk
    assert not session.modified
    window.editor.saving.discard()


def test_edit_zones_on_an_unchanged_file_has_no_reload_step(qtbot, make_window, chart):
    window = make_window(load_atlas(chart))
    window.edit_action.trigger()
    assert window.editor.session.stack.count() == 0
    window.editor.saving.discard()
