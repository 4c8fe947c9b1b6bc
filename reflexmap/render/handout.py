"""Printable handouts: the chart with numbered zones and a legend, a blank worksheet with
numbers only, and its answer key; one page per view, A4 or Letter, in print-safe ink.

Pages are painted on any QPagedPaintDevice, so the same code writes PDFs and prints through
the system dialog (QPrinter).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QBuffer, QIODevice, QMarginsF, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import (
    QFont,
    QFontMetricsF,
    QImage,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QPen,
    QTextLayout,
    QTextOption,
)
from PySide6.QtWidgets import QGraphicsSimpleTextItem

from ..atlas import Atlas
from ..content import zone_card
from ..i18n import N_, _, bidi_isolate, isolated, language, ngettext
from ..layout.text_sizes import MIN_PRINTED_LABEL_MM
from ..storage import atomic_path, refuse_special, write_checked
from ..utf16 import utf16_len, utf16_slice
from ..vocab import aspect_title
from .chart_scene import GUIDE_LABEL_MM, LABEL_MM, ChartScene
from .handout_numbers import crowded, draw_numbers, numbered, place_numbers
from .palette import on_paper

KINDS = ("chart", "worksheet", "answer-key")
KIND_TITLES = {"chart": N_("Chart"), "worksheet": N_("Worksheet"), "answer-key": N_("Answer key")}
PAPERS = {"a4": QPageSize.PageSizeId.A4, "letter": QPageSize.PageSizeId.Letter}
MARGIN_MM = 12.0
# Names beside the feet print at least MIN_PRINTED_LABEL_MM tall (about 6 pt), or the chart
# shows numbers only and the legend names the zones.


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
    said=None,
) -> Path:
    """Write a handout PDF (atomically). Needs a running QApplication. `said(message)` is
    told what the pages cannot show (zones too small to number at this size)."""
    out = Path(out)
    if out.suffix.lower() != ".pdf":
        raise ValueError("handouts are PDF files: give an output name ending in .pdf")
    refuse_special(out)
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)  # drawn in memory, checked, then written and checked
    writer.setTitle(f"{bidi_isolate(atlas.title)}: {_(KIND_TITLES[kind])}")
    writer.setCreator("ReflexMap")
    writer.setResolution(300)
    paint_handout(writer, atlas, kind=kind, aspects=aspects, paper=paper, text_scale=text_scale, said=said)
    del writer  # finishes the document
    from .export import checked_pdf

    payload = checked_pdf(memoryview(buffer.data()))  # (the writer's bytes, not a copy)
    with atomic_path(out, backup=True) as temporary:
        write_checked(temporary, payload)
    return out


# Bounds on the chart's texts as printed: a heading, a footer and each legend entry take at
# most this many lines (the last one cut with "…"), so that no text, however long, can take
# the page from the feet. A legend that does not fit beside or under the feet goes on over
# further pages, each headed "(legend, continued)".
MAX_TITLE_LINES = 3
MAX_FOOTER_LINES = 5
MAX_ENTRY_LINES = {"chart": 6, "answer-key": 3, "worksheet": 1}
NOTE_LINES = 4  # a note among a legend's entries (one without a number)
MAX_TITLE_CHARS = 160  # of the chart's title in a page's heading
MAX_TRADITION_CHARS = 120  # of the tradition in the footer
MAX_LAID_OUT_CHARS = 1500  # more than six lines of the smallest type can show


@dataclass(slots=True)
class Sheet:
    """One printed page: a view's chart with (the start of) its legend, or more of a legend
    that did not fit (`continued`)."""

    kind: str
    page: Page
    orientation: QPageLayout.Orientation
    scene: ChartScene | None = None
    chart: QRectF | None = None
    legend: list[tuple[tuple[str, str], QRectF, float]] | None = None
    continued: bool = False
    continues: bool = False  # more of this legend on the next page
    unplaced: int = 0  # zones too small to carry their number on this page's chart


@on_paper
def paint_handout(
    device: QPagedPaintDevice,
    atlas: Atlas,
    *,
    kind: str | list[str] = "chart",
    aspects: list[str] | None = None,
    paper: str = "a4",
    text_scale: float = 1.0,
    said=None,
) -> int:
    """Paint every page of one handout (or several, one after the other, as for a worksheet
    and its answer key) on `device`; returns the number of pages.

    `text_scale` is the text-size setting (0.9 to 1.5): the chart's labels, the title, the
    legend and the footer grow with it, as on screen. `said(message)`, if given, is told once
    for each page whose chart cannot show some of its zones' numbers. (The Handouts dialog's
    preview paints each page as it shows, with sheet_image: a device that records and
    replays text, as Qt's print preview did, loses its layout: right-to-left names came out
    in the wrong letter order, Arabic unjoined, overrides ignored.)"""
    sheets = plan_handout(device, atlas, kind=kind, aspects=aspects, paper=paper, text_scale=text_scale)
    if said is not None:
        for message in unplaced_messages(sheets):
            said(message)
    painter: QPainter | None = None
    for i, sheet in enumerate(sheets):
        device.setPageLayout(_page_layout(paper, sheet.orientation))
        if painter is None:
            painter = QPainter(device)
            painter.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
        else:
            device.newPage()
            # the painter keeps the first page's geometry; this page may be turned the other way
            painter.setViewport(0, 0, device.width(), device.height())
            painter.setWindow(0, 0, device.width(), device.height())
        _paint_sheet(painter, atlas, sheet, i + 1, len(sheets), text_scale)
    if painter is not None and not painter.end():
        raise OSError(_("the handout could not be finished"))
    return len(sheets)


def sheet_image(
    device,
    atlas: Atlas,
    sheet: Sheet,
    number: int,
    total: int,
    text_scale: float = 1.0,
    size: QSize | None = None,
) -> QImage:
    """One planned page painted directly (text laid out as on a PDF) on a white image of
    `device`'s page size and resolution, so that sizes and line breaks are the planned ones;
    or, given `size` (pixels), the same page shrunk (or grown) to that size, as a preview
    shows it, without painting it at the page's own size first."""
    width, height = device.width(), device.height()
    size = size or QSize(width, height)
    image = QImage(size, QImage.Format.Format_ARGB32_Premultiplied)
    image.setDotsPerMeterX(round(device.logicalDpiX() / 0.0254))  # the text measured as planned
    image.setDotsPerMeterY(round(device.logicalDpiY() / 0.0254))
    image.fill(Qt.GlobalColor.white)
    painter = QPainter(image)
    painter.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
    if size != QSize(width, height):
        painter.scale(size.width() / max(1, width), size.height() / max(1, height))
        _paint_sheet(painter, atlas, sheet, number, total, text_scale, page=device)
    else:
        _paint_sheet(painter, atlas, sheet, number, total, text_scale)
    painter.end()
    return image


