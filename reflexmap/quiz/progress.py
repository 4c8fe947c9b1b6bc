"""The format-1 progress file (progress.json): a student's Leitner boxes, from before the review
log (reviewlog.py) imported it. Read, with every bound and check, to import it once.

- Saving writes a temporary file, fsyncs it, copies the current file to `<name>.bak`, then
  renames the temporary file over the current one. Killed at any point, either the old or
  the new file is complete, and the backup holds the previous version.
- Loading a damaged file, or one written by a newer ReflexMap, never crashes and never
  overwrites it: the file is renamed aside (`<name>.damaged-<time>` or
  `<name>.from-version-<n>`), the backup is used if it is sound, and a warning says so.
"""

from __future__ import annotations

import json
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

from .. import bounded_json
from ..i18n import _, format_count
from ..storage import Unreadable, backup_of, read_guarded, said, write_with_backup

FORMAT = "reflexmap-progress"
VERSION = 1
MAX_BYTES = 64 * 1024 * 1024
MAX_COUNT = 10**9  # answers to one card
MAX_TIME = 1e11  # epoch seconds: the year 5138


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


class ProgressStore:
    def __init__(self, path: str | Path):
        self.path = Path(path)

    @property
    def backup(self) -> Path:
        return backup_of(self.path)

    def load(self) -> Loaded:
        """The saved progress, or the backup's, or nothing; with a warning for each problem."""
        states, warnings = read_guarded(self.path, parse, "progress")
        return Loaded(states or {}, said(warnings))

    def save(self, states: dict[str, LegacyCardState]) -> None:
        data = {
            "format": FORMAT,
            "version": VERSION,
            "saved": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
            "cards": {key: state.to_json() for key, state in sorted(states.items())},
        }
        write_with_backup(self.path, json.dumps(data, indent=1).encode("utf-8"))


def parse(raw: bytes) -> dict[str, LegacyCardState]:
    """Progress file bytes -> card states; raises ProgressError for anything unexpected."""
    if len(raw) > MAX_BYTES:
        raise ProgressError(_("it is larger than {size} MiB").format(size=MAX_BYTES // 2**20))
    try:  # bounded: depth, and every number's length before it is converted
        data = bounded_json.loads(raw, max_bytes=MAX_BYTES)
    except bounded_json.JSONBoundsError as exc:
        # says itself, at its place: not JSON, or beyond a bound
        raise ProgressError(exc.message, line=exc.line, column=exc.column) from None
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise ProgressError(_("not a ReflexMap progress file"))
    version = data.get("version")
    if not isinstance(version, int) or isinstance(version, bool):
        raise ProgressError(_("no format version"))
    if version > VERSION:
        raise FutureVersion(version)
    cards = data.get("cards")
    if not isinstance(cards, dict):
        raise ProgressError(_("no cards"))
    states = {}
    for key, value in cards.items():
        if not isinstance(value, dict):
            raise ProgressError(_("card {card} is not a record").format(card=repr(key)))
        try:
            state = LegacyCardState.from_json(value)
            for name in ("box", "seen", "right", "wrong"):
                if not isinstance(getattr(state, name), int) or isinstance(getattr(state, name), bool):
                    raise ValueError(_("{name} is not a whole number").format(name=name))
                if not 0 <= getattr(state, name) <= MAX_COUNT:
                    raise ValueError(
                        _("{name} is outside 0 to {top}").format(name=name, top=format_count(MAX_COUNT))
                    )
            for name in ("due", "last_seen"):
                number = getattr(state, name)
                if not isinstance(number, (int, float)) or isinstance(number, bool) or number != number:
                    raise ValueError(_("{name} is not a number").format(name=name))
                if not abs(number) <= MAX_TIME:  # also refuses infinity
                    raise ValueError(_("{name} is not a time ReflexMap can use").format(name=name))
            if not isinstance(state.last_right, bool):
                raise ValueError(_("{name} is not true or false").format(name="last_right"))
        except (TypeError, ValueError, OverflowError) as exc:  # box: 1e999 is infinity
            raise ProgressError(_("card {card}: {error}").format(card=repr(key), error=exc)) from None
        states[key] = state
    return states
