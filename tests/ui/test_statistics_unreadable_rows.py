"""Quiz → Statistics… with rows in the review log that are not answers ReflexMap wrote (a
rating of 9, a time in text, a "correct" of 7): they count in no figure, and the window says
how many were left out, which rows (the log's file and each row's id) and why, in the
interface's language. Before, the bars of the last days counted them (5 reviews today beside
"2 reviews in all", retention 40 %) and nothing said so."""

from __future__ import annotations

import sqlite3
import time
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialog, QLabel

from reflexmap import i18n

from .test_statistics_window import answer_round

BAD = [  # (time, rating, correct, close, seconds): each not a row ReflexMap writes
    ("now", 9, 1, 0, 2.0),
    ("now", 3, 7, 0, 2.0),
    ("now", 3, 1, 0, -4.0),
]

SAID = {
    "en": (
        "3 answers in the review log could not be read; they are left out",
        "its rating 9 is not 1, 2, 3 or 4",
    ),
    "de": (
        "3 Antworten im Lernprotokoll waren nicht lesbar; sie werden weggelassen",
        "ihre Bewertung 9 ist nicht",
    ),
}


@pytest.mark.parametrize("language", ["en", "de"])
def test_rows_that_are_not_answers_count_nowhere_and_are_named(qtbot, make_window, tmp_path: Path, language):
    window = make_window(progress_path=tmp_path / "progress.json")
    answer_round(qtbot, window, ["neck", "heart"])  # two right answers, as the student gave them
    path = window.quiz.log.path
    now = time.time()
    card = f"{window.state.atlas.id}:neck:name"
    with sqlite3.connect(path) as conn:
        ids = [
            conn.execute(
                "INSERT INTO reviews (time, card, rating, correct, close, seconds, clicked, view)"
                " VALUES (?, ?, ?, ?, ?, ?, 'neck', 'plantar-left')",
                (now - 30, card, rating, correct, close, seconds),
            ).lastrowid
            for _when, rating, correct, close, seconds in BAD
        ]
    conn.close()
    try:
        if language != "en":
            window = window.set_language(language)
            qtbot.addWidget(window)
        window.statistics_action.trigger()
        stats = window.findChild(QDialog, "statistics")
        assert stats is not None and stats.isVisible()
        summary = stats.findChild(QLabel, "statistics-summary").text()
        assert summary.startswith(("2 reviews in all", "2 Wiederholungen insgesamt")), summary
        assert stats.charts["reviews"].values[-1] == 2  # today's bar: the two answers, not five
        assert stats.charts["retention"].values[-1] == 1.0
        notes = stats.charts["feet"].notes
        assert not any(note.endswith("5") for note in notes), notes
        left_out = stats.findChild(QLabel, "statistics-left-out")
        assert left_out.isVisible()
        said = left_out.text()
        for words in SAID[language]:
            assert words in said, said
        for row in ids:
            assert f"\u2068{Path(path).absolute()}\u2069: " in said and f" {row} " in said, said
        stats.close()
    finally:
        i18n.set_language("en")


def test_a_log_of_answers_only_says_nothing_of_rows_left_out(qtbot, make_window, tmp_path: Path):
    window = make_window(progress_path=tmp_path / "progress.json")
    answer_round(qtbot, window, ["neck"])
    window.statistics_action.trigger()
    stats = window.findChild(QDialog, "statistics")
    assert not stats.findChild(QLabel, "statistics-left-out").isVisible()
    stats.close()
