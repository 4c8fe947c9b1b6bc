"""Writing files so that a crash or a full disk never leaves a half-written one behind.

Write to a temporary file beside the target, flush and fsync it, then rename it over the
target in one step (os.replace is atomic on POSIX and Windows for the same filesystem).
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path


@contextlib.contextmanager
def atomic_path(target: str | Path, suffix: str | None = None) -> Iterator[Path]:
    """Yields a temporary path to write; on success it replaces `target` atomically.

    The temporary file keeps the target's suffix so that writers choosing a format from
    the file name (QImage.save) still do the right thing.
    """
    target = Path(target)
    fd, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=suffix or target.suffix, dir=target.parent)
    os.close(fd)
    temporary = Path(name)
    try:
        yield temporary
        with open(temporary, "rb+") as handle:
            os.fsync(handle.fileno())
        # mkstemp makes the file private (0600); give it the mode a plain open() would have
        os.chmod(temporary, target.stat().st_mode & 0o777 if target.exists() else _default_mode())
        os.replace(temporary, target)
    finally:
        if temporary.exists():
            temporary.unlink()


def _default_mode() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return 0o666 & ~mask
