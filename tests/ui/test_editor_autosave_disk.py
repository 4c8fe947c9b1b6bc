# ruff: noqa: F811 (the editing fixtures come from test_editor)
"""The chart's folder cannot take the autosave (a real tmpfs, filled up or read-only; tryout F17): the
autosave goes to the data folder, the window says so once, and the next start offers the
work back from there."""

from __future__ import annotations

import errno
import shutil
import subprocess
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

from reflexmap.atlas import load_atlas
from reflexmap.ui.editor import autosaving

from .conftest import click_mm
from .test_editor import DATA, drag
from .test_editor_files import box_named


@pytest.fixture(params=["full", "read-only"])
def full_folder_chart(tmp_path: Path, request):
    """small.yaml in a 256 KiB tmpfs; `fill()` fills the tmpfs up, or remounts it read-only
    (root writes into a folder whatever its permissions say: only the mount refuses)."""
    folder = tmp_path / "charts"
    folder.mkdir()
    result = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=256k", "tmpfs", str(folder)], capture_output=True
    )
    if result.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {result.stderr.decode(errors='replace').strip()}")
    chart = folder / "small.yaml"
    shutil.copy(DATA / "small.yaml", chart)

    def fill() -> str:
        if request.param == "read-only":
            subprocess.run(["mount", "-o", "remount,ro", str(folder)], check=True)
            return "the disk is read-only"
        try:
            with open(folder / "filler", "wb", buffering=0) as out:
                while True:
                    out.write(b"x" * 4096)
        except OSError as exc:
            assert exc.errno == errno.ENOSPC
        return "the disk is full"

    yield chart, fill
    subprocess.run(["umount", "-l", str(folder)], check=False)


def test_autosave_in_a_full_or_read_only_folder_goes_to_the_data_folder_said_once_and_found_again(
    qtbot, make_window, full_folder_chart
):
    chart, fill = full_folder_chart
    window = make_window(load_atlas(chart))
    window.edit_action.trigger()
    assert window.editor.active
    click_mm(qtbot, window, "plantar-left", 0.0, 25.0)  # the heel
    reason = fill()
    keeper = window.editor.saving
    keeper.timer.setInterval(50)  # (the autosave's own timer, sooner)
    drag(qtbot, window, "plantar-left", (0, 25), (0, 30))
    assert window.editor.session.modified
    qtbot.waitUntil(lambda: box_named("autosave-elsewhere") is not None, timeout=5000)
    box = box_named("autosave-elsewhere")
    assert "small.yaml" in box.text() and reason in box.text(), box.text()
    assert str(autosaving.autosave_folder()) in box.text()
    assert "data folder" in window.statusBar().currentMessage()
    assert box_named("autosave-failed") is None
    assert not chart.with_name(".small.yaml.autosave").exists()
    kept = [Path(e["autosave"]) for e in autosaving.read_index() if e["chart"] == str(chart)]
    assert len(kept) == 1 and kept[0].parent == autosaving.autosave_folder() and kept[0].is_file()
    box.close()
    qtbot.waitUntil(lambda: box_named("autosave-elsewhere") is None, timeout=3000)
    drag(qtbot, window, "plantar-left", (0, 30), (0, 35))
    moved = window.editor.session.document.text
    qtbot.waitUntil(lambda: kept[0].read_text(encoding="utf-8") == moved, timeout=5000)
    assert box_named("autosave-elsewhere") is None  # said once, not at every autosave
    window.editor.session.close()  # the app "crashes"
    window.close()
    later = make_window(load_atlas(chart))
    qtbot.waitUntil(lambda: box_named("recover-autosave") is not None, timeout=3000)
    recover = box_named("recover-autosave")
    accept = next(b for b in recover.buttons() if recover.buttonRole(b) == QMessageBox.ButtonRole.AcceptRole)
    accept.click()
    qtbot.waitUntil(lambda: later.editor.active, timeout=3000)
    assert later.editor.session.document.text == moved
    later.editor.saving.discard()
