"""The review log never loses an answer: two processes at once, a process killed mid-answer,
the old progress.json imported once, backups, damage and a database from a newer version."""

from __future__ import annotations

import hashlib
import json
import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from reflexmap.quiz import Card, ReviewLog, Scheduler
from reflexmap.quiz.reviewlog import KEEP_BACKUPS, SCHEMA, is_sound
from reflexmap.quiz.scheduler import AGAIN, DAY, GOOD, HARD

ROOT = Path(__file__).resolve().parents[2]


class Clock:
    def __init__(self, now: float = 1_700_000_000.0):
        self.now = now

    def __call__(self) -> float:
        return self.now


def answer(scheduler: Scheduler, zone: str, correct: bool = True, **kw):
    return scheduler.record(Card("chart", zone, "find"), correct, **kw)


def rows(path: Path, query: str) -> list[tuple]:
    conn = sqlite3.connect(path)
    try:
        return conn.execute(query).fetchall()
    finally:
        conn.close()


def test_every_answer_is_a_row_with_its_details_and_the_card_state_beside_it(tmp_path: Path):
    path = tmp_path / "reviews.sqlite3"
    clock = Clock()
    log = ReviewLog(path)
    scheduler = Scheduler(log=log, clock=clock)
    answer(scheduler, "sacrum", True, seconds=9.5, clicked=("sacrum", "sciatic-nerve"))
    clock.now += 60
    answer(scheduler, "neck", False, close=True, seconds=2.0, clicked=())
    clock.now += 60
    answer(scheduler, "sacrum", False, seconds=3.0, clicked=("coccyx",))
    assert rows(
        path, "SELECT time, card, rating, correct, close, seconds, clicked FROM reviews ORDER BY id"
    ) == [
        (1_700_000_000.0, "chart:sacrum:find", GOOD, 1, 0, 9.5, "sacrum sciatic-nerve"),
        (1_700_000_060.0, "chart:neck:find", HARD, 0, 1, 2.0, ""),
        (1_700_000_120.0, "chart:sacrum:find", AGAIN, 0, 0, 3.0, "coccyx"),
    ]
    states = ReviewLog(path).states()  # another connection sees the same
    assert states == scheduler.states
    assert (states["chart:sacrum:find"].seen, states["chart:sacrum:find"].wrong) == (2, 1)
    pragmas = {name: rows(path, f"PRAGMA {name}")[0][0] for name in ("journal_mode", "user_version")}
    assert pragmas == {"journal_mode": "wal", "user_version": SCHEMA}
    assert log.conn.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    assert log.conn.execute("PRAGMA busy_timeout").fetchone()[0] >= 5000


CHILD = textwrap.dedent(
    """
    import sys
    from reflexmap.quiz import Card, ReviewLog, Scheduler
    path, name, count = sys.argv[1], sys.argv[2], int(sys.argv[3])
    scheduler = Scheduler(log=ReviewLog(path))
    for i in range(count):
        # both processes answer the same ten cards: every answer builds on the other's
        scheduler.record(Card("chart", f"z{i % 10}", "find"), i % 3 != 0, seconds=5.0, clicked=(name,))
        if scheduler.unsaved:
            raise SystemExit("unsaved: " + scheduler.unsaved[0])
        print(i, flush=True)
    """
)


