"""The Chart menu: every chart the app knows (built-in ones and those opened before), to
switch between traditions in one click. Each is named by what was kept of it when it was
read (kept_charts.py): opening the menu reads no chart file of the person's (the built-in
ones, small and the app's own, are read once when first named). A recent chart with no
title kept (opened before titles were kept) is read in the background after the start
(known_readings.py), and its titles are stored with the settings; the same worker reads
the known charts a search in the zone list looks through."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QMenu

from .. import i18n
from ..atlas import Atlas, LoadResult, builtin_charts, read_atlas
from ..content.markup import plain_tooltip
from ..i18n import _, bidi_isolate, file_isolate, isolated, shown_file, shown_text
from ..paths import chart_cache
from ..setting_rules import MAX_RECENT
from ..settings import Settings
from ..storage import is_regular_file
from .kept_charts import KeptChart, kept_of, stamp
from .known_readings import KnownReadings
from .state import AppState
from .timers import later

if TYPE_CHECKING:
    from ..atlas.search import Searchable  # (made when a search asks: not at start-up)

TITLE_EMS = 60  # the widest chart title (or file name) a menu item shows, in average characters
TITLES_AFTER_MS = 1500  # after the start: the recent charts with no title kept are read then


class ChartsMenu(QMenu):
    chosen = Signal(str)  # path of the chart to show

    def __init__(self, state: AppState, settings: Settings, parent=None):
        super().__init__(_("&Chart"), parent)
        self.state = state
        self.settings = settings
        self._cache: dict[Path, tuple[float, LoadResult]] = {}  # readings held (charts shown)
        self._kept: dict[Path, KeptChart] = {}  # by resolved path: what was read of each chart
        self.group = QActionGroup(self)
        self.extra_actions: list[QAction] = []  # shown under the charts (Compare with…)
        self.aboutToShow.connect(self.refill)
        stored = settings.value("chart/titles", {})
        for path, titles in (stored if isinstance(stored, dict) else {}).items():
            # titled as when read in an earlier session (what it draws is not known until read)
            self._kept[Path(path).resolve()] = KeptChart(None, True, dict(titles))
        self._searchables: dict[Path, tuple[LoadResult, Searchable]] = {}  # of the readings held
        # the known charts not read in this session, read in a worker (titles, search)
        self.readings = KnownReadings(self, i18n.language)
        self.readings.arrived.connect(self._arrived)
        self._started_on(state.source)
        later(self, self.fill_titles, TITLES_AFTER_MS)

    def _started_on(self, atlas: Atlas) -> None:
        """The chart the window starts on (given with --chart, or the last one) is one opened,
        as with File → Open: it stays in the menu after switching away."""
        if atlas.path is None:
            return
        path = Path(atlas.path)
        self.keep(path, LoadResult(atlas, ()))
        recent = self.settings.value("chart/recent", [], type=list) or []
        if str(path.resolve()) not in recent and is_regular_file(path):
            self.remember(path)

    def known(self) -> list[Path]:
        """Built-in charts first, then charts opened before (most recent first)."""
        recent = self.settings.value("chart/recent", [], type=list) or []
        paths = [*builtin_charts(), *(Path(p) for p in recent)]
        current = self.state.atlas.path
        if current is not None:
            paths.append(Path(current))
        unique: list[Path] = []
        for path in paths:  # a stored name may be anything: too long, with a NUL in it
            if is_regular_file(path) and path.resolve() not in {p.resolve() for p in unique}:
                unique.append(path)
        # A chart no longer listed (it fell off the recent list, or its file is gone) is no
        # longer kept: a day of opening charts kept every one of them, read, in memory.
        listed = set(unique)
        for path in [p for p in self._cache if p not in listed]:
            del self._cache[path]
            self._searchables.pop(path, None)
        for path in [p for p in self.readings.readings if p not in {q.resolve() for q in unique}]:
            self.readings.forget(path)
        return unique

    def remember(self, path: str | Path, result: LoadResult | None = None) -> None:
        """`path` first among the recent charts; `result`, its reading just shown, kept for
        the menu's titles: opening the menu after a large chart was opened (in a worker:
        chart_opening.py) does not read it again on the window's thread."""
        if result is not None:
            self.keep(path, result)
            try:
                mtime = Path(path).stat().st_mtime
            except OSError:
                mtime = None
            if mtime is not None:
                for key in {Path(path), Path(path).resolve()}:
                    self._cache[key] = (mtime, result)
        path = str(Path(path).resolve())
        if any(Path(path) == p.resolve() for p in builtin_charts()):
            return
        self.settings.edit("chart/recent", lambda stored: with_recent(stored, path))

    def keep(self, path: str | Path, result: LoadResult) -> None:
        """What `result`, a reading of `path` just made (anywhere), says of the chart: kept for
        naming and choosing it without reading it again."""
        kept = self._kept[Path(path).resolve()] = kept_of(result, stamp(Path(path)))
        self._store_titles(Path(path), kept)
        self._store_id(Path(path), kept)

    def _store_id(self, path: Path, kept: KeptChart) -> None:
        """A recent chart's id, stored so that a new chart in a later session avoids it too
        (when it changed; only the recent charts' are kept)."""
        name = str(path.resolve())
        stored = self.settings.value("chart/ids", {})
        stored = stored if isinstance(stored, dict) else {}
        if not kept.chart_id or self._builtin(path) or stored.get(name) == kept.chart_id:
            return
        recent = set(self.settings.value("chart/recent", [], type=list) or []) | {name}

        def change(value: object) -> dict:
            ids = {k: v for k, v in value.items() if k in recent} if isinstance(value, dict) else {}
            return {**ids, name: kept.chart_id}

        self.settings.edit("chart/ids", change)

    def _store_titles(self, path: Path, kept: KeptChart) -> None:
        """A recent chart's titles, stored for the next start's menu (when they changed)."""
        name = str(path.resolve())
        stored = self.settings.value("chart/titles", {})
        stored = stored if isinstance(stored, dict) else {}
        if not kept.loads or self._builtin(path) or stored.get(name) == kept.titles:
            return
        recent = set(self.settings.value("chart/recent", [], type=list) or []) | {name}

        def change(value: object) -> dict:
            titles = {k: v for k, v in value.items() if k in recent} if isinstance(value, dict) else {}
            return {**titles, name: dict(kept.titles)}

        self.settings.edit("chart/titles", change)

    def kept(self, path: Path) -> KeptChart | None:
        """What was kept of the chart at `path` (a built-in one is read for it the first time:
        they are small and the app's own); None when it was not read in this session."""
        found = self._kept.get(path.resolve())
        if found is None and self._builtin(path):
            self.keep(path, self._read(path))
            found = self._kept.get(path.resolve())
        return found

    def taken_ids(self, other_than: Path | None = None) -> set[str]:
        """The ids of the known charts read in this session (the built-in ones always) and of
        the recent charts read before (the setting chart/ids) but the one at `other_than` (a
        file about to be written over)."""
        mine = other_than.resolve() if other_than is not None else None
        kept = (self.kept(path) for path in self.known() if path.resolve() != mine)
        taken = {chart.chart_id for chart in kept if chart is not None and chart.chart_id}
        stored = self.settings.value("chart/ids", {})  # recent charts read in earlier sessions
        if isinstance(stored, dict):
            taken.update(
                i for p, i in stored.items() if isinstance(i, str) and (mine is None or p != str(mine))
            )
        return taken

    @staticmethod
    def _builtin(path: Path) -> bool:
        return any(path.resolve() == p.resolve() for p in builtin_charts())

    def chart_title(self, path: Path) -> str:
        """The chart's own title, which names it (and, for the built-in ones, its tradition);
        a chart not read in this session yet, by its file's name."""
        kept = self.kept(path)
        if kept is None:
            return self._elided(shown_file(path.name))
        if not kept.loads:
            return _("{file} (has errors)").format(file=isolated(self._elided(shown_file(path.name))))
        return self._elided(kept.title(i18n.language()))

    def name(self, path: Path) -> str:
        """The chart's name wherever it is shown beside others (the menu, Compare with):
        its title, and its file's name when another known chart has the same title."""
        known = self.known()
        title = self.chart_title(path)
        same = [p for p in known if p.resolve() != path.resolve() and self.chart_title(p) == title]
        if same and self.kept(path) is not None:
            return f"{bidi_isolate(title)} \u2014 {bidi_isolate(self._elided(shown_file(path.name)))}"
        return bidi_isolate(title)

    def _elided(self, text: str) -> str:
        """`text` cut with an ellipsis to at most TITLE_EMS average characters' width: a chart
        may be titled with 4,000 characters, and a menu item that long runs off the screen."""
        metrics = self.fontMetrics()
        shown = shown_text(text)  # (a title's direction override shown, never obeyed)
        return metrics.elidedText(shown, Qt.TextElideMode.ElideRight, TITLE_EMS * metrics.averageCharWidth())

    def _describe(self, path: Path) -> str:
        """The tradition and file, for the status bar and tooltip of the chart's menu item."""
        kept = self.kept(path)
        if kept is None or not kept.loads:
            return str(path)
        return _("Tradition: {tradition}. File: {file}").format(
            tradition=isolated(kept.tradition(i18n.language())), file=isolated(shown_file(path))
        )

    def other_charts(self, current: Path | None) -> tuple[list[tuple[Path, Searchable]], list[Path]]:
        """What a search looks through: every known chart but `current` that loads, in the
        interface's language, as (path, what searching needs) — the built-in ones, those read
        in this session and those the worker read — and the known charts still being read by
        the worker (asked for here: none is read on the window's thread)."""
        here = Path(current).resolve() if current is not None else None
        charts: list[tuple[Path, Searchable]] = []
        missing: list[Path] = []
        for path in self.known():
            if path.resolve() == here:
                continue
            if path in self._cache or self._builtin(path):
                found = self._searchable(path)
                if found is not None:
                    charts.append((path, found))
                continue
            reading = self.readings.readings.get(path.resolve())
            if reading is not None and not reading.current(path):
                self.readings.forget(path)  # the file changed since it was read or tried: again
                reading = None
            if reading is None:
                missing.append(path)
            elif reading.searchable is not None:
                charts.append((path, reading.searchable))
        self.readings.ask(missing)
        return charts, self.readings.waiting(missing)

    def _searchable(self, path: Path) -> Searchable | None:
        """What searching a chart at hand needs, made once per reading of it."""
        result = self._read(path)
        if result.atlas is None:
            return None
        made = self._searchables.get(path)
        if made is None or made[0] is not result:
            from ..atlas.search import Searchable

            made = self._searchables[path] = (result, Searchable.of(result.atlas.localized(i18n.language())))
        return made[1]

    def fill_titles(self) -> None:
        """The recent charts with no title kept, read in the worker (at most the recent list;
        the built-in ones are named by reading them when the menu first opens, as before)."""
        self.readings.ask(
            [p for p in self.known() if not self._builtin(p) and self._kept.get(p.resolve()) is None]
        )

    def _arrived(self, name: str) -> None:
        """A chart the worker read: kept for naming it (and its titles stored), unless it
        was read here meanwhile (that reading is the newer)."""
        path = Path(name)
        reading = self.readings.readings.get(path)
        if reading is None or reading.kept is None:
            return
        kept = self._kept.get(path)
        if kept is None or kept.stamp is None:
            self._kept[path] = reading.kept
            self._store_titles(path, reading.kept)

    def to_compare(self, current: Path | None) -> list[Path]:
        """The known charts but `current` that may be compared with it: all but those read
        with errors (and unchanged since). Nothing is read."""
        here = Path(current).resolve() if current is not None else None
        offered = []
        for path in self.known():
            kept = self.kept(path)
            if path.resolve() != here and (kept is None or kept.loads or not kept.current(path)):
                offered.append(path)
        return offered

    def _read(self, path: Path) -> LoadResult:
        mtime = path.stat().st_mtime
        cached = self._cache.get(path)
        if cached is None or cached[0] != mtime:
            cached = (mtime, read_atlas(path, chart_cache()))
            self._cache[path] = cached
        return cached[1]

    def refill(self) -> None:
        if not self.isEnabled():  # the menu of a window that was replaced (language switch)
            return
        for action in self.group.actions():
            self.group.removeAction(action)
        self.clear()
        current = self.state.atlas.path
        if current is not None:  # named as it is now (Chart properties may have retitled it)
            self.keep(current, LoadResult(self.state.source, ()))
        known = self.known()
        for number, path in enumerate(known, start=1):
            title = self.name(path)
            action = QAction(f"&{number} {title.replace('&', '&&')}", self, checkable=True)
            action.setStatusTip(self._describe(path))
            action.setToolTip(plain_tooltip(self._describe(path)))
            action.setChecked(current is not None and Path(current).resolve() == path.resolve())
            action.setData(str(path))
            action.triggered.connect(lambda _=False, p=str(path): self.chosen.emit(p))
            self.group.addAction(action)
            self.addAction(action)
        if self.extra_actions:
            self.addSeparator()
            for action in self.extra_actions:
                self.addAction(action)

    def chart_actions(self) -> list[QAction]:
        return list(self.group.actions())


def with_recent(stored: object, path: str) -> list[str]:
    """The recent charts as stored (by any window), with `path` moved to the front."""
    recent = [p for p in stored if isinstance(p, str) and p != path] if isinstance(stored, list) else []
    return [path, *recent][:MAX_RECENT]


def window_title(atlas: Atlas) -> str:
    """The window's title: the chart's, its file named (copies of one chart have the same
    title: tryout S17-9), and [*], Qt's unsaved mark (editing_shell), after the file."""
    title = bidi_isolate(atlas.title)
    if atlas.path is None:
        return _("{chart} — ReflexMap").format(chart=title + "[*]")
    return _("{chart} — {file} — ReflexMap").format(chart=title, file=file_isolate(atlas.path.name) + "[*]")
