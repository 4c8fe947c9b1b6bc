"""The key under a chart: colour swatches with names, the guide-line sample, the caveat.

Both the swatch row and the caveat wrap to the chart's width, so larger type (a minimum text
size, presenter mode: layout/text_sizes.py) never pushes them past the drawing's edges.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QBrush, QColor, QPainterPath, QPen
from PySide6.QtWidgets import QGraphicsItem, QGraphicsRectItem, QGraphicsScene

from ..i18n import _, bidi_isolate, format_percent, isolated
from ..layout.text_sizes import ChartType
from ..vocab import region_name
from . import palette
from .chart_text import text_item, text_width, wrap_words
from .guide_item import GuideItem
from .zone_item import guide_pen

Swatch = tuple[QBrush | QColor, QPen, str]  # a QColor is a solid brush (QBrush(colour) makes 7 enum classes)


class DrawnKey:
    """What `draw_key` added: the swatch rows (they give colours away) and the caveat lines.
    (A plain class: a dataclass was 5 M instructions of every start to make.)"""

    __slots__ = ("bottom", "swatches", "caveat", "note")

    def __init__(self, bottom: float) -> None:
        self.bottom = bottom
        self.swatches: list[QGraphicsItem] = []
        self.caveat: list[QGraphicsItem] = []
        self.note: list[QGraphicsItem] = []  # (also in `caveat`): about the labels


def region_swatches(regions: list[str]) -> list[Swatch]:
    swatches = []
    for region in regions:
        pen = QPen(palette.edge_colour(region), 0.3 * palette.current.line_scale)
        swatches.append((palette.fill(region, 160), pen, region_name(region)))
    return swatches


def mastery_swatches() -> list[Swatch]:
    pen = QPen(palette.OUTLINE, 0.3)
    steps = [
        (QBrush(QColor(colour)), pen, f"{low}–{format_percent(high / 100)}")
        for colour, (low, high) in zip(palette.MASTERY, palette.MASTERY_RANGES, strict=True)
    ]
    return [(palette.unpractised_brush(), pen, _("not practised yet")), *steps]


def other_chart_swatch(name: str) -> Swatch:
    """The sample of another chart's zones drawn over this one (Compare → Overlaid,
    render/overlay.py draws them so), named by that chart."""
    return (other_chart_brush(), other_chart_pen(0.3), _("{chart} (dashed)").format(chart=_tradition(name)))


def other_chart_brush() -> QBrush:
    return QBrush(QColor(0, 0, 0, 110), Qt.BrushStyle.FDiagPattern)


def other_chart_pen(width: float = 0.9) -> QPen:
    pen = QPen(QColor("#111111"), width)
    pen.setDashPattern([3, 2])
    return pen


def draw_key(
    scene: QGraphicsScene,
    swatches: list[Swatch],
    left: float,
    right: float,
    y: float,
    tradition: str,
    sizes: ChartType,
    guides: bool = True,
    note: str = "",
    other_tradition: str | None = None,
) -> DrawnKey:
    """Draws the key centred between `left` and `right` from `y` down, in rows that fit
    that width, its names and caveat at the drawing's `sizes`. `guides`: the drawing has
    guide lines, so the key shows their sample. `note`: a line said under the key, before
    the caveat, in the key's type (a view with too many zones to label says so).
    `other_tradition`: another chart's zones are drawn over this one (its sample among the
    swatches): the caveat names both traditions."""
    size, caveat_mm = sizes.key, sizes.caveat
    drawn = DrawnKey(y)
    guide_text = _("guide lines (approximate)")
    entries: list[tuple[Swatch | None, str, float]] = [
        (swatch, swatch[2], size * 1.6 + text_width(swatch[2], size)) for swatch in swatches
    ]
    dash = max(9.0, size * 2.5)
    if guides:
        entries.append((None, guide_text, dash + 3 + text_width(guide_text, size, italic=True)))
    gap = size * 1.9
    rows: list[list[tuple[Swatch | None, str, float]]] = [[]]
    for entry in entries:
        row_width = sum(e[2] for e in rows[-1]) + gap * len(rows[-1])
        if rows[-1] and row_width + entry[2] > right - left:
            rows.append([])
        rows[-1].append(entry)
    for row in rows:
        x = (left + right) / 2 - (sum(e[2] for e in row) + gap * (len(row) - 1)) / 2
        for swatch, name, width in row:
            if swatch is not None:
                box = QGraphicsRectItem(x, y, size * 1.3, size)
                box.setBrush(swatch[0])
                box.setPen(swatch[1])
                label = text_item(name, size)
                label.setPos(x + size * 1.6, y - size * 0.12)
            else:
                path = QPainterPath(QPointF(x, y + size / 2))
                path.lineTo(QPointF(x + dash, y + size / 2))
                box = GuideItem(path)
                box.setPen(guide_pen())
                label = text_item(name, size, italic=True)
                label.setPos(x + dash + 3, y - size * 0.12)
            for item in (box, label):
                scene.addItem(item)
                drawn.swatches.append(item)
            x += width + gap
        y += size * 1.5
    # the chart's tradition named on its own, as any name reads there (a name such as
    # "Marlene's own" inside "charts of the … tradition" did not)
    if other_tradition is None:
        traditions = _(
            "Tradition: {tradition}. Zones show where charts of this tradition place their "
            "claimed correspondences."
        ).format(tradition=_tradition(tradition))
    else:  # (overlaid, the caveat named the filled chart's tradition alone: tryout)
        traditions = _(
            "Traditions: {filled} (filled) and {dashed} (dashed). Zones show where charts of these "
            "traditions place their claimed correspondences."
        ).format(filled=_tradition(tradition), dashed=_tradition(other_tradition))
    sentences = " ".join([traditions, _("The evidence that working them helps any condition is weak.")])
    for line in wrap_words(note, size, right - left) if note else []:
        said = text_item(line, size)
        said.setPos((left + right) / 2 - text_width(line, size) / 2, y + size * 0.3)
        scene.addItem(said)
        drawn.caveat.append(said)
        drawn.note.append(said)
        y += size * 1.5
    y += 2.5
    # filled line by line for now (its last word may stand alone): balanced, the caveat left
    # room beside it under the feet where an edit's problem message then stood, and that
    # message's red line ran through the guide name 'Taillenlinie' (German, Largest,
    # 1440×900: tests/ui/test_problem_messages_off_zones.py); the message's routing
    # (ui/editor/overlay.py) must go round it first
    for line in wrap_words(sentences, caveat_mm, right - left, italic=True, balance=False):
        caveat = text_item(line, caveat_mm, italic=True)
        caveat.setBrush(palette.GUIDE)
        caveat.setPos((left + right) / 2 - text_width(line, caveat_mm, italic=True) / 2, y)
        scene.addItem(caveat)
        drawn.caveat.append(caveat)
        y += caveat_mm * 1.4
    drawn.bottom = y
    return drawn


MAX_TRADITION_CHARS = 80  # of a chart's tradition in the caveat under it


def _tradition(text: str) -> str:
    """The tradition as the caveat names it: on one line, cut with "…" past
    MAX_TRADITION_CHARS (the "…" ours, after the chart's isolated text), so that a chart's
    text never makes the caveat longer than a couple of lines."""
    text = " ".join(text[: MAX_TRADITION_CHARS * 4].split())
    if len(text) <= MAX_TRADITION_CHARS:
        return bidi_isolate(text)
    return isolated(text[:MAX_TRADITION_CHARS].rstrip()) + "…"
