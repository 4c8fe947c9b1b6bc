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
