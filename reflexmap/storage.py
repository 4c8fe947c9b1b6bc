"""Writing files so that a crash or a full disk never leaves a half-written one behind,
and reading them back so that a damaged one is never silently dropped.

Write to a temporary file beside the target, flush and fsync it, then rename it over the
target in one step (os.replace is atomic on POSIX and Windows for the same filesystem).
User data also keeps the previous version as `<name>.bak`. Pure Python: no Qt.
"""

from __future__ import annotations

import contextlib
import errno
import os
import shutil
import stat
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TypeVar

from . import bounded_json
from .i18n import N_, _, file_isolate, format_count, isolated, ngettext, shown_file

FRESH_START = {
    "progress": N_("Starting with empty progress."),
    "settings": N_("Starting with default settings."),
}

T = TypeVar("T")


@contextlib.contextmanager
def atomic_path(target: str | Path, suffix: str | None = None, *, backup: bool = False) -> Iterator[Path]:
    """Yields a temporary path to write; on success it replaces `target` atomically.

    The temporary file keeps the target's suffix so that writers choosing a format from
    the file name (QImage.save) still do the right thing. With `backup`, the version being
    replaced is first copied (atomically too) to `<name>.bak`. A symbolic link is kept: the
    file it leads to is replaced, in its own folder, with its backup beside it (as vim does).
    """
    target = link_target(Path(target))
    refuse_special(target)
    try:
        fd, name = tempfile.mkstemp(  # a name as long as a name may be leaves no room for more
            prefix=f".{target.name[:120]}.", suffix=(suffix or target.suffix)[:16], dir=target.parent
        )
    except OSError as exc:
        raise _naming(exc, target) from exc
    os.close(fd)
    temporary = Path(name)
    try:
        yield temporary
        with open(temporary, "rb+") as handle:
            os.fsync(handle.fileno())
        # mkstemp makes the file private (0600); give it the mode a plain open() would have
        os.chmod(temporary, target.stat().st_mode & 0o777 if target.exists() else _default_mode())
        if backup and target.exists():
            with atomic_path(backup_of(target)) as backup_temporary:
                shutil.copyfile(target, backup_temporary)
        os.replace(temporary, target)
        _fsync_folder(target.parent)  # the rename itself survives a power cut
    except OSError as exc:
        raise _naming(exc, target) from exc
    finally:
        if temporary.exists():
            with contextlib.suppress(OSError):
                temporary.unlink()


def link_target(path: Path) -> Path:
    """The file a write to `path` should replace: `path` itself, or, for a symbolic link
    (through any chain of links), the file it finally leads to, so that the link stays a link
    and the real file gets the data. A link to nowhere or round in a circle is an OSError with
    a plain sentence."""
    if not os.path.islink(path):
        return path
    try:
        return Path(os.path.realpath(path, strict=True))
    except FileNotFoundError:
        where = os.path.realpath(path)
        raise OSError(  # (not ENOENT: the folder is there, "no such file" would mislead)
            errno.EINVAL,
            _("{file} is a link to {target}, which does not exist; choose another file name").format(
                file=file_isolate(path), target=file_isolate(where)
            ),
        ) from None
    except (OSError, RuntimeError):  # ELOOP (RuntimeError on older Pythons)
        raise OSError(
            errno.ELOOP,
            _("{file} is a link that leads round in a circle; choose another file name").format(
                file=file_isolate(path)
            ),
        ) from None


def is_regular_file(path: str | Path) -> bool:
    """Whether `path` names a regular file; False for any name the system refuses (too long, a
    NUL character in it, a folder it cannot enter), where Path.is_file() raises instead."""
    try:
        return stat.S_ISREG(os.stat(path).st_mode)
    except (OSError, ValueError):
        return False


class Refused(OSError):
    """A stored file refused as it was read (not a regular file, or too large): its words
    are the plain reason, without "[Errno …]" or the file name (the sentence names it), said in
    the interface language of when they are shown (settings are read before their language is
    applied)."""

    def __init__(self, code: int, said: Callable[[], str], filename: str):
        super().__init__(code, "", filename)
        self._said = said

    @property
    def strerror(self) -> str:  # type: ignore[override]
        return self._said()

    def __str__(self) -> str:
        return self._said()


