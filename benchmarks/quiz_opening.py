"""The window's longest pause while the quiz opens on a large review log, and on an old
progress.json to import: Quiz → New quiz… is triggered in the real window (Qt's offscreen
platform) while a 10 ms timer of the window's thread notes the gaps between its ticks; the
figures are the longest gap from the trigger until the setup dialog is up, and how long that
took. Each case is a fresh child process (its own data folder), REPEATS times, with the
load average beside them: the machine is shared, single figures are noisy.

    python -m benchmarks.quiz_opening [--repeats N]
"""

from __future__ import annotations

import argparse
import json
import os
import sqlite3
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
REPEATS = 5
ANSWERS = 200_000
SETTLE_MS = 3000  # after the first paint: the start's own check of the log is done by then

CHILD = """
import json, sys, time
from pathlib import Path
from PySide6.QtCore import QTimer
from reflexmap.settings import Settings
from reflexmap.ui.app import application, create_window

app = application()
folder = Path(sys.argv[1])
settings = Settings(folder / "settings.json")
settings.setValue("notes/first-run-seen", True)
window = create_window(None, settings, progress_path=folder / "progress.json")
window.resize(1440, 900)
window.show()
gaps, last, began = [], [time.perf_counter()], []

def tick():
    now = time.perf_counter()
    gaps.append(now - last[0])
    last[0] = now

ticks = QTimer()
ticks.setInterval(10)
ticks.timeout.connect(tick)
ticks.start()

def up():
    return [w for w in app.topLevelWidgets() if w.objectName() == "quiz-setup" and w.isVisible()]

def watch():
    if up() and gaps:  # (the tick after a pause notes it)
        print(json.dumps({"pause": max(gaps), "open": time.perf_counter() - began[0]}), flush=True)
        app.exit(0)
    else:
        QTimer.singleShot(5, watch)

def go():
    gaps.clear()
    began.append(time.perf_counter())
    last[0] = began[0]
    window.new_quiz_action.trigger()
    watch()

def stuck():
    from PySide6.QtWidgets import QApplication
    shown = [w.objectName() for w in QApplication.topLevelWidgets() if w.isVisible()]
    print(json.dumps({"stuck": shown}), flush=True)
    app.exit(1)

QTimer.singleShot(int(sys.argv[2]), go)
QTimer.singleShot(int(sys.argv[2]) + 60_000, stuck)
app.exec()
"""


def _log(folder: Path, answers: int) -> None:
    """A review log of `answers` answers over 2,000 cards, as years of practice leave it."""
    from reflexmap.quiz.reviewlog import ReviewLog

    path = folder / "reviews.sqlite3"
    ReviewLog(path).close()
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("BEGIN")
    conn.executemany(
        "INSERT INTO reviews (time, card, rating, correct, close, seconds, clicked, view) "
        "VALUES (?, ?, 3, 1, 0, 4.0, '', 'sole')",
        ((1.7e9 + n * 60, f"ingham-western:zone-{n % 2000}:find") for n in range(answers)),
    )
    conn.execute("COMMIT")
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()


def _progress_json(folder: Path) -> None:
    from reflexmap.quiz import progress

    from .progress_import import _cards

    (folder / "progress.json").write_text(_cards(progress.MAX_CARDS))


CASES = {
    f"review log of {ANSWERS:,} answers": _log.__name__,
    "progress.json of 20,000 cards to import": _progress_json.__name__,
}


def run(case: str, repeats: int) -> list[dict]:
    found = []
    for _ in range(repeats):
        with tempfile.TemporaryDirectory() as work:
            data = Path(work) / "data"
            data.mkdir()
            if case == "_log":
                _log(data, ANSWERS)
            else:
                _progress_json(data)
            out = subprocess.run(
                [sys.executable, "-c", CHILD, str(data), str(SETTLE_MS)],
                capture_output=True, text=True, timeout=300, cwd=ROOT,
                env={**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen",
                     "HOME": work, "XDG_CONFIG_HOME": f"{work}/config", "XDG_DATA_HOME": f"{work}/xdg",
                     "XDG_CACHE_HOME": f"{work}/cache"},
            )  # fmt: skip
            lines = [line for line in out.stdout.splitlines() if line.startswith("{")]
            if not lines:
                raise RuntimeError(out.stderr[-2000:])
            result = json.loads(lines[-1])
            if "stuck" in result:
                raise RuntimeError(f"the setup dialog did not come: {result['stuck']}" + out.stderr[-3000:])
            found.append(result)
    return found


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeats", type=int, default=REPEATS)
    args = parser.parse_args()
    print(f"load average {os.getloadavg()[0]:.1f}")
    for name, case in CASES.items():
        runs = run(case, args.repeats)
        pauses = sorted(round(r["pause"] * 1000) for r in runs)
        opens = sorted(round(r["open"] * 1000) for r in runs)
        print(
            f"{name:42} longest pause {statistics.median(pauses):5.0f} ms (runs {pauses})  "
            f"dialog up after {statistics.median(opens):5.0f} ms (runs {opens})"
        )
    print(f"load average {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
