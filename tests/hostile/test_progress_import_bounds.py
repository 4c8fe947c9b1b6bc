"""An old progress.json is imported into the review log while the quiz opens, on the window's
thread: its size is hostile input. A file of more cards than a student could have (MAX_CARDS:
four kinds of question for 5,000 zones) is refused whole before any card is checked, with the
count and the limit in the message and the file kept; and an import cut off by the process
being killed loses nothing: it is one transaction, done again at the next opening.

The huge files are built here and imported in a child process under a CPU-time limit, so that a
bound that stops working fails the test instead of hanging it (no timing asserts)."""

from __future__ import annotations

import json
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from reflexmap.quiz import progress
from reflexmap.quiz.reviewlog import ReviewLog
from reflexmap.quiz.scheduler import CardState

ROOT = Path(__file__).resolve().parents[2]
CPU_SECONDS = 20  # the refusal takes about 2 s of CPU; the old import of this file took 16 s

IMPORT = """
import json, resource, sys
resource.setrlimit(resource.RLIMIT_CPU, ({cpu}, {cpu}))
from reflexmap.quiz.reviewlog import ReviewLog
from reflexmap.quiz.scheduler import CardState
log = ReviewLog(sys.argv[1])
print("go", flush=True)
imported = log.import_progress_json(sys.argv[2])
print(json.dumps({{"imported": imported, "warnings": [str(w) for w in log.warnings]}}))
"""


def _record(i: int) -> dict:
    return {"box": 1 + i % 5, "due": 1.8e9 + i, "seen": 4, "right": 3, "wrong": 1,
            "last_seen": 1.79e9 + i, "last_right": True}  # fmt: skip


def _write(path: Path, cards: dict) -> None:
    path.write_text(json.dumps({"format": progress.FORMAT, "version": 1, "cards": cards}, indent=1))


def _key(i: int) -> str:
    return f"ingham-western:transverse-colon-{i}:technique"


def _start(tmp_path: Path) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-c", IMPORT.format(cpu=CPU_SECONDS), str(tmp_path / "reviews.sqlite3"),
         str(tmp_path / "progress.json")],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=ROOT,
        env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"},
    )  # fmt: skip


def _import_in_child(tmp_path: Path) -> dict:
    child = _start(tmp_path)
    out, err = child.communicate(timeout=600)
    assert child.returncode == 0, err[-3000:]  # killed by the CPU limit: -SIGXCPU
    assert "Traceback" not in err, err[-3000:]
    return json.loads(out.strip().splitlines()[-1])


def _kept(tmp_path: Path) -> list[Path]:
    return sorted(p for p in tmp_path.iterdir() if p.name.startswith("progress.json"))


def test_millions_of_tiny_cards_are_refused_before_they_are_checked(tmp_path):
    # the most cards the byte limit allows: records of two characters ('{}'), left out alone
    # one by one before (each one checked, the others imported)
    parts, size, i = [], 0, 0
    while size < progress.MAX_BYTES - 200:
        part = f'"{i:x}":{{}},'
        parts.append(part)
        size += len(part)
        i += 1
    text = '{"format":"reflexmap-progress","version":1,"cards":{' + "".join(parts)[:-1] + "}}"
    (tmp_path / "progress.json").write_text(text)
    seen = _import_in_child(tmp_path)
    assert seen["imported"] == 0
    said = "\n".join(seen["warnings"])
    assert f"it holds {i:,} cards; the limit is {progress.MAX_CARDS:,}" in said, said
    assert [p.name.split("-")[0] for p in _kept(tmp_path)] == ["progress.json.damaged"]  # kept
    assert _kept(tmp_path)[0].read_text() == text


def test_a_file_over_the_byte_limit_is_refused_without_being_read(tmp_path):
    cards = {_key(i): _record(i) for i in range(progress.MAX_BYTES // 150)}
    _write(tmp_path / "progress.json", cards)
    seen = _import_in_child(tmp_path)
    assert seen["imported"] == 0
    said = "\n".join(seen["warnings"])
    assert f"the limit is {progress.MAX_BYTES:,} bytes" in said, said
    assert len(json.loads(_kept(tmp_path)[0].read_text())["cards"]) == len(cards)


def test_one_card_over_the_limit_is_refused_and_the_limit_itself_imported(tmp_path):
    _write(tmp_path / "progress.json", {_key(i): _record(i) for i in range(progress.MAX_CARDS + 1)})
    seen = _import_in_child(tmp_path)
    said = "\n".join(seen["warnings"])
    assert seen["imported"] == 0
    assert f"it holds {progress.MAX_CARDS + 1:,} cards; the limit is {progress.MAX_CARDS:,}" in said
    (tmp_path / "reviews.sqlite3").unlink()
    for path in _kept(tmp_path):
        path.unlink()
    cards = {_key(i): _record(i) for i in range(progress.MAX_CARDS)}  # saved as the old app did
    progress.ProgressStore(tmp_path / "progress.json").save(
        {key: progress.LegacyCardState(**value) for key, value in cards.items()}
    )
    assert (tmp_path / "progress.json").stat().st_size < progress.MAX_BYTES  # the limit fits
    seen = _import_in_child(tmp_path)
    assert seen == {"imported": progress.MAX_CARDS, "warnings": []}
    log = ReviewLog(tmp_path / "reviews.sqlite3")
    states = log.states()
    log.close()
    assert len(states) == progress.MAX_CARDS
    assert states[_key(7)].due == cards[_key(7)]["due"] and states[_key(7)].seen == 4


def _count(path: Path, table: str) -> int:
    conn = sqlite3.connect(path)
    try:
        return conn.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]
    finally:
        conn.close()


def test_an_import_killed_midway_loses_nothing_and_is_done_next_time(tmp_path):
    database = tmp_path / "reviews.sqlite3"
    log = ReviewLog(database)  # an answer given before the import
    log.record("ingham-western:heel:find", lambda old: CardState(due=1.9e9), now=time.time(), rating=3,
               correct=True)  # fmt: skip
    log.close()
    cards = {_key(i): _record(i) for i in range(progress.MAX_CARDS)}
    _write(tmp_path / "progress.json", cards)
    child = _start(tmp_path)
    assert child.stdout.readline().strip() == "go"
    time.sleep(0.3)  # inside the import (it takes a second or more), or done
    child.send_signal(signal.SIGKILL)
    child.communicate(timeout=60)
    log = ReviewLog(database)  # the next opening
    log.import_progress_json(tmp_path / "progress.json")
    log.close()
    assert _count(database, "reviews") == 1  # the answer given before
    assert _count(database, "cards") == progress.MAX_CARDS + 1  # every card, once
    kept = _kept(tmp_path)
    assert len(kept) == 1 and json.loads(kept[0].read_text())["cards"] == cards  # never deleted
