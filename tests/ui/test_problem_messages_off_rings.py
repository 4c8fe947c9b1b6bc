"""Problem messages drawn on the map never cover another problem's ring (S16-3): zones with a
corner out of the foot close together, their messages each stand clear of every ring, at
every zoom, so that every ring is seen and each message read as its own ring's."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QRectF
from PySide6.QtGui import QKeySequence

from reflexmap.atlas import load_atlas

from .test_editor import DATA, key
from .test_map_messages import message_boxes, settle

CORNERS = (
    ("[[-18, 2], [18, 2], [18, 30], [-18, 30]]", "[[-18, 2], [18, 2], [{a}, 30], [-18, 30]]"),
    ("[[-18, 10], [18, 10], [18, 18], [-18, 18]]", "[[-18, 10], [18, 10], [{b}, {c}], [-18, 18]]"),
    ("[[10, 5], [16, 5], [16, 45], [10, 45]]", "[[10, 5], [16, 5], [{d}, {e}], [10, 45]]"),
)


def chart(tmp_path: Path, **at: float) -> Path:
    text = (DATA / "small.yaml").read_text(encoding="utf-8")
    for old, new in CORNERS:
        assert old in text
        text = text.replace(old, new.format(**at), 1)
    path = tmp_path / "rings.yaml"
    path.write_text(text, encoding="utf-8")
    return path


PLACES = [
    dict(a=24, b=34, c=31, d=29, e=36),
    dict(a=26, b=30, c=27, d=23, e=33),
    dict(a=23, b=27, c=33, d=31, e=29),
    dict(a=25, b=25, c=36, d=25, e=42),
]


@pytest.mark.parametrize("at", PLACES)
@pytest.mark.parametrize(("zoom", "size"), [(0, (1400, 900)), (0, (900, 650)), (2, (1400, 900))])
def test_messages_cover_no_problems_ring(qtbot, make_window, tmp_path, at, zoom, size):
    path = chart(tmp_path, **at)
    window = make_window(load_atlas(DATA / "small.yaml"))
    window.resize(*size)
    window.edit_action.trigger()
    assert window.editor.saving.open_to_fix(path)
    for _ in range(zoom):
        key(qtbot, window, QKeySequence.StandardKey.ZoomIn)
    settle(qtbot, window)
    view = window.map
    marks = window.editor.tool.problem_marks()
    assert len(marks) >= 3
    rings = []
    for view_id, x, y, _message in marks:
        at_px = view.mapFromScene(view.chart.to_scene(view_id, x, y))
        rings.append(QRectF(at_px.x() - 10, at_px.y() - 10, 20, 20))
    boxes = message_boxes(window)
    assert boxes
    for rect, shown in boxes:
        for ring in rings:
            assert not rect.intersects(ring), (shown, rect, ring)
    window.editor.saving.discard()


def outline_px(window, view_id: str):
    """The foot's outline in `view_id` as a closed line of viewport pixels (shapely)."""
    from shapely.geometry import LineString

    view = window.map
    ring = window.state.atlas.view(view_id).outline
    points = [view.mapFromScene(view.chart.to_scene(view_id, x, y)) for x, y in (*ring, ring[0])]
    return LineString([(p.x(), p.y()) for p in points])


@pytest.mark.parametrize("at", PLACES)
def test_messages_keep_off_the_feet_outlines(qtbot, make_window, tmp_path, at):
    """With room beside the feet (a wide window), no message is drawn across a foot's edge:
    the edge the problem is about stays seen (S16-3)."""
    from shapely.geometry import box

    path = chart(tmp_path, **at)
    window = make_window(load_atlas(DATA / "small.yaml"))
    window.resize(1600, 1000)
    window.edit_action.trigger()
    assert window.editor.saving.open_to_fix(path)
    settle(qtbot, window)
    outlines = [outline_px(window, v) for v in ("plantar-left", "plantar-right")]
    boxes = message_boxes(window)
    assert len(boxes) >= 3
    for rect, shown in boxes:
        shape = box(rect.left(), rect.top(), rect.right(), rect.bottom())
        assert not any(shape.intersects(line) for line in outlines), (shown, rect)
    window.editor.saving.discard()
