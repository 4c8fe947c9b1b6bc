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


def test_a_log_held_longer_than_the_wait_gets_the_rename_once_it_is_free(tmp_path: Path):
    """Another program holding the log (past RENAME_WAIT_MS): the rename does not wait the
    15 s busy timeout; that log is left untouched, the rename kept in a file beside it and done
    when the log is free (it was refused for good); the other profiles follow at once."""
    import time

    profiles = Profiles(tmp_path)
    first = ReviewLog(profiles.database(""))
    anna = ReviewLog(profiles.create("Anna"))
    answer(first, "c:a:find")
    answer(anna, "c:a:name")
    other = sqlite3.connect(profiles.database(""), isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")
    started = time.monotonic()
    waiting: list[Path] = []
    problems = profiles.rename_zones("c", {"a": "z"}, waiting=waiting)
    took = time.monotonic() - started
    other.execute("COMMIT")
    other.close()
    assert took < 2, took  # was 15 s
    assert problems == [] and waiting == [profiles.database("")], problems  # kept for later
    assert rows(first)[0] == {"c:a:find": 1}  # nothing lost: under the old id, until...
    assert rows(anna)[0] == {"c:z:name": 1}
    assert [r.chart for r in first.apply_waiting_renames()] == ["c"]  # ...the log is free (was: never)
    assert rows(first)[0] == {"c:z:find": 1}
    assert not list(tmp_path.glob("*.renames-*.json"))


def test_answers_waiting_in_a_spare_folder_follow_a_rename(tmp_path: Path):
    """The data folder could not take them at closing: they wait in a spare folder (settings,
    cache, temporary folder); a rename saved meanwhile moves them too (it moved only those
    beside the log, and the spare ones were written later under an id the chart no longer has)."""
    from reflexmap.quiz import pending
    from reflexmap.quiz.pending import PendingAnswer

    profiles = Profiles(tmp_path / "data")
    database = profiles.database("")
    log = ReviewLog(database)
    answer(log, "c:a:find")
    spare = tmp_path / "config"
    kept = pending.write(database, [PendingAnswer("c:a:name", 2000.0, 3, True, clicked=("a",))], spare)
    assert profiles.rename_zones("c", {"a": "z"}, spares=(spare,)) == []
    (moved,) = pending.read(kept)
    assert moved.card == "c:z:name" and moved.clicked == ("z",)


def test_a_rename_kept_for_later_is_done_once_and_in_order(tmp_path: Path):
    """Two renames waiting (a swap, then a chain): done oldest first, each once even if its
    file is found again after it was done (its id is recorded in the same transaction)."""
    log = ReviewLog(tmp_path / "r.sqlite3")
    answer(log, "c:a:find")
    answer(log, "c:b:name")
    swap = log.rename_later("c", {"a": "b", "b": "a"})
    copy = swap.read_bytes()
    log.rename_later("c", {"b": "x"})
    assert len(log.apply_waiting_renames()) == 2
    assert rows(log)[0] == {"c:x:find": 1, "c:a:name": 1}
    swap.write_bytes(copy)  # as if its removal had failed
    assert log.apply_waiting_renames() == []  # not swapped back
    assert rows(log)[0] == {"c:x:find": 1, "c:a:name": 1}
    assert not swap.exists()


def test_answers_kept_in_memory_follow_a_rename_done_later_by_time(tmp_path: Path):
    """A window's answers waiting in memory while a rename waits for the log: those given
    before the chart was saved take the new ids when the rename is done, those given after
    (already under the new chart's ids) stay as given; the rename goes in before them."""
    import time

    from reflexmap.quiz.pending import PendingAnswer
    from reflexmap.quiz.scheduler import Scheduler

    log = ReviewLog(tmp_path / "r.sqlite3")
    answer(log, "c:a:find")
    saved = time.time()
    log.rename_later("c", {"a": "z", "b": "a"})
    scheduler = Scheduler(log=log)  # opening does the rename first
    assert set(scheduler.states) == {"c:z:find"}
    log.rename_later("c", {"z": "y"})
    scheduler.renames_waiting = True
    scheduler.pending = [
        PendingAnswer("c:z:name", saved - 10, 3, True),  # before the second save
        PendingAnswer("c:z:where", saved + 3600, 3, True),  # after it: a new zone z
    ]
    assert scheduler.save_pending() == 0
    cards = [card for (card,) in log.conn.execute("SELECT card FROM reviews ORDER BY id")]
    assert cards == ["c:y:find", "c:y:name", "c:z:where"]
    assert not scheduler.renames_waiting
