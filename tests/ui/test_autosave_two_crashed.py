# ruff: noqa: F811 (the editing fixtures come from test_editor)
"""Two windows stopped (kill -9) with unsaved work on one file: each one's work is offered
back (tryout S23-8: the next start offered only the latest, without a word of the other, and
saving the recovered work deleted the other's autosave unoffered)."""

from __future__ import annotations

import json
import os
import time
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

from reflexmap.atlas import load_atlas
from reflexmap.ui.editor import autosaving
from reflexmap.ui.editor.autosaves import autosave_folder

from .conftest import click_mm
from .test_autosave_index_foreign import _no_index_after, _recovery_box  # noqa: F401 (fixture)
from .test_editor import chart  # noqa: F401 (fixture)


@pytest.fixture
def two_crashed(chart: Path) -> tuple[Path, Path]:
    """Window A's autosave beside the file (its heel renamed "Heel of A", 60 s old) and
    window B's in the data folder (its band renamed "Band of B", kept 30 s later), both
    listed, their processes gone."""
    text = chart.read_text(encoding="utf-8")
    a = autosaving.autosave_path(chart)
    a.write_text(text.replace('name: "Heel"', 'name: "Heel of A"'), encoding="utf-8")
    folder = autosave_folder()
    folder.mkdir(parents=True, exist_ok=True)
    key, name = autosaving.autosave_paths(chart)[-1].name.split("-", 1)
    b = folder / f"{key}-w999999-{name}"  # (a pid no process has)
    b.write_text(text.replace('name: "Band"', 'name: "Band of B"'), encoding="utf-8")
    now = time.time()
    os.utime(a, (now - 60, now - 60))
    stat = chart.stat()
    base = [stat.st_mtime_ns, stat.st_size, stat.st_ino]
    entries = [
        {"autosave": str(a), "chart": str(chart), "time": now - 60, "base": base},
        {"autosave": str(b), "chart": str(chart), "time": now - 30, "base": base},
    ]
    (folder / "index.json").write_text(json.dumps({"autosaves": entries}), encoding="utf-8")
    return a, b


def _button(box: QMessageBox, role: QMessageBox.ButtonRole):
    return next(b for b in box.buttons() if box.buttonRole(b) == role)


def test_both_windows_work_is_offered_in_turn_and_a_save_keeps_the_other(
    qtbot, make_window, chart, two_crashed
):
    a, b = two_crashed
    window = make_window(load_atlas(chart))
    qtbot.waitUntil(lambda: _recovery_box() is not None, timeout=3000)
    box = _recovery_box()
    said = f"{box.text()} {box.informativeText()}"
    assert "1 more version not saved is kept" in said, said  # the other one is said
    _button(box, QMessageBox.ButtonRole.AcceptRole).click()  # Recover: the latest, B's
    qtbot.waitUntil(lambda: window.editor.active, timeout=3000)
    assert window.state.atlas.zone("band").name == "Band of B"
    # more work on it, autosaved: not over A's work
    click_mm(qtbot, window, "plantar-left", 0.0, 25.0)
    window.editor.saving.autosave()
    assert "Heel of A" in a.read_text(encoding="utf-8")
    window.save_action.trigger()  # B's work saved: A's is kept, and offered now
    assert load_atlas(chart).zone("band").name == "Band of B"
    assert a.is_file() and str(a) in [e["autosave"] for e in autosaving.read_index()]
    assert not b.exists()
    qtbot.waitUntil(lambda: _recovery_box() is not None, timeout=3000)
    box = _recovery_box()
    assert "1 more" not in box.informativeText()
    assert "was saved with other work since then" in box.informativeText()  # (this save: no
    assert "another program" not in box.informativeText()  # other program changed the file)
    _button(box, QMessageBox.ButtonRole.AcceptRole).click()
    qtbot.waitUntil(lambda: window.state.atlas.zone("heel").name == "Heel of A", timeout=3000)
    assert window.editor.session.modified
    window.editor.saving.discard()
    assert autosaving.read_index() == [] and not a.exists()


def test_later_offers_the_other_at_once_and_keeps_both(qtbot, make_window, chart, two_crashed):
    a, b = two_crashed
    make_window(load_atlas(chart))
    qtbot.waitUntil(lambda: _recovery_box() is not None, timeout=3000)
    first = _recovery_box()
    _button(first, QMessageBox.ButtonRole.RejectRole).click()  # Later
    qtbot.waitUntil(lambda: _recovery_box() not in (None, first), timeout=3000)
    second = _recovery_box()
    assert "kept at" in second.text() and "more version" not in second.informativeText()
    _button(second, QMessageBox.ButtonRole.RejectRole).click()
    qtbot.wait(100)
    assert _recovery_box() is None  # each asked once
    assert a.is_file() and b.is_file() and len(autosaving.read_index()) == 2
