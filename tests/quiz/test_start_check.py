"""The review log's check at start (damaged_at_start, check_at_start), with the files SQLite
keeps beside a log made for real: a -wal holding answers with no -shm, a -journal left by a
write that was cut off, a log another process holds locked. Each is read so that no answer
is missed, a sound log is never set aside, nothing waits for a lock, and a damaged one is
set aside with what belongs to it (it skipped all three, and a -journal stayed beside the
fresh log that replaced a damaged one)."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from reflexmap.quiz import Card, ReviewLog, Scheduler
from reflexmap.quiz.reviewlog import check_at_start, damaged_at_start

ROOT = Path(__file__).resolve().parents[2]
PAGE = 4096


def _log(folder: Path, answers: int) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    log = ReviewLog(folder / "reviews.sqlite3")
    scheduler = Scheduler(log=log)
    for n in range(answers):
        scheduler.record(Card("chart", f"zone-{n % 50}", "find"), n % 3 != 0, seconds=4.0)
    log.close()
    return folder / "reviews.sqlite3"


def _rows(path: Path) -> int:
    conn = sqlite3.connect(path)
    try:
        return conn.execute("SELECT count(*) FROM reviews").fetchone()[0]
    finally:
        conn.close()


def _with_wal_only(source: Path, target: Path, more: int) -> None:
    """`source` with `more` answers written into its -wal, copied (the log and its -wal, no
    -shm) to `target` while the writer is open: as a copy or a crash that lost the index."""
    conn = sqlite3.connect(source, isolation_level=None)
    conn.execute("PRAGMA wal_autocheckpoint=0")
    conn.executemany(
        "INSERT INTO reviews (time, card, rating, correct, close, seconds) VALUES (?, ?, 3, 1, 0, 4.0)",
        [(1_700_000_000.0 + n, f"chart:late-{n}:find") for n in range(more)],
    )
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(source, target)
    shutil.copyfile(str(source) + "-wal", str(target) + "-wal")
    conn.close()
    assert not os.path.exists(str(target) + "-shm") and os.path.getsize(str(target) + "-wal") > 0


def _damage(path: Path, pages: range) -> None:
    with open(path, "r+b") as file:
        for page in pages:
            file.seek(page * PAGE)
            file.write(b"\xa5" * PAGE)


def test_answers_in_a_wal_without_its_index_are_read_and_a_sound_log_kept(tmp_path: Path):
    source = _log(tmp_path / "a", 30)
    copy = tmp_path / "b/reviews.sqlite3"
    _with_wal_only(source, copy, more=5)
    assert _rows(copy) == 35  # (read by SQLite the ordinary way: the -wal's answers count)
    assert damaged_at_start(copy) is False
    assert check_at_start(copy) == []
    assert not list(copy.parent.glob("*.damaged-*"))
    assert ReviewLog(copy).count() == 35  # none lost


def test_a_damaged_log_whose_answers_wait_in_its_wal_is_found_at_start_and_set_aside_with_them(
    tmp_path: Path,
):
    source = _log(tmp_path / "a", 400)
    pages = os.path.getsize(source) // PAGE
    assert pages > 8
    copy = tmp_path / "b/reviews.sqlite3"
    _with_wal_only(source, copy, more=3)
    _damage(copy, range(3, pages - 2))  # the answers' pages, not those the -wal holds again
    assert damaged_at_start(copy) is True  # it was skipped: a -wal and no -shm
    said = check_at_start(copy)
    assert any("is damaged; it was set aside as" in s for s in said), said
    (aside,) = [p for p in copy.parent.glob("reviews.sqlite3.damaged-*") if not p.name.endswith("-wal")]
    assert Path(str(aside) + "-wal").stat().st_size > 0  # the -wal's answers went with it
    assert ReviewLog(copy).count() >= 0 and damaged_at_start(copy) is False  # a sound log in its place


def _cut_off(source: Path, target: Path) -> int:
    """A copy of `source` taken in the middle of a write of many answers in rollback-journal
    mode (the log file with some new pages, and a -journal of the old ones), as a crash or a
    power cut leaves it; returns how many answers the log held before that write."""
    before = _rows(source)
    conn = sqlite3.connect(source, isolation_level=None)
    conn.execute("PRAGMA journal_mode=DELETE")
    conn.execute("PRAGMA cache_size=2")  # pages spill to the file before the commit
    conn.execute("BEGIN")
    conn.executemany(
        "INSERT INTO reviews (time, card, rating, correct, close, seconds, clicked)"
        " VALUES (?, ?, 3, 1, 0, 4, ?)",
        [(1_700_000_000.0 + n, f"chart:cut-{n}:find", "x" * 300) for n in range(3000)],
    )
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(source, target)
    shutil.copyfile(str(source) + "-journal", str(target) + "-journal")
    conn.execute("ROLLBACK")
    conn.close()
    return before


def test_a_journal_left_by_a_cut_off_write_is_rolled_back_and_the_log_kept_whole(tmp_path: Path):
    source = _log(tmp_path / "a", 40)
    copy = tmp_path / "b/reviews.sqlite3"
    before = _cut_off(source, copy)
    assert os.path.getsize(str(copy) + "-journal") > 0
    assert damaged_at_start(copy) is False
    assert check_at_start(copy) == []
    assert not os.path.exists(str(copy) + "-journal")  # rolled back: the log as its last finished write
    assert _rows(copy) == before == 40
    assert not list(copy.parent.glob("*.damaged-*"))


def test_the_quiz_opening_a_log_with_a_journal_rolls_it_back_and_keeps_the_log(tmp_path: Path):
    """The progress's own opening (ReviewLog, as the quiz opens it), not only the start's
    check: it read the half-written file alone, called a sound log damaged, set it aside and
    salvaged the cut-off write's answers as if they had been given (410 of 400)."""
    source = _log(tmp_path / "a", 40)
    copy = tmp_path / "b/reviews.sqlite3"
    _cut_off(source, copy)
    log = ReviewLog(copy)
    assert log.warnings == [] and log.count() == 40
    log.close()
    assert sorted(p.name for p in copy.parent.iterdir()) == ["reviews.sqlite3"]


