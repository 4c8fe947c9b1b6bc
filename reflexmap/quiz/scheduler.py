"""Spaced repetition per card with FSRS (the `fsrs` package, the scheduler Anki offers).

Each answer becomes an FSRS rating: right → Good, right and fast → Easy, a near miss (within
the closeness tolerance) → Hard, wrong → Again. "Fast" is measured against the student's own
pace (`easy_seconds`): clicking a zone and reading four claims take different times, and so do
different students, so a fixed number of seconds would make Easy either rare or the rule.
FSRS keeps a memory model per card (stability, difficulty) and sets the next review so that the
chance of still knowing the card then is the desired retention (chosen per profile, 0.9 by
default). Fuzzing is off: with an injected clock and
random generator a scheduler is fully deterministic.

A scheduler with a review log (`reviewlog.ReviewLog`) saves every answer there, in one
transaction that also reads the card's latest state, so that two windows or processes
answering at once build on each other's answers instead of overwriting them.
"""

from __future__ import annotations

import math
import random
import sqlite3
import statistics
import time
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass, fields, replace
from datetime import UTC, datetime
from typing import TYPE_CHECKING

import fsrs

from .cards import Card
from .pending import PendingAnswer, rename_files, renamed

if TYPE_CHECKING:
    from pathlib import Path

    from .reviewlog import ReviewLog

DAY = 86_400.0
DEFAULT_RETENTION = 0.9
MIN_RETENTION, MAX_RETENTION = 0.7, 0.97  # above 0.97 reviews come very often for little gain
FAST_SECONDS = 4.0  # a right answer this quick is rated Easy, until the student's pace is known
# Once PACE_MIN right answers of a kind are logged, Easy means quicker than EASY_SHARE of the
# median of the latest PACE_ANSWERS right answers of that kind, within EASY_RANGE seconds: about
# the quickest fifth of a student's right answers (answer times spread roughly log-normally).
EASY_SHARE = 0.6
EASY_RANGE = (1.5, 8.0)
PACE_ANSWERS = 200
PACE_MIN = 20
MASTERED_DAYS = 90.0  # a memory that lasts this long (FSRS stability) counts as mastered
# FSRS's bounds of its memory model: a stored state outside them is not one it made.
STABILITY_MIN = fsrs.scheduler.STABILITY_MIN  # days
MIN_DIFFICULTY, MAX_DIFFICULTY = fsrs.scheduler.MIN_DIFFICULTY, fsrs.scheduler.MAX_DIFFICULTY

AGAIN, HARD, GOOD, EASY = (
    int(r) for r in (fsrs.Rating.Again, fsrs.Rating.Hard, fsrs.Rating.Good, fsrs.Rating.Easy)
)
RATING_NAMES = {AGAIN: "again", HARD: "hard", GOOD: "good", EASY: "easy"}


def is_busy(exc: sqlite3.Error) -> bool:
    """Whether SQLite gave up waiting for another connection's lock."""
    code = getattr(exc, "sqlite_errorcode", None)
    if code is not None:
        return code & 0xFF in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED)
    return "locked" in str(exc) or "busy" in str(exc)


def rating_for(
    correct: bool, close: bool = False, seconds: float | None = None, fast: float = FAST_SECONDS
) -> int:
    """The FSRS rating of one answer; a right one within `fast` seconds is Easy."""
    if correct:
        return EASY if seconds is not None and 0 <= seconds <= fast else GOOD
    return HARD if close else AGAIN


def easy_seconds(right_seconds: list[float]) -> float:
    """The Easy threshold for a student whose recent right answers (of one kind) took
    `right_seconds`: EASY_SHARE of their median, within EASY_RANGE; FAST_SECONDS while there
    are fewer than PACE_MIN of them."""
    times = [t for t in right_seconds if math.isfinite(t) and t >= 0][:PACE_ANSWERS]
    if len(times) < PACE_MIN:
        return FAST_SECONDS
    low, high = EASY_RANGE
    return min(high, max(low, EASY_SHARE * statistics.median(times)))


def is_retention(value: object) -> bool:
    return (
        isinstance(value, (int, float))
        and not isinstance(value, bool)
        and MIN_RETENTION <= value <= MAX_RETENTION
    )


def _utc(epoch: float) -> datetime:
    return datetime.fromtimestamp(epoch, UTC)


