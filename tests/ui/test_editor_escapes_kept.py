"""Zone texts form, as a person types: one zone's claim edited and saved (File → Save) changes
that line only; the other zones' names written with `\\u202e` escapes keep every byte."""

from __future__ import annotations

import shutil
from pathlib import Path

from PySide6.QtCore import Qt

from reflexmap.atlas import load_atlas

from ..atlas.test_escapes_kept import CHART, RAW, changed_lines
from .conftest import click_zone


def test_a_claim_typed_in_the_form_changes_its_line_only(make_window, tmp_path: Path, qtbot):
    path = tmp_path / "chart.yaml"
    shutil.copy(CHART, path)
    window = make_window(load_atlas(path))
    window.state.set_aspect("medial")
    window.edit_action.trigger()
    click_zone(qtbot, window, "medial-left", "arabic")
    assert window.state.zone_id == "arabic"
    field = window.editor.form.fields[("claim", None)]
    qtbot.mouseClick(field.viewport(), Qt.MouseButton.LeftButton)
    field.moveCursor(field.textCursor().MoveOperation.End)
    qtbot.keyClicks(field, " kidney")
    window.editor.form.fields[("name", None)].setFocus()  # the field is left: one change
    qtbot.waitUntil(lambda: window.editor.session.stack.count() == 1, timeout=3000)
    window.save_action.trigger()
    assert changed_lines(CHART, path) == ["-    claim: the test", "+    claim: the test kidney"]
    assert not RAW.search(path.read_text())
