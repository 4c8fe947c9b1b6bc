"""A chart's zones renamed in the editor: the review log's cards, reviews and clicked zones
follow the new ids in one transaction, in every profile; swaps and chains work; answers
another process gives meanwhile are not lost."""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

from reflexmap.quiz import ReviewLog
from reflexmap.quiz.profiles import Profiles
from reflexmap.quiz.scheduler import CardState


def answer(
    log: ReviewLog, card: str, *, correct: bool = True, clicked: tuple[str, ...] = (), now: float = 1000.0
):
    return log.record(
        card,
        lambda previous: CardState(due=now + 60, seen=(previous.seen if previous else 0) + 1),
        now=now,
        rating=3 if correct else 1,
        correct=correct,
        clicked=clicked,
    )


def rows(log: ReviewLog) -> tuple[dict[str, int], list[tuple[str, str]]]:
    seen = {card: state.seen for card, state in log.states().items()}
    reviews = log.conn.execute("SELECT card, clicked FROM reviews ORDER BY id").fetchall()
    return seen, reviews


def test_a_rename_moves_cards_reviews_and_clicks_of_that_chart_only(tmp_path: Path):
    log = ReviewLog(tmp_path / "r.sqlite3")
    answer(log, "west:heel:find", clicked=("heel", "band"))
    answer(log, "west:heel:name")
    answer(log, "west:heel-2:find", clicked=("heel-2",))
    answer(log, "east:heel:find", clicked=("heel",))
    assert log.rename_zones("west", {"heel": "calcaneus"}) == 2
    seen, reviews = rows(log)
    assert seen == {
        "west:calcaneus:find": 1,
        "west:calcaneus:name": 1,
        "west:heel-2:find": 1,
        "east:heel:find": 1,
    }
    assert reviews == [
        ("west:calcaneus:find", "calcaneus band"),
        ("west:calcaneus:name", ""),
        ("west:heel-2:find", "heel-2"),
        ("east:heel:find", "heel"),
    ]


def test_a_swap_and_a_chain_move_together_and_an_orphan_gives_way(tmp_path: Path):
    log = ReviewLog(tmp_path / "r.sqlite3")
    answer(log, "c:a:find")
    answer(log, "c:b:find")
    answer(log, "c:b:find")
    log.rename_zones("c", {"a": "b", "b": "a"})
    assert rows(log)[0] == {"c:b:find": 1, "c:a:find": 2}
    answer(log, "c:gone:find")  # a zone deleted long ago left this
    log.rename_zones("c", {"a": "gone"})
    assert rows(log)[0] == {"c:b:find": 1, "c:gone:find": 2}
    log.rename_zones("c", {"gone": "x"})
    log.rename_zones("c", {"x": "y"})
    assert rows(log)[0] == {"c:b:find": 1, "c:y:find": 2}
    assert log.rename_zones("c", {"y": "y"}) == 0


def test_kept_ids_are_copied_and_their_reviews_stay(tmp_path: Path):
    log = ReviewLog(tmp_path / "r.sqlite3")
    answer(log, "west:heel:find")
    log.rename_zones("west", {"heel": "calcaneus"}, keep={"heel"})
    seen, reviews = rows(log)
    assert seen == {"west:heel:find": 1, "west:calcaneus:find": 1}
    assert reviews == [("west:heel:find", "")]


def test_every_profile_follows_and_answers_given_meanwhile_are_kept(tmp_path: Path):
    profiles = Profiles(tmp_path)
    first = ReviewLog(profiles.database(""))
    anna = ReviewLog(profiles.create("Anna"))
    answer(first, "c:a:find")
    answer(anna, "c:a:name")
    other = sqlite3.connect(profiles.database(""), isolation_level=None, check_same_thread=False)
    other.execute("BEGIN IMMEDIATE")  # another process is saving an answer right now
    other.execute("INSERT INTO reviews (time, card, rating, correct, close) VALUES (2, 'c:a:find', 3, 1, 0)")
    threading.Timer(0.03, lambda: other.execute("COMMIT")).start()  # a quick answer's transaction
    assert profiles.rename_zones("c", {"a": "z"}) == []  # waited for it (RENAME_WAIT_MS)
    assert rows(first)[1] == [("c:z:find", ""), ("c:z:find", "")]  # the answer given meanwhile moved too
    assert rows(anna)[0] == {"c:z:name": 1}
    other.close()


def test_a_log_held_longer_than_the_wait_is_left_as_it_was_and_said(tmp_path: Path):
    """Another program holding the log (past RENAME_WAIT_MS): the rename does not wait the
    15 s busy timeout; that log is left untouched and said, the other profiles follow."""
    import time

    profiles = Profiles(tmp_path)
    first = ReviewLog(profiles.database(""))
    anna = ReviewLog(profiles.create("Anna"))
    answer(first, "c:a:find")
    answer(anna, "c:a:name")
    other = sqlite3.connect(profiles.database(""), isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")
    started = time.monotonic()
    problems = profiles.rename_zones("c", {"a": "z"})
    took = time.monotonic() - started
    other.execute("COMMIT")
    other.close()
    assert took < 2, took  # was 15 s
    assert len(problems) == 1 and "in use by another program" in problems[0], problems
    assert rows(first)[0] == {"c:a:find": 1}  # nothing lost: under the old id
    assert rows(anna)[0] == {"c:z:name": 1}
