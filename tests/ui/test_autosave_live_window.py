# ruff: noqa: F811 (the editing fixtures come from test_editor)
"""An autosave that a window open now keeps up to date is that window's, not a crash's (S22-1):
a second ReflexMap started meanwhile offered it back ("were not saved when ReflexMap last
closed"), and its "Discard them" deleted the first window's crash protection, which the first
window never wrote again. Two windows editing one file wrote one autosave, and one's save
deleted the other's (S22-1b). Now a live window's autosave is neither offered, deleted nor
written over by another process; once that process is gone (kill -9 included) it is offered
as before; and a window whose autosave was deleted under it writes it again."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

from reflexmap.atlas import load_atlas
from reflexmap.ui.editor import autosaving
from reflexmap.ui.editor.autosaves import autosave_folder

from .conftest import click_mm
from .test_autosave_index_foreign import _no_index_after, _recovery_box  # noqa: F401 (fixture)
from .test_editor import chart, drag, editing  # noqa: F401 (fixtures)

ROOT = Path(__file__).parents[2]

# another ReflexMap process editing the work at argv[1]: it holds it as the editor does
OTHER_WINDOW = """
import sys, time
from pathlib import Path
from reflexmap.render.application import application
from reflexmap.ui.editor.autosaves import hold
application()
hold(Path(sys.argv[1]))
print("holding", flush=True)
time.sleep(600)
"""


@pytest.fixture
def autosaved(chart: Path) -> Path:
    """Another window's autosave of `chart` (small.yaml), listed in the index."""
    autosave = autosaving.autosave_path(chart)
    autosave.write_text(chart.read_text(encoding="utf-8").replace("Heel", "Heel moved"), encoding="utf-8")
    autosave_folder().mkdir(parents=True, exist_ok=True)
    entry = {"autosave": str(autosave), "chart": str(chart), "time": time.time()}
    (autosave_folder() / "index.json").write_text(json.dumps({"autosaves": [entry]}), encoding="utf-8")
    return autosave


@pytest.fixture
def other_window(autosaved: Path):
    """A ReflexMap process, running now, that edits that work (it holds it as the editor does)."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    child = subprocess.Popen(
        [sys.executable, "-c", OTHER_WINDOW, str(autosaved)], env=env, stdout=subprocess.PIPE, text=True
    )
    assert child.stdout.readline().strip() == "holding"
    yield child
    child.kill()
    child.wait()


def _listed() -> list[str]:
    return [e["autosave"] for e in json.loads((autosave_folder() / "index.json").read_text())["autosaves"]]


def test_a_live_windows_autosave_is_neither_offered_nor_deleted(
    qtbot, make_window, chart, autosaved, other_window
):
    kept = autosaved.read_bytes()
    window = make_window(load_atlas(chart))
    qtbot.wait(400)  # the question would come after the first paint
    assert _recovery_box() is None, "the autosave of a window open now was offered as a crash's"
    # the same chart edited and saved here too (F2, a drag, Ctrl+S): the other's work stays
    window.edit_action.trigger()
    click_mm(qtbot, window, "plantar-left", 0.0, 25.0)
    drag(qtbot, window, "plantar-left", (0, 25), (0, 30))
    # its autosave (S22-1b: the two windows wrote one file, and one's save deleted the other's)
    window.editor.saving.timer.timeout.emit()  # the autosave tick (every 30 s)
    own = [Path(p) for p in _listed() if p != str(autosaved)]
    assert len(own) == 1 and own[0].is_file() and own[0].read_bytes() != kept
    assert autosaved.read_bytes() == kept
    window.save_action.trigger()
    assert not window.isWindowModified()
    assert autosaved.read_bytes() == kept
    assert _listed() == [str(autosaved)] and not own[0].exists()


def test_once_that_window_is_killed_its_work_is_offered(qtbot, make_window, chart, autosaved, other_window):
    other_window.send_signal(signal.SIGKILL)
    other_window.wait()
    make_window(load_atlas(chart))
    qtbot.waitUntil(lambda: _recovery_box() is not None, timeout=5000)
    assert "small.yaml" in _recovery_box().text()
    box = _recovery_box()
    discard = next(b for b in box.buttons() if box.buttonRole(b) == QMessageBox.ButtonRole.DestructiveRole)
    discard.click()
    qtbot.waitUntil(lambda: not autosaved.exists(), timeout=3000)


def test_a_window_writes_its_autosave_again_when_it_was_deleted(qtbot, editing, chart):
    drag(qtbot, editing, "plantar-left", (0, 25), (0, 30))
    autosave = editing.editor.saving.autosave()
    assert autosave == chart.with_name(".small.yaml.autosave") and autosave.is_file()
    written = autosave.read_bytes()
    autosave.unlink()  # another program, or an older ReflexMap's Discard
    (autosave_folder() / "index.json").write_text(json.dumps({"autosaves": []}), encoding="utf-8")
    editing.editor.saving.timer.timeout.emit()  # the next autosave tick (every 30 s)
    assert autosave.is_file() and autosave.read_bytes() == written
    assert _listed() == [str(autosave)]