def page_rects(device: QPagedPaintDevice, paper: str, sheet: Sheet) -> tuple[QRectF, QRectF]:
    """The paper of `sheet` and the part inside its margins, in `device`'s pixels; `device`
    (not painting: a preview's) is left set to that page, so sheet_image paints it."""
    layout = _page_layout(paper, sheet.orientation)
    device.setPageLayout(layout)
    dpi = device.resolution()
    return QRectF(layout.fullRectPixels(dpi)), QRectF(layout.paintRectPixels(dpi))


def _turns_pages(device) -> bool:
    """Whether each page can be turned its own way: a PDF writer can, a printer (and the
    preview's) cannot change its page layout once the job has started."""
    return isinstance(device, QPdfWriter)


def _page_layout(paper: str, orientation: QPageLayout.Orientation) -> QPageLayout:
    margins = QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM)
    return QPageLayout(QPageSize(PAPERS[paper]), orientation, margins, QPageLayout.Unit.Millimeter)


@on_paper
def plan_handout(
    device: QPagedPaintDevice,
    atlas: Atlas,
    *,
    kind: str | list[str] = "chart",
    aspects: list[str] | None = None,
    paper: str = "a4",
    text_scale: float = 1.0,
) -> list[Sheet]:
    """Every page of the handout, laid out for `device` (which is left set to the last page's
    paper and orientation): what `paint_handout` draws, page by page."""
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
    sheets: list[Sheet] = []
    for name, page in [(name, page) for name in kinds for page in pages_for(atlas, aspects)]:
        scene = ChartScene()
        sizes = {"guide": GUIDE_LABEL_MM * text_scale}  # the guide lines' names grow too

        def draw(names: bool, scene=scene, page=page, numbers=None, sizes=sizes, kind=name) -> None:
            scene.show_chart(
                atlas,
                page.aspect,
                title="",
                numbers=page.numbers if numbers is None else numbers,
                names=names,
                key=False,
                label_mm=LABEL_MM * text_scale,
                text_scale=text_scale,
                min_guide_mm=sizes["guide"],
                base=base,
                base_note=note,
            )
            if kind == "worksheet":  # the lines stay; their names gave answers away ("Sciatic
                # line" on the sciatic nerve's zone, "Diaphragm line" beside the diaphragm's)
                for item in scene.guide_names:
                    scene.removeItem(item)
                scene.guide_names = []

        draw(name == "chart")
        if scene.names and _estimated_label_mm(scene, paper, text_scale) < MIN_PRINTED_LABEL_MM:
            draw(False)  # names would print too small beside the feet: numbers, the legend names them
        landscape = scene.chart_rect.width() > scene.chart_rect.height() * 1.05
        orientation = QPageLayout.Orientation.Landscape if landscape else QPageLayout.Orientation.Portrait
        if sheets and not _turns_pages(device):
            orientation = sheets[0].orientation  # a printer keeps the first page's paper
        device.setPageLayout(_page_layout(paper, orientation))
        texts = [
            _legend_text(atlas, zone_id, n, name)
            for zone_id, n in sorted(page.numbers.items(), key=lambda i: i[1])
        ]
        mm = device.width() / (device.widthMM() or 1)
        sheet = Sheet(name, page, orientation, scene)
        body = _body(device, atlas, sheet, text_scale)
        chart, legend, legend_top = _arrange(device, scene, texts, body, name, mm, text_scale)
        if scene.names and _printed_label_mm(scene, chart, mm) < MIN_PRINTED_LABEL_MM:
            draw(False)  # names would print too small beside the feet: numbers there, names in the legend
            chart, legend, legend_top = _arrange(device, scene, texts, body, name, mm, text_scale)
        for _round in range(3):  # the guide lines' names beside the feet print at 6 pt too
            printed = _printed_guide_mm(scene, chart, mm)
            if printed <= 0.0 or printed >= MIN_PRINTED_LABEL_MM * 0.999:
                break
            sizes["guide"] *= MIN_PRINTED_LABEL_MM / printed * 1.01
            draw(scene.names)
            chart, legend, legend_top = _arrange(device, scene, texts, body, name, mm, text_scale)
        for share in (0.3, 0.2, 0.1):  # still too small: less of the legend here, more overleaf
            if _printed_label_mm(scene, chart, mm) >= MIN_PRINTED_LABEL_MM:
                break
            chart, legend, legend_top = _arrange(device, scene, texts, body, name, mm, text_scale, share)
        if crowded(scene):  # too many zones to label: numbers inside the zones where they fit
            page, texts, chart, legend, legend_top = _numbers_inside(
                device, atlas, sheet, draw, texts, body, chart, legend, legend_top, mm, text_scale
            )
        sheet.chart = chart
        sheet.legend = [(text, box.translated(0, legend_top), points) for text, box, points in legend]
        sheets.append(sheet)
        rest = texts[len(legend) :]
        while rest:  # the legend goes on over further pages, the whole page for it
            sheets[-1].continues = True
            more = Sheet(name, page, orientation, continued=True, unplaced=sheet.unplaced)
            body = _body(device, atlas, more, text_scale)
            boxes, _height = _legend_flow(device, rest, body, name, mm, text_scale)
            if len(boxes) == len(rest):  # the last page of it: in even columns
                boxes, _height = _legend_balanced(device, rest, body, name, mm, boxes[0][2], text_scale)
            more.legend = [(text, box.translated(0, body.top()), points) for text, box, points in boxes]
            sheets.append(more)
            rest = rest[len(boxes) :]
    return sheets