def test_a_damaged_log_with_a_journal_is_rolled_back_then_set_aside(tmp_path: Path):
    source = _log(tmp_path / "a", 400)
    copy = tmp_path / "b/reviews.sqlite3"
    _cut_off(source, copy)
    pages = os.path.getsize(source) // PAGE
    _damage(copy, range(3, pages - 2))
    assert damaged_at_start(copy) is True  # it was skipped: a -journal beside it
    said = check_at_start(copy)
    assert any("is damaged; it was set aside as" in s for s in said), said
    assert not any("3,000" in s or "3000" in s for s in said)  # the cut-off write is no answer
    # nothing of the damaged log's beside the fresh one (SQLite would play a journal into it)
    assert sorted(
        p.name for p in copy.parent.iterdir() if not p.name.startswith("reviews.sqlite3.damaged-")
    ) == ["reviews.sqlite3"]
    assert damaged_at_start(copy) is False


_HOLDER = """
import sqlite3, sys, time
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
conn.execute("PRAGMA locking_mode=EXCLUSIVE")
conn.execute("BEGIN EXCLUSIVE")
conn.execute(
    "INSERT INTO reviews (time, card, rating, correct, close) VALUES (1.7e9, 'chart:held:find', 3, 1, 0)"
)
print("held", flush=True)
sys.stdin.readline()
conn.execute("COMMIT")
conn.close()
"""


def test_a_log_another_process_holds_locked_is_not_waited_for_nor_set_aside(tmp_path: Path):
    log = _log(tmp_path / "a", 20)
    holder = subprocess.Popen(
        [sys.executable, "-c", _HOLDER, str(log)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    )
    try:
        assert holder.stdout.readline().strip() == "held"
        started = time.monotonic()
        assert damaged_at_start(log) is False
        assert check_at_start(log, damaged=True) == []  # even when thought damaged: never set aside
        assert time.monotonic() - started < 10  # no wait for the lock (the busy timeout is 5 s)
        assert not list(log.parent.glob("*.damaged-*"))
    finally:
        holder.communicate("go\n", timeout=30)
    assert holder.returncode == 0
    assert ReviewLog(log).count() == 21  # its answer and the others, all there
