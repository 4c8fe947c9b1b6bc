"""Chart export to PNG, SVG and PDF, drawing the same scene the window shows."""

from __future__ import annotations

from pathlib import Path

import numpy
from PySide6.QtCore import QBuffer, QIODevice, QMarginsF, QRectF, QSize, Qt
from PySide6.QtGui import QImage, QPageLayout, QPageSize, QPainter, QPdfWriter
from PySide6.QtSvg import QSvgGenerator
from PySide6.QtWidgets import QGraphicsSimpleTextItem

from ..atlas import Atlas
from ..export.formats import IMAGE_SUFFIXES, unknown_format
from ..i18n import _, bidi_isolate, shown_text
from ..layout.text_sizes import MIN_PRINTED_LABEL_MM
from ..storage import atomic_path, refuse_special, write_checked
from ..vocab import aspect_title
from .chart_scene import GUIDE_LABEL_MM, LABEL_MM, ChartScene
from .palette import on_paper
from .png_bands import BAND_MARGIN, BAND_ROWS, png_from_bands
from .zone_item import StrokedPathItem

PNG_WIDTH_PX = 3000
MIN_WIDTH_PX = 16
MAX_WIDTH_PX = 20_000  # 20,000 × 13,000 pixels take 1 GB of memory already
PNG_DPI = 300  # a PNG says it prints at this resolution: 3000 pixels are 254 mm wide
A4_MM, PDF_MARGIN_MM = (210.0, 297.0), 10.0


@on_paper
def export_chart(
    atlas: Atlas,
    out: Path,
    *,
    aspect: str | None = None,
    view_id: str | None = None,
    width_px: int = PNG_WIDTH_PX,
    text_scale: float = 1.0,
) -> Path:
    """Render one aspect (both feet) or one view of `atlas` to `out`; the suffix picks the format.

    `text_scale` is the text-size setting (0.9 to 1.5): labels, titles and the key grow with it.
    Needs a running QApplication (fonts and the graphics scene live there).
    """
    text_scale = min(max(text_scale, 0.9), 1.5)
    out = Path(out)
    suffix = out.suffix.lower()
    if suffix not in IMAGE_SUFFIXES:
        raise ValueError(unknown_format(out))
    views = None
    if view_id is not None:
        if view_id not in {v.id for v in atlas.views}:
            raise ValueError(f"this chart has no view '{view_id}'")
        view = atlas.view(view_id)
        aspect, views = view.aspect, (view.id,)
    aspect = aspect or atlas.aspects()[0]
    if aspect not in atlas.aspects():
        raise ValueError(f"this chart has no {aspect} view; it has: {', '.join(atlas.aspects())}")
    from .partial import base_for, what_it_adds

    scene = ChartScene()
    title = f"{bidi_isolate(atlas.title)}. {aspect_title(aspect)}"
    base = base_for(atlas)  # a partial chart is printed over the main one, as on screen
    note = what_it_adds(atlas, base) if base is not None else ""
    guide_mm = GUIDE_LABEL_MM * text_scale
    for _round in range(3):  # the guide lines' names print at 6 pt at least, as a handout's
        scene.show_chart(
            atlas,
            aspect,
            views=views,
            title=title,
            base=base,
            base_note=note,
            label_mm=LABEL_MM * text_scale,
            text_scale=text_scale,
            min_guide_mm=guide_mm,
        )
        printed = smallest_guide_name_mm(scene) * printed_scale(suffix, scene.chart_rect, width_px)
        if printed <= 0.0 or printed >= MIN_PRINTED_LABEL_MM * 0.999:
            break
        guide_mm *= MIN_PRINTED_LABEL_MM / printed * 1.01
    source = scene.chart_rect
    refuse_special(out)  # before the work of drawing: a device is never replaced
    # Drawn in memory, every writer's result checked, then written and checked byte for byte:
    # a full disk or a failing writer is an error, never a truncated file reported as saved.
    # (What the writer made is written as it is, a step at a time: no copy of it is made.)
    without = b""
    if suffix == ".png":
        payload: bytes | memoryview = png_bytes(scene, source, width_px)
    elif suffix == ".svg":
        payload, without = _svg(scene, source, atlas.title), _XML_FORBIDDEN
    else:
        payload = _pdf(scene, source, atlas.title)
    if not len(payload):
        raise OSError(_("could not write {file}: the drawing came out empty").format(file=out))
    with atomic_path(out, backup=True) as temporary:
        write_checked(temporary, payload, without=without)
    return out


def smallest_guide_name_mm(scene: ChartScene) -> float:
    """How tall the smallest shown guide line's name is in the scene (mm); 0 when none is
    shown. (A name set smaller where a foot is crowded counts at the size it is set.)"""
    sizes = [
        item.font().pixelSize() * item.sceneTransform().m22()
        for item in scene.guide_names
        if isinstance(item, QGraphicsSimpleTextItem) and item.isVisible() and item.font().pixelSize() > 0
    ]
    return min(sizes, default=0.0)


