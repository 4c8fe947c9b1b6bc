"""Every kind of change the editor makes, undone with the standard key back to the start,
then saved (Ctrl+S): the file holds exactly the bytes it had (`cmp`), on the built-in charts
and on a chart written oddly (comments, four-space indents, flow and block lists, CRLF line
ends, a byte-order mark). Each change is made as a person makes it: dialogs, typing, real
clicks and drags on the map's viewport, the Edit menu's actions."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication, QDialog, QDialogButtonBox, QLineEdit, QListWidget

from reflexmap.atlas import builtin_charts, load_atlas

from ..atlas.odd_chart import ODD
from .conftest import click_zone, viewport_pos

FREE = Qt.KeyboardModifier.AltModifier  # no snapping: the point goes where the mouse goes


KINDS = (
    "title",
    "chart translation",
    "sources",
    "zone texts",
    "zone translation",
    "region",
    "vertex drag",
    "insert vertex",
    "delete vertex",
    "move",
    "nudge",
    "draw",
    "duplicate",
    "delete zone",
    "break mirror",
)


def charts() -> list:
    return ["odd", *(path.name for path in builtin_charts())]


@pytest.fixture(params=charts())
def chart(request, tmp_path) -> Path:
    path = tmp_path / ("odd.yaml" if request.param == "odd" else request.param)
    if request.param == "odd":
        path.write_bytes(ODD.encode("utf-8"))
    else:
        shutil.copy(next(p for p in builtin_charts() if p.name == request.param), path)
    return path


def _zone(window) -> tuple[str, str]:
    """A zone with four corners or more in a view on screen, mirrored on the other foot."""
    draft = window.editor.session.draft
    for view in window.editor.tool.shown_views():
        for zone in window.state.atlas.zones_in(view):
            shapes = draft.shapes.get(zone.id, {})
            ring = shapes.get(view)
            if "mirror" in shapes.values() and ring != "mirror" and ring and len(ring[0]) >= 4:
                return zone.id, view
    raise AssertionError("no zone to edit")


@pytest.fixture
def editing(make_window, chart, qtbot):
    window = make_window(load_atlas(chart))
    window.edit_action.trigger()
    assert window.editor.active
    zone, view = _zone(window)
    click_zone(qtbot, window, view, zone)
    assert window.state.zone_id == zone
    window.edited_view = view  # (the view the changes are made in)
    yield window
    window.editor.saving.discard()


def _ring(window):
    return window.editor.session.written_shape(window.state.zone_id, window.edited_view)[0]


def _drag(qtbot, window, a: QPoint, b: QPoint) -> None:
    viewport = window.map.viewport()
    qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, FREE, a)
    for i in range(1, 7):
        qtbot.mouseMove(viewport, a + (b - a) * i / 6)
    qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, FREE, b)


def _dialog_ok(qtbot, window, typing) -> None:
    window.chart_properties_action.trigger()
    shown = [d for d in window.findChildren(QDialog, "chart-properties") if d.isVisible()]
    assert len(shown) == 1
    dialog = shown[0]
    typing(dialog)
    button = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()


def _type(qtbot, field, text: str) -> None:
    field.setFocus()
    field.selectAll()
    qtbot.keyClicks(field, text)
    qtbot.keyClick(field, Qt.Key.Key_Return)


def make(qtbot, window, kind: str) -> None:
    """Make one change of `kind` on the selected zone (or the chart) as a person does."""
    form, view = window.editor.form, window.edited_view
    if kind == "title":
        _dialog_ok(qtbot, window, lambda d: _type(qtbot, d.fields[("title", None)], "Another title"))
    elif kind == "chart translation":
        _dialog_ok(qtbot, window, lambda d: _type(qtbot, d.fields[("title", "de")], "Ein Titel"))
    elif kind == "sources":

        def retitle(dialog) -> None:
            listing = dialog.findChild(QListWidget, "chart-sources")
            rect = listing.visualItemRect(listing.item(0))
            qtbot.mouseClick(listing.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
            _type(qtbot, dialog.sources.findChild(QLineEdit, "source-title"), "A source renamed")

        _dialog_ok(qtbot, window, retitle)
    elif kind == "zone texts":
        _type(qtbot, form.fields[("name", None)], "A zone renamed")
        _type(qtbot, form.fields[("claim", None)], "another claim")
    elif kind == "zone translation":
        _type(qtbot, form.fields[("name", "de")], "Eine Zone")
    elif kind == "region":
        form.region.setFocus()
        qtbot.keyClick(form.region, Qt.Key.Key_Down)
    elif kind in ("vertex drag", "delete vertex"):
        corner = viewport_pos(window, view, *_ring(window)[1])
        _drag(qtbot, window, corner, corner + QPoint(-12, 16))
        if kind == "delete vertex":  # the corner dropped stays selected: Delete removes it
            window.map.setFocus()
            qtbot.keyClick(window.map, Qt.Key.Key_Delete)
    elif kind == "insert vertex":
        (ax, ay), (bx, by) = _ring(window)[0], _ring(window)[1]
        pos = viewport_pos(window, view, (ax + bx) / 2, (ay + by) / 2)
        qtbot.mouseDClick(window.map.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    elif kind == "move":
        from .conftest import inside_point

        inside = viewport_pos(window, view, *inside_point(window.state.atlas, view, window.state.zone_id))
        _drag(qtbot, window, inside, inside + QPoint(14, -10))
    elif kind == "nudge":
        window.map.setFocus()
        qtbot.keyClick(window.map, Qt.Key.Key_Right)
        window.editor.tool.commit_nudge()
    elif kind == "draw":
        window.draw_action.trigger()
        outline = window.state.atlas.view(view).outline
        xs, ys = [x for x, _y in outline], [y for _x, y in outline]
        centre = viewport_pos(window, view, (min(xs) + max(xs)) / 2, (min(ys) + max(ys)) / 2)
        for dx, dy in ((-20, -20), (20, -20), (20, 20), (-20, 20)):
            qtbot.mouseClick(window.map.viewport(), Qt.MouseButton.LeftButton, pos=centre + QPoint(dx, dy))
        qtbot.keyClick(window.map, Qt.Key.Key_Return)
    elif kind == "duplicate":
        window.duplicate_action.trigger()
    elif kind == "delete zone":
        window.delete_action.trigger()
    elif kind == "break mirror":
        window.break_mirror_action.trigger()
    else:
        raise AssertionError(kind)


def undo_all(qtbot, window) -> None:
    """Ctrl+Z, pressed in the field being typed in or on the map, until the history is back
    at its start."""
    stack = window.editor.session.stack
    window.activateWindow()  # (as after a dialog closes: the window's keys reach it again)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=3000)
    combo = QKeySequence(QKeySequence.StandardKey.Undo)[0]
    for _ in range(100):  # (text still being typed in a field is made a change by the first)
        if not stack.canUndo():
            break
        focus = QApplication.focusWidget()
        typing = focus in window.editor.form.fields.values()  # (its Ctrl+Z is the chart's Undo)
        target = focus if typing else window.map
        qtbot.keyClick(target, combo.key(), combo.keyboardModifiers())
    assert stack.index() == 0


def test_every_kind_of_change_undone_saves_the_original_bytes(qtbot, editing, chart):
    original = chart.read_bytes()
    session = editing.editor.session
    zone = editing.state.zone_id
    for kind in KINDS:
        count = session.stack.index()
        make(qtbot, editing, kind)
        assert session.stack.index() > count, kind  # the change was made
        assert session.document.to_bytes() != original, kind
        undo_all(qtbot, editing)
        editing.save_action.trigger()
        assert chart.read_bytes() == original, kind
        if editing.state.zone_id != zone:
            click_zone(qtbot, editing, editing.edited_view, zone)


def test_all_changes_made_in_turn_then_undone_save_the_original_bytes(qtbot, editing, chart):
    original = chart.read_bytes()
    session = editing.editor.session
    zone = editing.state.zone_id
    for kind in KINDS:
        if editing.state.zone_id != zone and kind != "delete zone":  # (that deletes the copy)
            click_zone(qtbot, editing, editing.edited_view, zone)
        make(qtbot, editing, kind)
    assert session.document.to_bytes() != original
    undo_all(qtbot, editing)
    editing.save_action.trigger()
    assert chart.read_bytes() == original
