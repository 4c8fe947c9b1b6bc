"""`reflexmap check … | head` (S15-3): the reader stops early and the command ends quietly, as
grep and ls do (it ended in a BrokenPipeError traceback on stderr)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_check_read_by_a_program_that_stops_reading_ends_without_a_traceback(tmp_path):
    # more lines than a pipe holds (64 KiB): the reader's end is closed while check writes
    missing = [str(tmp_path / f"missing-{n:05d}-{'x' * 60}.yaml") for n in range(3000)]
    child = subprocess.Popen(
        [sys.executable, "-m", "reflexmap", "check", *missing],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert child.stdout is not None and child.stderr is not None
    first = child.stdout.readline()  # `head -1`
    child.stdout.close()
    errors = child.stderr.read().decode()
    code = child.wait(timeout=120)
    assert b"no such file" in first
    assert "Traceback" not in errors and "BrokenPipeError" not in errors, errors
    assert code == 1
