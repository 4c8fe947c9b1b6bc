"""The review log's check at start runs in a thread of its own after the first paint: SQLite's
quick_check of a large log (200,000 answers: 0.06 to 0.3 s, more from a cold disk) ran on the
window's thread and held its clicks. What the check finds is still said in the window."""

from __future__ import annotations

import threading
from pathlib import Path

from PySide6.QtWidgets import QApplication, QMessageBox

from reflexmap.quiz import reviewlog


def _spy(monkeypatch) -> list[str]:
    """The threads the real check runs on (it is called through, its result unchanged)."""
    threads: list[str] = []
    real = reviewlog.damaged_at_start

    def watched(path):
        threads.append(threading.current_thread().name)
        return real(path)

    monkeypatch.setattr(reviewlog, "damaged_at_start", watched)
    return threads


def test_a_damaged_log_is_checked_off_the_window_thread_and_said(
    qtbot, make_window, tmp_path: Path, monkeypatch
):
    first = make_window()
    database = first.quiz.database_path
    first.close()
    database.parent.mkdir(parents=True, exist_ok=True)
    database.write_bytes(b"SQLite format 3\0" + b"\xa5" * 8176)  # damaged
    threads = _spy(monkeypatch)
    window = make_window()

    def said():
        boxes = [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()]
        return [b for b in boxes if "is damaged; it was set aside" in b.text()]

    qtbot.waitUntil(lambda: bool(said()), timeout=10_000)
    assert threads and threads[0] == "review-log-check"
    assert threading.main_thread().name not in threads
    assert list(database.parent.glob(database.name + ".damaged-*"))
    for box in said():
        box.close()
    window.close()


def test_a_sound_log_is_checked_off_the_window_thread_and_nothing_is_said(
    qtbot, make_window, tmp_path: Path, monkeypatch
):
    first = make_window()
    database = first.quiz.database_path
    reviewlog.ReviewLog(database).close()  # a sound log, closed as the app closes it
    first.close()
    threads = _spy(monkeypatch)
    window = make_window()
    qtbot.waitUntil(lambda: bool(threads), timeout=10_000)
    qtbot.wait(300)
    assert set(threads) == {"review-log-check"}  # (the first window, closed, may check too)
    assert not [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()]
    assert sorted(p.name for p in database.parent.iterdir() if p.name.startswith(database.name)) == [
        database.name
    ]
    window.close()
