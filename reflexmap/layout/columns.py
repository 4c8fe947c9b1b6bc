"""How wide a label column beside the feet may be: the feet keep a fair share of the chart.

Pure arithmetic (no Qt). The chart is fitted to the window whole, so every millimetre of
label column is taken from the feet on screen: at Largest text in German the columns took the
map's width and the feet were about 90 pixels wide. A column is bounded by the feet's width
instead, and the names in it are shortened to it ("…"; the zone card, the zone list and the
hover tip show them whole), whatever the window and the text size. Where the map has room
for wider columns (`column_room_on_screen`: a map wider than the chart, or feet that fill more
than their fair share of it) the columns take it, so that names are shortened only where the
feet need the room.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

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


# … and wider where the map has room for them: the feet then keep at least this share of the
# map's width or height (whichever they fill more), as on a window whose chart is fitted
FEET_SHARE_OF_MAP = 0.44


@dataclass(frozen=True, slots=True)
class Drawn:
    """A chart as drawn (mm): its whole size, its feet's extent (side by side their widths
    add up, see `feet_width`), and how many label columns stand side by side across it."""

    width: float
    height: float
    feet_width: float
    feet_height: float
    columns: int


def column_room_on_screen(drawn: Drawn, column_mm: float, map_ratio: float) -> float:
    """The widest a label column may be (mm) on a map `map_ratio` (width / height) times as
    wide as high, for a chart drawn with columns `column_mm` wide: wider than `column_mm`
    while the feet keep FEET_SHARE_OF_MAP of the map, or while the chart, limited by the
    map's height, leaves room at its sides (then wider columns cost the feet nothing). Every
    column counted as growing (the narrower ones may not), so the chart is never wider than
    this allows. `column_mm` when the map's shape is unknown (an export)."""
    if map_ratio <= 0 or drawn.columns <= 0 or drawn.width <= 0 or drawn.height <= 0:
        return column_mm
    # limited by the map's height, the chart may be as wide as the map's shape allows …
    free = drawn.height * map_ratio
    # … limited by its width, the feet's share is their extent over the chart's width (their
    # height counted as the map's shape shows it): at least FEET_SHARE_OF_MAP
    fair = max(drawn.feet_width, drawn.feet_height * map_ratio) / FEET_SHARE_OF_MAP
    room = max(free, fair) - drawn.width
    return column_mm + max(0.0, room) / drawn.columns
