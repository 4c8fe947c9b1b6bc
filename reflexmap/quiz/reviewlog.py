"""The review log: every answer a student gives, in an SQLite database, and each card's state
beside it. Qt-free; Python's sqlite3 only.

Safety, in order of what could go wrong:
- Two windows or processes answering at once: every answer is one `BEGIN IMMEDIATE`
  transaction that reads the card's latest state, derives the new one, appends the review and
  stores the state, then commits. Writers queue on SQLite's lock (busy_timeout), so none of
  them overwrites another's answers.
- A crash or power loss: WAL journal with `synchronous=FULL`, so a committed answer is on the
  disk before the next question is shown (NORMAL would be corruption-safe too, but could drop
  the last answers on power loss; an answer is worth the fsync of a few hundred bytes).
- A damaged file: `PRAGMA integrity_check` at open; a damaged database is set aside (renamed,
  never deleted; alone: an empty -wal and the -shm index are removed) and the newest sound
  backup restored, with what still reads of the damaged one (salvage.py), with a message.
- Backups with SQLite's online backup API, at most once a day and on exit, the newest
  KEEP_BACKUPS kept.
- A database from a newer ReflexMap (`PRAGMA user_version` above SCHEMA) is read if it can be,
  and never written to. An older one is upgraded in one transaction (MIGRATIONS), after a
  backup of it as it was.
- The old progress.json (format 1) is imported once, and then renamed, never deleted.
- A folder that cannot be written (a read-only mount, a read-only file): the database is
  read through a read-only connection (or as immutable, when its WAL index cannot be made;
  or from a private copy, when a -wal holds answers but its index is gone) into memory,
  brought up to SCHEMA there, and shown; nothing on disk is touched, and the student is told
  once that answers are not saved, and why.
"""

from __future__ import annotations

import contextlib
import json
import math
import os
import shutil
import sqlite3
import stat
import tempfile
import time
from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass, fields
from pathlib import Path

from .. import bounded_json
from ..i18n import _, format_count, isolated, ngettext, shown_file
from ..storage import copy_aside, version_said
from . import log_records, pending, salvage
from .pending import PendingAnswer
from .progress import MAX_KEY, LegacyCardState, Loaded, ProgressStore
from .scheduler import DAY, MAX_DIFFICULTY, MIN_DIFFICULTY, STABILITY_MIN, CardState

SCHEMA = 2  # 1: reviews, cards, meta; 2: each review's view (and so its foot)
KEEP_BACKUPS = 5
BACKUP_EVERY = DAY
BUSY_TIMEOUT_MS = 15_000
MAX_STATE_CHARS = 4096  # one card's stored state; ours are about 250
MAX_CLICKED = 8  # zone ids kept per answer
MAX_TIME = log_records.MAX_TIME  # epoch seconds: about the year 5138
MAX_ANSWER_SECONDS = log_records.MAX_ANSWER_SECONDS  # a question left open for a day is an answer
MAX_VIEW = 200  # a view id's characters
MAX_SETTING = 1000  # a stored choice's characters
PACE_WINDOW = 5000  # the latest answers in which the pace of each kind of question is sought
IMPORTED_KEY = "imported-progress-json"
ONCE_PREFIX = "answer:"  # meta keys of answers written from a file of waiting answers
RENAME_PREFIX = "rename:"  # meta keys of renames done from a file of waiting renames
LEGACY_STABILITY = {2: 1.0, 3: 3.0, 4: 7.0, 5: 21.0}  # Leitner box -> the wait after it, in days

CREATE = """
CREATE TABLE IF NOT EXISTS reviews (
    id INTEGER PRIMARY KEY,
    time REAL NOT NULL,            -- epoch seconds
    card TEXT NOT NULL,            -- chart:zone:kind
    rating INTEGER NOT NULL,       -- FSRS: 1 again, 2 hard, 3 good, 4 easy
    correct INTEGER NOT NULL,
    close INTEGER NOT NULL,
    seconds REAL,                  -- time to answer
    clicked TEXT NOT NULL DEFAULT '',  -- zone ids under the click, space-separated
    view TEXT NOT NULL DEFAULT ''      -- the view the question was shown in ('' before version 2)
);
CREATE INDEX IF NOT EXISTS reviews_by_time ON reviews(time);
CREATE TABLE IF NOT EXISTS cards (
    card TEXT PRIMARY KEY,
    due REAL NOT NULL,
    state TEXT NOT NULL            -- CardState as JSON
);
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
"""
# From each older version to the next: run in the same transaction as the new user_version.
MIGRATIONS = {
    1: ("ALTER TABLE reviews ADD COLUMN view TEXT NOT NULL DEFAULT ''",),
}


class ReadOnly(RuntimeError):
    """This database is not written to (it comes from a newer ReflexMap)."""


@dataclass(frozen=True, slots=True)
class Review:
    time: float
    card: str
    rating: int
    correct: bool
    close: bool
    seconds: float | None


# The files SQLite opens beside a database. A pipe, device or folder under one of these names
# would block SQLite's open() for ever (a pipe with no writer) or fail in a way that is taken
# for damage; they are refused before SQLite sees them.
COMPANIONS = ("-wal", "-shm", "-journal")


def special_file(path: Path) -> bool:
    """Whether `path` exists and is not a regular file (a pipe, device, socket or folder)."""
    try:
        return not stat.S_ISREG(os.stat(path).st_mode)
    except (OSError, ValueError):
        return False


def _refuse_special(path: Path) -> None:
    for name in (str(path), *(str(path) + suffix for suffix in COMPANIONS)):
        if special_file(Path(name)):
            raise sqlite3.DatabaseError(
                _("{file} is not a regular file").format(file="\u2068" + name + "\u2069")
            )


def connect(path: Path, *, read_only: bool = False, wait_ms: int | None = None) -> sqlite3.Connection:
    """A connection that waits `wait_ms` (None: BUSY_TIMEOUT_MS) for another's lock while it
    opens; from then on BUSY_TIMEOUT_MS (the caller of a write says how long it waits)."""
    _refuse_special(path)
    timeout = (BUSY_TIMEOUT_MS if wait_ms is None else max(0, wait_ms)) / 1000
    if read_only:
        conn = sqlite3.connect(
            f"{path.resolve().as_uri()}?mode=ro",
            uri=True,
            timeout=timeout,
            isolation_level=None,
            check_same_thread=False,  # (opened in the window's background work, used in the window)
        )
    else:
        conn = sqlite3.connect(path, timeout=timeout, isolation_level=None, check_same_thread=False)
    conn.execute(f"PRAGMA busy_timeout={round(timeout * 1000)}")
    return conn


def is_sound(path: Path, wait_ms: int | None = None) -> bool:
    """True if `path` is an SQLite database that passes integrity_check. A database that
    another process holds locked beyond the busy timeout, or that cannot be read because the
    disk is full (its index file cannot be made), is not called damaged: that error is raised,
    so that a sound database is never set aside."""
    try:
        conn = connect(path, read_only=True, wait_ms=wait_ms)
        try:
            return conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        finally:
            conn.close()
    except sqlite3.OperationalError as exc:
        if _busy(exc) or _full(exc):  # in use, or no room to read it: not damaged
            raise
        return False
    except sqlite3.Error:
        return False


