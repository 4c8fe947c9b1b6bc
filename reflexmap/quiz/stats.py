"""Statistics from the review log, Qt-free: cards due today and in the next days, reviews per
day, retention over time, mastery per body region and per foot, and the hardest zones (the
largest share of answers missed or nearly missed).

Every figure has one scope: the zones the chart has now. Answers to zones since deleted from
the chart (or renamed by hand outside the editor) are left out of all of them alike, and counted
apart (`left_out`) so that the window can say so.

The figures per day and per foot are computed in SQL over the last days of the review log
(indexed by time); the figures per card (answers, misses, due dates, mastery) come from the card
states stored beside the log, which count every answer in the same transaction that logs it. So
opening the statistics reads a month of reviews and one row per card, however long the log:
a year of study (100,000 reviews) is summed in milliseconds. Days are local calendar days.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass, field
from itertools import compress
from operator import is_not
from pathlib import Path

from ..atlas import Atlas
from . import log_records
from .cards import KINDS
from .reviewlog import MAX_ANSWER_SECONDS, MAX_TIME, ReviewLog, parse_state
from .scheduler import PACE_ANSWERS, PACE_MIN, CardState, easy_seconds

DAYS_AHEAD = 30
DAYS_BACK = 30
HARDEST = 8


@dataclass(slots=True)
class Hard:
    zone_id: str
    difficulty: float  # FSRS difficulty, 1 (easy) .. 10 (hard), mean over the zone's cards: breaks ties
    missed: int  # Again or Hard answers
    reviews: int


@dataclass(slots=True)
class Statistics:
    today: dt.date
    due: list[int]  # due[0]: due today (overdue included); due[i]: i days from today
    reviews: list[int]  # per day, oldest first; the last is today
    retention: list[float | None]  # right answers as a share of reviews, per day; None: no reviews
    total_reviews: int = 0
    cards_seen: int = 0
    mastery_by_region: dict[str, float] = field(default_factory=dict)  # unseen cards count as 0
    mastery_by_foot: dict[str, float] = field(default_factory=dict)
    # foot -> (right, answers) to questions shown on that foot in the last `back` days
    answers_by_foot: dict[str, tuple[int, int]] = field(default_factory=dict)
    hardest: list[Hard] = field(default_factory=list)
    # question kind -> the Easy threshold in seconds, for the kinds whose pace is known
    easy_seconds: dict[str, float] = field(default_factory=dict)
    zones: int = 0  # the chart's zones: the scope of every figure above
    left_out: int = 0  # answers to this chart's zones it no longer has, counted in no figure
    # rows of the review log's answers that are not ones ReflexMap wrote (a rating of 9, a time
    # in text), counted in no figure: (row id, its time, why), and the log's file
    unreadable: list[tuple[int, object, Callable[[], str]]] = field(default_factory=list)
    database: Path | None = None
    # each salvage of a damaged log (ReviewLog.salvages): its file, when, the answers lost
    salvaged: list[dict] = field(default_factory=list)

    def days_back(self) -> list[dt.date]:
        return [self.today - dt.timedelta(days=len(self.reviews) - 1 - i) for i in range(len(self.reviews))]


# An answer as ReflexMap writes it (log_records.answer_problem, said in SQL): the rows counted
# per day and per foot. The others are left out of every figure, and listed (`_unreadable`).
_READABLE = (
    "typeof(time) IN ('integer', 'real') AND typeof(card) = 'text' AND rating IN (1, 2, 3, 4)"
    " AND correct IN (0, 1) AND close IN (0, 1) AND (seconds IS NULL OR"
    " (typeof(seconds) IN ('integer', 'real') AND seconds >= 0 AND seconds <= ?))"
)


def _unreadable(
    conn: sqlite3.Connection, prefix: str, start: float, end: float
) -> list[tuple[int, object, Callable[[], str]]]:
    """The rows of `prefix`'s cards (or of no card that is a text) that would count in the
    figures of the days from `start` to `end`, or have a time that is none, and are not answers
    ReflexMap wrote: each one's id, time and why. (By the time index: the last days' rows, and
    those with a time no day has, which sort below 0 or above every number.)"""
    bad = []
    for row, when, card, rating, correct, close, seconds in conn.execute(
        "SELECT id, time, card, rating, correct, close, seconds FROM reviews"
        " WHERE (time >= ? AND time < ? OR time < 0 OR time > ? OR time IS NULL)"
        " AND (typeof(card) != 'text' OR substr(card, 1, ?) = ?) AND NOT (" + _READABLE + ")"
        " ORDER BY id",
        (start, end, MAX_TIME, len(prefix), prefix, MAX_ANSWER_SECONDS),
    ):
        why = log_records.answer_problem(
            when, card, rating, correct, close, seconds, max_time=MAX_TIME, max_seconds=MAX_ANSWER_SECONDS
        )
        if why is not None:
            bad.append((row, when, why))
    return bad


def _local_midnight(now: float) -> float:
    day = dt.datetime.fromtimestamp(now).date()
    return dt.datetime.combine(day, dt.time()).timestamp()


def read_alike(old: Atlas, new: Atlas) -> bool:
    """Whether the statistics read the same of both charts: their ids and titles, their views'
    feet, their zones' ids, names, regions and views. An edit that changes none of these (a
    vertex dragged, a claim typed) leaves every figure as it was. Zones that are the same
    objects (an edit makes new ones only for what it changed) are not looked into."""
    if old is new:
        return True
    if (old.id, old.title, len(old.zones)) != (new.id, new.title, len(new.zones)):
        return False
    if old.views is not new.views and [(v.id, v.foot) for v in old.views] != [
        (v.id, v.foot) for v in new.views
    ]:
        return False
    changed = compress(zip(old.zones, new.zones, strict=True), map(is_not, old.zones, new.zones))
    return all(
        a.id == b.id and a.name == b.name and a.region == b.region and a.shapes.keys() == b.shapes.keys()
        for a, b in changed
    )


def compute(
    log: ReviewLog,
    atlas: Atlas,
    now: float,
    *,
    ahead: int = DAYS_AHEAD,
    back: int = DAYS_BACK,
    states: dict[str, CardState] | None = None,
) -> Statistics:
    """Statistics of the cards of `atlas`'s zones as the chart has them now (the review log
    may hold other charts' too, and answers to zones since deleted)."""
    conn: sqlite3.Connection = log.conn
    today = dt.datetime.fromtimestamp(now).date()
    prefix = atlas.id + ":"
    start = dt.datetime.combine(today - dt.timedelta(days=back - 1), dt.time()).timestamp()
    reviews = [0] * back
    right = [0] * back
    first = today - dt.timedelta(days=back - 1)
    foot_of = {v.id: v.foot for v in atlas.views}
    zone_ids = {zone.id for zone in atlas.zones}
    answers_by_foot = {foot: (0, 0) for foot in sorted(set(foot_of.values()))}
    for day, view, card, count, correct in conn.execute(  # one pass over the last days
        "SELECT date(time, 'unixepoch', 'localtime') AS day, view, card, count(*), sum(correct = 1)"
        " FROM reviews WHERE time >= ? AND time < ? AND substr(card, 1, ?) = ? AND "
        + _READABLE
        + " GROUP BY day, view, card",
        (start, now + 86_400, len(prefix), prefix, MAX_ANSWER_SECONDS),  # (a time in the future:
    ):  # not a day of study)
        if not isinstance(card, str) or card[len(prefix) :].rsplit(":", 1)[0] not in zone_ids:
            continue  # a zone the chart no longer has: left out here as everywhere
        count, correct = int(count), int(correct or 0)
        foot = foot_of.get(view)
        if foot is not None:  # not '' (answered before the view was logged), nor a view gone
            had_right, had = answers_by_foot[foot]
            answers_by_foot[foot] = (had_right + correct, had + count)
        try:
            index = (dt.date.fromisoformat(day) - first).days
        except (TypeError, ValueError):
            continue
        if 0 <= index < back:
            reviews[index] += count
            right[index] += correct
    retention = [r / n if n else None for r, n in zip(right, reviews, strict=True)]
    if states is None:
        states = _card_states(conn, atlas.id)
    midnight = _local_midnight(now)
    due = [0] * ahead
    per_zone: dict[str, list[CardState]] = {}
    left_out = 0
    for key, state in states.items():
        if not key.startswith(prefix) or not state.seen:
            continue
        zone_id = key[len(prefix) :].rsplit(":", 1)[0]
        if zone_id not in zone_ids:
            left_out += state.seen
            continue
        per_zone.setdefault(zone_id, []).append(state)
        index = max(0, int((state.due - midnight) // 86_400))
        if index < ahead:
            due[index] += 1

    def zone_mastery(zone_id: str) -> float:
        cards = per_zone.get(zone_id, [])
        return sum(s.mastery(now) for s in cards) / len(cards) if cards else 0.0

    regions: dict[str, list[float]] = {}
    feet: dict[str, list[float]] = {}
    for zone in atlas.zones:
        value = zone_mastery(zone.id)
        regions.setdefault(zone.region, []).append(value)
        for foot in {foot_of[v] for v in zone.shapes if v in foot_of}:
            feet.setdefault(foot, []).append(value)
    hardest = []
    for zone_id, cards in per_zone.items():
        # Each card's state counts its answers as they are saved, in the same transaction as
        # the review (and an imported progress.json's counts): no need to scan the whole log.
        missed = sum(s.wrong for s in cards)  # not right: Again or Hard
        difficulties = [s.difficulty for s in cards if s.difficulty is not None]
        if missed and difficulties:
            answered = sum(s.seen for s in cards)
            hardest.append(Hard(zone_id, sum(difficulties) / len(difficulties), missed, answered))
    hardest.sort(key=lambda h: (-h.missed / max(1, h.reviews), -h.difficulty, h.zone_id))
    return Statistics(
        today=today,
        due=due,
        reviews=reviews,
        retention=retention,
        total_reviews=sum(s.seen for c in per_zone.values() for s in c),
        cards_seen=sum(len(c) for c in per_zone.values()),
        mastery_by_region={r: sum(v) / len(v) for r, v in regions.items()},
        mastery_by_foot={f: sum(v) / len(v) for f, v in sorted(feet.items())},
        answers_by_foot=answers_by_foot,
        hardest=hardest[:HARDEST],
        easy_seconds=pace(log),
        zones=len(zone_ids),
        left_out=left_out,
        unreadable=_unreadable(conn, prefix, start, now + 86_400),
        database=Path(log.path).absolute(),
        salvaged=log.salvages(),
    )


def _card_states(conn: sqlite3.Connection, chart_id: str) -> dict[str, CardState]:
    """The saved states of the cards of the chart `chart_id` (keys from "chart:" up to
    "chart;"); a state that does not read back is left out (the quiz says so as it opens)."""
    states = {}
    for card, raw in conn.execute(
        "SELECT card, state FROM cards WHERE card >= ? AND card < ?", (chart_id + ":", chart_id + ";")
    ):
        state = parse_state(raw)
        if state is not None:
            states[card] = state
    return states


@dataclass(frozen=True, slots=True)
class Unread:
    """The figures could not be read: `busy` (another program holds the log locked past the
    wait: try again later), else the log is damaged or unreadable, and `message` says what of
    which file, and what the app keeps."""

    busy: bool
    message: str = ""


class _OwnReading:
    """The review log's file read through a connection of its own: the figures are read in
    the window's background work while the window's connection may be writing an answer (one
    connection used by two threads waits for the other's statement)."""

    salvages = ReviewLog.salvages  # (both read only `conn`)
    right_answer_seconds = ReviewLog.right_answer_seconds

    def __init__(self, path: Path, conn: sqlite3.Connection):
        self.path, self.conn = path, conn


def read_figures(
    path: Path,
    atlas: Atlas,
    now: float,
    *,
    waiting: dict[str, CardState],
    memory: sqlite3.Connection | None = None,
    wait_ms: int = 2_000,
) -> Statistics | Unread:
    """The Statistics of `atlas` read from the review log at `path` (Qt-free: run in the
    window's background work, so that a log of 200,000 answers, a slow disk or another
    window's write never holds the window). `waiting`: the states of the cards whose answers
    wait to be saved (the log was locked), counted over the saved ones. `memory`: the window's
    own copy of a log in a folder that cannot be written (read there; nothing writes it).
    Another program's lock held past `wait_ms`, a damaged or unreadable file: an Unread that
    says so; the file is never changed here."""
    from .pending import why
    from .reviewlog import connect
    from .scheduler import is_busy

    conn = None
    try:
        conn = memory if memory is not None else connect(path, read_only=True, wait_ms=wait_ms)
        log = _OwnReading(path, conn)
        states = _card_states(conn, atlas.id)
        states.update({card: state for card, state in waiting.items() if card.startswith(atlas.id + ":")})
        return compute(log, atlas, now, states=states)  # type: ignore[arg-type]
    except sqlite3.Error as exc:
        if isinstance(exc, sqlite3.OperationalError) and is_busy(exc):
            return Unread(busy=True)
        return Unread(busy=False, message=_unreadable_log(path, why(exc)))
    except OSError as exc:  # (a special file in its place, a disk gone)
        return Unread(busy=False, message=_unreadable_log(path, why(exc)))
    finally:
        if conn is not None and conn is not memory:
            conn.close()


def _unreadable_log(path: Path, error: str) -> str:
    from ..i18n import _, isolated, shown_file

    return _(
        "The review log {file} could not be read: {error}. No figures are shown. Nothing in the "
        "file was changed: your answers are still saved in it, and ReflexMap checks it (setting "
        "a damaged file aside and keeping what still reads) the next time it starts."
    ).format(file=isolated(shown_file(Path(path).absolute())), error=error)


def pace(log: ReviewLog) -> dict[str, float]:
    """The Easy threshold per question kind, for the kinds with PACE_MIN right answers logged."""
    found = {}
    for kind in KINDS:
        recent = log.right_answer_seconds(kind, PACE_ANSWERS)
        if len(recent) >= PACE_MIN:
            found[kind] = easy_seconds(recent)
    return found
