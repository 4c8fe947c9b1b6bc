"""The zone-texts form says of the zone edited what `reflexmap check` warns of: a text that
opens a direction control (U+202E, U+2067 …) and never closes it. Typed into the name, the
warning comes with the change; closed (U+202C typed after it), it goes. Before, the form said
nothing, and the name stood turned around in the zone list."""

from __future__ import annotations

import shutil

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from reflexmap.atlas import load_atlas

from .conftest import click_mm
from .test_editor import DATA


def paste(qtbot, field, text: str) -> None:
    QApplication.clipboard().setText(text)
    qtbot.keyClick(field, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)


def note(window):
    return window.editor.form.direction


def test_the_form_warns_of_a_direction_control_left_open_as_typed(qtbot, make_window, tmp_path):
    path = tmp_path / "small.yaml"
    shutil.copy(DATA / "small.yaml", path)
    window = make_window(load_atlas(path))
    window.edit_action.trigger()
    click_mm(qtbot, window, "plantar-left", 0.0, 25.0)
    assert window.state.zone_id == "heel" and not note(window).isVisible()
    field = window.editor.form.fields[("name", None)]
    field.setFocus()
    field.end(False)
    paste(qtbot, field, " \u202eleft")  # (as copied from elsewhere: no key types it)
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert window.editor.session.draft.atlas.zone("heel").name == "Heel \u202eleft"
    assert note(window).isVisible()
    said = note(window).text()
    assert said.startswith("warning: 'name' opens the direction control U+202E") and "U+202C" in said
    field.end(False)
    paste(qtbot, field, "\u202c")  # closed: an override still (tryout S22-13), said as such
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert window.editor.session.draft.atlas.zone("heel").name == "Heel \u202eleft\u202c"
    assert note(window).isVisible() and "holds the direction override U+202E" in note(window).text()
    window.undo_action.trigger()  # undone: open again, and said again
    assert note(window).isVisible() and "does not close it" in note(window).text()
    field.selectAll()
    paste(qtbot, field, "Heel")  # the override gone: nothing to say
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert not note(window).isVisible()
    window.editor.saving.discard()