def damaged_at_start(path: Path) -> bool:
    """True if the log at `path` fails SQLite's quick_check. Run in a thread of its own after
    the first paint (StartProblems): on 200,000 answers it takes 0.06 to 0.3 s, more from a
    cold disk, which the window must not wait for.

    How it is read depends on what is beside it, so that no answer is missed and a sound log
    is never called damaged:
    - nothing (the usual case: closed cleanly): the file alone is the log, read as immutable,
      so that no file is made beside it;
    - a -shm: read through it, read-only;
    - a -wal holding answers but no -shm (a copy, a crash, a tool that removed the index):
      read-only too, which reads the answers in the -wal (SQLite makes the -shm to do so, as
      the progress's first opening would); the file alone would miss them;
    - a -journal (left by a write that was cut off): the file alone may be half written; the
      cut-off write is rolled back first (roll_back_cut_off_write, as any opening would),
      which leaves the log as its last finished write left it, then it is checked.
    A log that another program holds locked is not waited for (False: the progress's first
    opening says it is in use, and checks it then); nor is one that is missing, not a regular
    file, or in a folder that cannot be written where reading needs a file made (ReviewLog
    says those)."""
    path = Path(path)
    wal, shm = Path(str(path) + "-wal"), Path(str(path) + "-shm")
    journal = Path(str(path) + "-journal")
    try:
        if not stat.S_ISREG(path.lstat().st_mode) or any(special_file(p) for p in (wal, shm, journal)):
            return False
        roll_back_cut_off_write(path, wait_ms=0)  # (a -journal: else the file alone is half written)
        if shm.exists() or _size(wal) > 0:
            conn = connect(path, read_only=True, wait_ms=0)
        else:
            conn = sqlite3.connect(f"{path.absolute().as_uri()}?immutable=1", uri=True, isolation_level=None)
        try:
            return conn.execute("PRAGMA quick_check").fetchall() != [("ok",)]
        finally:
            conn.close()
    except OSError:
        return False
    except sqlite3.OperationalError as exc:
        return not (_busy(exc) or _full(exc) or "unable to open" in str(exc))
    except sqlite3.Error:
        return True


def roll_back_cut_off_write(path: Path, wait_ms: int | None = None) -> None:
    """A -journal left beside the log by a write that was cut off (a crash, a power cut) is
    played back, as SQLite does at the first read of a connection that may write: the log is
    then as its last finished write left it. Read alone (read-only, as the check reads), the
    half-written file looked damaged and a sound log was set aside, with the cut-off write's
    answers salvaged as if given. Raises SQLite's busy error when another holds the log; a
    damaged log is left to the check that follows."""
    if _size(Path(str(path) + "-journal")) == 0:
        return
    conn = connect(path, wait_ms=wait_ms)
    try:
        conn.execute("PRAGMA schema_version").fetchone()
    except sqlite3.OperationalError as exc:
        if _busy(exc) or _full(exc):
            raise
    except sqlite3.DatabaseError:
        pass  # damaged: said by the check
    finally:
        conn.close()


def check_at_start(path: Path, *, damaged: bool | None = None) -> list[str]:
    """A log found damaged at start (damaged_at_start; `damaged`: already found so, in the
    start's thread) is opened as the progress opens it: set aside, the newest sound backup
    restored, what still reads salvaged; what was done, said. Nothing is said (or done) of a
    sound log, nor when it cannot be opened now (the first opening of the progress says that):
    one held locked by another program is not waited for (ReviewLog opens it `locked`)."""
    if not (damaged if damaged is not None else damaged_at_start(path)):
        return []
    try:
        log = ReviewLog(path, wait_ms=0)
    except (OSError, sqlite3.Error):
        return []
    try:
        return list(log.warnings)
    finally:
        log.close()


def _full(exc: sqlite3.Error) -> bool:
    """The disk is full (or fails): the log cannot be opened or written until there is room.
    A full disk shows as SQLITE_FULL, or as an I/O error when the index (-shm) file cannot be
    grown; neither says anything about the file itself."""
    code = getattr(exc, "sqlite_errorcode", None)
    return code is not None and code & 0xFF in (sqlite3.SQLITE_FULL, sqlite3.SQLITE_IOERR)


def _busy(exc: sqlite3.Error) -> bool:
    code = getattr(exc, "sqlite_errorcode", None)
    if code is not None:
        return code & 0xFF in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED)
    return "locked" in str(exc) or "busy" in str(exc)


