"""Where to put zone labels beside the feet, as printed charts do: in columns, with leaders.

Pure arithmetic (no Qt) so it can be tested alone: labels keep the vertical order of their
anchors and are pushed apart just enough not to overlap, staying inside the column.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import NamedTuple


def spread(anchors: Sequence[float], gap: float, low: float, high: float) -> list[float]:
    """Positions for labels wanted at `anchors` (any order), at least `gap` apart in [low, high].

    Returns one position per anchor, in the same order as given. When the labels cannot fit,
    they are packed evenly from `low` so that none overlaps (the column grows past `high`).
    """
    order = sorted(range(len(anchors)), key=lambda i: anchors[i])
    wanted = [min(max(anchors[i], low), high) for i in order]
    placed: list[float] = []
    for y in wanted:  # push down (increasing) to clear the previous label
        placed.append(y if not placed else max(y, placed[-1] + gap))
    if placed and placed[-1] > high:  # then pull back up from the far end
        placed[-1] = max(high, low + gap * (len(placed) - 1))
        for k in range(len(placed) - 2, -1, -1):
            placed[k] = min(placed[k], placed[k + 1] - gap)
        if placed[0] < low:
            placed = [low + gap * k for k in range(len(placed))]
    result = [0.0] * len(anchors)
    for position, i in zip(placed, order, strict=True):
        result[i] = position
    return result


def spread_sized(
    centres: Sequence[float], sizes: Sequence[float], pad: float, low: float, high: float
) -> list[float]:
    """Like `spread` for items of different sizes: centres, each item `sizes[i]` long, with at
    least `pad` between neighbours, inside [low, high] when they fit."""
    order = sorted(range(len(centres)), key=lambda i: centres[i])
    placed: list[float] = []
    for k, i in enumerate(order):
        c = max(centres[i], low + sizes[i] / 2)
        if k:
            j = order[k - 1]
            c = max(c, placed[-1] + (sizes[j] + sizes[i]) / 2 + pad)
        placed.append(c)
    if placed and placed[-1] + sizes[order[-1]] / 2 > high:
        placed[-1] = high - sizes[order[-1]] / 2
        for k in range(len(placed) - 2, -1, -1):
            i, j = order[k], order[k + 1]
            placed[k] = min(placed[k], placed[k + 1] - (sizes[i] + sizes[j]) / 2 - pad)
        first = order[0]
        if placed[0] - sizes[first] / 2 < low:  # too many to fit: pack from the low end
            placed[0] = low + sizes[first] / 2
            for k in range(1, len(placed)):
                i, j = order[k - 1], order[k]
                placed[k] = placed[k - 1] + (sizes[i] + sizes[j]) / 2 + pad
    result = [0.0] * len(centres)
    for position, i in zip(placed, order, strict=True):
        result[i] = position
    return result


def column_places(
    anchors: Sequence[float],
    lines: Sequence[int],
    gap: float,
    line_mm: float,
    low: float,
    high: float,
    taller: Sequence[float] = (),
) -> list[float]:
    """Middles of a column's labels wanted at `anchors`, label i of `lines[i]` lines: a label of
    one line takes `gap` (as `spread` keeps them apart), each further line `line_mm` more, so
    that a name broken onto two lines has room between its neighbours, and `taller[i]` more
    where its text is drawn taller than the usual font's lines (a fallback font's script).
    Middles of one-line labels stay in [low, high], as `spread` keeps them, when they all fit."""
    extra = list(taller) or [0.0] * len(lines)
    sizes = [gap + (max(n, 1) - 1) * line_mm + e for n, e in zip(lines, extra, strict=True)]
    return spread_sized(anchors, sizes, 0.0, low - gap / 2, high + gap / 2)


Ring = Sequence[tuple[float, float]]


def inside_spans(rings: Sequence[Ring], y: float) -> list[tuple[float, float]]:
    """The x-intervals where the horizontal line at `y` is inside a shape (even-odd rule)."""
    xs: list[float] = []
    for ring in rings:
        for (x1, y1), (x2, y2) in zip(ring, [*ring[1:], ring[0]], strict=True):
            if (y1 <= y < y2) or (y2 <= y < y1):
                xs.append(x1 + (y - y1) * (x2 - x1) / (y2 - y1))
    xs.sort()
    return [(xs[i], xs[i + 1]) for i in range(0, len(xs) - 1, 2)]


def ray_cost(x: float, y: float, towards: float, others: Sequence[Sequence[Ring]]) -> float:
    """How far (mm) a leader running level from (x, y) to x = `towards` passes over the shapes
    `others` (each a list of rings): the cost of labelling a zone on that side."""
    low, high = sorted((x, towards))
    cost = 0.0
    for rings in others:
        for a, b in inside_spans(rings, y):
            cost += max(0.0, min(b, high) - max(a, low))
    return cost


SKIN_COST = 0.05  # a millimetre of leader over bare skin, against one over another zone
# The far column must save this much crossing (mm over other zones) per millimetre its leader
# runs further than the near column's: a short crossing by the heel does not send a label
# across the whole length of a side view's foot (a twentieth: 7.5 mm saved needs < 150 mm
# more). The Western medial view's bladder still goes far: its near leader would run along
# the sciatic nerve's, through that zone's dot.
FAR_COST = 0.05


def side_costs(
    x: float, y: float, left: float, right: float, others: Sequence[Sequence[Ring]], outline: Ring = ()
) -> tuple[float, float]:
    """What a level leader from (x, y) to the left and to the right column costs: the
    millimetres it runs over the other zones, and a twentieth of those over the bare foot."""
    feet = [[outline]] if outline else []
    to_left = ray_cost(x, y, left, others) + SKIN_COST * ray_cost(x, y, left, feet)
    to_right = ray_cost(x, y, right, others) + SKIN_COST * ray_cost(x, y, right, feet)
    return to_left, to_right


def better_side(
    x: float, y: float, left: float, right: float, others: Sequence[Sequence[Ring]], outline: Ring = ()
) -> str:
    """ "left" or "right": the nearer column, unless its level leader crosses clearly more of
    the other zones (and, a twentieth as much, of the bare foot inside `outline`) than the far
    column's: by more than 1 mm and more than FAR_COST per millimetre the far leader is longer.
    On a narrow sole the far column wins where it saves a crossing; on a long side view a
    label stays by its zone rather than have its leader run along the whole foot."""
    to_left, to_right = side_costs(x, y, left, right, others, outline)
    near, far = ("left", to_left, x - left), ("right", to_right, right - x)
    if near[2] > far[2]:
        near, far = far, near
    return far[0] if near[1] - far[1] > max(1.0, FAR_COST * (far[2] - near[2])) else near[0]


# While a chart is edited a label keeps the column it stood in before the edit while its
# leader there costs at most this many millimetres more (crossings of other zones, bare foot
# SKIN_COST, each millimetre farther FAR_COST) than in the column a fresh layout would give:
# KEEP_COST for the zone edited, STAY_COST for one the edit left as it was. Dragging the
# pelvis's corner by 30 × 40 px sent Rectum and Bladder, untouched, across their feet (S18-9:
# their leaders would have crossed 17 and 24 mm more of the pelvis's new corner); a zone added
# moved others' labels (S17-13). A person editing one zone expects the others to stay.
KEEP_COST = 3.0
STAY_COST = 40.0


def kept_side(
    side: str,
    previous: str | None,
    x: float,
    left: float,
    right: float,
    costs: tuple[float, float],
    margin: float = KEEP_COST,
) -> str:
    """`side` ("left"/"right", `better_side`'s choice for a zone at x), or `previous`, the
    side its label had before an edit, while the leader there costs at most `margin` mm more
    (`costs`: `side_costs` to the columns at x = `left` and `right`, the farther FAR_COST per
    millimetre more, as `better_side` weighs them). Without a previous side: `side`."""
    if previous not in ("left", "right") or previous == side or side not in ("left", "right"):
        return side
    cost = {"left": costs[0] + FAR_COST * (x - left), "right": costs[1] + FAR_COST * (right - x)}
    return previous if cost[previous] - cost[side] <= margin else side


# A label moved to the other column must save this many millimetres of labels pushed off
# their zones' level, over both columns, per millimetre more its leader crosses of other
# zones (and SKIN_COST of bare foot) there: one 11 mm crossing of the spine strip for a
# label pushed 11 mm less, not for one pushed 5 mm less.
MOVE_COST = 1.0


class Leader(NamedTuple):
    """A label's choice between the columns (`balance_columns`): its zone's level `y`, its
    height in a column (mm), and what its leader costs to either side (`better_side`'s
    crossings, bare foot a twentieth)."""

    y: float
    height: float
    to_left: float
    to_right: float


def pushed(ys: Sequence[float], heights: Sequence[float], low: float, high: float) -> float:
    """How far (mm, summed) a column's labels at levels `ys` stand off them, spread in
    [low, high] (`spread_sized`): the slant of their leaders."""
    if not ys:
        return 0.0
    placed = spread_sized(ys, heights, 0.0, low, high)
    return sum(abs(p - y) for p, y in zip(placed, ys, strict=True))


def balance_columns(
    leaders: Sequence[Leader],
    left: Sequence[bool],
    low: float,
    high: float,
    previous: Sequence[bool | None] | None = None,
) -> list[bool]:
    """Which labels stand in the left column (`left`: each side as `better_side` chose it),
    balanced by the room the columns have (labels between `low` and `high`) when one holds
    more than its room: while moving one
    label to the other column saves more of its labels' pushing off their level (`pushed`, both
    columns) than MOVE_COST × what its leader costs more there, the label that saves most is
    moved. At Largest text in German (1024×768) the Western sole's left column held 19 labels
    against 16: "Linke Kolonflexur" stood 43 mm and Kidneys 22 mm below their zones.
    `previous` (while a chart is edited): each label's column before the edit (True: left;
    None: a new label); a label moved off it costs KEEP_COST more, so an edit moves only the
    labels it must. Without it the balance is the fresh layout's."""
    sides = list(left)
    room = high - low
    if all(
        sum(c.height for c, s in zip(leaders, sides, strict=True) if s is side) <= room
        for side in (True, False)
    ):
        return sides  # each column holds its labels: every label where its leader is best

    def total(sides: list[bool]) -> float:
        cost = 0.0
        for column in (True, False):
            chosen = [leader for leader, s in zip(leaders, sides, strict=True) if s is column]
            cost += pushed([c.y for c in chosen], [c.height for c in chosen], low, high)
        extra = sum(
            (lead.to_left - lead.to_right) if s else (lead.to_right - lead.to_left)
            for lead, s in zip(leaders, sides, strict=True)
        )
        if previous is not None:
            cost += KEEP_COST * sum(
                p is not None and s is not p for s, p in zip(sides, previous, strict=True)
            )
        return cost + MOVE_COST * extra

    now = total(sides)
    for _move in range(len(sides)):
        best, best_cost = None, now - 1.0  # at least a millimetre saved
        for k in range(len(sides)):
            sides[k] = not sides[k]
            cost = total(sides)
            sides[k] = not sides[k]
            if cost < best_cost:
                best, best_cost = k, cost
        if best is None:
            break
        sides[best] = not sides[best]
        now = best_cost
    return sides


