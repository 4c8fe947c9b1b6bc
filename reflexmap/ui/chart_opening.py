"""Opening a chart (File → Open, the Chart menu, Ctrl+R, a search match in another chart).
A large chart file (`IN_BACKGROUND` bytes or more: about 2,500 zones) is read and checked in
a worker thread (editor/opening.py's Opening) behind a window-modal "Opening the chart…" box
with Cancel, so the window keeps answering: a 10,000-zone chart's first reading takes some
2.5 s of CPU. Cancel (or Escape, or opening another chart meanwhile) abandons the reading at
once: the chart shown stays, and the worker stops at its next look (atlas/stopping.py). A
small chart is read at once, as before: it takes less than a person notices.

Drawing the chart read is the window's own work (Qt's items), done when the reading is over."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from ..atlas import LoadResult, read_atlas
from ..i18n import _
from ..paths import chart_cache

IN_BACKGROUND = 2_000_000  # bytes: a larger chart file is read in a worker thread


def in_background(path: Path) -> bool:
    try:
        return path.stat().st_size >= IN_BACKGROUND
    except OSError:
        return False  # read at once: the error is said as before


class ChartOpening:
    """The window's chart opening: at most one reading in the background at a time."""

    def __init__(self, window):
        self.window = window
        self.opening = None  # the reading in the background (editor.opening.Opening)

    def shown(self, path: str | Path, result: LoadResult) -> bool:
        """The chart read shown, remembered as the last one; on errors they are shown and
        the chart we had stays."""
        window = self.window
        if not result.ok:
            window.show_errors(Path(path).name, result.errors)
            return False
        assert result.atlas is not None
        window.state.set_atlas(result.atlas)
        window.settings.setValue("chart/last", str(path))
        window.charts_menu.remember(path)
        return True

    def open(self, path: str | Path, then: Callable[[], None] | None = None) -> bool:
        """Read the chart at `path` and show it (`shown`), then call `then`. True when it
        was shown at once; False when it could not be or is read in the background."""
        self.cancel()  # another chart asked for: the one being read is abandoned
        if not in_background(Path(path)):
            if self.shown(path, read_atlas(path, chart_cache())):
                if then is not None:
                    then()
                return True
            return False
        from .editor.opening import Opening

        self.opening = Opening(
            self.window,
            Path(path),
            lambda result: self._read(path, result, then),
            self._failed,
            self._cancelled,
            read=lambda _stopped: read_atlas(path, chart_cache()),
            words=(_("Opening the chart…"), _("Open chart")),
            name="reflexmap-open",
        )
        self.opening.start()
        return False

    def cancel(self) -> None:
        if self.opening is not None:
            self.opening.cancel()

    def _read(self, path: str | Path, result: LoadResult, then: Callable[[], None] | None) -> None:
        self.opening = None
        if self.shown(path, result) and then is not None:
            then()

    def _failed(self, error: Exception) -> None:
        from . import dialogs

        self.opening = None
        said = _("Could not read the chart: {error}").format(error=error)
        self.window.status.say(said)
        dialogs.warning(self.window, _("Open chart"), said, "open-refused")

    def _cancelled(self) -> None:
        self.opening = None
        self.window.status.say(_("Opening the chart was cancelled; the chart shown stays."))
