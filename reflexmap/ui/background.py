"""Work that would hold the window's thread for a noticeable time (checking a large review
log at start, opening it for the quiz with an old progress file to import) done in a thread,
while the window answers clicks and keys. One way for all of it: jobs run one after another,
in the order asked (two jobs on one log never run at once: the start's check could set aside
a file the quiz's opening was reading), and each result is handed to its `done` on the
window's thread, looked for every POLL_MS by a timer of the window's: nothing is handed to a
window that is gone. A job is Qt-free and catches what a user can cause (a damaged file, a
full disk) itself; anything else it raises is raised again on the window's thread."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Generic, TypeVar

from PySide6.QtCore import QObject

from ..atlas.loader import without_cycle_collection
from .timers import later

POLL_MS = 50  # how often the window looks whether a job is done
T = TypeVar("T")


class Job(Generic[T]):
    """A job running in its thread; `wait()` takes its result on the window's thread at once
    (then `done` is not called): for what cannot wait for the timer (answers handed over)."""

    def __init__(self, thread: threading.Thread, result: list, done: Callable[[T], object]):
        self.thread, self._result, self._done = thread, result, done
        self.taken = False

    def wait(self) -> T:
        self.thread.join()
        self.taken = True
        return self._value()

    def _value(self) -> T:
        value, error = self._result[0]
        if error is not None:
            raise error
        return value

    def hand_to(self, done: Callable[[T], object]) -> None:
        """Its result goes to `done` instead (a window replacing the one that asked)."""
        self._done = done

    def _deliver(self) -> None:
        if not self.taken:
            self.taken = True
            self._done(self._value())


class Background(QObject):
    """The window's jobs (see the module's note): `Background.of(window).run(...)`."""

    def __init__(self, window: QObject):
        super().__init__(window)
        self.setObjectName("background-work")
        self._last: threading.Thread | None = None

    @classmethod
    def of(cls, window: QObject) -> Background:
        for child in window.children():
            if isinstance(child, cls):
                return child
        return cls(window)

    def run(self, name: str, job: Callable[[], T], done: Callable[[T], object]) -> Job[T]:
        """`job()` in a thread named `name`, after the jobs asked before it; `done(result)`
        on the window's thread once it is over."""
        before, result = self._last, []

        def work() -> None:
            if before is not None:
                before.join()
            try:
                # a job makes many small objects and no cycles (a progress file's 20,000 cards):
                # each collection it set off walked them all holding Python's lock, which the
                # window's thread waited for (pauses of 0.2 s); paused as a chart's reading is
                result.append((without_cycle_collection(job)(), None))
            except BaseException as exc:  # a bug: raised again on the window's thread
                result.append((None, exc))

        thread = threading.Thread(target=work, name=name, daemon=True)
        handle = Job(thread, result, done)
        self._last = thread
        thread.start()
        later(self, lambda: self._look(handle), POLL_MS)  # (never handed over before run returns)
        return handle

    def take_over(self, before: Background, jobs: list[Job]) -> None:
        """The work of the window this one replaces (`before`, going with its timer): `jobs`
        are looked for here, the jobs asked from now on run after those asked there, and that
        window no longer waits for them as it closes (wait_idle: this one does)."""
        if self._last is None or not self._last.is_alive():
            self._last = before._last
        before._last = None
        for job in jobs:
            later(self, lambda job=job: self._look(job), POLL_MS)

    def wait_idle(self) -> None:
        """Every job asked so far is over (their results still handed over by the timer): for
        work on the window's thread that must not run beside them (a small log opened at once)."""
        if self._last is not None:
            self._last.join()

    def _look(self, handle: Job) -> None:
        if handle.thread.is_alive():
            later(self, lambda: self._look(handle), POLL_MS)
        else:
            handle._deliver()
