"""What goes wrong while the window starts (damaged settings, the last chart not loaded, a
folder that cannot be written) is gathered and said in one message once the window is up;
then work a crash left unsaved is offered back, then the first-run note: one box at a time,
each after the one before is closed, never stacked. Later problems are said as they come."""

from __future__ import annotations

import sys
import threading
from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QWidget

from ..atlas import AtlasError
from ..i18n import _
from .background import Background
from .timers import later

PROBLEMS, RECOVERY, FIRST_RUN = range(3)  # the start's boxes, in the order they come


class StartProblems:
    def __init__(self, window: QWidget, settings_warnings: list[str]):
        self.window = window
        self.pending: list[tuple[str, str]] | None = []  # None once the window is up
        self.chart_errors: tuple[AtlasError, ...] = ()
        self.closing = False  # the window is going: say a problem at once
        self._waiting: list[tuple[int, Callable[[], QWidget | None]]] = []  # boxes in turn
        self._shown: QWidget | None = None  # the start-up box up now
        if settings_warnings:
            # a blank line between problems: where each starts shows
            self.pending.append((_("Settings"), "\n\n".join(settings_warnings)))

    def chart_errors_found(self, name: str, errors: tuple[AtlasError, ...]) -> None:
        """A chart that did not load: its errors, with their places."""
        from . import dialogs

        if self.pending is not None:  # at start: said with the other problems, if any
            self.pending.append((_("Chart not loaded"), dialogs.chart_errors_text(name, errors)))
            self.chart_errors = errors
            return
        dialogs.chart_errors(self.window, name, errors, fix=self._fix(errors))

    def _fix(self, errors: tuple[AtlasError, ...]) -> Callable[[], object] | None:
        """Opening the chart in the editor to fix `errors`, when the editor can (ui/editor/saving.py)."""
        from .editor.saving import fixable_chart

        path = fixable_chart(errors)
        return None if path is None else lambda: self.window.editor.saving.open_to_fix(path)

    def offer_recovery(self) -> None:
        """Work a crash left unsaved is offered back, after the first paint (reading the list
        of autosaves loads OpenSSL); the editor is built only when there are some. The question
        waits for the problems at start (a damaged settings file, a chart not loaded) to be read:
        one box at a time, never one over another."""
        from .editor.autosaves import read_index  # (not saving.py: its dialogs, OpenSSL)

        if read_index():
            self._in_turn(RECOVERY, lambda: self.window.editor.saving.offer_recovery())

    def painted(self, log_path: Callable[[], Path]) -> None:
        """The window's first paint is done: work a crash left unsaved is offered back, and the
        review log at `log_path()` is checked a turn later (the clicks made ready first:
        reading it imports the quiz, and with it Shapely)."""
        self.offer_recovery()
        later(self.window, lambda: self.check_review_log(log_path()))

    def check_review_log(self, path: Path) -> threading.Thread:
        """The review log checked soon after the first paint, in the window's background work
        (background.py; SQLite's quick_check: 0.06 to 0.3 s on 200,000 answers, more from a
        cold disk; the window answers clicks meanwhile): a damaged one is then set aside and
        salvaged there too, as the progress does when it opens, and that is said with the
        problems found at start. The quiz's opening, asked meanwhile, waits for it."""
        from ..quiz import reviewlog

        def check() -> list[str]:
            return reviewlog.check_at_start(path, damaged=reviewlog.damaged_at_start(path))

        return Background.of(self.window).run("review-log-check", check, self._checked).thread

    def _checked(self, said: list[str]) -> None:
        if said:
            self.problem_found(_("Quiz progress"), "\n\n".join(said))

    def problem_found(self, title: str, message: str) -> None:
        """A problem found while starting: with the others, or in its turn once they are said."""
        from . import dialogs

        if self.pending is not None:
            self.pending.append((title, message))
        else:
            self._in_turn(PROBLEMS, lambda: dialogs.warning(self.window, title, message, "quiz-warning"))

    def started(self, first_run_note: Callable[[], QWidget | None] | None) -> None:
        """The window is up: say what went wrong while starting, in one message, then offer
        work a crash left unsaved back (if any), then the first-run note (if this is the first
        run), each once the one before is closed."""
        problems, self.pending = self.pending or [], None
        if problems:
            self._in_turn(PROBLEMS, lambda: self._say_problems(problems))
        if first_run_note is not None:
            self._in_turn(FIRST_RUN, first_run_note)
        self._next()

    def _say_problems(self, problems: list[tuple[str, str]]) -> QWidget:
        from . import dialogs  # (not imported by a start without problems)

        fix = self._fix(self.chart_errors) if self.chart_errors else None
        if len(problems) == 1 and self.chart_errors:
            return dialogs.chart_errors(self.window, "", self.chart_errors, text=problems[0][1], fix=fix)
        if len(problems) == 1:
            return dialogs.warning(self.window, problems[0][0], problems[0][1], "settings-warning")
        return dialogs.start_problems(self.window, problems, self.chart_errors, fix=fix)

    def _in_turn(self, rank: int, show: Callable[[], QWidget | None]) -> None:
        """`show` opens a box (or says nothing and returns None): it comes in the order of
        `rank`, after the box up now is closed. Until `started`, the boxes wait: the problems
        are still being gathered."""
        self._waiting.append((rank, show))
        self._waiting.sort(key=lambda item: item[0])  # stable: same rank, first come first
        if self.pending is None:
            self._next()

    def _next(self) -> None:
        if self._shown is not None:
            return  # the box up now calls again once closed
        while self._waiting:
            _rank, show = self._waiting.pop(0)
            box = show()
            if box is not None:
                self._shown = box
                box.finished.connect(lambda _result: self._closed())
                return

    def _closed(self) -> None:
        """The box up was answered; the next comes once its answer is acted on."""
        self._shown = None
        later(self.window, self._next)

    def settings_problem(self, message: str) -> None:
        """The settings could not be written: gathered at start, said at once when closing
        (the window is going: a message posted for later would never be seen), else soon."""
        from . import dialogs

        print(f"reflexmap: {message}", file=sys.stderr)
        if self.pending is not None:
            self.pending.append((_("Settings"), message))
        elif self.closing:
            dialogs.warning(self.window, _("Settings"), message, "settings-warning").exec()
        else:  # soon, and never over a start-up box still up (the recovery question, say)
            later(
                self.window,
                lambda: self._in_turn(
                    PROBLEMS, lambda: dialogs.warning(self.window, _("Settings"), message, "settings-warning")
                ),
            )
