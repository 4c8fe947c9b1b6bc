"""What goes wrong while the window starts (damaged settings, the last chart not loaded, a
folder that cannot be written) is gathered and said in one message once the window is up;
then work a crash left unsaved is offered back, then the first-run note: one box at a time,
each after the one before is closed, never stacked. Later problems are said as they come."""

from __future__ import annotations

import sys
import threading
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

from ..atlas import AtlasError, limits
from ..i18n import _
from .background import Background
from .timers import later

if TYPE_CHECKING:  # (not at start: QMessageBox's enum classes are made when a box is)
    from PySide6.QtWidgets import QMessageBox

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
        self._offer_fix(dialogs.chart_errors(self.window, name, errors), errors)

    def _offer_fix(self, box: QMessageBox | None, errors: tuple[AtlasError, ...]) -> None:
        """The editor's offer to open the chart and fix `errors`, added to `box` once it is known
        that the editor can (ui/editor/saving.py). That is known by reading the file as the
        editor would, which took 1.6 s of 5,000 zones with one id before the box showed (the
        window still, `reflexmap --chart` 3.3 s against `check`'s 0.9 s): it is read in the
        window's background work, the box up meanwhile with the same words."""
        from .editor.saving import can_fix, file_to_fix

        if box is None:  # no box was shown (a test's stand-in): nothing to add the offer to
            return
        path = file_to_fix(errors)
        if path is None or limits.noted(errors):  # a file read while being written: reloaded, not fixed
            box.setProperty("fix-known", True)  # (tests wait for the answer: here, no offer)
            return

        def known(fixable: bool) -> None:
            from shiboken6 import isValid

            from . import dialogs

            if not isValid(box):
                return  # answered and gone meanwhile
            if fixable and box.isVisible():
                dialogs.offer_fix(box, lambda: self.window.editor.saving.open_to_fix(path))
            box.setProperty("fix-known", True)

        Background.of(self.window).run("chart-fix-check", lambda: can_fix(path), known)

    def offer_recovery(self) -> None:
        """Work a crash left unsaved is offered back, after the first paint (reading the list
        of autosaves loads OpenSSL); the editor is built only when there are some. The question
        waits for the problems at start (a damaged settings file, a chart not loaded) to be read:
        one box at a time, never one over another."""
        from .editor.autosaves import offered  # (not saving.py: its dialogs, OpenSSL)

        said: list[str] = []
        found = offered(said)
        if said:
            self.problem_found(_("Unsaved work"), "\n\n".join(said))
        if found:
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

        if len(problems) == 1 and self.chart_errors:
            box = dialogs.chart_errors(self.window, "", self.chart_errors, text=problems[0][1])
        elif len(problems) == 1:
            return dialogs.warning(self.window, problems[0][0], problems[0][1], "settings-warning")
        else:
            box = dialogs.start_problems(self.window, problems, self.chart_errors)
        if self.chart_errors:
            self._offer_fix(box, self.chart_errors)
        return box

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
