"""The user's settings (window layout, last chart, view toggles): a small JSON file written
like all user data, atomically with a backup, and set aside with a warning when damaged.

Offers the few calls of QSettings the app uses, so widgets need not care, but no Qt: bytes
(window geometry) are kept as base64.
"""

from __future__ import annotations

import base64
import json
from pathlib import Path
from typing import Any

from .i18n import _
from .storage import Unreadable, read_guarded, write_with_backup

FORMAT = "reflexmap-settings"
VERSION = 1


def parse(raw: bytes) -> dict[str, Any]:
    try:
        data = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError) as exc:
        raise Unreadable(_("not valid JSON: {error}").format(error=exc)) from None
    if not isinstance(data, dict) or data.get("format") != FORMAT or not isinstance(data.get("values"), dict):
        raise Unreadable(_("not a ReflexMap settings file"))
    version = data.get("version")
    if not isinstance(version, int) or isinstance(version, bool):
        raise Unreadable(_("no format version"))
    if version > VERSION:
        raise Unreadable(
            _("written by a newer ReflexMap (settings format {version})").format(version=version),
            f"from-version-{version}",
        )
    return data["values"]


class Settings:
    def __init__(self, path: str | Path):
        self.path = Path(path)
        values, self.warnings = read_guarded(self.path, parse, "settings")
        self._values: dict[str, Any] = values or {}

    def fileName(self) -> str:  # noqa: N802 - the QSettings name, for code that used it
        return str(self.path)

    def value(self, key: str, default: Any = None, type: Any = None) -> Any:  # noqa: A002
        value = self._values.get(key, default)
        if isinstance(value, dict) and "$base64" in value:
            value = base64.b64decode(value["$base64"])
        if type is bool:
            return value if isinstance(value, bool) else str(value).lower() in ("1", "true", "yes")
        if type is list:
            return (
                list(value) if isinstance(value, (list, tuple)) else ([] if value in (None, "") else [value])
            )
        return value

    def setValue(self, key: str, value: Any) -> None:  # noqa: N802
        self.update({key: value})

    def update(self, values: dict[str, Any]) -> None:
        """Set several values with one write of the file (closing the window saves five)."""
        changed = False
        for key, value in values.items():
            if isinstance(value, (bytes, bytearray, memoryview)):
                value = {"$base64": base64.b64encode(bytes(value)).decode("ascii")}
            elif isinstance(value, Path):
                value = str(value)
            json.dumps(value)  # only JSON-able values: a bug to pass anything else
            if self._values.get(key) != value:
                self._values[key] = value
                changed = True
        if changed:
            self.sync()

    def remove(self, key: str) -> None:
        if self._values.pop(key, None) is not None:
            self.sync()

    def clear(self) -> None:
        self._values.clear()
        self.sync()

    def sync(self) -> None:
        data = {"format": FORMAT, "version": VERSION, "values": self._values}
        write_with_backup(self.path, json.dumps(data, indent=1, sort_keys=True).encode("utf-8"))