def free_x(low: float, high: float, blocked: Sequence[tuple[float, float]], target: float) -> float | None:
    """The x in [low, high] outside every `blocked` interval that is nearest `target`, or None
    when the blocked intervals cover it all: where a leader can rise past a row of labels."""
    spans = [(low, high)]
    for a, b in sorted(blocked):
        spans = [piece for s, e in spans for piece in ((s, min(e, a)), (max(s, b), e)) if piece[1] > piece[0]]
    if not spans:
        return None
    return min((min(max(target, s), e) for s, e in spans), key=lambda x: abs(x - target))


Point = tuple[float, float]
Segment = tuple[float, float, float, float]


def _y_on(line: Sequence[Point], x: float) -> float | None:
    """The polyline's y at `x` (the first segment spanning it), None beyond its ends."""
    for (x0, y0), (x1, y1) in zip(line, line[1:], strict=False):
        low, high = min(x0, x1), max(x0, x1)
        if low <= x <= high:
            return y0 if high - low < 1e-9 else y0 + (y1 - y0) * (x - x0) / (x1 - x0)
    return None


def ring_segments(rings: Sequence[Sequence[Point]]) -> list[tuple[float, ...]]:
    """The rings' edges, each with its bounding box: (x0, y0, x1, y1, min x, min y, max x,
    max y). Made once per view; `guide_name_spot` picks those near each line."""
    found = []
    for ring in rings:
        for (x0, y0), (x1, y1) in zip(ring, [*ring[1:], ring[0]], strict=True):
            found.append((x0, y0, x1, y1, min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1)))
    return found