def test_two_processes_answering_500_questions_each_at_once_lose_none(tmp_path: Path):
    path = tmp_path / "reviews.sqlite3"
    ReviewLog(path).close()
    children = [
        subprocess.Popen(
            [sys.executable, "-c", CHILD, str(path), name, "500"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
            cwd=ROOT,
        )
        for name in ("first", "second")
    ]
    for child in children:
        _, err = child.communicate(timeout=300)
        assert child.returncode == 0, err[-2000:]
    assert rows(path, "SELECT clicked, count(*) FROM reviews GROUP BY clicked ORDER BY clicked") == [
        ("first", 500),
        ("second", 500),
    ]
    states = ReviewLog(path).states()
    assert len(states) == 10
    assert sum(s.seen for s in states.values()) == 1000  # no answer overwrote another's
    assert all(s.seen == 100 for s in states.values())
    assert is_sound(path)


def test_a_process_killed_mid_answer_leaves_every_committed_answer(tmp_path: Path):
    path = tmp_path / "reviews.sqlite3"
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(path), "killed", "100000"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=ROOT,
    )
    committed = -1
    assert child.stdout is not None
    while committed < 150:
        line = child.stdout.readline()
        assert line, child.stderr.read() if child.stderr else ""
        committed = int(line)
    os.kill(child.pid, signal.SIGKILL)
    child.wait(timeout=30)
    assert is_sound(path)
    count = rows(path, "SELECT count(*) FROM reviews")[0][0]
    assert count >= committed + 1  # every answer it reported as saved (perhaps one more)
    states = ReviewLog(path).states()
    assert sum(s.seen for s in states.values()) == count  # reviews and states agree


DIES_INSIDE = textwrap.dedent(
    """
    import os, sys
    from reflexmap.quiz import Card, ReviewLog, Scheduler
    path, where = sys.argv[1], sys.argv[2]
    log = ReviewLog(path)
    scheduler = Scheduler(log=log)
    for i in range(5):
        scheduler.record(Card("chart", f"z{i}", "find"), True)

    class Dying:  # the connection, dying just before the step named by `where`
        def __init__(self, conn):
            self.conn = conn
        def __getattr__(self, name):
            return getattr(self.conn, name)
        def execute(self, sql, *args):
            if sql.split()[0].upper() == where:
                os._exit(9)
            return self.conn.execute(sql, *args)

    log.conn = Dying(log.conn)
    scheduler.record(Card("chart", "last", "find"), True)
    """
)


@pytest.mark.parametrize("where", ["INSERT", "COMMIT"])
def test_os_exit_inside_the_answers_transaction_leaves_the_database_sound(tmp_path: Path, where: str):
    path = tmp_path / "reviews.sqlite3"
    result = subprocess.run(
        [sys.executable, "-c", DIES_INSIDE, str(path), where], capture_output=True, text=True, cwd=ROOT
    )
    assert result.returncode == 9, result.stderr[-2000:]
    assert is_sound(path)
    log = ReviewLog(path)
    assert log.warnings == []
    assert log.count() == 5 and sorted(log.states()) == [f"chart:z{i}:find" for i in range(5)]


# --- the old progress.json -------------------------------------------------------------------
FORMAT_1 = """{
 "format": "reflexmap-progress",
 "version": 1,
 "saved": "2026-11-20T18:02:11+0100",
 "cards": {
  "reflexology-main:lumbar-spine:find": {
   "box": 4,
   "due": 1764262931.5,
   "seen": 5,
   "right": 4,
   "wrong": 1,
   "last_seen": 1763658131.5,
   "last_right": true
  },
  "reflexology-main:sacrum:name": {
   "box": 1,
   "due": 1763658200.0,
   "seen": 3,
   "right": 1,
   "wrong": 2,
   "last_seen": 1763658200.0,
   "last_right": false
  }
 }
}
"""


