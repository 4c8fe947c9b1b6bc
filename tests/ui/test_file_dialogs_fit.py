"""The file dialogs (Save chart as, Open chart, Export chart) are readable: Qt's own dialog
opened at about 670×430 pixels at any text size, its file names cut to a few letters and its
size and type columns cut at its edge. At Largest text in German, with long file names."""

from __future__ import annotations

import shutil

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QFileDialog, QLineEdit, QTreeView

from reflexmap.atlas import builtin_chart_path

LONG = "Westliche Fußkarte nach Ingham mit allen Zonen und Anmerkungen der Kursgruppe Herbst.yaml"


def check_dialog(folder, seen: list) -> None:
    dialog = next(w for w in QApplication.topLevelWidgets() if isinstance(w, QFileDialog) and w.isVisible())
    try:
        dialog.setDirectory(str(folder))
        QApplication.processEvents()
        for _ in range(50):  # the folder is read in the background
            tree = next(t for t in dialog.findChildren(QTreeView) if t.isVisible())
            if tree.model().rowCount(tree.rootIndex()) > 0:
                break
            QApplication.processEvents()
        for _ in range(20):
            QApplication.processEvents()
        screen = dialog.screen().availableGeometry()
        assert dialog.width() <= screen.width() and dialog.height() <= screen.height()
        header = tree.header()
        for column in range(1, header.count()):  # size, type, date: their text whole
            if not header.isSectionHidden(column):
                assert header.sectionSize(column) >= tree.sizeHintForColumn(column), column
                assert header.sectionSize(column) >= header.sectionSizeHint(column), column
        # the file names get the rest, at least 40 % of the list, and 30 letters and more
        assert header.sectionSize(0) >= 0.4 * tree.viewport().width(), header.sectionSize(0)
        assert header.sectionSize(0) >= 30 * dialog.fontMetrics().averageCharWidth()
        name = dialog.findChild(QLineEdit, "fileNameEdit")
        if name is not None and name.text():
            assert name.fontMetrics().horizontalAdvance(name.text()) <= name.width() - 8
        seen.append(dialog.size())
    finally:
        dialog.reject()


@pytest.mark.parametrize("action", ["save_as", "open", "export"])
def test_file_dialogs_are_readable_at_largest_text_in_german(qtbot, largest_text_window, tmp_path, action):
    folder = tmp_path / "Eine lange Ordnerbezeichnung für Reflexzonenkarten"
    folder.mkdir()
    for name in (LONG, "kurz.yaml", "Zonen.png"):
        shutil.copy(builtin_chart_path(), folder / name)
    window = largest_text_window("de")
    if action == "save_as":
        window.edit_action.trigger()
        qtbot.wait(50)
    seen: list = []
    QTimer.singleShot(300, lambda: check_dialog(folder, seen))
    window.actions_by_name[action].trigger()
    assert seen, "no file dialog was shown"