class ReviewLog:
    def __init__(
        self,
        path: str | Path,
        *,
        clock: Callable[[], float] = time.time,
        wait_ms: int | None = None,
        spares: tuple[Path, ...] = (),
    ):
        """`wait_ms`: how long opening waits for a lock another program holds on the file
        (None: BUSY_TIMEOUT_MS, then the error). Given, a log held locked past it (another
        program's `PRAGMA locking_mode=EXCLUSIVE` holds its lock with no transaction), or on a
        disk too full to open it, opens `locked` (`unavailable` says why): empty in memory,
        nothing written there; each write tries to open the file again (waiting `wait_ms`)
        and raises SQLite's error while it cannot, so that answers wait in the scheduler's
        queue as they do for any other lock or a full disk."""
        self.path = Path(path)
        self.clock = clock
        self.warnings: list[str] = []
        self.writable = True
        self.keeps_answers = False  # read-only folder: answers wait to be kept elsewhere (not written)
        self.locked = False
        self._wait_ms = wait_ms
        self._spares = tuple(spares)  # where answers go when its folder cannot take them (named)
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        except OSError:
            if not _writable_parent(self.path.parent):  # a read-only mount: nothing to read yet
                self.conn = self._open_read_only()
                return
            raise
        self.unavailable: sqlite3.Error | None = None  # why it opened `locked`
        try:
            self.conn = self._open()
        except sqlite3.OperationalError as exc:
            if wait_ms is None or not (_busy(exc) or _full(exc)):
                raise
            self.locked, self.unavailable = True, exc
            self.conn = sqlite3.connect(":memory:", isolation_level=None, check_same_thread=False)
            _create_or_migrate(self.conn, 0)

    def _unlocked(self, wait_ms: int | None) -> None:
        """A log that opened `locked`: the file opened now, if its lock is free (else SQLite's
        busy error, after `wait_ms`)."""
        if not self.locked:
            return
        warnings, self.warnings = self.warnings, []
        saved_wait, self._wait_ms = self._wait_ms, wait_ms if wait_ms is not None else self._wait_ms
        try:
            conn = self._open()
        finally:
            self._wait_ms = saved_wait
            self.warnings = warnings + self.warnings
        conn.execute(f"PRAGMA busy_timeout={self._usual_wait_ms}")
        self.conn.close()
        self.conn, self.locked, self.unavailable = conn, False, None

    def reopen(self, wait_ms: int | None = None) -> bool:
        """A log that opened `locked`: opened now if it can be (waiting `wait_ms`); whether
        it is open."""
        try:
            self._unlocked(wait_ms)
        except sqlite3.OperationalError as exc:
            if not (_busy(exc) or _full(exc)):
                raise
        return not self.locked

    @property
    def backup_folder(self) -> Path:
        return self.path.parent / "backups"

    # --- opening ---------------------------------------------------------------------------
    def _open(self) -> sqlite3.Connection:
        self._set_aside_special_companions()
        if not self._can_write():
            return self._open_read_only()
        wait = self._wait_ms
        roll_back_cut_off_write(self.path, wait)  # else the file alone is checked: half written
        if self.path.exists() and not (is_sound(self.path, wait) and _is_ours(self.path, wait)):
            self._replace_damaged()  # damaged, or another program's tables: set aside, untouched
        conn = connect(self.path, wait_ms=wait)
        try:
            version = conn.execute("PRAGMA user_version").fetchone()[0]
        except sqlite3.DatabaseError:  # not a database at all, and integrity_check could not tell
            conn.close()
            self._replace_damaged()
            conn = connect(self.path)
            version = conn.execute("PRAGMA user_version").fetchone()[0]
        if version > SCHEMA:
            conn.close()
            self.writable = False
            self.warnings.append(
                _(
                    "{path} was written by a newer ReflexMap (database version {version}). It is "
                    "left as it is: answers in this session are not saved."
                ).format(path=isolated(shown_file(self.path.absolute())), version=version)
            )
            try:
                return connect(self.path, read_only=True)
            except sqlite3.Error:
                return sqlite3.connect(":memory:", isolation_level=None, check_same_thread=False)
        try:
            conn.execute("PRAGMA journal_mode=WAL")
            conn.execute("PRAGMA synchronous=FULL")
            if version < SCHEMA:
                self._upgrade(conn)
        except BaseException:
            conn.close()
            raise
        conn.execute(f"PRAGMA busy_timeout={self._usual_wait_ms}")
        return conn

    @property
    def _usual_wait_ms(self) -> int:
        """How long a read or a write that names no wait of its own waits for another's lock:
        the wait the log was opened with (a window must never freeze on another program's
        lock), else BUSY_TIMEOUT_MS."""
        return BUSY_TIMEOUT_MS if self._wait_ms is None else max(0, int(self._wait_ms))

    def _can_write(self) -> bool:
        folder = self.path.parent
        if not os.access(folder, os.W_OK):
            return False
        return not self.path.exists() or os.access(self.path, os.W_OK)

    def _open_read_only(self) -> sqlite3.Connection:
        """The database as it is on disk, copied into memory (and brought up to SCHEMA there):
        the heat map, the statistics and the quiz read it; nothing is written there. Answers
        given meanwhile wait (`keeps_answers`) and are kept in a file in a spare folder at
        closing (pending.py), written into the log at the first start that can write it."""
        self.writable = False
        self.keeps_answers = True
        spare = pending.spare_for(self._spares)
        folder = isolated(shown_file(self.path.parent.absolute()))
        if spare is not None:
            said = _(
                "The folder {folder} cannot be written: the progress saved in it is shown, and "
                "answers given in this session are kept in {spare} when ReflexMap closes, to be "
                "saved at the first start that can write it. Nothing in it is changed."
            ).format(folder=folder, spare=isolated(shown_file(spare.absolute())))
        else:  # (the window asks where to save them when it closes)
            said = _(
                "The folder {folder} cannot be written, and no other folder of ReflexMap's can "
                "either: the progress saved in it is shown; answers given in this session can be "
                "saved to a file you choose when ReflexMap closes. Nothing in it is changed."
            ).format(folder=folder)
        self.warnings.append(said)
        memory = sqlite3.connect(":memory:", isolation_level=None, check_same_thread=False)
        if self.path.exists():
            try:
                _snapshot_into(self.path, memory)
                sound = memory.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
            except (OSError, sqlite3.Error) as exc:  # (OSError: no room for the private copy)
                sound = False
                reason = pending.why(exc)
            else:
                reason = _("it is damaged")
            if not sound:
                memory.close()
                memory = sqlite3.connect(":memory:", isolation_level=None, check_same_thread=False)
                self.warnings.append(
                    _("{path} could not be read ({reason}); it is left as it is.").format(
                        path=isolated(shown_file(self.path.absolute())), reason=reason
                    )
                )
        version = memory.execute("PRAGMA user_version").fetchone()[0]
        if version > SCHEMA:
            self.warnings.append(
                _("{path} was written by a newer ReflexMap (database version {version}).").format(
                    path=self.path, version=version
                )
            )
        elif version < SCHEMA:
            _create_or_migrate(memory, version)
        return memory

    def _upgrade(self, conn: sqlite3.Connection) -> None:
        """Create the tables, or bring an older database up to SCHEMA, in one transaction.
        The version is read again under the write lock: another process may have just
        upgraded it."""
        conn.execute("BEGIN IMMEDIATE")
        try:
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            if 0 < version < SCHEMA:  # the database as it was, before it is changed
                try:  # read through a second connection: a writing one cannot be backed up
                    reader = connect(self.path, read_only=True)
                    try:
                        self._backup_from(reader, tag=f"v{version}")
                    finally:
                        reader.close()
                except (OSError, sqlite3.Error) as exc:
                    self.warnings.append(
                        _("No backup could be made before upgrading {path}: {error}").format(
                            path=self.path, error=pending.why(exc)
                        )
                    )
            _create_or_migrate(conn, version)
            conn.execute("COMMIT")
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise

    def _set_aside_special_companions(self) -> None:
        """A pipe, device or folder named like the log's -wal, -shm or -journal file is moved
        aside (with a message): the log itself is still read, without it."""
        stamp = time.strftime("%Y%m%d-%H%M%S")
        for suffix in COMPANIONS:
            part = Path(str(self.path) + suffix)
            if not special_file(part):
                continue
            aside = part.with_name(f"{part.name}.damaged-{stamp}")
            try:
                os.replace(part, aside)
            except OSError:
                continue  # left where it is: connect() refuses it, the log opens as damaged
            self.warnings.append(
                _("{file} was not a regular file; it was set aside as {aside}.").format(
                    file="\u2068" + part.name + "\u2069", aside="\u2068" + aside.name + "\u2069"
                )
            )

    def _replace_damaged(self) -> None:
        """Set the damaged database aside, alone, and put the newest sound backup in its place
        (or nothing: a fresh log), with what still reads of the damaged one (salvage.py)."""
        stamp = time.strftime("%Y%m%d-%H%M%S")
        aside = self.path.with_name(f"{self.path.name}.damaged-{stamp}")
        n = 1
        while aside.exists():
            n += 1
            aside = self.path.with_name(f"{self.path.name}.damaged-{stamp}-{n}")
        aside = aside.absolute()
        special = special_file(self.path)
        os.replace(self.path, aside)
        wal, shm = Path(str(self.path) + "-wal"), Path(str(self.path) + "-shm")
        if _size(wal) > 0:  # answers not yet copied into the log: they go with it
            os.replace(wal, str(aside) + "-wal")
        else:  # an empty one says nothing: left, it would belong to the fresh log
            with contextlib.suppress(OSError):
                wal.unlink(missing_ok=True)
        with contextlib.suppress(OSError):  # an index of the WAL (SQLite makes it again): of no log now
            shm.unlink(missing_ok=True)
        journal = Path(str(self.path) + "-journal")
        if _size(journal) > 0:  # a cut-off write's pages: they go with it, never onto the fresh log
            os.replace(journal, str(aside) + "-journal")
        if special:
            message = _(
                "The progress database {path} is not a regular file (a pipe, device or folder); it "
                "was set aside as {aside}."
            ).format(
                path=isolated(shown_file(self.path.absolute())),
                aside=isolated(shown_file(Path(aside).absolute())),
            )
            self.warnings.append(message + " " + self._restore_backup())
            return
        message = _("The progress database {path} is damaged; it was set aside as {aside}.").format(
            path=isolated(shown_file(self.path.absolute())), aside=isolated(shown_file(aside))
        )
        restored = self._restore_backup()
        try:
            found = self._salvage(aside)
        except (OSError, sqlite3.Error) as exc:  # the fresh log stays as the backup made it
            self.warnings.append(
                message
                + " "
                + restored
                + " "
                + _("Nothing could be taken from the damaged file: {error}").format(error=pending.why(exc))
            )
            return
        self.warnings.append(" ".join(part for part in (message, restored, _salvaged_said(found)) if part))

    def _restore_backup(self) -> str:
        """The newest sound backup copied into the log's place; what was done, said."""
        for backup in self.backups():
            if is_sound(backup):
                temporary = self.path.with_name(f".{self.path.name}.from-backup")
                shutil.copyfile(backup, temporary)
                with open(temporary, "rb+") as handle:
                    os.fsync(handle.fileno())
                os.replace(temporary, self.path)
                when = time.strftime("%Y-%m-%d %H:%M", time.localtime(backup.stat().st_mtime))
                return _("The backup of {time} ({backup}) was restored.").format(
                    time=when, backup=backup.absolute()
                )
        return _("There is no sound backup: starting with empty progress.")

    def _salvage(self, aside: Path) -> salvage.Salvaged:
        """What reads of the damaged log `aside`, taken into the log now in its place, in one
        transaction, with a record of it (for the statistics)."""
        conn = connect(self.path, wait_ms=self._wait_ms)
        try:
            conn.execute("PRAGMA journal_mode=WAL")
            conn.execute("PRAGMA synchronous=FULL")
            conn.execute("BEGIN IMMEDIATE")
            try:
                version = conn.execute("PRAGMA user_version").fetchone()[0]
                _create_or_migrate(conn, version)
                found = salvage.salvage(aside, conn, read_state, max_clicked=MAX_CLICKED, max_view=MAX_VIEW)
                conn.execute(
                    "INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)",
                    (
                        salvage.SALVAGED_PREFIX + aside.name,
                        json.dumps({"file": str(aside), "time": self.clock(), **found.to_json()}),
                    ),
                )
                conn.execute("COMMIT")
            except BaseException:
                if conn.in_transaction:
                    conn.execute("ROLLBACK")
                raise
        finally:
            conn.close()
        return found

    def salvages(self) -> list[dict]:
        """What each salvage of a damaged log found (newest last): the damaged file's whole
        path, when, and the answers read, added and lost. Values not as written are passed over."""
        try:
            rows = self.conn.execute(
                "SELECT value FROM meta WHERE key >= ? AND key < ?",
                (salvage.SALVAGED_PREFIX, salvage.SALVAGED_PREFIX[:-1] + ";"),
            ).fetchall()
        except sqlite3.Error:
            return []
        found = []
        for (value,) in rows:
            try:
                data = bounded_json.loads(value, max_bytes=MAX_SETTING) if isinstance(value, str) else None
            except bounded_json.JSONBoundsError:
                continue
            if not isinstance(data, dict) or not isinstance(data.get("file"), str):
                continue
            counts = [data.get(k) for k in ("answers_read", "answers_added", "answers_lost")]
            when = data.get("time")
            if all(type(c) is int and 0 <= c <= salvage.MAX_ROWS for c in counts) and (
                isinstance(when, (int, float)) and not isinstance(when, bool) and 0 <= when <= MAX_TIME
            ):
                found.append(data)
        return sorted(found, key=lambda d: d["time"])

    # --- answers that waited for a lock (pending.py) -------------------------------------------
    def waiting_answers(self, spares: tuple[Path, ...] = ()) -> list[PendingAnswer]:
        """The answers a window could not write before it closed (the log was locked, the
        disk full, the folder read-only), read from their files beside the log and in the
        spare folders; a file that is not one is set aside, with a message."""
        if not self.writable:
            return []
        found: list[PendingAnswer] = []
        for path in pending.files(self.path, spares):
            try:
                answers = pending.read(path)
                if answers.version_wrong is not None:  # the answers are read; the file as it was is kept
                    kept = copy_aside(path, "bad-version")
                    self.warnings.append(
                        version_said(path, answers.raw, answers.version_wrong, pending.VERSION, kept)()
                    )
                if answers.left_out:  # the others are read; the file as it was is kept
                    kept = copy_aside(path, "damaged")
                    self.warnings.append(pending.left_out_said(path, answers.left_out, kept))
                    if not answers and kept is not None:  # nothing in it to write: said once
                        path.unlink(missing_ok=True)
                found += answers
            except FileNotFoundError:
                continue  # another window wrote them and removed the file just now
            except (OSError, ValueError) as exc:
                aside = path.with_name(f"{path.name}.damaged-{time.strftime('%Y%m%d-%H%M%S')}")
                try:
                    os.replace(path, aside)
                except OSError:
                    aside = path
                line, column = getattr(exc, "line", 0), getattr(exc, "column", 0)
                reason = exc.message if isinstance(exc, bounded_json.JSONBoundsError) else pending.why(exc)
                self.warnings.append(
                    _("{place}: {reason}. The file could not be used and was kept as {kept}.").format(
                        place=f"{isolated(shown_file(path.absolute()))}:{line}:{column}"
                        if line
                        else isolated(shown_file(path.absolute())),
                        reason=reason.rstrip("."),
                        kept=isolated(shown_file(aside.absolute())),
                    )
                )
        return found

    def keep_waiting(self, answers: list[PendingAnswer], spares: tuple[Path, ...] = ()) -> Path:
        """Write answers that could not be saved to a file beside the log, or where its folder
        cannot take it (full, read-only) in the first spare folder that can, and remove the
        files they were read from: the next open writes them, each once. Raises the first
        OSError when no folder can take them."""
        first: OSError | None = None
        for folder in (None, *spares):
            try:
                target = pending.write(self.path, answers, folder)
                break
            except OSError as exc:
                first = first or exc
        else:
            assert first is not None
            raise first
        for source in {a.source for a in answers if a.source}:
            Path(source).unlink(missing_ok=True)
        return target

    def forget_waiting(self, sources: set[str]) -> None:
        """The files whose answers are all in the log now."""
        for source in sources:
            Path(source).unlink(missing_ok=True)

    def close(self) -> None:
        try:
            self.conn.close()
        except sqlite3.Error:
            pass

    # --- answers -----------------------------------------------------------------------------
    def record(
        self,
        card: str,
        advance: Callable[[CardState | None], CardState],
        *,
        now: float,
        rating: int,
        correct: bool,
        close: bool = False,
        seconds: float | None = None,
        clicked: tuple[str, ...] = (),
        view: str = "",
        wait_ms: int | None = None,
        once: str | None = None,
    ) -> CardState | None:
        """One answer, in one transaction: the card's latest state is read, `advance` derives
        the new one, the review is appended and the state stored.

        `wait_ms`: how long to wait for another writer's lock (default BUSY_TIMEOUT_MS); past
        it, sqlite3.OperationalError ("database is locked") and nothing is written. `once`: the
        answer's id (pending.py): recorded with it, and an answer whose id is already recorded
        is not written again (None is returned)."""
        if not self.writable:
            raise ReadOnly(str(self.path))
        self._unlocked(wait_ms)
        conn = self.conn
        self._begin(wait_ms)
        try:
            if once is not None:
                key = ONCE_PREFIX + once
                if conn.execute("SELECT 1 FROM meta WHERE key = ?", (key,)).fetchone():
                    conn.execute("ROLLBACK")
                    return None
                conn.execute("INSERT INTO meta (key, value) VALUES (?, ?)", (key, card[:MAX_VIEW]))
            row = conn.execute("SELECT state FROM cards WHERE card = ?", (card,)).fetchone()
            previous = parse_state(row[0]) if row else None
            state = advance(previous)
            if seconds is not None and not (  # not one the log would read back: not known
                isinstance(seconds, (int, float)) and 0 <= seconds <= MAX_ANSWER_SECONDS
            ):
                seconds = None
            conn.execute(
                "INSERT INTO reviews (time, card, rating, correct, close, seconds, clicked, view)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    now,
                    card,
                    rating,
                    int(correct),
                    int(close),
                    seconds,
                    " ".join(clicked[:MAX_CLICKED]),
                    view[:MAX_VIEW],
                ),
            )
            conn.execute(
                "INSERT INTO cards (card, due, state) VALUES (?, ?, ?)"
                " ON CONFLICT(card) DO UPDATE SET due = excluded.due, state = excluded.state",
                (card, state.due, json.dumps(state.to_json())),
            )
            conn.execute("COMMIT")
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
        return state

    def _begin(self, wait_ms: int | None) -> None:
        """BEGIN IMMEDIATE, waiting `wait_ms` for another writer's lock (None: BUSY_TIMEOUT_MS)."""
        conn = self.conn
        if wait_ms is not None:
            conn.execute(f"PRAGMA busy_timeout={max(0, int(wait_ms))}")
        try:
            conn.execute("BEGIN IMMEDIATE")
        finally:
            if wait_ms is not None:
                conn.execute(f"PRAGMA busy_timeout={self._usual_wait_ms}")

    def states(self) -> dict[str, CardState]:
        """Every card's latest state. A record that does not read back is skipped, with a warning.
        Another program's lock held past the wait raises SQLite's busy error: the caller keeps
        what it knew (an empty answer would read as 'nothing practised')."""
        states = {}
        try:
            rows = self.conn.execute("SELECT rowid, card, state FROM cards").fetchall()
        except sqlite3.Error as exc:
            if _busy(exc):
                raise
            self.warnings.append(
                _("Could not read {path}: {error}").format(
                    path=isolated(shown_file(self.path.absolute())), error=pending.why(exc)
                )
            )
            return {}
        bad: list[tuple[int, object, Callable[[], str]]] = []
        twice: list[tuple[int, str, list[bounded_json.Repeated]]] = []  # keys written twice
        for row, card, raw in rows:
            repeats: list[bounded_json.Repeated] = []
            state = read_state(raw, repeats)
            if not isinstance(card, str):
                bad.append((row, card, lambda: _("the card's name is not a text")))
            elif not isinstance(state, CardState):
                bad.append((row, card, state))
            else:
                states[card] = state
                if repeats:
                    twice.append((row, card, repeats))
        if bad:
            self.warnings.append(log_records.bad_cards(Path(self.path).absolute(), bad))
        if twice:
            self.warnings.append(log_records.repeated_keys(Path(self.path).absolute(), twice))
        return states

    def reviews(self, since: float | None = None) -> list[Review]:
        """The answers in the order given; a row that is not one ReflexMap wrote (a rating
        outside 1..4, a time outside 1970..MAX_TIME, a negative or endless answer time) is
        left out, with a warning."""
        query = "SELECT id, time, card, rating, correct, close, seconds FROM reviews"
        args: tuple = ()
        if since is not None:
            query += " WHERE time >= ?"
            args = (since,)
        found, bad = [], []
        for row, t, c, r, ok, cl, s in self.conn.execute(query + " ORDER BY time", args):
            why = log_records.answer_problem(
                t, c, r, ok, cl, s, max_time=MAX_TIME, max_seconds=MAX_ANSWER_SECONDS
            )
            if why is None:
                found.append(Review(float(t), c, int(r), bool(ok), bool(cl), s))
            else:
                bad.append((row, t, why))
        if bad:
            self.warnings.append(log_records.bad_answers(Path(self.path).absolute(), bad))
        return found

    def count(self) -> int:
        return self.conn.execute("SELECT count(*) FROM reviews").fetchone()[0]

    def right_answer_seconds(self, kind: str, limit: int) -> list[float]:
        """How long the latest `limit` right answers to questions of `kind` took (any chart),
        newest first: the student's own pace. Only the last PACE_WINDOW answers are looked at
        (by rowid, the order they were saved in), so that a kind seldom asked does not cost a
        scan of a year's log at the first answer of a round."""
        try:
            rows = self.conn.execute(
                "SELECT seconds FROM reviews WHERE id > (SELECT coalesce(max(id), 0) FROM reviews) - ?"
                " AND correct = 1 AND seconds >= 0 AND seconds < 3600 AND substr(card, -?) = ?"
                " ORDER BY id DESC LIMIT ?",
                (PACE_WINDOW, len(kind) + 1, ":" + kind, limit),
            ).fetchall()
        except sqlite3.Error:
            return []
        return [float(s) for (s,) in rows if isinstance(s, (int, float))]

    # --- the student's choices, kept with their progress ---------------------------------------
    def setting(self, key: str) -> str | None:
        try:
            row = self.conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        except sqlite3.Error:
            return None
        return row[0] if row and isinstance(row[0], str) and len(row[0]) <= MAX_SETTING else None

    def set_setting(self, key: str, value: str, *, wait_ms: int | None = None) -> None:
        """Store a choice of the student's (`wait_ms` as for record)."""
        if not self.writable:
            raise ReadOnly(str(self.path))
        self._unlocked(wait_ms)
        conn = self.conn
        self._begin(wait_ms)
        try:
            conn.execute(
                "INSERT INTO meta (key, value) VALUES (?, ?)"
                " ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                (key, value),
            )
            conn.execute("COMMIT")
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise

    # --- a chart's zones renamed ----------------------------------------------------------------
    def rename_zones(
        self,
        chart_id: str,
        renames: Mapping[str, str],
        *,
        keep: Collection[str] = (),
        spares: tuple[Path, ...] = (),
        once: str | None = None,
        wait_ms: int | None = None,
    ) -> int:
        """Zones of chart `chart_id` were renamed (old id -> new id, all at once: a swap or a
        chain of renames works): their cards' states, their reviews and the zones named under
        past clicks follow to the new ids, in one transaction. BEGIN IMMEDIATE queues it with
        other windows' and processes' answers, and rows are changed in place, so no answer
        given meanwhile is lost. A card state the new id already has (left by a zone deleted
        before) gives way to the renamed zone's. `keep`: old ids a chart of the same id still
        shows (a built-in chart saved under a new name): their card states are copied and
        their reviews stay. Answers waiting in files beside the log and in `spares` follow.
        `once`: the id of a rename that waited in a file (pending.py): recorded with it, and
        a rename whose id is recorded is not done again. Returns the number of cards moved or
        copied."""
        if not self.writable:
            raise ReadOnly(str(self.path))
        self._unlocked(wait_ms)
        pairs = [(old, new) for old, new in renames.items() if old != new and ":" not in old + new + chart_id]
        if not pairs:
            return 0
        chart = chart_id + ":"
        parked = "#renamed:"  # a renamed card waits here while all move (chart ids start with a letter)
        conn = self.conn
        self._begin(wait_ms)
        try:
            if once is not None:
                if conn.execute("SELECT 1 FROM meta WHERE key = ?", (RENAME_PREFIX + once,)).fetchone():
                    conn.execute("ROLLBACK")
                    return 0
                conn.execute("INSERT INTO meta (key, value) VALUES (?, ?)", (RENAME_PREFIX + once, chart_id))
            moved = 0
            for old, new in pairs:
                start, end = chart + old + ":", chart + old + ";"  # every kind of the old zone's card
                target = parked + chart + new + ":"
                fresh = "substr(card, ?) "
                if old in keep:
                    moved += conn.execute(
                        "INSERT INTO cards (card, due, state) SELECT ? || "
                        + fresh
                        + ", due, state FROM cards"
                        " WHERE card >= ? AND card < ?",
                        (target, len(start) + 1, start, end),
                    ).rowcount
                    continue
                moved += conn.execute(
                    "UPDATE cards SET card = ? || " + fresh + "WHERE card >= ? AND card < ?",
                    (target, len(start) + 1, start, end),
                ).rowcount
                conn.execute(
                    "UPDATE reviews SET card = ? || " + fresh + "WHERE card >= ? AND card < ?",
                    (target, len(start) + 1, start, end),
                )
            low, high = parked, parked[:-1] + ";"
            conn.execute(
                "DELETE FROM cards WHERE card IN"
                " (SELECT substr(card, ?) FROM cards WHERE card >= ? AND card < ?)",
                (len(parked) + 1, low, high),
            )
            for table in ("cards", "reviews"):
                conn.execute(
                    f"UPDATE {table} SET card = substr(card, ?) WHERE card >= ? AND card < ?",  # noqa: S608
                    (len(parked) + 1, low, high),
                )
            self._rename_clicked(chart, dict(pairs))
            pending.rename_in_files(self.path, chart_id, dict(pairs), keep, spares)  # answers waiting too
            conn.execute("COMMIT")
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
        return moved

    def copy_chart(self, chart_id: str, new_id: str, *, wait_ms: int | None = None) -> int | None:
        """A chart was saved as a copy with an id of its own, `new_id` (Save as of a person's
        own file whose id another chart has): its progress under `chart_id` (card states and
        answers) is copied to the new id, in one transaction; the chart `chart_id` keeps its
        own. Returns the number of card states and answers copied, or None when the new id
        already has progress here (nothing is mixed into it)."""
        if not self.writable:
            raise ReadOnly(str(self.path))
        self._unlocked(wait_ms)
        if not chart_id or not new_id or chart_id == new_id or ":" in chart_id + new_id:
            return 0
        old, new = chart_id + ":", new_id + ":"
        old_range, new_range = (old, chart_id + ";"), (new, new_id + ";")
        conn = self.conn
        self._begin(wait_ms)
        try:
            for table in ("cards", "reviews"):
                taken = conn.execute(
                    f"SELECT 1 FROM {table} WHERE card >= ? AND card < ? LIMIT 1",  # noqa: S608
                    new_range,
                ).fetchone()
                if taken:
                    conn.execute("ROLLBACK")
                    return None
            copied = conn.execute(
                "INSERT INTO cards (card, due, state) SELECT ? || substr(card, ?), due, state"
                " FROM cards WHERE card >= ? AND card < ?",
                (new, len(old) + 1, *old_range),
            ).rowcount
            copied += conn.execute(
                "INSERT INTO reviews (time, card, rating, correct, close, seconds, clicked, view)"
                " SELECT time, ? || substr(card, ?), rating, correct, close, seconds, clicked, view"
                " FROM reviews WHERE card >= ? AND card < ? ORDER BY id",
                (new, len(old) + 1, *old_range),
            ).rowcount
            conn.execute("COMMIT")
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
        return copied

    def rename_later(
        self,
        chart_id: str,
        renames: Mapping[str, str],
        keep: Collection[str] = (),
        spares: tuple[Path, ...] = (),
    ) -> Path:
        """A rename the log could not take now (another program holds it): kept in a file,
        done by `apply_waiting_renames` once the log is free. Raises OSError if no folder
        takes the file."""
        return pending.write_rename(self.path, chart_id, dict(renames), frozenset(keep), spares)

    def apply_waiting_renames(
        self, spares: tuple[Path, ...] = (), wait_ms: int | None = None
    ) -> list[pending.WaitingRename]:
        """Do the renames kept for this log, oldest first, each in its transaction and once;
        returns those done. SQLite's busy error when the log is still held (the
        rest wait); a file that is not one is set aside, with a message."""
        if not self.writable:
            return []
        files = pending.rename_files(self.path, spares)
        if files:
            self._unlocked(wait_ms)
        done = []
        for path in files:
            try:
                waiting = pending.read_rename(path)
            except FileNotFoundError:
                continue  # another window did it just now
            except (OSError, ValueError) as exc:
                aside = path.with_name(f"{path.name}.damaged-{time.strftime('%Y%m%d-%H%M%S')}")
                try:
                    os.replace(path, aside)
                except OSError:
                    aside = path
                reason = exc.message if isinstance(exc, bounded_json.JSONBoundsError) else pending.why(exc)
                self.warnings.append(
                    _("{place}: {reason}. The file could not be used and was kept as {kept}.").format(
                        place=path.name, reason=str(reason).rstrip("."), kept=aside.name
                    )
                )
                continue
            if self.conn.execute(
                "SELECT 1 FROM meta WHERE key = ?", (RENAME_PREFIX + waiting.once,)
            ).fetchone():
                path.unlink(missing_ok=True)  # done before; its file outlived it
                continue
            self.rename_zones(
                waiting.chart,
                waiting.renames,
                keep=waiting.keep,
                spares=spares,
                once=waiting.once,
                wait_ms=wait_ms,
            )
            path.unlink(missing_ok=True)
            done.append(waiting)
        return done

    def _rename_clicked(self, chart: str, renames: dict[str, str]) -> None:
        """The zones under past clicks on this chart, named by their new ids."""
        rows = self.conn.execute(
            "SELECT id, clicked FROM reviews WHERE card >= ? AND card < ? AND clicked != ''",
            (chart, chart[:-1] + ";"),
        ).fetchall()
        for row_id, clicked in rows:
            zones = clicked.split(" ") if isinstance(clicked, str) else []
            named = [renames.get(zone, zone) for zone in zones]
            if named != zones:
                self.conn.execute("UPDATE reviews SET clicked = ? WHERE id = ?", (" ".join(named), row_id))

    # --- the old progress file -----------------------------------------------------------------
    def import_progress_json(
        self, json_path: str | Path, load: Callable[[Path], Loaded] | None = None
    ) -> int | None:
        """Import a format-1 progress.json once; it is then renamed (kept). Returns the number
        of cards imported, or None if there was nothing to import. `load(path)` reads it as
        ProgressStore(path).load() does (progress_child.load: in a child process)."""
        json_path = Path(json_path)
        load = load or (lambda path: ProgressStore(path).load())
        if not json_path.exists() or self.locked:  # locked: imported when it opens next time
            return None
        try:
            done = self.conn.execute("SELECT value FROM meta WHERE key = ?", (IMPORTED_KEY,)).fetchone()
        except sqlite3.Error:  # a newer database, read as it is
            return None
        if done:
            return None
        if not self.writable:  # read into the copy in memory, to be shown; the file stays
            loaded = load(json_path)
            self.warnings.extend(loaded.warnings)
            return self._insert_legacy(loaded.states)
        loaded = load(json_path)  # bounded and validated; damage set aside
        self.warnings.extend(loaded.warnings)
        kept = json_path.with_name(f"{json_path.name}.imported-{time.strftime('%Y%m%d-%H%M%S')}")
        conn = self.conn
        conn.execute("BEGIN IMMEDIATE")
        try:
            imported = self._insert_legacy(loaded.states)
            conn.execute(
                "INSERT INTO meta (key, value) VALUES (?, ?)",
                (IMPORTED_KEY, json.dumps({"file": str(json_path), "kept_as": kept.name, "cards": imported})),
            )
            conn.execute("COMMIT")
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
        if json_path.exists():
            os.replace(json_path, kept)
        return imported

    def _insert_legacy(self, states: dict[str, LegacyCardState]) -> int:
        """The cards, in one statement run for each (inside the caller's transaction): a card
        the log holds already keeps its state. Returns how many were added."""
        before = self.conn.total_changes
        dumps = json.dumps
        self.conn.executemany(
            "INSERT OR IGNORE INTO cards (card, due, state) VALUES (?, ?, ?)",
            (
                (key, legacy.due, dumps(from_legacy(legacy).to_json()))
                for key, legacy in states.items()
                if len(key) <= MAX_KEY
            ),
        )
        return self.conn.total_changes - before

    # --- backups -------------------------------------------------------------------------------
    def backups(self) -> list[Path]:
        """The backups, newest first."""
        folder = self.backup_folder
        if not folder.is_dir():
            return []
        found = [p for p in folder.glob(f"{self.path.stem}-*.sqlite3") if p.is_file()]
        return sorted(found, key=lambda p: p.name, reverse=True)

    def backup(self, *, force: bool = False) -> Path | None:
        """A copy through SQLite's online backup API, unless the newest is less than a day old
        (`force`: on exit). Keeps the newest KEEP_BACKUPS."""
        if not self.writable or self.locked:  # locked: there is nothing of it in memory
            return None
        existing = self.backups()
        if existing and not force and self.clock() - existing[0].stat().st_mtime < BACKUP_EVERY:
            return None
        return self._backup_from(self.conn)

    def _backup_from(self, conn: sqlite3.Connection, tag: str = "") -> Path:
        """A backup of `conn`'s database; `tag` marks the one made before an upgrade."""
        existing = self.backups()
        self.backup_folder.mkdir(parents=True, exist_ok=True)
        stamp = time.strftime("%Y%m%d-%H%M%S", time.localtime(self.clock()))
        prefix = f"{self.path.stem}-{stamp}-"
        same_second = [p.name[len(prefix) :][:2] for p in existing if p.name.startswith(prefix)]
        n = 1 + max((int(c) for c in same_second if c.isdigit()), default=0)  # names sort by age
        target = self.backup_folder / f"{prefix}{n:02d}{'-' + tag if tag else ''}.sqlite3"
        temporary = target.with_name(f".{target.name}.{os.getpid()}-{time.monotonic_ns()}.part")
        try:
            copy = sqlite3.connect(temporary)
            try:
                conn.backup(copy)
            finally:
                copy.close()
            with open(temporary, "rb+") as handle:
                os.fsync(handle.fileno())
            os.replace(temporary, target)
        except BaseException:
            temporary.unlink(missing_ok=True)  # no half copy left behind (a full disk)
            raise
        for old in self.backups()[KEEP_BACKUPS:]:
            old.unlink(missing_ok=True)  # another window may have just removed it
        return target


