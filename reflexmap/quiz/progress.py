"""The format-1 progress file (progress.json): a student's Leitner boxes, from before the review
log (reviewlog.py) imported it. Read, with every bound and check, to import it once.

- Saving writes a temporary file, fsyncs it, copies the current file to `<name>.bak`, then
  renames the temporary file over the current one. Killed at any point, either the old or
  the new file is complete, and the backup holds the previous version.
- Loading a damaged file, or one written by a newer ReflexMap, never crashes and never
  overwrites it: the file is renamed aside (`<name>.damaged-<time>` or
  `<name>.from-version-<n>`), the backup is used if it is sound, and a warning says so.
- A card record that cannot be used (a field of the wrong type or out of range, a number no
  float holds such as 1e999) is left out alone: the others are read, the message names each
  record left out with its place (file:line:column of the field), and the file as it was is
  copied aside as `<name>.damaged-<time>`.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path

from .. import bounded_json
from ..i18n import _, format_count, isolated, ngettext, shown_file
from ..storage import (
    Unreadable,
    backup_of,
    copy_aside,
    listed,
    read_guarded,
    repeats_said,
    said,
    version_place,
    version_problem,
    version_said,
    write_with_backup,
)
from ..terminal_text import one_line

FORMAT = "reflexmap-progress"
VERSION = 1
# A file's bytes: read whole before its cards are counted, so this bounds the time and memory
# of reading (64 MiB of tiny records, 5.7 million cards, took 21 s of CPU and 2.3 GiB to be
# refused). Saved as save() writes them, MAX_CARDS cards with 45-character names are 4 MB.
MAX_BYTES = 8 * 1024 * 1024
MAX_COUNT = 10**9  # answers to one card
MAX_TIME = 1e11  # epoch seconds: the year 5138
# Cards in one file. A card is chart:zone:kind, and there are four kinds of question (cards.KINDS;
# the view is not part of a card), so this is 5,000 zones: the two bundled charts have 121 zones
# (484 cards), and forty charts the size of Ingham's (90 zones) would be 14,400 cards. The
# 64 MiB bound alone let a file hold millions, each read, checked and imported while the window
# waited (100,000 took 11 s).
MAX_CARDS = 20_000


class ProgressError(Unreadable):
    """The file is not a progress file this version can read."""


class FutureVersion(ProgressError):
    def __init__(self, version: object):
        super().__init__(
            _("it was written by a newer ReflexMap (progress format {version})").format(
                version=format_count(version)
            ),
            f"from-version-{version}",
        )
        self.version = version


LEGACY_TOP_BOX = 5


@dataclass(slots=True)
class LegacyCardState:
    """One card of a format-1 file: its Leitner box and counts."""

    box: int = 1
    due: float = 0.0  # epoch seconds
    seen: int = 0
    right: int = 0
    wrong: int = 0
    last_seen: float = 0.0
    last_right: bool = True

    def to_json(self) -> dict:
        return asdict(self)

    @classmethod
    def from_json(cls, data: dict) -> LegacyCardState:
        state = cls(**{k: data[k] for k in cls.__slots__ if k in data})  # type: ignore[attr-defined]
        if not isinstance(state.box, int) or isinstance(state.box, bool):
            raise ValueError(_("{name} is not a whole number").format(name="box"))
        if not (1 <= state.box <= LEGACY_TOP_BOX):
            raise ValueError(
                _("box {box} is outside 1 to {top}").format(box=format_count(state.box), top=LEGACY_TOP_BOX)
            )
        return state


@dataclass(slots=True)
class Loaded:
    states: dict[str, LegacyCardState]
    warnings: list[str] = field(default_factory=list)


class Cards(dict):
    """The usable card states of a file (card key -> LegacyCardState), and the records left
    out: (card, why, the field the trouble is in or None), with the text they were read from."""

    def __init__(
        self,
        states: dict,
        dropped: list[tuple[str, Callable[[], str], str | None]],
        text: str,
        repeats: list[bounded_json.Repeated] = (),
    ):
        super().__init__(states)
        self.dropped, self.text, self.repeats = dropped, text, list(repeats)
        self.version_wrong: Callable[[], str] | None = None  # why the version is not one
        self.raw = b""  # the bytes read (for the version's place)
        self.unknown: dict = {}  # top-level fields of a newer version: written back as they were
        # read elsewhere (progress_child.py), the places found there: the first records left
        # out, each (line, column) or None, the records left out in all, the version's place
        self.placed: list[tuple[int, int] | None] | None = None
        self.dropped_total = len(dropped)
        self.repeats_total = len(self.repeats)
        self.version_at: tuple[int, int] | None = None

    def settled(self) -> Cards:
        """These cards with the places of what is wrong found now (the text scanned here once),
        so that they can be said where the text is not (the window's process)."""
        self.placed = _dropped_places(self)
        if self.version_wrong is not None:
            self.version_at = version_place(self.raw)
        return self


FIELDS = ("format", "version", "saved", "cards")  # the top level, as this version writes it


class ProgressStore:
    def __init__(self, path: str | Path):
        self.path = Path(path)
        self.unknown: dict = {}  # top-level fields of a newer version read by load(), kept by save()

    @property
    def backup(self) -> Path:
        return backup_of(self.path)

    def load(self, read: Callable[[Path], Cards] | None = None) -> Loaded:
        """The saved progress, or the backup's, or nothing; with a warning for each problem.
        `read(candidate)`: each file's reading, had elsewhere (read_guarded's `read`)."""
        states, warnings = read_guarded(self.path, parse, "progress", MAX_BYTES, read)
        source = self.path if self.path.exists() else self.backup  # (a damaged one is aside)
        if isinstance(states, Cards) and states.repeats:  # the later value used (the import keeps the file)
            warnings.append(repeats_said(source, states.repeats, None, states.repeats_total))
        if isinstance(states, Cards) and states.version_wrong is not None:  # (the import keeps the file)
            warnings.append(
                version_said(source, states.raw, states.version_wrong, VERSION, None, states.version_at)
            )
        if isinstance(states, Cards) and states.dropped:
            warnings.append(_dropped_said(source, states, copy_aside(source, "damaged")))
        self.unknown = states.unknown if isinstance(states, Cards) else {}
        return Loaded(dict(states or {}), said(warnings))

    def save(self, states: dict[str, LegacyCardState]) -> None:
        data = {
            **self.unknown,  # a newer version's fields, as they were read
            "format": FORMAT,
            "version": VERSION,
            "saved": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
            "cards": {key: state.to_json() for key, state in sorted(states.items())},
        }
        write_with_backup(self.path, bounded_json.dumps(data, indent=1).encode("utf-8"))


def parse(raw: bytes) -> dict[str, LegacyCardState]:
    """Progress file bytes -> card states; raises ProgressError for anything unexpected."""
    repeats: list[bounded_json.Repeated] = []  # keys written twice: the later value is used
    if len(raw) > MAX_BYTES:
        raise ProgressError(_("it is larger than {size} MiB").format(size=MAX_BYTES // 2**20))
    counted = _cards_beyond_limit(raw)
    if counted is not None:
        raise ProgressError(_cards_said(counted))
    try:  # bounded: depth, and every number's length before it is converted; 1e999 and NaN
        # are read (as an Unheld, a float) to be refused with their card alone
        # (a record nested too deep is skipped while reading, to be left out alone too)
        data = bounded_json.loads(raw, max_bytes=MAX_BYTES, nonfinite=True, skip_deep=True, repeats=repeats)
    except bounded_json.JSONBoundsError as exc:
        # says itself, at its place: not JSON, or beyond a bound
        raise ProgressError(exc.message, line=exc.line, column=exc.column) from None
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        line, column = bounded_json.top_place(raw)
        raise ProgressError(_("not a ReflexMap progress file"), line=line, column=column)
    version_wrong = version_problem(data, VERSION)  # read as format 1, said: each card is checked
    if version_wrong is None and data["version"] > VERSION:
        raise FutureVersion(data["version"])
    cards = data.get("cards")
    if not isinstance(cards, dict):
        raise ProgressError(_("no cards"))
    if len(cards) > MAX_CARDS:  # before any card is checked or imported
        raise ProgressError(_cards_said(len(cards)))
    states, dropped = {}, []
    for key, value in cards.items():
        deep = bounded_json.deep_in(value)
        problem = key_problem(key) or ((deep.reason, deep) if deep is not None else card_problem(value))
        if problem is not None:
            dropped.append((key, *problem))
            continue
        states[key] = LegacyCardState.from_json(value)
    read = Cards(states, dropped, bounded_json.text_of(raw) if dropped else "", repeats)
    read.version_wrong, read.raw = version_wrong, raw
    read.unknown = bounded_json.unknown_fields(data, FIELDS)
    return read


def _cards_beyond_limit(raw: bytes) -> int | None:
    """The number of cards, if a plain read finds more than MAX_CARDS; else None. Python's
    json without hooks reads 8 MiB of tiny records in a third of the time the bounded read
    takes (0.7 s of CPU against 2.1 s), so that the largest file is refused sooner; anything
    it cannot read is left to the bounded read, which says what is wrong at its place."""
    try:
        data = json.loads(raw)
    except (ValueError, RecursionError):  # (not JSON, a number too long, nested too deep)
        return None
    cards = data.get("cards") if isinstance(data, dict) and data.get("format") == FORMAT else None
    return len(cards) if isinstance(cards, dict) and len(cards) > MAX_CARDS else None


def _cards_said(count: int) -> Callable[[], str]:
    return lambda: _("it holds {count} cards; the limit is {limit}").format(
        count=format_count(count), limit=format_count(MAX_CARDS)
    )


_WHOLE = {
    "box": (1, LEGACY_TOP_BOX),
    "seen": (0, MAX_COUNT),
    "right": (0, MAX_COUNT),
    "wrong": (0, MAX_COUNT),
}


MAX_KEY = 1000  # characters of a card's key (the review log's bound for a card)


def key_problem(key: str) -> tuple[Callable[[], str], None] | None:
    """Why a card's key cannot be used (None: it can): longer than the review log keeps (it
    was left out without a word), or not text at all (a lone surrogate, JSON's "\\ud800": the
    import stopped on it with a UnicodeEncodeError at every opening of the progress)."""
    length = len(key)
    if length == 0:
        return (lambda: _("its name is empty")), None
    if length > MAX_KEY:
        return (
            lambda: _("its name has {count} characters; the limit is {limit}").format(
                count=format_count(length), limit=format_count(MAX_KEY)
            )
        ), None
    try:
        key.encode("utf-8")
    except UnicodeEncodeError:
        return (lambda: _("its name holds a character that is not text (a lone surrogate)")), None
    return None


def card_problem(value: object) -> tuple[Callable[[], str], str | None] | None:
    """Why a card record cannot be used (said in the language of when it is shown), and the
    field the trouble is in (None: the record as a whole); None when it can be used."""
    if not isinstance(value, dict):
        return (lambda: _("not a record")), None
    for name in LegacyCardState.__slots__:  # type: ignore[attr-defined]
        if name not in value:
            continue
        number = value[name]
        if type(number) is bounded_json.Unheld:
            return number.reason, name
        if name in _WHOLE:
            low, high = _WHOLE[name]
            if not isinstance(number, int) or isinstance(number, bool):
                return (lambda n=name: _("{name} is not a whole number").format(name=n)), name
            if not low <= number <= high:
                return (lambda n=name, v=number, hi=high: _outside(n, v, hi)), name
        elif name in ("due", "last_seen"):
            if not isinstance(number, (int, float)) or isinstance(number, bool) or number != number:
                return (lambda n=name: _("{name} is not a number").format(name=n)), name
            if not abs(number) <= MAX_TIME:  # also refuses infinity
                return (lambda n=name: _("{name} is not a time ReflexMap can use").format(name=n)), name
        elif not isinstance(number, bool):  # last_right
            return (lambda n=name: _("{name} is not true or false").format(name=n)), name
    return None


def _outside(name: str, value: int, high: int) -> str:
    if name == "box":
        return _("box {box} is outside 1 to {top}").format(box=format_count(value), top=high)
    return _("{name} is outside 0 to {top}").format(name=name, top=format_count(high))


def _dropped_places(cards: Cards) -> list[tuple[int, int] | None]:
    """Where each of the first ten records left out stands (None: not found)."""
    wanted = {
        ("cards", key, name) if isinstance(name, str) else ("cards", key)
        for key, _why, name in cards.dropped[:10]
    }
    places = bounded_json.places(cards.text, wanted) if wanted else {}
    return [
        (name.line, name.column)  # skipped while reading: its own place
        if type(name) is bounded_json.TooDeep
        else places.get(("cards", key, name) if name else ("cards", key))
        for key, _why, name in cards.dropped[:10]
    ]


def _dropped_said(path: Path, cards: Cards, kept: Path | None) -> Callable[[], str]:
    """One message for the records left out: each one's place, card and why."""
    placed = cards.placed if cards.placed is not None else _dropped_places(cards)

    def say() -> str:
        lines = []
        for (key, why, _name), found in zip(cards.dropped[:10], placed, strict=True):
            line, column = found or (0, 0)
            place = isolated(shown_file(path)) + (f":{line}:{column}" if line else "")
            lines.append(
                _("{place}: card {card}: {reason}; this card is left out.").format(
                    place=place, card=isolated(one_line(key[:200])), reason=why()
                )
            )
        count = cards.dropped_total
        message = ngettext(
            "{count} card record could not be used; the other cards are read:",
            "{count} card records could not be used; the other cards are read:",
            count,
        ).format(count=format_count(count))
        return message + "\n" + listed(lines, count, kept)

    return say
