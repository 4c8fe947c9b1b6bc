"""Time of importing an old progress.json into the review log, as the quiz's first opening does
on the window's thread, and of refusing one beyond the bounds (reflexmap/quiz/progress.py:
MAX_CARDS, MAX_BYTES).

    python -m benchmarks.progress_import

Each file is built here and imported in a child process of its own; the figures are that
child's CPU and wall time for ReviewLog.import_progress_json alone (reading, checking, the
one transaction), the best of REPEATS, with the load average beside them.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from reflexmap.quiz import progress

ROOT = Path(__file__).resolve().parents[1]
REPEATS = 3

CHILD = """
import json, sys, time
from reflexmap.quiz.reviewlog import ReviewLog
log = ReviewLog(sys.argv[1])
wall, cpu = time.perf_counter(), time.process_time()
imported = log.import_progress_json(sys.argv[2])
wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
print(json.dumps({"imported": imported, "cpu": cpu, "wall": wall}))
"""


def _cards(count: int) -> str:
    cards = {
        f"ingham-western:transverse-colon-{i}:technique": {
            "box": 1 + i % 5, "due": 1.8e9 + i / 7, "seen": 12, "right": 9, "wrong": 3,
            "last_seen": 1.79e9 + i / 3, "last_right": True,
        }
        for i in range(count)
    }  # fmt: skip
    return json.dumps({"format": progress.FORMAT, "version": 1, "cards": cards}, indent=1)


def _tiny(size: int) -> str:
    """As many two-character records ('{}') as `size` bytes hold: the most cards a file can have."""
    parts, total, i = [], 0, 0
    while total < size - 200:
        part = f'"{i:x}":{{}},'
        parts.append(part)
        total += len(part)
        i += 1
    return '{"format":"reflexmap-progress","version":1,"cards":{' + "".join(parts)[:-1] + "}}"


CASES = {
    f"{progress.MAX_CARDS:,} cards (the limit), imported": lambda: _cards(progress.MAX_CARDS),
    f"{progress.MAX_CARDS + 1:,} cards, refused": lambda: _cards(progress.MAX_CARDS + 1),
    f"tiny records filling {progress.MAX_BYTES // 2**20} MiB, refused": lambda: _tiny(progress.MAX_BYTES),
}


def measure(text: str) -> dict:
    best: dict | None = None
    for _ in range(REPEATS):
        with tempfile.TemporaryDirectory() as folder:
            (Path(folder) / "progress.json").write_text(text)
            out = subprocess.run(
                [sys.executable, "-c", CHILD, f"{folder}/reviews.sqlite3", f"{folder}/progress.json"],
                capture_output=True, text=True, check=True, cwd=ROOT,
                env={**os.environ, "PYTHONPATH": str(ROOT)},
            ).stdout  # fmt: skip
        figures = json.loads(out.strip().splitlines()[-1])
        if best is None or figures["cpu"] < best["cpu"]:
            best = figures
    return best


def main() -> None:
    print(f"load average {os.getloadavg()[0]:.1f}")
    for name, build in CASES.items():
        figures = measure(build())
        imported, cpu, wall = figures["imported"], figures["cpu"], figures["wall"]
        print(f"{name:45} imported {imported!s:>6}  cpu {cpu:.2f} s  wall {wall:.2f} s")
    print(f"load average {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
