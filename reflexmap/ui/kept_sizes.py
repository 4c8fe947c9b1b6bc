"""The size of the chart as measured at start, kept between starts (a cache, safe to delete).

A start draws the chart twice: once with no minimum text size, only to learn how large it
is, then with text legible at the window's size (map_view's `_rebuild`). That first size
depends only on the chart file, the view, the text size, the language, the theme, the font
and the drawing code: all of them are in the key (the files by their time and size). A later
start of the same chart, with the same settings, takes the size from here and draws the chart
once, the same picture. The text size the map's rounds settled on for that and the viewport's
size is kept the same way, with what that drawing needed (at the largest text the rounds
take four drawings; see map_view's `_rebuild`). The places of each view's guide names (the
costliest part of a drawing: a search along each guide line) are kept the same way, for the
drawing's text size and a checksum of what the search reads besides the chart file
(chart_scene's `_places_token`); the drawing checks each place read before using it
(`_kept_places_hold`). Each view's label sides (which column each zone's name stands in: a
search along every label's leader) are kept the same way, for the labels' size and names,
and checked against the view's zones before use (`_kept_sides_hold`). Only the chart a
window starts with is
matched with its file (an edit makes a new chart that no file holds yet). The file is read
with limits; anything in it that is not a size or places of the expected form is ignored,
and it is written after the first paint.
"""

from __future__ import annotations

import json
import math
import os
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import qVersion
from PySide6.QtGui import QFontInfo

from ..render.chart_text import label_font
from ..storage import atomic_path, read_regular

