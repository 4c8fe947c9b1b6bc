# ruff: noqa: F811 (the editing fixtures come from test_editor)
"""The form beside the map as a person types in it: claim, technique and note take several
lines; a burst of typing is one undo step, made when the field is left (or saved)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QPlainTextEdit

from reflexmap.atlas import load_atlas

from .conftest import viewport_pos
from .test_editor import DATA, chart, editing, key  # noqa: F401 (fixtures)


def type_lines(qtbot, field, *lines: str) -> None:
    qtbot.mouseClick(field.viewport(), Qt.MouseButton.LeftButton)
    field.selectAll()
    for i, line in enumerate(lines):
        if i:
            qtbot.keyClick(field, Qt.Key.Key_Return)
        qtbot.keyClicks(field, line)


def test_technique_takes_several_lines_as_one_undo_step(qtbot, editing, chart):
    form = editing.editor.form
    field = form.fields[("technique", None)]
    assert isinstance(field, QPlainTextEdit)
    old = editing.state.atlas.zone("heel").technique
    stack = editing.editor.session.stack
    type_lines(qtbot, field, "Thumb-walk across the heel.", "Then press the centre.")
    assert stack.count() == 0  # typing is not a change a key
    form.fields[("name", None)].setFocus()  # the field is left: one change
    assert stack.count() == 1
    assert editing.state.atlas.zone("heel").technique == "Thumb-walk across the heel.\nThen press the centre."
    editing.save_action.trigger()
    assert "technique: |-" in chart.read_text()  # a block, as an author writes one
    assert load_atlas(chart).zone("heel").technique.endswith("\nThen press the centre.")
    key(qtbot, editing, QKeySequence.StandardKey.Undo)
    assert editing.state.atlas.zone("heel").technique == old
    assert field.toPlainText() == old


def test_text_being_typed_is_saved_by_ctrl_s(qtbot, editing, chart):
    field = editing.editor.form.fields[("note", "de")]
    assert isinstance(field, QPlainTextEdit)
    type_lines(qtbot, field, "Zeile eins", "Zeile zwei")
    combo = QKeySequence(QKeySequence.StandardKey.Save)[0]
    qtbot.keyClick(field, combo.key(), combo.keyboardModifiers())  # still in the field
    assert load_atlas(chart).zone("heel").translations["de"]["note"] == "Zeile eins\nZeile zwei"
    assert editing.editor.session.stack.count() == 1


def rename(qtbot, form, text: str) -> None:
    field = form.zone_id
    field.setFocus()
    field.selectAll()
    qtbot.keyClicks(field, text)
    qtbot.keyClick(field, Qt.Key.Key_Return)


@pytest.mark.parametrize(
    ("typed", "why"),
    [("", "needs an id"), ("Heel Pad", "lower-case"), ("band", "already a zone"), ("heel_pad", "hyphens")],
)
def test_a_bad_zone_id_is_refused_with_a_message(qtbot, editing, typed, why):
    form = editing.editor.form
    if typed:
        rename(qtbot, form, typed)
    else:
        form.zone_id.setFocus()
        form.zone_id.selectAll()
        qtbot.keyClick(form.zone_id, Qt.Key.Key_Delete)
        qtbot.keyClick(form.zone_id, Qt.Key.Key_Return)
    assert editing.state.atlas.has_zone("heel")
    assert editing.editor.session.stack.count() == 0
    assert form.zone_id.text() == "heel"
    assert why in editing.statusBar().currentMessage()


def test_renaming_a_zone_keeps_its_mirror_and_undoes(qtbot, editing, chart):
    form = editing.editor.form
    rename(qtbot, form, "heel-pad")
    atlas = editing.state.atlas
    assert not atlas.has_zone("heel") and atlas.has_zone("heel-pad")
    assert atlas.zone("heel-pad").in_view("plantar-right")  # still mirrored
    assert editing.editor.session.written_shape("heel-pad", "plantar-right") == "mirror"
    assert editing.state.zone_id == "heel-pad"  # still the one being edited
    assert editing.editor.session.draft.problems == ()
    editing.save_action.trigger()
    assert "id: heel-pad" in chart.read_text() and chart.read_text().startswith("# A chart with simple")
    key(qtbot, editing, QKeySequence.StandardKey.Undo)
    assert editing.state.atlas.has_zone("heel") and not editing.state.atlas.has_zone("heel-pad")


def test_chart_properties_are_edited_in_one_undoable_change(qtbot, editing, chart):
    from PySide6.QtWidgets import QDialog, QDialogButtonBox

    editing.chart_properties_action.trigger()
    dialog = editing.findChild(QDialog, "chart-properties")
    assert dialog is not None and dialog.isVisible()
    title = dialog.fields[("title", None)]
    assert title.text() == "Small test chart"
    title.selectAll()
    qtbot.keyClicks(title, "My heel chart")
    description = dialog.fields[("description", None)]
    qtbot.mouseClick(description.viewport(), Qt.MouseButton.LeftButton)
    qtbot.keyClicks(description, "First line.")
    qtbot.keyClick(description, Qt.Key.Key_Return)
    qtbot.keyClicks(description, "Second line.")
    german = dialog.fields[("title", "de")]
    german.setFocus()
    qtbot.keyClicks(german, "Meine Fersenkarte")
    qtbot.mouseClick(
        dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok),
        Qt.MouseButton.LeftButton,
    )
    atlas = editing.editor.session.draft.atlas
    assert atlas.title == "My heel chart"
    assert atlas.description == "First line.\nSecond line."
    assert atlas.translations["de"]["title"] == "Meine Fersenkarte"
    assert editing.editor.session.stack.count() == 1  # one step for the dialog
    editing.save_action.trigger()
    saved = load_atlas(chart)
    assert (saved.title, saved.description) == ("My heel chart", "First line.\nSecond line.")
    assert chart.read_text().startswith("# A chart with simple shapes")
    key(qtbot, editing, QKeySequence.StandardKey.Undo)
    assert editing.editor.session.draft.atlas.title == "Small test chart"
    assert "de" not in (editing.editor.session.draft.atlas.translations or {})


def test_an_edit_that_widens_the_labels_leaves_the_feet_where_they_are(qtbot, editing):
    """A longer name makes its label column wider: the map must not rescale and move the feet
    under the author's hand (it did: the chart was fitted again after every edit). Fit to
    window still fits the chart on request."""
    before = editing.map.transform().m11(), viewport_pos(editing, "plantar-left", 0, 25)
    name = editing.editor.form.fields[("name", None)]
    name.setFocus()
    name.selectAll()
    qtbot.keyClicks(name, "The heel pad and the whole lower part of the heel, outer side")
    qtbot.keyClick(name, Qt.Key.Key_Return)
    assert editing.state.atlas.zone("heel").name.startswith("The heel pad")
    # the name is shortened to the room its label has on screen: no label runs past the map
    assert labels_outside(editing) == []
    assert editing.map.transform().m11() == before[0]
    assert (viewport_pos(editing, "plantar-left", 0, 25) - before[1]).manhattanLength() <= 1
    editing.fit_action.trigger()
    assert editing.map.transform().m11() != before[0]


LONG_NAME = "The heel pad and the whole lower part of the heel, outer side, as far as the ankle bone"


def labels_outside(window) -> list[str]:
    """The labels drawn past the map's visible edges."""
    shown = window.map.viewport().rect()
    outside = []
    for label in window.map.chart.labels.values():
        if not label.text.isVisible():
            continue
        box = window.map.mapFromScene(label.text.sceneBoundingRect()).boundingRect()
        if not shown.contains(box):
            outside.append(f"{label.text.text()} {box} in {shown}")
    return outside


