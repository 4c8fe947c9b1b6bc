"""Label anchors grow a zone by its rim (0.3 mm) only when a leader asks about it: the
anchors are the ones the rims of every zone made at once gave, and a zone no leader of
another zone meets is never grown (a zone of 100,000 corners took up to 8 s to grow at a
drop of one of its corners)."""

from __future__ import annotations

import numpy
import pytest
import shapely

from reflexmap.atlas import builtin_chart_path, geometry, load_atlas


def _anchors(atlas) -> dict:
    geometry._ANCHORS.clear()  # (worked out afresh, not remembered from before)
    return {
        view.id: geometry.view_anchors(
            {z.id: z.shapes[view.id] for z in atlas.zones_in(view.id)}, view.outline
        )
        for view in atlas.views
    }


def test_anchors_are_those_of_every_rim_made_at_once(monkeypatch):
    atlas = load_atlas(builtin_chart_path())
    lazily = _anchors(atlas)

    class Eager(geometry._Rims):  # every zone grown at once, as before
        def __init__(self, polygons):
            super().__init__(polygons)
            self[numpy.arange(len(polygons))]

    monkeypatch.setattr(geometry, "_Rims", Eager)
    assert _anchors(atlas) == lazily
    assert any(len(v) > 1 for v in lazily.values())


def test_a_zone_no_other_leader_meets_is_not_grown(monkeypatch):
    grown = []
    buffer = shapely.buffer
    monkeypatch.setattr(
        shapely, "buffer", lambda geometry_, *a, **k: grown.append(geometry_) or buffer(geometry_, *a, **k)
    )
    ring = ((-18.0, 2.0), (18.0, 2.0), (18.0, 30.0), (-18.0, 30.0))
    geometry._ANCHORS.clear()
    anchors = geometry.view_anchors({"heel": (ring,)}, ((-20, 0), (20, 0), (20, 100), (-20, 100)))
    assert anchors["heel"] == pytest.approx((0.0, 16.0), abs=1.0)
    assert not grown
