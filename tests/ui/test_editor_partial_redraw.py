# ruff: noqa: F811 (the editing fixtures come from test_editor)
"""An edit drawn in part (ChartScene.update_zones) draws exactly what the whole chart drawn
again draws, pixel for pixel, after each kind of edit a person makes with the zone selected:
a zone nudged (into and out of its foot), a corner nudged, a corner dragged, the whole zone
dragged, on the foot and on its mirror, undone and done again. While a zone is nudged or
dragged the map shows it moved on the item drawn before (ui/modes: reshape_zone, shift_zone);
that item, looking like the new one, was kept by the partial redraw and then given its old
shape back: the heel nudged out of its foot stayed drawn where it was (x 31.6 mm for 26.6)."""

from __future__ import annotations

from PySide6.QtCore import QPointF, Qt

from reflexmap.atlas import load_atlas

from .test_editor import chart, drag, editing  # noqa: F401 (fixtures)
from .test_editor_incremental import same_as_full
from .test_editor_problem_zone_kept import drawing_equals_whole


def counted(window) -> list[bool]:
    """What each redraw of zones answers from now on (True: drawn in part)."""
    results: list[bool] = []
    chart = window.map.chart
    original = chart.update_zones
    chart.update_zones = lambda atlas, ids: results.append(original(atlas, ids)) or results[-1]
    return results


def nudge(qtbot, window, key, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    """An arrow key on the map, and the pause after it (the change is made once keys rest)."""
    stack = window.editor.session.stack
    count = stack.count()
    qtbot.keyClick(window.map, key, modifier)
    qtbot.waitUntil(lambda: stack.count() == count + 1, timeout=5000)


def heel_drawn_at(window, view_id="plantar-left") -> float:
    """The left edge (scene mm) of the heel's item as the map shows it."""
    return window.map.chart.zone_items[(view_id, "heel")].sceneBoundingRect().left()


def test_each_kind_of_edit_drawn_in_part_draws_what_the_whole_chart_draws(qtbot, editing):
    window = editing
    results = counted(window)
    left = heel_drawn_at(window)
    nudge(qtbot, window, Qt.Key.Key_Left, Qt.KeyboardModifier.ShiftModifier)  # out of its foot
    assert window.editor.session.draft.problems
    assert results == [True]  # drawn in part …
    assert heel_drawn_at(window) < left - 2  # … where it went (not kept where it was)
    same_as_full(window)  # … and exactly as the whole chart drawn again
    nudge(qtbot, window, Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier)  # back in
    assert not window.editor.session.draft.problems
    same_as_full(window)
    nudge(qtbot, window, Qt.Key.Key_Up)  # a small step, in the foot
    same_as_full(window)
    drag(qtbot, window, "plantar-left", (0, 26), (2, 30))  # the whole zone, by its inside
    same_as_full(window)
    corner = window.editor.session.written_shape("heel", "plantar-left")[0][2]
    drag(qtbot, window, "plantar-left", corner, (corner[0] - 4, corner[1] + 5))  # a corner
    same_as_full(window)
    assert window.editor.tool.vertex is not None  # (the dragged corner stays chosen)
    nudge(qtbot, window, Qt.Key.Key_Down)  # that corner nudged
    same_as_full(window)
    mirrored = window.editor.session.written_shape("heel", "plantar-left")[0][0]
    drag(qtbot, window, "plantar-right", (-mirrored[0], mirrored[1]), (-mirrored[0] + 3, mirrored[1]))
    same_as_full(window)
    assert window.state.zone_id == "heel"
    assert len(results) == 7 and all(results), results  # every edit drawn in part
    for _step in range(3):
        window.undo_action.trigger()
        same_as_full(window)
    window.redo_action.trigger()
    same_as_full(window)
    assert len(results) == 11 and all(results), results
    window.editor.saving.discard()


def test_a_corner_dragged_back_from_past_the_chart_draws_the_charts_bounds_anew(qtbot, editing):
    """A corner dragged above the title makes the chart taller; dragged back into the foot
    (the map shows the zone reshaped while it is held) the chart is as tall as before: the
    item taken away is measured in the shape it was drawn with, past the chart's bounds."""
    window = editing
    top = window.map.chart.chart_rect.top()
    drag(qtbot, window, "plantar-left", (18, 30), (18, 160), modifier=Qt.KeyboardModifier.AltModifier)
    assert window.map.chart.chart_rect.top() < top  # the bounds grew to hold it
    drawing_equals_whole(window)
    # (where the corner now is, after the drawing grew: the map keeps its scale)
    corner = window.editor.session.written_shape("heel", "plantar-left")[0][2]
    drag(qtbot, window, "plantar-left", corner, (18, 30), modifier=Qt.KeyboardModifier.AltModifier)
    assert not window.editor.session.draft.problems
    drawing_equals_whole(window)
    assert window.map.chart.chart_rect.top() == top
    window.editor.saving.discard()


def test_a_zone_item_shown_moved_is_never_kept_for_a_new_one_of_that_shape(chart, qapp):
    """The rule under the partial redraw: an item is kept only where it draws what the new
    one draws as drawn, whatever it shows for the moment (ui/modes' reshape_zone shows a zone
    nudged on its old item, shift_zone one dragged whole) and whatever its flags."""
    from reflexmap.render.chart_scene_update import _same_item
    from reflexmap.render.zone_item import ZoneItem

    zone = load_atlas(chart).zone("heel")

    def item(dx: float) -> ZoneItem:
        ring = zone.shapes["plantar-left"][0]
        return ZoneItem("plantar-left", zone, [[QPointF(x + dx, -y) for x, y in ring]])

    old, new = item(0.0), item(-3.0)
    assert _same_item(old, item(0.0))  # (drawn alike: kept)
    assert not _same_item(old, new)
    old.setPath(new.path())  # shown reshaped, as the map does while the zone is nudged
    assert old.path() == new.path() and not old.shows_drawn()
    assert not _same_item(old, new)
    old.show_drawn()
    assert old.shows_drawn() and _same_item(old, item(0.0)) and not _same_item(old, new)
    shifted = item(0.0)
    shifted.setPos(QPointF(-3.0, 0.0))  # shown moved, as while the whole zone is dragged
    assert not _same_item(shifted, item(0.0))
    shifted.show_drawn()
    assert shifted.pos() == QPointF() and _same_item(shifted, item(0.0))
