"""An edit's chart keeps the leader dots of the zones it left where they still are good ones
(geometry.kept_anchors): a dot placed for a clear leader depends on the zones level with it,
and an edit of the spleen moved Solar plexus's 2.5 mm down, past Diaphragm's."""

from __future__ import annotations

from pathlib import Path

from reflexmap.atlas import load_atlas
from reflexmap.atlas.geometry import kept_anchors, view_anchors

WESTERN = Path(__file__).resolve().parents[2] / "zones" / "ingham-western.yaml"
VIEW = "plantar-left"


def _shapes():
    atlas = load_atlas(WESTERN)
    return atlas, {z.id: z.shapes[VIEW] for z in atlas.zones_in(VIEW)}


def _moved_corner(shape, dx: float, dy: float):
    ring = list(shape[0])
    ring[0] = (ring[0][0] + dx, ring[0][1] + dy)
    return (tuple(ring), *shape[1:])


def test_the_zones_an_edit_left_keep_their_dots():
    atlas, shapes = _shapes()
    outline = atlas.view(VIEW).outline
    before = view_anchors(shapes, outline)
    edited = {**shapes, "spleen": _moved_corner(shapes["spleen"], 5.0, -5.0)}
    fresh = view_anchors(edited, outline)
    assert fresh["solar-plexus"] != before["solar-plexus"]  # what a fresh layout does
    kept = kept_anchors(edited, fresh, before, frozenset({"spleen"}))
    assert kept["solar-plexus"] == before["solar-plexus"]
    assert kept["spleen"] == fresh["spleen"]  # the zone edited: its dot found afresh
    assert {z for z in kept if kept[z] != before[z]} <= {"spleen"}


def test_a_dot_a_smaller_zone_now_covers_moves():
    atlas, shapes = _shapes()
    outline = atlas.view(VIEW).outline
    before = view_anchors(shapes, outline)
    x, y = before["pelvis"]  # a small square drawn over the pelvis's dot
    square = (((x - 3, y - 3), (x + 3, y - 3), (x + 3, y + 3), (x - 3, y + 3)),)
    edited = {**shapes, "new-zone": square}
    fresh = view_anchors(edited, outline)
    kept = kept_anchors(edited, fresh, before, frozenset({"new-zone"}))
    assert kept["pelvis"] == fresh["pelvis"] != before["pelvis"]
