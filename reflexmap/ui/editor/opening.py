"""A large chart opened for editing in the background: the file read as a document and
checked (atlas.document.read_document and its draft: about 2.5 s of CPU for 10,000 zones)
in a worker thread, while the window stays responsive behind a window-modal "Opening the
chart for editing…" box with a Cancel button. A small chart (under `IN_BACKGROUND` bytes)
is opened at once, as before: it takes less than a person notices.

The worker only calls the Qt-free core on objects of its own; the window takes the result in
its own thread (a timer looks every 25 ms), so no Qt object is touched from the worker.
Cancel (or Escape, the window closing, another chart shown) abandons the reading: the box
closes and the window is free at once, whatever the worker is doing, and what it reads is
never looked at. The worker stops itself at the core's next look at the stop (between its
stages, and inside them every few dozen zones: atlas/stopping.py), where nothing is half
done: an exception sent into the thread (PyThreadState_SetAsyncExc, as before) stopped the
parser or the check wherever it was, and waited anyway for a call in C to return.
File → Open reads every chart with the same worker, a long reading behind the same box
(ui/chart_opening.py). What the worker read is freed in its thread (_Worker); input given
while the window draws what was read is dropped (input_dropped)."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from PySide6.QtCore import QEvent, QEventLoop, QObject, Qt, QTimer
from PySide6.QtWidgets import QApplication, QProgressDialog, QPushButton, QWidget

from ...atlas import stopping
from ...i18n import _

IN_BACKGROUND = 2_000_000  # bytes: a larger chart file is read and checked in a worker thread
MANY_POINTS = 20_000  # points (about 0.4 s of CPU to read and check): a chart with more too
POLL_MS = 25


Cancelled = stopping.Stopped  # the reading abandoned: raised between stages, and by the parser


def read_checked(path: Path, stopped: Callable[[], bool] = lambda: False):
    """The chart file as a document, checked (its draft worked out), and the ids of its zones:
    what editing it needs first. Raises OSError or ValueError as read_document does, and
    Cancelled between its stages once `stopped()`."""
    from ...atlas import edits, recheck, ring_text  # noqa: F401 (taken by the first edit: imported here)
    from ...atlas.document import read_document
    from ...atlas.loader import without_cycle_collection
    from ...atlas.local_edit import prepare
    from .session import _zone_ids

    def stage() -> None:
        if stopped():
            raise Cancelled

    @without_cycle_collection  # as the loader reads: a collection of a half-read chart's
    def read():  # objects took 0.5 s at once (10,000 zones), where no stop is looked at
        stage()
        document = read_document(path)
        stage()
        document.draft()
        stage()
        _zone_ids(document)  # parsed once with the check: asked for at the start of the session
        stage()
        prepare(document)  # what the first edit finds out first (atlas/local_edit.py)
        return document

    return read()


def in_background(path: Path) -> bool:
    """The chart at `path` is read behind the box: a large file, or a smaller one with many
    points (`MANY_POINTS`: one zone of 100,000 points in 1.9 MB took about 2 s of CPU to read
    and as much again to draw, with no sign of life before)."""
    from ...storage import read_regular

    try:
        if path.stat().st_size >= IN_BACKGROUND:
            return True
        data = read_regular(path, IN_BACKGROUND)
    except OSError:
        return False  # read at once: the error is said as before
    # a point is "[x, y]," in a flow list (two commas) or "- - x" "- y" in a block list (two
    # or three dashes): counted in C, a millisecond for the largest file counted here
    return data.count(b",") + data.count(b"- ") >= 2 * MANY_POINTS


class Opening(QObject):
    """One chart being read in a worker thread. `done(document)` is called in the window's
    thread when it is read; `failed(error)` when it cannot be (any exception the reading
    raised: said plainly by the caller, never as a traceback); neither after `cancel()`.
    `read(stopped)` reads it (the editor's read_checked unless given); `words` are the box's
    text and title; `name` the thread's; `drawing` what the box says while `done` draws
    what was read (the window is held then: Cancel is off, and input given meanwhile is
    dropped, never acting on a chart the person did not see)."""

    def __init__(
        self,
        parent: QWidget,
        path: Path,
        done: Callable[[object], None],
        failed: Callable[[Exception], None],
        cancelled: Callable[[], None],
        *,
        read: Callable[[Callable[[], bool]], object] | None = None,
        words: tuple[str, str] | None = None,
        name: str = "reflexmap-edit-open",
        drawing: str = "",
    ):
        super().__init__(parent)
        self.parent_widget = parent
        self.path, self.done, self.failed, self.cancelled = path, done, failed, cancelled
        self.over = False
        self._finished = False  # _finish ran (it may be called again after `done` asked a question)
        self.words = words or (_("Opening the chart for editing…"), _("Edit zones"))
        self.drawing = drawing
        self.dialog: QProgressDialog | None = None  # shown only when the reading takes long
        self.timer = QTimer(self)
        self.timer.setInterval(POLL_MS)
        self.timer.timeout.connect(self._look)
        self.worker = _Worker(path, read or (lambda stopped: read_checked(path, stopped)), name)
        self.result = self.worker.result
        stopped, handed = self.worker.stopped, self.worker.handed  # (the window gone: not methods)
        self.destroyed.connect(lambda *_: (stopped.set(), handed.set()))

    def start(self, wait: float = 0.0) -> bool:
        """Begin the reading. Within `wait` seconds (a small chart's reading) it is taken
        at once, as if read on the window's thread, and True returned; else (a large chart,
        a slow disk, a file that is slow to read) the box comes up and False is returned."""
        # the modules the reading uses are imported here, not in the worker: Cancel never
        # stops it halfway through an import
        from ...atlas import builder, document, draft, read_alike, schema, yaml_source  # noqa: F401

        self.worker.thread.start()
        if wait > 0 and self.worker.ready.wait(wait):
            self._look()
            return True
        self._show_box()
        self.timer.start()
        return False

    def _show_box(self) -> None:
        text, title = self.words
        self.dialog = QProgressDialog(
            text, _("Cancel"), 0, 0, self.parent_widget
        )  # 0, 0: busy, no percentage (the check cannot tell how far it is)
        self.dialog.setWindowTitle(title)
        self.dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self.dialog.setMinimumDuration(0)
        self.dialog.setAutoClose(False)
        self.dialog.setAutoReset(False)
        self.dialog.canceled.connect(self.cancel)
        self.dialog.rejected.connect(self.cancel)  # Escape: it only hid the box, and edit mode began later
        self.dialog.show()

    def _look(self) -> None:
        if not self.result or self.over:
            return
        found = self.result.pop()  # the window's own now: the worker keeps nothing
        self.worker.handed.set()
        self.over = True
        self.timer.stop()
        try:
            if isinstance(found, Exception):
                self._finish()
                self.failed(found)
            elif self.dialog is None:  # taken at once: nothing was shown meanwhile
                self._finish()
                self.done(found)
            else:
                self._say_drawing()
                with input_dropped():
                    self.done(found)
        finally:
            self._finish()

    def _say_drawing(self) -> None:
        """The box says the chart is being drawn (`drawing`), with Cancel off, and is painted
        so before the window is held by the drawing."""
        if self.dialog is None:
            return
        if self.drawing:
            self.dialog.setLabelText(self.drawing)
        for button in self.dialog.findChildren(QPushButton):
            button.setEnabled(False)
        self.dialog.repaint()
        QApplication.processEvents(QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents)

    def cancel(self) -> None:
        """Abandon the reading: the window goes on at once; the worker stops by itself."""
        if self.over:
            return
        self.over = True
        self.worker.stopped.set()
        self.worker.handed.set()  # a chart read already is dropped in the worker's thread
        self._finish()
        self.cancelled()

    def _finish(self) -> None:
        if self._finished:  # (once: `done` may have asked a question meanwhile, whose event
            return  # loop deleted this object, as deleteLater below asks)
        self._finished = True
        self.timer.stop()
        dialog, self.dialog = self.dialog, None
        if dialog is not None:
            dialog.canceled.disconnect(self.cancel)
            dialog.rejected.disconnect(self.cancel)
            dialog.close()
            dialog.deleteLater()
        self.deleteLater()


_INPUT = frozenset(
    {
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseButtonRelease,
        QEvent.Type.MouseButtonDblClick,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
        QEvent.Type.KeyPress,
        QEvent.Type.KeyRelease,
        QEvent.Type.ShortcutOverride,
        QEvent.Type.Shortcut,
        QEvent.Type.ContextMenu,
        QEvent.Type.TouchBegin,
        QEvent.Type.TouchUpdate,
        QEvent.Type.TouchEnd,
        QEvent.Type.TabletPress,
        QEvent.Type.TabletRelease,
    }
)


class _Dropping(QObject):
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        return event.type() in _INPUT


@contextmanager
def input_dropped() -> Iterator[None]:
    """What the body does holds the window (a large chart drawn: seconds); clicks and keys
    given meanwhile are waiting in the queue when it ends, aimed at what the screen showed
    before (the Cancel of the box, the old chart). They are dropped then: replayed, a click
    on the box's Cancel landed on the new chart. Anything else (a resize, a paint) is
    handled as usual."""
    try:
        yield
    finally:
        app = QApplication.instance()
        dropping = _Dropping()
        app.installEventFilter(dropping)
        try:
            app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents)  # the queue as it is now
        finally:
            app.removeEventFilter(dropping)


class _Worker:
    """The reading in its thread. A plain object (not Qt's): it is stopped when the window is
    gone too. It touches nothing but objects of its own and `result`, which nobody reads once
    `stopped` is set. What it read is freed in this thread, never the window's: a reading
    abandoned is dropped here (a 10,000-zone chart's objects took 0.2–0.4 s to free), and one
    handed over waits here until the window has taken it (`handed`) or given it up."""

    def __init__(self, path: Path, read: Callable[[Callable[[], bool]], object], name: str):
        self.path, self.read = path, read
        self.result: list = []  # [document] or [exception], set by the worker
        self.thread = threading.Thread(target=self.run, name=name, daemon=True)
        self.stopped = threading.Event()
        self.handed = threading.Event()  # the window took the result, or will never take it
        self.ready = threading.Event()  # `result` holds what was read

    def run(self) -> None:
        try:
            found = self._read()
            if found is None:
                return
            self.result.append(found)
            del found
            self.ready.set()
            self.handed.wait()  # taken (popped by the window) or abandoned: then dropped here
            if self.stopped.is_set():
                self.result.clear()
        finally:
            self.read = None  # the reading's own references (the caller's closure) end here too

    def _read(self) -> object | None:
        """What was read (or the exception it raised); None when abandoned."""
        try:
            with stopping.stoppable(self.stopped):  # the parser checks too, every few thousand values
                found = self.read(self.stopped.is_set)
        except Cancelled:
            return None  # abandoned: nothing to hand over, the half-read objects freed here
        except Exception as exc:  # noqa: BLE001 - handed to the window's thread, said there
            found = exc.with_traceback(None)  # its frames (the half-read chart) freed here
        if self.stopped.is_set():
            return None
        return found
