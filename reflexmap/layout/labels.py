"""Where to put zone labels beside the feet, as printed charts do: in columns, with leaders.

Pure arithmetic (no Qt) so it can be tested alone: labels keep the vertical order of their
anchors and are pushed apart just enough not to overlap, staying inside the column.
"""

from __future__ import annotations

from collections.abc import Sequence


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


def better_side(
    x: float, y: float, left: float, right: float, others: Sequence[Sequence[Ring]], outline: Ring = ()
) -> str:
    """ "left" or "right": the column whose level leader crosses less of the other zones (and,
    a twentieth as much, of the bare foot inside `outline`, so that of two clear paths the
    shorter wins); the nearer column when both cost about the same (within 1 mm)."""
    feet = [[outline]] if outline else []
    over_left, over_right = ray_cost(x, y, left, others), ray_cost(x, y, right, others)
    if min(over_left, over_right) <= 0.5 < max(over_left, over_right):
        return "left" if over_left < over_right else "right"  # a clear path beats any crossing
    to_left = over_left + SKIN_COST * ray_cost(x, y, left, feet)
    to_right = over_right + SKIN_COST * ray_cost(x, y, right, feet)
    if abs(to_left - to_right) <= 1.0:
        return "left" if x - left < right - x else "right"
    return "left" if to_left < to_right else "right"


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


def _clipped_length(seg: Segment, left: float, top: float, right: float, bottom: float) -> float:
    """Length of the segment inside the rectangle (Liang-Barsky clipping)."""
    x0, y0, x1, y1 = seg
    dx, dy = x1 - x0, y1 - y0
    low, high = 0.0, 1.0
    for p, q in ((-dx, x0 - left), (dx, right - x0), (-dy, y0 - top), (dy, bottom - y0)):
        if p == 0:
            if q < 0:
                return 0.0  # parallel to this side and outside it
            continue
        t = q / p
        if p < 0:
            low = max(low, t)
        else:
            high = min(high, t)
        if low > high:
            return 0.0
    return (high - low) * (dx * dx + dy * dy) ** 0.5


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


def _covered(segments, left: float, top: float, right: float, bottom: float) -> float:
    """Length of the segments inside the rectangle."""
    total = 0.0
    for seg in segments:
        if seg[4] <= right and seg[6] >= left and seg[5] <= bottom and seg[7] >= top:
            total += _clipped_length(seg[:4], left, top, right, bottom)
    return total


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
) -> Point | None:
    """Top-left corner of a crosswise guide's name, in scene mm (y grows downwards), or None
    when no place on the outer half of the line fits.

    The name sits just above the line (or just below it where above is crowded), inside the
    foot's `outline` by at least `margin` mm, starting from the outer end of the line
    (`from_left`: its left end) and moving inwards to where it covers the least length of
    zone edges (`edges`, from `ring_segments`): a name across an edge or the outline is hard
    to read and hides what the chart draws. Nearer the outer end, and above the line, win a
    tie. Plain arithmetic (no Shapely: a cached chart is painted before Shapely is
    imported), on the edges near the line only, stopping as soon as no place further in
    could do better."""
    if len(line) < 2 or len(outline) < 3 or width <= 0 or height <= 0:
        return None
    xs = [x for x, _y in line]
    ys = [y for _x, y in line]
    left, right = min(xs), max(xs)
    top_y, bottom_y = min(ys) - gap - height - margin, max(ys) + gap + height + margin
    rim = ring_segments([outline])
    walls = _near(rim, left - margin, top_y, right + margin, bottom_y)
    ray = [e[:4] for e in _near(rim, -1e9, top_y, 1e9, bottom_y)]
    lines = _near(edges, left, top_y, right, bottom_y)
    outer = left if from_left else right - width
    best: tuple[float, Point] | None = None
    x = outer
    while left <= x and x + width <= right and abs(x - outer) <= (right - left) / 2:
        base = abs(x - outer) * 0.02
        if best is not None and base >= best[0]:
            break  # further in, every place costs more than the best one found
        under = [y for y in (_y_on(line, x), _y_on(line, x + width)) if y is not None]
        under += [py for px, py in line if x <= px <= x + width]
        for below, top in ((0.0, min(under) - gap - height), (0.5, max(under) + gap)):
            cost = base + below
            if best is not None and cost >= best[0]:
                continue
            bottom = top + height
            if _covered(walls, x - margin, top - margin, x + width + margin, bottom + margin) > 0:
                continue  # the outline passes within `margin` of the name
            if not _inside_ray(x, top, ray):
                continue  # no outline near it, and outside the foot
            cost += _covered(lines, x, top, x + width, bottom)
            if best is None or cost < best[0]:
                best = (cost, (x, top))
        x += step if from_left else -step
    return best[1] if best is not None else None


def _inside_ray(x: float, y: float, edges) -> bool:
    """Even-odd rule on the outline's edges that span height `y`."""
    inside = False
    for x0, y0, x1, y1 in edges:
        if (y0 > y) != (y1 > y) and x < x0 + (y - y0) * (x1 - x0) / (y1 - y0):
            inside = not inside
    return inside