def read_regular(path: str | Path, max_bytes: int, *, follow: bool = True) -> bytes:
    """The bytes of the regular file at `path`, never more than `max_bytes` read. A pipe,
    device, socket or folder is refused without waiting (opened non-blocking: a pipe with no
    writer would block open() for ever) and a file over `max_bytes` is refused with the exact
    figures before anything is read, so that a huge or endless stored file is never loaded.
    `follow=False`: a symbolic link is refused too (OSError), never followed (where the system
    has O_NOFOLLOW)."""
    flags = os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0)
    if not follow:
        flags |= getattr(os, "O_NOFOLLOW", 0)
    fd = os.open(path, flags)
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            folder = stat.S_ISDIR(info.st_mode)

            def what() -> str:
                return _("a folder") if folder else _("a device, pipe or socket")

            raise Refused(
                errno.EINVAL, lambda: _("not a regular file ({what})").format(what=what()), str(path)
            )
        if info.st_size > max_bytes:
            size = info.st_size
            raise Refused(errno.EFBIG, lambda: _too_large(size, max_bytes), str(path))
        chunks: list[bytes] = []
        left = max_bytes + 1  # never more than the limit, even if the file grows meanwhile
        while left > 0:
            chunk = os.read(fd, min(left, 1 << 20))
            if not chunk:
                break
            chunks.append(chunk)
            left -= len(chunk)
        data = b"".join(chunks)
        if len(data) > max_bytes:
            size = max(len(data), os.fstat(fd).st_size)
            raise Refused(errno.EFBIG, lambda: _too_large(size, max_bytes), str(path))
        return data
    finally:
        os.close(fd)


def _too_large(size: int, limit: int) -> str:
    return _("the file is {size} bytes; the limit is {limit} bytes").format(
        size=format_count(size), limit=format_count(limit)
    )


def refuse_special(target: Path) -> None:
    """A device, pipe, socket or folder is never replaced by a regular file."""
    try:
        mode = os.stat(target).st_mode
    except FileNotFoundError:
        return
    except OSError as exc:
        raise _naming(exc, target) from exc
    if not stat.S_ISREG(mode):
        what = _("a folder") if stat.S_ISDIR(mode) else _("a device, pipe or socket")
        raise OSError(
            errno.EINVAL,
            _("{file} is not a regular file ({what}); choose another file name").format(
                file=target, what=what
            ),
        )


# The system's words for the errors a user meets when saving, in the interface language (the
# C library says them in English whatever the interface language is).
_ERRNO_WORDS = {
    errno.ENOSPC: N_("No space left on device"),
    errno.EDQUOT: N_("Disk quota exceeded"),
    errno.EROFS: N_("Read-only file system"),
    errno.EACCES: N_("Permission denied"),
    errno.EPERM: N_("Operation not permitted"),
    errno.EIO: N_("Input/output error"),
    errno.ENOENT: N_("No such file or directory"),
    errno.ENAMETOOLONG: N_("File name too long"),
    errno.EISDIR: N_("Is a directory"),
    errno.ENOTDIR: N_("Not a directory"),
}


def error_text(exc: BaseException) -> str:
    """An error as words for the user: an OSError's own words without "[Errno 22]" (the file
    it concerns is named by the sentence around it, or already in the words), in the interface
    language where it is one the system says in English."""
    if isinstance(exc, OSError) and exc.strerror:
        words = _ERRNO_WORDS.get(exc.errno) if exc.errno is not None else None
        if words is not None and exc.strerror == os.strerror(exc.errno):
            return _(words)
        return exc.strerror
    return str(exc)


def _naming(exc: OSError, target: Path) -> OSError:
    """The error as the user sees it: about the file they named, never the hidden temporary."""
    if str(target) in str(exc) and not exc.filename:
        return exc
    return OSError(
        exc.errno, _("could not write {file}: {reason}").format(file=target, reason=error_text(exc))
    )


