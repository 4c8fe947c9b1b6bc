# ruff: noqa: F811 (the editing fixtures come from test_editor)
"""Issue 16, the tester's round: keys typed in the zone form stay in the form, zone actions
are on only when they can act, a duplicate gets a name of its own, live-check marks."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QPointF, QRectF, Qt
from PySide6.QtWidgets import QApplication

from .conftest import click_mm, viewport_pos
from .test_editor import DATA, chart, drag, editing  # noqa: F401 (fixtures)

CTRL = Qt.KeyboardModifier.ControlModifier


def focused(qtbot, window, widget):
    window.activateWindow()
    widget.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is widget, timeout=2000)
    return widget


@pytest.mark.parametrize("field", ["id", "name", "claim"])
def test_ctrl_del_in_a_form_field_deletes_a_word_not_the_zone(qtbot, editing, field):
    form = editing.editor.form
    line = form.zone_id if field == "id" else form.fields[(field, None)]
    focused(qtbot, editing, line)
    line.setText("heel pad")
    line.setCursorPosition(0)
    qtbot.keyClick(line, Qt.Key.Key_Delete, CTRL)  # the line edit's "delete the next word"
    assert editing.state.atlas.has_zone("heel")
    assert editing.editor.session.stack.count() == 0
    text = line.toPlainText() if hasattr(line, "toPlainText") else line.text()
    assert text in ("pad", " pad"), text
    qtbot.keyClick(line, Qt.Key.Key_Backspace, CTRL)
    assert editing.state.atlas.has_zone("heel")
    # the same key on the map deletes the zone, as the Edit menu says
    editing.map.setFocus()
    qtbot.keyClick(editing.map, Qt.Key.Key_Delete, CTRL)
    assert not editing.state.atlas.has_zone("heel")


def zone_actions(window) -> dict[str, bool]:
    return {
        name: getattr(window, f"{name}_action").isEnabled()
        for name in ("duplicate", "delete", "mirror_zone", "break_mirror")
    }


def test_zone_actions_are_on_only_while_they_can_act(qtbot, editing):
    # the heel, selected, is mirrored: it can be duplicated, deleted, its mirror broken
    assert zone_actions(editing) == {
        "duplicate": True,
        "delete": True,
        "mirror_zone": False,
        "break_mirror": True,
    }
    editing.break_mirror_action.trigger()
    assert zone_actions(editing) == {
        "duplicate": True,
        "delete": True,
        "mirror_zone": True,
        "break_mirror": False,
    }
    click_mm(qtbot, editing, "plantar-left", 0.0, 60.0)  # inside the foot, on no zone: nothing selected
    assert editing.state.zone_id == ""
    assert not any(zone_actions(editing).values())
    editing.delete_action.trigger()  # its key does nothing either
    assert editing.state.atlas.has_zone("heel")
    click_mm(qtbot, editing, "plantar-left", 0.0, 25.0)
    assert zone_actions(editing)["delete"]
    editing.delete_action.trigger()
    assert not any(zone_actions(editing).values())  # the zone is gone, and with it the selection
    editing.edit_action.trigger()  # browsing: no key changes the chart unseen
    click_mm(qtbot, editing, "plantar-left", 0.0, 14.0)
    assert editing.state.zone_id == "band"
    assert not any(zone_actions(editing).values())


def test_a_chart_without_zones_offers_no_zone_action(qtbot, make_window, tmp_path):
    from reflexmap.atlas import load_atlas

    text = (DATA / "small.yaml").read_text(encoding="utf-8")
    path = tmp_path / "empty.yaml"
    path.write_text(text[: text.index("zones:")] + "zones: []\n", encoding="utf-8")
    window = make_window(load_atlas(path))
    window.edit_action.trigger()
    assert window.editor.active
    assert not any(zone_actions(window).values())
    assert window.draw_action.isEnabled()


def zone_names(window) -> list[str]:
    return [z.name for z in window.editor.session.draft.atlas.zones]


def test_a_duplicate_gets_a_name_of_its_own_in_each_language(qtbot, editing):
    german = editing.editor.form.fields[("name", "de")]
    focused(qtbot, editing, german)
    qtbot.keyClicks(german, "Ferse")
    qtbot.keyClick(german, Qt.Key.Key_Return)
    editing.map.setFocus()
    qtbot.keyClick(editing.map, Qt.Key.Key_D, CTRL)  # Edit → Duplicate zone's key
    copy = editing.editor.session.draft.atlas.zone("heel-copy")
    assert copy.name == "Heel (copy)"
    assert copy.translations["de"]["name"] == "Ferse (Kopie)"
    assert editing.editor.form.fields[("name", None)].text() == "Heel (copy)"  # the copy is selected
    editing.state.select("heel", "plantar-left")
    editing.duplicate_action.trigger()
    assert zone_names(editing).count("Heel") == 1
    assert editing.editor.session.draft.atlas.zone("heel-copy-2").name == "Heel (copy 2)"
    window = editing.set_language("de")  # the German interface goes on with the same work
    qtbot.addWidget(window)
    window.state.select("heel", "plantar-left")
    window.duplicate_action.trigger()
    copy = window.editor.session.draft.atlas.zone("heel-copy-3")
    # the chart's own names are English (it translates them into German): only the German one says Kopie
    assert copy.name == "Heel (copy 3)"
    assert copy.translations["de"]["name"] == "Ferse (Kopie 3)"
    names = zone_names(window)
    assert len(names) == len(set(names))


def message_boxes(window) -> list[tuple[str, QRectF]]:
    """(text, rectangle on the viewport) of each problem message drawn on the map."""
    from PySide6.QtWidgets import QGraphicsRectItem, QGraphicsSimpleTextItem

    view = window.map
    found = []
    for item in view.scene().items():
        texts = [c for c in item.childItems() if isinstance(c, QGraphicsSimpleTextItem)]
        if isinstance(item, QGraphicsRectItem) and texts and item.isVisible():
            rect = item.deviceTransform(view.viewportTransform()).mapRect(item.boundingRect())
            found.append((texts[0].text(), rect))
    return found


def problem_rings(window) -> list[QPointF]:
    """Viewport centres of the red rings that mark problems."""
    from PySide6.QtWidgets import QGraphicsEllipseItem

    from reflexmap.ui.editor.overlay import PROBLEM

    view = window.map
    return [
        QPointF(view.mapFromScene(item.pos()))
        for item in view.scene().items()
        if isinstance(item, QGraphicsEllipseItem) and item.pen().color() == PROBLEM and item.isVisible()
    ]


def press_and_move(qtbot, window, view_id, start, end):
    viewport = window.map.viewport()
    a, b = viewport_pos(window, view_id, *start), viewport_pos(window, view_id, *end)
    qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, pos=a)
    for i in range(1, 7):
        qtbot.mouseMove(viewport, QPoint(a.x() + (b.x() - a.x()) * i // 6, a.y() + (b.y() - a.y()) * i // 6))
    return b


def test_a_zone_and_its_mirror_get_their_messages_apart_named_in_words(qtbot, editing):
    end = press_and_move(qtbot, editing, "plantar-left", (18, 30), (32, 30))  # out of the foot
    for moment in ("dragging", "dropped"):
        boxes = message_boxes(editing)
        assert len(boxes) == 2, (moment, boxes)  # the zone's and its mirror's
        (_a, first), (_b, second) = boxes
        assert not first.intersects(second), (moment, first, second)
        texts = " ".join(t for t, _r in boxes).replace("\n", " ")
        assert "plantar-left" not in texts and "plantar-right" not in texts, texts
        assert "left foot, plantar view" in texts and "right foot, plantar view" in texts, texts
        if moment == "dragging":
            qtbot.mouseRelease(editing.map.viewport(), Qt.MouseButton.LeftButton, pos=end)


def test_a_crossing_ring_is_marked_where_it_crosses(qtbot, editing):
    import shapely

    from reflexmap.atlas.geometry import problem_place

    end = press_and_move(qtbot, editing, "plantar-left", (18, 30), (-10, 1))  # a bowtie
    for moment in ("dragging", "dropped"):
        if moment == "dropped":
            qtbot.mouseRelease(editing.map.viewport(), Qt.MouseButton.LeftButton, pos=end)
            ring = editing.editor.session.written_shape("heel", "plantar-left")[0]
        else:
            ring = editing.editor.tool.rings_in("plantar-left")[0]
        assert "Self-intersection" in shapely.is_valid_reason(shapely.Polygon(ring))
        x, y = problem_place(ring)
        crossing = QPointF(viewport_pos(editing, "plantar-left", x, y))
        first_point = QPointF(viewport_pos(editing, "plantar-left", *ring[0]))
        rings = problem_rings(editing)
        assert any((r - crossing).manhattanLength() < 3 for r in rings), (moment, rings, crossing)
        assert not any((r - first_point).manhattanLength() < 3 for r in rings), moment
        assert any("crosses itself" in m for m in editing.editor.tool.overlay.messages)


def test_each_message_stands_nearer_its_own_mark_than_the_mirrors(qtbot, editing):
    """A corner dragged out of the foot: the zone's message and its mirror's each stand on the
    outer side of their own mark (before, both stood between the feet, the left foot's beside
    the right foot's mark and the other way round)."""
    import math

    drag(qtbot, editing, "plantar-left", (18, 30), (27, 30), modifier=Qt.KeyboardModifier.AltModifier)
    rings = sorted(problem_rings(editing), key=lambda p: p.x())
    boxes = message_boxes(editing)
    assert len(rings) == 2 and len(boxes) == 2, (rings, boxes)

    def distance(rect: QRectF, point: QPointF) -> float:
        dx = max(rect.left() - point.x(), 0.0, point.x() - rect.right())
        dy = max(rect.top() - point.y(), 0.0, point.y() - rect.bottom())
        return math.hypot(dx, dy)

    for text, rect in boxes:
        own, other = rings if "left foot" in text.replace("\n", " ") else rings[::-1]
        assert distance(rect, own) < distance(rect, other), (text, rect, rings)
    editing.editor.saving.discard()
