# ruff: noqa: F811 (the editing fixtures come from test_editor)
"""The first drop after entering edit mode on a view too crowded to label costs what later
drops cost: the dragged zone's item is replaced (the view is not drawn again whole), the
guide names stay where a full redraw places them, and only the dragged zone's label anchor
is worked out again. Before: the first drop drew the whole view again, since the names'
first placement noted nothing of what it read, and found all of the view's anchors anew
(1.5–1.8 s on a chart of 10,000 zones)."""

from __future__ import annotations

import yaml
from PySide6.QtCore import Qt

from benchmarks.synthetic import synthetic_chart
from reflexmap.atlas import geometry, load_atlas
from reflexmap.atlas.coords import MAX_LABELLED_ZONES

from .conftest import click_mm
from .test_editor import chart, editing  # noqa: F401 (fixtures)
from .test_editor_incremental import same_as_full

VIEW = "plantar-left"


def test_the_first_drop_on_a_crowded_view_replaces_only_the_dragged_zone(
    qtbot, make_window, tmp_path, request, monkeypatch
):
    from .test_editor import drag

    path = tmp_path / "crowded.yaml"
    path.write_text(yaml.safe_dump(synthetic_chart(2 * MAX_LABELLED_ZONES + 60), sort_keys=False))
    window = make_window(load_atlas(path))
    window.edit_action.trigger()
    request.addfinalizer(window.editor.saving.discard)
    chart = window.map.chart
    assert VIEW in chart.unlabelled_views
    zones = [z.id for z in window.state.atlas.zones_in(VIEW)]
    drawn_whole, anchors_found = [], []
    redraw, inner = chart._redraw_frame, geometry.inner_points

    def redrawing(atlas, frame, sides):
        drawn_whole.append(frame.view.id)
        return redraw(atlas, frame, sides)

    def finding(shapes):
        anchors_found.append(len(shapes))
        return inner(shapes)

    chart._redraw_frame = redrawing
    monkeypatch.setattr(geometry, "inner_points", finding)
    zone = zones[len(zones) // 2]
    x, y = window.state.atlas.anchors(VIEW)[zone]
    click_mm(qtbot, window, VIEW, x, y)
    assert window.state.zone_id == zone
    anchors_found.clear()
    corner = window.editor.session.written_shape(zone, VIEW)[0][0]
    drag(qtbot, window, VIEW, corner, (corner[0] + 5.0, corner[1]), modifier=Qt.KeyboardModifier.AltModifier)
    assert window.editor.session.stack.count() == 1
    moved = window.editor.session.written_shape(zone, VIEW)[0][0]
    assert abs(moved[0] - corner[0] - 5.0) < 0.5 and abs(moved[1] - corner[1]) < 0.5
    assert drawn_whole == []  # the view's other zones, names and guides kept
    assert anchors_found and max(anchors_found) == 1  # the dragged zone's anchor only
    same_as_full(window)


def test_the_first_drop_on_a_small_chart_finds_nothing_out_that_entering_could(qtbot, editing, monkeypatch):
    """A small chart (read at once, not in the worker) is prepared on entering edit mode as
    a large one is: the first drop scans no text for the chart's number style or its zones'
    places. Before: the first drop on the built-in chart did it, and imported the editing
    modules (624 M instructions against 345 M for the next drop)."""
    from reflexmap.atlas import document as document_module
    from reflexmap.atlas import local_edit, recheck_tables

    from .test_editor import drag, heel

    found = []
    numbers, orderly, items = document_module.number_style, recheck_tables._orderly, local_edit.zone_items
    monkeypatch.setattr(document_module, "number_style", lambda *a: found.append("numbers") or numbers(*a))
    monkeypatch.setattr(recheck_tables, "_orderly", lambda *a: found.append("orderly") or orderly(*a))
    monkeypatch.setattr(local_edit, "zone_items", lambda *a: found.append("items") or items(*a))
    drag(qtbot, editing, "plantar-left", (18, 30), (15, 36))
    assert editing.editor.session.stack.count() == 1
    x, y = heel(editing)[2]
    assert abs(x - 15) < 0.6 and abs(y - 36) < 0.6
    assert found == []
