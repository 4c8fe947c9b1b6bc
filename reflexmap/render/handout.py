"""Printable handouts: the chart with numbered zones and a legend, a blank worksheet with
numbers only, and its answer key; one page per view, A4 or Letter, in print-safe ink.

Pages are painted on any QPagedPaintDevice, so the same code writes PDFs and prints through
the system dialog (QPrinter).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QBuffer, QIODevice, QMarginsF, QRectF, Qt
from PySide6.QtGui import (
    QFont,
    QFontMetricsF,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QPen,
)

from ..atlas import Atlas
from ..content import zone_card
from ..i18n import N_, _, bidi_isolate
from ..storage import atomic_path, refuse_special, write_checked
from ..vocab import aspect_title
from .chart_scene import GUIDE_LABEL_MM, LABEL_MM, ChartScene
from .palette import on_paper

KINDS = ("chart", "worksheet", "answer-key")
KIND_TITLES = {"chart": N_("Chart"), "worksheet": N_("Worksheet"), "answer-key": N_("Answer key")}
PAPERS = {"a4": QPageSize.PageSizeId.A4, "letter": QPageSize.PageSizeId.Letter}
MARGIN_MM = 12.0
# Names beside the feet print at least this tall (2.1 mm: about 6 pt), or the chart shows
# numbers only and the legend names the zones.
MIN_PRINTED_LABEL_MM = 2.1


@dataclass(frozen=True, slots=True)
class Page:
    aspect: str
    numbers: dict[str, int]  # zone id -> number on this page


@on_paper
def pages_for(atlas: Atlas, aspects: list[str]) -> list[Page]:
    """Numbers zones along the feet (toes to heel, left foot first), afresh on every page."""
    pages = []
    for aspect in aspects:
        scene = ChartScene()
        scene.show_chart(atlas, aspect, key=False)
        numbers: dict[str, int] = {}
        for _view, zone_id in scene.keyboard_order():
            numbers.setdefault(zone_id, len(numbers) + 1)
        pages.append(Page(aspect, numbers))
    return pages


def export_handout(
    atlas: Atlas,
    out: Path,
    *,
    kind: str = "chart",
    aspects: list[str] | None = None,
    paper: str = "a4",
    text_scale: float = 1.0,
) -> Path:
    """Write a handout PDF (atomically). Needs a running QApplication."""
    out = Path(out)
    if out.suffix.lower() != ".pdf":
        raise ValueError("handouts are PDF files: give an output name ending in .pdf")
    refuse_special(out)
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)  # drawn in memory, checked, then written and checked
    writer.setTitle(f"{atlas.title}: {_(KIND_TITLES[kind])}")
    writer.setCreator("ReflexMap")
    writer.setResolution(300)
    paint_handout(writer, atlas, kind=kind, aspects=aspects, paper=paper, text_scale=text_scale)
    del writer  # finishes the document
    from .export import checked_pdf

    payload = checked_pdf(bytes(buffer.data()))
    with atomic_path(out, backup=True) as temporary:
        write_checked(temporary, payload)
    return out


@on_paper
def paint_handout(
    device: QPagedPaintDevice,
    atlas: Atlas,
    *,
    kind: str | list[str] = "chart",
    aspects: list[str] | None = None,
    paper: str = "a4",
    text_scale: float = 1.0,
) -> int:
    """Paint every page of one handout (or several, one after the other, as for a worksheet
    and its answer key) on `device`; returns the number of pages.

    `text_scale` is the text-size setting (0.9 to 1.5): the chart's labels, the title, the
    legend and the footer grow with it, as on screen."""
    text_scale = min(max(text_scale, 0.9), 1.5)
    kinds = [kind] if isinstance(kind, str) else list(kind)
    for name in kinds:
        if name not in KINDS:
            raise ValueError(f"unknown handout '{name}': use one of {', '.join(KINDS)}")
    if paper not in PAPERS:
        raise ValueError(f"unknown paper '{paper}': use a4 or letter")
    aspects = aspects or list(atlas.aspects())
    for aspect in aspects:
        if aspect not in atlas.aspects():
            raise ValueError(f"this chart has no {aspect} view; it has: {', '.join(atlas.aspects())}")
    from .partial import base_for, what_it_adds

    base = base_for(atlas)  # a partial chart is printed over the main one, as on screen
    note = what_it_adds(atlas, base) if base is not None else ""
    pages = [(name, page) for name in kinds for page in pages_for(atlas, aspects)]
    painter: QPainter | None = None
    for i, (name, page) in enumerate(pages):
        scene = ChartScene()

        def draw(names: bool, scene=scene, page=page) -> None:
            scene.show_chart(
                atlas,
                page.aspect,
                title="",
                numbers=page.numbers,
                names=names,
                key=False,
                label_mm=LABEL_MM * text_scale,
                text_scale=text_scale,
                min_guide_mm=GUIDE_LABEL_MM * text_scale,  # the guide lines' names grow too
                base=base,
                base_note=note,
            )

        draw(name == "chart")
        if scene.names and _estimated_label_mm(scene, paper, text_scale) < MIN_PRINTED_LABEL_MM:
            draw(False)  # names would print too small beside the feet: numbers, the legend names them
        landscape = scene.chart_rect.width() > scene.chart_rect.height() * 1.05
        orientation = QPageLayout.Orientation.Landscape if landscape else QPageLayout.Orientation.Portrait
        margins = QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM)
        device.setPageLayout(
            QPageLayout(QPageSize(PAPERS[paper]), orientation, margins, QPageLayout.Unit.Millimeter)
        )
        if painter is None:
            painter = QPainter(device)
            painter.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
        else:
            device.newPage()
            # the painter keeps the first page's geometry; this page may be turned the other way
            painter.setViewport(0, 0, device.width(), device.height())
            painter.setWindow(0, 0, device.width(), device.height())
        _paint_page(painter, scene, atlas, page, name, i + 1, len(pages), text_scale, draw)
    if painter is not None and not painter.end():
        raise OSError(_("the handout could not be finished"))
    return len(pages)


def _paint_page(
    painter: QPainter,
    scene: ChartScene,
    atlas: Atlas,
    page: Page,
    kind: str,
    number: int,
    total: int,
    text_scale: float = 1.0,
    redraw=None,
) -> None:
    device = painter.device()
    area = QRectF(0, 0, device.width(), device.height())
    mm = area.width() / (device.widthMM() or 1)
    painter.setPen(QPen(Qt.GlobalColor.black))
    y = area.top()
    title = f"{_(KIND_TITLES[kind])}: {bidi_isolate(atlas.title)}. {aspect_title(page.aspect)}"
    height = max(12 * mm * text_scale, _text_height(painter, title, area.width(), 13 * text_scale, bold=True))
    y = _text(painter, title, QRectF(area.left(), y, area.width(), height), 13 * text_scale, bold=True)
    if kind == "worksheet":
        y = _text(
            painter,
            _("Name: ______________________________    Date: ______________"),
            QRectF(area.left(), y + 2 * mm, area.width(), 8 * mm * text_scale),
            10 * text_scale,
        )
    footer = 7 * mm * text_scale
    caveat = _(
        "Charts place these zones as a tradition's claims, not anatomy; the evidence that working them "
        "helps any condition is weak. Tradition: {tradition}. Page {number} of {total}. ReflexMap."
    ).format(tradition=bidi_isolate(atlas.tradition), number=number, total=total)
    footer = max(footer, _text_height(painter, caveat, area.width(), 7 * text_scale, italic=True) + 1 * mm)
    _text(
        painter,
        caveat,
        QRectF(area.left(), area.bottom() - footer, area.width(), footer),
        7 * text_scale,
        italic=True,
    )
    texts = [
        _legend_text(atlas, zone_id, n, kind)
        for zone_id, n in sorted(page.numbers.items(), key=lambda i: i[1])
    ]
    body = QRectF(area.left(), y + 3 * mm, area.width(), area.bottom() - footer - y - 6 * mm)
    chart, legend, legend_top = _arrange(painter, scene, texts, body, kind, mm, text_scale)
    if scene.names and redraw is not None and _printed_label_mm(scene, chart, mm) < MIN_PRINTED_LABEL_MM:
        redraw(False)  # names would print too small beside the feet: numbers there, names in the legend
        chart, legend, legend_top = _arrange(painter, scene, texts, body, kind, mm, text_scale)
    scene.render(painter, chart, scene.chart_rect, Qt.AspectRatioMode.KeepAspectRatio)
    for (number, text), box, points in legend:
        box = box.translated(0, legend_top)
        indent = _number_width(painter, points)
        _text(
            painter,
            number,
            QRectF(box.left(), box.top(), indent - 1.5 * mm, box.height()),
            points,
            right=True,
        )
        _text(painter, text, box.adjusted(indent, 0, 0, 0), points)


def _arrange(
    painter: QPainter,
    scene: ChartScene,
    texts: list[tuple[str, str]],
    body: QRectF,
    kind: str,
    mm: float,
    scale: float,
):
    """(chart rectangle, legend boxes, legend top) in `body`: the legend under the chart, or
    beside it when that lets the chart print larger (a tall chart on a wide page)."""
    rect = scene.chart_rect
    legend, height = _legend_layout(painter, texts, body, kind, mm, scale)
    below = QRectF(body.left(), body.top(), body.width(), body.height() - height - 3 * mm)
    best = (_fit(rect, below), below, legend, body.bottom() - height + 3 * mm)
    if not rect.isEmpty():
        width = min(body.width() * 0.62, body.height() * rect.width() / rect.height())
        side = QRectF(body.left() + width + 5 * mm, body.top(), body.width() - width - 5 * mm, body.height())
        legend, height = _legend_layout(painter, texts, side, kind, mm, scale, share=1.0)
        beside = QRectF(body.left(), body.top(), width, body.height())
        if height <= body.height() + 4 * mm and _fit(rect, beside) > best[0] * 1.05:
            best = (_fit(rect, beside), beside, legend, body.top())
    return best[1], best[2], best[3]


def _fit(rect: QRectF, into: QRectF) -> float:
    if rect.isEmpty() or into.width() <= 0 or into.height() <= 0:
        return 0.0
    return min(into.width() / rect.width(), into.height() / rect.height())


def _estimated_label_mm(scene: ChartScene, paper: str, text_scale: float = 1.0) -> float:
    """How tall the chart's labels would print (mm) on a page turned to suit the chart, with
    about half its height left for the title, the legend and the footer (more for larger text)."""
    rect = scene.chart_rect
    size = QPageSize(PAPERS[paper]).size(QPageSize.Unit.Millimeter)
    if rect.isEmpty():
        return 0.0
    long, short = (
        max(size.width(), size.height()) - 2 * MARGIN_MM,
        min(size.width(), size.height()) - 2 * MARGIN_MM,
    )
    width, height = (long, short) if rect.width() > rect.height() * 1.05 else (short, long)
    return scene.label_mm * min(width / rect.width(), 0.55 / text_scale * height / rect.height())


def _printed_label_mm(scene: ChartScene, chart: QRectF, mm: float) -> float:
    """How tall the chart's labels come out on paper (mm), fitted into `chart` (device units)."""
    rect = scene.chart_rect
    if rect.isEmpty() or mm <= 0:
        return 0.0
    fit = min(chart.width() / rect.width(), chart.height() / rect.height())
    return scene.label_mm * fit / mm


