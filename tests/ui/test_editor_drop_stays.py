# ruff: noqa: F811 (the editing fixtures come from test_editor)
"""After a drag is dropped (a vertex or the whole zone), the map stays where it was on
screen: its scale, its scroll bars and every point of the chart. The selected zone near the
map's edge made the map scroll after each drop (the edit re-announced the selection, and
the map scrolled it 30 px into view, as for a zone newly chosen): 40 px on a 1,000-zone
chart zoomed in, at any chart size."""

from __future__ import annotations

import pytest
import yaml
from PySide6.QtCore import QPoint, Qt

from reflexmap.atlas import load_atlas

from .test_editor import chart, editing  # noqa: F401 (fixtures)

FREE = Qt.KeyboardModifier.AltModifier  # no snapping: the point goes where the mouse goes


def placed(window) -> tuple:
    """The map's scale, scroll bars and where a fixed chart point is on screen."""
    view = window.map
    point = view.mapFromScene(view.chart.to_scene("plantar-left", 0.0, 50.0))
    return (view.transform(), view.horizontalScrollBar().value(), view.verticalScrollBar().value(), point)


def near_the_left_edge(qtbot, window, view_id: str, x: float, y: float, px: int = 12) -> QPoint:
    """Zoomed in (View → Zoom in, three times) and scrolled so that (x, y) mm is `px`
    pixels from the map's left edge; its place on screen."""
    for _ in range(3):
        window.zoom_in_action.trigger()
    bar = window.map.horizontalScrollBar()
    bar.setValue(bar.value() + window.map.scene_point_to_viewport(view_id, x, y).x() - px)
    qtbot.wait(50)
    pos = window.map.scene_point_to_viewport(view_id, x, y)
    assert 0 < pos.x() < 30 and window.map.viewport().rect().contains(pos)
    return pos


def drag(qtbot, window, start: QPoint, end: QPoint) -> None:
    viewport = window.map.viewport()
    qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, FREE, start)
    for i in range(1, 7):
        qtbot.mouseMove(viewport, start + (end - start) * i / 6)
    qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, FREE, end)
    qtbot.wait(50)


@pytest.mark.parametrize("what", ["vertex", "zone"])
def test_the_map_stays_put_after_a_drop_near_its_edge(qtbot, editing, what):
    x, y = (-18.0, 30.0) if what == "vertex" else (-16.0, 20.0)  # a heel corner, or inside it
    start = near_the_left_edge(qtbot, editing, "plantar-left", x, y)
    before = placed(editing)
    drag(qtbot, editing, start, start + QPoint(30, 20))
    assert editing.editor.session.stack.count() == 1  # the drop was made
    assert placed(editing) == before
    editing.undo_action.trigger()
    assert placed(editing) == before


def test_the_map_stays_put_after_a_drop_on_a_large_chart(qtbot, make_window, tmp_path):
    from benchmarks.synthetic import synthetic_chart

    path = tmp_path / "large.yaml"
    path.write_text(yaml.safe_dump(synthetic_chart(400), sort_keys=False, default_flow_style=None, width=200))
    window = make_window(load_atlas(path))
    window.edit_action.trigger()
    qtbot.waitUntil(lambda: window.editor.active, timeout=20000)
    zone = window.state.atlas.zones_in("plantar-left")[100].id
    window.state.select(zone, "plantar-left")
    x, y = window.editor.session.written_shape(zone, "plantar-left")[0][0]
    start = near_the_left_edge(qtbot, window, "plantar-left", x, y)
    before = placed(window)
    drag(qtbot, window, start, start + QPoint(25, -15))
    assert window.editor.session.stack.count() == 1
    assert placed(window) == before
    window.editor.saving.discard()
