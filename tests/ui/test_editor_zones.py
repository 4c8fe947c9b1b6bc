# ruff: noqa: F811 (the editing fixtures come from test_editor)
"""Zones drawn, duplicated, deleted and described as a person does it: clicks on the map,
Enter or a double-click to close, the Edit menu's actions, typing in the form beside the map;
live validation marks while dragging; snapping; mirrors kept or broken on purpose."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QKeySequence

from reflexmap.atlas import load_atlas

from .conftest import click_mm, viewport_pos
from .test_editor import DATA, chart, drag, editing, heel, key  # noqa: F401 (fixtures)
from .test_editor_new_zone_sources import tick_source


def test_drawing_a_zone_by_clicks_closed_with_enter(qtbot, editing, chart):
    editing.draw_action.trigger()
    for point in ((-15, 60), (5, 60), (5, 72), (-15, 72)):
        click_mm(qtbot, editing, "plantar-left", *point)
    assert len(editing.editor.tool.overlay.handles) == 4
    qtbot.keyClick(editing.map, Qt.Key.Key_Return)
    zone_id = editing.state.zone_id
    assert zone_id == "new-zone-1"
    ring = editing.editor.session.written_shape(zone_id, "plantar-left")[0]
    assert len(ring) == 4 and abs(ring[0][0] + 15) < 0.6 and abs(ring[2][1] - 72) < 0.6
    assert editing.state.atlas.zones_at("plantar-left", -5, 66)[0].id == zone_id
    name = editing.state.atlas.zone(zone_id).name
    assert editing.editor.session.stack.text(0) == f"Draw zone: {name}"  # as Edit → History says it
    key(qtbot, editing, QKeySequence.StandardKey.Undo)
    assert not editing.state.atlas.has_zone(zone_id)
    key(qtbot, editing, QKeySequence.StandardKey.Redo)
    assert editing.state.atlas.has_zone(zone_id)
    click_mm(qtbot, editing, "plantar-left", -5, 66)  # (redone, selected again by a click)
    tick_source(qtbot, editing)  # (a zone drawn names no source until one is ticked)
    editing.save_action.trigger()
    assert load_atlas(chart).zone(zone_id).shapes == editing.editor.session.draft.atlas.zone(zone_id).shapes


def test_a_double_click_closes_the_drawn_zone_and_escape_cancels(qtbot, editing):
    editing.draw_action.trigger()
    click_mm(qtbot, editing, "plantar-left", -15, 60)
    qtbot.keyClick(editing.map, Qt.Key.Key_Escape)
    assert editing.editor.tool.drawing is None
    editing.draw_action.trigger()
    for point in ((-15, 60), (5, 60), (5, 72)):
        click_mm(qtbot, editing, "plantar-left", *point)
    last = viewport_pos(editing, "plantar-left", -15, 72)  # a double-click: a click, then the second
    qtbot.mouseClick(editing.map.viewport(), Qt.MouseButton.LeftButton, pos=last)
    qtbot.mouseDClick(editing.map.viewport(), Qt.MouseButton.LeftButton, pos=last)
    ring = editing.editor.session.written_shape(editing.state.zone_id, "plantar-left")[0]
    assert len(ring) == 4


def test_duplicate_and_delete_zone_from_the_edit_menu(qtbot, editing):
    editing.duplicate_action.trigger()
    assert editing.state.zone_id == "heel-copy"
    copy = editing.editor.session.written_shape("heel-copy", "plantar-left")[0]
    assert copy[0] == (heel(editing)[0][0] + 3.0, heel(editing)[0][1] - 3.0)
    assert editing.editor.session.written_shape("heel-copy", "plantar-right") == "mirror"
    editing.delete_action.trigger()
    assert not editing.state.atlas.has_zone("heel-copy")
    assert editing.state.zone_id == ""
    key(qtbot, editing, QKeySequence.StandardKey.Undo)
    assert editing.state.atlas.has_zone("heel-copy")
    key(qtbot, editing, QKeySequence.StandardKey.Undo)
    assert not editing.state.atlas.has_zone("heel-copy")


def test_break_mirror_lets_the_feet_be_edited_apart(qtbot, editing):
    editing.break_mirror_action.trigger()
    right = editing.editor.session.written_shape("heel", "plantar-right")
    assert right != "mirror" and right[0][0] == (18.0, 2.0)  # the left foot's (-18, 2), mirrored
    drag(qtbot, editing, "plantar-right", (-18, 30), (-12, 36))
    assert heel(editing)[3] == (-18.0, 30.0)  # the left foot stays as it was
    assert abs(heel(editing, "plantar-right")[2][0] + 12) < 0.6
    key(qtbot, editing, QKeySequence.StandardKey.Undo)
    key(qtbot, editing, QKeySequence.StandardKey.Undo)
    assert editing.editor.session.written_shape("heel", "plantar-right") == "mirror"


def test_texts_typed_in_the_form_are_changes_that_undo(qtbot, editing, chart):
    form = editing.editor.form
    assert editing.editor.form_dock.isVisible()
    name = form.fields[("name", None)]
    assert name.text() == "Heel"
    name.selectAll()
    qtbot.keyClicks(name, "Heel pad")
    qtbot.keyClick(name, Qt.Key.Key_Return)
    assert editing.state.atlas.zone("heel").name == "Heel pad"
    german = form.fields[("name", "de")]
    german.setFocus()
    qtbot.keyClicks(german, "Fersenballen")
    qtbot.keyClick(german, Qt.Key.Key_Return)
    assert editing.editor.session.draft.atlas.zone("heel").translations["de"]["name"] == "Fersenballen"
    form.region.setCurrentIndex(form.region.findData("nerve"))
    form.region.activated.emit(form.region.currentIndex())
    assert editing.state.atlas.zone("heel").region == "nerve"
    key(qtbot, editing, QKeySequence.StandardKey.Undo)
    key(qtbot, editing, QKeySequence.StandardKey.Undo)
    assert "de" not in editing.editor.session.draft.atlas.zone("heel").translations
    key(qtbot, editing, QKeySequence.StandardKey.Undo)
    assert editing.state.atlas.zone("heel").name == "Heel"
    assert name.text() == "Heel"
    name.selectAll()
    qtbot.keyClick(name, Qt.Key.Key_Delete)
    qtbot.keyClick(name, Qt.Key.Key_Return)
    assert editing.state.atlas.zone("heel").name == "Heel"  # a zone keeps a name
    assert "name" in editing.statusBar().currentMessage()


def test_a_vertex_dragged_out_of_the_foot_is_marked_while_dragging(qtbot, editing):
    viewport = editing.map.viewport()
    a = viewport_pos(editing, "plantar-left", 18, 30)
    b = viewport_pos(editing, "plantar-left", 32, 30)
    qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, pos=a)
    for i in range(1, 6):
        qtbot.mouseMove(viewport, QPoint(a.x() + (b.x() - a.x()) * i // 5, a.y()))
    messages = editing.editor.tool.overlay.messages
    assert any("Heel" in m and "outside" in m for m in messages), messages  # (the zone by its name)
    assert editing.editor.session.stack.count() == 0  # nothing changed yet: only marked
    qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, pos=b)
    problems = editing.editor.session.draft.problems
    assert problems and problems[0].zone == "heel" and problems[0].vertex == 2
    assert any("outside" in m for m in editing.editor.tool.overlay.messages)
    assert "problem" in editing.editor.problems_label.text()


def test_a_crossing_and_a_duplicate_id_are_marked_with_the_checkers_message(qtbot, editing):
    drag(qtbot, editing, "plantar-left", (18, 30), (-10, 1))  # the ring now crosses itself
    assert any("crosses itself" in m for m in editing.editor.tool.overlay.messages)
    key(qtbot, editing, QKeySequence.StandardKey.Undo)
    from reflexmap.atlas.edits import SetText  # noqa: F401 (the id is not a form field)

    editing.duplicate_action.trigger()
    from reflexmap.atlas.document import ChartDocument

    text = editing.editor.session.document.text.replace("id: heel-copy", "id: heel")
    editing.editor.session.show(ChartDocument.from_text(text, "x.yaml"))
    editing.state.select("heel")
    assert any("duplicate zone id 'heel'" in m for m in editing.editor.tool.overlay.messages)


def test_a_dragged_vertex_snaps_to_the_outline_unless_shift_is_held(qtbot, editing):
    drag(qtbot, editing, "plantar-left", (18, 30), (19.4, 40))
    assert heel(editing)[2][0] == 20.0  # onto the outline's edge at x = 20
    drag(qtbot, editing, "plantar-left", (20, 40), (16.5, 44.2))
    assert heel(editing)[2] == (16.0, 45.0)  # onto the strip's corner
    drag(qtbot, editing, "plantar-left", (16, 45), (19.3, 40), modifier=Qt.KeyboardModifier.ShiftModifier)
    assert abs(heel(editing)[2][0] - 19.3) < 0.5 and heel(editing)[2][0] != 20.0


def test_arrow_keys_in_a_text_field_do_not_move_the_zone(qtbot, editing):
    name = editing.zones.search  # the zone list's search field
    name.setFocus()
    before = heel(editing)
    qtbot.keyClick(name, Qt.Key.Key_Down)
    qtbot.keyClick(name, Qt.Key.Key_Up)
    editing.editor.tool.commit_nudge()
    assert heel(editing) == before and editing.editor.session.stack.count() == 0


def test_a_zone_drawn_on_one_foot_is_mirrored_to_the_other_from_the_edit_menu(qtbot, editing, chart):
    """Edit → Mirror to the other foot: a zone drawn on the left foot appears on the right one,
    mirrored, and follows every edit of the left foot; undo takes the mirror away again."""
    editing.draw_action.trigger()
    for point in ((-15, 60), (5, 60), (5, 72)):
        click_mm(qtbot, editing, "plantar-left", *point)
    qtbot.keyClick(editing.map, Qt.Key.Key_Return)
    zone_id = editing.state.zone_id
    tick_source(qtbot, editing)
    assert "plantar-right" not in editing.state.atlas.zone(zone_id).shapes
    editing.mirror_zone_action.trigger()
    assert editing.editor.session.written_shape(zone_id, "plantar-right") == "mirror"
    assert editing.state.atlas.zones_at("plantar-right", 5, 66)[0].id == zone_id  # (-5, 66) mirrored
    drag(qtbot, editing, "plantar-left", (5, 72), (10, 80))  # one foot edited: both follow
    left = editing.state.atlas.zone(zone_id).shapes["plantar-left"][0]
    right = editing.state.atlas.zone(zone_id).shapes["plantar-right"][0]
    assert right == tuple((-x, y) for x, y in left)
    editing.mirror_zone_action.trigger()  # mirrored already: said, nothing changes
    assert editing.editor.session.stack.count() == 4  # draw, its source, mirror, drag
    key(qtbot, editing, QKeySequence.StandardKey.Undo)
    key(qtbot, editing, QKeySequence.StandardKey.Undo)
    assert "plantar-right" not in editing.state.atlas.zone(zone_id).shapes
    editing.save_action.trigger()
    assert "plantar-right" not in load_atlas(chart).zone(zone_id).shapes


def test_a_zone_drawn_on_the_right_foot_is_mirrored_to_the_left_from_the_edit_menu(qtbot, editing, chart):
    """The file can only say that the right foot mirrors the left: a zone drawn on the right
    foot alone gets its points mirrored onto the left foot, and its right foot becomes the
    mirror, so the two feet follow each other whichever is dragged."""
    editing.draw_action.trigger()
    for point in ((15, 60), (-5, 60), (-5, 72)):
        click_mm(qtbot, editing, "plantar-right", *point)
    qtbot.keyClick(editing.map, Qt.Key.Key_Return)
    zone_id = editing.state.zone_id
    tick_source(qtbot, editing)
    assert "plantar-left" not in editing.state.atlas.zone(zone_id).shapes
    editing.mirror_zone_action.trigger()
    assert editing.editor.session.written_shape(zone_id, "plantar-right") == "mirror"
    assert editing.state.atlas.zones_at("plantar-left", 1, 63)[0].id == zone_id  # (-1, 63) mirrored
    assert editing.state.atlas.zones_at("plantar-right", -1, 63)[0].id == zone_id  # still there
    drag(qtbot, editing, "plantar-right", (-5, 72), (-10, 80))  # the right foot dragged: both follow
    left = editing.state.atlas.zone(zone_id).shapes["plantar-left"][0]
    right = editing.state.atlas.zone(zone_id).shapes["plantar-right"][0]
    assert right == tuple((-x, y) for x, y in left)
    assert any(abs(x - 10) < 0.6 and abs(y - 80) < 0.6 for x, y in left)
    editing.save_action.trigger()
    saved = load_atlas(chart).zone(zone_id).shapes
    assert saved["plantar-left"][0] == left and saved["plantar-right"][0] == right
    key(qtbot, editing, QKeySequence.StandardKey.Undo)
    key(qtbot, editing, QKeySequence.StandardKey.Undo)
    assert "plantar-left" not in editing.state.atlas.zone(zone_id).shapes
    assert editing.editor.session.written_shape(zone_id, "plantar-right") != "mirror"


def test_a_zone_with_points_on_both_feet_is_mirrored_from_the_foot_it_was_selected_on(qtbot, editing):
    """Broken apart, then mirrored again from the right foot: the right foot's points win."""
    editing.draw_action.trigger()
    for point in ((15, 60), (-5, 60), (-5, 72)):
        click_mm(qtbot, editing, "plantar-right", *point)
    qtbot.keyClick(editing.map, Qt.Key.Key_Return)
    zone_id = editing.state.zone_id
    editing.mirror_zone_action.trigger()
    editing.break_mirror_action.trigger()
    drag(qtbot, editing, "plantar-right", (-5, 72), (-8, 76))  # the right foot now differs
    right = editing.state.atlas.zone(zone_id).shapes["plantar-right"][0]
    editing.mirror_zone_action.trigger()
    left = editing.state.atlas.zone(zone_id).shapes["plantar-left"][0]
    assert left == tuple((-x, y) for x, y in right)


