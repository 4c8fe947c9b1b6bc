"""What goes wrong while the window starts (damaged settings, the last chart not loaded, a
folder that cannot be written) is gathered and said in one message once the window is up,
never as dialogs stacked one after another; the first-run note waits until it is read.
Later problems are said as they come."""

from __future__ import annotations

import sys
from collections.abc import Callable

from PySide6.QtWidgets import QWidget

from ..atlas import AtlasError
from ..i18n import _
from .timers import later


class StartProblems:
    def __init__(self, window: QWidget, settings_warnings: list[str]):
        self.window = window
        self.pending: list[tuple[str, str]] | None = []  # None once the window is up
        self.chart_errors: tuple[AtlasError, ...] = ()
        self.closing = False  # the window is going: say a problem at once
        if settings_warnings:
            self.pending.append((_("Settings"), "\n".join(settings_warnings)))

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
        of autosaves loads OpenSSL); the editor is built only when there are some."""
        from .editor.saving import read_index

        if read_index():
            self.window.editor.saving.offer_recovery()

    def started(self, first_run_note: Callable[[], None] | None) -> None:
        """The window is up: say what went wrong while starting, in one message, then the
        first-run note (if this is the first run)."""
        problems, self.pending = self.pending or [], None
        if not problems:
            if first_run_note is not None:
                first_run_note()
            return
        from . import dialogs  # (not imported by a start without problems)

        fix = self._fix(self.chart_errors) if self.chart_errors else None
        if len(problems) == 1 and self.chart_errors:
            box = dialogs.chart_errors(self.window, "", self.chart_errors, text=problems[0][1], fix=fix)
        elif len(problems) == 1:
            box = dialogs.warning(self.window, problems[0][0], problems[0][1], "settings-warning")
        else:
            box = dialogs.start_problems(self.window, problems, self.chart_errors, fix=fix)
        if first_run_note is not None:
            box.finished.connect(lambda _result: first_run_note())

    def settings_problem(self, message: str) -> None:
        """The settings could not be written: gathered at start, said at once when closing
        (the window is going: a message posted for later would never be seen), else soon."""
        from . import dialogs

        print(f"reflexmap: {message}", file=sys.stderr)
        if self.pending is not None:
            self.pending.append((_("Settings"), message))
        elif self.closing:
            dialogs.warning(self.window, _("Settings"), message, "settings-warning").exec()
        else:
            later(
                self.window, lambda: dialogs.warning(self.window, _("Settings"), message, "settings-warning")
            )
