"""A zone's note stands beside the zone on the paper outside its foot (layout.marks.beside_foot,
S19-3): on the side of the foot's edge the zone reaches, where the paper has room for it and
no other foot is in the way; else None (the note keeps its place above or below the zone)."""

from __future__ import annotations

from reflexmap.layout.marks import beside_foot, overlaps

FOOT = [(0.0, 0.0), (40.0, 0.0), (40.0, 100.0), (0.0, 100.0)]  # a square-ish foot, y downwards
BOUNDS = (-60.0, -10.0, 160.0, 120.0)  # paper: 60 left of the foot, 60 right of it


def test_a_zone_on_the_outer_edge_gets_its_note_on_the_paper_beside_it():
    zone = (30.0, 40.0, 10.0, 10.0)  # touches the right edge
    spot = beside_foot((30.0, 6.0), zone, FOOT, BOUNDS, gap=1.0, near=6.0)
    assert spot is not None
    left, top, width, height = spot
    assert left >= 41.0  # outside the foot, off its edge
    assert top <= 45.0 <= top + height  # level with the zone's middle
    assert not overlaps(spot, (0.0, 0.0, 40.0, 100.0))


def test_the_nearer_edge_wins_and_a_zone_in_the_middle_gets_none():
    left_zone = (1.0, 40.0, 10.0, 10.0)
    spot = beside_foot((30.0, 6.0), left_zone, FOOT, BOUNDS, gap=1.0, near=6.0)
    assert spot is not None and spot[0] + spot[2] <= -1.0
    middle = (15.0, 40.0, 10.0, 10.0)
    assert beside_foot((30.0, 6.0), middle, FOOT, BOUNDS, gap=1.0, near=6.0) is None


def test_no_room_on_the_paper_or_another_foot_in_the_way_gives_none():
    zone = (30.0, 40.0, 10.0, 10.0)
    assert beside_foot((70.0, 6.0), zone, FOOT, BOUNDS, gap=1.0, near=6.0) is None  # too wide
    other = [(60.0, 0.0), (90.0, 0.0), (90.0, 100.0), (60.0, 100.0)]
    assert beside_foot((30.0, 6.0), zone, FOOT, BOUNDS, gap=1.0, near=6.0, others=[other]) is None
    # the other foot below the note's band is not in the way
    low = [(60.0, 80.0), (90.0, 80.0), (90.0, 100.0), (60.0, 100.0)]
    assert beside_foot((30.0, 6.0), zone, FOOT, BOUNDS, gap=1.0, near=6.0, others=[low]) is not None


def test_a_slanting_edge_is_followed_at_the_notes_height():
    foot = [(0.0, 0.0), (20.0, 0.0), (40.0, 100.0), (0.0, 100.0)]  # wider further down
    zone = (25.0, 40.0, 5.0, 10.0)  # the edge is at x 28..30 here
    spot = beside_foot((30.0, 6.0), zone, foot, BOUNDS, gap=1.0, near=6.0)
    assert spot is not None
    assert 30.0 < spot[0] <= 32.0  # just off the edge at its own rows, not off the widest part
