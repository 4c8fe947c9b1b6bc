# ruff: noqa: F811 (the editing fixtures come from test_editor)
"""Edit → Chart properties… sets the chart's `zone_names` (how its zone names read inside a
sentence: "the lumbar spine" or "the Achilles tendon"), as one undoable change saved with the
author's comments kept (before, only by editing the file)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QComboBox

from reflexmap.atlas import load_atlas

from .test_editor import chart, editing, key  # noqa: F401 (fixtures)
from .test_editor_sources import ok, open_dialog


def test_zone_names_chosen_in_chart_properties_undone_and_saved(qtbot, editing, chart):
    original = chart.read_bytes()
    assert editing.state.atlas.zone_names == "as written"  # (the file does not say)
    dialog = open_dialog(editing)
    choice = dialog.findChild(QComboBox, "chart-zone-names")
    assert choice.currentData() == "as written"
    assert [choice.itemData(i) for i in range(choice.count())] == ["common nouns", "as written"]
    choice.setFocus()
    qtbot.keyClick(choice, Qt.Key.Key_Up)  # as a person picks it with the keyboard
    assert choice.currentData() == "common nouns"
    ok(qtbot, dialog)
    assert editing.state.atlas.zone_names == "common nouns"
    stack = editing.editor.session.stack
    assert stack.text(stack.index() - 1) == "Chart properties"
    editing.save_action.trigger()
    text = chart.read_text(encoding="utf-8")
    assert text.startswith("# A chart with simple shapes")  # the author's comment kept
    assert 'tradition: "Test"\nzone_names: common nouns\n' in text
    assert load_atlas(chart).zone_names == "common nouns"
    key(qtbot, editing, QKeySequence.StandardKey.Undo)
    assert editing.state.atlas.zone_names == "as written"
    qtbot.waitUntil(lambda: editing.findChild(type(dialog), "chart-properties") is None)  # (deleted)
    again = open_dialog(editing)
    assert again.findChild(QComboBox, "chart-zone-names").currentData() == "as written"
    again.reject()
    editing.save_action.trigger()
    assert chart.read_bytes() == original


def test_ok_without_choosing_leaves_the_key_as_the_file_has_it(qtbot, editing, chart):
    dialog = open_dialog(editing)
    ok(qtbot, dialog)
    assert editing.editor.session.stack.count() == 0
