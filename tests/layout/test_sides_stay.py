"""layout/sides.py alone (no Qt): while a chart is edited, the labels of the zones the edit
left alone keep their columns (issue 16: a corner of the pelvis dragged sent Rectum and
Bladder across their feet, S18-9; a zone added moved others, S17-13), and a fresh layout is
the one it always was."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reflexmap.atlas import load_atlas
from reflexmap.layout.frames import bounds
from reflexmap.layout.sides import column_sides

WESTERN = load_atlas(Path(__file__).resolve().parents[2] / "zones" / "ingham-western.yaml")
SIZE = 4.6  # mm, the labels at Normal text
SOLES = ("plantar-left", "plantar-right")


def _layout(view_id: str, shapes: dict, anchors: dict, previous=None, touched=()):
    view = WESTERN.view(view_id)
    _minx, miny, _maxx, maxy = bounds(view.outline)
    return column_sides(
        anchors,
        shapes,
        view.outline,
        label_height=lambda _z: SIZE * 1.55,
        room=(SIZE - maxy, -miny - SIZE),
        previous=previous,
        touched=touched,
    )


def _chart(view_id: str) -> tuple[dict, dict]:
    shapes = {zone.id: zone.shapes[view_id] for zone in WESTERN.zones_in(view_id)}
    return shapes, dict(WESTERN.anchors(view_id))


def _side(columns: tuple[list[str], list[str]]) -> dict[str, str]:
    return {z: "left" for z in columns[0]} | {z: "right" for z in columns[1]}


def _fits(columns: tuple[list[str], list[str]], view_id: str) -> bool:
    _minx, miny, _maxx, maxy = bounds(WESTERN.view(view_id).outline)
    return all(len(c) * SIZE * 1.55 <= (-miny - SIZE) - (SIZE - maxy) for c in columns)


@pytest.mark.parametrize("view_id", SOLES)
def test_a_layout_kept_through_an_edit_that_changed_nothing_is_the_fresh_one(view_id):
    shapes, anchors = _chart(view_id)
    fresh = _layout(view_id, shapes, anchors)
    assert _layout(view_id, shapes, anchors, previous=fresh) == fresh


def test_the_pelvis_corner_dragged_up_leaves_rectum_and_bladder_in_their_columns():
    shapes, anchors = _chart("plantar-left")
    before = _side(_layout("plantar-left", shapes, anchors))
    ring = [(-18.5, 79.0) if p == (-30.5, 66.0) else p for p in shapes["pelvis"][0]]
    shapes["pelvis"] = (tuple(ring),)
    fresh = _side(_layout("plantar-left", shapes, anchors))
    assert fresh["rectum"] != before["rectum"]  # a fresh layout sends it across (the old way)
    kept = _layout(
        "plantar-left",
        shapes,
        anchors,
        previous=_layout("plantar-left", *_chart("plantar-left")),
        touched={"pelvis"},
    )
    after = _side(kept)
    assert {z: s for z, s in after.items() if z != "pelvis" and s != before[z]} == {}


@settings(max_examples=60, deadline=None)
@given(
    view_id=st.sampled_from(SOLES),
    k=st.integers(0, 10_000),
    dx=st.floats(-5.0, 5.0),
    dy=st.floats(-5.0, 5.0),
)
def test_a_zone_moved_a_little_leaves_the_others_in_their_columns(view_id, k, dx, dy):
    shapes, anchors = _chart(view_id)
    previous = _layout(view_id, shapes, anchors)
    zone_id = sorted(shapes)[k % len(shapes)]
    shapes[zone_id] = tuple(tuple((x + dx, y + dy) for x, y in ring) for ring in shapes[zone_id])
    if zone_id in anchors:
        x, y = anchors[zone_id]
        anchors[zone_id] = (x + dx, y + dy)
    after = _layout(view_id, shapes, anchors, previous=previous, touched={zone_id})
    was, now = _side(previous), _side(after)
    assert set(now) == set(was)
    moved = {z for z in now if z != zone_id and now[z] != was[z]}
    # only where the moved zone's label took a column's last room may another give way
    assert not moved


@settings(max_examples=40, deadline=None)
@given(view_id=st.sampled_from(SOLES), k=st.integers(0, 10_000))
def test_a_zone_added_leaves_the_others_in_their_columns(view_id, k):
    shapes, anchors = _chart(view_id)
    previous = _layout(view_id, shapes, anchors)
    # a copy of one zone, 8 mm further up the foot, as a new zone
    source = sorted(shapes)[k % len(shapes)]
    shapes["new"] = tuple(tuple((x, y + 8.0) for x, y in ring) for ring in shapes[source])
    if source in anchors:
        anchors["new"] = (anchors[source][0], anchors[source][1] + 8.0)
    after = _side(_layout(view_id, shapes, anchors, previous=previous, touched={"new"}))
    was = _side(previous)
    assert {z for z in was if after[z] != was[z]} == set()


def test_a_side_views_label_keeps_the_row_or_its_column_while_its_anchor_is_near_the_band():
    from reflexmap.layout.sides import ROW_KEEP_MM, sole_row

    sole = 23.7
    anchors = {"bladder": (85.5, 29.15), "copy": (88.5, sole - 2.0), "heel": (30.0, 5.0)}
    fresh = sole_row(anchors, sole)
    assert fresh == ["copy", "heel"]  # the fresh layout: the band decides
    # S19-5: a corner inserted moved the copy's anchor 3 mm above the band and back
    moved = {**anchors, "copy": (88.5, sole + 1.0)}
    assert sole_row(moved, sole) == ["heel"]  # afresh it would cross to a column
    assert sole_row(moved, sole, (["bladder"], [], fresh)) == fresh
    assert sole_row(anchors, sole, (["bladder", "copy"], [], ["heel"])) == ["heel"]  # and back
    # far enough it goes: the band still holds the zones along the sole
    assert sole_row({**anchors, "copy": (88.5, sole + ROW_KEEP_MM + 1)}, sole, ([], [], fresh)) == ["heel"]
    assert sole_row({**anchors, "bladder": (85.5, sole - ROW_KEEP_MM - 1)}, sole, (["bladder"], [], [])) == [
        "bladder",
        "copy",
        "heel",
    ]


def test_a_lone_zone_nudged_past_the_middle_keeps_its_column():
    """A view of one zone (no other zones for a leader to cross: no side better than the
    other) took the nearer column afresh at every edit: a corner dragged 20 px moved its
    anchor past the foot's middle and its label to the other foot's side, so the view's
    columns changed and the whole chart was laid out again (1.4 s on a zone of 100,000
    corners, the benchmark's drag)."""
    view = WESTERN.view("plantar-left")
    minx, miny, maxx, maxy = bounds(view.outline)
    middle, level = (minx + maxx) / 2, (miny + maxy) / 2
    square = [
        [
            (middle - 10, level - 10),
            (middle + 10, level - 10),
            (middle + 10, level + 10),
            (middle - 10, level + 10),
        ]
    ]
    for was, x in (("left", middle + 1.5), ("right", middle - 1.5)):
        fresh = _side(_layout("plantar-left", {"heel": square}, {"heel": (x, level)}))
        assert fresh["heel"] != was  # (afresh: the nearer column)
        previous = ([], ["heel"]) if was == "right" else (["heel"], [])
        kept = _layout("plantar-left", {"heel": square}, {"heel": (x, level)}, previous, touched={"heel"})
        assert _side(kept) == {"heel": was}
    far = _layout(
        "plantar-left", {"heel": square}, {"heel": (maxx - 0.5, level)}, (["heel"], []), touched={"heel"}
    )
    assert _side(far) == {"heel": "right"}  # (a whole foot's width farther: not kept)
