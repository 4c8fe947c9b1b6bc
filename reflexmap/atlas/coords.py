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
