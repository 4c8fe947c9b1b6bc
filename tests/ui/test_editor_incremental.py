# ruff: noqa: F811 (the editing fixtures come from test_editor)
"""A drag released redraws only the views of the dragged zone and checks only that zone, and
what it shows is exactly what a full check and a full redraw show: the problems, the zones,
labels and guide names on the map (pixel for pixel), the keyboard order. Real drags on the
viewport, on the test chart and the built-in chart, into and out of problems, undone."""

from __future__ import annotations

import random
import shutil

import pytest
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QImage, QPainter

from benchmarks.editing import write_huge_zone_chart
from reflexmap.atlas import builtin_chart_path, load_atlas
from reflexmap.atlas.document import ChartDocument

from .conftest import click_mm, inside_point
from .test_editor import DATA, drag
from .test_map_cache import _differing


def picture(window) -> QImage:
    chart = window.map.chart
    rect = chart.chart_rect
    image = QImage(int(rect.width() * 4), int(rect.height() * 4), QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.white)
    painter = QPainter(image)
    chart.render(painter, QRectF(image.rect()), rect)
    painter.end()
    return image


def state_of(window) -> tuple:
    chart = window.map.chart
    return (
        list(chart.zone_items),
        list(chart.labels),
        dict(chart.anchors),
        chart.keyboard_order(),
        {k: v for k, v in chart.keys_by_zone.items()},
        [f for f in chart.frames],
    )


def same_as_full(window) -> None:
    """The live check equals `reflexmap check` on the text, and the map a full redraw."""
    session = window.editor.session
    full = ChartDocument.from_text(session.document.text, session.document.source, session.document.path)
    assert session.draft.problems == full.full_draft().problems
    shown, seen = picture(window), state_of(window)
    on_screen = window.map.viewport().grab().toImage()  # through the map's kept tiles
    window.state.updating = True  # the whole chart drawn again, as an edit draws it (in place)
    try:
        window.map.rebuild()
    finally:
        window.state.updating = False
    assert state_of(window) == seen
    assert picture(window) == shown
    # the kept tiles may round a level or two apart from a fresh drawing where they meet (seams of
    # 254 for 255 at some scales, as tests/ui/test_map_cache.py allows); a stale zone differs far more
    assert _differing(window.map.viewport().grab().toImage(), on_screen) == 0


@pytest.fixture
def builtin_editing(make_window, tmp_path, qtbot):
    path = tmp_path / "western.yaml"
    shutil.copy(builtin_chart_path(), path)
    window = make_window(load_atlas(path))
    window.edit_action.trigger()
    assert window.editor.active
    yield window
    window.editor.saving.discard()  # closing asks nothing: no window is left open after the test


def test_drags_on_the_small_chart_redraw_and_check_as_a_full_redraw_and_check(
    qtbot, make_window, tmp_path, request
):
    path = tmp_path / "small.yaml"
    shutil.copy(DATA / "small.yaml", path)
    window = make_window(load_atlas(path))
    window.edit_action.trigger()
    click_mm(qtbot, window, "plantar-left", 0.0, 25.0)
    request.addfinalizer(window.editor.saving.discard)  # closing asks nothing after the test
    redrawn = []
    original = window.map.chart.update_zones
    window.map.chart.update_zones = lambda atlas, zones: redrawn.append(zones) or original(atlas, zones)
    drag(qtbot, window, "plantar-left", (18, 30), (14, 36), modifier=Qt.KeyboardModifier.AltModifier)
    assert redrawn == [("heel",)]  # only the dragged zone's views were drawn again
    same_as_full(window)
    drag(qtbot, window, "plantar-left", (14, 36), (34, 36), modifier=Qt.KeyboardModifier.AltModifier)
    assert window.editor.session.draft.problems  # out of the foot: marked
    same_as_full(window)
    window.undo_action.trigger()  # back into the foot
    assert not window.editor.session.draft.problems
    same_as_full(window)
    drag(qtbot, window, "plantar-left", (14, 36), (10, 20), modifier=Qt.KeyboardModifier.AltModifier)
    same_as_full(window)
    window.undo_action.trigger()
    window.undo_action.trigger()
    same_as_full(window)
    assert len(redrawn) == 6  # three drags and three undos, each only its views


