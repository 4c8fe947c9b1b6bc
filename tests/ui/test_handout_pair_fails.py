"""File → Handouts…, a worksheet and its answer key, on a disk with room for the worksheet
only (a real tmpfs): the window says that the worksheet was saved and its key was not, naming
both, instead of a bare "could not write …-answers.pdf" that leaves the trainer guessing what
is on the disk (seen on the real X window)."""

from __future__ import annotations

import math
from pathlib import Path

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox, QRadioButton

from reflexmap.ui.handout_dialog import HandoutDialog


def save_pair(qtbot, window, target: Path, monkeypatch) -> None:
    window.handout_action.trigger()
    dialog = window.findChild(HandoutDialog, "handouts")
    qtbot.waitUntil(dialog.isVisible)
    pair = dialog.findChild(QRadioButton, "sheet-worksheet+key")
    qtbot.mouseClick(pair, Qt.MouseButton.LeftButton, pos=QPoint(8, pair.height() // 2))
    qtbot.waitUntil(lambda: dialog.page_count() == 2)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.wait(20)


def shown_boxes() -> list[QMessageBox]:
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()]


def test_a_worksheet_saved_without_its_key_is_said_so(qtbot, window, mount, tmp_path, monkeypatch):
    save_pair(qtbot, window, tmp_path / "measure.pdf", monkeypatch)  # how large this worksheet is
    for box in shown_boxes():
        box.close()
    worksheet_kib = math.ceil((tmp_path / "measure.pdf").stat().st_size / 4096) * 4
    assert (tmp_path / "measure-answers.pdf").stat().st_size > 12 * 1024
    folder = mount("room-for-one", size=f"{worksheet_kib + 8}k")

    save_pair(qtbot, window, folder / "week3.pdf", monkeypatch)
    assert (folder / "week3.pdf").is_file() and not (folder / "week3-answers.pdf").exists()
    failed = [box for box in shown_boxes() if box.objectName() == "export-failed"]
    assert failed, [box.text() for box in shown_boxes()]
    text = failed[0].text()
    assert "week3.pdf" in text and "was saved" in text, text
    assert "week3-answers.pdf" in text and "not its answer key" in text, text
    assert failed[0].windowTitle() == "Export failed"  # as every export says it
    for box in shown_boxes():
        box.close()