def _numbers_inside(device, atlas, sheet: Sheet, draw, texts, body, chart, legend, legend_top, mm, scale):
    """A chart whose views have too many zones to label beside the feet: each zone's number
    is drawn inside it where it fits at a legible size. The zones numbered so are numbered
    1, 2, … along the feet; the others are listed after them, marked "–" (left out of a
    worksheet), and the legend starts by saying how many have no place. Sets the sheet's page, scene
    items and `unplaced`; returns (page, legend texts, chart, legend, legend top)."""
    scene, name, page = sheet.scene, sheet.kind, sheet.page
    order = [zone_id for zone_id, _n in sorted(page.numbers.items(), key=lambda i: i[1])]
    unlabelled = set(scene.unlabelled_views)
    labelled = {zone_id for view_id, zone_id in scene.keyboard_order() if view_id not in unlabelled}
    numbers = dict(page.numbers)
    # the chart as large as the page lets it, the legend going on overleaf: more zones hold
    # their number (a legend of hundreds of entries goes on over pages anyway)
    best = None
    for share in (0.0, 0.2, 0.08):
        arranged = (
            _arrange(device, scene, texts, body, name, mm, scale, share)
            if share
            else (chart, legend, legend_top)
        )
        count = len(place_numbers(scene, numbers, _fit(scene.chart_rect, arranged[0]) / mm, scale))
        if best is None or count > best[0]:
            best = (count, share, arranged)
    _count, share, (chart, legend, legend_top) = best
    for _round in range(6):  # the numbered set only shrinks: a few rounds settle it
        places = place_numbers(scene, numbers, _fit(scene.chart_rect, chart) / mm, scale)
        shown = numbered(places) | labelled
        if shown >= set(numbers):
            break
        numbers = {zone_id: i + 1 for i, zone_id in enumerate(z for z in order if z in shown)}
        if labelled:
            draw(sheet.scene.names, numbers=numbers)  # the labels beside other views renumbered
        texts = [_legend_text(atlas, zone_id, n, name) for zone_id, n in numbers.items()]
        left = [zone_id for zone_id in order if zone_id not in numbers]
        texts.insert(0, ("", _unplaced_note(len(left), name)))  # said first, on the chart's page
        if name != "worksheet":
            texts += [("–", _legend_text(atlas, zone_id, 0, name)[1]) for zone_id in left]
        chart, legend, legend_top = _arrange(device, scene, texts, body, name, mm, scale, share)
    draw_numbers(scene, numbers, places)
    sheet.page = Page(page.aspect, numbers)
    sheet.unplaced = len(page.numbers) - len(numbers)
    return sheet.page, texts, chart, legend, legend_top


