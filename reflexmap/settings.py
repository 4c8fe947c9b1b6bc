"""The user's settings (window layout, last chart, view toggles): a small JSON file written
like all user data, atomically with a backup, and set aside with a warning when damaged.

Offers the few calls of QSettings the app uses, so widgets need not care, but no Qt: bytes
(window geometry) are kept as base64.

The file is input like any other: it is read within bounds (size, depth, number length),
every known value is checked by type and range when read (a bad one falls back to its
default alone, with a message, and the file as it was is kept beside it), and a value asked
for with a default of another type is never handed out. Two windows (or two ReflexMaps)
share the file: each writes only the keys it changed, merged into what is on disk under a
file lock (flock on POSIX, msvcrt's byte lock on Windows), so closing one after the other
loses neither's changes. A folder that cannot be
written is reported once; the app keeps working with the settings in memory.
"""

from __future__ import annotations

import base64
import contextlib
import json
import math
import os
import stat
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from . import bounded_json, setting_rules
from .i18n import _, format_count, ngettext
from .storage import (
    Unreadable,
    backup_of,
    copy_aside,
    error_text,
    listed,
    read_guarded,
    read_regular,
    repeats_said,
    set_aside,
    version_problem,
    version_said,
    write_with_backup,
)

FORMAT = "reflexmap-settings"
VERSION = 1
MAX_BYTES = 4 * 1024 * 1024  # a few KiB in practice
_DELETED = object()


def _is_number(value: Any) -> bool:
    return (
        isinstance(value, (int, float))
        and not isinstance(value, bool)
        and math.isfinite(value)
        and abs(value) <= 1e6
    )


def valid(key: str, value: Any) -> bool:
    """Whether `value` may be used as stored under `key` (setting_rules.RULES: one table)."""
    return setting_rules.check(key, value).reason is None


FIELDS = ("format", "version", "values")  # a settings file's top level, as this version writes it


