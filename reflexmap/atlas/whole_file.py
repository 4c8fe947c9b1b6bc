"""A chart file read while another program writes it (an editor or a sync tool that truncates
the file, then writes it piece by piece): what was read is a part of the file. It must not
replace the chart shown, and the person must hear that the file is incomplete rather than a
list of errors about a chart they never wrote. Qt-free.

Two signs, both cheap: the file changed while it was read (its size, time or inode before
and after differ: the writer is still at work), or the reading found errors and the file ends
in the middle of a line (a whole chart file ends with a line break; one cut off while written
seldom does). A part that is a sound chart by itself, cut at a line's end and no longer being
written, cannot be told from a whole file by its content. A file that is not text at all (a
picture or a program picked by mistake) is not a part of a chart: its errors are said as they
are (it was said "incomplete … reload once the file is whole", where `check` said "not UTF-8")."""

from __future__ import annotations

import codecs
import os
from collections.abc import Callable
from pathlib import Path

from ..i18n import _
from .errors import AtlasError
from .loader import LoadResult

TAIL = 64 * 1024  # bytes read from the end to find the last line


def stamp(path: Path) -> tuple[int, int, int, int] | None:
    """What tells the file at `path` changed (inode, size, times), taken before it is read;
    None when there is none to read."""
    try:
        found = os.stat(path)
    except OSError:
        return None
    return found.st_ino, found.st_size, found.st_mtime_ns, found.st_ctime_ns


def not_whole(path: Path, before: tuple | None, errors_found: Callable[[], bool]) -> AtlasError | None:
    """Why what was just read of `path` (`before`: its stamp from before the reading) is not
    the whole file, or None: the file changed meanwhile, or it ends in the middle of a line
    and `errors_found()` (the reading found errors at a place in the text; asked only then).
    The one judgement of every chart read: the window's (read_whole) and the editor's
    (document.read_document, document.document_to_fix)."""
    after = stamp(path)
    if before is None or after is None:
        return None  # (missing or unreadable: the reading says so)
    if before != after:
        message = _(
            "the file changed while it was read: another program is still writing it. "
            "The chart shown stays; reload (Ctrl+R) once the file is whole."
        )
        return AtlasError(str(path), 0, 0, message, note=True)
    cut = _cut_line(path)
    if cut is None or not errors_found():  # (refused as a whole, too large or not a file: said as it is)
        return None
    line, column = cut
    message = _(
        "the file is incomplete: it ends in the middle of a line, as a file still being written "
        "does. The chart shown stays; reload (Ctrl+R) once the file is whole."
    )
    return AtlasError(str(path), line, column, message, note=True)


def read_whole(path: Path, read: Callable[[], LoadResult]) -> LoadResult:
    """`read()` (the chart at `path` read), unless the file was being written meanwhile or
    ends cut off with errors: then a result with no chart that says the file is incomplete
    (with the reading's own errors after it, when it found some)."""
    before = stamp(path)
    result = read()
    cut = not_whole(path, before, lambda: not result.ok and any(error.line > 0 for error in result.errors))
    if cut is None:
        return result
    return LoadResult(None, (cut, *result.errors) if cut.line else (cut,))


def _cut_line(path: Path) -> tuple[int, int] | None:
    """(line, column) just after the last character, when the file does not end with a line
    break; None when it does (or is empty, or cannot be read)."""
    try:
        with open(path, "rb") as handle:
            size = handle.seek(0, os.SEEK_END)
            if size == 0:
                return None
            handle.seek(max(0, size - TAIL))
            tail = handle.read(TAIL)
            # (NEL, LS and PS end a line too: a file ending so is refused for them, not cut)
            if tail.endswith((b"\n", b"\r", b"\xc2\x85", b"\xe2\x80\xa8", b"\xe2\x80\xa9")):
                return None
            if not _text_end(tail):
                return None  # not a text file: not a chart cut off while written
            handle.seek(0)
            lines = 1
            while chunk := handle.read(1 << 20):
                lines += chunk.count(b"\n")
    except OSError:
        return None
    last = tail.rsplit(b"\n", 1)[-1]
    return lines, len(last.decode("utf-8", "replace")) + 1


def _text_end(tail: bytes) -> bool:
    """Whether `tail`, the last bytes of a file, can be the end of a UTF-8 text: no NUL byte,
    and valid UTF-8 but for a character cut at either end (the bytes read may begin inside
    one, and a writer may have stopped inside one)."""
    if b"\0" in tail:
        return False
    start = 0
    while start < min(3, len(tail)) and 0x80 <= tail[start] < 0xC0:  # (inside a character)
        start += 1
    try:
        codecs.getincrementaldecoder("utf-8")().decode(tail[start:], final=False)
    except UnicodeDecodeError:
        return False
    return True
