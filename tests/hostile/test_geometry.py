"""Geometry that `check` passes never crashes drawing; and drawing never raises even for
geometry that did not come through `check` (a chart-cache entry can be anything)."""

from __future__ import annotations

import json
from pathlib import Path

from reflexmap.atlas import read_atlas
from reflexmap.atlas.cache import AtlasCache
from reflexmap.atlas.compare import compare
from reflexmap.atlas.geometry import inner_points, label_anchors

from .cases import chart

OVERLAP = (
    ((0.0, 10.0), (10.0, 10.0), (10.0, 20.0), (0.0, 20.0)),
    ((5.0, 15.0), (15.0, 15.0), (15.0, 25.0), (5.0, 25.0)),
)
BIG = (((-15.0, 5.0), (18.0, 5.0), (18.0, 40.0), (-15.0, 40.0)),)


def test_anchors_never_raise_for_overlapping_parts():
    shapes = {"z": OVERLAP, "big": BIG}
    for anchors in (label_anchors(shapes), inner_points(shapes)):
        assert set(anchors) == {"z", "big"}


def _tampered_atlas(tmp_path: Path):
    """A chart whose cache entry was changed to hold a zone in two overlapping parts."""
    path = tmp_path / "chart.yaml"
    path.write_text(
        chart().replace("[[0, 0], [10, 0], [10, 10], [0, 10]]", "[[-15, 5], [18, 5], [18, 40], [-15, 40]]")
    )
    cache = AtlasCache(tmp_path / "cache")
    assert read_atlas(path, cache).ok
    (entry,) = cache.folder.glob("*.json")
    plain = json.loads(entry.read_text())
    zone = list(plain["atlas"]["zones"][0])
    zone[0], zone[7] = "z2", {"plantar-left": [[list(p) for p in ring] for ring in OVERLAP]}
    plain["atlas"]["zones"].append(zone)
    plain["atlas"]["anchors"]["plantar-left"]["z2"] = [1.0, 12.0]
    entry.write_text(json.dumps(plain))
    atlas = read_atlas(path, cache).atlas
    assert atlas is not None and len(atlas.zones) == 2  # the entry was taken as it is
    return atlas


def test_drawing_and_comparing_never_raise_for_unchecked_geometry(tmp_path: Path, qtbot):
    from reflexmap.render.export import export_chart
    from reflexmap.ui.app import application

    atlas = _tampered_atlas(tmp_path)
    application()
    out = tmp_path / "out.png"
    export_chart(atlas, out, view_id="plantar-left", width_px=400)
    assert out.stat().st_size > 0
    assert compare(atlas, atlas).both
