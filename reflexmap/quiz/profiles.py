"""Learner profiles, Qt-free: several students on one computer, each with their own review log
(as in Anki). The first profile's database sits in the data folder itself
(`reviews.sqlite3`, where the old progress.json is imported); every other profile has a folder
of its own under `profiles/`, named after it."""

from __future__ import annotations

import unicodedata
from pathlib import Path

from ..i18n import _

DEFAULT = ""  # the first profile: the data folder itself
DATABASE = "reviews.sqlite3"
MAX_NAME = 40
MAX_PROFILES = 200
RENAME_WAIT_MS = 100  # how long moving progress waits for another program's lock
PROGRESS_IDS_WAIT_MS = 100  # how long reading the charts with progress waits for such a lock
MAX_PROGRESS_IDS = 10_000  # chart ids read from one table of a log
RESERVED = {"con", "prn", "aux", "nul", *(f"com{i}" for i in range(10)), *(f"lpt{i}" for i in range(10))}


def problem(name: str) -> str | None:
    """Why `name` cannot be a profile's name (it becomes a folder name), or None."""
    if not name.strip():
        return _("A profile needs a name.")
    if len(name) > MAX_NAME:
        return _("A profile name has at most {count} characters.").format(count=MAX_NAME)
    if name != name.strip() or name.startswith("."):
        return _("A profile name cannot start or end with a space or start with a dot.")
    for char in name:
        if not (char.isalnum() or char in " -_'") or unicodedata.category(char).startswith("C"):
            return _("A profile name may contain letters, digits, spaces, - _ and ' only.")
    if name.casefold() in RESERVED:
        return _("That name is reserved by the system.")
    return None


class Profiles:
    def __init__(self, folder: str | Path):
        self.folder = Path(folder)

    @property
    def others(self) -> Path:
        return self.folder / "profiles"

    def names(self) -> list[str]:
        """Every profile: the first one ("") and the others, sorted."""
        found = []
        if self.others.is_dir():
            for entry in sorted(self.others.iterdir(), key=lambda p: p.name.casefold())[:MAX_PROFILES]:
                if entry.is_dir() and problem(entry.name) is None:
                    found.append(entry.name)
        return [DEFAULT, *found]

    def database(self, name: str) -> Path:
        if name == DEFAULT:
            return self.folder / DATABASE
        if problem(name) is not None:
            raise ValueError(name)
        return self.others / name / DATABASE

    def create(self, name: str) -> Path:
        """Make a new profile's folder; ValueError with a plain message if it cannot be."""
        reason = problem(name)
        first = {"default", _("Default").casefold()}  # how the first profile is listed
        if reason is None and (
            name.casefold() in first or any(n.casefold() == name.casefold() for n in self.names() if n)
        ):
            reason = _("There is already a profile of that name.")
        if reason is not None:
            raise ValueError(reason)
        path = self.others / name
        path.mkdir(parents=True)
        return path / DATABASE

    def charts_with_progress(self) -> set[str]:
        """The ids of every chart with cards or answers in any profile's review log (a new
        chart's id avoids them: it must never inherit another chart's progress). Each log is
        read read-only, waiting PROGRESS_IDS_WAIT_MS at most for another program's lock; a log
        that cannot be read gives nothing."""
        import sqlite3

        from .reviewlog import connect

        ids: set[str] = set()
        for name in self.names():
            path = self.database(name)
            if not path.is_file():
                continue
            try:
                conn = connect(path, read_only=True, wait_ms=PROGRESS_IDS_WAIT_MS)
                try:
                    for table in ("cards", "reviews"):  # a card is "chart:zone:kind"
                        rows = conn.execute(
                            f"SELECT DISTINCT substr(card, 1, instr(card, ':') - 1) FROM {table} "
                            "WHERE typeof(card) = 'text' AND instr(card, ':') > 1 LIMIT ?",
                            (MAX_PROGRESS_IDS,),
                        )
                        ids.update(chart for (chart,) in rows if isinstance(chart, str))
                finally:
                    conn.close()
            except (OSError, sqlite3.Error):
                continue
        return ids

    def _logs(self, problems: list[str]):
        """Each profile's review log there, as (path, log), opened so as never to freeze the
        window; one that cannot be opened is said in `problems` and passed by. The caller
        closes each log."""
        import sqlite3

        from .pending import why
        from .reviewlog import ReviewLog

        for name in self.names():
            path = self.database(name)
            if not path.is_file():
                continue
            try:
                log = ReviewLog(path, wait_ms=RENAME_WAIT_MS)  # never a frozen window
            except (OSError, sqlite3.Error) as exc:
                problems.append(_("Could not open {path}:\n{error}").format(path=path, error=why(exc)))
                continue
            yield path, log

    def copy_chart(self, chart_id: str, new_id: str) -> tuple[int, list[str]]:
        """A chart was saved as a copy with the id `new_id`: every profile's progress under
        `chart_id` is copied to it (ReviewLog.copy_chart). Returns (how many card states and
        answers were copied, what could not be done as sentences); nothing is lost when a log
        cannot be written (the copy starts without that profile's progress)."""
        import sqlite3

        from .pending import why
        from .reviewlog import ReadOnly

        copied, problems = 0, []
        for path, log in self._logs(problems):
            try:
                done = log.copy_chart(chart_id, new_id)
            except (OSError, sqlite3.Error, ReadOnly) as exc:
                problems.append(_("Could not write {path}:\n{error}").format(path=path, error=why(exc)))
            else:
                if done is None:
                    problems.append(
                        _("{path} already has progress under the id {id}: nothing was copied to it.").format(
                            path=path, id=new_id
                        )
                    )
                else:
                    copied += done
            finally:
                log.close()
        return copied, problems

    def rename_zones(
        self,
        chart_id: str,
        renames: dict[str, str],
        *,
        keep: set[str] | frozenset = frozenset(),
        spares: tuple[Path, ...] = (),
        waiting: list[Path] | None = None,
    ):
        """A saved chart's zones were renamed: every profile's progress follows (see
        ReviewLog.rename_zones; each profile's log in one transaction), with the answers
        waiting in files beside it and in `spares`. A log another program holds gets the
        rename later (kept in a file, done when it is free: pending.py); its path is added to
        `waiting`. Returns what could not be done, as sentences; nothing is lost when a log
        cannot be written (its progress stays under the old ids)."""
        import sqlite3

        from .pending import why
        from .reviewlog import ReadOnly
        from .scheduler import is_busy

        problems: list[str] = []
        for path, log in self._logs(problems):
            try:
                log.apply_waiting_renames(spares)  # renames that waited before come first
                log.rename_zones(chart_id, renames, keep=keep, spares=spares)
            except (OSError, sqlite3.Error, ReadOnly) as exc:
                if isinstance(exc, sqlite3.Error) and is_busy(exc):
                    try:
                        log.rename_later(chart_id, renames, keep, spares)
                    except OSError as kept_exc:
                        problems.append(
                            _(
                                "{path} is in use by another program: nothing in it was changed ({error})."
                            ).format(path=path, error=why(kept_exc))
                        )
                    else:
                        if waiting is not None:
                            waiting.append(path)
                else:
                    problems.append(_("Could not write {path}:\n{error}").format(path=path, error=why(exc)))
            finally:
                log.close()
        return problems
