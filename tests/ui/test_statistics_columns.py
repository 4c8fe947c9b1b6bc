"""Quiz → Statistics… with a month of answers: every column carries its figure, the day ticks
are evenly spaced and the same under the reviews and the retention, the days ahead read
today, +5, +10 …, and a day of wrong answers only shows its 0 % (a tryout saw columns with no
numbers, ticks "29.10. 8.11. 13.11. 27.11.", no "+5", and a 0 % day with no mark beside an
unexplained row of dashes at about 8 %: the dashes of the days without reviews)."""

from __future__ import annotations

import sqlite3
import time
from collections import Counter
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialog

from reflexmap.i18n import format_percent

from .painted_text import painted_text
from .test_statistics_window import answer_round

DAY = 86_400
# days back from today: (right, wrong) answers; 12 days ago both answers were wrong (0 %)
MONTH = {29: (1, 0), 19: (3, 1), 14: (2, 0), 12: (0, 2), 5: (4, 0), 1: (1, 1)}


def month_of_answers(window) -> None:
    midnight = time.mktime(time.localtime()[:3] + (12, 0, 0, 0, 0, -1))  # today's noon
    card = f"{window.state.atlas.id}:neck:find"
    rows = []
    for back, (right, wrong) in MONTH.items():
        for i in range(right + wrong):
            correct = int(i < right)
            rows.append((midnight - back * DAY + 60 * i, card, 3 if correct else 1, correct, "plantar-left"))
    with sqlite3.connect(window.quiz.log.path) as conn:
        conn.executemany(
            "INSERT INTO reviews (time, card, rating, correct, close, seconds, clicked, view)"
            " VALUES (?, ?, ?, ?, 0, 2.0, 'neck', ?)",
            rows,
        )


def open_statistics(qtbot, make_window, folder: Path, language: str, size: float) -> QDialog:
    """Quiz → Statistics… after today's round (three right, three cards due ahead) and a
    month of answers before it, in `language` at text size `size`."""
    window = make_window(progress_path=folder / "progress.json")
    answer_round(qtbot, window, ["neck", "heart", "liver"])
    month_of_answers(window)  # a count axis up to 4 beside a percent axis up to 100 %
    if language != "en":
        window = window.set_language(language)
        qtbot.addWidget(window)
    if size != 1.0:
        window.text_size_actions[size].trigger()
        qtbot.wait(20)
    window.statistics_action.trigger()
    dialog = window.findChild(QDialog, "statistics")
    qtbot.waitUntil(dialog.isVisible)
    return dialog


LANGUAGES_AND_SIZES = {"argvalues": [("en", 1.0), ("de", 1.5)], "ids": ["en", "de-largest"]}


@pytest.fixture(params=LANGUAGES_AND_SIZES["argvalues"], ids=LANGUAGES_AND_SIZES["ids"])
def stats(request, qtbot, make_window, tmp_path: Path):
    dialog = open_statistics(qtbot, make_window, tmp_path, *request.param)
    dialog.grab()  # painted at the size it opened at
    yield dialog
    dialog.close()


def _steps(ticks) -> set[int]:
    indices = [i for i, _text in ticks]
    return {b - a for a, b in zip(indices, indices[1:], strict=False)}


def _ticks(chart) -> list[tuple[int, str]]:
    """The day ticks painted under the columns: (column, text), left to right."""
    return [(chart.labels.index(c), c) for c in painted_text(chart).calls if c in chart.labels]


def _axis(chart) -> list[str]:
    """The axis's figures (0, half and the top: the data here peak at a round count)."""
    peak = 1.0 if chart.percent else max(v for v in chart.values if v is not None)
    return [chart.text(peak * f) for f in (0.0, 0.5, 1.0) if chart.percent or not (peak * f) % 1]


def test_every_column_carries_its_figure(stats):
    for key in ("reviews", "retention", "due"):
        chart = stats.charts[key]
        calls = Counter(painted_text(chart).calls)
        figures = Counter(chart.text(v) for v in chart.values if v is not None and (v or chart.percent))
        assert figures, key
        for text, columns in figures.items():  # on its columns, besides on the axis
            assert calls[text] == columns + _axis(chart).count(text), (key, text, calls)
    retention = stats.charts["retention"]
    assert retention.values[-1 - 12] == 0.0  # the day of two wrong answers: its 0 % is written
    assert Counter(painted_text(retention).calls)[format_percent(0.0)] == 2


def test_an_empty_day_draws_no_dash_and_the_chart_says_what_it_means(stats):
    retention = stats.charts["retention"]
    calls = painted_text(retention).calls
    assert "–" not in calls  # the row of dashes read as a line at about 8 %
    said = " ".join(c for c in calls if len(c) > 3 and c in retention.note)
    assert retention.note and said == retention.note, calls  # whole, on the lines it needs
    assert all(text in calls for text in _axis(retention))  # each line named


def test_the_day_ticks_are_even_and_the_same_on_both_charts_of_days(stats):
    reviews, retention, due = (stats.charts[k] for k in ("reviews", "retention", "due"))
    ticks = _ticks(reviews)
    assert ticks == _ticks(retention)
    assert len(ticks) >= 3 and len(_steps(ticks)) == 1, ticks
    assert ticks[-1] == (len(reviews.labels) - 1, reviews.labels[-1])  # today stands last
    ahead = _ticks(due)
    assert ahead[0][0] == 0 and len(_steps(ahead)) == 1, ahead
    # every fifth day where the labels have room (English), else every seventh (German at
    # the largest text on the tests' 800 px screen: "heute" is 52 px wide, a column 10 px;
    # "17.11." 57 px: every tenth day)
    assert _steps(ahead) <= {5, 7} and _steps(ticks) <= {5, 7, 10}, (ahead, ticks)
    if due.font().pointSizeF() < 10:
        assert (5, "+5") in ahead, ahead
