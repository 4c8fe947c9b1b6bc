"""A drag on a chart whose views are too crowded to label (more than MAX_LABELLED_ZONES
zones: each zone's anchor is a point inside it, its own): the check after it finds the
dragged zone's anchor again and keeps the others (a drag on a chart of 10,000 zones found
all 5,000 of its view again: a second), and they are what the full check finds."""

from __future__ import annotations

import yaml

from benchmarks.synthetic import synthetic_chart
from reflexmap.atlas import geometry
from reflexmap.atlas.coords import MAX_LABELLED_ZONES
from reflexmap.atlas.document import ChartDocument
from reflexmap.atlas.edits import MoveVertex

from .test_recheck import equals_full


def test_a_drag_on_a_crowded_view_finds_only_the_dragged_zones_anchor_again(monkeypatch):
    text = yaml.safe_dump(synthetic_chart(2 * MAX_LABELLED_ZONES + 40), sort_keys=False)
    document = ChartDocument.from_text(text, "chart.yaml", None)
    draft = document.draft()
    view = "plantar-left"
    assert len(draft.atlas.zones_in(view)) > MAX_LABELLED_ZONES
    for each in draft.atlas.views:
        draft.atlas.anchors(each.id)  # shown: every view's anchors known
    zone = draft.atlas.zones_in(view)[7]
    x, y = zone.shapes[view][0][0]
    asked: list[int] = []
    inner_points = geometry.inner_points
    monkeypatch.setattr(
        geometry, "inner_points", lambda shapes: asked.append(len(shapes)) or inner_points(shapes)
    )
    for step in (1.5, -1.5, 0.75):
        x += step
        document = MoveVertex(zone.id, view, 0, 0, (x, y)).apply(document, check=False).document
        after = document.draft()
        assert view in after.atlas.known_anchors()
        assert asked == [1]  # the dragged zone's, no other
        equals_full(document, after)
        asked.clear()
