"""Presenting (F5) with the Statistics window left open: the class sees only the chart, and
the window is back when presenting ends (a tryout saw a student's statistics over the
projected chart)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from .test_statistics_window import answer_round


def test_presenting_hides_the_statistics_window_and_gives_it_back(qtbot, make_window, tmp_path: Path):
    window = make_window(progress_path=tmp_path / "progress.json")
    answer_round(qtbot, window, ["neck"])
    window.statistics_action.trigger()
    stats = window.findChild(QDialog, "statistics")
    qtbot.waitUntil(stats.isVisible)
    qtbot.keyClick(window, Qt.Key.Key_F5)
    assert window.presenter.active
    assert not stats.isVisible()
    qtbot.keyClick(window.map, Qt.Key.Key_Escape)
    assert not window.presenter.active
    qtbot.waitUntil(stats.isVisible)
    stats.close()
