"""The mode interface (reflexmap.ui.modes): the state owns the mode, the map hands it real
clicks, drags and keys in chart millimetres, and a mode draws only through the state and its
overlay."""

from __future__ import annotations

from PySide6.QtCore import QPointF, Qt
from PySide6.QtWidgets import QGraphicsEllipseItem

from reflexmap.ui.modes import BROWSE, MapEvent, Mode
from reflexmap.ui.state import Annotations, Mark

from .conftest import click_zone, inside_point, viewport_pos


class Recorder(Mode):
    """A mode that takes drags and one key, and draws a ring where the last press was."""

    name = "edit"

    def __init__(self):
        super().__init__()
        self.events: list[tuple[str, MapEvent]] = []
        self.entered_count = self.left_count = 0
        self.last: tuple[str, float, float] | None = None

    def entered(self):
        self.entered_count += 1

    def left(self):
        self.left_count += 1

    def press(self, event):
        self.events.append(("press", event))
        self.last = (event.view_id, event.x_mm, event.y_mm)
        self.overlay_changed.emit()
        return event.button == Qt.MouseButton.LeftButton

    def move(self, event):
        self.events.append(("move", event))
        return True

    def release(self, event):
        self.events.append(("release", event))
        return True

    def key(self, key, modifiers):
        self.events.append(("key", key))
        return key == Qt.Key.Key_Delete

    def draw(self, overlay):
        if self.last is not None:
            centre = overlay.to_scene(*self.last)
            overlay.add(QGraphicsEllipseItem(centre.x() - 1, centre.y() - 1, 2, 2))


def test_a_mode_gets_drags_in_millimetres_and_the_map_does_not_pan(qtbot, window):
    mode = Recorder()
    window.state.enter_mode(mode)
    assert window.state.mode is mode and mode.entered_count == 1
    atlas = window.state.atlas
    x, y = inside_point(atlas, "plantar-left", "sacrum")
    start = viewport_pos(window, "plantar-left", x, y)
    end = viewport_pos(window, "plantar-left", x + 10, y)
    centre = window.map.mapToScene(window.map.viewport().rect().center())
    viewport = window.map.viewport()
    qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, pos=start)
    qtbot.mouseMove(viewport, end)
    qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, pos=end)
    kinds = [kind for kind, _event in mode.events]
    assert kinds[0] == "press" and kinds[-1] == "release" and "move" in kinds
    pressed = mode.events[0][1]
    assert pressed.view_id == "plantar-left" and abs(pressed.x_mm - x) < 1 and abs(pressed.y_mm - y) < 1
    assert "sacrum" in pressed.hits and pressed.px_per_mm > 0
    released = mode.events[-1][1]
    assert abs(released.x_mm - (x + 10)) < 1
    assert window.state.zone_id == ""  # the mode took the press: no selection
    assert window.map.mapToScene(viewport.rect().center()) == centre  # ...and no panning
    assert len(window.map.overlay.items) == 1  # drawn where the press was


def test_keys_go_to_the_mode_first_and_the_rest_to_browsing(qtbot, window):
    mode = Recorder()
    window.state.enter_mode(mode)
    window.map.setFocus()
    qtbot.keyClick(window.map, Qt.Key.Key_Delete)
    qtbot.keyClick(window.map, Qt.Key.Key_Tab)  # not taken: browsing steps to a zone
    assert [e for k, e in mode.events if k == "key"][:2] == [Qt.Key.Key_Delete, Qt.Key.Key_Tab]
    assert window.state.zone_id != ""


def test_leaving_a_mode_goes_back_to_browsing_and_clears_its_overlay(qtbot, window):
    mode = Recorder()
    names: list[str] = []
    window.state.mode_changed.connect(names.append)
    window.state.enter_mode(mode)
    mode.last = ("plantar-left", 30.0, 60.0)
    mode.overlay_changed.emit()
    assert len(window.map.overlay.items) == 1
    window.state.leave_mode(mode)
    assert window.state.mode.name == BROWSE and mode.left_count == 1 and names == ["edit", BROWSE]
    assert window.map.overlay.items == []
    click_zone(qtbot, window, "plantar-left", "sacrum")  # browsing selects again
    assert window.state.zone_id == "sacrum"


def test_entering_a_mode_leaves_the_one_before(qtbot, window):
    first, second = Recorder(), Recorder()
    window.state.enter_mode(first)
    window.state.enter_mode(second)
    assert first.left_count == 1 and window.state.mode is second


def test_annotations_asked_of_the_state_are_drawn_and_survive_a_rebuild(qtbot, window):
    state = window.state
    x, y = inside_point(state.atlas, "plantar-left", "sacrum")
    state.set_annotations(
        Annotations(("plantar-left", "sacrum"), (Mark("plantar-left", "", "here", at=(x, y)),))
    )
    chart = window.map.chart
    assert chart.selected_keys == {("plantar-left", "sacrum")} and chart.marks
    window.map.rebuild()
    assert window.map.chart.selected_keys == {("plantar-left", "sacrum")} and window.map.chart.marks
    state.set_annotations(Annotations())
    assert not window.map.chart.marks and not window.map.chart.selected_keys


def test_the_overlay_maps_millimetres_to_the_scene_and_back(window):
    overlay = window.map.overlay
    point = overlay.to_scene("plantar-left", 30.0, 60.0)
    view_id, x, y = overlay.from_scene(QPointF(point))
    assert view_id == "plantar-left" and abs(x - 30) < 1e-6 and abs(y - 60) < 1e-6


class Tracker(Mode):
    """A mode that follows the pointer, with its own cursor."""

    name = "edit"
    cursor = Qt.CursorShape.CrossCursor

    def __init__(self):
        super().__init__()
        self.moves: list[MapEvent] = []

    def move(self, event):
        self.moves.append(event)
        return True


def test_a_mode_that_follows_the_pointer_sets_its_cursor_and_coordinates_still_show(qtbot, window):
    mode = Tracker()
    window.state.enter_mode(mode)
    pointed: list[tuple[str, float, float]] = []
    window.map.pointed.connect(lambda *where: pointed.append(where))
    x, y = inside_point(window.state.atlas, "plantar-left", "sacrum")
    qtbot.mouseMove(window.map.viewport(), viewport_pos(window, "plantar-left", x, y))
    assert mode.moves and mode.moves[-1].view_id == "plantar-left"
    assert pointed and pointed[-1][0] == "plantar-left" and abs(pointed[-1][1] - x) < 1
    assert window.map.viewport().cursor().shape() == Qt.CursorShape.CrossCursor
    window.state.leave_mode(mode)
    assert window.map.viewport().cursor().shape() != Qt.CursorShape.CrossCursor