def test_a_format_1_progress_file_is_imported_once_and_kept(tmp_path: Path):
    old = tmp_path / "progress.json"
    old.write_text(FORMAT_1, encoding="utf-8")
    (tmp_path / "progress.json.bak").write_text(FORMAT_1, encoding="utf-8")
    log = ReviewLog(tmp_path / "reviews.sqlite3")
    assert log.import_progress_json(old) == 2
    states = log.states()
    lumbar = states["reflexology-main:lumbar-spine:find"]
    assert (lumbar.seen, lumbar.right, lumbar.wrong, lumbar.last_right) == (5, 4, 1, True)
    assert lumbar.due == 1764262931.5 and lumbar.stability == 7.0 and lumbar.phase == 2
    sacrum = states["reflexology-main:sacrum:name"]
    assert (sacrum.seen, sacrum.wrong, sacrum.last_right, sacrum.phase) == (3, 2, False, 1)
    assert not old.exists()  # renamed, not deleted
    kept = [p for p in tmp_path.iterdir() if p.name.startswith("progress.json.imported-")]
    assert len(kept) == 1 and kept[0].read_text(encoding="utf-8") == FORMAT_1
    assert (tmp_path / "progress.json.bak").read_text(encoding="utf-8") == FORMAT_1
    # Answering on builds on the imported state, and a file that turns up again is not imported.
    scheduler = Scheduler(states, log=log)
    scheduler.record(Card("reflexology-main", "sacrum", "name"), True)
    old.write_text(FORMAT_1, encoding="utf-8")
    again = ReviewLog(tmp_path / "reviews.sqlite3")
    assert again.import_progress_json(old) is None and old.exists()
    assert again.states()["reflexology-main:sacrum:name"].seen == 4


def test_a_damaged_progress_file_is_set_aside_with_a_message_and_not_imported(tmp_path: Path):
    old = tmp_path / "progress.json"
    old.write_text('{"format": "reflexmap-progress", "version": 1, "cards": {"c": {"box": 1e999}}}')
    log = ReviewLog(tmp_path / "reviews.sqlite3")
    assert log.import_progress_json(old) == 0
    assert any("damaged" in w for w in log.warnings)
    assert log.states() == {}
    assert [p for p in tmp_path.iterdir() if ".damaged-" in p.name]


# --- backups and damage ----------------------------------------------------------------------
def test_backups_at_most_once_a_day_and_on_demand_keeping_a_few(tmp_path: Path):
    clock = Clock(time.time())
    log = ReviewLog(tmp_path / "reviews.sqlite3", clock=clock)
    scheduler = Scheduler(log=log, clock=clock)
    answer(scheduler, "a")
    first = log.backup()
    assert first is not None and is_sound(first)
    clock.now += DAY / 2
    assert log.backup() is None  # not twice a day
    made = [log.backup(force=True) for _ in range(KEEP_BACKUPS + 2)]  # on exit, however often
    assert all(p is not None for p in made)
    assert len(log.backups()) == KEEP_BACKUPS and log.backups()[0] == made[-1]
    clock.now += 2 * DAY
    assert log.backup() is not None


