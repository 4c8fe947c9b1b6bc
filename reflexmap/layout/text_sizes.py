"""How large each kind of chart text is (mm): one rule for the window, presenter mode,
exports and handouts. Pure arithmetic (no Qt).

Every text is a share of the label size asked for, so whatever makes labels larger (the
text-size setting, presenter mode's type for a room) makes the title, the feet's names, the
guide lines' names and the key larger alike: in presenter mode they had stayed at the usual
size (guide names about 9 px beside 20 px labels on a 1920×1080 projector). None is drawn
under `min_mm`, the drawing's minimum (the map view's: legible pixels on screen), and the
guide lines' names not under MINOR_FLOOR × it at the usual label size (less with larger
labels, whose minimum is larger already): small and grey over the zones, they were the
hardest text to read at the minimum (9 px in the window); never larger than the labels,
though (11 px names beside 9 px labels covered the zones, tryout S18-3). Other text keeps the plain minimum:
a larger one widens the label columns, or the key's lines, and takes the feet's room (a
1024×700 window's labels fell under 9 px when the key and caveat had 11 px).
"""

from __future__ import annotations

from typing import NamedTuple

LABEL_MM = 4.6  # a zone's label at the usual size: the unit of every other text
# Names beside the feet print at least this tall (2.1 mm: about 6 pt): handouts, and the
# guide lines' names in PNG, SVG and PDF exports at the size they are exported for.
MIN_PRINTED_LABEL_MM = 2.1

# Each kind of text as a share of the label size (their sizes at the usual text size, in mm,
# over LABEL_MM): the title 6.0, a foot's name 5.1, the note under a partial chart's title
# 3.72, the key's names 3.6, a guide line's name 3.2, the caveat under the key 3.0.
TITLE_SHARE = 6.0 / LABEL_MM
FOOT_SHARE = 5.1 / LABEL_MM
NOTE_SHARE = 3.72 / LABEL_MM
KEY_SHARE = 3.6 / LABEL_MM
GUIDE_SHARE = 3.2 / LABEL_MM
CAVEAT_SHARE = 3.0 / LABEL_MM
MINOR_FLOOR = 11.0 / 9.0  # guide names' minimum over the drawing's: 9 px on screen -> 11 px


class ChartType(NamedTuple):
    """The size (mm) of each kind of text of one drawing (a NamedTuple: a dataclass was
    5 M instructions of every start to make)."""

    label: float
    title: float
    foot: float  # "Left foot", "Right foot" under each view
    note: float  # under a partial chart's title: what it adds to the main chart
    key: float
    guide: float
    caveat: float

    guide_floor: float = 1.0  # guide names' minimum over the drawing's (see chart_type)

    @property
    def minimum_met(self) -> float:
        """The largest minimum (`min_mm`) this drawing meets as it is: a drawing asked for no
        more is drawn alike without one."""
        # guide names as large as the labels (their floor's cap) meet what the labels meet
        guide = self.label if self.guide >= self.label else self.guide / self.guide_floor
        return min(self.label, self.title, self.foot, self.note, self.key, self.caveat, guide)


def chart_type(
    label_mm: float = LABEL_MM,
    min_mm: float = 0.0,
    min_guide_mm: float | None = None,
) -> ChartType:
    """The sizes of a drawing whose labels are asked for at `label_mm`, no text under `min_mm`
    and guide names under MINOR_FLOOR × `min_mm` (under `min_guide_mm`, when given), nor
    larger than the labels (tryout S18-3: 11 px names beside 9 px labels covered the zones).
    The title stays larger than a foot's name when both meet the minimum."""
    floor = max(1.0, MINOR_FLOOR * LABEL_MM / label_mm)  # 11 px on screen, whatever the size
    guide_floor = min_mm * floor if min_guide_mm is None else min_guide_mm
    foot = max(FOOT_SHARE * label_mm, min_mm)
    label = max(label_mm, min_mm)
    return ChartType(
        label=label,
        title=max(TITLE_SHARE * label_mm, foot * TITLE_SHARE / FOOT_SHARE),
        foot=foot,
        note=max(NOTE_SHARE * label_mm, min_mm),
        key=max(KEY_SHARE * label_mm, min_mm),
        guide=min(max(GUIDE_SHARE * label_mm, guide_floor), label),
        caveat=max(CAVEAT_SHARE * label_mm, min_mm),
        guide_floor=floor,
    )
