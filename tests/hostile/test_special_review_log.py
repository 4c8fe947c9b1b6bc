"""A review log (or one of the files SQLite keeps beside it) that is a pipe, device or folder:
SQLite's open() of a pipe with no writer blocks for ever, so the quiz froze the window for good
(a tryout found New quiz hanging in the kernel's wait_for_partner). Each is refused before SQLite
sees it: the log itself is set aside as damaged, a companion is moved aside, the quiz works and
answers are saved. Played in a child process with a time limit: a hang fails, it does not
block the suite."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from .children import ROOT, child_env, play

LOG = Path("ReflexMap/ReflexMap/reviews.sqlite3")


def _open_in_child(path: Path) -> str:
    """ReviewLog(path) in a child: its warnings, or a timeout."""
    code = (
        "import sys; from reflexmap.quiz.reviewlog import ReviewLog\n"
        "log = ReviewLog(sys.argv[1]); print('|'.join(log.warnings)); log.close()"
    )
    result = subprocess.run(
        [sys.executable, "-c", code, str(path)],
        capture_output=True, text=True, timeout=30, cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )  # fmt: skip
    assert result.returncode == 0, result.stderr[-2000:]
    return result.stdout


def test_a_pipe_as_the_review_log_is_set_aside_not_opened(tmp_path):
    log = tmp_path / "reviews.sqlite3"
    os.mkfifo(log)
    warnings = _open_in_child(log)
    assert "is not a regular file" in warnings and "set aside" in warnings
    assert log.is_file()  # a fresh log in its place
    assert [p for p in tmp_path.iterdir() if ".damaged-" in p.name and not p.is_file()]


@pytest.mark.parametrize("suffix", ["-wal", "-shm", "-journal"])
def test_a_pipe_beside_the_review_log_is_moved_aside_and_the_log_kept(tmp_path, suffix):
    log = tmp_path / "reviews.sqlite3"
    conn = sqlite3.connect(log)
    conn.close()
    from reflexmap.quiz.reviewlog import ReviewLog

    kept = ReviewLog(log)  # a sound log of ours, with one answer's worth of tables
    kept.close()
    before = log.read_bytes()
    os.mkfifo(str(log) + suffix)
    warnings = _open_in_child(log)
    assert "was not a regular file" in warnings and "is damaged" not in warnings
    assert not os.path.exists(str(log) + suffix) or Path(str(log) + suffix).is_file()
    assert log.read_bytes()[:100] == before[:100]


def test_the_quiz_works_with_a_pipe_as_the_review_log(tmp_path):
    """The window's own way in: the heat map and a quiz answer by a real click, as the
    tryout played it. Before, the child hung (the time limit failed the test)."""
    data = tmp_path / "data"
    (data / LOG).parent.mkdir(parents=True)
    os.mkfifo(data / LOG)
    env = child_env(tmp_path / "home", tmp_path / "config", data, tmp_path / "cache")
    env.update(CHILD_MASTERY="1", CHILD_QUIZ="1")
    facts = play("_app_child", env, timeout=60)
    assert facts["feedback"]  # the answer was judged
    said = [shown["text"] for shown in facts["shown"]]
    assert len(said) == 1 and "is not a regular file" in said[0] and "set aside" in said[0], said
    assert (data / LOG).is_file()
