"""The learning engine's figures: answer-to-saved time and the Statistics window's opening time,
with a review log of 100,000 reviews; and `simulate`, a student's month of study (used for the
README's screenshots too, by tools/learning_screenshots.py).

    python -m benchmarks.learning FOLDER --days 30   # a simulated month into FOLDER/reviews.sqlite3
"""

from __future__ import annotations

import argparse
import json
import random
import sqlite3
import tempfile
import time
from pathlib import Path

from reflexmap.atlas import Atlas
from reflexmap.quiz import ReviewLog, Scheduler
from reflexmap.quiz.cards import QuizOptions, cards_for
from reflexmap.quiz.questions import make_question
from reflexmap.quiz.scheduler import DAY, rating_for

# A student's answer times, by kind of question: the median in seconds (right answers; wrong
# ones take longer) and the spread (answer times are roughly log-normal).
PACE = {"find": 4.5, "name": 6.0, "technique": 8.0, "claim": 9.0}


def simulate(
    log: ReviewLog, atlas: Atlas, days: int, per_day: int = 40, seed: int = 1, end: float | None = None
):
    """A student who studies about `per_day` cards a day (due ones first, then new ones) for
    `days` days up to `end`, skipping a day now and then: each question shown in one of the
    zone's views as the quiz shows it, answered right with FSRS's own recall chance (harder
    zones less often, near misses on the map), at a pace that grows quicker with practice."""
    rng = random.Random(seed)
    end = time.time() if end is None else end
    clock = [end - days * DAY]
    scheduler = Scheduler(log.states(), log=log, clock=lambda: clock[0], rng=rng)
    cards = cards_for(atlas, QuizOptions(kinds=("find", "name", "technique", "claim")))
    views = [v.id for v in atlas.views]
    knack = {z.id: rng.uniform(-0.25, 0.1) for z in atlas.zones}  # some zones are harder
    for day in range(days):
        clock[0] = end - (days - day) * DAY + rng.uniform(8, 12) * 3600
        if rng.random() < 0.15:
            continue  # a day off
        scheduler.reload()  # pace and states as saved, as at the start of a round
        for card in scheduler.pick(cards, per_day + rng.randint(-10, 10)):
            state = scheduler.state(card)
            question = make_question(atlas, card, views, rng)
            recall = state.retrievability(clock[0]) if state.seen else 0.55
            chance = min(0.98, max(0.05, recall + knack[card.zone_id]))
            right = rng.random() < chance
            close = not right and card.kind == "find" and rng.random() < 0.3
            practice = min(1.0, state.seen / 8)  # up to a third quicker with practice
            seconds = PACE[card.kind] * (1 - practice / 3) * rng.lognormvariate(0, 0.45)
            seconds *= 1.0 if right else 1.6
            scheduler.record(card, right, close=close, seconds=round(seconds, 2), view=question.view_id)
            clock[0] += seconds + 3


def fill(path: Path, atlas: Atlas, reviews: int, seed: int = 2) -> None:
    """A review log of `reviews` reviews over a year, written in one transaction (fast)."""
    log = ReviewLog(path)
    rng = random.Random(seed)
    cards = [c.key for c in cards_for(atlas, QuizOptions(kinds=("find", "name", "technique", "claim")))]
    start = time.time() - 365 * DAY
    rows = []
    for i in range(reviews):
        correct = rng.random() < 0.8
        close = not correct and rng.random() < 0.3
        rows.append(
            (
                start + i * 365 * DAY / reviews,
                rng.choice(cards),
                rating_for(correct, close, 8.0),
                int(correct),
                int(close),
                8.0,
                "",
            )
        )
    conn = log.conn
    conn.execute("BEGIN IMMEDIATE")
    conn.executemany(
        "INSERT INTO reviews (time, card, rating, correct, close, seconds, clicked)"
        " VALUES (?, ?, ?, ?, ?, ?, ?)",
        rows,
    )
    conn.execute("COMMIT")
    log.close()
    simulate(ReviewLog(path), atlas, days=3, per_day=40)  # real card states on top


def answer_ms(path: Path, atlas: Atlas, answers: int) -> list[float]:
    """From the answer to its commit on the disk (FSRS + one transaction with fsync), each."""
    log = ReviewLog(path)
    scheduler = Scheduler(log.states(), log=log)
    cards = cards_for(atlas, QuizOptions(kinds=("find", "name")))
    samples = []
    for i in range(answers):
        card = cards[i % len(cards)]
        began = time.perf_counter()
        scheduler.record(card, i % 4 != 0, seconds=6.0, clicked=(card.zone_id,))
        samples.append((time.perf_counter() - began) * 1000)
    assert not scheduler.unsaved, scheduler.unsaved
    log.close()
    return samples


def statistics_open_ms(path: Path, atlas: Atlas, runs: int) -> list[float]:
    """Quiz → Statistics…: the figures computed and the window shown and painted."""
    from PySide6.QtWidgets import QApplication

    from reflexmap.ui.statistics import StatisticsWindow

    app = QApplication.instance() or QApplication([])
    log = ReviewLog(path)
    samples = []
    for _ in range(runs):
        began = time.perf_counter()
        window = StatisticsWindow(log, atlas)
        window.show()
        window.grab()  # painted
        samples.append((time.perf_counter() - began) * 1000)
        window.close()
        window.deleteLater()
        app.processEvents()
    log.close()
    return samples


def measure(atlas: Atlas, reviews: int, runs: int, work: Path | None = None) -> dict[str, list[float]]:
    """In `work` (on the disk the benchmarks use), so that the fsync at each answer is real."""
    if work is not None:
        work.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=work) as folder:
        path = Path(folder) / "reviews.sqlite3"
        fill(path, atlas, reviews)
        count = sqlite3.connect(path).execute("SELECT count(*) FROM reviews").fetchone()[0]
        return {
            "reviews": [float(count)],
            "answer_ms": answer_ms(path, atlas, max(50, runs * 30)),
            "statistics_ms": statistics_open_ms(path, atlas, max(3, runs)),
        }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.learning")
    parser.add_argument("folder")
    parser.add_argument("--days", type=int, default=30)
    parser.add_argument("--per-day", type=int, default=40)
    args = parser.parse_args(argv)
    from reflexmap import load_atlas

    atlas = load_atlas()
    log = ReviewLog(Path(args.folder) / "reviews.sqlite3")
    simulate(log, atlas, args.days, args.per_day)
    print(json.dumps({"reviews": log.count(), "cards": len(log.states())}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