@pytest.mark.parametrize("zoomed", [False, True])
def test_a_much_longer_name_stays_inside_the_map_without_rescaling_it(qtbot, editing, zoomed):
    """A name made much longer while the map is kept in place is shortened with "…" inside
    the map (it ran past the viewport's edge until Fit to window); the map keeps its scale
    and place; Fit to window shows it whole."""
    if zoomed:
        editing.zoom_in_action.trigger()
    assert labels_outside(editing) == [] or zoomed
    before = labels_outside(editing)
    others = {k: v.text.text() for k, v in editing.map.chart.labels.items() if k[1] != "heel"}
    scale, heel = editing.map.transform().m11(), viewport_pos(editing, "plantar-left", 0, 25)
    name = editing.editor.form.fields[("name", None)]
    name.setFocus()
    name.selectAll()
    qtbot.keyClicks(name, LONG_NAME)
    qtbot.keyClick(name, Qt.Key.Key_Return)
    assert editing.state.atlas.zone("heel").name == LONG_NAME
    assert editing.map.transform().m11() == scale
    assert (viewport_pos(editing, "plantar-left", 0, 25) - heel).manhattanLength() <= 1
    assert len(labels_outside(editing)) <= len(before)
    assert {k: v.text.text() for k, v in editing.map.chart.labels.items() if k[1] != "heel"} == others
    shortened = editing.map.chart.label_text("heel")
    assert editing.map.chart.labels[("plantar-left", "heel")].text.isVisible() and "…" in shortened
    editing.fit_action.trigger()  # View → Fit to window: as long as a label may be
    assert editing.map.chart.label_room_mm is None
    assert len(editing.map.chart.label_text("heel")) > len(shortened)


def test_renaming_on_a_full_chart_at_largest_text_shortens_only_that_name(qtbot, make_window):
    """The Western chart at Largest text, 1440 × 900: its sciatic nerve renamed at length. The
    drawing kept in place keeps its text size (a second round made every label 2 % larger,
    and the widest, whole before, was cut), no other label changes and none runs past the map."""
    from reflexmap.atlas import builtin_charts

    from .conftest import click_zone

    western = next(p for p in builtin_charts() if "ingham" in p.name)
    window = make_window(load_atlas(western))
    window.text_size_actions[1.5].trigger()  # Settings → Text size → Largest
    window.resize(1440, 900)
    qtbot.wait(200)
    window.edit_action.trigger()
    click_zone(qtbot, window, "plantar-left", "sciatic-nerve")
    chart = window.map.chart
    others = {k: v.text.text() for k, v in chart.labels.items() if k[1] != "sciatic-nerve"}
    size = chart.label_mm
    name = window.editor.form.fields[("name", None)]
    name.setFocus()
    name.selectAll()
    qtbot.keyClicks(name, "Sciatic nerve with the whole heel band up to the inner ankle bone")
    qtbot.keyClick(name, Qt.Key.Key_Return)
    assert window.map.chart.label_mm == size
    assert {k: v.text.text() for k, v in window.map.chart.labels.items() if k[1] != "sciatic-nerve"} == others
    assert labels_outside(window) == []