def _legend_text(atlas: Atlas, zone_id: str, n: int, kind: str) -> tuple[str, str]:
    """(number, text) of one legend entry: the text wraps under itself, beside the number."""
    if kind == "worksheet":
        return str(n), "______________________________"
    return str(n), zone_card.legend_text(atlas.zone(zone_id), with_claim=kind != "answer-key")


def _number_width(painter: QPainter, points: float) -> float:
    font = QFont()
    font.setPointSizeF(points)
    return QFontMetricsF(font, painter.device()).horizontalAdvance("000")


LEGEND_SHARE = 0.42  # of the page's height, at most; beyond it more columns, then smaller type


def _legend_layout(
    painter: QPainter,
    texts: list[tuple[str, str]],
    area: QRectF,
    kind: str,
    mm: float,
    text_scale: float = 1.0,
    share: float = 0.0,
) -> tuple[list[tuple[tuple[str, str], QRectF, float]], float]:
    """Boxes (relative to the legend's top) for the legend's entries, in reading order down
    the columns, each as tall as its text wrapped to the column: an entry is never cut."""
    columns = 3 if area.width() > area.height() else 2
    points = (8.5 if kind == "chart" else 10.0) * text_scale
    smallest = 6.5 * text_scale  # more columns, then smaller type, down to this
    while True:
        width = area.width() / columns
        font = QFont()
        font.setPointSizeF(points)
        metrics = QFontMetricsF(font, painter.device())
        flags = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap)
        heights = [
            max(
                metrics.boundingRect(
                    QRectF(0, 0, width - 3 * mm - _number_width(painter, points), 1e6), flags, t
                ).height(),
                metrics.height(),
            )
            + 1.2 * mm
            for _n, t in texts
        ]
        target = sum(heights) / columns  # fill each column to about an even share, in order
        boxes, column, y, tallest = [], 0, 0.0, 0.0
        for text, height in zip(texts, heights, strict=True):
            if y > 0 and y + height > target + 0.5 * height and column < columns - 1:
                column, y = column + 1, 0.0
            boxes.append((text, QRectF(area.left() + column * width, y, width - 3 * mm, height), points))
            y += height
            tallest = max(tallest, y)
        if tallest + 4 * mm <= area.height() * (share or LEGEND_SHARE) or (
            columns >= 4 and points <= smallest
        ):
            return boxes, tallest + 4 * mm
        if columns < 4:
            columns += 1
        else:
            points -= 0.5


def _text_height(
    painter: QPainter, text: str, width: float, points: float, *, bold: bool = False, italic: bool = False
) -> float:
    """The height `text` takes wrapped to `width` (device units): a box that tall cuts nothing."""
    font = QFont()
    font.setPointSizeF(points)
    font.setBold(bold)
    font.setItalic(italic)
    flags = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap)
    return QFontMetricsF(font, painter.device()).boundingRect(QRectF(0, 0, width, 1e6), flags, text).height()


def _text(
    painter: QPainter,
    text: str,
    box: QRectF,
    points: float,
    *,
    bold: bool = False,
    italic: bool = False,
    right: bool = False,
) -> float:
    """Draws `text` wrapped into `box` (aligned `right` or left); returns the y under it."""
    font = QFont()
    font.setPointSizeF(points)
    font.setBold(bold)
    font.setItalic(italic)
    painter.setFont(font)
    side = Qt.AlignmentFlag.AlignRight if right else Qt.AlignmentFlag.AlignLeft
    flags = int(side | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap)
    used = painter.boundingRect(box, flags, text)
    painter.drawText(box, flags, text)
    return box.top() + used.height()
