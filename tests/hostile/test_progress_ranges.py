"""Progress read back is input too: a card state of the right types but out of range (a due
date before 1970, a stability of 0, a difficulty outside FSRS's 1..10, more right answers than
answers) is set aside with a message, never handed to the scheduler, where it stopped the
quiz at the next answer (a ValueError for the year, a ZeroDivisionError). Played in the real
app (tests/hostile/_app_child.py): the card is asked and answered by a click."""

from __future__ import annotations

import json
import sqlite3
import time
from pathlib import Path

import pytest

from reflexmap.quiz.reviewlog import ReviewLog, parse_state

from .test_unwritable_folders import _play, _texts

CARD = "ingham-western:lumbar-spine:find"
NOW = time.time()
GOOD = {
    "due": NOW - 3600, "seen": 3, "right": 2, "wrong": 1, "last_seen": NOW - 86_400,
    "last_right": True, "phase": 2, "step": None, "stability": 5.0, "difficulty": 5.0,
}  # fmt: skip


@pytest.mark.parametrize(
    "change, reason",
    [
        ({"due": -5e10}, "due -5e+10 is outside 0 to 1e+11"),  # before year 1: datetime refuses it
        ({"last_seen": -5e10}, "last_seen -5e+10 is outside 0 to 1e+11"),
        ({"stability": 0.0}, "stability 0 is outside 0.001 to 1e+06"),  # FSRS divides by it
        ({"difficulty": 0.0}, "difficulty 0 is outside 1 to 10"),
        ({"difficulty": 11.0}, "difficulty 11 is outside 1 to 10"),
        ({"right": 7}, "more right or wrong answers than answers"),
        ({"due": float("inf")}, "line 1, column 9: Infinity is not a number this file may hold"),
        ({"seen": 2.5}, "seen is not a whole number"),
    ],
    ids=lambda c: ",".join(f"{k}={v}" for k, v in c.items()) if isinstance(c, dict) else "",
)
def test_a_card_state_out_of_range_is_set_aside_and_the_quiz_goes_on(
    tmp_path: Path, change: dict, reason: str
):
    data = tmp_path / "data"
    database = data / "ReflexMap/ReflexMap/reviews.sqlite3"
    database.parent.mkdir(parents=True)
    log = ReviewLog(database)
    log.record(CARD, lambda previous: parse_state(json.dumps(GOOD)), now=NOW - 86_400, rating=3, correct=True)
    log.close()
    conn = sqlite3.connect(database)
    conn.execute("UPDATE cards SET state = ? WHERE card = ?", (json.dumps({**GOOD, **change}), CARD))
    conn.commit()
    conn.close()
    config = tmp_path / "config"
    (config / "ReflexMap/ReflexMap").mkdir(parents=True)
    (config / "ReflexMap/ReflexMap/settings.json").write_text(
        json.dumps({"format": "reflexmap-settings", "version": 1, "values": {"notes/first-run-seen": True}})
    )
    facts: dict = {}
    shown = _play(tmp_path, config, data, quiz=True, statistics=True, facts=facts)  # no traceback
    progress = [box for box in shown if box["name"] == "quiz-warning"]
    assert len(progress) == 1, _texts(shown)
    # the record named by the database's whole path and its row, with why and what was done
    # (before: "1 card records in … could not be read and are ignored."; then no row)
    assert progress[0]["text"].splitlines() == [
        "1 card record in the review log could not be read; that card starts afresh, the other "
        "records are kept:",
        f"• \u2068{database}\u2069: record 1 (card \u2068{CARD}\u2069): {reason}; this record is left out.",
    ], progress[0]["text"]
    assert facts["feedback"].startswith("✔"), facts
    conn = sqlite3.connect(database)
    (raw,) = conn.execute("SELECT state FROM cards WHERE card = ?", (CARD,)).fetchone()
    answers = conn.execute("SELECT count(*) FROM reviews WHERE card = ?", (CARD,)).fetchone()[0]
    conn.close()
    state = parse_state(raw)
    assert state is not None and state.seen == 1  # a new start for this card, the answer saved
    assert answers == 2


def test_answers_out_of_range_in_the_log_do_not_skew_the_statistics(tmp_path: Path):
    """Rows a hand or another program wrote: a 'correct' of 5, a time in the year 10^292, a
    rating of 99. They are left out of the answers read back (with a message) and of the days
    of the statistics: a day's share of right answers stays a share."""
    from reflexmap.atlas import load_atlas
    from reflexmap.quiz.stats import compute

    atlas = load_atlas()
    database = tmp_path / "reviews.sqlite3"
    log = ReviewLog(database)
    card = f"{atlas.id}:lumbar-spine:find"
    log.record(card, lambda previous: parse_state(json.dumps(GOOD)), now=NOW - 60, rating=3, correct=True)
    for when, rating, correct in ((NOW - 30, 3, 5), (1e300, 3, 1), (NOW - 20, 99, 0)):
        log.conn.execute(
            "INSERT INTO reviews (time, card, rating, correct, close, seconds, clicked, view)"
            " VALUES (?, ?, ?, ?, 0, 1.0, '', 'plantar-left')",
            (when, card, rating, correct),
        )
    stats = compute(log, atlas, NOW)
    assert all(share is None or 0 <= share <= 1 for share in stats.retention), stats.retention
    assert [r.card for r in log.reviews()] == [card]  # only the one ReflexMap wrote
    (said,) = [w for w in log.warnings if "answers in the review log" in w]
    lines = said.splitlines()
    assert lines[0] == (
        "3 answers in the review log could not be read; they are left out, the other answers are kept:"
    )
    # each named by the log's whole path, its row and when it was given, with why
    path, when = (
        f"\u2068{database.absolute()}\u2069",
        time.strftime("%Y-%m-%d %H:%M", time.localtime(NOW - 30)),
    )
    assert f"• {path}: answer 2 (given {when}): correct 5 is not 0 or 1; this answer is left out." in lines
    assert (
        f"• {path}: answer 3: its time 1e+300 is not a time ReflexMap can use; this answer is left out."
        in lines
    )
    when = time.strftime("%Y-%m-%d %H:%M", time.localtime(NOW - 20))
    assert (
        f"• {path}: answer 4 (given {when}): its rating 99 is not 1, 2, 3 or 4; this answer is left out."
        in lines
    ), lines
