"""File → Reload while editing reads the file into the editor and says what happened: after
the app's own save, that the file was unchanged; after another program changed it, so (and
Undo brings back the chart as it was here). Before, the menu reopened the chart on the map
but left the editor holding the text it had (the next drag put the other program's change
back out of the map), and the menu itself said only "Small test chart: 5 zones"; on a real
window the activation that followed the menu reloaded the file and said "reloaded as the
other program left it" (seen after a change made outside; after the app's own save this
session saw no message at all, offscreen or on a real window)."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QKeySequence

from .test_editor import drag, edited_copy, key


@pytest.fixture
def editing(make_window, tmp_path, qtbot):
    window, path = edited_copy(make_window, tmp_path, qtbot)
    window.save_action.trigger()
    assert not window.editor.session.modified
    return window, path


def said(window) -> str:
    return window.statusBar().currentMessage()


def test_reload_after_the_apps_own_save_says_the_file_was_unchanged(editing):
    window, path = editing
    window.reload_action.trigger()
    assert "other program" not in said(window)
    assert said(window) == "small.yaml reloaded: unchanged since it was opened or saved here."
    assert window.editor.active and window.editor.session.document.text == path.read_text(encoding="utf-8")


def test_reload_after_another_program_changed_the_file_says_so_and_edits_its_text(editing, qtbot):
    window, path = editing
    theirs = path.read_text(encoding="utf-8").replace('"Heel"', '"Heel of the foot"')
    path.write_text(theirs, encoding="utf-8")
    window.reload_action.trigger()
    assert "another program changed it" in said(window)
    assert window.state.atlas.zone("heel").name == "Heel of the foot"
    assert window.editor.session.document.text == path.read_text(encoding="utf-8")
    drag(qtbot, window, "plantar-left", (18.0, 30.0), (14.0, 33.0))  # the next edit keeps their name
    qtbot.waitUntil(lambda: window.editor.session.modified, timeout=3000)
    assert window.state.atlas.zone("heel").name == "Heel of the foot"
    key(qtbot, window, QKeySequence.StandardKey.Undo)
    key(qtbot, window, QKeySequence.StandardKey.Undo)  # the reload undone: the chart as it was here
    assert window.state.atlas.zone("heel").name == "Heel"