def printed_scale(suffix: str, source: QRectF, width_px: int) -> float:
    """Printed millimetres per scene millimetre of a chart `source` exported as `suffix`: an
    SVG says it is true size, a PNG that it is `width_px` at PNG_DPI, a PDF fits it to A4
    within its margins (as _pdf does)."""
    if source.isEmpty():
        return 0.0
    if suffix == ".svg":
        return 1.0
    if suffix == ".png":
        return width_px * 25.4 / PNG_DPI / source.width()
    short, long = (side - 2 * PDF_MARGIN_MM for side in A4_MM)
    width, height = (long, short) if source.width() > source.height() else (short, long)
    return min(width / source.width(), height / source.height())


def _buffer() -> QBuffer:
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    return buffer


def png_bytes(scene: ChartScene, source: QRectF, width_px: int) -> bytes:
    if not MIN_WIDTH_PX <= width_px <= MAX_WIDTH_PX:
        raise ValueError(
            _("the width must be between {low} and {high} pixels, not {width}").format(
                low=MIN_WIDTH_PX, high=MAX_WIDTH_PX, width=width_px
            )
        )
    height = round(width_px * source.height() / source.width())
    drawn = min(BAND_ROWS, height) + 2 * BAND_MARGIN
    band = QImage(width_px, drawn, QImage.Format.Format_ARGB32_Premultiplied)
    if band.isNull():
        raise OSError(
            _("not enough memory for an image of {width} × {height} pixels").format(
                width=width_px, height=height
            )
        )
    for item in scene.items():  # no detail finer than the image's pixels (a zone of 99,999 points)
        if isinstance(item, StrokedPathItem):
            item.draw_at(width_px / source.width())

    def bands():
        """The picture a band of rows at a time, each drawn as the whole one would be there."""
        for top in range(0, height, BAND_ROWS):
            band.fill(Qt.GlobalColor.white)
            painter = QPainter(band)
            painter.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
            painter.translate(0, BAND_MARGIN - top)
            scene.render(painter, QRectF(0, 0, width_px, height), source)
            if not painter.end():
                raise OSError(_("the PNG image could not be drawn"))
            rows = min(BAND_ROWS, height - top)
            # drawn as the whole picture was (antialiased edges blend alike), then made RGB:
            # exact, as every pixel is opaque. Qt's rasterizer blends an edge cut by the image's
            # border a little otherwise (by up to 4 of 255, 14 rows in): BAND_MARGIN rows more
            # are drawn on each side, and left out
            opaque = band.convertToFormat(QImage.Format.Format_RGB888)
            pixels = numpy.frombuffer(opaque.constBits(), numpy.uint8).reshape(drawn, opaque.bytesPerLine())
            yield pixels[BAND_MARGIN : BAND_MARGIN + rows, : width_px * 3].reshape(rows, width_px, 3)

    return png_from_bands(width_px, height, bands(), round(PNG_DPI / 0.0254))  # its printed size


def _svg(scene: ChartScene, source: QRectF, title: str) -> memoryview:
    buffer = _buffer()
    generator = QSvgGenerator()
    generator.setOutputDevice(buffer)
    generator.setTitle(shown_text(title))
    generator.setDescription("Exported by ReflexMap. Zones show what charts claim, not anatomy.")
    size = QSize(round(source.width() * 4), round(source.height() * 4))
    generator.setSize(size)
    generator.setViewBox(QRectF(0, 0, size.width(), size.height()))
    generator.setResolution(round(25.4 * 4))  # 4 units per millimetre: true size in mm
    painter = QPainter(generator)
    if not painter.isActive():
        raise OSError(_("the SVG drawing could not be started"))
    painter.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
    scene.render(painter, QRectF(0, 0, size.width(), size.height()), source)
    if not painter.end():
        raise OSError(_("the SVG drawing could not be finished"))
    data = memoryview(buffer.data())  # (the writer's bytes themselves, not a copy)
    if not data[-64:].tobytes().rstrip().endswith(b"</svg>"):
        raise OSError(_("the SVG drawing is incomplete"))
    # Control characters in a chart's text are written as they are, and XML forbids them: a
    # file no SVG reader opens. They show as nothing; they are left out as the file is
    # written (_XML_FORBIDDEN). (In UTF-8 these bytes are never part of another character.)
    return data


_XML_FORBIDDEN = bytes([*range(0, 9), 11, 12, *range(14, 32)])


def _pdf(scene: ChartScene, source: QRectF, title: str) -> bytes:
    buffer = _buffer()
    writer = QPdfWriter(buffer)
    writer.setTitle(shown_text(title))
    writer.setCreator("ReflexMap")
    orientation = (
        QPageLayout.Orientation.Landscape
        if source.width() > source.height()
        else QPageLayout.Orientation.Portrait
    )
    writer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            orientation,
            QMarginsF(10, 10, 10, 10),
            QPageLayout.Unit.Millimeter,
        )
    )
    writer.setResolution(300)
    painter = QPainter(writer)
    if not painter.isActive():
        raise OSError(_("the PDF could not be started"))
    painter.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
    page = QRectF(painter.viewport())
    scene.render(painter, page, source, Qt.AspectRatioMode.KeepAspectRatio)
    if not painter.end():
        raise OSError(_("the PDF could not be finished"))
    return checked_pdf(memoryview(buffer.data()))  # (the writer's bytes, not a copy)


def checked_pdf(data: bytes | memoryview) -> bytes | memoryview:
    if data[:4] != b"%PDF" or b"%%EOF" not in data[-1024:].tobytes():
        raise OSError(_("the PDF is incomplete"))
    return data
