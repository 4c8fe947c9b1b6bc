"""File → Handouts and printing… of a chart with too many zones to number them all on the feet
(S8-5): the status bar says, after "Exported …", how many zones are too small to number."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QApplication, QFileDialog

from benchmarks.synthetic import write_synthetic_chart
from reflexmap.atlas import load_atlas


def test_the_handouts_menu_says_the_zones_too_small_to_number(
    qtbot, make_window, tmp_path: Path, monkeypatch
):
    window = make_window(load_atlas(write_synthetic_chart(1000, tmp_path)))
    window.resize(1440, 900)
    target = tmp_path / "big.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    window.statusBar().clearMessage()
    window.handout_action.trigger()
    dialog = next(w for w in QApplication.topLevelWidgets() if w.objectName() == "handouts" and w.isVisible())
    dialog.save_button.click()
    qtbot.wait(20)
    assert target.is_file()
    said = window.statusBar().currentMessage().replace("\u2068", "").replace("\u2069", "")
    assert said.startswith("Exported "), said
    assert "zones are too small to number on the chart at this size" in said, said
