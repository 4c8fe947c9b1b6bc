# ruff: noqa: F811 (the editing fixtures come from test_editor)
"""A chart opened through a symbolic link (kept in a synced or git-kept folder) and saved with
Ctrl+S: the file the link leads to gets the change and its backup; the link stays a link."""

from __future__ import annotations

import shutil
from pathlib import Path

from PySide6.QtGui import QKeySequence

from reflexmap.atlas import load_atlas

from .test_editor import DATA, click_mm, drag, key


def test_ctrl_s_on_a_chart_opened_through_a_link_writes_the_real_file(make_window, tmp_path: Path, qtbot):
    real = tmp_path / "real"
    real.mkdir()
    target = real / "target.yaml"
    shutil.copy(DATA / "small.yaml", target)
    link = tmp_path / "link.yaml"
    link.symlink_to(target)
    original = target.read_bytes()
    window = make_window(load_atlas(link))
    window.edit_action.trigger()
    click_mm(qtbot, window, "plantar-left", 0.0, 25.0)
    drag(qtbot, window, "plantar-left", (18, 30), (15, 36))
    qtbot.waitUntil(lambda: window.editor.session.modified, timeout=3000)
    key(qtbot, window, QKeySequence.StandardKey.Save)
    assert window.statusBar().currentMessage() == f"Saved {link}"
    assert link.is_symlink() and link.resolve() == target
    assert target.read_bytes() != original
    assert load_atlas(target).zone("heel").shapes == window.state.atlas.zone("heel").shapes
    assert (real / "target.yaml.bak").read_bytes() == original
    assert not (tmp_path / "link.yaml.bak").exists()
    assert not window.editor.session.modified