def _near(segments, left: float, top: float, right: float, bottom: float) -> list[tuple[float, ...]]:
    return [e for e in segments if e[4] <= right and e[6] >= left and e[5] <= bottom and e[7] >= top]


Rect = tuple[float, float, float, float]  # left, top, right, bottom


def segments_of(lines: Sequence[Sequence[Point]]) -> list[tuple[float, ...]]:
    """The open polylines' segments, each with its bounding box, as `ring_segments` gives
    them: leaders and guide lines for `guide_name_spot` to keep clear of."""
    found = []
    for line in lines:
        for (x0, y0), (x1, y1) in zip(line, line[1:], strict=False):
            found.append((x0, y0, x1, y1, min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1)))
    return found


def guide_name_spot(
    line: Sequence[Point],
    outline: Sequence[Point],
    edges: Sequence[tuple[float, ...]],
    width: float,
    height: float,
    *,
    from_left: bool,
    gap: float,
    margin: float = 0.8,
    step: float = 1.5,
    avoid: Sequence[tuple[float, ...]] = (),
    avoid_rects: Sequence[Rect] = (),
    clearance: float = 0.0,
    fills: Sequence[SegmentIndex] = (),
) -> Point | None:
    """Top-left corner of a crosswise guide's name, in scene mm (y grows downwards), or None
    when no place on the line fits.

    The name sits just above the line (or just below it where above is crowded), inside the
    foot's `outline` by at least `margin` mm, starting from the outer end of the line
    (`from_left`: its left end) and moving inwards to where it covers the least length of
    zone edges (`edges`, from `ring_segments`): a name across an edge or the outline is hard
    to read and hides what the chart draws. It never comes within `clearance` of the lines
    in `avoid` (leaders, every guide line including its own: `segments_of`) or of the
    rectangles in `avoid_rects` (labels, other guide names). The outer half of the line is
    tried first, then the rest. Nearer the outer end, and above the line, win a tie. Where the
    place found is on the fill of a zone in `fills` (see `SegmentIndex.on_fill`), the best
    place just above or below the line that is off them all is taken instead, if any. Plain arithmetic (no
    Shapely: a cached chart is painted before Shapely is imported)."""
    if len(line) < 2 or width <= 0 or height <= 0:
        return None
    if not isinstance(outline, SegmentIndex) and len(outline) < 3:
        return None
    xs = [x for x, _y in line]
    left, right = min(xs), max(xs)
    outer = left if from_left else right - width
    half = (right - left) / 2
    pieces = [
        (min(x0, x1), max(x0, x1), x0, y0, x1, y1) for (x0, y0), (x1, y1) in zip(line, line[1:], strict=False)
    ]

    def y_on(x: float) -> float | None:  # (`_y_on`, its pieces made once)
        for low, high, x0, y0, x1, y1 in pieces:
            if low <= x <= high:
                return y0 if high - low < 1e-9 else y0 + (y1 - y0) * (x - x0) / (x1 - x0)
        return None

    def rows(near: bool | None):
        """(x, lowest y above, highest below) of the places along the line, from its outer
        end inwards: its outer half (`near`), the rest, or all of it (None)."""
        x = outer
        while left <= x and x + width <= right:
            is_near = abs(x - outer) <= half
            if near is False and is_near:
                x += step if from_left else -step
                continue
            if near is True and not is_near:
                return  # past the outer half: the rest is all further in
            under = [y for y in (y_on(x), y_on(x + width)) if y is not None]
            under += [py for px, py in line if x <= px <= x + width]
            yield x, min(under), max(under)
            x += step if from_left else -step

    made: dict[tuple[bool | None, int], list[tuple[float, float, float]]] = {}

    def places(near: bool | None, k: int) -> list[tuple[float, float, float]]:
        if (near, k) not in made:
            made[(near, k)] = places_new(near, k)
        return made[(near, k)]

    def places_new(near: bool | None, k: int) -> list[tuple[float, float, float]]:
        found = []
        for x, high, low in rows(near):
            base = abs(x - outer) * 0.02 + 1.0 * k
            found.append((base, x, high - gap - height - k * height / 3))
            found.append((base + 0.5, x, low + gap + k * height / 3))
        return found

    checks = dict(
        outline=outline, edges=edges, margin=margin, avoid=avoid, avoid_rects=avoid_rects, clearance=clearance
    )
    # just above or below the line on its outer half, then on the rest of it, then a step or
    # two further from it (where nothing comes between them): the first pass that finds a
    # place; where that place is on a zone's fill, the first place just above or below the
    # line (its outer half first) that is off them all, if there is one
    found: tuple[float, Point] | None = None
    for near, steps in ((True, (0,)), (False, (0,)), (None, (1, 2))):
        candidates = [c for k in steps for c in places(near, k)]
        found = _best(candidates, width, height, **checks)
        if found is not None:
            break
    if found is not None and fills:
        x, top = found[1]
        if any(f.on_fill(x, top, x + width, top + height) for f in fills):
            for near in (True, False):
                off = _best(places(near, 0), width, height, fills=fills, off_fills_only=True, **checks)
                if off is not None:
                    return off[1]
    return found[1] if found is not None else None


