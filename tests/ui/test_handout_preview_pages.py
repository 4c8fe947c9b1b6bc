"""File → Handouts… on a handout of many pages: the preview paints a page only when it
shows, at the size it shows, and keeps only a few. Qt's print preview painted every page at
once at the page's full size and kept them all: 80 MB for the 27 pages of a chart of 2,000
zones. Counted through the painting path the PDF uses (render.handout.sheet_image)."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication, QRadioButton

from reflexmap.render import handout
from reflexmap.ui import handout_preview

from .test_handout_preview import click, open_handouts


def test_the_preview_paints_only_the_pages_it_shows_at_the_size_it_shows(qtbot, window, monkeypatch):
    painted: list[tuple[int, int]] = []  # (page number, pixels wide) of each page painted
    paint = handout.sheet_image

    def counted(device, atlas, sheet, number, total, *args, **kwargs):
        image = paint(device, atlas, sheet, number, total, *args, **kwargs)
        painted.append((number, image.width()))
        return image

    monkeypatch.setattr(handout, "sheet_image", counted)
    dialog = open_handouts(qtbot, window)
    click(qtbot, dialog.findChild(QRadioButton, "sheet-worksheet+key"))
    painted.clear()
    dialog.views.setCurrentIndex(1)  # all views: two pages for each
    pages = 2 * len(window.state.atlas.aspects())
    qtbot.waitUntil(lambda: dialog.page_count() == pages)
    qtbot.waitUntil(lambda: bool(painted))  # (painted when the preview repaints)
    qtbot.wait(50)
    shown = {number for number, _width in painted}
    assert max(shown) <= 2 < pages, painted  # the first page (and the top of the next), not all
    view = dialog.preview
    width = view.viewport().width() * view.devicePixelRatioF()
    assert all(w <= width for _n, w in painted), (painted, width)  # at the preview's size, not the paper's

    painted.clear()
    view.verticalScrollBar().setValue(view.verticalScrollBar().maximum())  # to the last page
    view.viewport().repaint()
    QApplication.processEvents()
    assert pages in {number for number, _width in painted}
    assert 1 not in {number for number, _width in painted}
    assert len(view.images) <= 2 + handout_preview.KEPT  # those on the screen, and a few more

    zoomed = view.zoom  # Ctrl+wheel zooms in: the page shown is painted again, larger
    wheel = QWheelEvent(
        view.viewport().rect().center(),
        view.viewport().mapToGlobal(view.viewport().rect().center()),
        QPoint(0, 0),
        QPoint(0, 120),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.ControlModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(view.viewport(), wheel)
    assert view.zoom > zoomed
    dialog.reject()