def _fsync_folder(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return  # a platform or file system that cannot open folders: nothing more to do
    try:
        os.fsync(fd)
    except OSError:
        pass  # some file systems refuse to fsync a folder; the rename is done
    finally:
        os.close(fd)


WRITE_STEP = 1 << 20  # bytes written at a time: a large payload is never copied whole


def write_checked(path: Path, payload: bytes | memoryview, *, without: bytes = b"") -> None:
    """Write all of `payload` to `path` and check that it is all there (a full disk that
    accepts a short write is an error, not a truncated file). `without`: bytes left out of
    what is written (one step at a time: no copy of the whole payload is made)."""
    whole = memoryview(payload).cast("B")
    size = 0
    with open(path, "wb") as handle:
        for start in range(0, len(whole), WRITE_STEP):
            view = whole[start : start + WRITE_STEP]
            if without:
                view = memoryview(view.tobytes().translate(None, without))
            size += len(view)
            while view:
                written = handle.write(view)
                if not written:
                    raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
                view = view[written:]
        handle.flush()
        os.fsync(handle.fileno())
    if os.path.getsize(path) != size:
        raise OSError(errno.EIO, _("the file was not written in full"))


def _default_mode() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return 0o666 & ~mask


READ_LIMIT = 64 * 1024 * 1024  # the largest stored file read_guarded reads (progress.json)


class Unreadable(ValueError):
    """A stored file this version cannot use; `label` names the copy it is kept as, `line` and
    `column` (from 1; 0: the file as a whole) where the trouble is. The reason may be a
    callable, said in the interface language of when it is shown (settings are read before the
    language they hold is applied)."""

    def __init__(
        self, reason: str | Callable[[], str], label: str | None = None, line: int = 0, column: int = 0
    ):
        super().__init__(reason if isinstance(reason, str) else "")
        self._reason = reason
        self.label = label or "damaged-" + time.strftime("%Y%m%d-%H%M%S")
        self.line, self.column = line, column

    @property
    def reason(self) -> str:
        return self._reason if isinstance(self._reason, str) else self._reason()

    def __str__(self) -> str:
        return self.reason


Said = Callable[[], str]  # a message made when it is shown, in the language of then


def backup_of(path: Path) -> Path:
    return path.with_name(path.name + ".bak")


def write_with_backup(path: str | Path, payload: bytes) -> None:
    """Atomically replace `path` with `payload`, keeping the previous version as `<name>.bak`
    (itself written atomically). Killed at any moment, the file and its backup are whole."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    with atomic_path(path, backup=True) as temporary:
        write_checked(temporary, payload)


def candidates_of(path: Path) -> list[Path]:
    """The files read_guarded tries, in its order: the file, then its backup (lexists: a link
    to nowhere or to itself is there too, said and set aside, not ignored)."""
    return [p for p in (path, backup_of(path)) if os.path.lexists(p)]


def read_guarded(
    path: str | Path,
    parse: Callable[[bytes], T],
    what: str,
    max_bytes: int = READ_LIMIT,
    read: Callable[[Path], T] | None = None,
) -> tuple[T | None, list[Said]]:
    """Read `path` (or its backup) with `parse`. A file that cannot be used is renamed aside,
    never deleted or overwritten, and each problem becomes a sentence for the user: a callable
    that says it in the interface language of when it is shown, with `file:line:column` where
    the trouble has a place. `read(candidate)`: the file's reading as parse(read_regular(…))
    gives it, had elsewhere (a child process: quiz/progress_child.py), raising Unreadable or
    OSError as that does; what is done with it (set aside, said) is done here alike."""
    path = Path(path)
    warnings: list[Said] = []
    _remove_interrupted_writes(path)
    candidates = candidates_of(path)
    if not candidates:
        return None, warnings
    read = read or (lambda candidate: parse(read_regular(candidate, max_bytes)))
    for candidate in candidates:
        try:
            value = read(candidate)
        except (OSError, Unreadable) as exc:
            label = (
                exc.label if isinstance(exc, Unreadable) else "unreadable-" + time.strftime("%Y%m%d-%H%M%S")
            )
            try:
                aside = set_aside(candidate, label)
            except OSError as problem:  # a read-only or otherwise unwritable folder
                warnings.append(_not_set_aside(candidate, exc, problem))
                continue
            warnings.append(_set_aside_said(candidate, exc, aside))
            continue
        if candidate != path:
            # (not "restored": the file is written again only at the next save, if the folder can be)
            warnings.append(
                lambda: _("The backup copy {backup} of {file} is used instead.").format(
                    backup=_whole(backup_of(path)), file=_whole(path)
                )
            )
        return value, warnings
    warnings.append(lambda: _(FRESH_START.get(what, FRESH_START["progress"])))
    return None, warnings


def said(warnings: list[Said]) -> list[str]:
    """The messages of read_guarded, in the interface language of now."""
    return [say() for say in warnings]


def _place(file: Path, exc: BaseException) -> str:
    """`name:line:column` where the trouble is, or the name alone."""
    line, column = getattr(exc, "line", 0), getattr(exc, "column", 0)
    return f"{_whole(file)}:{line}:{column}" if line else _whole(file)


def _whole(file: Path) -> str:
    """A stored file in a message: its whole path (the person has to find it), isolated."""
    return "\u2068" + str(Path(file).absolute()) + "\u2069"


def _reason(exc: BaseException) -> str:
    return error_text(exc) if isinstance(exc, OSError) else str(exc)


def _set_aside_said(file: Path, exc: BaseException, aside: Path) -> Said:
    return lambda: _("{place}: {reason}. The file could not be used and was kept as {kept}.").format(
        place=_place(file, exc), reason=_reason(exc).rstrip("."), kept=_whole(aside)
    )


def _not_set_aside(file: Path, exc: BaseException, problem: OSError) -> Said:
    return lambda: _(
        "{place}: {reason}. The file could not be used, and could not be set aside ({problem}); "
        "it was left as it is."
    ).format(place=_place(file, exc), reason=_reason(exc).rstrip("."), problem=error_text(problem))


def _remove_interrupted_writes(path: Path) -> None:
    """Temporary files of writes that never finished; never the real files (beside the file a
    link leads to too: writes go there)."""
    real = Path(os.path.realpath(path))
    for name, folder in {(p.name, p.parent) for p in (path, backup_of(path), real, backup_of(real))}:
        for leftover in folder.glob(f".{name}.*"):
            if leftover.is_file():
                with contextlib.suppress(OSError):  # a read-only folder: they stay, harmless
                    leftover.unlink(missing_ok=True)


def repeats_said(file: Path, repeats: list, kept: Path | None, total: int | None = None) -> Said:
    """One message for the keys written twice in `file` (bounded_json.Repeated, each at its
    place): the later value of each is used, as JSON readers do, and the file as it was is
    `kept` (the next save writes each key once). `total`: how many there are, when `repeats`
    holds only the first ones."""
    count = len(repeats) if total is None else total

    def say() -> str:
        line_words = _("{place}: the key “{key}” was already written at line {line}, column {column}.")
        lines = [
            line_words.format(
                place=f"{_whole(file)}:{repeat.line}:{repeat.column}",
                key="\u2068" + repeat.key[:80] + "\u2069",
                line=repeat.first_line,
                column=repeat.first_column,
            )
            for repeat in repeats[:10]
        ]
        message = ngettext(
            "A key is written twice in one place; its later value is used:",
            "{count} keys are written twice in one place; the later value of each is used:",
            count,
        ).format(count=format_count(count))
        return message + "\n" + listed(lines, count, kept)

    return say


def listed(lines: list[str], total: int, kept: Path | None = None) -> str:
    """Problems one under another, each after a bullet (so that where each starts shows when
    they wrap), then how many more of the `total` there are, and where the file as it was is
    `kept` (its whole path: the person has to find it)."""
    shown = "\n".join("• " + line for line in lines)
    if total > len(lines):
        shown += "\n" + _("… and {count} more.").format(count=format_count(total - len(lines)))
    if kept is not None:
        shown += "\n" + _("The file as it was is kept as {kept}.").format(
            kept=isolated(shown_file(Path(kept).absolute()))
        )
    return shown


def copy_aside(path: Path, label: str, source: Path | None = None) -> Path | None:
    """`source` (or `path`) as it is, copied beside `path` as `<name>.<label>-<time>` (a file
    that is read and used in part stays where it is); None when it cannot be copied."""
    aside = path.with_name(f"{path.name}.{label}-{time.strftime('%Y%m%d-%H%M%S')}")
    try:
        if not aside.exists():
            shutil.copyfile(source or path, aside)
        return aside
    except OSError:
        return None


def set_aside(path: Path, label: str) -> Path:
    """Rename `path` to `<name>.<label>` beside it (a number added if that is taken); never deleted."""
    aside = path.with_name(f"{path.name}.{label}")
    n = 1
    while aside.exists():
        n += 1
        aside = path.with_name(f"{path.name}.{label}-{n}")
    os.replace(path, aside)
    return aside


@contextlib.contextmanager
def temporary_folder_beside(target: Path, said: Callable[[str], None] | None = None) -> Iterator[None]:
    """Work files (tempfile's, ours and libraries' alike) in the system's temporary folder, or,
    when it cannot take a file (read-only, full, gone), in a hidden folder beside `target`
    for the time of the block (then removed): the export goes on, and `said` gets one sentence
    saying so. An OSError naming the two folders if neither can be written."""
    try:
        with tempfile.TemporaryFile():
            pass
    except OSError as exc:
        system, reason = _system_temporary_folder(), error_text(exc)
        try:
            folder = Path(tempfile.mkdtemp(prefix=".reflexmap-work-", dir=target.parent))
        except OSError as beside:
            raise OSError(
                beside.errno,
                _(
                    "neither the temporary folder {folder} ({reason}) nor {beside} can take work "
                    "files ({why})"
                ).format(
                    folder=file_isolate(system),
                    reason=reason,
                    beside=file_isolate(target.parent),
                    why=error_text(beside),
                ),
            ) from None
    else:
        yield
        return
    saved = tempfile.tempdir
    tempfile.tempdir = str(folder)
    try:
        yield
    finally:
        tempfile.tempdir = saved
        shutil.rmtree(folder, ignore_errors=True)
    if said is not None:
        said(
            _(
                "The system's temporary folder {folder} cannot be written ({reason}): the work files "
                "were made beside {file} instead, and removed."
            ).format(folder=file_isolate(system), reason=reason, file=file_isolate(target.name))
        )


def _system_temporary_folder() -> str:
    """The temporary folder tempfile would use, for messages (it may be gone too)."""
    try:
        return tempfile.gettempdir()
    except OSError:  # none of TMPDIR, /tmp, /var/tmp… is usable
        return os.environ.get("TMPDIR") or "/tmp"


def version_problem(data: dict, newest: int) -> Callable[[], str] | None:
    """Why the `version` of a stored file's top level is not a format version (None: it is
    one, or is newer than `newest`, a file the caller sets aside whole as another format's).

    A version missing, of another type (`"one"`, `1.0`, `true`, a list) or below 1 says
    nothing about how the values are written: every value is checked alone anyway, so such a
    file is read as format `newest` (only format 1 exists), the version falling back alone as
    any bad value does, with this reason; never the whole file set aside for it."""
    if "version" not in data:
        return lambda: _("the file has no format version")
    version = data["version"]
    if type(version) is int and version >= 1:
        return None
    written = _as_written(version)
    return lambda: _("the format version {value} is not one ReflexMap writes").format(value=isolated(written))


def _as_written(value: object) -> str:
    """A top-level value quoted as the file wrote it, short (a number read by bounded_json
    knows its text: `1.0`, `1e999`; 5,000 digits are not converted to be shown)."""
    import json

    held = getattr(value, "written", None)
    if isinstance(held, str):
        text = held
    elif isinstance(value, int) and not isinstance(value, bool) and abs(value) >= 10**40:
        text = f"{'-' if value < 0 else ''}10^{len(str(abs(value))) - 1}…"
    else:
        try:
            text = json.dumps(value, ensure_ascii=False)
        except (TypeError, ValueError):  # (a value skipped as too deep)
            text = "…"
    return text if len(text) <= 40 else text[:39] + "…"


def version_place(raw: bytes) -> tuple[int, int] | None:
    """(line, column) of the top level's `version` in a stored file's bytes; None if not there."""
    return bounded_json.places(bounded_json.text_of(raw), {("version",)}).get(("version",))


def version_said(
    file: Path,
    raw: bytes,
    reason: Callable[[], str],
    newest: int,
    kept: Path | None,
    place: tuple[int, int] | None = None,
) -> Said:
    """The message for a file read as format `newest` although its version is not one
    (`version_problem`): at the version's place (`place`, if found already: else looked for in
    `raw`), and where the file as it was is kept."""
    place = place or version_place(raw)
    where = f"{_whole(file)}:{place[0]}:{place[1]}" if place else _whole(file)

    def say() -> str:
        text = _("{place}: {reason}; it is read as format {version}, each value checked alone.").format(
            place=where, reason=reason(), version=newest
        )
        if kept is not None:
            text += "\n" + _("The file as it was is kept as {kept}.").format(kept=_whole(kept))
        return text

    return say
