"""What still reads in a damaged review log, taken into the fresh one that replaces it (built
on the newest sound backup, or empty): the answers, card records and stored choices that read
back whole and are ones ReflexMap writes (log_records' bounds, reviewlog.read_state). A damaged
page is passed over alone: rows are read by id in small ranges, and a range that cannot be read
is read again row by row, so that one bad page loses only the rows on it. A row that reads but
is not valid (a log cut short reads as rows of zeros) is left out, never taken as an answer.
Qt-free; Python's sqlite3 only."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from .log_records import answer_problem
from .scheduler import CardState

CHUNK = 256  # rows read at once; a range that fails is read again row by row
MAX_ROWS = 10_000_000  # ids looked at, at most (a damaged max(id) may read as anything)
GIVE_UP = 64  # ranges in a row with nothing readable past the last row found: the end
MAX_TEXT = 1000  # a card's, a view's, a stored choice's characters
SALVAGED_PREFIX = "salvaged:"  # meta keys: what each salvage found, for the statistics


@dataclass
class Salvaged:
    """What a salvage found in the damaged log and took into the fresh one."""

    answers_read: int = 0  # answers that read back whole and valid
    answers_added: int = 0  # of them, those the backup did not have
    answers_lost: int = 0  # rows that could not be read, or read as no answer, and no backup has
    cards: int = 0  # card records taken (newer than the backup's)
    cards_left_out: int = 0  # card records that could not be read or were not valid

    def to_json(self) -> dict:
        return {
            "answers_read": self.answers_read,
            "answers_added": self.answers_added,
            "answers_lost": self.answers_lost,
            "cards": self.cards,
            "cards_left_out": self.cards_left_out,
        }


def _rows(conn: sqlite3.Connection, table: str, columns: str) -> tuple[list[tuple], list[int]]:
    """Every row of `table` (its rowid first) that reads, and the rowids that could not be
    read (those on a damaged page)."""
    try:
        if not conn.execute(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (table,)
        ).fetchone():
            return [], []  # (another program's database: nothing of ours in it)
    except sqlite3.Error:
        return [], []  # the schema cannot be read: no row can
    try:
        top = conn.execute(f"SELECT max(rowid) FROM {table}").fetchone()[0]  # noqa: S608
    except sqlite3.Error:
        top = None
    if not isinstance(top, int) or isinstance(top, bool) or not 0 <= top <= MAX_ROWS:
        top = None
    found: list[tuple] = []
    failed: list[int] = []
    start, empty = 1, 0
    query = f"SELECT rowid, {columns} FROM {table} WHERE rowid BETWEEN ? AND ?"  # noqa: S608
    one = f"SELECT rowid, {columns} FROM {table} WHERE rowid = ?"  # (a range steps onto the next page)  # noqa: S608
    while start <= (top if top is not None else MAX_ROWS):
        end = start + CHUNK - 1
        try:
            chunk = conn.execute(query, (start, end)).fetchall()
        except sqlite3.Error:
            chunk = []
            for rowid in range(start, end + 1):
                try:
                    chunk += conn.execute(one, (rowid,)).fetchall()
                except sqlite3.Error:
                    failed.append(rowid)
        found += chunk
        if top is None:  # the end unknown: past the last row found, a run of empty ranges ends it
            empty = 0 if chunk else empty + 1
            if empty >= GIVE_UP:
                break
        start = end + 1
    if top is None and failed:  # ids past the last row read are no rows lost
        last = max((row[0] for row in found), default=0)
        failed = [rowid for rowid in failed if rowid <= last]
    return found, failed


def _card_name(card: object) -> bool:
    return isinstance(card, str) and 0 < len(card) <= MAX_TEXT and card.count(":") >= 2 and "\0" not in card


def salvage(
    damaged: Path,
    conn: sqlite3.Connection,
    read_state: Callable[[object], CardState | Callable[[], str]],
    *,
    max_clicked: int,
    max_view: int,
) -> Salvaged:
    """Take what reads of `damaged` (opened read-only) into the log `conn` (at SCHEMA, in one
    transaction of the caller's): card records as `read_state` reads them, zones clicked and
    view ids within the log's bounds. The answers the log has already (the backup it was
    built on: the same id, time and card) are not added twice."""
    found = Salvaged()
    wal, shm = Path(str(damaged) + "-wal"), Path(str(damaged) + "-shm")
    had_shm = shm.exists()
    # with no WAL beside it, read as it is (immutable: no index file made beside it); with one,
    # SQLite needs an index (-shm) to read it: made, and removed after
    mode = "ro" if wal.exists() else "ro&immutable=1"
    try:
        source = sqlite3.connect(f"{damaged.resolve().as_uri()}?mode={mode}", uri=True, isolation_level=None)
    except sqlite3.Error:
        return found
    try:
        try:
            names = {row[1] for row in source.execute("PRAGMA table_info(reviews)")}
        except sqlite3.Error:
            names = set()
        view = "view" if "view" in names else "''"
        if {"time", "card", "rating", "correct", "close", "seconds", "clicked"} <= names:
            rows, failed = _rows(
                source, "reviews", f"time, card, rating, correct, close, seconds, clicked, {view}"
            )
            for rowid, when, card, rating, correct, close, seconds, clicked, seen_in in rows:
                if (
                    answer_problem(when, card, rating, correct, close, seconds) is not None
                    or not _card_name(card)
                    or not (isinstance(rowid, int) and 0 < rowid <= MAX_ROWS)
                    or not when  # a row of zeros (a log cut short): no answer was given at 1970
                    or not isinstance(clicked, str)
                    or not isinstance(seen_in, str)
                ):
                    failed.append(rowid)
                    continue
                found.answers_read += 1
                had = conn.execute("SELECT time, card FROM reviews WHERE id = ?", (rowid,)).fetchone()
                if had == (when, card):
                    continue  # in the backup
                zones = " ".join(clicked[:MAX_TEXT].split(" ")[:max_clicked])
                conn.execute(
                    "INSERT INTO reviews (id, time, card, rating, correct, close, seconds, clicked, view)"
                    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (
                        None if had else rowid,
                        when,
                        card,
                        rating,
                        correct,
                        close,
                        seconds,
                        zones,
                        seen_in[:max_view],
                    ),
                )
                found.answers_added += 1
            # lost: the ids up to the last one seen (ReflexMap never deletes an answer) that
            # did not read back whole and are not in the log now (from the backup) either
            ids = [
                i for i in (*(row[0] for row in rows), *failed) if isinstance(i, int) and 0 < i <= MAX_ROWS
            ]
            top = max(ids, default=0)
            kept = conn.execute("SELECT count(*) FROM reviews WHERE id BETWEEN 1 AND ?", (top,)).fetchone()[0]
            found.answers_lost = max(0, top - kept)
        try:
            rows, failed = _rows(source, "cards", "card, state")
        except sqlite3.Error:
            rows, failed = [], []
        found.cards_left_out = len(failed)
        since_backup = 0  # answers given since the backup, as the cards' counts tell them
        for _rowid, card, raw in rows:
            state = read_state(raw)
            if not _card_name(card) or not isinstance(state, CardState):
                found.cards_left_out += 1
                continue
            had = conn.execute("SELECT state FROM cards WHERE card = ?", (card,)).fetchone()
            older = read_state(had[0]) if had else None
            since_backup += max(0, state.seen - (older.seen if isinstance(older, CardState) else 0))
            if isinstance(older, CardState) and older.last_seen > state.last_seen:
                continue  # the backup's is newer (it cannot be, but a clock may have gone back)
            conn.execute(
                "INSERT INTO cards (card, due, state) VALUES (?, ?, ?)"
                " ON CONFLICT(card) DO UPDATE SET due = excluded.due, state = excluded.state",
                (card, state.due, json.dumps(state.to_json())),
            )
            found.cards += 1
        # the end of a log cut short is no rows at all: the cards' counts say how many there were
        found.answers_lost = max(found.answers_lost, since_backup - found.answers_added)
        try:
            rows, _failed = _rows(source, "meta", "key, value")
        except sqlite3.Error:
            rows = []
        for _rowid, key, value in rows:
            if (
                isinstance(key, str)
                and isinstance(value, str)
                and 0 < len(key) <= MAX_TEXT
                and len(value) <= MAX_TEXT
            ):
                conn.execute("INSERT OR IGNORE INTO meta (key, value) VALUES (?, ?)", (key, value))
    finally:
        source.close()
        if not had_shm:
            shm.unlink(missing_ok=True)
    return found
