"""Opening a chart (File → Open, the Chart menu, Ctrl+R, a search match in another chart),
asked about first where something would be lost or left behind (a quiz round, unsaved edits).
Every chart is read and checked in a worker thread (editor/opening.py's Opening). A reading
that ends within `QUICK_S` (a small chart: less than a person notices) is shown at once, as
if read on the window's thread; a longer one (a large chart, `IN_BACKGROUND` bytes or more,
goes there at once: a 10,000-zone chart's first reading takes some 2.5 s of CPU; a slow
disk; a file slow to read) goes on behind a window-modal "Opening the chart…" box with
Cancel, the window answering. Cancel (or Escape, or opening another chart meanwhile)
abandons the reading at once: the chart shown stays, and the worker stops at its next look
(atlas/stopping.py) and frees what it read in its own thread.

Drawing the chart read is the window's own work (Qt's items): the box says so meanwhile,
and clicks and keys given while it held the window are dropped, never acting on the new
chart (editor/opening.py's input_dropped). A reading that raises is said as a chart error
(file, with line:column when the exception knows them), and the chart shown stays."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from ..atlas import AtlasError, LoadResult, read_atlas
from ..atlas.whole_file import read_whole
from ..i18n import _
from ..paths import chart_cache

IN_BACKGROUND = 2_000_000  # bytes: a larger chart file goes behind the box at once
QUICK_S = 0.4  # a reading that takes longer goes on behind the box (a shorter one is shown at once)


def in_background(path: Path) -> bool:
    try:
        return path.stat().st_size >= IN_BACKGROUND
    except OSError:
        return False  # tried quickly: the error is said as before


class ChartOpening:
    """The window's chart opening: at most one reading in the background at a time."""

    def __init__(self, window):
        self.window = window
        self.opening = None  # the reading in the background (editor.opening.Opening)

    def shown(self, path: str | Path, result: LoadResult) -> bool:
        """The chart read shown, remembered as the last one; on errors they are shown and
        the chart we had stays."""
        window = self.window
        window.charts_menu.keep(path, result)  # named by it, or "(has errors)", in the Chart menu
        if not result.ok:
            window.show_errors(Path(path).name, result.errors)
            return False
        assert result.atlas is not None
        window.state.set_atlas(result.atlas)
        window.settings.setValue("chart/last", str(path))
        window.charts_menu.remember(path, result)
        return True

    def open(self, path: str | Path, then: Callable[[], None] | None = None) -> bool:
        """Read the chart at `path` and show it (`shown`), then call `then`. True when it
        was shown at once; False when it could not be, is read in the background, or is
        asked about first: another chart goes through the state's one way to it
        (AppState.change_chart: a quiz round asks "End this round now?" and ends first), and
        unsaved edits are saved, discarded or kept (the editor asks)."""
        shown: list[bool] = []
        self.window.state.change_chart(lambda: shown.append(self._open(path, then)))
        return shown == [True]

    def _open(self, path: str | Path, then: Callable[[], None] | None) -> bool:
        from .editor.opening import Opening

        self.cancel()  # another chart asked for: the one being read is abandoned
        outcome: list[bool] = []

        def read(result: LoadResult) -> None:
            outcome.append(self._read(path, result, then))

        opening = self.opening = Opening(
            self.window,
            Path(path),
            read,
            lambda error: self._failed(path, error),
            self._cancelled,
            # (a part of a file another program is writing is said so, and not shown)
            read=lambda _stopped: read_whole(Path(path), lambda: read_atlas(path, chart_cache())),
            words=(_("Opening the chart…"), _("Open chart")),
            name="reflexmap-open",
            drawing=_("Drawing the chart…"),
        )
        at_once = opening.start(wait=0.0 if in_background(Path(path)) else QUICK_S)
        return at_once and outcome == [True]

    def cancel(self) -> None:
        if self.opening is not None:
            self.opening.cancel()

    def _read(self, path: str | Path, result: LoadResult, then: Callable[[], None] | None) -> bool:
        self.opening = None
        window = self.window
        # unsaved edits are saved, discarded or kept only now that a chart is read to replace
        # them: asked before the reading, Discard then a chart that failed, was cancelled or
        # had errors lost the edits and their history for nothing (as New chart did, S14-17)
        if result.ok and window.edits and not window.editor.may_switch():
            return False
        if not self.shown(path, result):
            return False
        if then is not None:
            then()
        return True

    def _failed(self, path: str | Path, error: Exception) -> None:
        """The reading raised (read_atlas says a chart's problems as its result: this is
        what it did not foresee): said as a chart error, at the place the exception names
        if it names one; the chart shown stays."""
        from . import dialogs

        self.opening = None
        problem = failure(str(path), error)
        self.window.status.say(str(problem))
        dialogs.chart_errors(
            self.window, Path(path).name, (problem,)
        )  # (no editor offered: not the file's fault)

    def _cancelled(self) -> None:
        self.opening = None
        self.window.status.say(_("Opening the chart was cancelled; the chart shown stays."))


def failure(path: str, error: Exception) -> AtlasError:
    """An exception of a reading as a chart error: its place in the file (a parser's mark,
    or `line`/`column`, counted from 1) when it has one, and a plain reason."""
    from ..atlas.loader import _unreadable

    line, column = 0, 0
    mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
    if mark is not None and isinstance(getattr(mark, "line", None), int):
        line, column = mark.line + 1, int(getattr(mark, "column", 0)) + 1
    elif isinstance(getattr(error, "line", None), int) and error.line > 0:
        line, column = error.line, max(int(getattr(error, "column", 1) or 1), 1)
    if isinstance(error, OSError):
        reason = _unreadable(error)
    elif isinstance(error, MemoryError):
        reason = _("the chart is too large to read in the memory left")
    elif isinstance(error, RecursionError):
        reason = _("the chart is nested too deeply to read")
    else:
        problem = getattr(error, "problem", None)
        said = problem if isinstance(problem, str) and problem else str(error)
        reason = _("the chart could not be read: {reason}").format(
            reason=said.splitlines()[0] if said else type(error).__name__
        )
    return AtlasError(path, line, column, reason)