def _create_or_migrate(conn: sqlite3.Connection, version: int) -> None:
    """The tables (version 0), or an older database's steps up to SCHEMA (inside the caller's
    transaction, if any)."""
    if version == 0:
        for statement in CREATE.split(";"):
            if statement.strip():
                conn.execute(statement)
    elif version < SCHEMA:
        for step in range(version, SCHEMA):
            for statement in MIGRATIONS[step]:
                conn.execute(statement)
    if version < SCHEMA:
        conn.execute(f"PRAGMA user_version={SCHEMA}")


# The columns each table must have (at SCHEMA); more are allowed (a newer ReflexMap's).
COLUMNS = {
    "reviews": {"id", "time", "card", "rating", "correct", "close", "seconds", "clicked", "view"},
    "cards": {"card", "due", "state"},
    "meta": {"key", "value"},
}


def _is_ours(path: Path, wait_ms: int | None = None) -> bool:
    """Whether the database holds our tables with our columns, or none of them yet (a file of
    the same name may be any SQLite database: another program's, or one half made by hand).
    Read through a read-only connection: nothing in a file that is not ours is changed."""
    try:
        conn = connect(path, read_only=True, wait_ms=wait_ms)
    except sqlite3.Error:
        return True  # is_sound has said what there is to say
    try:
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        if version > SCHEMA:
            return True  # a newer ReflexMap's: read as it is, never written
        for table, columns in COLUMNS.items():
            found = {row[1] for row in conn.execute(f"PRAGMA table_info({table})")}
            if not found and version == 0:
                continue  # made at the first answer
            if not (columns - ({"view"} if version == 1 else set())) <= found:
                return False
        return True
    except sqlite3.OperationalError as exc:
        if _busy(exc) or _full(exc):  # in use, or no room to read it: not damaged
            raise
        return False
    except sqlite3.Error:
        return False
    finally:
        conn.close()


