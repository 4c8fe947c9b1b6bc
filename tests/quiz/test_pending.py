"""Answers waiting for the review log's lock, as kept in a file at closing: read back within
bounds, each counted once, and a file that is not one set aside with a message."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from reflexmap.quiz import Card, ReviewLog, Scheduler
from reflexmap.quiz.pending import PendingAnswer, read, write

ROOT = Path(__file__).resolve().parents[2]


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


HURRIED = textwrap.dedent(
    """
    import sys
    from reflexmap.quiz import Card, ReviewLog, Scheduler
    path, name, count = sys.argv[1], sys.argv[2], int(sys.argv[3])
    # a window's patience: 1 ms for the lock, so that answers often wait in the queue
    scheduler = Scheduler(log=ReviewLog(path), wait_ms=1)
    waited = 0
    for i in range(count):
        scheduler.record(Card("chart", f"z{i % 10}", "find"), i % 3 != 0, seconds=5.0, clicked=(name,))
        waited = max(waited, len(scheduler.pending))
    kept = scheduler.keep_pending()  # closing: what still waits goes to a file
    print(waited, kept or "", flush=True)
    """
)


def test_two_hurried_processes_answering_at_once_count_every_answer_once(tmp_path: Path):
    """Each process waits only a moment for the other's lock, so its answers queue up; what
    is left at its end goes to a file that the next open writes. Nothing lost, nothing twice."""
    path = tmp_path / "reviews.sqlite3"
    ReviewLog(path).close()
    children = [
        subprocess.Popen(
            [sys.executable, "-c", HURRIED, str(path), name, "300"],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            cwd=ROOT,
        )  # fmt: skip
        for name in ("first", "second")
    ]
    for child in children:
        out, err = child.communicate(timeout=300)
        assert child.returncode == 0, err[-2000:]
        print(name_of(out))
    log = ReviewLog(path)
    Scheduler(log=log)  # the next open writes what was kept in files
    counted = log.conn.execute("SELECT clicked, count(*) FROM reviews GROUP BY clicked ORDER BY clicked")
    assert counted.fetchall() == [("first", 300), ("second", 300)]
    assert sum(s.seen for s in log.states().values()) == 600  # every answer built on the others
    assert not list(tmp_path.glob("reviews.sqlite3.pending-*"))


def name_of(out: str) -> str:
    waited, _, kept = out.strip().partition(" ")
    return f"most answers waiting at once: {waited}; kept in a file at the end: {kept or 'none'}"


def test_answers_a_read_only_folder_refuses_wait_and_are_kept_in_a_spare_folder(tmp_path: Path, monkeypatch):
    """The progress folder becomes read-only while a student answers (SQLite: "attempt to write
    a readonly database", injected at the sqlite layer; a real remount is refused while the
    log is open): each answer waits in the queue (it was dropped), is tried again, and at
    closing, with the folder still refusing, goes to the spare folder; the next open writes
    each once."""
    import errno

    from reflexmap.quiz import pending

    log = _log(tmp_path)
    spare = tmp_path / "config"
    scheduler = Scheduler(log=log, wait_ms=10, spares=(spare,))
    real_begin = ReviewLog._begin

    def read_only(self, wait_ms):
        refused = sqlite3.OperationalError("attempt to write a readonly database")
        refused.sqlite_errorcode = sqlite3.SQLITE_READONLY  # as SQLite's own error carries it
        raise refused

    monkeypatch.setattr(ReviewLog, "_begin", read_only)
    for zone in ("b", "c"):
        state = scheduler.record(Card("chart", zone, "find"), True, seconds=3.0)
        assert state.seen == 1
    assert [a.card for a in scheduler.pending] == ["chart:b:find", "chart:c:find"]
    assert scheduler.unsaved and "read-only" in scheduler.unsaved[-1]
    assert scheduler.save_pending() == 2  # tried again: still refused, still waiting

    real_write = pending.write

    def beside_refused(database, answers, folder=None):
        if folder is None:
            raise OSError(errno.EROFS, "Read-only file system")
        return real_write(database, answers, folder)

    monkeypatch.setattr(pending, "write", beside_refused)
    kept = scheduler.keep_pending()
    assert kept is not None and kept.parent == spare / pending.SPARE_FOLDER
    assert not list(tmp_path.glob("reviews.sqlite3.pending-*"))
    log.close()

    monkeypatch.setattr(ReviewLog, "_begin", real_begin)  # writable again: the next start
    again = ReviewLog(tmp_path / "reviews.sqlite3")
    Scheduler(log=again, spares=(spare,))
    assert again.count() == 3 and not kept.exists()
    Scheduler(log=again, spares=(spare,))
    assert again.count() == 3  # once


def test_a_full_disk_keeps_answers_waiting_on_a_real_full_filesystem(tmp_path: Path):
    """A real full file system (a 1 MiB tmpfs, filled): answers wait (they were lost), and are
    written once there is room again."""
    folder = tmp_path / "data"
    folder.mkdir()
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", str(folder)], capture_output=True
    )
    if mounted.returncode != 0:
        pytest.skip("cannot mount a tmpfs here")
    try:
        log = ReviewLog(folder / "reviews.sqlite3")
        scheduler = Scheduler(log=log, wait_ms=10, spares=(tmp_path / "config",))
        scheduler.record(Card("chart", "a", "find"), True, seconds=3.0)
        filler = folder / "filler"
        with open(filler, "wb") as handle:
            try:
                while True:
                    handle.write(b"\0" * 65536)
                    handle.flush()
            except OSError:
                pass
        for zone in "bcdefgh":
            scheduler.record(Card("chart", zone, "find"), True, seconds=3.0, clicked=("x" * 200,) * 8)
        assert scheduler.pending and scheduler.unsaved, (log.count(), scheduler.unsaved)
        assert log.count() + len(scheduler.pending) == 8
        filler.unlink()
        assert scheduler.save_pending() == 0 and log.count() == 8
        log.close()
    finally:
        subprocess.run(["umount", "-l", str(folder)], check=False)
