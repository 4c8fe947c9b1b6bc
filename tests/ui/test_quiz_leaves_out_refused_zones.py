# ruff: noqa: F811 (the editing fixtures come from test_editor)
"""A zone the chart's check refuses (drawn beside the foot, with no texts; saved so: a round
asks the chart as saved) is never asked in a quiz round, so no answer to it goes into the
progress under the chart's id (tryout S21-11: it was asked, a click on it was ignored, Enter
answered it and the answer was recorded for a zone that existed only unsaved)."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QMessageBox, QPushButton

from reflexmap.ui.modes import quiz as quiz_mode

from .conftest import click_mm
from .test_editor import chart, editing  # noqa: F401 (fixtures)
from .test_editor_draw_beside import _beside_the_left_foot
from .test_editor_files import answer_later
from .test_quiz_student import click, setup_by_mouse, visible_dialog


def draw_beside_the_foot(qtbot, window) -> str:
    window.draw_action.trigger()
    for point in ((-15, 60), (5, 60), (5, 72)):
        click_mm(qtbot, window, "plantar-left", *point)
    qtbot.mouseClick(window.map.viewport(), Qt.MouseButton.LeftButton, pos=_beside_the_left_foot(window))
    qtbot.keyClick(window.map, Qt.Key.Key_Return)
    zone_id = window.state.zone_id
    assert zone_id and window.editor.session.modified
    assert any(p.zone == zone_id for p in window.editor.session.draft.problems)  # the check refuses it
    return zone_id


def saved_anyway(qtbot, window) -> None:
    """File → Save chart, with its problems (a round asks the chart as saved)."""
    asked = answer_later("save-with-problems", QMessageBox.StandardButton.Save)
    window.actions_by_name["save"].trigger()
    assert not asked.isActive() and not window.editor.session.modified


def _tip_at(qtbot, window, pos: QPoint) -> str:
    """The tooltip shown once the pointer moves onto `pos` of the map's viewport."""
    from PySide6.QtWidgets import QToolTip

    QToolTip.hideText()
    qtbot.mouseMove(window.map.viewport(), pos - QPoint(2, 0))
    qtbot.mouseMove(window.map.viewport(), pos)
    qtbot.waitUntil(QToolTip.isVisible, timeout=2000)
    return QToolTip.text()


def asked_zones(window) -> set[str]:
    session = window.quiz.session
    return {card.zone_id for card in [*session.queue, *([session.current] if session.current else [])]}


def test_a_round_never_asks_a_zone_the_check_refuses(qtbot, editing):
    new = draw_beside_the_foot(qtbot, editing)
    saved_anyway(qtbot, editing)
    others = {z.id for z in editing.state.atlas.zones} - {new}
    # no zone ticked: every zone of the chart (the new one too, before)
    setup_by_mouse(qtbot, editing, kinds={"find"}, feet={"left"}, zones=set(), length=10)
    assert new not in asked_zones(editing)
    assert asked_zones(editing) <= others
    assert "refuses" in editing.statusBar().currentMessage()
    for _ in range(3):  # Enter answers the question asked (it answered the unsaved zone before)
        qtbot.keyClick(editing.map, Qt.Key.Key_Return)
        qtbot.wait(50)
    editing.actions_by_name["end_quiz"].trigger()
    editing.quiz.save_waiting()
    recorded = editing.quiz.log.states() if editing.quiz.log is not None else {}
    assert not [key for key in recorded if new in key], recorded


def test_a_round_of_only_refused_zones_says_why_nothing_is_asked(qtbot, editing, monkeypatch):
    new = draw_beside_the_foot(qtbot, editing)
    saved_anyway(qtbot, editing)
    said: list[str] = []
    monkeypatch.setattr(quiz_mode.QuizController, "_warn", lambda self, title, text: said.append(text))
    editing.new_quiz_action.trigger()
    dialog = visible_dialog(editing, "quiz-setup")
    for i in range(dialog.custom.count()):
        item = dialog.custom.item(i)
        ticked = item.data(Qt.ItemDataRole.UserRole) == new
        item.setCheckState(Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked)
    click(qtbot, dialog.buttons.button(dialog.buttons.StandardButton.Ok))  # Start
    assert not editing.quiz.active
    assert said and "refuses" in said[0], said


