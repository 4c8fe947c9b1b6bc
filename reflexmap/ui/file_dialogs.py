"""Qt's own file dialog (Open chart, Save chart as, Export, Save handout …, where the desktop
offers none of its own) at a readable size: it opened at about 670×430 pixels whatever the
text size, with its file names cut to "Westliche Fußkart… 2026 Herbst.yaml" and the size
and type columns cut at the edge. Every file dialog the app shows is fitted when it is shown
(an event filter on the application), so the static QFileDialog calls stay as they are."""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication, QFileDialog, QHeaderView, QSplitter, QTreeView

from .dialog_place import place

WIDTH_EMS = 130  # the dialog's width in average characters (about 60 of a file's name) …
HEIGHT_LINES = 26  # … and its height in lines, each at most SCREEN_SHARE of the screen
SCREEN_SHARE = 0.9
SIDEBAR_EMS = 20
NAME_SHARE = 0.45  # of the file list's width, for the file names


def install() -> None:
    """Fit every file dialog shown from now on (once per application)."""
    app = QApplication.instance()
    if app is None or app.property("reflexmap-file-dialogs"):
        return
    fitter = FileDialogFit(app)
    app.installEventFilter(fitter)
    app.setProperty("reflexmap-file-dialogs", True)


class FileDialogFit(QObject):
    tree: QTreeView | None = None  # (on a file list's viewport: that list)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.Show and isinstance(watched, QFileDialog):
            fit(watched)
        elif event.type() == QEvent.Type.Resize and self.tree is not None:
            name_room(self.tree)
        return False


def fit(dialog: QFileDialog) -> None:
    """`dialog` as large as its text needs (within the screen), its file names given the
    width the other columns leave, the size, type and date columns as wide as their text."""
    metrics = dialog.fontMetrics()
    screen = (dialog.screen() or QApplication.primaryScreen()).availableGeometry()
    wanted = max(dialog.width(), metrics.averageCharWidth() * WIDTH_EMS)
    width = min(int(screen.width() * SCREEN_SHARE), wanted)
    wanted = max(dialog.height(), metrics.lineSpacing() * HEIGHT_LINES)
    height = min(int(screen.height() * SCREEN_SHARE), wanted)
    if (width, height) != (dialog.width(), dialog.height()):
        dialog.resize(width, height)
        place(dialog)  # centred on the window it belongs to, inside the screen
    for tree in dialog.findChildren(QTreeView):  # the detail view (Qt's own dialog only)
        header = tree.header()
        if header.count() < 2:
            continue
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in range(1, header.count()):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        fitter = FileDialogFit(tree)  # the list laid out (and again at each size): names' room
        fitter.tree = tree
        tree.viewport().installEventFilter(fitter)
    for splitter in dialog.findChildren(QSplitter):  # the places beside the files
        sizes = splitter.sizes()
        if len(sizes) == 2 and sum(sizes) > 0:
            side = min(metrics.averageCharWidth() * SIDEBAR_EMS, sum(sizes) // 4)
            splitter.setSizes([side, sum(sizes) - side])


def name_room(tree: QTreeView) -> None:
    """The file names keep at least NAME_SHARE of the list: on a narrow screen the date
    column, then the type, is left out (the size stays: it tells a chart from an empty file)."""
    if not shiboken6.isValid(tree):
        return
    header = tree.header()
    width = tree.viewport().width()
    if width <= 0:
        return
    for column in range(1, header.count()):
        header.setSectionHidden(column, False)

    def others() -> int:
        return sum(
            max(tree.sizeHintForColumn(c), header.sectionSizeHint(c))
            for c in range(1, header.count())
            if not header.isSectionHidden(c)
        )

    for column in range(header.count() - 1, 1, -1):
        if width - others() >= NAME_SHARE * width:
            break
        header.setSectionHidden(column, True)
