"""Which vertices of a zone get a handle on the map: only those a person can tell apart.

A zone of many corners close together (a traced outline, a circle of 100,000 points) drew
one handle per corner: at the map's zoom they merged into a thick black ring, and drawing
them took seconds. A handle is drawn only where it stands clear of the last one drawn along
the ring (`APART_PX` on screen), inside the part of the map in view, and at most
`MAX_HANDLES` in all; the selected vertex always has its handle. Zooming in shows more (the
overlay is drawn again as the view moves); what is left out is said in the status bar.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF

from .overlay import HANDLE_PX

APART_PX = 1.5 * HANDLE_PX  # centre to centre on screen: two handles and a gap between them
MAX_HANDLES = 2_000  # handles drawn at once, at most (each is an item of the scene)


def spaced(
    ring: list[QPointF],
    px_per_unit: float,
    visible: QRectF | None = None,
    keep: int = -1,
    room: int = MAX_HANDLES,
) -> tuple[list[int], int]:
    """(the indices of `ring`'s points (scene) that get a handle, how many points in view get
    none because they are too close together or past `room`). A handle stands at least
    APART_PX on screen (`px_per_unit` pixels a scene unit) from the last one kept and, at the
    ring's end, from the first; only inside `visible` (the scene in view; None: all); at most
    `room`; index `keep` (the selected vertex) always has one."""
    apart = APART_PX / px_per_unit if px_per_unit > 0 else 0.0
    apart2 = apart * apart
    chosen: list[int] = []
    left_out = 0
    last_x = last_y = float("inf")
    end = len(ring) - 1
    for index, point in enumerate(ring):
        x, y = point.x(), point.y()
        if index == keep:
            chosen.append(index)
            last_x, last_y = x, y
            continue
        if visible is not None and not visible.contains(point):
            continue  # (out of view: not left out, only not drawn now)
        dx, dy = x - last_x, y - last_y
        close = dx * dx + dy * dy < apart2
        if not close and index == end and chosen:  # the ring closes: clear of its first handle too
            first = ring[chosen[0]]
            fx, fy = x - first.x(), y - first.y()
            close = fx * fx + fy * fy < apart2
        if close or len(chosen) >= room:
            left_out += 1
            continue
        chosen.append(index)
        last_x, last_y = x, y
    return chosen, left_out