@pytest.mark.parametrize("seed", [16, 3, 7])
def test_random_drags_on_the_built_in_chart_redraw_as_a_full_redraw(qtbot, builtin_editing, seed):
    window = builtin_editing
    rnd = random.Random(seed)
    atlas = window.state.atlas
    zones = [z.id for z in atlas.zones_in("plantar-left")]
    results = []
    original = window.map.chart.update_zones
    window.map.chart.update_zones = lambda atlas, ids: results.append(original(atlas, ids)) or results[-1]
    dragged = 0
    for _round in range(60):
        if dragged == 4:
            break
        zone = rnd.choice(zones)
        x, y = inside_point(window.state.atlas, "plantar-left", zone)
        click_mm(qtbot, window, "plantar-left", x, y)
        if window.state.zone_id != zone:
            continue
        shape = window.editor.session.written_shape(zone, "plantar-left")
        if not shape or shape == "mirror":
            continue
        corner = shape[0][rnd.randrange(len(shape[0]))]
        to = (
            corner[0] + rnd.choice((-1, 1)) * rnd.uniform(2, 4),
            corner[1] + rnd.choice((-1, 1)) * rnd.uniform(2, 4),
        )
        drag(qtbot, window, "plantar-left", corner, to, modifier=Qt.KeyboardModifier.AltModifier)
        dragged = window.editor.session.stack.count()
        same_as_full(window)
    assert dragged == 4 and results.count(True) >= 2  # drags redrew only the dragged zone's views


def guide_name_places(window) -> list[tuple]:
    return [(item.pos().x(), item.pos().y()) for item in window.map.chart.guide_names]


@pytest.mark.parametrize("seed", [5, 11])
def test_guide_names_kept_after_a_drag_are_where_a_full_redraw_places_them(qtbot, builtin_editing, seed):
    """A drag far from every guide name keeps the names' places without placing them again;
    a drag onto a name's place moves it. Either way the map is a full redraw's, pixel for
    pixel."""
    window = builtin_editing
    chart = window.map.chart
    rnd = random.Random(seed)
    zones = [z.id for z in window.state.atlas.zones_in("plantar-left")]
    moved = 0
    drags = 0
    for _round in range(80):
        if drags == 6:
            break
        zone = rnd.choice(zones)
        x, y = inside_point(window.state.atlas, "plantar-left", zone)
        click_mm(qtbot, window, "plantar-left", x, y)
        shape = window.editor.session.written_shape(zone, "plantar-left")
        if window.state.zone_id != zone or not shape or shape == "mirror":
            continue
        corner = shape[0][rnd.randrange(len(shape[0]))]
        spots = [chart.locate(item.sceneBoundingRect().center()) for item in chart.guide_names[1::2]]
        names = [(nx, ny) for view, nx, ny in filter(None, spots) if view == "plantar-left"]
        if names and rnd.random() < 0.5:  # onto the nearest guide name: what it read changes
            to = min(names, key=lambda n: (n[0] - corner[0]) ** 2 + (n[1] - corner[1]) ** 2)
        else:
            to = (corner[0] + rnd.uniform(-3, 3), corner[1] + rnd.uniform(-3, 3))
        before = guide_name_places(window)
        drag(qtbot, window, "plantar-left", corner, to, modifier=Qt.KeyboardModifier.AltModifier)
        if window.editor.session.stack.count() == drags:
            continue
        drags = window.editor.session.stack.count()
        moved += guide_name_places(window) != before
        same_as_full(window)
    assert drags == 6
    assert chart.guide_names_kept > 0  # names kept without being placed again …
    assert chart.guide_names_placed > 0  # … and placed again where a drag changed what they read
    assert moved > 0  # (names a drag reached moved: the map shows them where a full redraw does)


def test_a_drop_on_a_view_whose_items_reach_the_charts_edge_stays_partial(
    qtbot, make_window, tmp_path, request
):
    """The heel, alone on its foot, selected: its label in the left column is the item that
    makes the chart's left edge, and drawn bold it grows outwards past it, into the chart's
    margin. A corner dropped draws only the heel's views again, and that is a full redraw's
    picture (before, the bold text was measured as taken away: past the bounds the chart was
    fitted to, as if the chart's edge moved, and the whole chart was drawn again after)."""
    window = make_window(load_atlas(write_huge_zone_chart(tmp_path / "heel.yaml", 400)))
    window.edit_action.trigger()
    qtbot.waitUntil(lambda: window.editor.session.draft is not None, timeout=20_000)
    request.addfinalizer(window.editor.saving.discard)  # closing asks nothing after the test
    click_mm(qtbot, window, "plantar-left", 0.0, 25.0)
    assert window.state.zone_id == "heel"
    chart = window.map.chart
    edge = chart.chart_rect.left() + 6  # where the chart's items end, as drawn
    text = chart.labels[("plantar-left", "heel")].text
    assert text.sceneBoundingRect().left() < edge - 0.5  # bold: past it
    results = []
    original = chart.update_zones
    chart.update_zones = lambda atlas, ids: results.append(original(atlas, ids)) or results[-1]
    corner = window.editor.session.written_shape("heel", "plantar-left")[0][0]
    to = (corner[0] + 3, corner[1] + 3)
    drag(qtbot, window, "plantar-left", corner, to, modifier=Qt.KeyboardModifier.AltModifier)
    assert results == [True]  # drawn again in part: the chart's bounds held
    assert window.state.zone_id == "heel"
    assert chart.labels[("plantar-left", "heel")].text.font().bold()  # selected, as before
    same_as_full(window)
    window.undo_action.trigger()
    assert results == [True, True]
    same_as_full(window)