@pytest.mark.parametrize("damage", ["header", "middle", "truncated"])
def test_a_damaged_database_is_set_aside_and_the_newest_sound_backup_restored(tmp_path: Path, damage: str):
    path = tmp_path / "reviews.sqlite3"
    log = ReviewLog(path)
    scheduler = Scheduler(log=log)
    for i in range(300):  # a few pages, so that damage in the middle hits the data
        answer(scheduler, f"zone-{i}-" + "x" * 200)
    log.backup(force=True)
    answer(scheduler, "after-the-backup")
    log.close()
    data = bytearray(path.read_bytes())
    if damage == "header":
        data[:100] = b"\x00" * 100
    elif damage == "middle":
        middle = len(data) // 2
        data[middle : middle + 8192] = os.urandom(8192)
    else:
        data = data[: len(data) // 3]
    path.write_bytes(bytes(data))
    reopened = ReviewLog(path)
    assert any("damaged" in w and "restored" in w for w in reopened.warnings), reopened.warnings
    states = reopened.states()
    # what still reads of the damaged log is kept (tests/hostile/test_review_log_records.py)
    assert set(states) >= {f"chart:zone-{i}-" + "x" * 200 + ":find" for i in range(300)}
    assert len(states) == 300 + ("chart:after-the-backup:find" in states)
    before = len(states)
    aside = [p for p in tmp_path.glob("reviews.sqlite3.damaged-*") if not p.name.endswith(("-wal", "-shm"))]
    assert len(aside) == 1 and aside[0].read_bytes() == bytes(data)  # kept as it was
    Scheduler(states, log=reopened).record(Card("chart", "new", "find"), True)  # writable again
    assert reopened.count() == before + 1


def test_damage_without_a_backup_starts_empty_and_says_so(tmp_path: Path):
    path = tmp_path / "reviews.sqlite3"
    path.write_bytes(b"this is not a database" * 100)
    log = ReviewLog(path)
    assert any("no sound backup" in w for w in log.warnings)
    assert log.states() == {} and log.writable


def test_a_database_from_a_newer_version_is_never_written_to(tmp_path: Path):
    path = tmp_path / "reviews.sqlite3"
    log = ReviewLog(path)
    answer(Scheduler(log=log), "a")
    log.conn.execute(f"PRAGMA user_version={SCHEMA + 1}")
    log.close()
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    newer = ReviewLog(path)
    assert not newer.writable
    assert any("newer ReflexMap" in w for w in newer.warnings)
    states = newer.states()
    scheduler = Scheduler(states, log=newer)
    state = answer(scheduler, "a")  # the session goes on, in memory only
    assert state.seen == 2
    assert newer.backup(force=True) is None
    newer.close()
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before
    assert rows(path, "SELECT count(*) FROM reviews") == [(1,)]


def test_stored_states_are_checked_when_read(tmp_path: Path):
    path = tmp_path / "reviews.sqlite3"
    log = ReviewLog(path)
    answer(Scheduler(log=log), "good")
    bad = [
        "not json",
        json.dumps({"seen": -1}),
        json.dumps({"seen": 1, "due": 1e300}),
        json.dumps({"seen": 1, "phase": 2}),  # a review card without stability
        json.dumps({"seen": 1, "difficulty": "hard"}),
        "[" * 5000,
    ]
    for i, raw in enumerate(bad):
        log.conn.execute("INSERT INTO cards (card, due, state) VALUES (?, 0, ?)", (f"bad{i}", raw))
    states = log.states()
    assert list(states) == ["chart:good:find"]
    assert any(f"{len(bad)} card records" in w for w in log.warnings)


def test_a_database_locked_by_another_process_is_not_set_aside(tmp_path: Path, monkeypatch):
    from reflexmap.quiz import reviewlog

    path = tmp_path / "reviews.sqlite3"
    log = ReviewLog(path)
    answer(Scheduler(log=log), "a")
    log.close()
    holder = sqlite3.connect(path, isolation_level=None, timeout=1)
    holder.execute("PRAGMA locking_mode=EXCLUSIVE")
    holder.execute("BEGIN EXCLUSIVE")
    holder.execute("INSERT INTO meta (key, value) VALUES ('held', '1')")  # holds the lock
    monkeypatch.setattr(reviewlog, "BUSY_TIMEOUT_MS", 200)
    with pytest.raises(sqlite3.OperationalError):
        ReviewLog(path)
    holder.execute("ROLLBACK")
    holder.close()
    assert not list(tmp_path.glob("*.damaged-*"))
    assert ReviewLog(path).count() == 1


# --- schema versions ---------------------------------------------------------------------------
# The database as version 1 wrote it (ReflexMap before each review recorded its view).
VERSION_1 = """
CREATE TABLE reviews (
    id INTEGER PRIMARY KEY,
    time REAL NOT NULL,
    card TEXT NOT NULL,
    rating INTEGER NOT NULL,
    correct INTEGER NOT NULL,
    close INTEGER NOT NULL,
    seconds REAL,
    clicked TEXT NOT NULL DEFAULT ''
);
CREATE INDEX reviews_by_time ON reviews(time);
CREATE TABLE cards (card TEXT PRIMARY KEY, due REAL NOT NULL, state TEXT NOT NULL);
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
"""


def version_1_database(path: Path, answers: int) -> None:
    """A version-1 review log with `answers` answers, in WAL mode as version 1 left it."""
    scheduler = Scheduler(clock=Clock())
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.executescript(VERSION_1)
    for i in range(answers):
        card = Card("chart", f"z{i % 10}", "find")
        state = scheduler.record(card, i % 3 != 0, seconds=5.0)
        conn.execute(
            "INSERT INTO reviews (time, card, rating, correct, close, seconds, clicked)"
            " VALUES (?, ?, ?, ?, 0, 5.0, ?)",
            (1_700_000_000.0 + i, card.key, GOOD if i % 3 else AGAIN, int(i % 3 != 0), card.zone_id),
        )
        conn.execute(
            "INSERT OR REPLACE INTO cards (card, due, state) VALUES (?, ?, ?)",
            (card.key, state.due, json.dumps(state.to_json())),
        )
    conn.execute("PRAGMA user_version=1")
    conn.close()


def test_a_version_1_database_is_upgraded_keeping_every_answer_and_a_backup(tmp_path: Path):
    path = tmp_path / "reviews.sqlite3"
    version_1_database(path, 30)
    everything = "SELECT time, card, rating, correct, close, seconds, clicked FROM reviews ORDER BY id"
    before = rows(path, everything)
    log = ReviewLog(path)
    assert log.writable and log.warnings == []
    assert rows(path, "PRAGMA user_version") == [(SCHEMA,)] and SCHEMA == 2
    assert rows(path, everything) == before
    assert rows(path, "SELECT DISTINCT view FROM reviews") == [("",)]  # not known for old answers
    backups = log.backups()
    assert len(backups) == 1 and backups[0].name.endswith("-v1.sqlite3")
    assert (
        rows(backups[0], "PRAGMA user_version") == [(1,)]
        and len(rows(backups[0], "SELECT * FROM reviews")) == 30
    )
    assert sum(s.seen for s in log.states().values()) == 30
    Scheduler(log.states(), log=log).record(Card("chart", "z1", "find"), True, view="plantar-left")
    assert rows(path, "SELECT view FROM reviews ORDER BY id DESC LIMIT 1") == [("plantar-left",)]
    log.close()
    again = ReviewLog(path)  # upgraded once: no second backup, nothing changed
    assert again.count() == 31 and len(again.backups()) == 1


def test_two_processes_opening_a_version_1_database_at_once_upgrade_it_once(tmp_path: Path):
    path = tmp_path / "reviews.sqlite3"
    version_1_database(path, 20)
    children = [
        subprocess.Popen(
            [sys.executable, "-c", CHILD, str(path), name, "40"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
            cwd=ROOT,
        )
        for name in ("first", "second")
    ]
    for child in children:
        _, err = child.communicate(timeout=300)
        assert child.returncode == 0, err[-2000:]
    assert rows(path, "PRAGMA user_version") == [(SCHEMA,)]
    query = "SELECT clicked, count(*) FROM reviews WHERE clicked IN ('first', 'second') GROUP BY clicked"
    assert sorted(rows(path, query)) == [("first", 40), ("second", 40)]
    assert len([b for b in ReviewLog(path).backups() if b.name.endswith("-v1.sqlite3")]) == 1
    assert rows(path, "SELECT count(*) FROM reviews") == [(100,)] and is_sound(path)


def test_a_failed_upgrade_changes_nothing(tmp_path: Path, monkeypatch):
    from reflexmap.quiz import reviewlog

    path = tmp_path / "reviews.sqlite3"
    version_1_database(path, 5)
    broken = (reviewlog.MIGRATIONS[1][0], "THIS IS NOT SQL")
    monkeypatch.setitem(reviewlog.MIGRATIONS, 1, broken)
    with pytest.raises(sqlite3.Error):
        ReviewLog(path)
    assert rows(path, "PRAGMA user_version") == [(1,)]
    assert "view" not in [c[1] for c in rows(path, "PRAGMA table_info(reviews)")]  # rolled back
    monkeypatch.undo()
    assert ReviewLog(path).count() == 5


def test_a_progress_file_written_by_the_leitner_version_is_imported_whole(tmp_path: Path):
    """tests/data/progress-format-1.json was written by ReflexMap before the review log (commit
    4b2f7fe^, its Scheduler and ProgressStore): two weeks of quizzing on the built-in chart."""
    original = (ROOT / "tests" / "data" / "progress-format-1.json").read_bytes()
    cards = json.loads(original)["cards"]
    old = tmp_path / "progress.json"
    old.write_bytes(original)
    log = ReviewLog(tmp_path / "reviews.sqlite3")
    assert log.import_progress_json(old) == len(cards) == 80
    assert log.warnings == []
    states = log.states()
    assert set(states) == set(cards)
    boxes = {}
    for key, legacy in cards.items():
        state = states[key]
        assert (state.seen, state.right, state.wrong, state.last_right) == (
            legacy["seen"],
            legacy["right"],
            legacy["wrong"],
            legacy["last_right"],
        )
        assert (state.due, state.last_seen) == (legacy["due"], legacy["last_seen"])
        boxes.setdefault(legacy["box"], set()).add((state.phase, state.stability))
    # box 1 (just missed) stays learning; boxes 2-5 become review cards lasting the box's wait
    assert boxes.pop(1) == {(1, None)}
    waits = {2: 1.0, 3: 3.0, 4: 7.0, 5: 21.0}
    assert boxes and all(found == {(2, waits[box])} for box, found in boxes.items())
    kept = [p for p in tmp_path.iterdir() if p.name.startswith("progress.json.imported-")]
    assert [p.read_bytes() for p in kept] == [original]
    # the quiz goes on from there: every imported card can be answered and is saved
    scheduler = Scheduler(states, log=log)
    for key in list(cards)[:10]:
        chart, zone, kind = key.split(":")
        scheduler.record(Card(chart, zone, kind), True, seconds=6.0)
    assert (
        log.count() == 10
        and sum(s.seen for s in log.states().values()) == sum(c["seen"] for c in cards.values()) + 10
    )


# --- files that are not what they should be ------------------------------------------------------
def _foreign(path: Path) -> None:  # another program's SQLite file of the same name
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE reviews (x)")
    conn.execute("CREATE TABLE cards (a, b)")
    conn.commit()
    conn.close()


def _our_version_other_tables(path: Path) -> None:
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE reviews (x)")
    conn.execute(f"PRAGMA user_version={SCHEMA}")
    conn.commit()
    conn.close()


@pytest.mark.parametrize(
    "make",
    [
        lambda p: p.write_bytes(bytes(range(256)) * 20),  # garbage
        lambda p: p.write_bytes(b"SQLite format 3\x00" + b"\x00" * 84),  # a header and nothing
        _foreign,
        _our_version_other_tables,
    ],
    ids=["garbage", "header-only", "foreign-tables", "our-version-other-tables"],
)
def test_a_file_that_is_not_our_database_is_set_aside_and_a_fresh_one_made(tmp_path: Path, make):
    path = tmp_path / "reviews.sqlite3"
    make(path)
    before = path.read_bytes()
    log = ReviewLog(path)
    assert log.writable and log.states() == {}
    assert len(log.warnings) == 1 and "set aside" in log.warnings[0]
    aside = [p for p in tmp_path.iterdir() if ".damaged-" in p.name and not p.name.endswith(("-wal", "-shm"))]
    assert len(aside) == 1 and aside[0].read_bytes() == before  # nothing lost
    log.record("c:z:find", lambda prev: Scheduler(clock=Clock()).advance(prev, GOOD, 1.0, True), now=1.0,
               rating=GOOD, correct=True)  # fmt: skip
    assert ReviewLog(path).count() == 1


def test_an_empty_file_is_a_new_database(tmp_path: Path):
    path = tmp_path / "reviews.sqlite3"
    path.write_bytes(b"")
    log = ReviewLog(path)
    assert log.writable and log.warnings == [] and log.count() == 0
