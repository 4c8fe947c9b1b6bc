"""A long reading asked to stop: a large chart is opened (File → Open) or read for editing
in a worker thread (ui/chart_opening.py, ui/editor/opening.py), and Cancel abandons it.
The worker asks for the stop with `stoppable(event)`; the core's long loops call `check()`
(the parser's, every thousand values) or go through `each()` (the walks before the parser,
the check's walks over the zones: schema, builder, the document's layouts), where nothing
is half done, and `Stopped` ends the reading there: within some 100 ms of CPU on a
10,000-zone chart, whatever its stage. Any other thread's reading (the window's own) is
never stopped. No Qt."""

from __future__ import annotations

import threading
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import TypeVar

EVERY = 1024  # values read between two checks (a mask: a power of two): some 30 ms

_asked = threading.local()
T = TypeVar("T")


class Stopped(BaseException):
    """The reading was abandoned (a BaseException: no `except Exception` of the core's
    takes it for an error of the chart's)."""


def check() -> None:
    """Raise Stopped if the reading in this thread was asked to stop."""
    event = getattr(_asked, "event", None)
    if event is not None and event.is_set():
        raise Stopped


def each(items: Iterable[T], every: int = 64) -> Iterator[T]:
    """`items`, one by one, checking (as `check()`) before the first and every `every` items:
    a long loop of the core stops between two of its items. In a thread not asked to stop
    it is `items` as they are."""
    event = getattr(_asked, "event", None)
    if event is None:
        yield from items
        return
    for count, item in enumerate(items):
        if not count % every and event.is_set():
            raise Stopped
        yield item


@contextmanager
def stoppable(event: threading.Event) -> Iterator[None]:
    """Readings in this thread stop (raising Stopped) at the core's next check once `event`
    is set."""
    _asked.event = event
    try:
        yield
    finally:
        _asked.event = None
