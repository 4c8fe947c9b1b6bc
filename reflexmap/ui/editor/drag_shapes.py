"""The selected zone's rings as the editor draws them while they are dragged: made into Qt
polygons and numpy arrays once, and for each move of a drag derived from the rings at the
press (one point moved, or all moved by as much), not made again point by point.

A zone of 100,000 corners took about 1.5 s a move: its rings were converted to the scene
one point at a time, four times a move (outline and handles, in both feet), and the live
check made its polygons from the points again. Here a ring in millimetres is a QPolygonF
and an (n, 2) array; a view's scene is a transform of them (a mirrored foot's too).
"""

from __future__ import annotations

import numpy
from PySide6.QtCore import QPointF
from PySide6.QtGui import QPolygonF, QTransform

Made = list[tuple[QPolygonF, numpy.ndarray]]  # each ring: (polygon, (n, 2) array), mm
KEPT = 4  # rings remembered: the written ones, the press's, the last move's and one more


class Shapes:
    """Rings (tuples of (x, y) mm, as the draft and a drag hold them) as polygons and arrays,
    remembered by the rings' identity (the draft's rings stay the same object while shown)."""

    def __init__(self) -> None:
        self._known: list[tuple[object, Made]] = []  # newest first

    def of(self, rings) -> Made:
        for known, made in self._known:
            if known is rings:
                self._keep(rings, made)  # (the press's rings stay while the moves come and go)
                return made
        made = [
            (QPolygonF([QPointF(x, y) for x, y in ring]), numpy.asarray(ring, dtype=float).reshape(-1, 2))
            for ring in rings
        ]
        self._keep(rings, made)
        return made

    def moved_point(self, before, rings, part: int, index: int) -> None:
        """`rings` are `before` with point `index` of ring `part` moved."""
        made = list(self.of(before))
        polygon, array = made[part]
        polygon, array = QPolygonF(polygon), array.copy()  # (the polygon's points copied in C++)
        x, y = rings[part][index]
        polygon[index] = QPointF(x, y)
        array[index] = (x, y)
        made[part] = (polygon, array)
        self._keep(rings, made)

    def moved_by(self, before, rings, dx: float, dy: float) -> None:
        """`rings` are `before` with every point moved by (dx, dy)."""
        made = [(polygon.translated(dx, dy), array + (dx, dy)) for polygon, array in self.of(before)]
        self._keep(rings, made)

    def _keep(self, rings, made: Made) -> None:
        self._known = [(rings, made), *[(k, m) for k, m in self._known if k is not rings][: KEPT - 1]]

    def clear(self) -> None:
        self._known = []


def scene_transform(to_scene, view_id: str, mirrored: bool) -> QTransform:
    """The transform from the millimetres of the rings the file holds for `view_id` (a
    mirrored foot's: its source's, seen in the mirror) to the scene, read from the map's
    `to_scene` (a view's frame moves and flips its millimetres: an affine map)."""
    origin = to_scene(view_id, 0.0, 0.0)
    across = to_scene(view_id, 1.0, 0.0) - origin
    up = to_scene(view_id, 0.0, 1.0) - origin
    transform = QTransform(across.x(), across.y(), up.x(), up.y(), origin.x(), origin.y())
    return QTransform(-1, 0, 0, 1, 0, 0) * transform if mirrored else transform


def scene_arrays(transform: QTransform, array: numpy.ndarray) -> tuple[numpy.ndarray, numpy.ndarray]:
    """(xs, ys) in the scene of an (n, 2) array of points in millimetres."""
    xs = array[:, 0] * transform.m11() + array[:, 1] * transform.m21() + transform.dx()
    ys = array[:, 0] * transform.m12() + array[:, 1] * transform.m22() + transform.dy()
    return xs, ys