def upright_name_spots(
    line: Sequence[Point], width: float, height: float, gap: float, *, closed: bool, step: float = 1.5
) -> list[tuple[float, float, float]]:
    """(preference, x, top) for the name of a guide that runs along the foot (a tendon) or
    closes on itself (an ankle bone): above it first, as charts print it; then beside it, to
    either side, further down; then below it. For `best_spot`."""
    xs = [x for x, _y in line]
    ys = [y for _x, y in line]
    left, right, top, bottom = min(xs), max(xs), min(ys), max(ys)
    middle = (left + right) / 2
    spots = [(0.0, middle - width / 2, top - gap - height)]
    if not closed:  # above its end, reaching left or right from it
        spots += [(0.1, middle - width + 1.0, top - gap - height), (0.1, middle - 1.0, top - gap - height)]
    if closed:  # below it, beside it; then above it reaching left or right (off a zone's fill)
        spots += [
            (0.5, middle - width / 2, bottom + gap),
            (0.6, left - gap - width, (top + bottom) / 2 - height / 2),
            (0.6, right + gap, (top + bottom) / 2 - height / 2),
            (0.7, middle - width + 1.0, top - gap - height),
            (0.7, middle - 1.0, top - gap - height),
        ]
        return spots
    y = top
    crosswise = [(py, px) for px, py in line]  # x as a function of y
    while y + height <= bottom:
        cost = 8.0 + (y - top) * 0.05  # beside it: worth 8 mm of zone edges covered above it
        at = [x for x in (_y_on(crosswise, y), _y_on(crosswise, y + height)) if x is not None]
        at += [px for px, py in line if y <= py <= y + height]
        if at:
            spots.append((cost, min(at) - gap - width, y))
            spots.append((cost, max(at) + gap, y))
        y += step
    for shift, extra in ((width / 2, 0.0), (width - 1.0, 0.1), (1.0, 0.1)):  # below its foot end
        spots.append((9.0 + (bottom - top) * 0.05 + extra, middle - shift, bottom + gap))
    return spots


