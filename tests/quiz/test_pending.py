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
    ("entry", "key", "said"),
    [
        ({"time": -1}, "time", "its time -1 is not a time"),
        ({"time": 1e300}, "time", "its time 1e+300 is not a time"),
        ({"rating": 9}, "rating", "its rating 9 is not 1, 2, 3 or 4"),
        ({"card": ""}, "card", "the card's name is not a text"),
        ({"correct": "yes"}, "correct", "correct is not true or false"),
        ({"seconds": 1e300}, "seconds", "its answer time 1e+300 is not 0 to 86,400 seconds"),
        ({"seconds": -4}, "seconds", "its answer time -4 is not 0 to 86,400 seconds"),
        ({"seconds": 1e999}, "seconds", "its answer time inf is not 0 to 86,400 seconds"),
    ],
)
def test_a_waiting_answer_the_log_would_not_read_back_is_left_out_alone_at_its_place(
    tmp_path: Path, entry: dict, key: str, said: str
):
    """It used to be written into the log (an answer time of 1e300), which Statistics then
    called unreadable at every opening; or it set the whole file aside with the good answers."""
    log = _log(tmp_path)
    good = {"card": "c:y:find", "time": 1.0, "rating": 3, "correct": True, "close": False}
    good |= {"seconds": 2.5, "clicked": [], "view": "", "once": "good1"}
    bad = {**good, "card": "c:z:find", "once": "bad1"}
    text = json.dumps({"format": "reflexmap-pending-answers", "version": 1, "answers": [good, bad]}, indent=1)
    text = text.replace('"bad1"', '"bad1"' + "".join(f', "{k}": {json.dumps(v)}' for k, v in entry.items()))
    text = text.replace("Infinity", "1e999")
    waiting = tmp_path / "reviews.sqlite3.pending-1.json"
    waiting.write_text(text)
    lines = text.splitlines()
    line = next(i for i, t in enumerate(lines, 1) if '"bad1"' in t)
    column = lines[line - 1].rindex(f'"{key}": ') + len(f'"{key}": ') + 1

    answers = read(waiting)
    assert [a.once for a in answers] == ["good1"]
    assert [(r.line, r.column) for r in answers.left_out] == [(line, column)]
    Scheduler(log=log)
    assert log.count() == 2  # the good one written, the other left out: none in the log
    assert [r.card for r in log.reviews()] == ["c:y:find", "chart:a:find"]
    (message,) = [w for w in log.warnings if "could not be used" in w]
    assert f"{waiting.absolute()}\u2069:{line}:{column}: {said}" in message
    assert "this answer is left out" in message
    (kept,) = tmp_path.glob("reviews.sqlite3.pending-1.json.damaged-*")
    assert kept.read_text() == text and not waiting.exists()  # said once, kept as it was
    log.warnings.clear()
    Scheduler(log=log)
    assert log.count() == 2 and not log.warnings


def test_a_file_of_waiting_answers_that_is_not_one_is_set_aside(tmp_path: Path):
    log = _log(tmp_path)
    bad = tmp_path / "reviews.sqlite3.pending-1.json"
    bad.write_text(json.dumps({"format": "reflexmap-pending-answers", "version": 1, "answers": {}}))
    with pytest.raises(ValueError):
        read(bad)
    Scheduler(log=log)
    assert log.count() == 1
    assert not bad.exists() and list(tmp_path.glob("reviews.sqlite3.pending-1.json.damaged-*"))
    assert any("could not be used" in w for w in log.warnings)


def test_an_answer_time_the_log_would_not_read_back_is_not_written_as_one(tmp_path: Path):
    """The same bounds writing and reading: a question left open two days is an answer whose
    time is not known, not a row Statistics calls unreadable."""
    log = _log(tmp_path)
    Scheduler(log=log).record(Card("chart", "b", "find"), True, seconds=2 * 86_400.0)
    assert log.conn.execute("SELECT seconds FROM reviews WHERE card = 'chart:b:find'").fetchone() == (None,)
    log.warnings.clear()
    assert len(log.reviews()) == 2 and not log.warnings


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