def _size(path: Path) -> int:
    """A file's size (0: none, or not one that can be read)."""
    try:
        return os.stat(path).st_size if stat.S_ISREG(os.stat(path).st_mode) else 0
    except OSError:
        return 0


def _salvaged_said(found: salvage.Salvaged) -> str:
    """What a salvage kept of a damaged log, and what it lost, in counts ("" when nothing in
    it read as ours: a file of another program's, or no database at all)."""
    if not (found.answers_read or found.answers_lost or found.cards):
        return ""
    kept = ngettext(
        "{count} answer could still be read in it and is kept",
        "{count} answers could still be read in it and are kept",
        found.answers_read,
    ).format(count=format_count(found.answers_read))
    if found.answers_added:
        kept += " " + ngettext(
            "({count} of them given since the backup)",
            "({count} of them given since the backup)",
            found.answers_added,
        ).format(count=format_count(found.answers_added))
    if not found.answers_lost:
        return kept + "."
    lost = ngettext(
        "at least {count} answer could not be read and is lost.",
        "at least {count} answers could not be read and are lost.",
        found.answers_lost,
    ).format(count=format_count(found.answers_lost))
    return kept + "; " + lost


def _writable_parent(folder: Path) -> bool:
    """Whether the nearest existing folder above `folder` can be written."""
    for parent in (folder, *folder.parents):
        if parent.exists():
            return os.access(parent, os.W_OK)
    return False


