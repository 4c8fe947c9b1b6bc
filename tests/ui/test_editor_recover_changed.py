# ruff: noqa: F811 (the editing fixtures come from test_editor)
"""Work autosaved before a crash, and the chart file changed by another program before the
next start (tryout S21-7): the recovery question says so, Recover keeps both (the work in the
window, the other program's file untouched on disk and one Undo away), and Save asks before
writing over it, as any save over another program's change does."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox

from reflexmap.atlas import load_atlas
from reflexmap.ui.editor import autosaving

from .test_editor import DATA, chart, drag, editing, heel  # noqa: F401 (fixtures)
from .test_editor_changed_on_disk import answer_with, other_program_renames_the_heel
from .test_editor_files import box_named


def crash_after_autosave(qtbot, editing, chart):
    drag(qtbot, editing, "plantar-left", (0, 25), (0, 30))
    moved = heel(editing)
    assert editing.editor.saving.autosave() == chart.with_name(".small.yaml.autosave")
    editing.editor.session.close()  # the app "crashes": no question, the autosave stays
    editing.close()
    return moved


def recovery_box(qtbot) -> QMessageBox:
    qtbot.waitUntil(lambda: box_named("recover-autosave") is not None, timeout=3000)
    return box_named("recover-autosave")


def click_role(box: QMessageBox, role: QMessageBox.ButtonRole) -> None:
    next(b for b in box.buttons() if box.buttonRole(b) == role).click()


def test_recovery_says_the_file_changed_since_and_save_then_asks(qtbot, editing, chart, make_window):
    moved = crash_after_autosave(qtbot, editing, chart)
    other_program_renames_the_heel(chart)
    later = make_window(load_atlas(chart))
    box = recovery_box(qtbot)
    assert "changed by another program" in box.text() + box.informativeText(), box.text()
    click_role(box, QMessageBox.ButtonRole.AcceptRole)  # Recover
    qtbot.waitUntil(lambda: later.editor.active, timeout=3000)
    assert later.editor.session.written_shape("heel", "plantar-left")[0] == moved
    assert 'name: "Heel pad"' in chart.read_text(encoding="utf-8")  # the file untouched
    later.editor.saving.window_activated()  # said once, in the recovery question: not asked again
    assert box_named("changed-on-disk-now") is None
    seen: list[str] = []
    answer_with("Cancel", seen)
    later.save_action.trigger()  # Ctrl+S
    assert seen and seen[0] == "changed-on-disk", seen
    assert 'name: "Heel pad"' in chart.read_text(encoding="utf-8")  # not written over
    assert later.isWindowModified()
    # Undo gives the file as the other program left it (their edit is in the window too)
    later.editor.session.stack.undo()
    assert later.state.atlas.zone("heel").name == "Heel pad"


def test_recovery_of_an_unchanged_file_neither_warns_nor_asks_at_save(qtbot, editing, chart, make_window):
    moved = crash_after_autosave(qtbot, editing, chart)
    later = make_window(load_atlas(chart))
    box = recovery_box(qtbot)
    assert "another program" not in box.text() + box.informativeText()
    click_role(box, QMessageBox.ButtonRole.AcceptRole)
    qtbot.waitUntil(lambda: later.editor.active, timeout=3000)
    later.save_action.trigger()  # Ctrl+S
    assert box_named("changed-on-disk") is None
    assert load_atlas(chart).zone("heel").shapes == later.state.atlas.zone("heel").shapes
    assert load_atlas(chart).zone("heel").name == load_atlas(DATA / "small.yaml").zone("heel").name
    assert autosaving.read_index() == []
    del moved


def test_an_autosave_entry_without_a_base_and_an_older_autosave_than_the_file_still_warns(
    qtbot, editing, chart, make_window
):
    """An index written by an older version (no record of the file): a file written after the
    autosave is taken as changed since."""
    crash_after_autosave(qtbot, editing, chart)
    entries = autosaving.read_index()
    for entry in entries:
        entry.pop("base", None)
    autosaving._write_index(entries)
    other_program_renames_the_heel(chart)
    later = make_window(load_atlas(chart))
    box = recovery_box(qtbot)
    assert "changed by another program" in box.text() + box.informativeText(), box.text()
    click_role(box, QMessageBox.ButtonRole.AcceptRole)
    qtbot.waitUntil(lambda: later.editor.active, timeout=3000)
    seen: list[str] = []
    answer_with("Cancel", seen)
    later.save_action.trigger()
    assert seen and seen[0] == "changed-on-disk", seen
    assert 'name: "Heel pad"' in chart.read_text(encoding="utf-8")
