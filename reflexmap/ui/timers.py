"""Deferred calls tied to the object they act on."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer


def later(owner: QObject, call: Callable[[], object], msec: int = 0) -> QTimer:
    """Call `call` once after `msec` (0: when the event loop next turns), unless `owner` is
    deleted first: the timer is `owner`'s child and goes with it, and with it what `call` holds.

    Not `QTimer.singleShot(msec, call)`: that runs `call` after `owner` is gone (a closed
    comparison window was redrawn on its deleted widgets). Not `singleShot(msec, owner, call)`
    either: PySide6 then keeps `call`, and through it `owner`'s Python side with everything it
    refers to, for ever when `owner` is deleted before the time comes."""
    timer = QTimer(owner)
    timer.setSingleShot(True)
    timer.timeout.connect(lambda: call())
    timer.timeout.connect(timer.deleteLater)
    timer.start(msec)
    return timer


class _FirstPaint(QObject):
    def __init__(self, widget: QObject, call: Callable[[], object]):
        super().__init__(widget)
        self.call = call
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and self.call is not None:
            call, self.call = self.call, None
            watched.removeEventFilter(self)
            later(watched, call)  # once this paint has finished (gone with the widget)
            self.deleteLater()  # (a watcher left behind per call added up: a resize keeps places)
        return False


def when_painted(widget: QObject, call: Callable[[], object]) -> None:
    """Call `call` once `widget` has painted for the first time (in the next turn of the event
    loop, once that paint has finished): work the first picture need not wait for, such as a
    question to the person, comes after it. Nothing happens if `widget` goes first."""
    _FirstPaint(widget, call)
