"""Which column, left or right of its foot, each zone's label stands in: where its level
leader crosses less of the other zones (`better_side`), the columns balanced by their room
(`balance_columns`); and, while a chart is edited, where it stood before the edit unless that
is much worse (`kept_side`), so that editing one zone does not move the others' labels.

Pure arithmetic on millimetres (no Qt): the scene (render/chart_scene_labels.py) passes the
view's anchors, shapes and outline and how tall each label stands in its column.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping, Sequence

from .frames import bounds
from .labels import (
    FAR_COST,
    KEEP_COST,
    STAY_COST,
    Leader,
    Ring,
    balance_columns,
    better_side,
    kept_side,
    side_costs,
)

Point = tuple[float, float]

# a side view's zone labelled in the row under its sole stays there while its anchor is less
# than this above the sole's band, and one labelled in a column stays there while it is less
# than this below it (a zone's breadth): a corner inserted on the bottom edge of a zone at the
# band's edge moved its anchor 3 mm and its label between the left column and the row, the
# labels in the column pushed down a label's height and back at every edit (S19-5)
ROW_KEEP_MM = 10.0


def sole_row(
    anchors: Mapping[str, Point],
    sole_y: float,
    previous: tuple[Sequence[str], Sequence[str], Sequence[str]] | None = None,
) -> list[str]:
    """Zone ids labelled in the row under a side view's sole, in `anchors`' order: those whose
    anchor (mm, y up) lies below `sole_y` (the top of the band along the sole). `previous`: the
    (left, right, below) labels before an edit; a zone that stood in the row or in a column
    keeps it while its anchor is within ROW_KEEP_MM of `sole_y`. Without `previous`: the
    fresh layout."""
    below_before = set() if previous is None else set(previous[2])
    columned_before = set() if previous is None else {*previous[0], *previous[1]}
    row = []
    for zone_id, (_x, y) in anchors.items():
        if zone_id in below_before:
            limit = sole_y + ROW_KEEP_MM
        elif zone_id in columned_before:
            limit = sole_y - ROW_KEEP_MM
        else:
            limit = sole_y
        if y < limit:
            row.append(zone_id)
    return row


def column_sides(
    anchors: Mapping[str, Point],
    shapes: Mapping[str, Sequence[Ring]],
    outline: Ring,
    *,
    label_height: Callable[[str], float] | None,
    room: tuple[float, float],
    previous: tuple[Sequence[str], Sequence[str]] | None = None,
    touched: Collection[str] = (),
) -> tuple[list[str], list[str]]:
    """Zone ids labelled in the left and in the right column, in `anchors`' order: each zone
    labelled (`anchors`: zone id -> its label's anchor, mm, y up) on the side whose leader
    crosses less of the other zones (`shapes`: every zone of the view, id -> rings), else the
    nearer; then, where `label_height` (zone id -> mm a label stands in its column) is given
    (a sole), the columns balanced by their `room` (low, high: the labels' extent).
    `previous`: the (left, right) columns before an edit; a zone not in `touched` (those the
    edit changed) keeps its column unless its leader costs STAY_COST more there, a touched
    one unless KEEP_COST more. Without `previous`: the fresh layout."""
    minx, _miny, maxx, _maxy = bounds(outline)
    middle = (minx + maxx) / 2
    was = {} if previous is None else {z: "left" for z in previous[0]} | {z: "right" for z in previous[1]}
    heights = {}
    for zone_id, rings in shapes.items():
        ys = [y for ring in rings for _x, y in ring]
        heights[zone_id] = (min(ys), max(ys)) if ys else (0.0, 0.0)
    left, right = [], []
    leaders: dict[str, Leader] = {}
    for zone_id, (x, y) in anchors.items():
        # the side whose leader crosses less of the other zones; else the nearer one (a
        # level leader can only cross the zones level with it)
        others = [
            rings
            for other, rings in shapes.items()
            if other != zone_id and heights[other][0] <= y <= heights[other][1]
        ]
        side = better_side(x, y, minx - 1, maxx + 1, others, outline) if len(shapes) > 1 else ""
        if not side:  # (no crossings to weigh: the nearer, which a column before an edit may outweigh)
            side = "left" if x <= middle else "right"
        if was.get(zone_id, side) != side:
            costs = side_costs(x, y, minx - 1, maxx + 1, others, outline)
            margin = KEEP_COST if zone_id in touched else STAY_COST
            side = kept_side(side, was[zone_id], x, minx - 1, maxx + 1, costs, margin)
        if side == "left":
            left.append(zone_id)
        else:
            right.append(zone_id)
        if label_height is not None and len(shapes) > 1:
            leaders[zone_id] = _leader(x, y, (minx, maxx), others, outline, label_height(zone_id))
    if leaders:
        ids = [*left, *right]
        chosen = balance_columns(
            [leaders[z] for z in ids],
            [z in left for z in ids],
            *room,
            None
            if previous is None
            else [None if z not in was or z in touched else was[z] == "left" for z in ids],
        )
        left = [z for z, s in zip(ids, chosen, strict=True) if s]
        right = [z for z, s in zip(ids, chosen, strict=True) if not s]
    return left, right


def _leader(x: float, y: float, across: tuple[float, float], others, outline: Ring, height: float) -> Leader:
    """A label's choice between the columns (see `balance_columns`): its `height` and its
    leader's cost to either side, the farther a twentieth more per millimetre (as
    `better_side` weighs it)."""
    minx, maxx = across
    to_left, to_right = side_costs(x, y, minx - 1, maxx + 1, others, outline)
    to_left += FAR_COST * (x - minx)
    to_right += FAR_COST * (maxx - x)
    # (downwards, as the columns are drawn: a view's y runs up)
    return Leader(-y, height, to_left, to_right)
