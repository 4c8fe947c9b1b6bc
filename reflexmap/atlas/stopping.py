"""A long reading asked to stop: the editor reads a large chart in a worker thread
(ui/editor/opening.py), and Cancel abandons it. The worker asks for the stop with
`stoppable(event)`; the core's longest loop (the parser's, yaml_source) calls `check()`
every few thousand values, where nothing is half done, and `Stopped` ends the reading there.
Any other thread's reading (the window's own) is never stopped. No Qt."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager

EVERY = 4096  # values read between two checks (a mask: a power of two)

_asked = threading.local()


class Stopped(BaseException):
    """The reading was abandoned (a BaseException: no `except Exception` of the core's
    takes it for an error of the chart's)."""


def check() -> None:
    """Raise Stopped if the reading in this thread was asked to stop."""
    event = getattr(_asked, "event", None)
    if event is not None and event.is_set():
        raise Stopped


@contextmanager
def stoppable(event: threading.Event) -> Iterator[None]:
    """Readings in this thread stop (raising Stopped) at the core's next check once `event`
    is set."""
    _asked.event = event
    try:
        yield
    finally:
        _asked.event = None