def _unplaced_note(count: int, kind: str) -> str:
    if kind == "worksheet":
        text = ngettext(
            "{count} zone too small to number on the chart at this size is left out.",
            "{count} zones too small to number on the chart at this size are left out.",
            count,
        )
    else:
        text = ngettext(
            "{count} zone too small to number on the chart at this size is listed at the end, "
            "marked –, without a place.",
            "{count} zones too small to number on the chart at this size are listed at the end, "
            "marked –, without a place.",
            count,
        )
    return text.format(count=count)


def unplaced_messages(sheets: list[Sheet]) -> list[str]:
    """One line for each page whose chart leaves zones without their number."""
    return [
        ngettext(
            "{kind}, {view}: {count} zone is too small to number on the chart at this size",
            "{kind}, {view}: {count} zones are too small to number on the chart at this size",
            sheet.unplaced,
        ).format(kind=_(KIND_TITLES[sheet.kind]), view=aspect_title(sheet.page.aspect), count=sheet.unplaced)
        for sheet in sheets
        if sheet.unplaced and not sheet.continued
    ]


def _heading(atlas: Atlas, sheet: Sheet, limit: int = MAX_TITLE_CHARS) -> str:
    title = _shortened(atlas.title, limit)
    heading = f"{_(KIND_TITLES[sheet.kind])}: {title}. {aspect_title(sheet.page.aspect)}"
    return f"{heading} {_('(legend, continued)')}" if sheet.continued else heading


def _footer(atlas: Atlas, number: int, total: int, limit: int = MAX_TRADITION_CHARS) -> str:
    return _(
        "Charts place these zones as a tradition's claims, not anatomy; the evidence that working them "
        "helps any condition is weak. Tradition: {tradition}. Page {number} of {total}. ReflexMap."
    ).format(tradition=_shortened(atlas.tradition, limit), number=number, total=total)


def _heading_block(device, atlas: Atlas, sheet: Sheet, width: float, scale: float) -> _Block:
    """The page's heading in at most MAX_TITLE_LINES lines, the chart's title shortened
    until the sheet's kind and view (and "continued") show whole."""
    limit = MAX_TITLE_CHARS
    while True:
        block = _block(device, _heading(atlas, sheet, limit), width, 13 * scale, MAX_TITLE_LINES, bold=True)
        if not block.cut or limit <= 8:
            return block
        limit = int(limit * 0.7)


def _footer_block(device, atlas: Atlas, number: int, total: int, width: float, scale: float) -> _Block:
    """The caveat and page number in at most MAX_FOOTER_LINES lines, the tradition shortened
    until the page number shows."""
    limit = MAX_TRADITION_CHARS
    while True:
        text = _footer(atlas, number, total, limit)
        block = _block(device, text, width, 7 * scale, MAX_FOOTER_LINES, italic=True)
        if not block.cut or limit <= 8:
            return block
        limit = int(limit * 0.7)


def _shortened(text: str, limit: int) -> str:
    """Chart text for one of the app's sentences: isolated, and cut with "…" past `limit`
    characters (the "…" ours, after the chart's text)."""
    if len(text) <= limit:
        return bidi_isolate(text)
    return isolated(text[:limit].rstrip()) + "…"