FILL_COST = 1000.0  # a guide's name on a zone's fill, against millimetres of edges covered


def best_spot(
    candidates: Sequence[tuple[float, float, float]],
    width: float,
    height: float,
    *,
    outline: Sequence[Point],
    edges: Sequence[tuple[float, ...]],
    margin: float = 0.8,
    avoid: Sequence[tuple[float, ...]] = (),
    avoid_rects: Sequence[Rect] = (),
    clearance: float = 0.0,
    within: tuple[float, float] | None = None,
    inside: bool = True,
    fills: Sequence[SegmentIndex] = (),
) -> Point | None:
    """Of the (preference, x, top) candidates, the top-left corner of the box (`width` ×
    `height`) that lies inside `outline` by `margin`, keeps `clearance` from every line in
    `avoid` and every rectangle in `avoid_rects`, stays between the x limits `within` when
    given, and has the lowest preference plus length of zone `edges` covered; None when none
    does. With `inside` False the box may also lie outside the outline (never across it).
    A box on the fill of a zone in `fills` (indexes of zones' rings, see
    `SegmentIndex.on_fill`) costs FILL_COST more: any place off the fills beats it.

    Once a place is found, a later candidate's cost (its preference and the edges it covers)
    is worked out before the tests that it is clear: one that cannot cost less is passed
    over untested, which finds the same place as testing each in turn."""
    found = _best(
        candidates,
        width,
        height,
        outline=outline,
        edges=edges,
        margin=margin,
        avoid=avoid,
        avoid_rects=avoid_rects,
        clearance=clearance,
        within=within,
        inside=inside,
        fills=fills,
    )
    return found[1] if found is not None else None