MAX_BYTES = 512 * 1024  # a few hundred sizes and places; a larger file is not read at all
MAX_KEPT = 200  # sizes and places kept, the latest first
MAX_NAMES = 64  # guide names of one view
MAX_NAME = 2000  # characters of a guide name's text as drawn
MAX_SIDE_IDS = 80  # zone ids of one view's label sides (a view with more is not labelled)
MAX_ID = 200  # characters of a zone id in the label sides
_ROOT = Path(__file__).resolve().parents[1]
# the code that lays out a chart: a changed drawing code measures again
_CODE = (
    "render/chart_scene.py",
    "render/chart_scene_parts.py",
    "render/chart_scene_frames.py",
    "render/chart_scene_labels.py",
    "render/chart_scene_guides.py",
    "render/chart_scene_guides_alone.py",
    "render/chart_scene_guide_spots.py",
    "render/chart_scene_key.py",
    "render/chart_scene_state.py",
    "render/chart_scene_update.py",
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


def _finite(value: object) -> bool:
    return isinstance(value, float) and math.isfinite(value) and -1e6 < value < 1e6


def _places(value: object) -> tuple[tuple, ...] | None:
    """Guide names' places as kept: (text, size, width, height, x, y) each, or None."""
    if not isinstance(value, list) or not 0 < len(value) <= MAX_NAMES:
        return None
    found = []
    for place in value:
        if not (isinstance(place, list) and len(place) == 6 and isinstance(place[0], str)):
            return None
        if len(place[0]) > MAX_NAME or not all(_finite(v) for v in place[1:]):
            return None
        found.append(tuple(place))
    return tuple(found)


def _sides(value: object) -> tuple | None:
    """A view's label sides as kept: ("sides", left ids, right ids, ids below, whether the
    view was too full to label), or None."""
    if not (isinstance(value, list) and len(value) == 5 and value[0] == "sides"):
        return None
    *columns, unlabelled = value[1:]
    if not isinstance(unlabelled, bool) or not all(isinstance(c, list) for c in columns):
        return None
    if sum(len(c) for c in columns) > MAX_SIDE_IDS:
        return None
    if not all(isinstance(z, str) and len(z) <= MAX_ID for c in columns for z in c):
        return None
    return ("sides", *(tuple(c) for c in columns), unlabelled)


class KeptSizes:
    """Chart sizes (width, height in mm), and guide names' places, by key, in one JSON file."""

    def __init__(self, path: Path):
        self.path = path
        self._read: dict[str, tuple] | None = None
        self._new: dict[str, tuple] = {}
        self._code: list[str] | None = None  # the stamps of the drawing code (see `key`)
        self._typeface: list[str] | None = None  # the label font, as described and as found

    def key(self, chart: Path, parts: tuple) -> str | None:
        """The key of a measurement of the chart file `chart` with `parts` (view, text
        sizes, language, theme); None when a file cannot be looked at."""
        try:
            if self._code is None:  # (the code of this run: looked at once)
                self._code = [_stamp(_ROOT / name) for name in _CODE]
            stamps = [_stamp(chart), *self._code]
        except OSError:
            return None
        font = label_font()
        described = font.toString()
        if self._typeface is None or self._typeface[0] != described:
            self._typeface = [described, QFontInfo(font).family(), qVersion()]
        return json.dumps([str(chart), *stamps, *self._typeface, *parts])

    def _kept(self, key: str) -> tuple | None:
        if key in self._new:
            return self._new[key]
        if self._read is None:
            self._read = self._load()
        return self._read.get(key)

    def get(self, key: str) -> tuple[float, float] | None:
        found = self._kept(key)
        return found if found is not None and len(found) == 2 and _finite(found[0]) else None

    def put(self, key: str, size: tuple[float, float]) -> None:
        self._new[key] = size

    def places(self, key: str) -> list[tuple] | None:
        """Guide names' places kept under `key`: see `GuidePlaces`."""
        found = self._kept(key)
        return list(found) if found and isinstance(found[0], tuple) else None

    def put_places(self, key: str, places: list[tuple]) -> None:
        self._new[key] = tuple(tuple(place) for place in places)

    def sides(self, key: str) -> tuple | None:
        """A view's label sides kept under `key`: see `LabelSides`."""
        found = self._kept(key)
        return found[1:] if found and found[0] == "sides" else None

    def put_sides(self, key: str, sides: tuple) -> None:
        left, right, below, unlabelled = sides
        self._new[key] = ("sides", tuple(left), tuple(right), tuple(below), bool(unlabelled))

    def save(self) -> None:
        """Write the sizes measured since (the file's others kept, the latest first); a
        failed write only costs a measurement at the next start."""
        if not self._new:
            return
        newest = dict(reversed(self._new.items()))  # the latest first
        kept = {**newest, **{k: v for k, v in self._load().items() if k not in newest}}
        self._new = {}
        items = list(kept.items())[:MAX_KEPT]
        while True:  # the latest that fit: a file over MAX_BYTES would not be read at all
            payload = json.dumps({k: [list(p) if isinstance(p, tuple) else p for p in v] for k, v in items})
            if len(payload) <= MAX_BYTES or len(items) <= 1:
                break
            items = items[: len(items) * 3 // 4]
        payload = payload.encode()
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            with atomic_path(self.path) as temporary:
                temporary.write_bytes(payload)
        except OSError:
            pass
        self._read = None

    def _load(self) -> dict[str, tuple]:
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
            elif (places := _places(value)) is not None:
                sizes[key] = places
            elif (sides := _sides(value)) is not None:
                sizes[key] = sides
        return sizes


class GuidePlaces:
    """The guide names' places of one drawing of the start's chart (chart_scene's
    `KeptPlaces`): kept under `key(view id, token)`; `kept` is called when one is new (the
    map writes the file after the next paint)."""

    def __init__(self, sizes: KeptSizes, key: Callable[[str, str], str | None], kept: Callable[[], None]):
        self.sizes, self.key, self.kept = sizes, key, kept

    def get(self, view_id: str, token: str) -> list[tuple] | None:
        key = self.key(view_id, token)
        return None if key is None else self.sizes.places(key)

    def put(self, view_id: str, token: str, places: list[tuple]) -> None:
        key = self.key(view_id, token)
        if key is not None:
            self.sizes.put_places(key, places)
            self.kept()


class LabelSides:
    """The label sides of the start's chart's views (chart_scene_labels' `KeptSides`):
    kept under `key(view id, token)`; `kept` is called when one is new."""

    def __init__(self, sizes: KeptSizes, key: Callable[[str, str], str | None], kept: Callable[[], None]):
        self.sizes, self.key, self.kept = sizes, key, kept

    def get(self, view_id: str, token: str) -> tuple | None:
        key = self.key(view_id, token)
        return None if key is None else self.sizes.sides(key)

    def put(self, view_id: str, token: str, sides: tuple) -> None:
        key = self.key(view_id, token)
        if key is not None:
            self.sizes.put_sides(key, sides)
            self.kept()
