# ruff: noqa: F811 (the editing fixtures come from test_editor)
"""What a new user's tryout of the editor found, played as a person does: keys, menu
actions and drags on the viewport (issue 16, F8 and F11-F17)."""

from __future__ import annotations

import errno

from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMessageBox

from reflexmap.atlas import load_atlas
from reflexmap.ui.editor import autosaving

from .test_editor import DATA, chart, drag, editing, heel  # noqa: F401 (fixtures)
from .test_editor_files import box_named, press


def test_the_title_marks_unsaved_changes(qtbot, editing):
    assert "[*]" in editing.windowTitle() and not editing.isWindowModified()
    drag(qtbot, editing, "plantar-left", (0, 25), (0, 30))
    assert editing.isWindowModified()
    press(qtbot, editing, QKeySequence.StandardKey.Save)
    assert not editing.isWindowModified()
    press(qtbot, editing, QKeySequence.StandardKey.Undo)
    assert editing.isWindowModified()
    editing.editor.saving.discard()


def test_a_full_disk_is_said_in_one_plain_sentence(qtbot, editing, chart, monkeypatch):
    import reflexmap.atlas.writer as writer

    def full(path, payload):  # what the disk says when it is full
        raise OSError(errno.ENOSPC, "No space left on device", str(path))

    monkeypatch.setattr(writer, "write_with_backup", full)
    drag(qtbot, editing, "plantar-left", (0, 25), (0, 30))
    editing.save_action.trigger()
    box = box_named("save-failed")
    assert box is not None
    text = box.text()
    assert "Errno" not in text and "No space left" not in text
    assert text.count("small.yaml") == 1 and "disk is full" in text
    box.close()
    editing.editor.saving.discard()


def test_undo_after_recovering_an_autosave_gives_the_file_back(qtbot, editing, chart, make_window):
    drag(qtbot, editing, "plantar-left", (0, 25), (0, 30))
    moved = heel(editing)
    editing.editor.saving.autosave()
    editing.editor.session.close()  # the app "crashes"
    editing.close()
    later = make_window(load_atlas(chart))
    qtbot.waitUntil(lambda: box_named("recover-autosave") is not None, timeout=3000)
    box = box_named("recover-autosave")
    recover = next(b for b in box.buttons() if box.buttonRole(b) == QMessageBox.ButtonRole.AcceptRole)
    recover.click()
    qtbot.waitUntil(lambda: later.editor.active, timeout=3000)
    assert heel(later) == moved and later.editor.session.modified
    assert later.undo_action.isEnabled()  # Edit → Undo steps back to the file
    later.undo_action.trigger()  # Edit → Undo
    assert later.editor.session.document.text == chart.read_text()
    assert not later.editor.session.modified
    assert later.state.atlas.zone("heel").shapes == load_atlas(chart).zone("heel").shapes
    later.redo_action.trigger()
    assert heel(later) == moved and later.editor.session.modified
    later.editor.saving.discard()


def test_a_new_chart_with_outlines_only_writes_no_other_charts_zones_sources_or_words(
    qtbot, editing, monkeypatch, tmp_path
):
    from reflexmap.ui import dialogs

    editing.new_chart_action.trigger()
    dialog = next(
        w for w in QApplication.topLevelWidgets() if w.objectName() == "new-chart" and w.isVisible()
    )
    dialog.empty.setChecked(True)
    qtbot.keyClicks(dialog.tradition, "My practice")  # the author's own: asked, OK waits for it
    dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()
    qtbot.waitUntil(lambda: editing.state.atlas.title == "My chart", timeout=5000)
    target = tmp_path / "mine.yaml"
    monkeypatch.setattr(dialogs, "save_file", lambda *args: str(target))
    press(qtbot, editing, QKeySequence.StandardKey.Save)
    text = target.read_text()
    assert "# Head" not in text and "head to heel" not in text  # the zones' comments
    assert "sources: []" in text and "voner" not in text  # no zone cites a source
    # the outlines' file's comments stay behind (they speak of that file); its own header only
    assert [line for line in text.splitlines() if line.lstrip().startswith("#")] == [text.splitlines()[0]]
    saved = load_atlas(target)
    assert saved.zones == () and len(saved.views) == 8


def test_a_new_chart_is_not_drawn_over_the_main_charts_zones(qtbot, editing):
    from reflexmap.render.partial import base_for

    editing.new_chart_action.trigger()
    dialog = next(
        w for w in QApplication.topLevelWidgets() if w.objectName() == "new-chart" and w.isVisible()
    )
    dialog.empty.setChecked(True)
    qtbot.keyClicks(dialog.tradition, "My practice")  # the author's own: asked, OK waits for it
    dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()
    qtbot.waitUntil(lambda: editing.state.atlas.title == "My chart", timeout=5000)
    assert base_for(editing.state.atlas) is None
    editing.editor.saving.discard()


def test_autosave_falls_back_to_the_data_folder_and_is_found_there(qtbot, editing, chart, monkeypatch):
    real = autosaving._write

    def beside_full(path, payload):  # the chart's folder is full (or read-only)
        if path.parent == chart.parent:
            raise OSError(errno.ENOSPC, "No space left on device", str(path))
        real(path, payload)

    monkeypatch.setattr(autosaving, "_write", beside_full)
    drag(qtbot, editing, "plantar-left", (0, 25), (0, 30))
    written = editing.editor.saving.autosave()
    assert written is not None and written.parent == autosaving.autosave_folder()
    assert [e["chart"] for e in autosaving.read_index() if e["autosave"] == str(written)] == [str(chart)]
    assert box_named("autosave-failed") is None
    editing.editor.saving.discard()
    assert not written.exists() and autosaving.read_index() == []


def test_no_autosave_anywhere_is_said_once(qtbot, editing, monkeypatch):
    def full(path, payload):
        raise OSError(errno.ENOSPC, "No space left on device", str(path))

    monkeypatch.setattr(autosaving, "_write", full)
    drag(qtbot, editing, "plantar-left", (0, 25), (0, 30))
    assert editing.editor.saving.autosave() is None
    box = box_named("autosave-failed")
    assert box is not None
    box.close()
    drag(qtbot, editing, "plantar-left", (0, 30), (0, 35))
    assert editing.editor.saving.autosave() is None
    assert box_named("autosave-failed") is None  # not again at every try
    editing.editor.saving.discard()
