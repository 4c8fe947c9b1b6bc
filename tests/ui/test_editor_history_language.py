# ruff: noqa: F811 (the editing fixtures come from test_editor)
"""Settings → Language while editing keeps the whole undo history (issue 16, S16-4): every
change stays one step of its own, named in the new language in Edit → History, the saved one
stays the saved one (the title's unsaved mark) and the changes undone can still be redone.
Before, the history became one "Unsaved work recovered" step that took back every change at
once, and the steps to redo were gone."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence

from .test_editor import chart, drag, editing, heel  # noqa: F401 (fixtures)


def press(qtbot, window, sequence) -> None:
    combo = QKeySequence(sequence)[0]
    qtbot.keyClick(window.map, combo.key(), combo.keyboardModifiers())


def type_into(qtbot, field, text: str) -> None:
    field.setFocus()
    field.selectAll()
    qtbot.keyClicks(field, text)
    qtbot.keyClick(field, Qt.Key.Key_Tab)  # leaving the field makes the text a change


def history_rows(window) -> list[str]:
    """Edit → History as the panel lists it (the chart as opened first)."""
    model = window.editor.history_dock.widget().model()
    return [model.index(row, 0).data() for row in range(model.rowCount())]


def test_a_language_switch_keeps_every_step_of_the_history_named_in_german(qtbot, editing, chart):
    editing.history_action.trigger()
    session = editing.editor.session
    texts = [session.document.text]  # the chart after each change
    drag(qtbot, editing, "plantar-left", (18, 30), (15, 36))  # a corner
    texts.append(session.document.text)
    press(qtbot, editing, QKeySequence.StandardKey.Save)  # saved here: the clean step
    drag(qtbot, editing, "plantar-left", (0, 22), (0, 26))  # the whole zone
    texts.append(session.document.text)
    type_into(qtbot, editing.editor.form.fields[("claim", None)], "the pelvis and hips")
    texts.append(session.document.text)
    type_into(qtbot, editing.editor.form.fields[("name", None)], "Heel pad")
    texts.append(session.document.text)
    assert len(set(texts)) == 5 and session.stack.count() == 4
    press(qtbot, editing, QKeySequence.StandardKey.Undo)  # the rename waits on the redo side
    assert session.document.text == texts[3]

    editing.language_actions["de"].trigger()
    german = editing.successor
    qtbot.addWidget(german)
    qtbot.waitExposed(german)
    german.activateWindow()  # (offscreen: the old window's closing leaves none active)
    qtbot.waitUntil(german.isActiveWindow, timeout=2000)
    stack = german.editor.session.stack
    assert (stack.count(), stack.index(), stack.cleanIndex()) == (4, 3, 1)
    assert history_rows(german) == [
        "<Karte wie geöffnet>",
        "Eckpunkt verschieben: Heel",
        "Zone verschieben: Heel",
        "Behauptung (Karten verorten …) bearbeiten: Heel",
        "Name bearbeiten: Heel",
    ]
    assert german.editor.session.document.text == texts[3]
    assert german.isWindowModified()

    # Ctrl+Z takes back one change at a time; at the saved one the unsaved mark goes
    for index in (2, 1, 0):
        press(qtbot, german, QKeySequence.StandardKey.Undo)
        assert german.editor.session.document.text == texts[index]
        assert german.isWindowModified() == (index != 1)
    assert heel(german) == ((-18, 2), (18, 2), (18, 30), (-18, 30))  # the chart as opened
    assert german.state.atlas.zone("heel").claim == "the pelvis"
    for index in (1, 2, 3, 4):  # and Ctrl+Shift+Z makes them again, the rename undone before too
        press(qtbot, german, QKeySequence.StandardKey.Redo)
        assert german.editor.session.document.text == texts[index]
        assert german.isWindowModified() == (index != 1)
    assert german.state.atlas.zone("heel").name == "Heel pad"
    assert german.state.atlas.zone("heel").claim == "the pelvis and hips"