def _best(
    candidates: Sequence[tuple[float, float, float]],
    width: float,
    height: float,
    *,
    outline,
    edges,
    margin: float = 0.8,
    avoid=(),
    avoid_rects: Sequence[Rect] = (),
    clearance: float = 0.0,
    within: tuple[float, float] | None = None,
    inside: bool = True,
    fills: Sequence[SegmentIndex] = (),
    off_fills_only: bool = False,
) -> tuple[float, Point] | None:
    """(`best_spot`, with the cost of the place found; `off_fills_only`: no place on a fill)"""
    if not candidates:
        return None
    pad = margin + clearance
    reach = (
        min(x for _c, x, _t in candidates) - pad,
        min(t for _c, _x, t in candidates) - pad,
        max(x for _c, x, _t in candidates) + width + pad,
        max(t for _c, _x, t in candidates) + height + pad,
    )
    if isinstance(outline, SegmentIndex):  # made once for the view
        rim = outline
    else:
        rim = SegmentIndex(ring_segments([outline]) if len(outline) >= 3 else [])
    edges = edges if isinstance(edges, SegmentIndex) else SegmentIndex(_near(edges, *reach))
    avoid = avoid if isinstance(avoid, SegmentIndex) else SegmentIndex(_near(avoid, *reach))
    avoid_rects = [
        r for r in avoid_rects if r[0] < reach[2] and reach[0] < r[2] and r[1] < reach[3] and reach[1] < r[3]
    ]
    check_inside = inside and bool(rim.segments)
    best: tuple[float, Point] | None = None
    for base, x, top in sorted(candidates):
        if best is not None and base >= best[0]:
            break  # sorted: every later place costs at least as much
        bottom = top + height
        if within is not None and (x < within[0] or x + width > within[1]):
            continue  # past the foot's sides, where the label columns are
        on_fill = None
        if fills and (off_fills_only or best is not None):
            on_fill = any(f.on_fill(x, top, x + width, bottom) for f in fills)
            if on_fill and (off_fills_only or best[0] < FILL_COST):  # type: ignore[index]
                continue  # a place off the fills is known (or the only kind asked for)
        cost = None
        if best is not None:
            extra = FILL_COST if on_fill else 0.0
            cost = base + edges.length(x, top, x + width, bottom, base, best[0], extra) + extra
            if not cost < best[0]:
                continue  # clear or not, it would not be chosen
        left, right = x - clearance, x + width + clearance
        high, low = top - clearance, bottom + clearance
        if any(a < right and left < c and b < low and high < d for a, b, c, d in avoid_rects):
            continue  # on a label or another guide's name
        if avoid.covers(left, high, right, low):
            continue  # on a leader or a guide line
        if rim.covers(x - margin, top - margin, x + width + margin, bottom + margin):
            continue  # the outline passes within `margin` of the name
        if check_inside and not rim.inside(x, top):
            continue  # no outline near it, and outside the foot
        if cost is None:
            cost = base + edges.length(x, top, x + width, bottom)
            if any(f.on_fill(x, top, x + width, bottom) for f in fills):
                cost += FILL_COST
        if best is None or cost < best[0]:
            best = (cost, (x, top))
    return best


def _clip(x0: float, y0: float, x1: float, y1: float, left: float, top: float, right: float, bottom: float):
    """Length of the segment inside the rectangle (Liang-Barsky clipping, unrolled)."""
    dx, dy = x1 - x0, y1 - y0
    low, high = 0.0, 1.0
    if dx == 0:
        if x0 - left < 0 or right - x0 < 0:
            return 0.0
    else:
        t = (x0 - left) / -dx
        if dx > 0:  # p = -dx < 0
            if t > low:
                low = t
        elif t < high:
            high = t
        t = (right - x0) / dx
        if dx < 0:
            if t > low:
                low = t
        elif t < high:
            high = t
    if dy == 0:
        if y0 - top < 0 or bottom - y0 < 0:
            return 0.0
    else:
        t = (y0 - top) / -dy
        if dy > 0:
            if t > low:
                low = t
        elif t < high:
            high = t
        t = (bottom - y0) / dy
        if dy < 0:
            if t > low:
                low = t
        elif t < high:
            high = t
    if low > high:
        return 0.0
    return (high - low) * (dx * dx + dy * dy) ** 0.5


