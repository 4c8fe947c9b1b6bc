"""The student's stored progress (the review log, SQLite) made hostile record by record: what
is wrong is said at its place (the whole path, the record's row, a line and column in it), the
rest is kept. In the Qt-free core, and in the window through what a person touches (the
mastery heat map, which opens the progress, and Quiz → Statistics…)."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from reflexmap.quiz import Card, ReviewLog, Scheduler

from .children import child_env, play

LOG = Path("ReflexMap/ReflexMap/reviews.sqlite3")


def _twice(path: Path, card: str) -> tuple[int, int, int, int, int]:
    """The card's stored record rewritten with "seen" written twice (5 first, the real count
    after): its row id, and where the second "seen" and the first stand (line, column)."""
    conn = sqlite3.connect(path)
    try:
        row, raw = conn.execute("SELECT rowid, state FROM cards WHERE card = ?", (card,)).fetchone()
        state = json.loads(raw)
        seen = state.pop("seen")
        text = '{\n "seen": 5,\n' + json.dumps(state, indent=1)[2:-2] + f',\n  "seen": {seen}\n}}'
        conn.execute("UPDATE cards SET state = ? WHERE card = ?", (text, card))
        conn.commit()
    finally:
        conn.close()
    lines = text.splitlines()
    return row, len(lines) - 1, 3, 2, 2


def test_a_key_written_twice_in_a_card_record_is_said_at_its_row_line_and_column(tmp_path: Path):
    path = tmp_path / "reviews.sqlite3"
    log = ReviewLog(path)
    Scheduler(log=log).record(Card("chart", "a", "find"), True, seconds=3.0)
    log.close()
    row, line, column, first_line, first_column = _twice(path, "chart:a:find")

    log = ReviewLog(path)
    states = log.states()
    assert states["chart:a:find"].seen == 1  # the later value, as JSON readers use it
    (said,) = log.warnings
    assert said.startswith("A key is written twice in a card record of the review log; its later value")
    assert (
        f"\u2068{path.absolute()}\u2069: record {row} (card \u2068chart:a:find\u2069), line {line}, "
        f"column {column}: the key “\u2068seen\u2069” was already written at line {first_line}, "
        f"column {first_column}."
    ) in said
    Scheduler(log=log).record(Card("chart", "a", "find"), True, seconds=3.0)  # written once now
    log.warnings.clear()
    assert log.states()["chart:a:find"].seen == 2 and not log.warnings


def test_the_window_says_a_key_written_twice_in_a_card_record(tmp_path: Path):
    data = tmp_path / "data"
    path = data / LOG
    path.parent.mkdir(parents=True)
    log = ReviewLog(path)
    Scheduler(log=log).record(Card("ingham-western", "lumbar-spine", "find"), True, seconds=3.0)
    log.close()
    row, line, column, _l, _c = _twice(path, "ingham-western:lumbar-spine:find")
    env = child_env(tmp_path / "home", tmp_path / "config", data, tmp_path / "cache", CHILD_MASTERY="1")
    facts = play("_app_child", env, timeout=120)
    said = [shown["text"] for shown in facts["shown"]]
    assert len(said) == 1 and "A key is written twice in a card record" in said[0], said
    assert (
        f"record {row} (card \u2068ingham-western:lumbar-spine:find\u2069), line {line}, column {column}"
        in said[0]
    )
    assert facts["mastered"] == ["lumbar-spine"]  # the record is used
