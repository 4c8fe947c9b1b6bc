"""Quiz → Statistics… on a review log that is slow to read (200,000 answers, a slow disk,
another window's write to wait for) or damaged: the figures are read in the window's
background work. The window opens at once saying "Reading your reviews…", the main window
answers keys meanwhile, the figures follow; a damaged log is said in words (its file, what,
what is kept), never a traceback, and the file is left as it was. Through the action a
person triggers (the menu's Statistics…)."""

from __future__ import annotations

import threading
import time
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QLabel

from reflexmap.quiz import stats as quiz_stats

from .test_statistics_window import answer_round


def _slowed(monkeypatch) -> threading.Event:
    """Reading the figures waits (in whichever thread reads them) until the event is set: a
    slow disk, as long as the test wants it."""
    go_on = threading.Event()
    real = quiz_stats.compute

    def slow_compute(*args, **kwargs):
        go_on.wait(20)
        return real(*args, **kwargs)

    monkeypatch.setattr(quiz_stats, "compute", slow_compute)
    return go_on


def test_statistics_of_a_slow_log_open_at_once_reading_and_the_window_answers(
    qtbot, make_window, monkeypatch, tmp_path: Path
):
    window = make_window(progress_path=tmp_path / "progress.json")
    answer_round(qtbot, window, ["neck", "heart"])
    go_on = _slowed(monkeypatch)
    try:
        started = time.monotonic()
        window.statistics_action.trigger()
        held = time.monotonic() - started
        assert held < 1.5, held  # the window's thread did not wait for the reading (was 20 s)
        stats = window.findChild(QDialog, "statistics")
        assert stats is not None and stats.isVisible()
        reading = stats.findChild(QLabel, "statistics-reading")
        assert reading is not None and reading.text() == "Reading your reviews…"
        assert stats.findChild(QLabel, "statistics-summary") is None
        # the main window answers meanwhile: Ctrl+2 shows another view of the chart
        aspect = window.state.aspect
        window.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
        qtbot.keyClick(window.map, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
        qtbot.waitUntil(lambda: window.state.aspect != aspect, timeout=3000)
    finally:
        go_on.set()
    qtbot.waitUntil(lambda: stats.findChild(QLabel, "statistics-summary") is not None, timeout=10_000)
    assert stats.findChild(QLabel, "statistics-reading") is None
    assert stats.stats.reviews[-1] == 2 and stats.stats.retention[-1] == 1.0
    assert stats.findChild(QLabel, "statistics-summary").text().startswith("2 reviews in all")
    stats.close()


def test_statistics_closed_while_reading_are_left_alone(qtbot, make_window, monkeypatch, tmp_path: Path):
    """Closed before its figures were read: nothing is shown or raised when they are."""
    window = make_window(progress_path=tmp_path / "progress.json")
    answer_round(qtbot, window, ["neck"])
    go_on = _slowed(monkeypatch)
    window.statistics_action.trigger()
    stats = window.findChild(QDialog, "statistics")
    stats.close()
    qtbot.waitUntil(lambda: window.findChild(QDialog, "statistics") is None, timeout=3000)
    go_on.set()
    qtbot.wait(300)  # (the reading's end handed over on the window's timer)
    assert window.findChild(QDialog, "statistics") is None


def test_statistics_of_a_damaged_log_say_so_in_words_and_leave_the_file(qtbot, make_window, tmp_path: Path):
    window = make_window(progress_path=tmp_path / "progress.json")
    answer_round(qtbot, window, ["neck", "heart"])
    log = window.quiz.database_path
    window.quiz.log.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")  # every answer in the file
    size = log.stat().st_size
    damaged = log.read_bytes()[:100] + b"\xa5" * (size - 100)  # header kept, every page garbled
    log.write_bytes(damaged)  # (by another program, while the window has it open)
    window.statistics_action.trigger()
    stats = window.findChild(QDialog, "statistics")
    qtbot.waitUntil(lambda: stats.findChild(QLabel, "statistics-unreadable") is not None, timeout=10_000)
    said = stats.findChild(QLabel, "statistics-unreadable").text()
    assert str(log.absolute()) in said, said
    assert "could not be read" in said and "Nothing in the file was changed" in said, said
    assert "Traceback" not in said and "sqlite3." not in said, said
    assert stats.findChild(QLabel, "statistics-summary") is None  # not "0 reviews in all"
    assert log.read_bytes() == damaged  # left as it was: the start's check sets it aside
    stats.close()
