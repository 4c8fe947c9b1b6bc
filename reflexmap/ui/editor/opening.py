"""A large chart opened for editing in the background: the file read as a document and
checked (atlas.document.read_document and its draft: about 2.5 s of CPU for 10,000 zones)
in a worker thread, while the window stays responsive behind a window-modal "Opening the
chart for editing…" box with a Cancel button. A small chart (under `IN_BACKGROUND` bytes)
is opened at once, as before: it takes less than a person notices.

The worker only calls the Qt-free core on objects of its own; the window takes the result in
its own thread (a timer looks every 25 ms), so no Qt object is touched from the worker.
Cancel (or the window closing, or another chart shown) stops the worker: `Cancelled` is
raised inside it (PyThreadState_SetAsyncExc) at its next step of Python, wherever it is in
the core's loops (the parser, the check, the builder), so it ends within milliseconds
instead of reading on for seconds of CPU in the background. The work touches nothing but
objects of its own, which are dropped with it; the window keeps what it had."""

from __future__ import annotations

import ctypes
import threading
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtWidgets import QProgressDialog, QWidget

from ...i18n import _

IN_BACKGROUND = 2_000_000  # bytes: a larger chart file is read and checked in a worker thread
POLL_MS = 25


class Cancelled(BaseException):
    """Raised inside the worker to stop it (a BaseException: no `except Exception` of the
    core's takes it for an error of the chart's)."""


def read_checked(path: Path):
    """The chart file as a document, checked (its draft worked out), and the ids of its zones:
    what editing it needs first. Raises OSError or ValueError as read_document does."""
    from ...atlas.document import read_document
    from .session import _zone_ids

    document = read_document(path)
    document.draft()
    _zone_ids(document)  # parsed once with the check: asked for at the start of the session
    return document


def in_background(path: Path) -> bool:
    try:
        return path.stat().st_size >= IN_BACKGROUND
    except OSError:
        return False  # read at once: the error is said as before


class Opening(QObject):
    """One chart being read in a worker thread. `done(document)` is called in the window's
    thread when it is read; `failed(error)` when it cannot be (OSError, ValueError); neither
    after `cancel()`."""

    def __init__(
        self,
        parent: QWidget,
        path: Path,
        done: Callable[[object], None],
        failed: Callable[[Exception], None],
        cancelled: Callable[[], None],
    ):
        super().__init__(parent)
        self.path, self.done, self.failed, self.cancelled = path, done, failed, cancelled
        self.over = False
        self.dialog = QProgressDialog(
            _("Opening the chart for editing…"), _("Cancel"), 0, 0, parent
        )  # 0, 0: busy, no percentage (the check cannot tell how far it is)
        self.dialog.setWindowTitle(_("Edit zones"))
        self.dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self.dialog.setMinimumDuration(0)
        self.dialog.setAutoClose(False)
        self.dialog.setAutoReset(False)
        self.dialog.canceled.connect(self.cancel)
        self.timer = QTimer(self)
        self.timer.setInterval(POLL_MS)
        self.timer.timeout.connect(self._look)
        self.worker = _Worker(path)
        self.result = self.worker.result
        self.destroyed.connect(self.worker.stop)  # (the window gone: a plain object's method)

    def start(self) -> None:
        # the modules the reading uses are imported here, not in the worker: Cancel never
        # stops it halfway through an import
        from ...atlas import builder, document, draft, schema, yaml_source  # noqa: F401

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
        if self.over:
            return
        self.worker.stop()
        self._finish()
        self.cancelled()

    def _finish(self) -> None:
        self.over = True
        self.timer.stop()
        self.dialog.canceled.disconnect(self.cancel)
        self.dialog.close()
        self.dialog.deleteLater()
        self.deleteLater()


class _Worker:
    """The reading in its thread, and the way to stop it. A plain object (not Qt's): it is
    stopped when the window is gone too. `reading`: the thread is inside read_checked, where
    Cancelled may be raised; both threads change it, and `stop` sends the exception, only
    while holding `guard`."""

    def __init__(self, path: Path):
        self.path = path
        self.result: list = []  # [document] or [exception], set by the worker
        self.thread = threading.Thread(target=self.run, name="reflexmap-edit-open", daemon=True)
        self.guard = threading.Lock()
        self.reading = False
        self.stopped = False

    def run(self) -> None:
        try:
            with self.guard:
                if self.stopped:
                    return
                self.reading = True
            try:
                found = read_checked(self.path)
            except Exception as exc:  # noqa: BLE001 - handed to the window's thread, said there
                found = exc
            finally:
                with self.guard:  # (a Cancelled sent before this is raised in here, and caught below)
                    self.reading = False
            self.result.append(found)
        except Cancelled:
            return  # stopped: nothing to hand over

    def stop(self, *_args) -> None:
        """Raise Cancelled in the thread, if it is still reading."""
        with self.guard:
            self.stopped = True
            if self.reading and self.thread.ident is not None:
                ctypes.pythonapi.PyThreadState_SetAsyncExc(
                    ctypes.c_ulong(self.thread.ident), ctypes.py_object(Cancelled)
                )
