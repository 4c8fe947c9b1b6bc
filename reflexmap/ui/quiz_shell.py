"""The quiz's place in the window: the quiz panel in its dock (the zone card and list step
aside while a round runs: they would give answers away), Quiz → New quiz… and the results,
File → Profile…, Quiz → Statistics… and the mastery heat map. The quiz controller and its
panel are built on first use: start-up only pays for the chart."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import QDockWidget, QPushButton, QWidget

from .. import i18n
from ..content.markup import plain_tooltip
from ..i18n import _, bidi_isolate
from ..settings import Settings
from .state import AppState

if TYPE_CHECKING:
    from PySide6.QtWidgets import QDialog, QMessageBox

    from .map_view import MapView
    from .modes.quiz import QuizController
    from .quiz_panel import QuizPanel
    from .quiz_setup import QuizSetupDialog


class QuizShell(QObject):
    def __init__(
        self,
        window: QWidget,
        state: AppState,
        map_view: MapView,
        settings: Settings,
        progress_path: Path,
        *,
        dock: QDockWidget,
        asides: Callable[[], tuple[QDockWidget, ...]],
        say: Callable[..., None],
        status_message: Callable[[], str],
        clear_message: Callable[[], None],
    ):
        """`dock`: where the quiz panel goes; `asides()`: the docks hidden while a round runs
        (asked when it starts: the editor's zone-texts form may have come since);
        `say(message[, ms])`, `status_message()`, `clear_message()`: the status bar."""
        super().__init__(window)
        self.window, self.state, self.map, self.settings = window, state, map_view, settings
        self.progress_path = progress_path
        self.dock, self.asides = dock, asides
        self._say, self._status_message, self._clear_message = say, status_message, clear_message
        self._controller: QuizController | None = None
        self._panel: QuizPanel | None = None
        self._hidden: list[tuple[QDockWidget, bool]] = []
        self._summary = None  # the last round's results, for "Review mistakes" there
        self._summary_dialog = None  # its results dialog while open
        dock.installEventFilter(self)  # its × during a round asks to end the round
        self._quiet = False  # a round ended by end_round(): no results dialog
        self._statistics: QDialog | None = None  # the Statistics window last opened, while open
        self._statistics_atlas = state.atlas  # the chart it shows the figures of
        self._following = False  # a fresh Statistics window is on its way (a zero timer)
        self._progressed = False  # ... because the review log changed (a round ended)
        self.statistics_built = 0  # Statistics figures made: a new window, or afresh in the open one
        self._setup_waiting = False  # New quiz… asked: its dialog comes once the progress is read
        self._statistics_waiting = False  # Statistics… asked: likewise
        self._mastery_waiting = False  # the heat map asked: likewise
        # asked before a round: True when it may begin (the editor asks to save changes first:
        # a round asks the chart as saved); set by the editor once built
        self.before_round: Callable[[], bool] = lambda: True
        state.atlas_changed.connect(self._statistics_follow_chart)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt's name
        """The quiz panel's × while a round runs: the panel stays, and the round may end (as
        with End quiz). Closed, it left a round running with no question and no way to answer."""
        if (
            watched is self.dock
            and event.type() == QEvent.Type.Close
            and self._controller is not None
            and self._controller.active
        ):
            event.ignore()
            self._controller.confirm_stop()
            return True
        return super().eventFilter(watched, event)

    @property
    def built(self) -> bool:
        return self._controller is not None

    def database_path(self) -> Path:
        """The review log of the student chosen (the quiz's own once it is set up)."""
        if self._controller is not None:
            return self._controller.database_path
        from ..quiz.profiles import DEFAULT, Profiles
        from .modes.quiz import PROFILE_KEY

        profiles = Profiles(self.progress_path.parent)
        name = self.settings.value(PROFILE_KEY, DEFAULT)
        return profiles.database(name if isinstance(name, str) and name in profiles.names() else DEFAULT)

    @property
    def controller(self) -> QuizController:
        if self._controller is None:
            from .modes.quiz import QuizController
            from .quiz_panel import QuizPanel

            self._panel = QuizPanel(self.window)
            self.dock.setWidget(self._panel)
            self._controller = QuizController(
                self.state, self.map, self._panel, self.progress_path, self.window, settings=self.settings
            )
            self._controller.started.connect(self._started)
            self._controller.finished.connect(self._finished)
            self._controller.answered.connect(self._progress_changed)  # an open Statistics
            self._controller.profile_changed.connect(self._profile_changed)  # window follows
            self._controller.said.connect(lambda text: self._say(text, 15_000))
            self._controller.before_round = lambda: self.before_round()
        return self._controller

    @property
    def panel(self) -> QuizPanel:
        self.controller  # noqa: B018 - builds the panel with its controller
        assert self._panel is not None
        return self._panel

    def panel_shown(self) -> bool:
        return self._panel is not None and self.dock.isVisible()

    # --- a round ------------------------------------------------------------------------
    def new_quiz_dialog(self) -> QuizSetupDialog | None:
        """Quiz → New quiz…: the setup dialog, once the progress is read (large progress is
        read in the background: the dialog comes when it is done, and None is returned)."""
        quiz = self.controller
        if self._setup_waiting:
            return None  # (asked again while the progress is read: one dialog comes)
        if not self.before_round():  # (unsaved edits: saved first, or no round)
            return None
        if not quiz.read_at_once():
            self._setup_waiting = True
            quiz.when_ready(self._setup_ready)
            return None
        return self._setup_dialog()

    def _setup_ready(self) -> None:
        self._setup_waiting = False
        if self._controller is not None and not self._controller.active:  # (a round may have begun)
            self._setup_dialog()

    def _setup_dialog(self) -> QuizSetupDialog:
        from .quiz_setup import QuizSetupDialog

        self._setup_waiting = False
        quiz = self.controller
        dialog = QuizSetupDialog(
            self.state.atlas,
            self.state.aspect,
            self.window,
            settings=self.settings,
            retention=quiz.retention,
            left_out=frozenset(self.state.refused.zones),
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)  # each round left ~50 widgets
        dialog.accepted.connect(lambda: self._start(dialog))
        # opening the progress (quiz.retention, above) may have said it was damaged or could
        # not be opened: that is read first, the dialog comes when the box is closed (it
        # stood over the box, so the warning came after Start, over a running round)
        said = self._said_box()
        if said is not None:
            said.finished.connect(dialog.open)
        else:
            dialog.open()
        return dialog

    def _said_box(self) -> QMessageBox | None:
        """The message about the progress (damaged, could not be opened) open now, if any: a
        window that depends on it opens once it is answered (opened over it, it hid the
        message, which being modal kept that window from closing)."""
        from PySide6.QtWidgets import QMessageBox  # (its 4 enum classes: not made at start)

        said = [b for b in self.window.findChildren(QMessageBox, "quiz-warning") if b.isVisible()]
        return said[-1] if said else None

    def _start(self, dialog: QuizSetupDialog) -> None:
        self.controller.set_retention(dialog.desired_retention())
        self.controller.start(dialog.options())

    def _started(self) -> None:
        """The quiz panel takes the side: the zone card and list would give answers away.
        The window is the active one (a round is begun here: from the menu, the setup dialog,
        the results): with no window manager a closed dialog left none active, and the typed
        answer's completion list, passing keys on to a field without focus, shut at every
        other key."""
        self.window.activateWindow()  # (the closing dialog may still count as active now)
        from .editing_shell import why_off_in_round

        self._hidden = [(d, d.isVisible()) for d in self.asides()]
        why = why_off_in_round()
        for dock, _visible in self._hidden:
            dock.hide()
            # nor does the window's menu of panels (right-click on the toolbar) bring them back
            toggle = dock.toggleViewAction()
            toggle.setEnabled(False)
            toggle.setToolTip(why)
            toggle.setStatusTip(why)
        self.dock.show()
        self.dock.raise_()

    def _finished(self, summary) -> None:
        self.dock.hide()
        for dock, visible in self._hidden:
            toggle = dock.toggleViewAction()
            toggle.setEnabled(True)
            toggle.setToolTip("")
            toggle.setStatusTip("")
            if visible:  # (one the mode the round was begun from showed again stays: Edit
                dock.show()  # mode came back with its zone-texts form, which was hidden here)
        self._hidden = []
        self._summary = summary
        if not self._quiet:
            self.show_summary(summary)

    def layout_restored(self, *browsing: QDockWidget) -> None:
        """The window's saved layout is back: a layout saved mid-round (by versions before
        26 Nov 2026) showed the quiz panel, with no round, instead of the `browsing` docks."""
        if not self.dock.isHidden():
            self.dock.hide()
            for dock in browsing:
                dock.show()

    def end_round(self):
        """End a running round without its results (the window is closing, or is rebuilt in
        another language): its answers are saved already, and the window is put back as it
        was before the round, so that its saved layout is the browsing one. Returns the
        round's Summary, or None if no round ran."""
        if self._controller is None or not self._controller.active:
            return None
        self._quiet = True
        try:
            self._controller.stop()
        finally:
            self._quiet = False
        return self._summary

    def summary_open(self):
        """The Summary whose results dialog is open (None if none is): a window rebuilt in
        another language shows it again."""
        return self._summary if self._summary_dialog is not None else None

    def show_summary(self, summary) -> None:
        """The results dialog of a round (Review mistakes and New quiz… go on from it)."""
        from .modes.quiz import summary_dialog

        self._summary = summary
        # named as the round's chart names them, in the window's language: by the time the
        # results are read another chart may be shown (its names gave raw ids: "heart, …")
        dialog = summary_dialog(self.window, summary, summary.zone_names(i18n.language()))
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(self._after_summary)
        self._summary_dialog = dialog
        dialog.finished.connect(lambda *_: setattr(self, "_summary_dialog", None))
        review = dialog.findChild(QPushButton, "review-mistakes")

        def chart_shown() -> None:
            """Review mistakes is off while another chart than the round's is shown (a round
            ended by opening one): it would ask that chart's zones; its tip says where they are."""
            if review is None or summary.chart is None or summary.chart.id == self.state.atlas.id:
                return
            review.setEnabled(False)
            review.setToolTip(plain_tooltip(self._elsewhere(summary.chart)))

        chart_shown()
        # followed for as long as the dialog lives: Qt drops the connection with it (one
        # undone at `finished` failed when `finished` came again, done() on the closed dialog)
        self.state.atlas_changed.connect(_WhileAlive(dialog, chart_shown).call)
        dialog.open()

    def _elsewhere(self, chart) -> str:
        title = chart.localized(i18n.language()).title
        return _("Those mistakes were made on the chart “{chart}”: open that chart to review them.").format(
            chart=bidi_isolate(title)
        )

    def _after_summary(self, result: int) -> None:
        from .modes.quiz import SummaryChoice

        if result == SummaryChoice.REVIEW:
            chart = self._summary.chart if self._summary is not None else None
            if chart is not None and chart.id != self.state.atlas.id:  # another chart shown since
                self._say(self._elsewhere(chart))
                return
            self.controller.review_mistakes(self._summary)
        elif result == SummaryChoice.NEW_QUIZ:
            self.new_quiz_dialog()

    # --- progress -----------------------------------------------------------------------
    def statistics_window(self) -> QDialog | None:
        """Quiz → Statistics…: the review log's figures for this chart, as plots. While it is
        open it follows the chart: another chart opened (or this one edited) shows it afresh."""
        from .statistics import open_statistics

        if not self.controller.read_at_once():  # large progress: read in the background first
            if not self._statistics_waiting:
                self._statistics_waiting = True
                self.controller.when_ready(self._statistics_ready)
            return None
        said = self._said_box()
        if said is not None:  # opened once the message is answered
            said.finished.connect(lambda *_: self.statistics_window())
            return None
        window = open_statistics(self.window, self.controller, self.state.atlas)
        self.statistics_built += 1
        if window is not None:
            self._statistics = window
            self._statistics_atlas = self.state.atlas
            window.destroyed.connect(lambda *_: self._forget_statistics(window))
        return window

    def _statistics_ready(self) -> None:
        self._statistics_waiting = False
        self.statistics_window()

    def _progress_changed(self) -> None:
        """An answer logged, or another learner chosen: an open Statistics window shows the
        figures afresh (once for the changes of one event)."""
        self._progressed = True
        self._statistics_follow_chart()

    def _profile_changed(self) -> None:
        """Another learner chosen: an open Statistics window shows their figures once their
        progress is read (large progress in the background: asked now, so that the status bar
        says it is being read before it says which profile is in use)."""
        if self._statistics is not None and self._statistics.isVisible():
            self.controller.when_ready(lambda: None)
        self._progress_changed()

    def _forget_statistics(self, window: QDialog) -> None:
        if self._statistics is window:
            self._statistics = None

    def _statistics_follow_chart(self) -> None:
        """The chart changed under an open Statistics window (or an answer was logged, or
        the profile switched): its figures were the old chart's ("54 zones of the chart …" beside another
        chart). It is opened afresh, where it was, once the changes of one event are over (a
        zero timer), and only if what it shows changed: an edit of the zones' shapes or of
        their other texts (each keystroke, each step of a drag) leaves it as it was."""
        if self._statistics is not None and not self._following:
            self._following = True
            QTimer.singleShot(0, self._statistics_again)

    def _statistics_again(self) -> None:
        from ..quiz.stats import read_alike
        from .statistics import show_again

        old = self._statistics
        if old is not None and old.isVisible() and not self.controller.read_at_once():
            self.controller.when_ready(self._statistics_again)  # (another learner's, being read)
            return
        self._following = False
        progressed, self._progressed = self._progressed, False
        if old is None or not old.isVisible():
            return
        if not progressed and read_alike(self._statistics_atlas, self.state.atlas):
            self._statistics_atlas = self.state.atlas  # (its zones compared from here next time)
            return
        self._statistics_atlas = self.state.atlas
        if show_again(old, self.controller, self.state.atlas):  # in place: not raised again
            self.statistics_built += 1
            return
        place = old.geometry()
        old.close()
        new = self.statistics_window()
        if new is not None:
            new.setGeometry(place)

    def profile_dialog(self) -> QDialog:
        """File → Profile…: switch learner, or create one; each has its own review log."""
        from .profile_dialog import choose_profile

        return choose_profile(self.window, self.controller, self._say)

    def show_mastery(self, on: bool) -> None:
        """Colour the zones by how well the student knows them (from saved progress): once
        it is read (large progress is read in the background; the menu's tick says it is asked)."""
        if on and not self.controller.read_at_once():
            if not self._mastery_waiting:
                self._mastery_waiting = True
                self.controller.when_ready(self._mastery_ready)
            return
        self._mastery_waiting = False  # (turned off meanwhile: not turned on when read)
        if on and not self.controller.refresh():  # another program holds the file: not read
            if self.state.mastery is not None:  # (all hatched would say "never practised")
                self.state.set_mastery(None)
            else:
                self.window.refresh_actions()  # the menu's tick taken off again; no map redrawn
            self._say(_("Mastery heat map not shown:") + " " + self.controller.in_use_by_another())
            return
        # (another chart shown gets its own values: they stayed the first chart's, all hatched)
        self.state.set_mastery(
            self.controller.mastery() if on else None, self.controller.mastery if on else None
        )
        message = _("Mastery heat map: darker zones are better known; hatched ones never practised")
        if on:
            self._say(message)
        elif self._status_message() == message:
            self._clear_message()  # the heat map is gone: so is its legend

    def _mastery_ready(self) -> None:
        if self._mastery_waiting:
            self.show_mastery(True)
            self.window.refresh_actions()  # the menu's tick

    def charts_with_progress(self) -> set[str]:
        """The ids of the charts with progress in any profile (quiz/profiles.py, Qt-free)."""
        from ..quiz.profiles import Profiles

        return Profiles(self.progress_path.parent).charts_with_progress()

    def zones_renamed(self, chart_id: str, renames: dict[str, str], keep: frozenset[str]) -> None:
        """A chart was saved with zones renamed: every profile's progress follows the new ids
        (quiz/profiles.py, Qt-free); the heat map and the next round see it at once."""
        from ..quiz import pending
        from ..quiz.profiles import Profiles
        from .modes.quiz import spare_folders

        scheduler = self._controller.scheduler if self._controller is not None else None
        if scheduler is not None:
            scheduler.save_pending()  # answers that waited for the log's lock go in first, if they can
        later: list[Path] = []  # logs another program holds: renamed when they are free
        problems = Profiles(self.progress_path.parent).rename_zones(
            chart_id, renames, keep=keep, spares=spare_folders(self.settings), waiting=later
        )
        if scheduler is not None and self._controller.database_path in later:
            # this window's answers still waiting follow when the rename is done (by time)
            scheduler.renames_waiting = True
            self._controller.keep_trying(
                _(
                    "The progress database is in use by another program: the renamed zones' progress "
                    "follows them as soon as it is free."
                )
            )
        elif scheduler is not None and scheduler.pending:
            # answers still waiting follow the zones, as the log did (its path is in a problem
            # when its rename failed: then its progress, and they, stay under the old ids)
            log = str(self._controller.database_path)
            if not any(log in problem for problem in problems):
                scheduler.pending = pending.renamed(scheduler.pending, chart_id, renames, keep)
        if self._controller is not None:
            self._controller.refresh()
        if self.state.mastery is not None:
            self.state.set_mastery(self.controller.mastery())
        if problems:
            from . import dialogs

            dialogs.warning(
                self.window,
                _("Progress not moved"),
                _("The renamed zones' quiz progress stays under their old ids:") + "\n" + "\n".join(problems),
                "progress-not-moved",
            )

    def chart_copied(self, chart_id: str, new_id: str) -> tuple[int, list[str]]:
        """A chart was saved as a copy with the id `new_id`: every profile's progress under
        `chart_id` is copied to it (quiz/profiles.py, Qt-free); the heat map and the next round
        see it at once. Returns (how much was copied, what could not be done)."""
        from ..quiz.profiles import Profiles

        scheduler = self._controller.scheduler if self._controller is not None else None
        if scheduler is not None:
            scheduler.save_pending()  # answers that waited for the log's lock go in first, if they can
        copied, problems = Profiles(self.progress_path.parent).copy_chart(chart_id, new_id)
        if self._controller is not None:
            self._controller.refresh()
        if self.state.mastery is not None:
            self.state.set_mastery(self.controller.mastery())
        return copied, problems

    def may_close(self, go_on) -> bool:
        """Answers waiting to be saved are kept in a file, or the student chooses (not
        blocking; `go_on` once chosen): see QuizController.may_close."""
        return self._controller is None or self._controller.may_close(go_on)

    def adopt(self, other: QuizShell) -> None:
        """The window this one replaces (another language): its quiz's progress, read or
        being read, goes on here (never read again), and its heat map with it (once read)."""
        if other.built:
            self.controller.adopt(other.controller)
        if other.state.mastery is not None or other._mastery_waiting:  # (shown, or asked)
            self.show_mastery(True)

    def import_answers(self) -> None:
        from .waiting_answers import import_from

        import_from(self.controller)

    def shutdown(self) -> None:
        if self._controller is not None:
            self._controller.shutdown()


class _WhileAlive(QObject):
    """`call` as a slot of an object owned by `owner`: a signal connected to it stops calling
    it when `owner` is deleted, and nothing need be disconnected by hand."""

    def __init__(self, owner: QObject, call: Callable[[], object]):
        super().__init__(owner)
        self._call = call

    def call(self, *_args) -> None:
        self._call()
