from hypothesis import given
from hypothesis import strategies as st

from reflexmap.layout.labels import spread


def test_labels_that_fit_stay_at_their_anchors():
    assert spread([10, 50, 30], gap=5, low=0, high=100) == [10, 50, 30]


def test_crowded_labels_are_pushed_apart_in_order():
    placed = spread([10, 11, 12], gap=5, low=0, high=100)
    assert placed == [10, 15, 20]


def test_labels_at_the_bottom_are_pulled_back_inside():
    placed = spread([98, 99, 100], gap=5, low=0, high=100)
    assert placed == [90, 95, 100]


@given(st.lists(st.floats(-50, 150), max_size=30), st.floats(1, 10))
def test_spread_never_overlaps_and_keeps_order(anchors, gap):
    placed = spread(anchors, gap=gap, low=0, high=100)
    assert len(placed) == len(anchors)
    pairs = sorted(zip(anchors, placed, strict=False))
    ordered = [p for _, p in pairs]
    assert all(b - a >= gap - 1e-6 for a, b in zip(ordered, ordered[1:], strict=False))
    assert all(p >= -1e-6 for p in placed)


def test_a_label_goes_to_the_side_whose_leader_crosses_no_other_zone():
    from reflexmap.layout.labels import better_side, inside_spans, ray_cost

    square = [(10.0, 0.0), (20.0, 0.0), (20.0, 10.0), (10.0, 10.0)]
    assert inside_spans([square], 5.0) == [(10.0, 20.0)]
    assert ray_cost(30.0, 5.0, 0.0, [[square]]) == 10.0 and ray_cost(30.0, 5.0, 40.0, [[square]]) == 0.0
    # the anchor is nearer the left column, but a zone lies that way: the right column it is
    assert better_side(25.0, 5.0, 0.0, 60.0, [[square]]) == "right"
    assert better_side(25.0, 15.0, 0.0, 60.0, [[square]]) == "left"  # nothing in the way: nearer
    # a clear path wins over a short crossing even when it runs far over bare skin
    foot = [(0.0, 0.0), (400.0, 0.0), (400.0, 20.0), (0.0, 20.0)]
    strip = [(12.0, 0.0), (18.0, 0.0), (18.0, 20.0), (12.0, 20.0)]
    assert better_side(25.0, 5.0, 0.0, 401.0, [[strip]], foot) == "right"
