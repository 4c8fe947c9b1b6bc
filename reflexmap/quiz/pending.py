"""Answers waiting to be saved: while another program holds the review log locked (a second
ReflexMap in the middle of a long write, a backup tool, `sqlite3` with BEGIN EXCLUSIVE), an
answer is kept here instead of making the window wait for the lock.

In memory they are a queue, written in order when the lock is free. When ReflexMap closes
with answers still waiting, they are written to a file beside the log (atomically, fsync'ed)
and read back at the next open. An answer that went through such a file carries an id, which
is recorded in the log (table meta) in the same transaction as the answer: whichever window or
process writes it first, it is counted once, even when two open the file at once or the file
could not be removed after it was written.

The same queue holds answers that could not be written because the disk is full or the
folder became read-only: tried again, written at closing if they can be, else kept in a file.
When the log's own folder cannot take that file either, it goes to a spare folder the window
names (the settings or cache folder, the system's temporary folder), under a name made from
the log's full path, and is merged from there at the next start. Qt-free.
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import time
import uuid
from collections.abc import Callable
from dataclasses import asdict, dataclass, replace
from pathlib import Path

from .. import bounded_json
from ..i18n import N_, _, format_count, isolated, ngettext, shown_file
from ..storage import atomic_path, listed, read_regular, version_problem, write_checked
from .log_records import MAX_ANSWER_SECONDS, MAX_TIME, answer_problem

FORMAT = "reflexmap-pending-answers"
VERSION = 1
MAX_BYTES = 16 * 1024 * 1024
MAX_ANSWERS = 100_000
MAX_TEXT = 1000


@dataclass(frozen=True, slots=True)
class PendingAnswer:
    """One answer as the scheduler rated it, not yet in the review log."""

    card: str
    time: float  # epoch seconds: when it was given
    rating: int  # FSRS 1..4
    correct: bool
    close: bool = False
    seconds: float | None = None
    clicked: tuple[str, ...] = ()
    view: str = ""
    once: str | None = None  # set when it goes into a file: recorded with it, counted once
    source: str | None = None  # the file it was read from (not written)


SPARE_FOLDER = "answers-waiting"  # in each spare folder

# SQLite's words for why it could not write ("attempt to write a readonly database"), said as
# a student reads them, in the interface language; by its result code.
_SQLITE_WORDS = {
    sqlite3.SQLITE_FULL: N_("the disk is full"),
    sqlite3.SQLITE_READONLY: N_("the file or its folder is read-only"),
    sqlite3.SQLITE_BUSY: N_("another program is using it"),
    sqlite3.SQLITE_LOCKED: N_("another program is using it"),
    sqlite3.SQLITE_IOERR: N_("the disk could not be read or written (it may be full)"),
    sqlite3.SQLITE_CANTOPEN: N_("the file could not be opened"),
    sqlite3.SQLITE_CORRUPT: N_("the file is damaged"),
    sqlite3.SQLITE_NOTADB: N_("the file is not a progress database"),
    sqlite3.SQLITE_PERM: N_("permission denied"),
}


def why(exc: BaseException) -> str:
    """Why an answer could not be written, in the interface language."""
    from ..storage import error_text

    code = getattr(exc, "sqlite_errorcode", None)
    if isinstance(exc, sqlite3.Error) and code is not None and code & 0xFF in _SQLITE_WORDS:
        return _(_SQLITE_WORDS[code & 0xFF])
    return error_text(exc)


def _spare_prefix(database: Path) -> str:
    """The name under which a log's answers are kept in a spare folder: its own name and a
    digest of its full path (two profiles' logs share a name)."""
    digest = hashlib.sha256(str(database.resolve()).encode("utf-8", "surrogatepass")).hexdigest()[:16]
    return f"{database.name}-{digest}"


def files(database: Path, spares: tuple[Path, ...] = ()) -> list[Path]:
    """The files of waiting answers beside `database`, then in the spare folders; each
    group oldest first."""
    found = sorted(p for p in database.parent.glob(f"{database.name}.pending-*.json") if p.is_file())
    prefix = _spare_prefix(database)
    for spare in spares:
        folder = spare / SPARE_FOLDER
        try:
            found += sorted(p for p in folder.glob(f"{prefix}.pending-*.json") if p.is_file())
        except OSError:
            continue
    return found


def spare_for(spares: tuple[Path, ...]) -> Path | None:
    """The folder answers go to when the log's own cannot take them: `<spare>/answers-waiting`
    of the first spare folder that can be written now (it, or the nearest folder above it that
    is there, since it is made when needed), as `write` tries them; None when none can."""
    for spare in spares:
        folder = spare / SPARE_FOLDER
        there = folder
        while not there.exists() and there.parent != there:
            there = there.parent
        if there.is_dir() and os.access(there, os.W_OK | os.X_OK):
            return folder
    return None


def write(database: Path, answers: list[PendingAnswer], spare: Path | None = None) -> Path:
    """Write `answers` to a new file beside `database` (or in the spare folder `spare`),
    atomically and fsync'ed; each gets an id (the one it had, if it came from a file)."""
    stamp = time.strftime("%Y%m%d-%H%M%S")
    tail = f".pending-{stamp}-{os.getpid()}-{uuid.uuid4().hex[:8]}.json"
    if spare is None:
        target = database.with_name(database.name + tail)
    else:
        folder = spare / SPARE_FOLDER
        folder.mkdir(parents=True, exist_ok=True)
        target = folder / (_spare_prefix(database) + tail)
    return write_file(target, database, answers)


def write_file(target: Path, database: Path, answers: list[PendingAnswer]) -> Path:
    """Write `answers` (of the log `database`) to `target`, a file the student chose when no
    folder of ReflexMap's could take them: atomically and fsync'ed, each with its id, so that
    importing it (Quiz -> Import saved answers) counts each answer once."""
    with atomic_path(target) as temporary:
        write_checked(temporary, _payload(database, answers))
    return target


def database_of(path: Path) -> str | None:
    """The review log a file of waiting answers was written for (None if it does not say);
    raises as `read` does."""
    data = bounded_json.loads(read_regular(path, MAX_BYTES), max_bytes=MAX_BYTES, skip_deep=True)
    name = data.get("database") if isinstance(data, dict) else None
    return name if isinstance(name, str) else None


def renamed(
    answers: list[PendingAnswer], chart_id: str, renames: dict[str, str], keep=frozenset()
) -> list[PendingAnswer]:
    """`answers` with the zones of chart `chart_id` renamed (old id -> new id, all at once) under
    their new ids, card and clicked zones, as ReviewLog.rename_zones moves the log's rows (a zone
    in `keep`, which a chart of the same id still shows, keeps its answers)."""
    chart = chart_id + ":"
    pairs = {old: new for old, new in renames.items() if old != new and old not in keep}
    out = []
    for answer in answers:
        zone, colon, rest = answer.card[len(chart) :].partition(":")
        if not answer.card.startswith(chart) or not colon or zone not in pairs:
            out.append(answer)
            continue
        clicked = tuple(pairs.get(z, z) for z in answer.clicked)
        out.append(replace(answer, card=chart + pairs[zone] + ":" + rest, clicked=clicked))
    return out


def rename_in_files(
    database: Path, chart_id: str, renames: dict[str, str], keep=frozenset(), spares: tuple[Path, ...] = ()
) -> None:
    """The answers waiting in files beside `database` and in the spare folders renamed as
    `renamed` does, each file rewritten in place (atomically; the answers keep their ids, so
    each is still counted once). Called by ReviewLog.rename_zones while it holds the log's
    write lock."""
    for path in files(database, spares):
        try:
            answers = read(path)
        except (OSError, ValueError):
            continue  # set aside with its message when it is read to be written
        if answers.left_out:  # rewritten, it would lose them: said and kept when it is read
            continue
        moved = renamed(answers, chart_id, renames, keep)
        if moved != answers:
            with atomic_path(path) as temporary:
                write_checked(temporary, _payload(database, moved))


def _payload(database: Path, answers: list[PendingAnswer]) -> bytes:
    plain = []
    for answer in answers:
        entry = asdict(replace(answer, once=answer.once or uuid.uuid4().hex, source=None))
        entry.pop("source")
        entry["clicked"] = list(answer.clicked)
        plain.append(entry)
    return json.dumps(
        {"format": FORMAT, "version": VERSION, "database": str(database), "answers": plain}, indent=0
    ).encode("utf-8")


class Answers(list):
    """The answers of a file (`read`), and each answer left out alone (`left_out`): a value
    in it nested too deep (bounded_json.TooDeep, its first bracket too many) or one the review
    log would not read back (`Refused`, at that value)."""

    def __init__(self, answers: list[PendingAnswer], left_out: list):
        super().__init__(answers)
        self.left_out = left_out
        self.version_wrong: Callable[[], str] | None = None  # why the version is not one
        self.raw = b""  # the bytes read (for the version's place)


class Refused:
    """An answer of a file left out alone: a value in it that is not one ReflexMap writes
    (an answer time of 1e300 or -4 seconds), where that value stands, and why."""

    __slots__ = ("line", "column", "reason")

    def __init__(self, line: int, column: int, reason):
        self.line, self.column, self.reason = line, column, reason

    def __repr__(self) -> str:
        return f"Refused({self.line}, {self.column}, {self.reason()!r})"


def left_out_said(path: Path, left_out: list, kept: Path | None) -> str:
    """One message for the answers of `path` left out alone (nested too deep, a value out of
    range), each at its place; the other answers of the file are read."""
    lines = [
        _("{place}: {reason}; this answer is left out.").format(
            place=f"{isolated(shown_file(path.absolute()))}:{item.line}:{item.column}",
            reason=item.reason().rstrip("."),
        )
        for item in left_out[:10]
    ]
    message = ngettext(
        "{count} answer waiting to be saved could not be used; the other answers are read:",
        "{count} answers waiting to be saved could not be used; the other answers are read:",
        len(left_out),
    ).format(count=format_count(len(left_out)))
    return message + "\n" + listed(lines, len(left_out), kept)


def read(path: Path) -> Answers:
    """The answers in a file written by `write`; raises ValueError (with a plain reason) for a
    file that is not one. An answer with a value nested too deep, or a value the review log
    would not read back (log_records' bounds), is left out alone (`Answers.left_out`, with its
    place): the others are read."""
    raw = read_regular(path, MAX_BYTES)  # 1e999, NaN: read as floats, to be refused alone
    data = bounded_json.loads(raw, max_bytes=MAX_BYTES, skip_deep=True, nonfinite=True)
    if (
        not isinstance(data, dict)
        or data.get("format") != FORMAT
        or not isinstance(data.get("answers"), list)
    ):
        raise ValueError(_("not a file of answers waiting to be saved"))
    version_wrong = version_problem(data, VERSION)  # read as format 1, said: each answer is checked
    if (version_wrong is None and data["version"] != VERSION) or len(data["answers"]) > MAX_ANSWERS:
        raise ValueError(_("not a file of answers waiting to be saved"))
    answers, left_out, refused = [], [], []
    for index, entry in enumerate(data["answers"]):
        deep = bounded_json.deep_in(entry)
        if deep is not None:
            left_out.append(deep)
            continue
        answer = _answer(entry, str(path))
        if isinstance(answer, PendingAnswer):
            answers.append(answer)
        else:
            key, why = answer
            refused.append((len(left_out), ("answers", index, key) if key else ("answers", index), why))
            left_out.append(None)
    if refused:  # where each stands: one scan of the text, only when there is one
        found = bounded_json.places(bounded_json.text_of(raw), {place for _i, place, _w in refused})
        for at, place, why in refused:
            line, column = found.get(place) or found.get(place[:2]) or (0, 0)
            left_out[at] = Refused(line, column, why)
    read = Answers(answers, left_out)
    read.version_wrong, read.raw = version_wrong, raw
    return read


def _encodable(text: object) -> bool:
    """False for a text SQLite cannot take (a lone surrogate, JSON's "\\ud800"); True for
    anything else (its type is checked on its own)."""
    if not isinstance(text, str):
        return True
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _answer(entry: object, source: str) -> PendingAnswer | tuple[str | None, Callable[[], str]]:
    """The answer `entry` stands for, or the key of the value that makes it not one (None: the
    entry as a whole) and why."""
    if not isinstance(entry, dict):
        return None, lambda: _("not an answer")
    card, at, rating = entry.get("card"), entry.get("time"), entry.get("rating")
    seconds, clicked, view, once = (
        entry.get("seconds"),
        entry.get("clicked"),
        entry.get("view"),
        entry.get("once"),
    )
    correct, close = entry.get("correct"), entry.get("close")
    for key, value in (("card", card), ("view", view), ("once", once), ("clicked", clicked)):
        texts = value if key == "clicked" and isinstance(value, list) else [value]
        if not all(_encodable(text) for text in texts):  # the log would stop on it at every start
            return key, lambda: _("a text in it holds a character that is not text (a lone surrogate)")
    if not (isinstance(card, str) and 0 < len(card) <= MAX_TEXT):
        return "card", lambda: _("the card's name is not a text of 1 to {limit} characters").format(
            limit=format_count(MAX_TEXT)
        )
    for key, value in (("correct", correct), ("close", close)):
        if not isinstance(value, bool):
            return key, lambda k=key: _("{name} is not true or false").format(name=k)
    problem = answer_problem(at, card, rating, int(correct), int(close), seconds)
    if problem is not None:  # the same bounds as the log's answers read back
        if not (isinstance(at, (int, float)) and not isinstance(at, bool) and 0 <= at <= MAX_TIME):
            return "time", problem
        return ("rating" if rating not in (1, 2, 3, 4) or isinstance(rating, bool) else "seconds"), problem
    if not (isinstance(clicked, list) and len(clicked) <= 8 and all(isinstance(c, str) for c in clicked)):
        return "clicked", lambda: _("the zones clicked are not a list of at most 8 texts")
    if not (isinstance(view, str) and len(view) <= MAX_TEXT):
        return "view", lambda: _("the view is not a text of at most {limit} characters").format(
            limit=format_count(MAX_TEXT)
        )
    if not (isinstance(once, str) and 0 < len(once) <= 64):
        return "once", lambda: _("its id is not a text of 1 to 64 characters")
    assert seconds is None or 0 <= seconds <= MAX_ANSWER_SECONDS
    return PendingAnswer(
        card,
        float(at),
        rating,
        correct,
        close,
        None if seconds is None else float(seconds),
        tuple(clicked),
        view,
        once,
        source,
    )


# --- renames waiting for the log ---------------------------------------------------------
# A chart saved with renamed zones while another program held a profile's log: the rename
# is kept in a file beside the log (or in a spare folder) and done when the log is free (the
# window tries again every second; any window opening the log does it first), with an id
# recorded in the same transaction, so that it is done once even if the file outlives it.
RENAMES_FORMAT = "reflexmap-waiting-renames"
MAX_RENAMES = 10_000


@dataclass(frozen=True, slots=True)
class WaitingRename:
    chart: str
    renames: dict[str, str]
    keep: frozenset[str]
    once: str
    time: float  # epoch seconds: when the chart was saved (answers given before it follow)
    source: Path


def rename_files(database: Path, spares: tuple[Path, ...] = ()) -> list[Path]:
    """The files of renames waiting for `database`, oldest first (by the time in their names)."""
    found = list(database.parent.glob(f"{database.name}.renames-*.json"))
    prefix = _spare_prefix(database)
    for spare in spares:
        try:
            found += (spare / SPARE_FOLDER).glob(f"{prefix}.renames-*.json")
        except OSError:
            continue
    return sorted((p for p in found if p.is_file()), key=lambda p: p.name.rsplit(".renames-", 1)[1])


def write_rename(
    database: Path, chart_id: str, renames: dict[str, str], keep=frozenset(), spares: tuple[Path, ...] = ()
) -> Path:
    """Keep a rename to be done on `database` later: beside it, or in the first spare folder
    that takes it; raises the first OSError when none does."""
    tail = f".renames-{time.time_ns():020d}-{os.getpid()}-{uuid.uuid4().hex[:8]}.json"
    data = json.dumps(
        {
            "format": RENAMES_FORMAT,
            "version": VERSION,
            "database": str(database),
            "chart": chart_id,
            "renames": dict(renames),
            "keep": sorted(keep),
            "once": uuid.uuid4().hex,
            "time": time.time(),
        }
    ).encode("utf-8")
    first: OSError | None = None
    for spare in (None, *spares):
        try:
            if spare is None:
                target = database.with_name(database.name + tail)
            else:
                (spare / SPARE_FOLDER).mkdir(parents=True, exist_ok=True)
                target = spare / SPARE_FOLDER / (_spare_prefix(database) + tail)
            with atomic_path(target) as temporary:
                write_checked(temporary, data)
            return target
        except OSError as exc:
            first = first or exc
    assert first is not None
    raise first


def read_rename(path: Path) -> WaitingRename:
    """A rename kept by `write_rename`; ValueError (a plain reason) for anything else."""
    data = bounded_json.loads(read_regular(path, MAX_BYTES), max_bytes=MAX_BYTES)
    wrong = ValueError(_("not a file of renamed zones waiting to be saved"))
    if not isinstance(data, dict) or data.get("format") != RENAMES_FORMAT or data.get("version") != VERSION:
        raise wrong
    chart, renames, keep, once = data.get("chart"), data.get("renames"), data.get("keep"), data.get("once")
    if not (
        isinstance(chart, str)
        and 0 < len(chart) <= MAX_TEXT
        and isinstance(once, str)
        and 0 < len(once) <= 64
    ):
        raise wrong
    if not (isinstance(renames, dict) and len(renames) <= MAX_RENAMES and isinstance(keep, list)):
        raise wrong
    texts = [*renames, *renames.values(), *keep]
    if not all(isinstance(t, str) and 0 < len(t) <= MAX_TEXT for t in texts) or len(keep) > MAX_RENAMES:
        raise wrong
    saved = data.get("time")
    if not (isinstance(saved, (int, float)) and not isinstance(saved, bool) and 0 <= saved <= MAX_TIME):
        raise wrong
    return WaitingRename(chart, dict(renames), frozenset(keep), once, float(saved), path)
