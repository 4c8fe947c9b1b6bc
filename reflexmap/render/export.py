"""Chart export to PNG, SVG and PDF, drawing the same scene the window shows."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMarginsF, QRectF, QSize, Qt
from PySide6.QtGui import QImage, QPageLayout, QPageSize, QPainter, QPdfWriter
from PySide6.QtSvg import QSvgGenerator

from ..atlas import Atlas
from ..storage import atomic_path
from ..ui.chart_scene import ChartScene, aspect_title
from ..ui.palette import on_paper

FORMATS = (".png", ".svg", ".pdf")
PNG_WIDTH_PX = 3000


@on_paper
def export_chart(
    atlas: Atlas,
    out: Path,
    *,
    aspect: str | None = None,
    view_id: str | None = None,
    width_px: int = PNG_WIDTH_PX,
) -> Path:
    """Render one aspect (both feet) or one view of `atlas` to `out`; the suffix picks the format.

    Needs a running QApplication (fonts and the graphics scene live there).
    """
    out = Path(out)
    suffix = out.suffix.lower()
    if suffix not in FORMATS:
        raise ValueError(f"unknown export format '{out.suffix}': use one of {', '.join(FORMATS)}")
    views = None
    if view_id is not None:
        if view_id not in {v.id for v in atlas.views}:
            raise ValueError(f"this chart has no view '{view_id}'")
        view = atlas.view(view_id)
        aspect, views = view.aspect, (view.id,)
    aspect = aspect or atlas.aspects()[0]
    if aspect not in atlas.aspects():
        raise ValueError(f"this chart has no {aspect} view; it has: {', '.join(atlas.aspects())}")
    from ..ui.partial import base_for, what_it_adds

    scene = ChartScene()
    title = f"{atlas.title}. {aspect_title(aspect)}"
    base = base_for(atlas)  # a partial chart is printed over the main one, as on screen
    note = what_it_adds(atlas, base) if base is not None else ""
    scene.show_chart(atlas, aspect, views=views, title=title, base=base, base_note=note)
    source = scene.chart_rect
    with atomic_path(out, backup=True) as temporary:
        if suffix == ".png":
            _png(scene, source, temporary, width_px)
        elif suffix == ".svg":
            _svg(scene, source, temporary, atlas.title)
        else:
            _pdf(scene, source, temporary, atlas.title)
    return out


def _png(scene: ChartScene, source: QRectF, path: Path, width_px: int) -> None:
    height = round(width_px * source.height() / source.width())
    image = QImage(width_px, height, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.white)
    painter = QPainter(image)
    painter.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
    scene.render(painter, QRectF(0, 0, width_px, height), source)
    painter.end()
    if not image.save(str(path), "PNG"):
        raise OSError(f"could not write PNG to {path}")


def _svg(scene: ChartScene, source: QRectF, path: Path, title: str) -> None:
    generator = QSvgGenerator()
    generator.setFileName(str(path))
    generator.setTitle(title)
    generator.setDescription("Exported by ReflexMap. Zones show what charts claim, not anatomy.")
    size = QSize(round(source.width() * 4), round(source.height() * 4))
    generator.setSize(size)
    generator.setViewBox(QRectF(0, 0, size.width(), size.height()))
    generator.setResolution(round(25.4 * 4))  # 4 units per millimetre: true size in mm
    painter = QPainter(generator)
    painter.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
    scene.render(painter, QRectF(0, 0, size.width(), size.height()), source)
    painter.end()


def _pdf(scene: ChartScene, source: QRectF, path: Path, title: str) -> None:
    writer = QPdfWriter(str(path))
    writer.setTitle(title)
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
    painter.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
    page = QRectF(painter.viewport())
    scene.render(painter, page, source, Qt.AspectRatioMode.KeepAspectRatio)
    if not painter.end():
        raise OSError(f"could not write PDF to {path}")
