"""The pages of a handout as the Handouts dialog shows them: one under the other, each whole
in the view (Ctrl+wheel or Ctrl+plus/minus zooms), painted as they will be printed.

A page is painted only when it shows, at the size it shows on the screen, and only the
last few painted are kept (`KEPT`): Qt's print preview painted every page of the handout
at once and kept them all, 80 MB for the 27 pages of a chart of 2,000 zones. The pages
are the ones planned for the printer (render.handout.plan_handout), painted through the
same path as the PDF's (render.handout.sheet_image), so what the trainer checks is what
the class gets.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QImage, QKeySequence, QPainter
from PySide6.QtWidgets import QGraphicsItem, QGraphicsScene, QGraphicsView

KEPT = 4  # page images kept beside those on the screen now
GAP = 16  # pixels (at the planned resolution) between pages
ZOOMS = (0.5, 4.0)  # times the size at which one page fits the view


class _Page(QGraphicsItem):
    """One page: white paper, and the page's image where its margins end."""

    def __init__(self, preview: HandoutPreview, index: int, paper: QRectF, paint: QRectF):
        super().__init__()
        self.preview, self.index, self.paper, self.paint_rect = preview, index, paper, paint

    def boundingRect(self) -> QRectF:  # noqa: N802 - Qt's name
        return self.paper

    def paint(self, painter: QPainter, _option, _widget=None) -> None:
        painter.fillRect(self.paper, Qt.GlobalColor.white)
        target = painter.worldTransform().mapRect(self.paint_rect)  # pixels on the screen
        scale = painter.device().devicePixelRatioF() if painter.device() is not None else 1.0
        size = QSize(max(1, round(target.width() * scale)), max(1, round(target.height() * scale)))
        painter.drawImage(self.paint_rect, self.preview.page_image(self.index, size))


class HandoutPreview(QGraphicsView):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("handout-preview")
        self.setScene(QGraphicsScene(self))
        self.setBackgroundBrush(QColor(128, 128, 128))
        self.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.SmoothPixmapTransform)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.FullViewportUpdate)
        self.pages: list[tuple[QRectF, QRectF]] = []  # each page's paper and inside its margins
        self._paint: Callable[[int, QSize], QImage] | None = None
        self.images: OrderedDict[int, QImage] = OrderedDict()  # page -> its image, last painted last
        self.painted = 0  # pages painted since the pages were set (for the tests)
        self.zoom = 1.0

    def set_pages(self, pages: list[tuple[QRectF, QRectF]], paint: Callable[[int, QSize], QImage]) -> None:
        """Show `pages` (each one's paper and the part inside its margins, in the pixels it
        was planned in); `paint(index, size)` paints the inside of one at `size` pixels."""
        self.images.clear()
        self.painted = 0
        self.pages = pages
        self._paint = paint
        self.scene().clear()
        y = 0.0
        for index, (paper, inside) in enumerate(pages):
            page = _Page(self, index, paper, inside)
            page.setPos(-paper.width() / 2, y)
            self.scene().addItem(page)
            y += paper.height() + GAP
        self.scene().setSceneRect(self.scene().itemsBoundingRect().adjusted(-GAP, -GAP, GAP, GAP))
        self._fit()
        self.verticalScrollBar().setValue(self.verticalScrollBar().minimum())

    def page_image(self, index: int, size: QSize) -> QImage:
        """Page `index` painted at `size` (pixels), from those kept or painted now."""
        image = self.images.get(index)
        if image is None or image.size() != size:
            image = self._paint(index, size)
            self.painted += 1
            self.images[index] = image
        self.images.move_to_end(index)
        shown = {item.index for item in self.items(self.viewport().rect()) if isinstance(item, _Page)}
        others = [i for i in self.images if i not in shown and i != index]
        for old in others[: max(0, len(others) - KEPT)]:
            del self.images[old]  # the longest unseen of those not on the screen
        return image

    def kept_bytes(self) -> int:
        return sum(image.sizeInBytes() for image in self.images.values())

    # --- fitting and zooming ---------------------------------------------------------------
    def _fit(self) -> None:
        pages = [item for item in self.scene().items() if isinstance(item, _Page)]
        if not pages:
            return
        width = max(p.paper.width() for p in pages) + 2 * GAP
        height = max(p.paper.height() for p in pages) + 2 * GAP
        room = self.viewport().size()
        fit = min(room.width() / width, room.height() / height)
        self.resetTransform()
        self.scale(fit * self.zoom, fit * self.zoom)

    def set_zoom(self, zoom: float) -> None:
        self.zoom = min(max(zoom, ZOOMS[0]), ZOOMS[1])
        self._fit()

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        self._fit()

    def wheelEvent(self, event) -> None:  # noqa: N802 - Qt's name
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self.set_zoom(self.zoom * (1.25 if event.angleDelta().y() > 0 else 0.8))
            event.accept()
            return
        super().wheelEvent(event)

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt's name
        if event.matches(QKeySequence.StandardKey.ZoomIn) or event.key() == Qt.Key.Key_Plus:
            self.set_zoom(self.zoom * 1.25)
        elif event.matches(QKeySequence.StandardKey.ZoomOut) or event.key() == Qt.Key.Key_Minus:
            self.set_zoom(self.zoom * 0.8)
        else:
            super().keyPressEvent(event)
