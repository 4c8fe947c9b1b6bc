"""Deferred calls tied to the object they act on."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer


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
