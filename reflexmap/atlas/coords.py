"""The coordinate types of the atlas, in millimetres on a reference adult foot (see model.py),
and the labelling bound that the model and the geometry share. Imported by both, so neither
imports the other at load time."""

from __future__ import annotations

Point = tuple[float, float]
Ring = tuple[Point, ...]
Shape = tuple[Ring, ...]  # a zone's parts in one view; most zones have one

# Beyond this many zones in one view, label columns would be taller than the chart: such a
# view is drawn unlabelled, and its anchors (quiz marks, keyboard order) come from the fast path.
MAX_LABELLED_ZONES = 80

# The geometry rules' bounds (geometry.py), here so that the cache's plain checks need no Shapely
MIN_AREA_MM2 = 1.0
# Hand-drawn zones that hug the outline may graze it; half a millimetre is invisible.
OUTLINE_TOLERANCE_MM = 0.5


def as_read(view: object, x: float, y: float) -> Point:
    """A point of `view` (mm, as the file holds that view's points) as an author reads it: a
    view declared the mirror of another (`mirror_of`: the right foot drawn from the left) has
    its x turned, so that both feet read the same way from the heel and the inner edge (x 12
    on the left sole is x 12 on the right, not x -12). Its own inverse: a place read on the
    mirrored foot is `as_read(view, x, y)` in the file's terms again."""
    return (-x if getattr(view, "mirror_of", None) else x, y)
