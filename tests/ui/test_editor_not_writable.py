"""A chart the loader reads but ruamel.yaml (which writes the editor's changes) reads
otherwise: a tab before a colon, lines ended by U+0085 (NEL) or U+2028. A change that needs
ruamel.yaml is refused with the file, line and column and why, the form shows the chart's
text again, and nothing is lost without a word (the change vanished, a traceback went to
the log and Save said "Saved")."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from reflexmap.atlas import load_atlas

from .conftest import click_mm
from .test_editor import DATA


def written(tmp_path: Path, kind: str) -> Path:
    text = (DATA / "small.yaml").read_text(encoding="utf-8")
    if kind == "tab":
        text = text.replace("    region: pelvis", "    region\t: pelvis", 1)
    else:
        text = text.replace("\n", {"nel": "\x85", "ls": "\u2028"}[kind])
    path = tmp_path / f"{kind}.yaml"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize("kind", ["tab", "nel", "ls"])
def test_a_name_typed_in_a_file_the_editor_cannot_write_is_refused_with_its_place(
    qtbot, make_window, tmp_path, kind
):
    path = written(tmp_path, kind)
    before = path.read_bytes()
    window = make_window(load_atlas(path))
    window.edit_action.trigger()
    click_mm(qtbot, window, "plantar-left", 0.0, 25.0)
    assert window.state.zone_id == "heel"
    field = window.editor.form.fields[("name", None)]
    field.setFocus()
    field.selectAll()
    qtbot.keyClicks(field, "Renamed")
    qtbot.keyClick(field, Qt.Key.Key_Tab)
    said = window.statusBar().currentMessage()
    assert said.startswith(f"{path}:") and "the editor cannot read this file" in said
    if kind == "tab":
        assert f"{path}:26:" in said  # the line of the tab
    assert field.text() == "Heel" == window.state.atlas.zone("heel").name  # the form agrees with the chart
    assert window.editor.session.stack.count() == 0
    window.save_action.trigger()
    assert path.read_bytes() == before
    window.editor.saving.discard()


def test_a_zone_duplicated_in_a_file_the_editor_cannot_write_is_refused(qtbot, make_window, tmp_path):
    path = written(tmp_path, "nel")
    window = make_window(load_atlas(path))
    window.edit_action.trigger()
    click_mm(qtbot, window, "plantar-left", 0.0, 25.0)
    window.duplicate_action.trigger()
    assert "the editor cannot read this file" in window.statusBar().currentMessage()
    assert window.editor.session.stack.count() == 0
    assert len(window.state.atlas.zones) == 5
    window.editor.saving.discard()


def test_a_nudge_in_a_file_the_editor_cannot_write_is_refused_and_the_zone_goes_back(
    qtbot, make_window, tmp_path
):
    path = written(tmp_path, "nel")
    window = make_window(load_atlas(path))
    window.edit_action.trigger()
    click_mm(qtbot, window, "plantar-left", 0.0, 25.0)
    shape = window.editor.session.written_shape("heel", "plantar-left")
    qtbot.keyClick(window.map, Qt.Key.Key_Up)
    qtbot.waitUntil(lambda: "cannot read this file" in window.statusBar().currentMessage(), timeout=3000)
    tool = window.editor.tool
    assert not tool.live and tool.nudge[2] == ""  # the nudge shown is taken back
    assert window.editor.session.written_shape("heel", "plantar-left") == shape
    assert window.editor.session.stack.count() == 0
    window.editor.saving.discard()