def parse(
    raw: bytes,
    repeats: list[bounded_json.Repeated] | None = None,
    versions: list | None = None,
    unknown: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """The values of a settings file; `repeats` gets each key written twice (the later value
    is the one used), `versions` why the file's version is not one (it is read as format 1:
    storage.version_problem), `unknown` its top-level fields this version does not know (a
    newer one's: written back as they were, bounded_json.unknown_fields)."""
    try:
        # NaN, 1e999 and a value nested too deep: a bad value alone (said at its place)
        data = bounded_json.loads(raw, max_bytes=MAX_BYTES, nonfinite=True, skip_deep=True, repeats=repeats)
    except bounded_json.JSONBoundsError as exc:
        # says itself, at its place: not JSON, or beyond a bound (in the language of then)
        raise Unreadable(lambda e=exc: e.message, line=exc.line, column=exc.column) from None
    if not isinstance(data, dict) or data.get("format") != FORMAT or not isinstance(data.get("values"), dict):
        line, column = bounded_json.top_place(raw)
        raise Unreadable(lambda: _("not a ReflexMap settings file"), line=line, column=column)
    version = data.get("version")
    problem = version_problem(data, VERSION)
    if problem is not None:  # the version falls back alone: every value is checked alone anyway
        if versions is not None:
            versions.append(problem)
    elif version > VERSION:
        raise Unreadable(
            lambda: _("written by a newer ReflexMap (settings format {version})").format(
                version=format_count(version)
            ),
            f"from-version-{version}",
        )
    if unknown is not None:
        unknown.clear()
        unknown.update(bounded_json.unknown_fields(data, FIELDS))
    return data["values"]


def _show(key: str) -> str:
    return "\u2068" + key[:80] + "\u2069"


class Settings:
    def __init__(self, path: str | Path):
        self.path = Path(path)
        self._said: list[str | Callable[[], str]] = []  # a callable: said in the language of then
        self.on_problem: Callable[[str], None] | None = None  # the window shows write failures
        self._changed: dict[str, Any] = {}  # key -> value (or _DELETED) this instance set
        self._write_failed = False
        read: list[bytes] = []  # the bytes parsed last: of the file, or of its backup
        repeats: list[bounded_json.Repeated] = []  # keys written twice in them
        versions: list[Callable[[], str]] = []  # why their version is not one

        self._unknown: dict[str, Any] = {}  # top-level fields of a newer version, kept

        def parse_keeping(raw: bytes) -> dict[str, Any]:
            read[:], repeats[:], versions[:] = [raw], [], []
            return parse(raw, repeats, versions, self._unknown)

        try:
            values, said = read_guarded(self.path, parse_keeping, "settings", MAX_BYTES)
            self._said = list(said)
        except OSError as exc:  # the folder itself cannot be read
            values = None
            self._said = [
                lambda e=exc: _(
                    "The settings could not be read ({reason}). Starting with default settings."
                ).format(reason=error_text(e))
            ]
        source = self.path if self.path.exists() else backup_of(self.path)  # (a damaged one is aside)
        if repeats and values is not None:
            self._said.append(repeats_said(source, repeats, copy_aside(self.path, "repeated-keys", source)))
        if versions and values is not None:  # the next write says 1: the file as it was is kept
            kept = copy_aside(self.path, "bad-version", source)
            self._said.append(version_said(source, read[0], versions[0], VERSION, kept))
        self._values: dict[str, Any] = self._checked(values or {}, read[0] if read else b"", source)
        folder = self.path.parent
        if folder.is_dir() and not os.access(folder, os.W_OK):  # read-only: say so once, now
            self._write_failed = True
            self._said.append(
                lambda: _(
                    "The settings folder {folder} cannot be written: changes to the settings last "
                    "until ReflexMap is closed. Nothing in it is changed."
                ).format(folder="\u2068" + str(folder) + "\u2069")
            )

    @property
    def warnings(self) -> list[str]:
        """What was wrong with the file, in the interface language as it is now (the settings
        are read before the language they hold is applied)."""
        return [said() if callable(said) else said for said in self._said]

    def take_warnings(self) -> list[str]:
        """The warnings, for the window that says them; said once: a window built later on
        the same settings (after a language switch) does not say them again."""
        warnings, self._said = self.warnings, []
        return warnings

    def _checked(self, values: dict[str, Any], raw: bytes, source: Path) -> dict[str, Any]:
        """The values that are what they must be (type and range, setting_rules.RULES); each
        other one falls back to its default alone (a list keeps its usable entries), all of
        them named with their place in `raw` (read from `source`) and the reason in one
        message, and the file as it was is copied aside so that nothing in it is lost."""
        usable: dict[str, Any] = {}
        bad: dict[str, tuple[Any, tuple]] = {}  # key -> (value, the place of the trouble in it)
        for key, value in values.items():
            checked = setting_rules.check(key, value)
            if checked.reason is None:
                usable[key] = value
                continue
            bad[key] = (value, ("values", key, *checked.where))
            if checked.value is not None:
                usable[key] = checked.value
        if not bad:
            return values
        text = bounded_json.text_of(raw)
        found = bounded_json.places(text, {at for _value, at in bad.values()})
        places = {}
        for key, (_value, at) in bad.items():
            if type(at[-1]) is bounded_json.TooDeep:  # skipped while reading: its own place
                places[key] = (source, at[-1].line, at[-1].column)
            else:
                places[key] = (source, *(found[at] if at in found else found.get(at[:2], (0, 0))))
        kept = copy_aside(self.path, "bad-values", source)
        self._said.append(lambda: _bad_values_message(bad, places, kept))
        return usable

    def fileName(self) -> str:  # noqa: N802 - the QSettings name, for code that used it
        return str(self.path)

    def value(self, key: str, default: Any = None, type: Any = None) -> Any:  # noqa: A002
        value = self._values.get(key, default)
        if isinstance(value, dict) and "$base64" in value:
            value = setting_rules.decoded(value)
            if value is None:
                return default
        if type is bool:
            return value if isinstance(value, bool) else str(value).lower() in ("1", "true", "yes")
        if type is list:
            if isinstance(value, (list, tuple)):
                return [v for v in value if isinstance(v, str)] if isinstance(default, list) else list(value)
            return [] if value in (None, "") else [value]
        if default is not None and not _same_kind(value, default):
            return default  # never hand out a value of another kind than the caller expects
        return value

    def setting(self, key: str, type: Any = None) -> Any:  # noqa: A002
        """The value under `key`, or its default as the table names it (setting_rules.RULES:
        the one place a default is written; the start message names the same one)."""
        return self.value(key, setting_rules.default(key), type)

    def setValue(self, key: str, value: Any) -> None:  # noqa: N802
        self.update({key: value})

    def update(self, values: dict[str, Any]) -> None:
        """Set several values with one write of the file (closing the window saves five).

        A value set is written even when this instance already held it: another window may
        have written another value since, and the one chosen last is the one kept."""
        for key, value in values.items():
            if isinstance(value, (bytes, bytearray, memoryview)):
                value = {"$base64": base64.b64encode(bytes(value)).decode("ascii")}
            elif isinstance(value, Path):
                value = str(value)
            json.dumps(value)  # only JSON-able values: a bug to pass anything else
            self._values[key] = value
            self._changed[key] = value
        if values:
            self.sync()

    def edit(self, key: str, change: Callable[[Any], Any]) -> None:
        """Change a value from what it is on disk, under the lock: `change` gets the value as
        the file holds it now (None when it has none) and returns the new one. For values that
        gather what several windows do (the recent charts): setting the whole value from this
        window's copy would drop what another window added since it read the file."""
        earlier = self._changed.get(key)
        if callable(earlier):  # a change not yet written (the folder refused it): both, in order
            first = earlier
            step = change

            def change(value: Any, first=first, step=step) -> Any:
                return step(first(value))

        elif key in self._changed:  # a whole value set, not yet written: changed from it
            whole = earlier

            def change(value: Any, whole=whole, step=change) -> Any:
                return step(None if whole is _DELETED else whole)

        self._values[key] = change(self._values.get(key))
        json.dumps(self._values[key])
        self._changed[key] = change
        self.sync()

    def remove(self, key: str) -> None:
        if self._values.pop(key, None) is not None:
            self._changed[key] = _DELETED
            self.sync()

    def clear(self) -> None:
        for key in self._values:
            self._changed[key] = _DELETED
        self._values.clear()
        self.sync()

    def sync(self) -> None:
        """Write this instance's changes, merged into what is on disk now (another window may
        have written since), under a lock; a failure is reported once and nothing is lost."""
        try:
            with _locked(self.path):
                on_disk, exact = self._read_current()
                before = dict(on_disk)
                for key, value in self._changed.items():
                    if value is _DELETED:
                        on_disk.pop(key, None)
                    elif callable(value):  # an edit of what is on disk now (Settings.edit)
                        on_disk[key] = value(on_disk.get(key))
                    else:
                        on_disk[key] = value
                if on_disk != before or not exact:
                    data = {**self._unknown, "format": FORMAT, "version": VERSION, "values": on_disk}
                    text = bounded_json.dumps(data, indent=1, sort_keys=True)  # 1e999 kept as written
                    write_with_backup(self.path, text.encode("utf-8"))
        except OSError as exc:
            self._report_write_failure(exc)
            return
        self._values = on_disk
        self._changed.clear()
        self._write_failed = False

    def _read_current(self) -> tuple[dict[str, Any], bool]:
        """What another window may have written since this one read the file (never set aside
        here: a file this instance cannot use is replaced by its own values as before), and
        whether the file holds exactly these values (so that writing them again is needless)."""
        try:
            raw = read_regular(self.path, MAX_BYTES)
        except OSError:  # gone, or not a file this instance can use: its own values stand
            return dict(self._values), False
        versions: list = []  # a version that is not one: written again as 1
        unknown: dict[str, Any] = {}
        try:
            values = parse(raw, versions=versions, unknown=unknown)
        except Unreadable:
            return dict(self._values), False
        self._unknown = unknown  # (another window's newer version may have written some since)
        usable = {}
        for key, value in values.items():
            checked = setting_rules.check(key, value)
            if checked.value is not None:
                usable[key] = checked.value
        return usable, usable == values and not versions

    def _report_write_failure(self, exc: OSError) -> None:
        if self._write_failed:
            return  # said once; the changes stay in memory and are written when it works again
        self._write_failed = True
        message = _(
            "The settings could not be saved to {file} ({reason}). ReflexMap keeps working; "
            "changes are kept until the folder can be written again."
        ).format(file="\u2068" + str(self.path) + "\u2069", reason=error_text(exc))
        if self.on_problem is not None:
            self.on_problem(message)
        else:
            self._said.append(message)


def _bad_values_message(
    bad: dict[str, tuple[Any, tuple]], places: dict[str, tuple[Path, int, int]], kept: Path | None
) -> str:
    """One message for every value that fell back: where it is (file:line:column), the
    setting, its key, why and what is used instead (checked again now, so that the reasons are
    in the interface language of now)."""
    lines = [_bad_value_line(key, value, places[key]) for key, (value, _at) in bad.items()]
    message = (
        ngettext(
            "This setting could not be used as stored; the others are kept:",
            "These {count} settings could not be used as stored; the others are kept:",
            len(bad),
        ).format(count=format_count(len(bad)))
        + "\n"
        + listed(lines[:10], len(lines), kept)
    )
    return message


def _bad_value_line(key: str, value: Any, place: tuple[Path, int, int]) -> str:
    """`/home/…/settings.json:9:25: Quiz: questions per round (quiz/setup/length): this number
    is too large to read: '1e999'; the default 10 is used.`"""
    file, line, column = place
    checked = setting_rules.check(key, value)
    default = setting_rules.default(key)
    if key not in setting_rules.RULES:  # (a newer ReflexMap's, holding what none writes)
        outcome = _("it is left out")
    elif checked.value is not None:
        outcome = _("the other entries are kept")
    elif default is not None:
        outcome = _("the default {value} is used").format(value=setting_rules.in_words(key, default))
    else:
        outcome = _("the default is used")
    where = "\u2068" + str(file) + "\u2069" + (f":{line}:{column}" if line else "")
    return _("{place}: {setting} ({key}): {reason}; {outcome}.").format(
        place=where, setting=setting_rules.label(key), key=_show(key), reason=checked.reason, outcome=outcome
    )


def _same_kind(value: Any, default: Any) -> bool:
    if isinstance(default, bool):
        return isinstance(value, bool)
    if isinstance(default, (int, float)):
        return _is_number(value)
    if isinstance(default, str):
        return isinstance(value, str)
    if isinstance(default, (list, tuple)):
        return isinstance(value, (list, tuple))
    if isinstance(default, bytes):
        return isinstance(value, bytes)
    return True


LOCK_WAIT_S = 10.0  # Windows: how long a write waits for another window's lock before it is said


@contextlib.contextmanager
def _locked(path: Path) -> Iterator[None]:
    """An exclusive lock beside `path` (a separate file: the settings file itself is replaced).

    POSIX: flock(2) on the lock file. Windows: msvcrt's lock on its first byte. Either is held
    by the open file, so the system drops it when the process ends however it ends (a crash
    leaves no stale lock to judge). On Windows the wait is bounded: a window that holds the
    lock for LOCK_WAIT_S (hung) makes this write fail as a full disk does, said once, the
    settings kept in memory and written at the next change."""
    path.parent.mkdir(parents=True, exist_ok=True)
    lock = path.with_name(path.name + ".lock")
    try:
        import fcntl
    except ImportError:
        fcntl = None
    if fcntl is None:
        try:
            import msvcrt
        except ImportError:  # neither (no such platform is supported): atomic writes, not merged
            yield
            return
        with _windows_lock(lock, msvcrt):
            yield
        return
    fd = os.open(_lock_file(lock), os.O_RDWR | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0), 0o600)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)


