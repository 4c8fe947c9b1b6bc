"""Where autosaves are kept and the index that lists them (saving.py writes both).

Apart from saving.py so that a start asks whether a crash left work unsaved without importing
the editor's saving and its message boxes (their enum classes) and hashlib's OpenSSL: about
18 M instructions of every start, before it was ready for clicks."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QStandardPaths

from ...storage import read_regular

MAX_INDEX_BYTES = 1_000_000


def autosave_folder() -> Path:
    return Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)) / "autosave"


def read_index() -> list[dict]:
    """The autosaves known: [{"autosave": path, "chart": path or None, "time": seconds}]."""
    index = autosave_folder() / "index.json"
    try:
        raw = read_regular(index, MAX_INDEX_BYTES)
        from ...bounded_json import loads

        entries = loads(raw, max_bytes=MAX_INDEX_BYTES).get("autosaves", [])
        if not isinstance(entries, list):
            return []
    except (OSError, ValueError, AttributeError):
        return []
    return [
        e
        for e in entries
        if isinstance(e, dict)
        and isinstance(e.get("autosave"), str)
        and isinstance(e.get("chart"), str | None)
    ]