def test_leaving_edit_mode_puts_the_card_in_front_and_the_form_edits_nothing(qtbot, editing):
    """F2 off after editing: the Zone texts form stayed in front of the zone card and, with a
    zone clicked while browsing, took typing that changed the chart where Undo is off (tryout
    S14-13). Now the form goes with the mode, the card comes to the front, and Edit → Zone
    texts while browsing begins edit mode (the form is never live outside it)."""
    form = editing.editor.form
    name = form.fields[("name", None)]
    qtbot.keyClick(editing.map, Qt.Key.Key_F2)  # Edit zones off
    assert not editing.editor.active
    assert not editing.editor.form_dock.isVisible() and editing.info_dock.isVisible()
    click_mm(qtbot, editing, "plantar-left", 0.0, 25.0)  # a zone clicked while browsing
    assert editing.state.zone_id == "heel" and not form.isEnabled()
    qtbot.keyClicks(name, "XYZ")
    qtbot.keyClick(name, Qt.Key.Key_Return)
    assert editing.state.atlas.zone("heel").name == "Heel"
    assert editing.editor.session.stack.count() == 0
    editing.actions_by_name["form"].trigger()  # Edit → Zone texts: edit mode again, form live
    assert editing.editor.active and editing.edit_action.isChecked()
    assert editing.editor.form_dock.isVisible() and form.isEnabled()
