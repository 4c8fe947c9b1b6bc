"""Quiz → Statistics… as a student reads it: days written as the interface's language writes a
short date, and counts grouped as it groups them (a tryout saw "26.11." in the English window
and "of 20005" beside "1500")."""

from __future__ import annotations

import datetime as dt
import re
import sqlite3
import time
from pathlib import Path

from PySide6.QtWidgets import QDialog, QLabel

from .test_statistics_window import answer_round

ENGLISH_MONTHS = "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split()


def opened_statistics(window) -> QDialog:
    window.statistics_action.trigger()
    stats = window.findChild(QDialog, "statistics")
    assert stats is not None and stats.isVisible()
    return stats


def test_the_days_under_the_bars_are_english_dates_in_the_english_window(qtbot, make_window, tmp_path: Path):
    window = make_window(progress_path=tmp_path / "progress.json")
    answer_round(qtbot, window, ["neck"])
    stats = opened_statistics(window)
    today = dt.date.today()
    for key in ("reviews", "retention"):
        labels = stats.charts[key].labels
        assert labels[-1] == f"{ENGLISH_MONTHS[today.month - 1]} {today.day}"
        assert all(re.fullmatch(r"[A-Z][a-z]{2} \d{1,2}", label) for label in labels), labels
    stats.close()


def test_the_days_stay_german_dates_in_the_german_window(qtbot, make_window, tmp_path: Path):
    window = make_window(progress_path=tmp_path / "progress.json")
    answer_round(qtbot, window, ["neck"])
    german = window.set_language("de")
    qtbot.addWidget(german)
    stats = opened_statistics(german)
    today = dt.date.today()
    assert stats.charts["reviews"].labels[-1] == f"{today.day}.{today.month}."
    stats.close()


def test_one_review_is_said_in_the_singular(qtbot, make_window, tmp_path: Path):
    window = make_window(progress_path=tmp_path / "progress.json")
    answer_round(qtbot, window, ["neck"])
    stats = opened_statistics(window)
    summary = stats.findChild(QLabel, "statistics-summary").text()
    assert summary.startswith("1 review in all, 1 card practised;"), summary
    stats.close()


def test_large_counts_are_grouped_beside_the_feet_and_on_the_axis(qtbot, make_window, tmp_path: Path):
    window = make_window(progress_path=tmp_path / "progress.json")
    answer_round(qtbot, window, ["neck"])  # the log exists, with one answer on a foot
    now = time.time()
    with sqlite3.connect(window.quiz.log.path) as conn:  # a student's months of practice
        conn.executemany(
            "INSERT INTO reviews (time, card, rating, correct, close, seconds, clicked, view)"
            " VALUES (?, ?, 3, 1, 0, 2.0, 'neck', ?)",
            [(now - 60 * (i + 1), f"{window.state.atlas.id}:neck:find", "plantar-left") for i in range(1500)],
        )
    stats = opened_statistics(window)
    notes = stats.charts["feet"].notes
    assert any(note.startswith("of 1,") and len(note) == len("of 1,500") for note in notes), notes
    assert stats.charts["reviews"].text(1500.0) == "1,500"
    stats.close()
