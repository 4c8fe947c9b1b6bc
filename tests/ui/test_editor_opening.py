"""Edit zones (F2) on a large chart: the file is read and checked in a worker thread
(ui/editor/opening.py) behind a window-modal "Opening the chart for editing…" box with a
Cancel button, so the window keeps answering (a chart of 10,000 zones took 4 s of CPU on
the window's own thread, with only a wait cursor). Here any chart counts as large
(`IN_BACKGROUND` = 0) and the worker is held back until the test lets it go: the box is
shown, the window answers a click on Cancel, and the mode begins only when the chart is read."""

from __future__ import annotations

import shutil
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QProgressDialog, QPushButton

from reflexmap.atlas import load_atlas
from reflexmap.ui.editor import opening

from .test_editor import DATA


@pytest.fixture
def held(monkeypatch):
    """Every chart read in the background; the worker waits for `held.set()`."""
    gate = threading.Event()
    read = opening.read_checked

    def slow(path, stopped=lambda: False):
        assert gate.wait(20)
        return read(path, stopped)

    monkeypatch.setattr(opening, "IN_BACKGROUND", 0)
    monkeypatch.setattr(opening, "read_checked", slow)
    yield gate
    gate.set()


@pytest.fixture
def chart_window(make_window, tmp_path: Path):
    path = tmp_path / "small.yaml"
    shutil.copy(DATA / "small.yaml", path)
    return make_window(load_atlas(path))


def the_box(window) -> QProgressDialog | None:
    boxes = [box for box in window.findChildren(QProgressDialog) if box.isVisible()]
    return boxes[0] if boxes else None


def test_a_large_chart_is_read_in_the_background_and_edit_mode_begins_when_it_is(qtbot, chart_window, held):
    window = chart_window
    window.edit_action.trigger()
    qtbot.waitUntil(lambda: the_box(window) is not None)
    box = the_box(window)
    assert box.labelText() == "Opening the chart for editing…"
    assert box.windowModality() == Qt.WindowModality.WindowModal
    assert not window.editor.active and not window.edit_action.isChecked()
    qtbot.wait(120)  # the window goes on answering while the worker waits
    assert not window.editor.active
    held.set()
    qtbot.waitUntil(lambda: window.editor.active, timeout=10000)
    assert the_box(window) is None
    assert window.edit_action.isChecked()
    assert window.editor.session.document is not None and window.editor.session.draft.atlas is not None
    assert "Edit mode:" in window.statusBar().currentMessage()
    window.editor.saving.discard()


def test_cancel_leaves_the_window_as_it_was(qtbot, chart_window, held):
    window = chart_window
    window.edit_action.trigger()
    qtbot.waitUntil(lambda: the_box(window) is not None)
    cancel = the_box(window).findChild(QPushButton)
    qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: the_box(window) is None)
    assert "cancelled" in window.statusBar().currentMessage()
    held.set()
    qtbot.wait(300)  # the worker finishes; its chart is dropped
    assert not window.editor.active and not window.edit_action.isChecked()
    assert window.editor.session.document is None
    window.edit_action.trigger()  # asked again, it opens
    qtbot.waitUntil(lambda: window.editor.active, timeout=10000)
    window.editor.saving.discard()


def test_a_file_that_cannot_be_read_is_said_without_the_mode(qtbot, chart_window, held, tmp_path):
    window = chart_window
    window.edit_action.trigger()
    qtbot.waitUntil(lambda: the_box(window) is not None)
    (tmp_path / "small.yaml").write_text("zones: [\n", encoding="utf-8")  # broken meanwhile
    held.set()
    qtbot.waitUntil(lambda: the_box(window) is None, timeout=10000)
    assert window.statusBar().currentMessage().startswith("Could not read the chart")
    assert not window.editor.active


def workers() -> list[threading.Thread]:
    return [t for t in threading.enumerate() if t.name == "reflexmap-edit-open"]


def test_edit_mode_on_a_chart_just_opened_does_not_walk_its_text_again(
    qtbot, make_window, tmp_path, monkeypatch
):
    """The quick walk (atlas/prescan) of the chart's text ran when it was opened and again
    when Edit zones read the same bytes (0.5 s of CPU for 2,700 zones); it runs once now."""
    from benchmarks.realistic import realistic_text
    from reflexmap.atlas.prescan import block

    walks = [0]
    run = block._Block.run

    def counted(self, *args, **kwargs):
        walks[0] += 1
        return run(self, *args, **kwargs)

    monkeypatch.setattr(block._Block, "run", counted)
    path = tmp_path / "large.yaml"
    path.write_text(realistic_text(3), encoding="utf-8")
    window = make_window(load_atlas(path))
    assert walks[0] == 1
    window.edit_action.trigger()
    qtbot.waitUntil(lambda: window.editor.active, timeout=60000)
    assert window.editor.session.draft.atlas is not None and not window.editor.session.draft.problems
    assert walks[0] == 1, "the same bytes walked again"
    window.editor.saving.discard()
