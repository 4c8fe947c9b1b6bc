"""The known charts not read in this session, read in a worker thread: for the zone list's
search across charts (Ctrl+F found nothing in a recent chart until it was opened; reading
them all on the window's thread froze it for seconds with large charts) and for the titles
the Chart menu names them by (a chart opened before titles were kept showed its file name).

One worker reads the charts asked for, one at a time, through the chart cache (read_atlas:
the file and the cache entry are bounded and checked there, never trusted), and hands the
window what searching and naming need (a Searchable and a KeptChart: small) while the chart
itself is freed in the worker. The window takes the readings on its own thread (a timer
looks every POLL_MS); no Qt object is touched from the worker. At most MAX_ASKED charts are
waiting at a time; a chart larger than MAX_BYTES is not read here (it is named by its file
and searched once opened). Closing the window stops the worker at the core's next look."""

from __future__ import annotations

import threading
from collections import deque
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal

from ..atlas import read_atlas, stopping
from ..paths import chart_cache
from .kept_charts import KeptChart, kept_of, stamp

if TYPE_CHECKING:
    from ..atlas.search import Searchable  # (made when a search asks: not at start-up)

POLL_MS = 50
MAX_ASKED = 32  # charts waiting to be read at once (the known ones: built-in and recent)
MAX_BYTES = 40_000_000  # a chart file larger than this is left to File → Open


class Reading:
    """What was read of one chart: its kept facts (None: not read, too large or the reading
    failed), (when it loads) what a search needs, in the language asked for, and the file's
    stamp (modification time and size) taken before it was read."""

    __slots__ = ("path", "kept", "searchable", "when")

    def __init__(
        self,
        path: Path,
        kept: KeptChart | None,
        searchable: Searchable | None,
        when: tuple[float, int] | None = None,
    ):
        self.path, self.kept, self.searchable, self.when = path, kept, searchable, when

    def current(self, path: Path) -> bool:
        """Whether the file is still as it was read: a reading that failed (or a chart too
        large) is tried again once its file changes, as one that loaded is read again. A
        chart the worker could not read was not tried again for the rest of the session."""
        return self.when is not None and self.when == stamp(path)


def read_known(path: Path, language: str) -> Reading:
    """Read `path` (through the cache) into a Reading; the chart itself stays in this call."""
    when = stamp(path)
    if when is not None and when[1] > MAX_BYTES:
        return Reading(path, None, None, when)  # not read: named by its file
    result = read_atlas(path, chart_cache())
    kept = kept_of(result, when)
    from ..atlas.search import Searchable

    searchable = Searchable.of(result.atlas.localized(language)) if result.atlas is not None else None
    return Reading(path, kept, searchable, when)


class KnownReadings(QObject):
    """Reads the charts `ask`ed for in a worker; `arrived(path)` is emitted on the window's
    thread when one is read (its Reading in `readings` then)."""

    arrived = Signal(str)

    def __init__(self, parent: QObject, language: Callable[[], str], read: Callable = read_known):
        super().__init__(parent)
        self.language, self.read = language, read
        self.readings: dict[Path, Reading] = {}  # by resolved path, taken on the window's thread
        self._asked: deque[Path] = deque()  # waiting (the worker pops), resolved paths
        self._done: deque[Reading] = deque()  # read (the window pops)
        self._lock = threading.Lock()
        self._wake = threading.Event()
        self._stopped = threading.Event()
        self._thread: threading.Thread | None = None
        self._busy: Path | None = None
        self._timer = QTimer(self)
        self._timer.setInterval(POLL_MS)
        self._timer.timeout.connect(self._take)
        stopped, wake = self._stopped, self._wake  # (the window gone: not methods of this object)
        self.destroyed.connect(lambda *_: (stopped.set(), wake.set()))

    def ask(self, paths: list[Path]) -> None:
        """Read these charts (those not read, waiting or being read already)."""
        language = self.language()
        with self._lock:
            waiting = {*self._asked, *(r.path for r in self._done), *([self._busy] if self._busy else [])}
            for path in (p.resolve() for p in paths):
                if path not in waiting and path not in self.readings and len(self._asked) < MAX_ASKED:
                    self._asked.append(path)
                    waiting.add(path)
            if not self._asked:
                return
        if self._thread is None:
            self._thread = threading.Thread(
                target=self._run, args=(language,), name="reflexmap-known-charts", daemon=True
            )
            self._thread.start()
        self._wake.set()
        self._timer.start()

    def waiting(self, paths: list[Path]) -> list[Path]:
        """Those of `paths` asked for and not read yet."""
        with self._lock:
            pending = {*self._asked, *(r.path for r in self._done), *([self._busy] if self._busy else [])}
        return [p for p in paths if p.resolve() in pending]

    def forget(self, path: Path) -> None:
        """A reading no longer true (the file changed): read again when asked."""
        self.readings.pop(path.resolve(), None)

    def _run(self, language: str) -> None:
        with stopping.stoppable(self._stopped):
            while not self._stopped.is_set():
                with self._lock:
                    path = self._busy = self._asked.popleft() if self._asked else None
                if path is None:
                    self._wake.wait()
                    self._wake.clear()
                    continue
                when = stamp(path)  # (before reading: a change while it is read is a change)
                try:
                    reading = self.read(path, language)
                except stopping.Stopped:
                    return
                except Exception:  # noqa: BLE001 - a chart the loader did not foresee: not searched
                    reading = Reading(path, None, None, when)  # (until its file changes)
                if reading.when is None:
                    reading.when = when
                with self._lock:
                    self._done.append(reading)
                    self._busy = None
                del reading

    def _take(self) -> None:
        while True:
            with self._lock:
                if not self._done:
                    if not self._asked and self._busy is None:
                        self._timer.stop()
                    return
                reading = self._done.popleft()
            self.readings[reading.path] = reading
            self.arrived.emit(str(reading.path))
