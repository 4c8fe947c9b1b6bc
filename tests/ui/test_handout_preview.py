"""Handouts as a trainer makes them: File → Handouts, look at the pages, then save or print."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPoint, QRectF, Qt
from PySide6.QtGui import QFont, QFontMetricsF, QImage, QPainter
from PySide6.QtWidgets import QApplication, QFileDialog, QLabel, QMessageBox, QRadioButton

from reflexmap.render import handout


def open_handouts(qtbot, window):
    from reflexmap.ui.handout_dialog import HandoutDialog

    window.handout_action.trigger()
    dialog = window.findChild(HandoutDialog, "handouts")
    qtbot.waitUntil(lambda: dialog.isVisible())
    return dialog


def click(qtbot, widget) -> None:
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton, pos=QPoint(8, widget.height() // 2))


def test_preview_shows_the_pages_and_worksheet_and_key_says_it_writes_two_files(
    qtbot, window, tmp_path: Path, monkeypatch
):
    dialog = open_handouts(qtbot, window)
    assert dialog.preview.isVisible()
    qtbot.waitUntil(lambda: dialog.page_count() == 1)  # this view, one page
    note = dialog.findChild(QLabel, "handout-files")
    assert not note.isVisible()
    click(qtbot, dialog.findChild(QRadioButton, "sheet-worksheet+key"))
    assert note.isVisible()
    worksheet = f"{window.state.atlas.id}-worksheet.pdf"
    key = f"{window.state.atlas.id}-worksheet-answers.pdf"
    assert "two files" in note.text() and worksheet in note.text() and key in note.text()
    qtbot.waitUntil(lambda: dialog.page_count() == 2)  # the worksheet and its key
    dialog.views.setCurrentIndex(1)  # all views
    views = len(window.state.atlas.aspects())
    qtbot.waitUntil(lambda: dialog.page_count() == 2 * views)
    assert str(2 * views) in dialog.findChild(QLabel, "handout-pages").text()

    target = tmp_path / "lesson.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    click(qtbot, dialog.save_button)
    assert target.is_file() and (tmp_path / "lesson-answers.pdf").is_file()
    said = window.statusBar().currentMessage()  # as every export says it
    assert "lesson.pdf" in said and "lesson-answers.pdf" in said and str(tmp_path) in said, said
    assert not [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()]


def test_one_file_saved_is_named_too(qtbot, window, tmp_path: Path, monkeypatch):
    dialog = open_handouts(qtbot, window)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(tmp_path / "chart"), ""))
    click(qtbot, dialog.save_button)
    assert (tmp_path / "chart.pdf").is_file()
    assert window.statusBar().currentMessage() == f"Exported \u2068{tmp_path / 'chart.pdf'}\u2069"


def test_legend_wraps_long_claims_and_never_cuts_them(builtin_atlas, qapp):
    """Every legend entry keeps its whole text, in a box as tall as the wrapped text."""
    image = QImage(2480, 3508, QImage.Format.Format_RGB32)  # A4 at 300 dpi
    painter = QPainter(image)
    long = "the lower-back vertebrae (L1–L5) and, in some charts, the muscles beside them " * 3
    texts = [(str(n), f"Zone {n}: {long}") for n in range(1, 24)]
    area = QRectF(0, 0, image.width(), image.height())
    mm = image.width() / 210
    boxes, height = handout._legend_layout(painter, texts, area, "chart", mm)
    assert [entry for entry, _box, _points in boxes] == texts  # all of them, whole, in order
    for (_n, text), box, points in boxes:
        font = QFont()
        font.setPointSizeF(points)
        metrics = QFontMetricsF(font, image)
        indent = metrics.horizontalAdvance("000")
        flags = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap)
        needed = metrics.boundingRect(QRectF(0, 0, box.width() - indent, 1e6), flags, text)
        assert needed.height() <= box.height() + 0.5 and needed.height() > 2 * metrics.height()
    painter.end()
    assert height <= area.height() * handout.LEGEND_SHARE + 4 * mm
