"""Which vertices of a zone get a handle on the map: only those a person can tell apart.

A zone of many corners close together (a traced outline, a circle of 100,000 points) drew
one handle per corner: at the map's zoom they merged into a thick black ring, and drawing
them took seconds. A handle is drawn only where it stands clear of the last one drawn along
the ring (`APART_PX` on screen), inside the part of the map in view, and at most
`MAX_HANDLES` in all; the selected vertex always has its handle. Zooming in shows more (the
overlay is drawn again as the view moves); what is left out is said in the status bar.
"""

from __future__ import annotations

import math

import numpy
from PySide6.QtCore import QRectF

from .overlay import HANDLE_PX

APART_PX = 1.5 * HANDLE_PX  # centre to centre on screen: two handles and a gap between them
MAX_HANDLES = 2_000  # handles drawn at once, at most (each is an item of the scene)


def spaced(
    xs: numpy.ndarray,
    ys: numpy.ndarray,
    px_per_unit: float,
    visible: QRectF | None = None,
    keep: int = -1,
    room: int = MAX_HANDLES,
) -> tuple[list[int], int]:
    """(the indices of a ring's points (scene: `xs`, `ys`) that get a handle, how many points
    in view get none because they are too close together or past `room`). A handle stands at
    least APART_PX on screen (`px_per_unit` pixels a scene unit) from the last one kept and,
    at the ring's end, from the first; only inside `visible` (the scene in view; None: all);
    at most `room`; index `keep` (the selected vertex) always has one. The points between two
    handles are passed over a block at a time (numpy): a ring of 100,000 corners is spaced at
    every move of a drag (one point at a time, a tenth of a second)."""
    apart = APART_PX / px_per_unit if px_per_unit > 0 else 0.0
    apart2 = apart * apart
    n = len(xs)
    if visible is None:
        candidates = numpy.arange(n)
    elif visible.width() == 0 or visible.height() == 0:  # (QRectF.contains: nothing is in it)
        candidates = numpy.empty(0, dtype=numpy.intp)
    else:
        inside = (
            (xs >= visible.left())
            & (xs <= visible.right())
            & (ys >= visible.top())
            & (ys <= visible.bottom())
        )
        candidates = numpy.flatnonzero(inside)
    if 0 <= keep < n:  # (in its place among them)
        at = int(numpy.searchsorted(candidates, keep))
        if at == len(candidates) or candidates[at] != keep:
            candidates = numpy.insert(candidates, at, keep)
    chosen: list[int] = []
    left_out = 0
    last_x = last_y = math.inf
    end = n - 1
    at, block = 0, 16
    while at < len(candidates):  # (before the first handle: infinitely far from "the last")
        if len(chosen) >= room:  # full: only the selected vertex still gets one
            rest = candidates[at:]
            kept = bool((rest == keep).any())
            chosen += [keep] if kept else []
            left_out += len(rest) - kept
            break
        indices = candidates[at : at + block]
        far = (xs[indices] - last_x) ** 2 + (ys[indices] - last_y) ** 2 >= apart2
        if chosen and indices[-1] == end and end != keep:  # the ring closes: clear of its first handle too
            first = chosen[0]
            far[-1] &= (xs[end] - xs[first]) ** 2 + (ys[end] - ys[first]) ** 2 >= apart2
        taken = numpy.flatnonzero(far | (indices == keep))
        if not len(taken):
            left_out += len(indices)
            at += len(indices)
            block = min(2 * block, 4096)
            continue
        k = int(taken[0])
        index = int(indices[k])
        left_out += k
        chosen.append(index)
        last_x, last_y = float(xs[index]), float(ys[index])
        at += k + 1
        block = 16
    return chosen, left_out
