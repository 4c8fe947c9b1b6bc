# ruff: noqa: F811 (the editing fixtures come from test_editor)
"""Return closes, and Escape drops, a zone being drawn wherever the focus was when Edit → Draw
a new zone began (tryout S22-8: the focus in the Zones list, Ctrl+Shift+N, four clicks on the
map, Return did nothing; only a double-click closed the zone)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit

from .conftest import CTRL_SHIFT, click_mm
from .test_editor import chart, editing  # noqa: F401 (fixtures)

CORNERS = ((-15, 60), (5, 60), (5, 70), (-15, 70))


def start_in_the_list(qtbot, window):
    """The Zones list clicked (the focus there), then Ctrl+Shift+N pressed in it."""
    listed = window.zones.list
    row = listed.visualRect(listed.model().index(0, 0)).center()
    qtbot.mouseClick(listed.viewport(), Qt.MouseButton.LeftButton, pos=row)
    assert QApplication.focusWidget() is listed
    qtbot.keyClick(listed, Qt.Key.Key_N, CTRL_SHIFT)  # Edit → Draw a new zone
    assert window.editor.tool.drawing is not None


def test_return_closes_the_zone_drawn_from_the_zones_list(qtbot, editing):
    zones_before = len(editing.editor.session.draft.shapes)
    start_in_the_list(qtbot, editing)
    for point in CORNERS:
        click_mm(qtbot, editing, "plantar-left", *point)
    assert len(editing.editor.tool.drawing) == 4
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    assert editing.editor.tool.drawing is None
    assert len(editing.editor.session.draft.shapes) == zones_before + 1
    assert editing.state.zone_id.startswith("new-zone-")


def test_escape_drops_the_zone_drawn_from_the_zones_list(qtbot, editing):
    zones_before = len(editing.editor.session.draft.shapes)
    start_in_the_list(qtbot, editing)
    click_mm(qtbot, editing, "plantar-left", *CORNERS[0])
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Escape)
    assert editing.editor.tool.drawing is None
    assert len(editing.editor.session.draft.shapes) == zones_before


def test_escape_straight_after_starting_drops_the_drawing(qtbot, editing):
    """No corner clicked yet: the focus was in the Zones list, and Escape there drops it."""
    start_in_the_list(qtbot, editing)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Escape)
    assert editing.editor.tool.drawing is None
    assert "No zone drawn" in editing.statusBar().currentMessage()


def test_escape_from_the_zone_texts_form_drops_the_drawing(qtbot, editing):
    """Started from a field of the form beside the map (its name), dropped by Escape from there."""
    form = editing.editor.form
    field = form.findChild(QLineEdit)
    field.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is field)
    qtbot.keyClick(field, Qt.Key.Key_N, CTRL_SHIFT)
    assert editing.editor.tool.drawing is not None
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Escape)
    assert editing.editor.tool.drawing is None


def test_return_in_the_zones_list_clicked_again_closes_the_zone(qtbot, editing):
    """The list clicked again while drawing (the focus back there): Return in it closes."""
    zones_before = len(editing.editor.session.draft.shapes)
    start_in_the_list(qtbot, editing)
    for point in CORNERS:
        click_mm(qtbot, editing, "plantar-left", *point)
    listed = editing.zones.list
    listed.setFocus()
    qtbot.keyClick(listed, Qt.Key.Key_Return)
    assert editing.editor.tool.drawing is None
    assert len(editing.editor.session.draft.shapes) == zones_before + 1


def click_field(qtbot, field) -> None:
    """A real click into a field (the focus there, as a person puts it)."""
    qtbot.mouseClick(field, Qt.MouseButton.LeftButton, pos=field.rect().center())
    qtbot.waitUntil(lambda: QApplication.focusWidget() is field)


def test_return_typed_in_the_zone_name_field_belongs_to_the_field(qtbot, editing):
    """Drawing, the zone's name clicked and typed in, Return: the name is taken (Return ends
    a field's edit) and the zone being drawn keeps its corners (tryout s23: it was closed)."""
    start_in_the_list(qtbot, editing)
    for point in CORNERS[:3]:
        click_mm(qtbot, editing, "plantar-left", *point)
    named = editing.state.zone_id  # the zone the form shows (the list's first row)
    name = editing.editor.form.fields[("name", None)]
    click_field(qtbot, name)
    name.selectAll()
    qtbot.keyClicks(name, "Heel pad")
    qtbot.keyClick(name, Qt.Key.Key_Return)
    assert editing.editor.tool.drawing is not None
    assert len(editing.editor.tool.drawing) == 3
    assert editing.state.atlas.zone(named).name == "Heel pad"
    click_mm(qtbot, editing, "plantar-left", *CORNERS[3])  # drawing goes on from the map
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    assert editing.editor.tool.drawing is None


def test_return_and_enter_in_the_zones_search_keep_the_drawing(qtbot, editing):
    """Every field a person types in keeps its Return/Enter: the Zones search line too."""
    start_in_the_list(qtbot, editing)
    for point in CORNERS[:3]:
        click_mm(qtbot, editing, "plantar-left", *point)
    search = editing.zones.findChild(QLineEdit)
    click_field(qtbot, search)
    for key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
        qtbot.keyClick(search, key)
        assert editing.editor.tool.drawing is not None
    assert len(editing.editor.tool.drawing) == 3
    qtbot.keyClick(search, Qt.Key.Key_Escape)  # Escape still drops it from anywhere
    assert editing.editor.tool.drawing is None