def _header_heights(device, atlas: Atlas, sheet: Sheet, width: float, scale: float) -> tuple[float, float]:
    """(heading with the worksheet's name line, footer) heights in device units."""
    mm = device.width() / (device.widthMM() or 1)
    top = _heading_block(device, atlas, sheet, width, scale).height
    if sheet.kind == "worksheet" and not sheet.continued:
        top += 2 * mm + _block(device, _name_line(), width, 10 * scale, 2).height
    footer = _footer_block(device, atlas, 888, 888, width, scale)
    return top, max(7 * mm * scale, footer.height + 1 * mm)


def _name_line() -> str:
    return _("Name: ______________________________    Date: ______________")


def _body(device, atlas: Atlas, sheet: Sheet, scale: float) -> QRectF:
    """Where the chart and the legend go on the sheet (device units), under the heading and
    above the footer."""
    mm = device.width() / (device.widthMM() or 1)
    area = QRectF(0, 0, device.width(), device.height())
    top, footer = _header_heights(device, atlas, sheet, area.width(), scale)
    return QRectF(area.left(), top + 3 * mm, area.width(), area.bottom() - footer - top - 6 * mm)


def _paint_sheet(
    painter: QPainter,
    atlas: Atlas,
    sheet: Sheet,
    number: int,
    total: int,
    text_scale: float = 1.0,
    page=None,
) -> None:
    """`page`: the device whose page this is, when the painter's is another size (a preview's
    image, the painter scaled to it); the texts are measured on it."""
    device = page or painter.device()
    area = QRectF(0, 0, device.width(), device.height())
    mm = area.width() / (device.widthMM() or 1)
    painter.setPen(QPen(Qt.GlobalColor.black))
    heading = _heading_block(device, atlas, sheet, area.width(), text_scale)
    heading.draw(painter, area.topLeft())
    if sheet.kind == "worksheet" and not sheet.continued:
        name_line = _block(device, _name_line(), area.width(), 10 * text_scale, 2)
        name_line.draw(painter, QPointF(area.left(), area.top() + heading.height + 2 * mm))
    _top, height = _header_heights(device, atlas, sheet, area.width(), text_scale)
    footer = _footer_block(device, atlas, number, total, area.width(), text_scale)
    footer.draw(painter, QPointF(area.left(), area.bottom() - height))
    if sheet.scene is not None and sheet.chart is not None:
        rect = sheet.scene.chart_rect
        sheet.scene.render(painter, _centred(rect, sheet.chart), rect, Qt.AspectRatioMode.KeepAspectRatio)
    legend = sheet.legend or []
    widest = max((len(n) for (n, _t), _b, _p in legend), default=3)
    bottom = area.top()
    for (number_text, text), box, points in legend:
        indent = _number_width(device, points, widest)
        font = QFont()
        font.setPointSizeF(points)
        painter.setFont(font)
        right = box.left() + indent - 1.5 * mm
        painter.drawText(
            QRectF(box.left() - 2 * indent, box.top(), right - box.left() + 2 * indent, box.height()),
            int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop),
            number_text,
        )
        lines = MAX_ENTRY_LINES[sheet.kind] if number_text else NOTE_LINES
        entry = _block(device, text, box.width() - indent, points, lines)
        entry.draw(painter, QPointF(box.left() + indent, box.top()))
        bottom = max(bottom, box.bottom())
    if sheet.continues and legend:
        points = legend[-1][2]
        left = min(box.left() for _t, box, _p in legend)
        text = _("The legend continues on the next page.")
        note = _block(device, text, area.right() - left, points, 1, italic=True)
        note.draw(painter, QPointF(left, bottom + 0.5 * mm))


def _arrange(
    device,
    scene: ChartScene,
    texts: list[tuple[str, str]],
    body: QRectF,
    kind: str,
    mm: float,
    scale: float,
    share: float = 0.0,
):
    """(chart rectangle, legend boxes, legend top) in `body`: the legend under the chart, or
    beside it when that lets the chart print larger (a tall chart on a wide page). The legend
    takes at most its `share` of the page (LEGEND_SHARE unless given): the entries that do not
    fit are left out of the boxes (they go on the next page)."""
    rect = scene.chart_rect
    legend, height = _legend_layout(device, texts, body, kind, mm, scale, share=share)
    below = QRectF(body.left(), body.top(), body.width(), body.height() - height - 3 * mm)
    best = (_fit(rect, below), below, legend, body.bottom() - height + 3 * mm)
    if not rect.isEmpty():
        width = min(body.width() * 0.62, body.height() * rect.width() / rect.height())
        side = QRectF(body.left() + width + 5 * mm, body.top(), body.width() - width - 5 * mm, body.height())
        legend, height = _legend_layout(
            device, texts, side, kind, mm, scale, share=1.0, min_ems=MIN_COLUMN_EMS
        )
        beside = QRectF(body.left(), body.top(), width, body.height())
        if (
            len(legend) == len(texts)
            and height <= body.height() + 4 * mm
            and _fit(rect, beside) > best[0] * 1.05
        ):
            best = (_fit(rect, beside), beside, legend, body.top())
    return best[1], best[2], best[3]


