"""Where autosaves are kept and the index that lists them (saving.py writes both).

Apart from saving.py so that a start asks whether a crash left work unsaved without importing
the editor's saving and its message boxes (their enum classes) and hashlib's OpenSSL: about
18 M instructions of every start, before it was ready for clicks."""

from __future__ import annotations

import os
from contextlib import contextmanager
from pathlib import Path

from PySide6.QtCore import QLockFile, QStandardPaths

from ...i18n import _
from ...storage import error_text, read_regular, set_aside

MAX_INDEX_BYTES = 1_000_000
INDEX_WAIT_MS = 2_000  # another window writing the index: waited for, then written anyway

# The autosaves this process keeps up to date, each with the lock that tells other ReflexMap
# processes (another window, started meanwhile) that its work is being edited now: they do not
# offer it back as work a crash left, nor delete it (S22-1: a second window's "Discard them"
# deleted the first one's live autosave, which the first never wrote again).
_held: dict[str, QLockFile] = {}


def autosave_folder() -> Path:
    return Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)) / "autosave"


def _lock_file(path: Path) -> QLockFile:
    """A lock that goes stale only when the process holding it is gone (kill -9 included):
    QLockFile writes its process id and host, and checks them."""
    path.parent.mkdir(parents=True, exist_ok=True)
    lock = QLockFile(str(path))
    lock.setStaleLockTime(0)
    return lock


def _lock_path(autosave: Path | str) -> Path:
    import binascii  # (built in: not hashlib's OpenSSL at start)

    return autosave_folder() / "locks" / f"{binascii.crc32(os.fsencode(str(autosave))):08x}.lock"


def hold(autosave: Path) -> None:
    """This process edits the work autosaved at `autosave` (it wrote it)."""
    key = str(autosave)
    if key in _held:
        return
    try:
        lock = _lock_file(_lock_path(key))
    except OSError:  # no data folder: the autosave is still written; only the lock is missing
        return
    if lock.tryLock(0):
        _held[key] = lock


def release(autosave: Path) -> None:
    """The work at `autosave` was saved, discarded or moved: no longer this process's."""
    lock = _held.pop(str(autosave), None)
    if lock is not None:
        lock.unlock()


def in_use(autosave: Path | str) -> bool:
    """Whether another ReflexMap process, running now, edits the work kept at `autosave` (its
    lock is held, by a live process other than this one)."""
    if str(autosave) in _held:
        return False
    path = _lock_path(autosave)
    if not path.exists():
        return False
    lock = _lock_file(path)
    if lock.tryLock(0):  # free, or left by a process that is gone: the work is a crash's
        lock.unlock()
        return False
    info = lock.getLockInfo()  # (pid, host, application) as PySide gives it
    pid = info[0] if isinstance(info, tuple) and info and isinstance(info[0], int) else None
    return pid != os.getpid()  # (this process: a window closed without ending its editing)


def offered(said: list[str] | None = None) -> list[dict]:
    """The autosaves to offer back at a start: listed, there, and edited by no live window
    (`said`: as read_index's)."""
    return [e for e in read_index(said) if Path(e["autosave"]).is_file() and not in_use(e["autosave"])]


@contextmanager
def index_locked():
    """The index read, changed and written by one process at a time: two windows autosaving at
    once would otherwise each write the list they read, and one's entry would be lost."""
    try:
        lock = _lock_file(autosave_folder() / "index.json.lock")
    except OSError:
        yield
        return
    locked = lock.tryLock(INDEX_WAIT_MS)
    try:
        yield
    finally:
        if locked:
            lock.unlock()


def read_index(said: list[str] | None = None) -> list[dict]:
    """The autosaves known: [{"autosave": path, "chart": path or None, "time": seconds}].

    An index that cannot be read (not JSON, nested too deep, too large, not a file, of the
    wrong shape) was read as empty, and its next write replaced it: the work it named was
    offered no more, silently. It is now set aside as damaged (never deleted), and with
    `said`, what was wrong is appended there, with line:column where it has a place."""
    index = autosave_folder() / "index.json"
    from ...bounded_json import loads, top_place

    try:
        raw = read_regular(index, MAX_INDEX_BYTES)
    except FileNotFoundError:
        return []
    except OSError as exc:
        _set_index_aside(index, said, error_text(exc), 0, 0)
        return []
    try:
        entries = loads(raw, max_bytes=MAX_INDEX_BYTES)
        if not isinstance(entries, dict) or not isinstance(entries.get("autosaves", []), list):
            line, column = top_place(raw)
            _set_index_aside(index, said, _("not an index of autosaves"), line, column)
            return []
        entries = entries.get("autosaves", [])
    except ValueError as exc:  # (JSONBoundsError: not JSON, or beyond a bound, at its place)
        _set_index_aside(index, said, str(getattr(exc, "message", exc)), *_place(exc))
        return []
    return [
        e
        for e in entries
        if isinstance(e, dict)
        and isinstance(e.get("autosave"), str)
        and isinstance(e.get("chart"), str | None)
        and made_here(e["autosave"], e["chart"])
    ]


def made_here(autosave: str, chart: str | None) -> bool:
    """Whether `autosave` is a path ReflexMap makes for the work on `chart` (autosaving's
    autosave_paths): ".NAME.autosave" beside the chart, or "KEY-NAME" in the autosave folder
    ("KEY-wPID-NAME": a second window's work on a chart another window edits too).
    An index written by another program, edited by hand or copied from another machine could
    name any file, a person's chart or review log, which "Discard them" then deleted and
    "Recover" offered as the chart's work (S21-8). Such an entry is not used, and goes from
    the index when it is next written."""
    import re

    if "\0" in autosave or (chart is not None and "\0" in chart):
        return False
    path = Path(autosave)
    if chart is not None:
        chart_path = Path(chart)
        if not chart_path.name:
            return False
        if path == chart_path.with_name(f".{chart_path.name}.autosave"):
            return True
    name = Path(chart).name if chart is not None else "new-chart.yaml"
    return (
        path.parent == autosave_folder()
        and re.fullmatch(r"[0-9a-f]{12}(-w[0-9]{1,10})?-" + re.escape(name), path.name) is not None
    )


def _place(exc: BaseException) -> tuple[int, int]:
    return getattr(exc, "line", 0), getattr(exc, "column", 0)


def _set_index_aside(index: Path, said: list[str] | None, reason: str, line: int, column: int) -> None:
    """The damaged index renamed aside (it may still name work to recover by hand), said."""
    import time

    place = f"\u2068{index}\u2069" + (f":{line}:{column}" if line else "")
    try:
        aside = set_aside(index, "damaged-" + time.strftime("%Y%m%d-%H%M%S"))
    except OSError as problem:
        words = _("{place}: {reason}. The list of unsaved work could not be used, nor set aside ({problem}).")
        text = words.format(place=place, reason=reason.rstrip("."), problem=error_text(problem))
    else:
        words = _(
            "{place}: {reason}. The list of unsaved work could not be used and was kept as {kept}; "
            "work it named is not offered back."
        )
        text = words.format(place=place, reason=reason.rstrip("."), kept=f"\u2068{aside}\u2069")
    if said is not None:
        said.append(text)
