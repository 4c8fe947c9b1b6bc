# ruff: noqa: F811 (the editing fixtures come from test_editor)
"""A drag on a view too crowded to label (a chart of thousands of zones) replaces only the
dragged zone's item, keeps the guide names whose placement read nothing it changed, and
puts the zones in their new depth order when the zone became larger or smaller than
others; what the map shows is exactly a full redraw's (pixels, items, keyboard order), after
drags, undo and redo. Before: the whole view of 5,000 zones was drawn again (2–7 s)."""

from __future__ import annotations

import yaml
from PySide6.QtCore import Qt

from benchmarks.synthetic import synthetic_chart
from reflexmap.atlas import load_atlas
from reflexmap.atlas.coords import MAX_LABELLED_ZONES

from .conftest import click_mm
from .test_editor_incremental import same_as_full

VIEW = "plantar-left"


def _crowded_in_edit_mode(make_window, tmp_path, request):
    """A window in edit mode on a chart whose views are too crowded to label."""
    path = tmp_path / "crowded.yaml"
    path.write_text(yaml.safe_dump(synthetic_chart(2 * MAX_LABELLED_ZONES + 60), sort_keys=False))
    window = make_window(load_atlas(path))
    window.edit_action.trigger()
    request.addfinalizer(window.editor.saving.discard)
    return window


def test_drags_on_a_crowded_view_replace_only_the_dragged_zone(qtbot, make_window, tmp_path, request):
    from .test_editor import drag

    window = _crowded_in_edit_mode(make_window, tmp_path, request)
    chart = window.map.chart
    assert VIEW in chart.unlabelled_views
    zones = [z.id for z in window.state.atlas.zones_in(VIEW)]
    original = chart._patch_frame
    calls = []

    def counting(old, atlas, frame, zone_ids):
        found = original(old, atlas, frame, zone_ids)
        calls.append(found is not None)
        return found

    chart._patch_frame = counting
    areas_passed = 0
    drags = 0
    for k in range(20):
        if drags == 5:
            break
        step = (5.0, -5.0, 4.0, 6.0, -6.0)[k % 5]
        zone = zones[(37 * k + 11) % len(zones)]
        x, y = window.state.atlas.anchors(VIEW)[zone]
        click_mm(qtbot, window, VIEW, x, y)
        assert window.state.zone_id == zone
        corner = window.editor.session.written_shape(zone, VIEW)[0][0]
        order = [item.zone_id for item in sorted(chart.zone_items.values(), key=lambda i: i.zValue())]
        drag(
            qtbot,
            window,
            VIEW,
            corner,
            (corner[0] + step, corner[1]),
            modifier=Qt.KeyboardModifier.AltModifier,
        )
        if window.editor.session.stack.count() == drags:
            continue  # (the vertex was not taken: another zone's handle nearer)
        drags += 1
        after = [item.zone_id for item in sorted(chart.zone_items.values(), key=lambda i: i.zValue())]
        areas_passed += order != after
        same_as_full(window)
    assert drags == 5
    window.undo_action.trigger()
    same_as_full(window)
    window.redo_action.trigger()
    same_as_full(window)
    assert calls.count(True) >= 4  # after the first drag (which notes what the names read)
    assert areas_passed > 0  # (a zone drawn at another depth was among them)


def test_snapping_while_dragging_gathers_the_corners_once(make_window, tmp_path, request, qtbot):
    """Every mouse move of a drag snaps the point to the nearest corner: the corners of
    the view's other zones are gathered once per chart and selected zone (100,000 on a
    chart of 10,000 zones, gathered on every move before), and the corner found is the one
    a walk over all of them finds."""
    import math
    from unittest import mock

    from reflexmap.atlas.model import Atlas

    window = _crowded_in_edit_mode(make_window, tmp_path, request)
    atlas = window.state.atlas
    zone = atlas.zones_in(VIEW)[20].id
    click_mm(qtbot, window, VIEW, *atlas.anchors(VIEW)[zone])
    assert window.state.zone_id == zone
    tool = window.editor.tool
    others = [c for z in atlas.zones_in(VIEW) if z.id != zone for ring in z.shapes[VIEW] for c in ring]
    view = atlas.view(VIEW)
    corners = [*view.outline, *(p for g in view.guides for p in g.points), *others]
    with mock.patch.object(Atlas, "zones_in", autospec=True, side_effect=Atlas.zones_in) as gathered:
        for k in range(12):
            x, y = corners[(k * 97) % len(corners)]
            point = (x + 0.3 * math.cos(k), y + 0.3 * math.sin(k))
            found = tool.snapped(VIEW, point, 20.0, Qt.KeyboardModifier.NoModifier)
            nearest = min(corners, key=lambda c: math.hypot(c[0] - point[0], c[1] - point[1]))
            assert found == nearest
    assert gathered.call_count <= 1