def _centred(rect: QRectF, into: QRectF) -> QRectF:
    """Where `rect` prints fitted into `into`: across its middle, at its top. (Qt's scene
    render keeps the aspect at the target's left: a chart whose height bounds it, as the
    German plantar view at Largest, stood in the left 55 % of the page, S19-8.)"""
    fit = _fit(rect, into)
    if fit <= 0.0:
        return into
    width = rect.width() * fit
    return QRectF(into.left() + (into.width() - width) / 2, into.top(), width, rect.height() * fit)


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


def _printed_guide_mm(scene: ChartScene, chart: QRectF, mm: float) -> float:
    """How tall the smallest guide line's name comes out on paper (mm), the chart fitted into
    `chart` (device units); 0 when it names no guide line. (Names set smaller where a foot is
    crowded count as set: a handout printed them at 5.1 pt where labels keep 6, S19-8.)"""
    rect = scene.chart_rect
    sizes = [
        item.font().pixelSize() * item.sceneTransform().m22()
        for item in scene.guide_names
        if isinstance(item, QGraphicsSimpleTextItem) and item.isVisible() and item.font().pixelSize() > 0
    ]
    if not sizes or rect.isEmpty() or mm <= 0:
        return 0.0
    fit = min(chart.width() / rect.width(), chart.height() / rect.height())
    return min(sizes) * fit / mm


def _legend_text(atlas: Atlas, zone_id: str, n: int, kind: str) -> tuple[str, str]:
    """(number, text) of one legend entry: the text wraps under itself, beside the number."""
    if kind == "worksheet":
        return str(n), "______________________________"
    zone = atlas.zone(zone_id)
    text = zone_card.legend_text(zone, with_claim=kind != "answer-key")
    if zone.untranslated(language()):  # English words on a page in another language: said (S22-10)
        text = _("{text} (in English: no translation yet)").format(text=text)
    return str(n), text


def _number_width(device, points: float, digits: int = 3) -> float:
    """The indent of a legend entry's text: room for its number and a gap of 1.5 mm."""
    font = QFont()
    font.setPointSizeF(points)
    metrics = QFontMetricsF(font, device)
    if digits <= 2:
        return metrics.horizontalAdvance("000")
    return metrics.horizontalAdvance("0" * digits) + 1.5 * device.width() / (device.widthMM() or 1)


LEGEND_SHARE = 0.42  # of the page's height, at most; beyond it more columns, then smaller type
MIN_COLUMN_EMS = 10  # a legend beside the chart: its columns at least this many ems wide
LAST_LEGEND_SHARE = 0.6  # in four columns of the smallest type; beyond it the legend goes on overleaf


def _entry_heights(
    device, texts, width: float, points: float, mm: float, kind: str, most: float | None = None
) -> list[float] | None:
    """Each entry's height in a column `width` wide; None as soon as they add up to more
    than `most` (a legend that cannot fit: its other entries need not be laid out)."""
    height = _entry_height(device, texts, width, points, mm, kind)
    heights, total = [], 0.0
    for _n, text in texts:
        heights.append(height(text))
        total += heights[-1]
        if most is not None and total > most:
            return None
    return heights


def _entry_height(device, texts, width: float, points: float, mm: float, kind: str):
    """The height of one entry's text in a column `width` wide (a function of the text)."""
    indent = _number_width(device, points, max((len(n) for n, _t in texts), default=3))
    lines = MAX_ENTRY_LINES.get(kind, 6)
    notes = {text for number, text in texts if not number}  # a note among the entries: its own lines
    return lambda text: (
        _block(device, text, width - 3 * mm - indent, points, NOTE_LINES if text in notes else lines).height
        + 1.2 * mm
    )


