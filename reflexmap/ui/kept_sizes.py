"""The size of the chart as measured at start, kept between starts (a cache, safe to delete).

A start draws the chart twice: once with no minimum text size, only to learn how large it
is, then with text legible at the window's size (map_view's `_rebuild`). That first size
depends only on the chart file, the view, the text size, the language, the theme, the font
and the drawing code: all of them are in the key (the files by their time and size). A later
start of the same chart, with the same settings, takes the size from here and draws the chart
once, the same picture. The text size the map's rounds settled on for that and the viewport's
size is kept the same way, with what that drawing needed (at the largest text the rounds
take four drawings; see map_view's `_rebuild`). Only the chart a window starts with is
matched with its file (an edit makes a new chart that no file holds yet). The file is read
with limits; anything in it that is not a size of the expected form is ignored, and it is
written after the first paint.
"""

from __future__ import annotations

import json
import math
import os
from pathlib import Path

from PySide6.QtCore import qVersion
from PySide6.QtGui import QFontInfo

from ..render.chart_text import label_font
from ..storage import atomic_path, read_regular

MAX_BYTES = 256 * 1024  # a few hundred sizes; a larger file is not read at all
MAX_KEPT = 200  # sizes kept, the latest first
_ROOT = Path(__file__).resolve().parents[1]
# the code that lays out a chart: a changed drawing code measures again
_CODE = (
    "render/chart_scene.py",
    "render/chart_text.py",
    "render/chart_key.py",
    "layout/frames.py",
    "layout/labels.py",
    "layout/order.py",
    "ui/map_view.py",
)


def _stamp(path: Path) -> str:
    info = os.stat(path)
    return f"{info.st_mtime_ns}:{info.st_size}"


class KeptSizes:
    """Chart sizes (width, height in mm) by key, in one JSON file."""

    def __init__(self, path: Path):
        self.path = path
        self._read: dict[str, tuple[float, float]] | None = None
        self._new: dict[str, tuple[float, float]] = {}

    def key(self, chart: Path, parts: tuple) -> str | None:
        """The key of a measurement of the chart file `chart` with `parts` (view, text
        sizes, language, theme); None when a file cannot be looked at."""
        try:
            stamps = [_stamp(chart), *(_stamp(_ROOT / name) for name in _CODE)]
        except OSError:
            return None
        font = label_font()
        typeface = [font.toString(), QFontInfo(font).family(), qVersion()]
        return json.dumps([str(chart), *stamps, *typeface, *parts])

    def get(self, key: str) -> tuple[float, float] | None:
        if key in self._new:
            return self._new[key]
        if self._read is None:
            self._read = self._load()
        return self._read.get(key)

    def put(self, key: str, size: tuple[float, float]) -> None:
        self._new[key] = size

    def save(self) -> None:
        """Write the sizes measured since (the file's others kept, the latest first); a
        failed write only costs a measurement at the next start."""
        if not self._new:
            return
        kept = {**self._new, **{k: v for k, v in self._load().items() if k not in self._new}}
        self._new = {}
        payload = json.dumps({k: list(v) for k, v in list(kept.items())[:MAX_KEPT]}).encode()
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            with atomic_path(self.path) as temporary:
                temporary.write_bytes(payload)
        except OSError:
            pass
        self._read = None

    def _load(self) -> dict[str, tuple[float, float]]:
        try:
            found = json.loads(read_regular(self.path, MAX_BYTES))
        except (OSError, ValueError, RecursionError):
            return {}
        if not isinstance(found, dict):
            return {}
        sizes = {}
        for key, value in list(found.items())[:MAX_KEPT]:
            if (
                isinstance(value, list)
                and len(value) == 2
                and all(isinstance(v, float) and math.isfinite(v) and 0 < v < 1e6 for v in value)
            ):
                sizes[key] = (value[0], value[1])
        return sizes
