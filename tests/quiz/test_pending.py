"""Answers waiting for the review log's lock, as kept in a file at closing: read back within
bounds, each counted once, and a file that is not one set aside with a message."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from reflexmap.quiz import Card, ReviewLog, Scheduler
from reflexmap.quiz.pending import PendingAnswer, read, write


def _log(tmp_path: Path) -> ReviewLog:
    log = ReviewLog(tmp_path / "reviews.sqlite3")
    Scheduler(log=log).record(Card("chart", "a", "find"), True, seconds=5.0)
    return log


def test_waiting_answers_round_trip_and_are_written_once(tmp_path: Path):
    log = _log(tmp_path)
    answers = [PendingAnswer("chart:b:find", 1_700_000_000.0, 3, True, seconds=4.0, clicked=("b",), view="v")]
    path = write(log.path, answers)
    (again,) = read(path)
    assert again.card == "chart:b:find" and again.once and again.source == str(path)
    Scheduler(log=log)  # opening writes them and removes the file
    assert not path.exists() and log.count() == 2
    write(log.path, [again])  # the same answer, its id kept: a second file of it
    Scheduler(log=log)
    assert log.count() == 2  # counted once


@pytest.mark.parametrize(
    "entry",
    [
        {"card": "c:z:find", "time": -1, "rating": 3, "correct": True, "close": False},
        {"card": "c:z:find", "time": 1e300, "rating": 3, "correct": True, "close": False},
        {"card": "c:z:find", "time": 1.0, "rating": 9, "correct": True, "close": False},
        {"card": "", "time": 1.0, "rating": 3, "correct": True, "close": False},
        {"card": "c:z:find", "time": 1.0, "rating": 3, "correct": "yes", "close": False},
    ],
)
def test_a_file_of_waiting_answers_out_of_range_is_set_aside(tmp_path: Path, entry: dict):
    log = _log(tmp_path)
    full = {"seconds": None, "clicked": [], "view": "", "once": "x1", **entry}
    bad = tmp_path / "reviews.sqlite3.pending-1.json"
    bad.write_text(json.dumps({"format": "reflexmap-pending-answers", "version": 1, "answers": [full]}))
    with pytest.raises(ValueError):
        read(bad)
    Scheduler(log=log)
    assert log.count() == 1
    assert not bad.exists() and list(tmp_path.glob("reviews.sqlite3.pending-1.json.damaged-*"))
    assert any("could not be used" in w for w in log.warnings)


def test_an_answer_waits_while_the_log_is_locked_and_is_written_after(tmp_path: Path):
    log = _log(tmp_path)
    holder = sqlite3.connect(log.path, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    scheduler = Scheduler(log=log, wait_ms=50)
    state = scheduler.record(Card("chart", "b", "find"), True, seconds=3.0)
    assert state.seen == 1 and len(scheduler.pending) == 1 and log.count() == 1
    assert scheduler.save_pending() == 1  # still locked
    holder.execute("COMMIT")
    assert scheduler.save_pending() == 0 and log.count() == 2
    assert scheduler.save_pending() == 0 and log.count() == 2