def _legend_layout(
    device,
    texts: list[tuple[str, str]],
    area: QRectF,
    kind: str,
    mm: float,
    text_scale: float = 1.0,
    share: float = 0.0,
    min_ems: float = 0.0,
) -> tuple[list[tuple[tuple[str, str], QRectF, float]], float]:
    """Boxes (relative to the legend's top) for the legend's entries, in reading order down
    the columns, each as tall as its text wrapped to the column (at most a few lines, the last
    cut with "…"). The legend takes at most `share` of the area's height (LEGEND_SHARE by
    default): more columns, then smaller type, down to 6.5 pt; when even that does not hold it
    all, the entries at the type's first size fill the share and the rest are left out (the
    caller puts them on the next page)."""
    if not texts:
        return [], 4 * mm
    if hasattr(device, "device"):  # a painter
        device = device.device()
    columns = 3 if area.width() > area.height() else 2
    points = (8.5 if kind == "chart" else 10.0) * text_scale
    first_points = points
    smallest = 6.5 * text_scale  # more columns, then smaller type, down to this
    limit = area.height() * (share or LEGEND_SHARE)
    fitting = None  # the first layout that fits, though it breaks a word inside it
    # the tallest column is at least the columns' average: entries adding up to more than
    # this many columns' worth cannot fit by either rule below, and are not all laid out
    # (a legend of 3,000 entries was laid out whole at every size tried)
    ceiling = max(limit, area.height() * (share or LAST_LEGEND_SHARE)) - 4 * mm
    while True:
        heights = _entry_heights(device, texts, area.width() / columns, points, mm, kind, ceiling * columns)
        fits = False
        if heights is not None:
            boxes, tallest = _columns(device, texts, area, kind, mm, columns, points, heights)
            fits = tallest + 4 * mm <= limit
            if columns >= 4 and points <= smallest and not fits:
                fits = tallest + 4 * mm <= area.height() * (share or LAST_LEGEND_SHARE)  # a little over
            # beside a tall chart: no columns too narrow for a few words a line
            fits = fits and area.width() / columns - 3 * mm >= min_ems * points * mm * 25.4 / 72
        if fits and not _breaks_words(device, texts, area.width() / columns - 3 * mm, points):
            return boxes, tallest + 4 * mm
        if fits and fitting is None:
            fitting = boxes, tallest + 4 * mm
        if columns >= 4 and points <= smallest:
            break
        if columns < 4:
            columns += 1
        else:
            points -= 0.5
    if fitting is not None:
        return fitting
    if min_ems:
        return [], 0.0  # not beside the chart, then
    flowing = QRectF(area.left(), area.top(), area.width(), limit)
    return _legend_flow(device, texts, flowing, kind, mm, text_scale, points=first_points)


def _breaks_words(device, texts, width: float, points: float) -> bool:
    """Whether a word of the legend (a real one, up to 30 letters) is wider than its column
    would leave it: it would be broken inside."""
    font = QFont()
    font.setPointSizeF(points)
    metrics = QFontMetricsF(font, device)
    room = width - _number_width(device, points, max((len(n) for n, _t in texts), default=3))
    return any(
        metrics.horizontalAdvance(word) > room
        for _n, text in texts
        for word in text[:MAX_LAID_OUT_CHARS].split()
        if len(word) <= 30
    )


def _columns(device, texts, area: QRectF, kind: str, mm: float, columns: int, points: float, heights=None):
    """The entries down `columns` columns filled to about an even height, in order: their
    boxes (relative to the area's top) and the tallest column's height. (`heights`: the
    entries' heights in these columns, if known.)"""
    width = area.width() / columns
    if heights is None:
        heights = _entry_heights(device, texts, width, points, mm, kind)
    target = sum(heights) / columns  # fill each column to about an even share, in order
    boxes, column, y, tallest = [], 0, 0.0, 0.0
    for text, height in zip(texts, heights, strict=True):
        if y > 0 and y + height > target + 0.5 * height and column < columns - 1:
            column, y = column + 1, 0.0
        boxes.append((text, QRectF(area.left() + column * width, y, width - 3 * mm, height), points))
        y += height
        tallest = max(tallest, y)
    return boxes, tallest


def _legend_balanced(device, texts, area: QRectF, kind: str, mm: float, points: float, text_scale: float):
    """The last page of a long legend: its entries in even columns when they fit so, else
    as `_legend_flow` fills them."""
    columns = _flow_columns(area, mm, points)
    boxes, tallest = _columns(device, texts, area, kind, mm, columns, points)
    if tallest + 4 * mm <= area.height():
        return boxes, tallest + 4 * mm
    return _legend_flow(device, texts, area, kind, mm, text_scale, columns=columns, points=points)