@dataclass(slots=True)
class CardState:
    """What is known about one card: counts, the last answer, and FSRS's memory model."""

    due: float = 0.0  # epoch seconds
    seen: int = 0
    right: int = 0
    wrong: int = 0
    last_seen: float = 0.0
    last_right: bool = True
    phase: int = int(fsrs.State.Learning)  # FSRS: 1 learning, 2 review, 3 relearning
    step: int | None = 0
    stability: float | None = None  # days
    difficulty: float | None = None  # 1..10

    def to_json(self) -> dict:
        # every field a plain number or None: no deep copy (asdict's took 0.1 ms a card, most
        # of an import of 300,000 cards' 42 s)
        return {name: getattr(self, name) for name in self.__slots__}  # type: ignore[attr-defined]

    @classmethod
    def from_json(cls, data: dict) -> CardState:
        return cls(**{f.name: data[f.name] for f in fields(cls) if f.name in data})

    def fsrs_card(self) -> fsrs.Card:
        return fsrs.Card(
            card_id=0,  # without an id the package sleeps a millisecond to invent one
            state=fsrs.State(self.phase),
            step=self.step,
            stability=self.stability,
            difficulty=self.difficulty,
            due=_utc(self.due),
            last_review=_utc(self.last_seen) if self.seen else None,
        )

    def retrievability(self, at: float) -> float:
        """FSRS's chance of recalling the card at `at` (0 if never answered)."""
        if not self.seen or not self.stability:
            return 0.0
        elapsed = max(0.0, at - self.last_seen) / DAY
        return (1 + FACTOR * elapsed / self.stability) ** DECAY

    def mastery(self, now: float) -> float:
        """0 (new, never answered right, or forgotten) .. 1 (a memory lasting three months,
        still fresh): how long the memory lasts (stability, on a log scale up to MASTERED_DAYS)
        times the chance of recalling the card now. FSRS gives a card answered only wrongly a
        stability too (a few hours) and so a chance of recall: mastery from that read "Abdomen
        1 %" after two wrong answers; nothing has been learned until an answer was right."""
        if not self.seen or not self.stability or self.right <= 0:
            return 0.0
        lasting = min(1.0, math.log1p(self.stability) / math.log1p(MASTERED_DAYS))
        return lasting * self.retrievability(now)


DECAY = -fsrs.Scheduler().parameters[20]
FACTOR = 0.9 ** (1 / DECAY) - 1