def test_the_setup_lists_a_refused_zone_greyed_and_says_why(qtbot, editing):
    new = draw_beside_the_foot(qtbot, editing)
    saved_anyway(qtbot, editing)
    editing.new_quiz_action.trigger()
    dialog = visible_dialog(editing, "quiz-setup")
    items = {
        dialog.custom.item(i).data(Qt.ItemDataRole.UserRole): dialog.custom.item(i)
        for i in range(dialog.custom.count())
    }
    item = items[new]
    assert not item.flags() & Qt.ItemFlag.ItemIsEnabled and item.checkState() == Qt.CheckState.Unchecked
    assert "refuses" in item.toolTip()
    rect = dialog.custom.visualItemRect(item)  # a click on its box does not tick it
    dialog.custom.scrollToItem(item)
    rect = dialog.custom.visualItemRect(item)
    qtbot.mouseClick(
        dialog.custom.viewport(),
        Qt.MouseButton.LeftButton,
        pos=QPoint(rect.left() + rect.height() // 2, rect.center().y()),
    )
    assert item.checkState() == Qt.CheckState.Unchecked
    assert all(i.flags() & Qt.ItemFlag.ItemIsEnabled for zone, i in items.items() if zone != new)
    dialog.reject()


def _only_in(window, view_id: str, zone_id: str) -> tuple[float, float]:
    """A point of `zone_id` on screen, in its view's frame, under no other zone."""
    from .conftest import viewport_pos

    xs, ys = zip(*[p for ring in window.state.atlas.zone(zone_id).shapes[view_id] for p in ring], strict=True)
    for i in range(1, 40):
        for j in range(1, 40):
            x = min(xs) + (max(xs) - min(xs)) * i / 40
            y = min(ys) + (max(ys) - min(ys)) * j / 40
            if [z.id for z in window.state.atlas.zones_at(view_id, x, y)] != [zone_id]:
                continue
            pos = viewport_pos(window, view_id, x, y)
            where = window.map.chart.locate(window.map.mapToScene(pos))
            if where is not None and where[0] == view_id and window.map.viewport().rect().contains(pos):
                return x, y
    raise AssertionError("no point of the zone alone on screen")


def test_in_a_round_a_refused_zone_is_drawn_left_out_says_why_and_is_no_answer(qtbot, editing):
    """Issue 16: during a round the refused zone was drawn as a normal zone (one more zone to
    click, the keys stepped to it). It is drawn hatched and dimmed, the keys pass it by, a
    click on it answers nothing and says why; the round over, it is drawn as before."""
    new = draw_beside_the_foot(qtbot, editing)
    saved_anyway(qtbot, editing)
    assert new in editing.state.refused.zones and ("plantar-left", new) in editing.state.refused.shapes
    setup_by_mouse(qtbot, editing, kinds={"find"}, feet={"left"}, zones=set(), length=3)
    items = editing.map.chart.zone_items
    drawn = [key for key in items if key[1] == new]
    assert drawn
    for key, item in items.items():
        left_out = key[1] == new
        assert item.left_out == left_out, key
        assert (item.brush().style() == Qt.BrushStyle.BDiagPattern) == left_out, key
        assert (item.opacity() < 1.0) == left_out, key
    assert new not in {zone for _view, zone in editing.map.keyboard_order()}
    question = editing.quiz.session.current
    x, y = _only_in(editing, "plantar-left", new)
    click_mm(qtbot, editing, "plantar-left", x, y)
    assert editing.quiz.session.current is question and editing.quiz.session.feedback is None  # not judged
    said = editing.statusBar().currentMessage()
    assert "New zone 1 is not asked in this quiz until it is fixed: " in said, said
    from .conftest import viewport_pos

    # the tooltip over it says the same (the pointer moved there, as a person's)
    assert "New zone 1 is not asked in this quiz" in _tip_at(
        qtbot, editing, viewport_pos(editing, "plantar-left", x, y)
    )
    editing.actions_by_name["end_quiz"].trigger()
    box = next(b for b in editing.findChildren(QMessageBox, "quiz-end-confirm") if b.isVisible())
    click(qtbot, box.findChild(QPushButton, "end-round"))
    assert not editing.quiz.active
    assert not any(item.left_out for item in editing.map.chart.zone_items.values())


def test_a_zone_nudged_off_its_view_is_left_out_and_says_why_where_it_is_drawn(qtbot, make_window, tmp_path):
    """The Western chart's shoulder nudged 20 mm out of the sole (Shift+Left ×4) lies beside the
    foot, off every view: there it is drawn left out, and a click (or the pointer) on it says
    why; before, nothing answered there at all."""
    import shutil

    from reflexmap.atlas import load_atlas
    from reflexmap.atlas.loader import builtin_chart_path

    path = tmp_path / "mine.yaml"
    shutil.copy(builtin_chart_path(), path)
    window = make_window(load_atlas(path), progress_path=tmp_path / "progress.json")
    window.edit_action.trigger()
    window.state.select("shoulder", "plantar-left")
    window.map.setFocus()
    for _ in range(4):
        qtbot.keyClick(window.map, Qt.Key.Key_Left, Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: "shoulder" in window.state.refused.zones, timeout=5000)
    saved_anyway(qtbot, window)
    setup_by_mouse(qtbot, window, kinds={"find"}, feet={"left"}, zones=set(), length=3)
    item = window.map.chart.zone_items[("plantar-left", "shoulder")]
    assert item.left_out
    centre = window.map.mapFromScene(item.sceneBoundingRect().center())
    assert window.map.chart.locate(window.map.mapToScene(centre)) is None  # off every view
    assert "Shoulder is not asked in this quiz" in _tip_at(qtbot, window, centre)
    question = window.quiz.session.current
    qtbot.mouseClick(window.map.viewport(), Qt.MouseButton.LeftButton, pos=centre)
    assert window.quiz.session.current is question and window.quiz.session.feedback is None
    assert "outside the foot's outline" in window.statusBar().currentMessage()