def _flow_columns(area: QRectF, mm: float, points: float) -> int:
    """Columns for a legend that fills pages: about 60 mm wide for 8.5 pt type, wider for larger."""
    return max(2, min(4, int(area.width() / mm // (7 * points))))


def _legend_flow(
    device,
    texts: list[tuple[str, str]],
    area: QRectF,
    kind: str,
    mm: float,
    text_scale: float = 1.0,
    *,
    columns: int = 0,
    points: float = 0.0,
) -> tuple[list[tuple[tuple[str, str], QRectF, float]], float]:
    """As many entries as fill the area's columns one after the other (at least one), leaving
    a line at the foot for "The legend continues on the next page": boxes relative to the
    area's top, and the height used."""
    points = points or (8.5 if kind == "chart" else 10.0) * text_scale
    columns = columns or _flow_columns(area, mm, points)
    width = area.width() / columns
    height_of = _entry_height(device, texts, width, points, mm, kind)  # laid out as they are placed
    font = QFont()
    font.setPointSizeF(points)
    note = QFontMetricsF(font, device).lineSpacing() + 1 * mm
    limit = area.height() - 4 * mm - note
    boxes, column, y, tallest = [], 0, 0.0, 0.0
    for text in texts:
        height = height_of(text[1])
        if y > 0 and y + height > limit:
            if column == columns - 1:
                break
            column, y = column + 1, 0.0
        boxes.append((text, QRectF(area.left() + column * width, y, width - 3 * mm, height), points))
        y += height
        tallest = max(tallest, y)
    return boxes, tallest + 4 * mm + (note if len(boxes) < len(texts) else 0.0)


@dataclass(slots=True)
class _Block:
    """A text laid out in lines for one width: at most a few lines, the last cut with "…"."""

    layout: QTextLayout
    height: float
    lines: int
    cut: bool = False

    def draw(self, painter: QPainter, at: QPointF) -> None:
        self.layout.draw(painter, at)


def _block(
    device,
    text: str,
    width: float,
    points: float,
    max_lines: int,
    *,
    bold: bool = False,
    italic: bool = False,
) -> _Block:
    """`text` wrapped to `width` (device units) in at most `max_lines` lines: at the spaces,
    or anywhere in a word too long for a line; its own line breaks kept; what does not fit cut
    with "…". Nothing is drawn outside `width`."""
    font = QFont()
    font.setPointSizeF(points)
    font.setBold(bold)
    font.setItalic(italic)
    width = max(width, 1.0)
    if text and not text.strip("_"):  # a worksheet's blank to write on: as long as the column
        text = text[: max(1, int(width / QFontMetricsF(font, device).horizontalAdvance("_")))]
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\n", "\u2028")
    cut = len(text) > MAX_LAID_OUT_CHARS
    if cut:
        text = text[:MAX_LAID_OUT_CHARS]
    layout, end = _lines(text, font, device, width, max_lines)
    cut = cut or end < utf16_len(text)  # (Qt's offsets count UTF-16 units: an emoji is two)
    if cut:
        metrics = QFontMetricsF(font, device)
        last = layout.lineAt(layout.lineCount() - 1)
        prefix = utf16_slice(text, 0, last.textStart())
        rest = " ".join(utf16_slice(text, last.textStart()).replace("\u2028", " ").split())
        room = width - metrics.horizontalAdvance("…")
        for factor in (0.97, 0.9, 0.75, 0.5):
            kept = metrics.elidedText(rest, Qt.TextElideMode.ElideRight, room * factor)
            piece = rest if kept == rest else rest[: max(0, len(kept) - 1)]  # a start of the text
            shorter = bidi_isolate(f"{prefix}{piece.rstrip()}") + "…"  # our "…", after the chart's text
            layout, end = _lines(shorter, font, device, width, max_lines)
            if end >= utf16_len(shorter):
                break
    lines = layout.lineCount()
    height = sum(layout.lineAt(i).height() for i in range(lines))
    return _Block(layout, height, lines, cut)


def _lines(text: str, font: QFont, device, width: float, max_lines: int) -> tuple[QTextLayout, int]:
    """The text's first `max_lines` lines, and where in the text the last of them ends."""
    layout = QTextLayout(text, font, device)
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    option.setTextDirection(Qt.LayoutDirection.LeftToRight)
    layout.setTextOption(option)
    layout.setCacheEnabled(True)
    layout.beginLayout()
    y, end = 0.0, 0
    for _i in range(max_lines):
        line = layout.createLine()
        if not line.isValid():
            break
        line.setLineWidth(width)
        line.setPosition(QPointF(0, y))
        y += line.height()
        end = line.textStart() + line.textLength()
    layout.endLayout()
    return layout, end


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
    """Draws the app's own short `text` wrapped into `box` (aligned `right` or left); returns
    the y under it."""
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
