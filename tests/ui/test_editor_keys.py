# ruff: noqa: F811 (the editing fixtures come from test_editor)
"""The editor's keys as a person presses them: Save As by the platform's own key (Statistics
moved off it), and Undo/Redo only where the edits they undo are shown (edit mode)."""

from __future__ import annotations

from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication

from reflexmap.atlas import load_atlas
from reflexmap.ui.statistics import StatisticsWindow

from .test_editor import DATA, chart, drag, editing, heel, key  # noqa: F401 (fixtures)


def window_keys(window) -> dict[str, list[str]]:
    keys: dict[str, list[str]] = {}
    for action in window.findChildren(type(window.undo_action)):
        for sequence in action.shortcuts():
            keys.setdefault(sequence.toString(), []).append(action.text())
    return keys


def test_save_as_has_the_platform_key(qtbot, editing, chart, monkeypatch, tmp_path):
    from reflexmap.ui import dialogs

    asked = []
    target = tmp_path / "copy.yaml"
    monkeypatch.setattr(dialogs, "save_file", lambda *args: asked.append(args) or str(target))
    drag(qtbot, editing, "plantar-left", (0, 25), (0, 30))
    key(qtbot, editing, QKeySequence.StandardKey.SaveAs)
    assert asked, "the Save As key did not ask where to save"
    assert load_atlas(target).zone("heel").shapes == editing.state.atlas.zone("heel").shapes
    assert editing.save_as_action.shortcut() == QKeySequence(QKeySequence.StandardKey.SaveAs)


def test_statistics_has_a_key_of_its_own_and_no_key_is_taken_twice(qtbot, window):
    keys = window_keys(window)
    taken = {k: texts for k, texts in keys.items() if len(texts) > 1}
    assert not taken, taken
    statistics = window.statistics_action.shortcut()
    assert not statistics.isEmpty()
    assert statistics != QKeySequence(QKeySequence.StandardKey.SaveAs)
    combo = statistics[0]
    qtbot.keyClick(window.map, combo.key(), combo.keyboardModifiers())
    shown = [w for w in QApplication.topLevelWidgets() if isinstance(w, StatisticsWindow) and w.isVisible()]
    assert shown
    for w in shown:
        w.close()


def test_undo_while_browsing_changes_nothing(qtbot, editing):
    drag(qtbot, editing, "plantar-left", (18, 30), (14, 34))
    moved = editing.editor.session.document.text
    shapes = editing.state.atlas.zone("heel").shapes
    assert editing.undo_action.isEnabled()
    editing.edit_action.trigger()  # F2 again: browsing
    assert not editing.editor.active
    assert not editing.undo_action.isEnabled()
    key(qtbot, editing, QKeySequence.StandardKey.Undo)
    assert editing.editor.session.document.text == moved
    assert editing.state.atlas.zone("heel").shapes == shapes
    editing.edit_action.trigger()  # back in edit mode, the change can be undone
    assert editing.undo_action.isEnabled()
    key(qtbot, editing, QKeySequence.StandardKey.Undo)
    assert editing.editor.session.document.text != moved
    assert editing.redo_action.isEnabled()
    editing.edit_action.trigger()
    assert not editing.redo_action.isEnabled()
    key(qtbot, editing, QKeySequence.StandardKey.Redo)
    assert editing.editor.session.document.text != moved
