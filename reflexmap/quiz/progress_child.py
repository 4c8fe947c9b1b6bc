"""An old progress.json read in a child process, for the window's background work: Python's
json parser holds the interpreter's lock (the GIL) through each call, so a thread reading a
file of 20,000 cards held the window's thread for 0.1–0.3 s at a time, however the reading
was split (the plain parse that counts the cards alone: 120 ms in one call). The child reads
the file with every bound and check, and sends back the cards in small frames that this side
takes in a millisecond each, the window's thread running between them.

The child only reads: it never sets a file aside, uses a backup or copies a file. It reads
each file read_guarded would try (the file, then its backup, until one can be used) with
every bound and check, and sends what it found: for a file that cannot be used, why (in the
language asked for) and where; for the one used, its cards and what is wrong in it (records
left out, keys written twice, a wrong version), with the places found there. This side then
does what ProgressStore.load does with a reading, with the child's reading: sets aside,
copies aside and says, in the same words. Before, a file with anything to say was answered
"read it there" and parsed again here, a damaged file of 8 MiB holding the window's thread for
seconds; and before that, the child set the damaged file aside and then sent its warning:
killed or crashed in between, this side read again, found the file gone and started with
empty progress, saying nothing.

Files smaller than IN_PROCESS_BYTES are read here, the same way (a child's start costs more
than they); where no child can be started or it fails, the file is read here too. Qt-free."""

from __future__ import annotations

import marshal
import os
import struct
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

from .. import bounded_json
from ..storage import Unreadable, candidates_of, error_text, read_regular
from .progress import MAX_BYTES, MAX_CARDS, Cards, LegacyCardState, Loaded, ProgressStore, parse

IN_PROCESS_BYTES = 512 * 1024  # parsed in one call here: ~15 ms of the lock at most
CARDS_A_FRAME = 500  # cards sent together (taken here in ~1 ms)
MAX_FRAME = 4 * 1024 * 1024  # bytes of one frame: more is not from the child as written
_LENGTH = struct.Struct("<I")
_FIELDS = ("box", "due", "seen", "right", "wrong", "last_seen", "last_right")


def load(path: Path, language: str) -> Loaded:
    """ProgressStore(path).load(), its warnings in `language`: the files read in a child
    process when one of them is large, else here."""
    if read_in_child(path):
        read = _from_child(path, language)
        if read is not None:
            return ProgressStore(path).load(read)
    return ProgressStore(path).load()


def read_in_child(path: Path) -> bool:
    """The file or its backup is large enough to be read in the child (load)."""
    for candidate in candidates_of(path):
        try:
            if candidate.stat().st_size >= IN_PROCESS_BYTES:
                return True
        except (OSError, ValueError):
            continue  # (read here: says what is wrong with it)
    return False


def _from_child(path: Path, language: str) -> Callable[[Path], Cards] | None:
    """The child's reading of each file (read_guarded's `read`), or None if it could not be
    had (nothing of it is used then)."""
    package = str(Path(__file__).resolve().parents[2])  # (where reflexmap is imported from)
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [package, os.environ.get("PYTHONPATH")]))}
    command = [
        sys.executable,
        "-c",
        "from reflexmap.quiz.progress_child import main; main()",
        str(path),
        language,
    ]
    try:
        child = subprocess.Popen(
            command, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env
        )
    except (OSError, ValueError):
        return None
    assert child.stdout is not None
    try:
        with child.stdout:
            judged = _received(child.stdout, candidates_of(path))
    except (OSError, ValueError, EOFError, TypeError, struct.error):
        child.kill()
        return None
    finally:
        child.wait()

    def read(candidate: Path) -> Cards:
        if candidate not in judged:  # (come or gone since the child looked: read here, bounded)
            return parse(read_regular(candidate, MAX_BYTES)).settled()
        found = judged[candidate]
        if isinstance(found, Unreadable):
            raise found
        return found

    return read


def _frame(stream) -> object:
    head = stream.read(_LENGTH.size)
    if len(head) != _LENGTH.size:
        raise EOFError
    (size,) = _LENGTH.unpack(head)
    if size > MAX_FRAME:
        raise ValueError("frame too large")
    body = stream.read(size)
    if len(body) != size:
        raise EOFError
    return marshal.loads(body)


