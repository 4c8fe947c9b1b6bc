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
File → Open reads a large chart with the same box and worker (ui/chart_opening.py)."""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtWidgets import QProgressDialog, QWidget

from ...atlas import stopping
from ...i18n import _

IN_BACKGROUND = 2_000_000  # bytes: a larger chart file is read and checked in a worker thread
POLL_MS = 25


Cancelled = stopping.Stopped  # the reading abandoned: raised between stages, and by the parser


def read_checked(path: Path, stopped: Callable[[], bool] = lambda: False):
    """The chart file as a document, checked (its draft worked out), and the ids of its zones:
    what editing it needs first. Raises OSError or ValueError as read_document does, and
    Cancelled between its stages once `stopped()`."""
    from ...atlas.document import read_document
    from ...atlas.loader import without_cycle_collection
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
        return document

    return read()


def in_background(path: Path) -> bool:
    try:
        return path.stat().st_size >= IN_BACKGROUND
    except OSError:
        return False  # read at once: the error is said as before


class Opening(QObject):
    """One chart being read in a worker thread. `done(document)` is called in the window's
    thread when it is read; `failed(error)` when it cannot be (OSError, ValueError); neither
    after `cancel()`. `read(stopped)` reads it (the editor's read_checked unless given);
    `words` are the box's text and title; `name` the thread's."""

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
    ):
        super().__init__(parent)
        self.path, self.done, self.failed, self.cancelled = path, done, failed, cancelled
        self.over = False
        text, title = words or (_("Opening the chart for editing…"), _("Edit zones"))
        self.dialog = QProgressDialog(
            text, _("Cancel"), 0, 0, parent
        )  # 0, 0: busy, no percentage (the check cannot tell how far it is)
        self.dialog.setWindowTitle(title)
        self.dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self.dialog.setMinimumDuration(0)
        self.dialog.setAutoClose(False)
        self.dialog.setAutoReset(False)
        self.dialog.canceled.connect(self.cancel)
        self.dialog.rejected.connect(self.cancel)  # Escape: it only hid the box, and edit mode began later
        self.timer = QTimer(self)
        self.timer.setInterval(POLL_MS)
        self.timer.timeout.connect(self._look)
        self.worker = _Worker(path, read or (lambda stopped: read_checked(path, stopped)), name)
        self.result = self.worker.result
        stopped = self.worker.stopped  # (the window gone: not this object's method)
        self.destroyed.connect(lambda *_: stopped.set())

    def start(self) -> None:
        # the modules the reading uses are imported here, not in the worker: Cancel never
        # stops it halfway through an import
        from ...atlas import builder, document, draft, read_alike, schema, yaml_source  # noqa: F401

        self.worker.thread.start()
        self.timer.start()
        self.dialog.show()

    def _look(self) -> None:
        if not self.result or self.over:
            return
        self._finish()
        found = self.result[0]
        if isinstance(found, OSError | ValueError):
            self.failed(found)
        elif isinstance(found, Exception):
            raise found
        else:
            self.done(found)

    def cancel(self) -> None:
        """Abandon the reading: the window goes on at once; the worker stops by itself."""
        if self.over:
            return
        self.worker.stopped.set()
        self._finish()
        self.cancelled()

    def _finish(self) -> None:
        self.over = True
        self.timer.stop()
        self.dialog.canceled.disconnect(self.cancel)
        self.dialog.rejected.disconnect(self.cancel)
        self.dialog.close()
        self.dialog.deleteLater()
        self.deleteLater()


class _Worker:
    """The reading in its thread. A plain object (not Qt's): it is stopped when the window is
    gone too. It touches nothing but objects of its own and `result`, which nobody reads once
    `stopped` is set."""

    def __init__(self, path: Path, read: Callable[[Callable[[], bool]], object], name: str):
        self.path, self.read = path, read
        self.result: list = []  # [document] or [exception], set by the worker
        self.thread = threading.Thread(target=self.run, name=name, daemon=True)
        self.stopped = threading.Event()

    def run(self) -> None:
        try:
            with stopping.stoppable(self.stopped):  # the parser checks too, every few thousand values
                found = self.read(self.stopped.is_set)
        except Cancelled:
            return  # abandoned: nothing to hand over
        except Exception as exc:  # noqa: BLE001 - handed to the window's thread, said there
            found = exc
        if not self.stopped.is_set():
            self.result.append(found)
