"""How wide a label column beside the feet may be: the feet keep a fair share of the chart.

Pure arithmetic (no Qt). The chart is fitted to the window whole, so every millimetre of
label column is taken from the feet on screen: at Largest text in German the columns took the
map's width and the feet were about 90 pixels wide. A column is bounded by the feet's width
instead, and the names in it are shortened to it ("…"; the zone card, the zone list and the
hover tip show them whole), whatever the window and the text size.
"""

from __future__ import annotations

from collections.abc import Sequence

# all label columns together at most this × the feet's width (every name of the built-in
# charts whole at Normal text on a 1440×900 window, English and German; 0.9 cut ten German
# names there) …
COLUMNS_PER_FEET = 1.5
MIN_COLUMN_EMS = 5.0  # … but a column never narrower than this many label heights


def feet_width(widths: Sequence[float], wide: bool) -> float:
    """The feet's width on the chart (mm): side by side their outlines' widths add up; side
    views (`wide`) stand one above the other, the widest counts."""
    if not widths:
        return 0.0
    return max(widths) if wide else sum(widths)


def column_room(feet_mm: float, columns: int, label_mm: float) -> float:
    """The widest a label column may be (mm): the `columns` together at most COLUMNS_PER_FEET
    × `feet_mm`, each at least MIN_COLUMN_EMS × `label_mm` (a few letters and "…" name nothing)."""
    if columns <= 0 or feet_mm <= 0:
        return MIN_COLUMN_EMS * label_mm
    return max(COLUMNS_PER_FEET * feet_mm / columns, MIN_COLUMN_EMS * label_mm)


COLUMN_PITCH_EMS = 1.55  # a one-line label's room in its column, in label heights (column_places)


def label_within_feet(asked_mm: float, columns: Sequence[tuple[float, int]], least_mm: float) -> float:
    """The label size (mm) for large type asked at `asked_mm` (presenting): no larger than
    lets each column of labels stand within its foot's height (`columns`: (the foot's height
    in mm, labels in its column) for each), never under `least_mm` (the usual size). Columns
    taller than their feet made the chart tall and wide for its feet: on a 1024×768 projector
    at Largest text in German the feet were about 280 pixels tall, the bands above and below
    the chart empty; the map's minimum size on screen then makes the text as large as the
    window allows, the feet larger with it."""
    bounds = [height / (count * COLUMN_PITCH_EMS) for height, count in columns if count > 0 and height > 0]
    if not bounds:
        return asked_mm
    return max(min(asked_mm, min(bounds)), least_mm)
