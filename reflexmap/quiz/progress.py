"""The progress file: a student's Leitner boxes, which must never be lost.

- Saving writes a temporary file, fsyncs it, copies the current file to `<name>.bak`, then
  renames the temporary file over the current one. Killed at any point, either the old or
  the new file is complete, and the backup holds the previous version.
- Loading a damaged file, or one written by a newer ReflexMap, never crashes and never
  overwrites it: the file is renamed aside (`<name>.damaged-<time>` or
  `<name>.from-version-<n>`), the backup is used if it is sound, and a warning says so.
"""

from __future__ import annotations

import json
import os
import shutil
import time
from dataclasses import dataclass, field
from pathlib import Path

from ..storage import atomic_path
from .scheduler import CardState

FORMAT = "reflexmap-progress"
VERSION = 1
MAX_BYTES = 64 * 1024 * 1024


class ProgressError(ValueError):
    """The file is not a progress file this version can read."""


class FutureVersion(ProgressError):
    def __init__(self, version: object):
        super().__init__(f"it was written by a newer ReflexMap (progress format {version})")
        self.version = version


@dataclass(slots=True)
class Loaded:
    states: dict[str, CardState]
    warnings: list[str] = field(default_factory=list)


class ProgressStore:
    def __init__(self, path: str | Path):
        self.path = Path(path)
        self.backup = self.path.with_name(self.path.name + ".bak")

    def load(self) -> Loaded:
        """The saved progress, or the backup's, or nothing; with a warning for each problem."""
        warnings: list[str] = []
        self._remove_interrupted_saves()
        if not self.path.exists() and not self.backup.exists():
            return Loaded({})
        for candidate in (self.path, self.backup):
            if not candidate.exists():
                continue
            try:
                states = parse(candidate.read_bytes())
            except FutureVersion as exc:
                aside = self._set_aside(candidate, f"from-version-{exc.version}")
                warnings.append(f"{candidate.name} could not be read: {exc}. It was kept as {aside.name}.")
                continue
            except (OSError, ProgressError) as exc:
                aside = self._set_aside(candidate, "damaged-" + time.strftime("%Y%m%d-%H%M%S"))
                warnings.append(f"{candidate.name} is damaged ({exc}). It was kept as {aside.name}.")
                continue
            if candidate == self.backup:
                warnings.append("Your progress was restored from the backup copy.")
            return Loaded(states, warnings)
        warnings.append("Starting with empty progress.")
        return Loaded({}, warnings)

    def save(self, states: dict[str, CardState]) -> None:
        data = {
            "format": FORMAT,
            "version": VERSION,
            "saved": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
            "cards": {key: state.to_json() for key, state in sorted(states.items())},
        }
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with atomic_path(self.path) as temporary:
            temporary.write_text(json.dumps(data, indent=1), encoding="utf-8")
            if self.path.exists():  # the previous version becomes the backup, itself atomically
                with atomic_path(self.backup) as backup_temporary:
                    shutil.copyfile(self.path, backup_temporary)

    def _remove_interrupted_saves(self) -> None:
        """Temporary files of saves that never finished; never the real files."""
        for name in (self.path.name, self.backup.name):
            for leftover in self.path.parent.glob(f".{name}.*"):
                if leftover.is_file():
                    leftover.unlink(missing_ok=True)

    def _set_aside(self, path: Path, label: str) -> Path:
        aside = path.with_name(f"{path.name}.{label}")
        n = 1
        while aside.exists():
            n += 1
            aside = path.with_name(f"{path.name}.{label}-{n}")
        os.replace(path, aside)
        return aside


def parse(raw: bytes) -> dict[str, CardState]:
    """Progress file bytes -> card states; raises ProgressError for anything unexpected."""
    if len(raw) > MAX_BYTES:
        raise ProgressError(f"it is larger than {MAX_BYTES // 2**20} MiB")
    try:
        data = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ProgressError(f"not valid JSON: {exc}") from None
    except RecursionError:
        raise ProgressError("nested too deeply") from None
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise ProgressError("not a ReflexMap progress file")
    version = data.get("version")
    if not isinstance(version, int) or isinstance(version, bool):
        raise ProgressError("no format version")
    if version > VERSION:
        raise FutureVersion(version)
    cards = data.get("cards")
    if not isinstance(cards, dict):
        raise ProgressError("no cards")
    states = {}
    for key, value in cards.items():
        if not isinstance(value, dict):
            raise ProgressError(f"card {key!r} is not a record")
        try:
            state = CardState.from_json(value)
            for name in ("box", "seen", "right", "wrong"):
                if not isinstance(getattr(state, name), int) or isinstance(getattr(state, name), bool):
                    raise ValueError(f"{name} is not a whole number")
            for name in ("due", "last_seen"):
                number = getattr(state, name)
                if not isinstance(number, (int, float)) or isinstance(number, bool) or number != number:
                    raise ValueError(f"{name} is not a number")
        except (TypeError, ValueError) as exc:
            raise ProgressError(f"card {key!r}: {exc}") from None
        states[key] = state
    return states
