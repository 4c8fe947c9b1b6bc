"""ReviewLog.copy_chart: a chart saved as a copy with an id of its own gets the progress given
under the old id (card states and answers), and the old id keeps its own (Qt-free)."""

from __future__ import annotations

from reflexmap.quiz.profiles import Profiles
from reflexmap.quiz.reviewlog import ReviewLog


def _rows(log: ReviewLog, table: str, chart_id: str) -> list:
    columns = "card, due, state" if table == "cards" else "time, card, rating, correct, clicked"
    return log.conn.execute(
        f"SELECT {columns} FROM {table} WHERE card LIKE ? ORDER BY card, rowid",  # noqa: S608
        (chart_id + ":%",),
    ).fetchall()


def _studied(path) -> ReviewLog:
    log = ReviewLog(path)
    for time, card, correct in ((1, "a:heel:find", 0), (2, "a:heel:find", 1), (3, "a:toe:name", 1)):
        log.conn.execute(
            "INSERT INTO reviews (time, card, rating, correct, close, clicked) VALUES (?, ?, 3, ?, 0, 'toe')",
            (time, card, correct),
        )
    log.conn.execute("INSERT INTO cards (card, due, state) VALUES ('a:heel:find', 9, '{\"x\": 1}')")
    log.conn.execute("INSERT INTO cards (card, due, state) VALUES ('ab:heel:find', 9, '{}')")  # another chart
    return log


def test_the_progress_is_copied_to_the_new_id_and_the_old_keeps_its_own(tmp_path):
    log = _studied(tmp_path / "reviews.sqlite3")
    before = (_rows(log, "cards", "a"), _rows(log, "reviews", "a"))
    assert log.copy_chart("a", "a-2") == 4  # one card state, three answers
    assert (_rows(log, "cards", "a"), _rows(log, "reviews", "a")) == before
    assert _rows(log, "cards", "a-2") == [("a-2:heel:find", 9.0, '{"x": 1}')]
    assert [r[1:] for r in _rows(log, "reviews", "a-2")] == [
        ("a-2:heel:find", 3, 0, "toe"),
        ("a-2:heel:find", 3, 1, "toe"),
        ("a-2:toe:name", 3, 1, "toe"),
    ]
    assert _rows(log, "cards", "ab") == [("ab:heel:find", 9.0, "{}")]  # (not chart "a")
    log.close()


def test_nothing_is_mixed_into_an_id_that_has_progress(tmp_path):
    log = _studied(tmp_path / "reviews.sqlite3")
    assert log.copy_chart("a", "ab") is None
    assert _rows(log, "cards", "ab") == [("ab:heel:find", 9.0, "{}")]
    assert _rows(log, "reviews", "ab") == []
    log.close()


def test_every_profile_gets_its_copy_and_a_clash_is_said(tmp_path):
    _studied(tmp_path / "reviews.sqlite3").close()
    (tmp_path / "profiles" / "Ben").mkdir(parents=True)
    ben = _studied(tmp_path / "profiles" / "Ben" / "reviews.sqlite3")
    ben.conn.execute("INSERT INTO cards (card, due, state) VALUES ('a-2:toe:find', 1, '{}')")
    ben.close()
    copied, problems = Profiles(tmp_path).copy_chart("a", "a-2")
    assert copied == 4  # the first profile's; Ben's a-2 has progress of its own
    assert len(problems) == 1 and "a-2" in problems[0]
