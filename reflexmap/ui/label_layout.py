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
