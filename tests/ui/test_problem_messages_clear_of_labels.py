"""A problem's message on the map never covers the chart's own text: the zone labels, the guide
names, the title, the feet's captions and the key. On the crowded built-in chart at Largest
text the message box was put over the labels beside the foot ("Lumbar spine", "Ureters",
"Bladder" under the kidneys' message); it now stands where no text is, joined to its ring by
a line when it is off from it, and where there is no such place the map shows a "!" tag by the
ring and the status bar says the message."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QRectF, Qt
from PySide6.QtWidgets import QGraphicsItem, QGraphicsSimpleTextItem

from reflexmap.atlas import load_atlas

from .conftest import inside_point, viewport_pos
from .test_map_messages import message_boxes

BUILT_IN = Path(__file__).resolve().parents[2] / "zones" / "ingham-western.yaml"


def chart_text(window) -> list[tuple[QRectF, str]]:
    """(viewport rectangle, text) of every text the chart draws that is shown: labels, guide
    names, title, captions, key (every visible text item of the chart's own drawing)."""
    view = window.map
    overlay = set(map(id, view.overlay.items)) if hasattr(view, "overlay") else set()
    found = []
    for item in view.chart.items():
        if not isinstance(item, QGraphicsSimpleTextItem) or not item.isVisible() or not item.text().strip():
            continue
        top = item.topLevelItem()
        if id(top) in overlay or top.flags() & QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations:
            continue
        found.append((view.mapFromScene(item.sceneBoundingRect()).boundingRect().toRectF(), item.text()))
    return found


@pytest.fixture
def crowded(make_window, tmp_path, qtbot):
    """The built-in chart (a copy), German-free English at Largest text on 1440×900, editing."""
    path = tmp_path / "chart.yaml"
    shutil.copy(BUILT_IN, path)
    window = make_window(load_atlas(path))
    window.resize(1440, 900)
    window.settings_menu.text_size_actions[1.5].trigger()
    qtbot.wait(50)
    window.edit_action.trigger()
    yield window
    window.editor.saving.discard()


def drag_corner_out(qtbot, window, view_id: str, zone_id: str, dx: float) -> None:
    viewport = window.map.viewport()
    qtbot.mouseClick(
        viewport,
        Qt.MouseButton.LeftButton,
        pos=viewport_pos(window, view_id, *inside_point(window.state.atlas, view_id, zone_id)),
    )
    assert window.state.zone_id == zone_id
    ring = window.editor.session.written_shape(zone_id, view_id)
    if ring == "mirror":
        other = window.state.atlas.view(view_id).mirror_of
        ring = [[(-x, y) for x, y in r] for r in window.editor.session.written_shape(zone_id, other)]
    x, y = ring[0][0]
    a, b = viewport_pos(window, view_id, x, y), viewport_pos(window, view_id, x + dx, y)
    shift = Qt.KeyboardModifier.ShiftModifier  # placed freely, not snapped back onto the outline
    qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, shift, a)
    for i in range(1, 7):
        qtbot.mouseMove(viewport, QPoint(a.x() + (b.x() - a.x()) * i // 6, a.y()))
    qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, shift, b)
    qtbot.wait(20)


@pytest.mark.parametrize(
    ("view_id", "zone_id", "dx"),
    [
        ("plantar-left", "kidneys", -22.0),
        ("plantar-left", "stomach", 30.0),
        ("plantar-right", "liver", 30.0),
        ("plantar-left", "bladder", 25.0),
    ],
)
def test_a_problem_message_covers_none_of_the_charts_text(qtbot, crowded, view_id, zone_id, dx):
    """Fails on the old code: the kidneys' message lay over three labels, the others' too."""
    drag_corner_out(qtbot, crowded, view_id, zone_id, dx)
    overlay = crowded.editor.tool.overlay
    assert overlay.messages  # the live check found the problem
    texts = chart_text(crowded)
    assert len(texts) > 60  # labels, guide names, title, captions, key
    port = QRectF(crowded.map.viewport().rect())
    shown = message_boxes(crowded)
    for box, text in shown:
        assert port.contains(box), (text, box)
        over = [t for r, t in texts if box.intersects(r)]
        assert not over, (text, over)
    said = [text for _box, text in shown if text != "!"]
    if len(said) < len(overlay.messages):  # no room free of text: the status bar says it
        assert overlay.unshown and overlay.unshown[0][:10] in crowded.statusBar().currentMessage()
    assert len(said) + len(overlay.unshown) == len(overlay.messages)
    crowded.undo_action.trigger()


def test_a_free_spot_is_the_nearest_one_clear_of_every_box():
    from reflexmap.layout.marks import free_spot

    taken = [(10, 0, 30, 10), (10, 12, 30, 10)]  # two labels right of the point
    # wanted just right of the point: on the labels; the nearest free spot is beside them
    spot = free_spot((20, 8), (0, 5), [(4, 1)], taken, (-100, -100, 200, 200), reach=50, gap=1)
    assert spot is not None
    box = (*spot, 20, 8)
    assert not any(
        box[0] < t[0] + t[2] + 1
        and t[0] < box[0] + 20 + 1
        and box[1] < t[1] + t[3] + 1
        and t[1] < box[1] + 8 + 1
        for t in taken
    )
    assert abs(spot[0] - 4) + abs(spot[1] - 1) < 30  # near what was wanted
    assert free_spot((20, 8), (0, 5), [(4, 1)], [(-200, -200, 400, 400)], reach=50) is None