class Scheduler:
    def __init__(
        self,
        states: dict[str, CardState] | None = None,
        *,
        clock: Callable[[], float] = time.time,
        rng: random.Random | None = None,
        retention: float = DEFAULT_RETENTION,
        log: ReviewLog | None = None,
        wait_ms: int | None = None,
        spares: tuple[Path, ...] = (),
    ):
        """`wait_ms`: how long an answer waits for another writer's lock on the log before it
        is kept in `pending` instead (the window: a moment; None: the log's busy timeout).
        `spares`: folders where answers that cannot be written by closing time are kept when
        the log's own folder cannot take them (pending.py), and read back from."""
        self.states: dict[str, CardState] = states if states is not None else {}
        self.clock = clock
        self.rng = rng or random.Random()
        self.log = log
        self.wait_ms = wait_ms
        self.unsaved: list[str] = []  # why answers could not be written yet, for the window to say
        self.spares = tuple(spares)
        self.pending: list[PendingAnswer] = []  # answers waiting for the log's lock, in order
        self.renames_waiting = False  # a rename of zones waits in a file for the log (pending.py)
        self._pace: dict[str, float] = {}  # question kind -> Easy threshold, from the log
        self.set_retention(retention)
        if log is not None and log.writable:  # answers a window closed on while the log was locked
            self.renames_waiting = bool(rename_files(log.path, self.spares))
            if self.renames_waiting:
                self._renamed()  # before the answers waiting in files are read
            self.pending = log.waiting_answers(self.spares)
            self._replay_pending()
            self.save_pending()

    def set_retention(self, retention: float) -> None:
        """The desired retention for the next answers (cards keep the due dates they have);
        an impossible value means the default."""
        if not is_retention(retention):
            retention = DEFAULT_RETENTION
        self.retention = float(retention)
        self._fsrs = fsrs.Scheduler(desired_retention=self.retention, enable_fuzzing=False)

    def reload(self) -> bool:
        """Card states and pace as saved, with other windows' answers (before a round), and
        this window's answers that wait to be saved on top. False when another program holds
        the log locked (past `wait_ms`): what this window knows stays."""
        self._pace.clear()
        if self.log is not None:
            if self.log.locked and not self.log.reopen(self.wait_ms):
                return False
            self.save_pending()
            try:
                states = self.log.states()
            except sqlite3.OperationalError as exc:
                if not is_busy(exc):
                    raise
                return False
            self.states = states
            self._replay_pending()
        return True

    def _replay_pending(self) -> None:
        for answer in self.pending:
            self.states[answer.card] = self.advance(
                self.states.get(answer.card), answer.rating, answer.time, answer.correct
            )

    def save_pending(self) -> int:
        """Write the answers that wait, oldest first, as far as the lock lets; returns how many
        still wait. An answer is taken off the queue only once its transaction has committed."""
        written: set[str] = set()
        was_locked = self.log is not None and self.log.locked
        if self.renames_waiting and not self._renamed():
            return len(self.pending)  # answers given since go in after the rename
        while self.pending and self.log is not None and self.log.writable:
            answer = self.pending[0]
            try:
                state = self.log.record(
                    answer.card,
                    lambda previous, a=answer: self.advance(previous, a.rating, a.time, a.correct),
                    now=answer.time,
                    rating=answer.rating,
                    correct=answer.correct,
                    close=answer.close,
                    seconds=answer.seconds,
                    clicked=answer.clicked,
                    view=answer.view,
                    wait_ms=self.wait_ms,
                    once=answer.once,
                )
            except sqlite3.OperationalError as exc:
                if not is_busy(exc):
                    self._not_saved(exc)
                break  # still locked (or full, or read-only): it waits and is tried again later
            except (sqlite3.Error, OSError) as exc:  # a full disk: the lesson goes on; it waits
                self._not_saved(exc)
                break
            self.pending.pop(0)
            if answer.source:
                written.add(answer.source)
            if state is not None and not any(a.card == answer.card for a in self.pending):
                self.states[answer.card] = state  # with other windows' answers to it
        if written and self.log is not None:
            self.log.forget_waiting(written - {a.source for a in self.pending if a.source})
        if was_locked and self.log is not None and not self.log.locked:  # opened at last: as saved
            try:
                self.states = self.log.states()
            except sqlite3.OperationalError as exc:
                if not is_busy(exc):
                    raise
                return len(self.pending)  # taken again at once: read at the next reload
            self._replay_pending()
        return len(self.pending)

    def _renamed(self) -> bool:
        """The renames of zones that wait for the log, done (oldest first) if it is free;
        False while they still wait. The card states are read again after them."""
        if self.log is None or not self.log.writable:
            return False
        try:
            done = self.log.apply_waiting_renames(self.spares, self.wait_ms)
        except sqlite3.OperationalError as exc:
            if not is_busy(exc):
                self._not_saved(exc)
            return False
        except (sqlite3.Error, OSError) as exc:
            self._not_saved(exc)
            return False
        self.renames_waiting = False
        for rename in done:  # answers given before that chart was saved follow its zones
            self.pending = [
                renamed([a], rename.chart, rename.renames, rename.keep)[0] if a.time <= rename.time else a
                for a in self.pending
            ]
        if done:
            try:
                self.states = self.log.states()
            except sqlite3.OperationalError as exc:
                if not is_busy(exc):
                    raise
            self._replay_pending()
        return True

    def _not_saved(self, exc: BaseException) -> None:
        """An answer could not be written (a full disk, a folder made read-only): it stays
        first in the queue, and why is kept for the window to say."""
        from .pending import why

        self.unsaved.append(why(exc))

    def take(self, answers: list[PendingAnswer]) -> int:
        """Answers given elsewhere (another window of this process, a file the student saved
        when no folder could take them) join the queue, in order after those waiting, and
        count in the card states at once; returns how many still wait after a try to write
        them. Each keeps its id (if it has one), so an answer already in the log is not
        written again; the file it came from is not removed (it was the student's choice)."""
        for answer in answers:
            self.states[answer.card] = self.advance(
                self.states.get(answer.card), answer.rating, answer.time, answer.correct
            )
        self.pending.extend(replace(answer, source=None) for answer in answers)
        left = self.save_pending()
        if left == 0 and self.log is not None:
            self.reload()  # as saved: an answer the log had already (its id) counts once here too
        return len(self.pending)

    def keep_pending(self) -> Path | None:
        """On closing: the answers that still wait (a lock, a full disk, a read-only folder)
        go to a file beside the log, or in a spare folder (written at the next open, each
        once). Returns the file, or None if none wait; raises OSError if no folder took them."""
        if self.save_pending() == 0 or self.log is None:
            return None
        target = self.log.keep_waiting(self.pending, self.spares)
        self.pending = []
        return target

    def easy_seconds(self, kind: str) -> float:
        """How quick a right answer to a question of `kind` must be to count as Easy."""
        if kind not in self._pace:
            recent = self.log.right_answer_seconds(kind, PACE_ANSWERS) if self.log is not None else []
            self._pace[kind] = easy_seconds(recent)
        return self._pace[kind]

    def state(self, card: Card) -> CardState:
        return self.states.get(card.key) or CardState()

    def advance(self, previous: CardState | None, rating: int, now: float, correct: bool) -> CardState:
        """The card's state after an answer rated `rating` at `now` (pure: `previous` is untouched)."""
        state = CardState(**asdict(previous)) if previous is not None else CardState(due=now)
        memory, _log = self._fsrs.review_card(
            state.fsrs_card(), fsrs.Rating(rating), review_datetime=_utc(now)
        )
        state.seen += 1
        state.last_seen = now
        state.last_right = correct
        if correct:
            state.right += 1
        else:
            state.wrong += 1
        state.phase = int(memory.state)
        state.step = memory.step
        state.stability = memory.stability
        state.difficulty = memory.difficulty
        state.due = memory.due.timestamp()
        return state

    def record(
        self,
        card: Card,
        correct: bool,
        *,
        close: bool = False,
        seconds: float | None = None,
        clicked: tuple[str, ...] = (),
        view: str = "",
    ) -> CardState:
        """Rate an answer, update the card and, with a review log, save both in one transaction.
        `view`: where the question was shown (its foot counts for the statistics)."""
        now = self.clock()
        rating = rating_for(correct, close, seconds, self.easy_seconds(card.kind))
        state = self.advance(self.states.get(card.key), rating, now, correct)
        self.states[card.key] = state
        if self.log is not None and (self.log.writable or self.log.keeps_answers):
            self.pending.append(
                PendingAnswer(card.key, now, rating, correct, close, seconds, tuple(clicked), view)
            )
            self.save_pending()  # the ones before it first: the log keeps the order given
        return self.states[card.key]

    def pick(self, cards: Iterable[Card], count: int) -> list[Card]:
        """The `count` cards to ask now: overdue first (oldest due first), then new cards,
        then the ones due soonest. Ties are shuffled by the scheduler's random generator."""
        now = self.clock()
        overdue, new, later = [], [], []
        for card in cards:
            state = self.states.get(card.key)
            if state is None or not state.seen:
                new.append(card)
            elif state.due <= now:
                overdue.append((state.due, self.rng.random(), card))
            else:
                later.append((state.due, self.rng.random(), card))
        self.rng.shuffle(new)
        ordered = [c for *_, c in sorted(overdue, key=lambda t: t[:2])] + new
        ordered += [c for *_, c in sorted(later, key=lambda t: t[:2])]
        return ordered[:count]

    def missed_elsewhere(self, chart_id: str, zone_ids: Iterable[str]) -> int:
        """How many zones of the chart `chart_id`, none of `zone_ids` (the chart's zones now),
        were last answered wrong: missed, then deleted or renamed in the chart."""
        prefix = chart_id + ":"
        missed = {
            key[len(prefix) :].rsplit(":", 1)[0]
            for key, state in self.states.items()
            if key.startswith(prefix) and state.seen and not state.last_right
        }
        return len(missed - set(zone_ids))

    def mistakes(self, cards: Iterable[Card]) -> list[Card]:
        """Cards whose last answer was wrong, most recently missed first."""
        missed = [(self.states[c.key].last_seen, c) for c in cards if c.key in self.states]
        missed = [(t, c) for t, c in missed if not self.states[c.key].last_right]
        return [c for _, c in sorted(missed, key=lambda t: -t[0])]
