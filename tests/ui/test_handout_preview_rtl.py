"""File → Handouts…: the preview shows right-to-left text as the PDF prints it. The preview
records what is painted and replays it, and replayed text lost its layout: an Arabic name
came out letter by letter in the wrong order and unjoined, a name under U+202E (right-to-left
override) read forwards, while the saved PDF was right. The preview's page is compared with
the same page painted directly, as on the PDF, in the chart's and the legend's text."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QImage, QPainter
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QApplication

from reflexmap.render.handout import plan_handout, sheet_image
from reflexmap.ui.appearance import current_text_scale

NAMES = {
    "Heel": "معدة المعدة",  # Arabic: joined letters, right to left
    "Band": "עקב הרגל",  # Hebrew
    "Strip": "\u202eStrip ends here\u202c",  # overridden: printed "ereh sdne pirtS"
}


def rtl_chart(data_dir: Path, folder: Path) -> Path:
    text = (data_dir / "small.yaml").read_text(encoding="utf-8")
    for old, new in NAMES.items():
        text = text.replace(f'name: "{old}"', f'name: "{new}"', 1)
    path = folder / "rtl-names.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def preview_page(dialog) -> QImage:
    """The preview's first page as the preview widget draws it, at the page's own size."""
    view = dialog.preview  # (a QGraphicsView of the pages)
    scene = view.scene()
    pages = sorted((i for i in scene.items() if i.parentItem() is None), key=lambda i: i.pos().y())
    page = next(i for i in pages if i.boundingRect().width() > 100)
    printer = dialog.preview_printer
    paper = printer.pageLayout().fullRectPixels(printer.resolution())
    image = QImage(paper.width(), paper.height(), QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.white)
    painter = QPainter(image)
    scene.render(painter, QRectF(image.rect()), QRectF(page.pos(), paper.size().toSizeF()))
    painter.end()
    return image


def printed_page(dialog) -> QImage:
    """The first page painted directly with the PDF's painting path (no record and replay)."""
    printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
    sheets = plan_handout(
        printer,
        dialog.atlas,
        kind=dialog.kinds(),
        aspects=dialog.views.currentData(),
        paper=dialog.paper.currentData(),
        text_scale=current_text_scale(),
    )
    page = sheet_image(printer, dialog.atlas, sheets[0], 1, len(sheets), current_text_scale())
    layout = printer.pageLayout()
    paper = layout.fullRectPixels(printer.resolution())
    image = QImage(paper.width(), paper.height(), QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.white)
    painter = QPainter(image)
    painter.drawImage(QPointF(layout.paintRectPixels(printer.resolution()).topLeft()), page)
    painter.end()
    return image


def differing(a: QImage, b: QImage) -> float:
    """Share of the pixels with ink in either image whose grey differs by more than a half."""
    a = a.convertToFormat(QImage.Format.Format_Grayscale8)
    b = b.convertToFormat(QImage.Format.Format_Grayscale8).scaled(a.size())
    inked = differ = 0
    for y in range(0, a.height(), 2):
        for x in range(0, a.width(), 2):
            ga, gb = a.pixelColor(x, y).value(), b.pixelColor(x, y).value()
            if min(ga, gb) < 160:
                inked += 1
                differ += abs(ga - gb) > 128
    return differ / max(inked, 1)


def test_handout_preview_draws_right_to_left_names_as_the_pdf(qtbot, window, data_dir, tmp_path):
    window.open_chart(rtl_chart(data_dir, tmp_path))
    window.handout_action.trigger()
    dialog = QApplication.activeModalWidget()
    assert dialog is not None and dialog.objectName() == "handouts"
    qtbot.waitUntil(lambda: dialog.page_count() >= 1, timeout=5000)
    qtbot.wait(50)
    shown, printed = preview_page(dialog), printed_page(dialog)
    shown.save(str(tmp_path / "preview.png"))
    printed.save(str(tmp_path / "printed.png"))
    share = differing(shown, printed)
    dialog.reject()
    assert share < 0.05, f"{share:.1%} of the inked pixels differ ({tmp_path})"