class SegmentIndex:
    """Segments (as `ring_segments` and `segments_of` give them) filed by 6 mm squares, so
    that a box asks only about the segments near it. Made once per view, it serves every
    guide name's `best_spot` there."""

    CELL = 6.0

    def __init__(self, segments) -> None:
        c = self.CELL
        # each segment with the first square it is filed in (column, row): see `length`
        # (a segment's fields past the eighth, such as its zone's number, come after those two)
        self.segments = [(*seg[:8], int(seg[4] // c), int(seg[5] // c), *seg[8:]) for seg in segments]
        cells: dict[tuple[int, int], list[tuple[float, ...]]] = {}
        for seg in self.segments:
            j0, j1 = seg[9], int(seg[7] // c)
            for i in range(seg[8], int(seg[6] // c) + 1):
                for j in range(j0, j1 + 1):
                    found = cells.get((i, j))
                    if found is None:
                        cells[(i, j)] = [seg]
                    else:
                        found.append(seg)
        self.cells = cells
        self._rows: dict[int, list[tuple[int, list[tuple[float, ...]]]]] | None = None
        self._fill_state: dict[tuple[int, int], bool] = {}  # see on_fill

    def _near(self, left: float, top: float, right: float, bottom: float) -> list[tuple[float, ...]]:
        if not self.cells:
            return []
        c = self.CELL
        i0, i1, j0, j1 = int(left // c), int(right // c), int(top // c), int(bottom // c)
        if i0 == i1 and j0 == j1:
            return self.cells.get((i0, j0), [])
        seen: dict[int, tuple[float, ...]] = {}
        get = self.cells.get
        for i in range(i0, i1 + 1):
            for j in range(j0, j1 + 1):
                for seg in get((i, j), ()):
                    seen[id(seg)] = seg
        return list(seen.values())

    def length(
        self, left: float, top: float, right: float, bottom: float, base=0.0, bound=None, extra=0.0
    ) -> float:
        """Length of the segments inside the box, summed in the order `_near` gives them
        (each segment where it is first met, going through the squares column by column).
        With `bound`, the sum stops once `base` plus it (plus `extra`) reaches `bound`: the
        place it is asked for cannot cost less than the best one found (the parts are never
        negative)."""
        if not self.cells:
            return 0.0
        c, get = self.CELL, self.cells.get
        i0, i1, j0, j1 = int(left // c), int(right // c), int(top // c), int(bottom // c)
        total = 0.0
        for i in range(i0, i1 + 1):
            for j in range(j0, j1 + 1):
                for seg in get((i, j), ()):
                    if (
                        seg[4] <= right
                        and seg[6] >= left
                        and seg[5] <= bottom
                        and seg[7] >= top
                        and i == (i0 if i0 > seg[8] else seg[8])  # first met in this square
                        and j == (j0 if j0 > seg[9] else seg[9])
                    ):
                        total += _clip(seg[0], seg[1], seg[2], seg[3], left, top, right, bottom)
                        if bound is not None and not base + total + extra < bound:
                            return total
        return total

    def covers(self, left: float, top: float, right: float, bottom: float) -> bool:
        """Whether a segment passes through the box (each cell looked at once, no sums)."""
        if not self.cells:
            return False
        c, get = self.CELL, self.cells.get
        for i in range(int(left // c), int(right // c) + 1):
            for j in range(int(top // c), int(bottom // c) + 1):
                for seg in get((i, j), ()):
                    if (
                        seg[4] <= right
                        and seg[6] >= left
                        and seg[5] <= bottom
                        and seg[7] >= top
                        and _clip(seg[0], seg[1], seg[2], seg[3], left, top, right, bottom) > 0
                    ):
                        return True
        return False

    def inside(self, x: float, y: float) -> bool:
        """Even-odd rule on the segments (an outline's edges) that a ray from (x, y) to the
        right crosses: only those filed in the squares of its row, right of x, are asked (as
        `_inside_ray` would answer with every edge)."""
        if self._rows is None:
            rows: dict[int, list[tuple[int, list[tuple[float, ...]]]]] = {}
            for (i, j), segs in self.cells.items():
                rows.setdefault(j, []).append((i, segs))
            for found in rows.values():
                found.sort(key=lambda cell: cell[0])
            self._rows = rows
        column = int(x // self.CELL)
        crossings: set[int] = set()
        for i, segs in self._rows.get(int(y // self.CELL), ()):
            if i < column:
                continue
            for seg in segs:
                x0, y0, x1, y1 = seg[0], seg[1], seg[2], seg[3]
                if (y0 > y) != (y1 > y) and x < x0 + (y - y0) * (x1 - x0) / (y1 - y0):
                    crossings.add(id(seg))
        return len(crossings) % 2 == 1

    def on_fill(self, left: float, top: float, right: float, bottom: float) -> bool:
        """Whether the box overlaps a zone's fill, the segments being zones' edges each
        tagged with its zone (`zone_segments`): an edge passes through it, or else its
        middle is inside a zone (even-odd rule per zone). A square no edge crosses lies
        wholly inside a zone or outside them all: that is found once per square, and a box
        over such a square inside a zone is on a fill without more ado."""
        if not self.cells:
            return False
        c, get, state = self.CELL, self.cells.get, self._fill_state
        crossed = False  # the box lies over a square no edge crosses and no zone fills
        for i in range(int(left // c), int(right // c) + 1):
            for j in range(int(top // c), int(bottom // c) + 1):
                if get((i, j)) is not None:
                    continue
                inside = state.get((i, j))
                if inside is None:
                    inside = state[(i, j)] = self._in_zone((i + 0.5) * c, (j + 0.5) * c)
                if inside:
                    return True
                crossed = True
        if self.covers(left, top, right, bottom):
            return True
        if crossed:
            return False  # no edge in the box: it is where that empty square is, off the fills
        return self._in_zone((left + right) / 2, (top + bottom) / 2)

    def _in_zone(self, x: float, y: float) -> bool:
        """Whether (x, y) is inside one of the zones (even-odd rule per zone, see `inside`)."""
        if self._rows is None:
            self.inside(x, y)  # files the rows
        assert self._rows is not None
        column = int(x // self.CELL)
        crossed: dict[object, set[int]] = {}
        for i, segs in self._rows.get(int(y // self.CELL), ()):
            if i < column:
                continue
            for seg in segs:
                x0, y0, x1, y1 = seg[0], seg[1], seg[2], seg[3]
                if (y0 > y) != (y1 > y) and x < x0 + (y - y0) * (x1 - x0) / (y1 - y0):
                    crossed.setdefault(seg[10] if len(seg) > 10 else None, set()).add(id(seg))
        return any(len(ids) % 2 for ids in crossed.values())


class DeferredSegmentIndex(SegmentIndex):
    """A `SegmentIndex` of segments made when it is first asked about (`segments()`): a view
    whose guide names' places are kept from before (ui/kept_sizes.py) asks nothing, and
    filing its zones' edges was a third of what placing them cost."""

    def __init__(self, segments: Callable[[], Sequence[tuple[float, ...]]]) -> None:
        self._segments_of = segments

    def __getattr__(self, name: str):
        # only for what is not set yet: the index's fields, made now (once)
        make = self.__dict__.pop("_segments_of", None)
        if make is None:
            raise AttributeError(name)
        SegmentIndex.__init__(self, make())
        return getattr(self, name)


def zone_segments(zones: Sequence[Sequence[Sequence[Point]]]) -> list[tuple[float, ...]]:
    """The edges of each zone's rings (`zones`: a list of ring lists), as `ring_segments`
    gives them, each tagged with its zone's number: for `SegmentIndex.on_fill`."""
    return [(*seg, number) for number, rings in enumerate(zones) for seg in ring_segments(rings)]


def spots_around(
    box: Rect, width: float, height: float, *, gap: float, steps: int = 3
) -> list[tuple[float, float, float]]:
    """(preference, x, top) for a `width` × `height` name beside the shape whose bounding box
    is `box` (left, top, right, bottom): above it, below it, right and left of it, centred
    first, then slid along each side and a step or two further out; on the shape itself
    last. For `best_spot`."""
    left, top, right, bottom = box
    middle, level = (left + right) / 2, (top + bottom) / 2
    spots = []
    for k in range(steps):
        out = gap + k * height * 0.75
        far = k * 2.0
        for slide, cost in ((0.0, 0.0), (-0.5, 0.3), (0.5, 0.3)):
            spots.append((far + cost, middle - width / 2 + slide * width, top - out - height))
            spots.append((far + cost + 0.1, middle - width / 2 + slide * width, bottom + out))
            spots.append((far + cost + 0.2, right + out, level - height / 2 + slide * height * 1.5))
            spots.append((far + cost + 0.2, left - out - width, level - height / 2 + slide * height * 1.5))
    spots.append((20.0, middle - width / 2, level - height / 2))
    return spots
