# ruff: noqa: F811 (the editing fixtures come from test_editor)
"""Ctrl+Z and Ctrl+Shift+Z typed in a field of the Zone texts form are the chart's Undo and
Redo, as everywhere in edit mode: what was typed in the field is one change (made first, if
it is not yet), so the field, the map's zone, the zone list and Edit → History agree after
every key, with the field still focused."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence

from .test_editor import chart, editing  # noqa: F401 (fixtures)


def press(qtbot, widget, sequence: QKeySequence.StandardKey) -> None:
    combo = QKeySequence(sequence)[0]
    qtbot.keyClick(widget, combo.key(), combo.keyboardModifiers())


def type_into(qtbot, field, text: str) -> None:
    field.setFocus()
    field.selectAll()
    qtbot.keyClicks(field, text)


def listed_names(window) -> list[str]:
    model = window.zones.list.model()
    return [model.index(r, 0).data() for r in range(model.rowCount())]


def agree(window, field, name: str, index: int) -> None:
    """The field, the chart shown, the zone list and the history all say `name`."""
    assert field.text() == name
    assert window.state.atlas.zone("heel").name == name
    assert any(name in row for row in listed_names(window))
    assert window.editor.session.stack.index() == index
    history = window.editor.history_dock.widget()  # Edit → History: the row of the change shown
    assert history.selectionModel().currentIndex().row() == index
    assert window.editor.session.draft.atlas.zone("heel").name == name  # the file's text


def test_ctrl_z_in_a_field_being_typed_in_undoes_the_typing_everywhere(qtbot, editing):
    editing.history_action.trigger()
    form = editing.editor.form
    field = form.fields[("name", None)]
    old = editing.state.atlas.zone("heel").name
    type_into(qtbot, field, "Heel pad")
    press(qtbot, field, QKeySequence.StandardKey.Undo)
    assert field.hasFocus()
    agree(editing, field, old, 0)
    assert editing.editor.session.stack.count() == 1  # the typing waits on the redo side
    press(qtbot, field, QKeySequence.StandardKey.Redo)
    agree(editing, field, "Heel pad", 1)
    form.fields[("claim", None)].setFocus()  # the field is left: nothing more happens
    assert editing.editor.session.stack.count() == 1
    agree(editing, field, "Heel pad", 1)


def test_ctrl_z_after_enter_undoes_the_text_and_leaving_the_field_keeps_it_undone(qtbot, editing):
    editing.history_action.trigger()
    form = editing.editor.form
    field = form.fields[("name", None)]
    old = editing.state.atlas.zone("heel").name
    type_into(qtbot, field, "Heel pad")
    qtbot.keyClick(field, Qt.Key.Key_Return)  # made a change; the field keeps focus
    agree(editing, field, "Heel pad", 1)
    press(qtbot, field, QKeySequence.StandardKey.Undo)
    agree(editing, field, old, 0)
    form.fields[("claim", None)].setFocus()
    assert editing.editor.session.stack.count() == 1
    agree(editing, field, old, 0)


def test_ctrl_z_in_an_untouched_field_undoes_the_last_change_of_the_chart(qtbot, editing):
    editing.history_action.trigger()
    form = editing.editor.form
    name = form.fields[("name", None)]
    old = editing.state.atlas.zone("heel").name
    type_into(qtbot, name, "Heel pad")
    qtbot.keyClick(name, Qt.Key.Key_Tab)  # on to the claim: the name is one change
    claim = form.fields[("claim", None)]
    assert claim.hasFocus()
    press(qtbot, claim, QKeySequence.StandardKey.Undo)
    agree(editing, name, old, 0)
    press(qtbot, claim, QKeySequence.StandardKey.Redo)
    agree(editing, name, "Heel pad", 1)


def test_ctrl_z_in_a_multi_line_field_undoes_its_typing_everywhere(qtbot, editing):
    form = editing.editor.form
    field = form.fields[("technique", None)]
    old = editing.state.atlas.zone("heel").technique
    type_into(qtbot, field, "Press the centre.")
    press(qtbot, field, QKeySequence.StandardKey.Undo)
    assert field.text() == old == editing.state.atlas.zone("heel").technique
    assert editing.editor.session.stack.index() == 0
    press(qtbot, field, QKeySequence.StandardKey.Redo)
    assert field.text() == "Press the centre." == editing.state.atlas.zone("heel").technique
    form.fields[("name", None)].setFocus()
    assert editing.editor.session.stack.count() == 1


def test_ctrl_z_on_a_refused_id_gives_the_id_back_and_undoes_nothing_else(qtbot, editing):
    editing.history_action.trigger()
    form = editing.editor.form
    name = form.fields[("name", None)]
    type_into(qtbot, name, "Heel pad")
    qtbot.keyClick(name, Qt.Key.Key_Return)
    type_into(qtbot, form.zone_id, "Not An Id")
    press(qtbot, form.zone_id, QKeySequence.StandardKey.Undo)
    assert form.zone_id.text() == "heel"
    agree(editing, name, "Heel pad", 1)  # the name change is still made


def test_ctrl_z_in_the_id_field_gives_the_zone_its_id_back_and_keeps_it_selected(qtbot, editing):
    form = editing.editor.form
    type_into(qtbot, form.zone_id, "heel-pad")
    press(qtbot, form.zone_id, QKeySequence.StandardKey.Undo)  # made, then undone
    assert editing.state.atlas.has_zone("heel") and not editing.state.atlas.has_zone("heel-pad")
    assert editing.state.zone_id == "heel" and form.zone_id.text() == "heel"
    assert form.isEnabled()
    press(qtbot, form.zone_id, QKeySequence.StandardKey.Redo)
    assert editing.state.zone_id == "heel-pad" and form.zone_id.text() == "heel-pad"
    assert editing.editor.session.stack.index() == 1


def test_after_ctrl_z_typing_goes_on_where_the_undone_text_began(qtbot, editing):
    """Tryout S13-11: the caret jumped to the start of the field after Ctrl+Z, so "abc",
    " def" typed at its end, Ctrl+Z, "ghi" made "ghiabc"."""
    form = editing.editor.form
    for name in ("claim", "name"):  # a multi-line field and a line
        field = form.fields[(name, None)]
        type_into(qtbot, field, "abc")
        qtbot.keyClick(field, Qt.Key.Key_Tab)  # left: "abc" is one change
        field.setFocus()
        qtbot.keyClick(field, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)  # at its end
        qtbot.keyClicks(field, " def")
        press(qtbot, field, QKeySequence.StandardKey.Undo)
        assert field.hasFocus() and field.text() == "abc"
        qtbot.keyClicks(field, "ghi")
        assert field.text() == "abcghi", name
        press(qtbot, field, QKeySequence.StandardKey.Undo)  # "ghi" undone
        press(qtbot, field, QKeySequence.StandardKey.Redo)  # and redone: the caret after it
        qtbot.keyClicks(field, "!")
        assert field.text() == "abcghi!", name


def test_a_field_not_typed_in_shows_the_beginning_of_its_text_after_an_undo(qtbot, editing):
    form = editing.editor.form
    claim = form.fields[("claim", None)]
    type_into(qtbot, claim, "A long claim " * 20)
    qtbot.keyClick(claim, Qt.Key.Key_Tab)
    form.fields[("name", None)].setFocus()
    press(qtbot, form.fields[("name", None)], QKeySequence.StandardKey.Undo)
    assert claim.textCursor().position() == 0