def _received(stream, candidates: list[Path]) -> dict[Path, Cards | Unreadable]:
    """The frames: the files judged (one verdict each, in read_guarded's order: a refusal, or
    the last one, used), then lists of card rows for the one used, then an empty list."""
    verdicts = _frame(stream)
    if not isinstance(verdicts, list) or len(verdicts) > len(candidates):
        raise ValueError("verdicts")
    judged: dict[Path, Cards | Unreadable] = {}
    for candidate, verdict in zip(candidates, verdicts, strict=False):
        kind, *fields = verdict
        if kind == "refused":
            reason, label, line, column = fields
            judged[candidate] = Unreadable(str(reason), str(label), int(line), int(column))
        elif kind == "read" and candidate is candidates[len(verdicts) - 1]:
            judged[candidate] = _cards(stream, *fields)
        else:
            raise ValueError("verdict")
    return judged


def _cards(stream, dropped, total, repeats, repeats_total, version_wrong, version_at) -> Cards:
    """A file's cards as the child read them, with what is wrong in it said as it said it."""
    states: dict[str, LegacyCardState] = {}
    while True:
        rows = _frame(stream)
        if not isinstance(rows, list):
            raise ValueError("rows")
        if not rows:
            break
        for key, *values in rows:  # (checked in the child: built as they were read there)
            states[key] = LegacyCardState(*values)
        if len(states) > MAX_CARDS:
            raise ValueError("cards")
    cards = Cards(
        states,
        [(str(key), (lambda said=str(why): said), None) for key, why, _place in dropped],
        "",
        [bounded_json.Repeated(*repeat) for repeat in repeats],
    )
    cards.placed = [tuple(place) if place else None for _key, _why, place in dropped]
    cards.dropped_total, cards.repeats_total = int(total), int(repeats_total)
    if version_wrong is not None:
        cards.version_wrong = lambda said=str(version_wrong): said
        cards.version_at = tuple(version_at) if version_at else None
    return cards


def _send(out, value: object) -> None:
    body = marshal.dumps(value)
    out.write(_LENGTH.pack(len(body)) + body)


def main() -> None:
    """The child: argv = path, language."""
    from .. import i18n

    path, language = Path(sys.argv[1]), sys.argv[2]
    i18n.set_language(language)
    out = sys.stdout.buffer
    verdicts: list[tuple] = []
    cards = None
    for candidate in candidates_of(path):  # (read_guarded's order; nothing set aside here)
        try:
            cards = parse(read_regular(candidate, MAX_BYTES)).settled()
        except (OSError, Unreadable) as exc:
            verdicts.append(_refused(exc))
            continue
        verdicts.append(
            (
                "read",
                [
                    (key, why(), place)
                    for (key, why, _name), place in zip(cards.dropped[:10], cards.placed, strict=True)
                ],
                cards.dropped_total,
                [(r.key[:80], r.line, r.column, r.first_line, r.first_column) for r in cards.repeats[:10]],
                cards.repeats_total,
                None if cards.version_wrong is None else cards.version_wrong(),
                cards.version_at,
            )
        )
        break
    _send(out, verdicts)
    if cards is not None:
        rows = [
            (key, *(float(v) if type(v) not in (int, bool) else v for v in (getattr(s, f) for f in _FIELDS)))
            for key, s in cards.items()
        ]
        for start in range(0, len(rows), CARDS_A_FRAME):
            _send(out, rows[start : start + CARDS_A_FRAME])
        _send(out, [])
    out.flush()


def _refused(exc: OSError | Unreadable) -> tuple:
    """A file that cannot be used, as read_guarded says it: why, the label of the copy it is
    kept as, and where (0, 0: the file as a whole)."""
    if isinstance(exc, Unreadable):
        return ("refused", exc.reason, exc.label, exc.line, exc.column)
    return ("refused", error_text(exc), "unreadable-" + time.strftime("%Y%m%d-%H%M%S"), 0, 0)
