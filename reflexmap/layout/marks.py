"""Where the boxed notes on the map go (quiz feedback: "✔ Sacrum", "≈ 0.6 mm", "✖ Coccyx").

Qt-free. Boxes are (left, top, width, height) in scene millimetres. Each note has a spot it
would like (beside its zone or its point); a note placed later must not cover a note placed
earlier, nor the ring that marks an exact click: the symbol (✔, ≈, ✖) is what tells the
answer without colour, and a ring drawn on a box hides letters. Since the boxes live in the
scene, what does not overlap here does not overlap at any zoom.
"""

from __future__ import annotations

from collections.abc import Sequence

Box = tuple[float, float, float, float]  # left, top, width, height (mm)


def overlaps(a: Box, b: Box, gap: float = 0.0) -> bool:
    """True when the boxes come closer than `gap` (touching edges do not overlap at gap 0)."""
    return (
        a[0] < b[0] + b[2] + gap
        and b[0] < a[0] + a[2] + gap
        and a[1] < b[1] + b[3] + gap
        and b[1] < a[1] + a[3] + gap
    )


def place_notes(wanted: Sequence[Box], fixed: Sequence[Box] = (), *, gap: float = 0.6) -> list[Box]:
    """The boxes of `wanted`, in order, each moved as little as it takes to keep `gap` from
    every box in `fixed` (rings at exact points, with their pens) and every note placed
    before it. A box's pen may take half of `gap`.

    Candidates are the wanted spot and the spots flush against a taken box's sides (and
    their combinations); the nearest free one wins, vertical moves weighed slightly less
    than sideways ones, since a note above or below its zone still reads as its zone's. When
    no candidate is free, the note goes below everything taken: always free, never hidden."""
    taken: list[Box] = list(fixed)
    placed: list[Box] = []
    for box in wanted:
        spot = _nearest_free(box, taken, gap)
        placed.append(spot)
        taken.append(spot)
    return placed


def _nearest_free(box: Box, taken: Sequence[Box], gap: float) -> Box:
    left, top, width, height = box
    if not any(overlaps(box, other, gap) for other in taken):
        return box
    # only boxes near enough to matter make candidates: keeps many marks cheap
    near = [t for t in taken if overlaps((left - width, top - height, 3 * width, 3 * height), t, gap)]
    xs = {left}
    ys = {top}
    for t in near:
        xs.update((t[0] + t[2] + gap * 1.01, t[0] - width - gap * 1.01))
        ys.update((t[1] + t[3] + gap * 1.01, t[1] - height - gap * 1.01))
    best: tuple[float, Box] | None = None
    for x in xs:
        for y in ys:
            cost = 1.5 * (x - left) ** 2 + (y - top) ** 2
            if best is not None and cost >= best[0]:
                continue
            spot = (x, y, width, height)
            if not any(overlaps(spot, other, gap) for other in taken):
                best = (cost, spot)
    if best is not None:
        return best[1]
    bottom = max(t[1] + t[3] for t in taken)
    return (left, bottom + gap * 1.01, width, height)