def _snapshot_into(path: Path, memory: sqlite3.Connection) -> None:
    """The database at `path`, in a folder that cannot be written, copied into `memory` with
    every answer it holds. SQLite opens a WAL database read-only only when its -shm index
    exists or can be made. Where neither is possible (a read-only mount) a clean close left
    no -wal, and the file alone is the database: it is opened as immutable, which is what it
    is there. A -wal holding answers with no -shm (a copy, a crash, a tool that removed the
    index) is read from a private copy of the two files in the temporary folder, where SQLite
    can make the index: opened as immutable, those answers were not shown."""
    _refuse_special(path)
    uri = path.resolve().as_uri()
    try:
        source = sqlite3.connect(f"{uri}?mode=ro", uri=True, isolation_level=None)
        try:
            source.execute("PRAGMA user_version").fetchone()
            source.backup(memory)
        finally:
            source.close()
        return
    except sqlite3.OperationalError as exc:
        if _busy(exc) or _full(exc):  # in use, or no room to read it: not damaged
            raise
    wal = Path(str(path) + "-wal")
    if _size(wal) == 0:
        source = sqlite3.connect(f"{uri}?mode=ro&immutable=1", uri=True, isolation_level=None)
        try:
            source.backup(memory)
        finally:
            source.close()
        return
    with tempfile.TemporaryDirectory(prefix="reflexmap-log-") as private:  # (made 0700)
        copy = Path(private) / "reviews.sqlite3"
        _copy_bounded(path, copy)
        _copy_bounded(wal, Path(str(copy) + "-wal"))
        source = sqlite3.connect(copy, isolation_level=None)  # reads the -wal; makes its index
        try:
            source.backup(memory)
        finally:
            source.close()


