"""A problem's message stands in free paper near its ring, with a short leader; over a foot
only right beside its ring, where no paper near is free (S17-2: messages landed on the feet
and under the key, their leaders long and through the key's caveat). Paper further off (up to
FAR_PAPER_PX) comes before a box over a foot's zones (S19-4: a message over the heel's zones
while paper beside the feet was free): the sciatic nerve's mirror's message now stands on the
paper between the feet, 169 px off, where it covered the right heel's zones beside its ring.
Corners of the built-in chart's sciatic nerve, head and neck dragged out of the foot with the
mouse on the viewport. The red line drawn from a ring to its message crosses no text (a line
may go across, then up or down: a straight line from the ring is not what is drawn)."""

from __future__ import annotations

import math
import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import QPointF, QRectF
from shapely.geometry import Polygon, box

from reflexmap.atlas import load_atlas
from reflexmap.ui.editor.overlay import FAR_PAPER_PX

from .conftest import click_zone
from .test_editor import drag
from .test_editor_polish import problem_rings
from .test_map_messages import message_boxes, settle
from .test_problem_messages_off_zones import texts_crossed

CHART = Path(__file__).resolve().parents[2] / "zones" / "ingham-western.yaml"
BESIDE_PX = 40  # a message over a foot stands no further than this from its ring

DRAGS = [  # (zone, corner mm, dragged to mm) on the left foot's sole
    ("sciatic-nerve", (-30.7, 46.8), (-40.0, 52.0)),  # the heel's outer side
    ("sciatic-nerve", (-30.7, 46.8), (-38.0, 20.0)),  # under the heel
    ("sciatic-nerve", (29.5, 46.8), (40.0, 46.0)),  # the inner side, between the feet
    ("head-brain", (28.8, 257.4), (30.0, 268.0)),  # beyond the big toe
    ("cervical-spine", (48.1, 246.8), (56.0, 250.0)),  # the big toe's inner side
]


def foot_px(window, view_id: str) -> Polygon:
    view = window.map
    ring = window.state.atlas.view(view_id).outline
    points = [view.mapFromScene(view.chart.to_scene(view_id, x, y)) for x, y in ring]
    return Polygon([(p.x(), p.y()) for p in points])


def nearest(rect: QRectF, point: QPointF) -> QPointF:
    return QPointF(
        min(max(point.x(), rect.left()), rect.right()), min(max(point.y(), rect.top()), rect.bottom())
    )


@pytest.mark.parametrize("size", [(1440, 900), (1600, 1000)])
@pytest.mark.parametrize(("zone", "corner", "to"), DRAGS)
def test_a_message_stands_on_paper_beside_its_ring(qtbot, make_window, tmp_path, zone, corner, to, size):
    path = tmp_path / "chart.yaml"
    shutil.copy(CHART, path)
    window = make_window(load_atlas(path))
    window.resize(*size)
    window.edit_action.trigger()
    settle(qtbot, window)
    click_zone(qtbot, window, "plantar-left", zone)
    drag(qtbot, window, "plantar-left", corner, to)
    settle(qtbot, window)
    feet = [foot_px(window, v) for v in ("plantar-left", "plantar-right")]
    rings = problem_rings(window)
    boxes = message_boxes(window)
    assert len(rings) >= 2 and boxes, (rings, boxes)  # the zone's and its mirror's, at least
    for rect, shown in boxes:
        ring = min(rings, key=lambda r: math.dist(nearest(rect, r).toTuple(), r.toTuple()))
        end = nearest(rect, ring)
        length = math.dist(end.toTuple(), ring.toTuple())
        assert length <= FAR_PAPER_PX, (shown, rect, ring, length)
        shape = box(rect.left(), rect.top(), rect.right(), rect.bottom())
        if any(shape.intersects(foot) for foot in feet):
            assert length <= BESIDE_PX, (shown, rect, ring, length)
    assert texts_crossed(window) == []
    window.editor.saving.discard()
