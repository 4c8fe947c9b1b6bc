"""Compare's other chart is read as File → Open reads (compare_controller.read_other): a
reading that takes long (a large chart, a slow disk, a hostile file) goes behind a box with
Cancel over the comparison, the window answering; Cancel keeps the comparison; a reading
that ends is compared; one that raises is refused in the comparison's words, at its place.
Before, the comparison window read the chosen chart on the window's thread."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QPushButton

from reflexmap.ui import compare_controller, dialogs
from reflexmap.ui.compare_window import OTHER_FILE

from .test_chart_opening_held import slow_readings
from .test_compare_choices import opened
from .test_editor import DATA


def box_over(widget) -> QProgressDialog | None:
    boxes = [b for b in widget.findChildren(QProgressDialog) if b.isVisible()]
    return boxes[0] if boxes else None


def test_a_slow_chart_to_compare_with_is_read_behind_a_box_and_cancel_keeps_the_comparison(
    qtbot, window, tmp_path, monkeypatch
):
    shown = opened(qtbot, window)
    before = shown.b
    gate = slow_readings(monkeypatch, compare_controller)
    monkeypatch.setattr(dialogs, "open_file", lambda *args: str(DATA / "small.yaml"))
    shown.other.setCurrentIndex(shown.other.findData(OTHER_FILE))  # "Another chart file…"
    box = box_over(shown)
    assert box is not None and box.labelText() == "Opening the chart…"
    assert box.windowModality() == Qt.WindowModality.WindowModal
    qtbot.mouseClick(box.findChild(QPushButton), Qt.MouseButton.LeftButton)  # Cancel
    assert box_over(shown) is None
    assert shown.b is before and shown.other.currentData() == str(before.path)  # kept, list too
    gate.set()
    qtbot.wait(200)
    assert shown.b is before
    shown.other.setCurrentIndex(shown.other.findData(OTHER_FILE))  # again, let through this time
    qtbot.waitUntil(lambda: shown.b is not before, timeout=30000)
    assert Path(shown.b.path).name == "small.yaml" and shown.other.currentData() == str(DATA / "small.yaml")
    assert box_over(shown) is None
    shown.close()


def test_a_chart_to_compare_with_whose_reading_raises_is_refused_at_its_place(qtbot, window, monkeypatch):
    shown = opened(qtbot, window)
    before = shown.b

    def raising(path, cache=None):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(compare_controller, "read_atlas", raising)
    monkeypatch.setattr(dialogs, "open_file", lambda *args: str(DATA / "small.yaml"))
    shown.other.setCurrentIndex(shown.other.findData(OTHER_FILE))
    qtbot.waitUntil(lambda: shown.findChild(QMessageBox, "chart-errors") is not None, timeout=30000)
    box = shown.findChild(QMessageBox, "chart-errors")
    assert "cannot be compared" in box.text()
    whole = box.informativeText() + (box.detailedText() or "")
    assert f"{DATA / 'small.yaml'}: permission denied: ReflexMap may not read this file" in whole
    assert shown.b is before
    box.close()
    shown.close()