def _copy_bounded(source: Path, target: Path) -> None:
    """`source` copied to `target`; a file that is not a regular one is refused (a pipe would
    block the copy for ever). Read as SQLite reads it: no size is refused here, the
    temporary folder's room is the bound (a full one raises, said as any reading error)."""
    with open(source, "rb") as reading:
        if not stat.S_ISREG(os.fstat(reading.fileno()).st_mode):
            raise sqlite3.DatabaseError(
                _("{file} is not a regular file").format(file=isolated(shown_file(source)))
            )
        with open(target, "wb") as writing:
            shutil.copyfileobj(reading, writing, 1 << 20)


# What each field of a stored card state may hold: FSRS's own bounds for its memory model
# (stability at least STABILITY_MIN days, difficulty 1..10), times from 1970 up to MAX_TIME,
# counts up to a billion. A value outside them is not one ReflexMap wrote, and it would stop
# the scheduler at the next answer (a date before year 1 is a ValueError, a stability of 0 a
# division by zero); the record is set aside instead, with a message.
STATE_RANGES = {
    "seen": (0, 10**9),
    "right": (0, 10**9),
    "wrong": (0, 10**9),
    "due": (0.0, MAX_TIME),
    "last_seen": (0.0, MAX_TIME),
    "stability": (STABILITY_MIN, 1e6),
    "difficulty": (MIN_DIFFICULTY, MAX_DIFFICULTY),
    "step": (0, 100),
}
WHOLE = frozenset({"seen", "right", "wrong", "step"})
STATE_FIELDS = tuple(f.name for f in fields(CardState))  # the fields a stored state is read for