def _lock_file(lock: Path) -> Path:
    """`lock`, made a place a lock file can be: a folder, pipe, device or link found there
    (another program's, or a hand's) is moved aside first, never opened. A folder there made
    every settings write fail, a link would have had the lock made where it leads, and a
    device would have been opened. A lock file holds nothing: what was there is only moved."""
    try:
        mode = os.lstat(lock).st_mode
    except FileNotFoundError:
        return lock
    if not stat.S_ISREG(mode):
        set_aside(lock, "not-a-lock-" + time.strftime("%Y%m%d-%H%M%S"))
    return lock


@contextlib.contextmanager
def _windows_lock(lock: Path, msvcrt: Any) -> Iterator[None]:
    """msvcrt.locking on byte 0 of `lock`, tried until LOCK_WAIT_S have passed (its own
    LK_LOCK gives up after 10 tries of a second each, with the same error as any other)."""
    fd = os.open(lock, os.O_RDWR | os.O_CREAT | getattr(os, "O_BINARY", 0), 0o600)
    try:
        deadline = time.monotonic() + LOCK_WAIT_S
        while True:
            os.lseek(fd, 0, os.SEEK_SET)  # the lock covers bytes from the file's position
            try:
                msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
                break
            except OSError as exc:
                if time.monotonic() >= deadline:
                    raise OSError(
                        exc.errno, _("another ReflexMap window kept the settings locked"), str(lock)
                    ) from exc
                time.sleep(0.02)
        try:
            yield
        finally:
            os.lseek(fd, 0, os.SEEK_SET)
            msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
    finally:
        os.close(fd)