def _figure(value: float) -> str:
    """A stored number in a message: whole ones grouped, others as few digits as tell them."""
    return format_count(value) if isinstance(value, int) else f"{value:g}"


def parse_state(raw: object) -> CardState | None:
    """A stored card state, checked field by field (STATE_RANGES) and as a whole (no more
    right or wrong answers than answers); None if it is not one."""
    state = read_state(raw)
    return state if isinstance(state, CardState) else None


def read_state(
    raw: object, repeats: list[bounded_json.Repeated] | None = None
) -> CardState | Callable[[], str]:
    """parse_state's state, or why the record is not one (said in the language of then).
    `repeats` gets each key written twice in the record (its later value is used, as JSON
    readers do), for the caller to say so."""
    if not isinstance(raw, str) or len(raw) > MAX_STATE_CHARS:
        return lambda: _("the record is not a text of at most {limit} characters").format(
            limit=MAX_STATE_CHARS
        )
    try:  # 1e-400: refused, not 0; a value nested too deep: read as a TooDeep at its place
        data = bounded_json.loads(raw, max_bytes=MAX_STATE_CHARS, skip_deep=True, repeats=repeats)
    except bounded_json.JSONBoundsError as exc:
        return exc.__str__  # "line 1, column 9: this number is too large to read: '1e999'"
    if not isinstance(data, dict):
        return lambda: _("not a record")
    # a field this version does not know (a newer one's) may hold anything: only the state's
    # own fields must read; one nested too deep is said at its bracket
    deep = bounded_json.deep_in([data[f] for f in STATE_FIELDS if f in data])
    if deep is not None:
        return bounded_json.JSONBoundsError(deep.reason, deep.line, deep.column).__str__
    try:
        state = CardState.from_json(data)
    except (ValueError, TypeError):
        return lambda: _("a field is missing")
    for name, (low, high) in STATE_RANGES.items():
        value = getattr(state, name)
        if value is None and name in ("stability", "difficulty", "step"):
            continue
        if not isinstance(value, int if name in WHOLE else (int, float)) or isinstance(value, bool):
            kind = _("{name} is not a whole number") if name in WHOLE else _("{name} is not a number")
            return lambda k=kind, n=name: k.format(name=n)
        if not (math.isfinite(value) and low <= value <= high):
            return lambda n=name, v=value, lo=low, hi=high: _(
                "{name} {value} is outside {low} to {high}"
            ).format(name=n, value=_figure(v), low=_figure(lo), high=_figure(hi))
    if state.phase not in (1, 2, 3):
        return lambda: _("{name} is not 1, 2 or 3").format(name="phase")
    if not isinstance(state.last_right, bool):
        return lambda: _("{name} is not true or false").format(name="last_right")
    if state.phase != 1 and state.stability is None:
        return lambda: _("a card in review has no stability")
    if state.right > state.seen or state.wrong > state.seen:
        return lambda: _("more right or wrong answers than answers")
    return state


def from_legacy(legacy: LegacyCardState) -> CardState:
    """A Leitner card from progress.json as an FSRS card: its counts and due time kept; boxes
    2–5 become review cards whose memory lasts as long as the box's wait (difficulty midway)."""
    state = CardState(
        due=float(legacy.due),
        seen=legacy.seen,
        right=legacy.right,
        wrong=legacy.wrong,
        last_seen=float(legacy.last_seen),
        last_right=legacy.last_right,
    )
    if legacy.box in LEGACY_STABILITY and legacy.seen:
        state.phase, state.step = 2, None
        state.stability = LEGACY_STABILITY[legacy.box]
        state.difficulty = 5.0
    return state
