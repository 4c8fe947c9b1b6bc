"""Runs a quiz in the window: asks through the quiz panel and the map, judges with the
session (every answer saved in the review log as it is given), and puts the window back when
the round ends."""

from __future__ import annotations

import os
import sqlite3
import sys
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from enum import IntEnum
from pathlib import Path

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QApplication, QDialog, QDialogButtonBox, QLabel, QMessageBox, QVBoxLayout

from ... import i18n
from ...atlas import Atlas
from ...content.markup import escape, shortened
from ...i18n import N_, _, bidi_isolate, file_isolate, format_number, format_percent, ngettext
from ...quiz import Feedback, QuizOptions, QuizSession, ReviewLog, Scheduler, Summary
from ...quiz.cards import KINDS
from ...quiz.pending import PendingAnswer, why
from ...quiz.profiles import DEFAULT, Profiles
from ...quiz.questions import where
from ...quiz.scheduler import DEFAULT_RETENTION, is_busy, is_retention
from ...settings import Settings
from ...vocab import on_foot
from ..background import Background, Job
from ..quiz_panel import QuizPanel, breakable
from ..quiz_setup import WAIT_FOR_ENTER_KEY, remembered_bool
from ..state import Annotations, AppState, Mark
from . import QUIZ, MapEvent, MapSurface, Mode

# After a right answer the next question follows by itself, once the feedback has been read:
# a pause to look at the marked zone plus reading time for the sentence (about 20 characters
# a second), within bounds. Wrong answers always wait for Enter.
ADVANCE_BASE_MS = 1500
ADVANCE_PER_CHAR_MS = 50
ADVANCE_MIN_MS, ADVANCE_MAX_MS = 2500, 9000
BACKUP_FAILURE_KEY = "quiz/backup-failures-said"  # {backup folder: day its failure was said in a box}
RETENTION_KEY = "quiz/desired-retention"  # older, for every profile; now kept per profile:
RETENTION_META = "desired-retention"  # in the profile's review log (its meta table)
PROFILE_KEY = "quiz/profile"
# How long an answer may wait for the review log's lock (another program writing to it) before
# it is kept in memory instead, and how often the answers kept are tried again: the window
# never stops for longer than a moment (SQLite's own busy timeout is 15 s).
ANSWER_WAIT_MS = 100
SAVE_RETRY_MS = 1000
ENDINGS = {
    "done": N_("All questions asked."),
    "time": N_("Time is up."),
    "sudden death": N_("Sudden death: the round ended at a mistake."),
    "stopped": N_("Ended early."),
}


def choice_hint(view: str, count: int) -> str:
    """How to answer a question of `count` choices, naming the keys there are ("Press 1 or 2",
    "Press 1–3"): a chart with fewer than four different answers offers fewer."""
    if count == 2:
        return _("Highlighted on the {view}. Press 1 or 2, or type the answer and press Enter.").format(
            view=view
        )
    return _("Highlighted on the {view}. Press 1–{last}, or type the answer and press Enter.").format(
        view=view, last=count
    )


QUICK_BYTES = 1 << 20  # progress read on the window's thread at most (log, -wal, old file)


@dataclass(frozen=True, slots=True)
class _Read:
    """The progress as read (in the background or at once): Qt-free, handed to the window."""

    path: Path
    spares: tuple[Path, ...]
    log: ReviewLog | None
    states: dict
    warnings: tuple[str, ...]
    backup_error: BaseException | None


def _quick(path: Path, old: Path | None) -> bool:
    """Whether reading the review log at `path` (checked whole as it opens) and importing the
    old progress file `old` take only a moment: together at most QUICK_BYTES, and the old file
    read here (a larger one, or its backup, is read in a child process: not on this thread)."""
    from ...quiz import progress_child

    if old is not None and progress_child.read_in_child(old):
        return False
    total = 0
    for part in (path, Path(str(path) + "-wal"), old):
        try:
            total += part.stat().st_size if part is not None else 0
        except (OSError, ValueError):
            pass
    return total <= QUICK_BYTES


def _read(path: Path, old: Path | None, spares: tuple[Path, ...], language: str | None = None) -> _Read:
    """The review log at `path` opened (checked; a damaged one set aside and salvaged), the
    old progress file `old` imported once, the cards' states read and the day's backup made:
    Qt-free, so that it may run in the window's background work (background.py). `language`:
    the old file, when large, is parsed in a child process (quiz/progress_child.py), its
    warnings in that language (None: the language of now): the window's thread is never held
    by the parser in this thread."""
    log = None
    try:
        # held locked: opened when it is free; a read-only folder: names where answers go
        log = ReviewLog(path, wait_ms=ANSWER_WAIT_MS, spares=spares)
        if old is not None:
            from ...quiz import progress_child

            said_in = language or i18n.language()
            log.import_progress_json(old, lambda json_path: progress_child.load(json_path, said_in))
        states = log.states()
        warnings = list(log.warnings)
    except (OSError, sqlite3.Error) as exc:
        error = why(exc)
        if path.parent.is_dir() and not os.access(path.parent, os.W_OK):  # SQLite only says
            # "unable to open database file": say why, and that nothing there is touched
            error = _("the folder {folder} cannot be written; nothing in it is changed").format(
                folder=file_isolate(path.parent)
            )
        warnings = [_("Could not open {path}:\n{error}").format(path=file_isolate(path), error=error)]
        if log is not None:
            log.close()
        log, states = None, {}
        warnings.append(_("Answers in this session are not saved."))
    backup_error = None
    if log is not None:
        try:
            log.backup()  # at most once a day; answers are saved even if this fails
        except (OSError, sqlite3.Error) as exc:
            backup_error = exc
    return _Read(path, spares, log, states, tuple(warnings), backup_error)


def _put_away(log: ReviewLog) -> None:
    """A learner's review log left: backed up (SQLite's online backup API), and closed."""
    try:
        log.backup(force=True)
    except (OSError, sqlite3.Error):
        pass  # the answers are in the database itself; a backup is a second copy
    log.close()


class QuizController(Mode):
    """The quiz mode: while a round runs it is the state's mode, so clicks and Enter on the map
    answer (they never select), the keys step only through the views a question is answered
    in, and no tooltip gives a zone away."""

    name = QUIZ
    hover_hints = False
    started = Signal()
    said = Signal(str)  # a message for the status line (the shell shows it)
    finished = Signal(object)  # Summary
    answered = Signal()  # an answer given, in the review log: its figures changed
    profile_changed = Signal()  # another learner's progress is used

    def __init__(
        self,
        state: AppState,
        map_view: MapSurface,
        panel: QuizPanel,
        progress_path: Path,
        parent=None,
        settings: Settings | None = None,
    ):
        super().__init__(parent)
        self.settings = settings
        self.state = state
        self.map = map_view
        self.panel = panel
        self.progress_path = Path(progress_path)  # the format-1 file, imported once
        self.profiles = Profiles(self.progress_path.parent)
        name = settings.value(PROFILE_KEY, DEFAULT) if settings is not None else DEFAULT
        self.profile = name if isinstance(name, str) and name in self.profiles.names() else DEFAULT
        self.database_path = self.profiles.database(self.profile)
        self._log: ReviewLog | None = None
        self._scheduler: Scheduler | None = None
        self._reading: Job[_Read] | None = None  # the progress read in the background, until taken
        self._dropped: list[Job[_Read]] = []  # readings of a learner left meanwhile: closed when done
        self._then_ready: list[Callable[[], object]] = []  # what waits for it (when_ready)
        self.session: QuizSession | None = None
        self.warnings: list[str] = []
        self.advance_after_right_ms: int | None = None  # fixed delay (tests); None: reading time
        self._confirm: QMessageBox | None = None
        self._labels_before = True
        self._keyboard_views: frozenset[str] = frozenset()
        self._advance = QTimer(self)
        self._advance.setSingleShot(True)
        self._advance.timeout.connect(self._advance_due)
        self._advance_ms = 0  # the delay the next question was last set to follow after
        self._advance_held = False  # it was due while a message box stood over the window
        self._clock = QTimer(self)
        self._clock.setInterval(250)
        self._clock.timeout.connect(self._tick)
        self._save_retry = QTimer(self)
        self._save_retry.setInterval(SAVE_RETRY_MS)
        self._save_retry.timeout.connect(self.save_waiting)
        self._said_waiting = False
        self._said_failing = False  # answers could not be written (full, read-only): said once
        self._retention_waiting: float | None = None  # chosen while the log was locked
        self._then_chart: Callable[[], object] | None = None  # shown once the round ended (asked)
        # asked for during the round, and Keep practising chosen: done once the round has ended,
        # as the question said ("The language you chose is used once the round has ended": it
        # never was, tryout); a later choice replaces it
        self._after_round: Callable[[], object] | None = None
        self._left_out: dict[str, str] = {}  # while a round runs: see `left_out`
        # asked before a round begins: False keeps it from beginning (QuizShell.before_round)
        self.before_round: Callable[[], bool] = lambda: True
        panel.chose.connect(self.answer_choice)
        panel.typed.connect(self.answer_text)
        panel.next_requested.connect(self.next)
        panel.stop_requested.connect(self.confirm_stop)

    # --- the mode -----------------------------------------------------------------------
    @property
    def keyboard_views(self) -> frozenset[str]:
        """A "find it" question is answered in one view: the keys move over its zones only."""
        return self._keyboard_views

    @property
    def left_out(self) -> dict[str, str]:
        """The zones of the chart shown that this round leaves out (the chart's check refuses
        them), with why: the map draws them so, and says why over them."""
        return self._left_out

    def click(self, event: MapEvent) -> bool:
        """A click answers where it lands; one on zones the round leaves out only (drawn so),
        which no answer can be, is not judged: the status bar says why they are left out."""
        if event.hits and all(z in self._left_out for z in event.hits):
            if self._waiting():
                self._show_status(self._left_out[event.hits[0]])
            return True
        if event.view_id:
            self.answer_click(event.view_id, event.x_mm, event.y_mm)
        return True  # a click in a quiz answers or does nothing: it never selects

    def activate(self, event: MapEvent) -> bool:
        """Keyboard play: Enter answers with the zone under the keyboard cursor, or moves on."""
        if self.session is None:
            return False
        if self.session.feedback is not None:
            self.next()
        elif self.session.current and self.session.current.kind == "find" and event.zone_id:
            self.answer_click(event.view_id, event.x_mm, event.y_mm)
        return True

    def left(self) -> None:
        """Another mode took over (presenting, editing): the round ends, its answers saved."""
        if self.session is not None:
            self.stop()

    def may_change_chart(self, change: Callable[[], object], note: str | None = None) -> bool:
        """Another chart asked for during a round (AppState.change_chart): asked first, as End
        quiz asks. End round ends the round (its results shown, its answers saved), then
        `change` shows the chart; Keep practising keeps the round and the chart shown until
        the round ends, and `change` is done then. A second chart asked for while the
        question stands replaces the first."""
        if self.session is None:
            return True
        self._then_chart = change
        self.confirm_stop(for_chart=True, note=note)
        if self.session is None:  # nothing was left to ask: the round is over already
            self._then_chart = None
            return True
        return False

    def chart_changing(self, atlas: Atlas, *, replaced: bool) -> None:
        """The chart shown changes under a running round (a way that did not ask): the round
        ends first, its results shown and answers saved, so that no question is asked, and no
        answer logged, about a zone the map does not show. The same chart with the same views
        and zones (saved under another name) keeps the round."""
        session = self.session
        if session is None:
            return
        old = session.shown
        if not replaced and (old.id, old.views, old.zones) == (atlas.id, atlas.views, atlas.zones):
            return
        self.stop()

    # --- progress -----------------------------------------------------------------------
    @property
    def scheduler(self) -> Scheduler:
        """Opened on first use: the review log is read only if a quiz or heat map needs it.
        Large progress is read in the background first (when_ready); what cannot wait (answers
        handed over) takes that reading at once, or reads it here."""
        if self._scheduler is None:
            if self._reading is not None:
                read = self._reading.wait()
            else:
                self._background.wait_idle()  # (the start's check of this log, if it still runs)
                read = _read(self.database_path, self._old_progress(), spare_folders(self.settings))
            self._take(read)
        assert self._scheduler is not None
        return self._scheduler

    @property
    def ready(self) -> bool:
        """The progress is read: the quiz, statistics and heat map can use it at once."""
        return self._scheduler is not None

    def read_at_once(self) -> bool:
        """Whether the progress is read now: it was, or it is small and read here (when_ready)."""
        if (
            self._scheduler is None
            and self._reading is None
            and _quick(self.database_path, self._old_progress())
        ):
            self.scheduler  # noqa: B018 - opens it
        return self._scheduler is not None

    def when_ready(self, then: Callable[[], object]) -> bool:
        """`then()` once the progress is read; True when it was called at once. Progress that
        takes long to read (a large review log, checked whole as it opens; an old progress file
        to import: 0.4 and 4 s on the window's thread, which froze) is read in the window's
        background work (background.py) while the window answers; `then` follows when it is
        done. Small progress is read here at once (a few milliseconds)."""
        if self.read_at_once():
            then()
            return True
        self._then_ready.append(then)
        if self._reading is None:
            path, old, spares = self.database_path, self._old_progress(), spare_folders(self.settings)
            language = i18n.language()
            job = self._background.run(
                "quiz-opening", lambda: _read(path, old, spares, language), lambda read: self._read(read, job)
            )
            self._reading = job
            self._show_status(_("Reading your quiz progress…"))
        return False

    def _read(self, read: _Read, job: Job[_Read]) -> None:
        """The reading `job` done in the background, on the window's thread."""
        if job is not self._reading or self._scheduler is not None:  # (taken meanwhile, or
            # another learner chosen since: what it opened is closed, nothing else is touched)
            if job in self._dropped:
                self._dropped.remove(job)
            if read.log is not None and read.log is not getattr(self._scheduler, "log", None):
                read.log.close()
            return
        self._reading = None
        self._show_status("")  # (the reading said; what opening says comes after)
        self._take(read)
        then, self._then_ready = self._then_ready, []
        for call in then:
            call()

    @property
    def _background(self) -> Background:
        return Background.of(self.map.window())

    def _old_progress(self) -> Path | None:
        """The format-1 file to import: the first student's (the old file was theirs)."""
        return self.progress_path if self.database_path == self.profiles.database(DEFAULT) else None

    def _take(self, read: _Read) -> None:
        self._scheduler = self._opened(read)
        if self._scheduler.unsaved:
            self._said_unsaved()

    def _opened(self, read: _Read) -> Scheduler:
        """The progress `read` (in the background or here) used: the scheduler over it, and
        what reading found, said (on the window's thread)."""
        log, states = read.log, read.states
        self.warnings = list(read.warnings)
        self._log = log
        backup_failed = None
        if read.backup_error is not None:
            assert log is not None
            backup_failed = _(
                "No backup could be made in {folder}: {error}. Your answers are still saved."
            ).format(folder=file_isolate(log.backup_folder), error=why(read.backup_error))
            if first_time_today(self.settings, BACKUP_FAILURE_KEY, log.clock(), str(log.backup_folder)):
                self.warnings.append(backup_failed)  # in the box once a day for each folder
        read_before = len(log.warnings) if log is not None else 0
        scheduler = Scheduler(
            states,
            log=log,
            retention=self._stored_retention(log),
            wait_ms=ANSWER_WAIT_MS,
            spares=read.spares,
        )
        if log is not None:  # what reading the answers waiting in files found, said in the same box
            self.warnings += log.warnings[read_before:]
        if self.warnings:
            self._warn(_("Quiz progress"), "\n\n".join(self.warnings))  # a blank line between problems
        elif backup_failed is not None:  # said again each time, without a box to dismiss
            self._show_status(backup_failed)
        if scheduler.pending:  # answers from when a window closed while the log was locked
            self._save_retry.start()
        if log is not None and log.locked and is_busy(log.unavailable):  # said once, here or later
            self._said_waiting = True
            self._show_status(self._in_use_message())
        elif log is not None and log.locked:  # a full disk: answers wait, said once (below)
            scheduler.unsaved.append(why(log.unavailable))
        elif log is not None and log.keeps_answers:  # a read-only folder: said as it opened
            self._said_waiting = True  # (not "in use by another program")
        return scheduler

    def _stored_retention(self, log: ReviewLog | None) -> float:
        """The profile's desired retention, kept in its review log; else the older global
        setting; else the default. A stored value out of range counts as none."""
        if log is not None:
            raw = log.setting(RETENTION_META)
            try:
                value = float(raw) if raw is not None else None
            except ValueError:
                value = None
            if is_retention(value):
                return value
        value = self.settings.value(RETENTION_KEY, DEFAULT_RETENTION) if self.settings is not None else None
        return float(value) if is_retention(value) else DEFAULT_RETENTION

    @property
    def retention(self) -> float:
        """The desired retention: the chance of still knowing a card when it comes due."""
        return self.scheduler.retention

    def set_retention(self, value: float) -> None:
        """The current profile's desired retention, from now on (saved with its progress)."""
        if not is_retention(value):
            return
        scheduler = self.scheduler
        if abs(scheduler.retention - value) < 1e-9:
            return
        scheduler.set_retention(value)
        self._retention_waiting = float(value)
        self._save_retention()

    def _save_retention(self) -> None:
        """Store the retention chosen; while another program holds the log locked it waits
        with the answers (tried again on the same timer)."""
        value, self._retention_waiting = self._retention_waiting, None
        if value is None or self._log is None or not self._log.writable:
            return
        try:
            self._log.set_setting(RETENTION_META, repr(value), wait_ms=ANSWER_WAIT_MS)
        except sqlite3.OperationalError as exc:
            if is_busy(exc):
                self._retention_waiting = value
                self._save_retry.start()
                return
            self._retention_not_saved(exc)
        except (OSError, sqlite3.Error) as exc:
            self._retention_not_saved(exc)

    def _retention_not_saved(self, exc: BaseException) -> None:
        self._warn(
            _("Progress not saved"),
            _("Could not write {path}:\n{error}").format(path=self.database_path, error=why(exc)),
        )

    @property
    def log(self) -> ReviewLog | None:
        self.scheduler  # noqa: B018 - opens it
        return self._log

    def refresh(self) -> bool:
        """Card states as saved, with other windows' answers (before a round and the heat map).
        False when another program holds the progress file locked: nothing could be read (the
        wait is ANSWER_WAIT_MS at most), what this window knew stays."""
        if self._scheduler is None:  # opened now, read as it opened: a second read would wait again
            log = self.log
            return not (log is not None and log.locked and is_busy(log.unavailable))
        return self.scheduler.reload()

    @staticmethod
    def in_use_by_another() -> str:
        """Said where progress should be shown but the file is locked by another program."""
        return _("The progress database is in use by another program; try again later.")

    def shutdown(self, *, in_background: bool = False) -> None:
        """On exit: the answers still waiting for the log's lock kept in a file beside it (the
        next open writes them), a backup (SQLite's online backup API), the database closed.
        A reading still in the background is waited for, and closed: nothing waits for it now.
        `in_background` (another learner chosen, the window staying): the reading is left to
        end by itself and the backup and closing are done in the window's background work (a
        backup of 200,000 answers held the window 0.1 s), after what was asked before."""
        reading, self._reading = self._reading, None
        if not in_background:
            self._then_ready = []
        if reading is not None and self._scheduler is None:
            self._dropped.append(reading)
        if not in_background:
            for job in self._dropped:
                if not job.taken:
                    read = job.wait()
                    if read.log is not None:
                        read.log.close()
            self._dropped = []
            self._background.wait_idle()  # (a learner's log left earlier: its backup finished)
        if self._log is None:
            return
        self._save_retry.stop()
        self._save_retention()
        waiting = len(self._scheduler.pending) if self._scheduler is not None else 0
        try:
            kept = self._scheduler.keep_pending() if self._scheduler is not None else None
        except OSError as exc:  # no folder can take the file either: said, with how many
            self._warn(
                _("Progress not saved"),
                ngettext(
                    "{count} answer could not be saved: neither {path} nor any other folder can be "
                    "written ({error}).",
                    "{count} answers could not be saved: neither {path} nor any other folder can be "
                    "written ({error}).",
                    waiting,
                ).format(count=waiting, path=file_isolate(self.database_path), error=why(exc)),
            )
        else:
            if kept is not None:
                print(f"reflexmap: answers waiting for {self.database_path} kept in {kept}", file=sys.stderr)
        log, self._log, self._scheduler = self._log, None, None
        if in_background:
            self._background.run("progress-closing", lambda: _put_away(log), lambda _done: None)
        else:
            _put_away(log)

    # --- answers no folder can take (ui/waiting_answers.py) -----------------------------
    def may_close(self, go_on: Callable[[], object]) -> bool:
        """Before the window closes or the learner changes: True when no answer waits, or the
        ones waiting are kept in a file (beside the log or in a spare folder). Else the
        student is asked what to do with them (not blocking) and `go_on` is called once they
        are kept or discarded: answers are never dropped silently."""
        scheduler = self._scheduler
        if scheduler is None or not scheduler.pending or self._log is None:
            return True
        from .. import waiting_answers

        try:
            kept = scheduler.keep_pending()
        except OSError as exc:
            waiting_answers.ask(self, exc, go_on)
            return False
        if kept is not None and waiting_answers.in_temporary_folder(kept, self.database_path):
            waiting_answers.tell_kept_in_temporary_folder(self, kept, go_on)  # the system may empty it
            return False
        return True

    def keep_trying(self, message: str | None = None) -> None:
        """What waits (answers no folder takes, kept in memory; a rename of zones) is tried
        again every second; `message` (else: the answers are kept) goes to the status line."""
        self._save_retry.start()
        self._show_status(
            message
            or _(
                "Your answers are kept while ReflexMap stays open and saved as soon as a folder can "
                "take them."
            )
        )

    def hand_over(self) -> list[PendingAnswer]:
        """The answers still waiting, taken from this window (rebuilt in another language:
        the new window takes them instead of this one keeping them in a file)."""
        scheduler = self._scheduler
        if scheduler is None:
            return []
        answers, scheduler.pending = scheduler.pending, []
        return answers

    def adopt(self, other: QuizController) -> None:
        """The progress `other` (the quiz of the window this one replaces: another language)
        has read, or is reading, taken over with the answers waiting, the retention waiting and
        what was said: read once (the new window read it again on the window's thread, and the
        old one backed it up and closed it there as it closed: 0.1 to 0.4 s on 200,000 answers)."""
        if other.database_path != self.database_path:  # (another learner: cannot be, one setting)
            self.take_answers(other.hand_over())
            return
        self._log, self._scheduler, other._log, other._scheduler = other._log, other._scheduler, None, None
        self.warnings = other.warnings
        self._retention_waiting, other._retention_waiting = other._retention_waiting, None
        self._said_waiting, self._said_failing = other._said_waiting, other._said_failing
        other._save_retry.stop()
        scheduler = self._scheduler
        if (scheduler is not None and (scheduler.pending or scheduler.renames_waiting)) or (
            self._retention_waiting is not None
        ):
            self._save_retry.start()
        jobs = [*other._dropped, *([other._reading] if other._reading is not None else [])]
        self._reading, other._reading, other._dropped = other._reading, None, []
        for job in jobs:
            if job is not self._reading:
                self._dropped.append(job)
            job.hand_to(lambda read, job=job: self._read(read, job))
        self._background.take_over(other._background, jobs)
        if self._reading is not None:
            self._show_status(_("Reading your quiz progress…"))

    def take_answers(self, answers: list[PendingAnswer]) -> None:
        """Answers handed over by the window this one replaces, or imported from a file: they
        count at once and are written as the log lets (else they wait, said once)."""
        if not answers:
            return
        scheduler = self.scheduler
        scheduler.take(answers)
        if scheduler.pending:
            self._save_retry.start()
        self._said_unsaved()
        self._said_pending()
        if self.state.mastery is not None:
            self.state.set_mastery(self.mastery())

    def profile_of(self, database: Path) -> str | None:
        """The learner whose progress is `database`, shown as the profile dialog names them."""
        from ..profile_dialog import profile_title

        for name in self.profiles.names():
            if self.profiles.database(name).resolve() == database.resolve():
                return profile_title(name)
        return None

    def set_profile(self, name: str, switched: Callable[[], object] = lambda: None) -> bool:
        """Use another learner's progress (not during a round). Answers of this learner that
        no folder can take are asked about first: `switched` is called once it happened (once
        the new learner's progress is read, when something waits for it).

        The window never waits: the old log is backed up and closed, and the new one read
        (when the heat map, an open Statistics window or an action asked meanwhile needs it),
        in the window's background work, as the quiz's opening reads it (when_ready)."""
        if self.active or name not in self.profiles.names():
            return False
        if not self.may_close(lambda: self.set_profile(name, switched)):
            return True  # asked: switched once the student has chosen
        self.shutdown(in_background=True)
        self.profile = name
        self.database_path = self.profiles.database(name)
        if self.settings is not None:
            self.settings.setValue(PROFILE_KEY, name)
        waiting, self._then_ready = self._then_ready, []
        for then in waiting:  # asked while the last learner's progress was read: done once, now
            self.when_ready(then)
        if self.state.mastery is not None:
            self.when_ready(self._mastery_follows)
        self.profile_changed.emit()  # (an open Statistics window asks for the new progress)
        if self._reading is not None:
            self._then_ready.append(switched)  # said once it is in use (after "Reading…")
        else:
            switched()
        return True

    def _mastery_follows(self) -> None:
        """The heat map, if still shown, in the progress now read (another learner's)."""
        if self.state.mastery is not None:
            self.state.set_mastery(self.mastery())

    def _said_unsaved(self) -> None:
        """Answers could not be written (a full disk, a folder made read-only): they wait in
        the queue, tried again every second; said once, until all are written."""
        scheduler = self.scheduler
        if not scheduler.unsaved:
            return
        error = scheduler.unsaved[-1]
        scheduler.unsaved.clear()
        if scheduler.pending:
            self._save_retry.start()
        if self._said_failing:
            return
        self._said_failing = True
        self._said_waiting = True  # not also "in use by another program"
        self._warn(
            _("Progress not saved yet"),
            _("Could not write {path}:\n{error}").format(path=self.database_path, error=error)
            + "\n\n"
            + _(
                "Your answers are kept and saved as soon as it can be written again; if it still "
                "cannot be when ReflexMap closes, they are kept in a file and saved at the next start."
            ),
        )

    def save_waiting(self) -> None:
        """Try again to write the answers that wait for the log's lock (on a timer)."""
        self._save_retention()
        scheduler = self._scheduler
        if scheduler is None or not (scheduler.pending or scheduler.renames_waiting):
            if self._retention_waiting is None:
                self._save_retry.stop()
            return
        had_answers, had_renames = bool(scheduler.pending), scheduler.renames_waiting
        if (
            scheduler.save_pending() == 0
            and not scheduler.renames_waiting
            and self._retention_waiting is None
        ):
            self._save_retry.stop()
            self._said_waiting = self._said_failing = False
            if had_answers:
                self._show_status(_("All answers are saved."))
            elif had_renames:
                self._show_status(_("The renamed zones' progress has followed them."))
            if had_renames and self.state.mastery is not None:
                self.state.set_mastery(self.mastery())
        self._said_unsaved()
        if self.session is not None and self.session.current is not None:
            self.panel.set_status(self._status())

    def _said_pending(self) -> None:
        """Answers wait for the log's lock: tried again every second; said once."""
        scheduler = self.scheduler
        if not scheduler.pending:
            return
        self._save_retry.start()
        if not self._said_waiting:
            self._said_waiting = True
            self._show_status(self._in_use_message())

    @staticmethod
    def _in_use_message() -> str:
        return _(
            "The progress file is in use by another program: your answers are kept and "
            "saved as soon as it is free."
        )

    def _show_status(self, text: str) -> None:
        self.said.emit(text)

    def mastery(self, atlas: Atlas | None = None) -> dict[str, float | None]:
        """Zone id -> mean mastery of its cards in `atlas` (the chart shown); None if never practised."""
        self.refresh()
        atlas = atlas if atlas is not None else self.state.atlas
        prefix = atlas.id + ":"
        now = time.time()
        per_zone: dict[str, list[float]] = {}
        for key, card_state in self.scheduler.states.items():
            if key.startswith(prefix) and card_state.seen:
                zone_id = key[len(prefix) :].rsplit(":", 1)[0]
                per_zone.setdefault(zone_id, []).append(card_state.mastery(now))
        return {
            z.id: (sum(per_zone[z.id]) / len(per_zone[z.id]) if z.id in per_zone else None)
            for z in atlas.zones
        }

    # --- a round ------------------------------------------------------------------------
    @property
    def active(self) -> bool:
        return self.session is not None

    def start(self, options: QuizOptions) -> bool:
        """A new round (a running one ends first, its results shown and the labels it hid
        given back: replaced unseen, it left the labels off after the new round)."""
        if not self.before_round():  # unsaved edits, not saved: no round
            return False
        if self.session is not None:
            self.stop()
        self.refresh()
        options = replace(options, left_out=options.left_out | frozenset(self.state.refused.zones))
        session = QuizSession(self.state.atlas, options, self.scheduler, chart=self.state.source)
        if session.current is None:
            if options.mistakes_only:
                text = _mistakes_none(self.scheduler, self.state.atlas)
            else:
                text = _("No zone of this chart matches these choices.")
            if options.left_out:
                text += " " + left_out_said(len(options.left_out))
            if options.mistakes_only and not options.left_out:  # no mistakes: good news, no warning
                from .. import dialogs

                dialogs.notice(self.map.window(), _("Nothing to ask"), text, "quiz-warning")
            else:
                self._warn(_("Nothing to ask"), text)
            return False
        self.session = session
        self._left_out = left_out_why(self.state.atlas, self.state.refused.zones, options.left_out)
        self._labels_before = self.state.labels_visible
        self.state.enter_mode(self)
        self.state.select("")
        self.state.set_labels_visible(False)
        self.started.emit()
        self._clock.start()  # the time left, and whether a message box stands over the round
        self._show_question()
        # shorter than chosen: said why (a round of mistakes asks as many as there are)
        short = session.planned < options.length and not options.mistakes_only
        said = [short_round_said(session)] if short else []
        refused = options.left_out & {z.id for z in self.state.atlas.zones}
        if refused:
            said.append(left_out_said(len(refused)))
        if said:
            self._show_status(" ".join(said))
        return True

    def review_mistakes(self, summary: Summary | None = None) -> bool:
        """Ask again what was last answered wrong: every such card of the chart, or (from a
        round's results) the zones that round missed, in the kinds, views and feet it practised."""
        if summary is None or summary.options is None or not summary.missed:
            return self.start(QuizOptions(kinds=KINDS, mistakes_only=True, length=50))
        round_ = summary.options
        return self.start(
            QuizOptions(
                kinds=round_.kinds,
                aspects=round_.aspects,
                feet=round_.feet,
                zone_ids=tuple(summary.missed),
                mistakes_only=True,
                length=50,
            )
        )

    def _show_question(self) -> None:
        session = self.session
        assert session is not None and session.current is not None
        question = session.current
        view = self.state.atlas.view(question.view_id)
        self.state.set_annotations(Annotations())
        self.state.set_aspect(view.aspect)
        self.state.select("")
        if question.kind == "find":
            self._keyboard_views = frozenset({question.view_id})
            hint = _(
                "Click it on the map, or step through the zones {on_foot} with Tab and answer with Enter."
            ).format(on_foot=on_foot(view.foot))
            self.map.setFocus()
        else:
            self._keyboard_views = frozenset()  # the map only shows the question
            self.state.set_annotations(Annotations(highlight=(question.view_id, question.zone_id)))
            hint = choice_hint(where(view), len(question.choices))
            if question.kind == "name" and "name" not in session.options.kinds:  # (a find-only round)
                # a zone too small to click is asked by name (quiz/cards.py): said, not a
                # question of a kind not asked for, unexplained (tryout)
                hint = _("This zone is too small to find by clicking, so it is asked by name.") + " " + hint
        names = [z.name for z in self.state.atlas.zones] if question.kind == "name" else []
        self.panel.show_question(self._status(), question.prompt, hint, question.choices, names)

    def _status(self) -> str:
        session = self.session
        assert session is not None
        count = (
            _("Question {number} of {total} again (missed earlier)")
            if session.asked_again
            else _("Question {number} of {total}")
        )
        parts = [
            count.format(number=session.number, total=session.planned),
            _("streak {streak}").format(streak=session.streak),
        ]
        right = sum(r.feedback.correct for r in session.results)
        parts.append(_("{count} right").format(count=right))
        left = session.time_left()
        if left is not None:
            parts.append(_("{time} left").format(time=f"{int(left) // 60}:{int(left) % 60:02d}"))
        if session.options.sudden_death:
            parts.append(_("sudden death"))
        waiting = len(self._scheduler.pending) if self._scheduler is not None else 0
        if waiting:
            parts.append(
                ngettext(
                    "{count} answer waiting to be saved", "{count} answers waiting to be saved", waiting
                ).format(count=waiting)
            )
        return " · ".join(parts)

    # --- answers ------------------------------------------------------------------------
    def answer_click(self, view_id: str, x: float, y: float) -> None:
        if self._waiting():
            self._show_feedback(self.session.answer_click(view_id, x, y), view_id, (x, y))

    def answer_choice(self, index: int) -> None:
        if self._waiting() and self.session.current.choices:
            question = self.session.current
            self._show_feedback(self.session.answer_choice(index), question.view_id)
            self.panel.mark_choices(question.answer, index)

    def answer_text(self, text: str) -> None:
        if self._waiting() and self.session.current.choices:
            question = self.session.current
            self._show_feedback(self.session.answer_text(text), question.view_id)
            wanted = " ".join(text.split()).casefold()
            typed = [i for i, choice in enumerate(question.choices) if choice.casefold() == wanted]
            self.panel.mark_choices(question.answer, typed[0] if typed else None)

    def _waiting(self) -> bool:
        return self.session is not None and self.session.current is not None and self.session.feedback is None

    def _show_feedback(
        self, feedback: Feedback, view_id: str, point: tuple[float, float] | None = None
    ) -> None:
        """The verdict in the panel and on the map: ✔ at the asked zone; for a miss by click or
        key, ✖ (≈ when close) where the answer was given, on whichever foot."""
        session = self.session
        assert session is not None and session.current is not None
        atlas = self.state.atlas
        self.state.select("")
        target_view = session.current.view_id
        # ✔ at every zone the question fits (a chart may place its claim at two zones of the view)
        fits = session.current.fits or (feedback.target,)
        marks = [Mark(target_view, zone, f"✔ {bidi_isolate(atlas.zone(zone).name)}") for zone in fits]
        if not feedback.correct and point is not None:
            if feedback.close:  # where the click was, and how far off
                distance = format_number(feedback.distance_mm or 0.0, 1)
                text = "≈ " + _("{distance} mm").format(distance=distance)
                marks.append(Mark(view_id, "", text, at=point, away_from=(target_view, feedback.target)))
            elif feedback.clicked:
                name = bidi_isolate(atlas.zone(feedback.clicked[0]).name)
                marks.append(Mark(view_id, feedback.clicked[0], f"✖ {name}"))
            else:
                marks.append(Mark(view_id, "", "✖", at=point, away_from=(target_view, feedback.target)))
        self._keyboard_views = frozenset()
        self.state.set_annotations(Annotations((target_view, session.current.zone_id), tuple(marks)))
        kind = "right" if feedback.correct else "close" if feedback.close else "wrong"
        self._said_unsaved()
        self._said_pending()
        last = session.finished or not session.queue
        if last:
            hint = _("Press Enter to see the results.")
        elif feedback.correct and not self.wait_for_enter:
            delay = self._advance_ms = self.advance_delay_ms(feedback.message)
            self._advance.start(delay)
            hint = _("The next question follows in {seconds} s; press Enter to go on now.").format(
                seconds=round(delay / 1000)
            )
        else:
            hint = _("Press Enter for the next question.")
        if feedback.asked_again:  # the round grows by this question: said where it happens
            hint = _("This question is asked again later in this round. {go_on}").format(go_on=hint)
        self.panel.show_feedback(kind, feedback.message, hint, last=last)
        self.panel.set_status(self._status())
        self.answered.emit()

    @property
    def wait_for_enter(self) -> bool:
        """The setting "wait for Enter after each answer" (chosen in the quiz setup)."""
        return remembered_bool(self.settings, WAIT_FOR_ENTER_KEY)

    def advance_delay_ms(self, message: str) -> int:
        """How long a right answer stays on screen: enough to read it and see the mark."""
        if self.advance_after_right_ms is not None:
            return self.advance_after_right_ms
        reading = ADVANCE_BASE_MS + ADVANCE_PER_CHAR_MS * len(message)
        return max(ADVANCE_MIN_MS, min(ADVANCE_MAX_MS, reading))

    # --- flow -----------------------------------------------------------------------------
    def next(self) -> None:
        self._advance.stop()
        self._advance_held = False
        if self.session is None or self.session.feedback is None:
            return
        if self.session.next() is None:
            self._finish()
        else:
            self._show_question()

    def stop(self) -> None:
        """End the round now (no questions asked; see confirm_stop)."""
        if self.session is not None:
            self.session.stop()
            self._finish()

    def confirm_stop(self, *, for_chart: bool = False, note: str | None = None) -> QMessageBox | None:
        """End the round early, after asking: a stray key or click must not throw a round
        away. A round with nothing left to ask ends at once. `for_chart`: asked because
        another chart is to be shown (`may_change_chart`), which the box says (or `note`, for
        what else waits)."""
        session = self.session
        if session is None:
            return None
        if session.feedback is not None and (session.finished or not session.queue):
            self.next()  # nothing left to ask: on to the results
            return None
        if session.finished:
            self.stop()
            return None
        if self._confirm is not None:
            self._confirm.raise_()
            return self._confirm
        left, again = session.still_to_come()
        box = QMessageBox(self.map.window())
        box.setObjectName("quiz-end-confirm")
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(_("End quiz"))
        box.setText(_("End this round now?"))
        still = _still_to_come(left, again)
        if for_chart:
            still = (note or _("The chart you asked for is shown once the round has ended.")) + " " + still
        box.setInformativeText(still)
        end = box.addButton(_("&End round"), QMessageBox.ButtonRole.DestructiveRole)
        end.setObjectName("end-round")
        keep = box.addButton(_("&Keep practising"), QMessageBox.ButtonRole.RejectRole)
        keep.setObjectName("keep-practising")
        box.setStyleSheet(  # two lines, not a narrow column
            "QLabel#qt_msgbox_label, QLabel#qt_msgbox_informativelabel { min-width: 22em; }"
        )
        box.setDefaultButton(keep)
        box.setEscapeButton(keep)

        def closed() -> None:
            self._confirm = None
            then, self._then_chart = self._then_chart, None  # the chart asked for, if one was
            if self.session is not session:  # the round ended meanwhile (its time was up)
                if then is not None:  # nothing holds the chart back now: shown after this turn
                    QTimer.singleShot(0, self, then)
                return
            if box.clickedButton() is end:
                if then is not None:
                    self._after_round = None  # (what waited is replaced by what is asked now)
                self.stop()
                if then is not None:
                    then()
            else:  # back to answering, where the keys were (the chart shown stays until the
                # round ends, then what was asked for is done, as the box said)
                if then is not None:
                    self._after_round = then
                self._focus_answer()

        box.finished.connect(closed)
        self._confirm = box
        box.open()
        return box

    def _focus_answer(self) -> None:
        """Keyboard focus where the question is answered: the map (find it), the typed
        answer (choices), or Next once the answer is judged."""
        session = self.session
        if session is None or session.current is None:
            return
        if session.feedback is not None:
            self.panel.focus_next()
        elif session.current.kind == "find":
            self.map.setFocus(Qt.FocusReason.OtherFocusReason)
        else:
            self.panel.focus_answer()

    def _advance_due(self) -> None:
        """The next question's time came: not while a message box stands over the window
        (a full disk said after the answer): the answer stays shown until it is closed."""
        if self._held_by_modal():
            self._advance_held = True
        else:
            self.next()

    def _held_by_modal(self) -> bool:
        """Whether a modal box stands over the window now. Nothing moves behind one: the
        round's clocks pause (its time limit, the answer time) and the next question waits;
        once it is closed the answer judged stays on screen for its whole reading time again."""
        session = self.session
        if session is None:
            return False
        if QApplication.activeModalWidget() is not None:
            if session.paused_at is None:
                session.pause()
                if self._advance.isActive():
                    self._advance.stop()
                    self._advance_held = True
            return True
        if session.paused_at is not None:
            session.resume()
            if self._advance_held and session.feedback is not None:
                self._advance_held = False
                self._advance.start(self._advance_ms)
        return False

    def _tick(self) -> None:
        if self.session is None:
            self._clock.stop()
            return
        if self._held_by_modal() or self.session.options.time_limit_s is None:
            return
        if self.session.finished and self.session.feedback is None:
            self._finish()
        else:
            self.panel.set_status(self._status())

    def _finish(self) -> None:
        session = self.session
        assert session is not None
        summary = session.summary()
        self.session = None
        self._left_out = {}
        if self._confirm is not None:  # the round ended (time, last answer) while asking
            self._confirm.close()
        self._advance.stop()
        self._advance_held = False
        self._clock.stop()
        self._keyboard_views = frozenset()
        self.state.set_annotations(Annotations())
        self.state.leave_mode(self)
        self.state.set_labels_visible(self._labels_before)
        if self.state.mastery is not None:
            self.state.set_mastery(self.mastery())
        self.finished.emit(summary)
        then, self._after_round = self._after_round, None
        if then is not None:  # (after this turn: the results are up, and show in what it made)
            QTimer.singleShot(0, self, then)

    def _warn(self, title: str, text: str) -> None:
        from .. import dialogs

        dialogs.warning(self.map.window(), title, text, "quiz-warning")


_SAID_TODAY: set[tuple[str, str, str]] = set()  # when the settings cannot keep it: once a session


def _still_to_come(new: int, again: int) -> str:
    """What ending the round leaves out, counted as the question's number counts: the planned
    questions, and the missed ones to be asked again apart (tryout S22-5)."""
    if not again:
        return ngettext(
            "{count} question is still to come. Your answers so far are saved.",
            "{count} questions are still to come. Your answers so far are saved.",
            new,
        ).format(count=format_number(new, 0))
    if not new:
        return ngettext(
            "{again} missed question is still to be asked again. Your answers so far are saved.",
            "{again} missed questions are still to be asked again. Your answers so far are saved.",
            again,
        ).format(again=format_number(again, 0))
    return ngettext(
        "{count} question is still to come, plus {again} you missed, to be asked again. Your answers so "
        "far are saved.",
        "{count} questions are still to come, plus {again} you missed, to be asked again. Your answers "
        "so far are saved.",
        new,
    ).format(count=format_number(new, 0), again=format_number(again, 0))


def _mistakes_none(scheduler: Scheduler, atlas: Atlas) -> str:
    """Why Review mistakes has nothing to ask: every last answer right, or the zones missed
    are no longer in the chart (said "your last answer … was right": tryout S22-17)."""
    gone = scheduler.missed_elsewhere(atlas.id, (z.id for z in atlas.zones))
    if not gone:
        return _("No mistakes to review: your last answer to each of these questions was right.")
    return ngettext(
        "No mistakes to review in this chart: the zone you last answered wrong is no longer in it.",
        "No mistakes to review in this chart: the {count} zones you last answered wrong are no longer in it.",
        gone,
    ).format(count=format_number(gone, 0))


def short_round_said(session: QuizSession) -> str:
    """Why a round asks fewer questions than the round's length chosen: the choices (views,
    feet, regions, custom set) leave only so many zones (tryout S23-3: a round of one
    question began without a word)."""
    planned, length = session.planned, session.options.length
    asks = ngettext(
        "This round asks {count} question, not {length}:",
        "This round asks {count} questions, not {length}:",
        planned,
    ).format(count=format_number(planned, 0), length=format_number(length, 0))
    zones = session.zones_matching
    match = ngettext(
        "{count} zone of this chart matches the questions, views, feet, regions and custom set chosen.",
        "{count} zones of this chart match the questions, views, feet, regions and custom set chosen.",
        zones,
    ).format(count=format_number(zones, 0))
    return f"{asks} {match}"


def left_out_said(count: int) -> str:
    """The zones a round leaves out because the chart's check refuses them, said."""
    return ngettext(
        "{count} zone the chart check refuses is left out until it is fixed.",
        "{count} zones the chart check refuses are left out until they are fixed.",
        count,
    ).format(count=format_number(count, 0))


def left_out_why(atlas: Atlas, refused: Mapping[str, str], left_out: frozenset[str]) -> dict[str, str]:
    """Each zone of `atlas` a round leaves out, with why, in words: the chart's check refuses it
    (`refused`: zone id -> the check's message)."""
    from ...atlas.draft import in_words

    why: dict[str, str] = {}
    for zone in atlas.zones:
        if zone.id not in left_out:
            continue
        problem = refused.get(zone.id, "")
        name = bidi_isolate(zone.name)
        said = (
            _("{zone} is not asked in this quiz until it is fixed: {problem}").format(
                zone=name, problem=in_words(problem, atlas.views, {zone.id: name})
            )
            if problem
            else _("{zone} is not asked in this quiz.").format(zone=name)
        )
        why[zone.id] = said
    return why


def first_time_today(settings: Settings | None, key: str, now: float, place: str = "") -> bool:
    """True the first time a day (local time, `now` in seconds since the epoch) this is
    asked about `key` for `place` (a folder: one learner profile's trouble is not said for
    another's), then False until the next day: across sessions and windows through the
    settings ({place: day} under `key`), and within this session if they cannot be written."""
    from ...setting_rules import MAX_FOLDER_DAYS

    today = time.strftime("%Y-%m-%d", time.localtime(now))
    if settings is None:
        if (key, place, today) in _SAID_TODAY:
            return False
        _SAID_TODAY.add((key, place, today))
        return True
    said = settings.value(key) or {}  # kept in memory too when the file cannot be written
    if said.get(place) == today:
        return False
    others = [(folder, day) for folder, day in said.items() if folder != place and day == today]
    settings.setValue(key, dict([*others[-(MAX_FOLDER_DAYS - 1) :], (place, today)]))  # today's only
    return True


def spare_folders(settings: Settings | None) -> tuple[Path, ...]:
    """Where answers that cannot be written by closing time are kept when the progress folder
    cannot take them (full, read-only): the settings folder and the cache folder, which are
    often on another disk or mount, and last the user's own folder in the system's temporary
    folder (often a separate file system; used only if it is the user's) (quiz/pending.py)."""
    import tempfile

    from PySide6.QtCore import QStandardPaths

    folders = []
    if settings is not None:
        folders.append(settings.path.parent)
    cache = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.CacheLocation)
    if cache:
        folders.append(Path(cache))
    getuid = getattr(os, "getuid", None)
    try:
        temporary = tempfile.gettempdir()
    except OSError:  # no usable temporary folder at all (TMPDIR, /tmp, /var/tmp… refuse)
        getuid = None
    if getuid is not None:
        own = Path(temporary) / f"reflexmap-{getuid()}"
        try:  # made when it is needed; one that is there must be the user's own folder
            mine = own.lstat().st_uid == getuid() and own.is_dir() and not own.is_symlink()
        except FileNotFoundError:
            mine = True
        except OSError:
            mine = False
        if mine:
            folders.append(own)
    return tuple(dict.fromkeys(folders))


REVIEW_NAME_CHARS = 120  # each zone to review, at most (names may be 4,000 characters long)


class SummaryChoice(IntEnum):
    """How the results dialog was left, besides Close (QDialog.DialogCode.Rejected)."""

    REVIEW = 2  # review the mistakes now
    NEW_QUIZ = 3  # set up a new round


def summary_dialog(parent, summary: Summary, names: dict[str, str]) -> QDialog:
    """Score, accuracy, best streak, time, and the zones to review."""
    ended = _(ENDINGS[summary.ended_by])
    minutes, seconds = divmod(int(summary.seconds), 60)

    # chart text in the app's sentence: each name isolated (an override reversed the names after
    # it), cut, and breakable (a one-word name of 192 letters made the dialog wider than the window)
    def listed(zone_ids: list[str]) -> str:
        return ", ".join(
            escape(breakable(bidi_isolate(shortened(names.get(z, z), REVIEW_NAME_CHARS)))) for z in zone_ids
        )

    missed = listed(summary.missed) or escape(_("none"))
    # missed, then right when asked again: said apart, not "to review" (Review mistakes, which
    # asks what was last answered wrong, then said there was nothing to review)
    corrected = (
        f"<br><b>{escape(_('Missed, then right when asked again:'))}</b> {listed(summary.corrected)}"
        if summary.corrected
        else ""
    )
    time_spent = escape(_("Time: {time}").format(time=f"{minutes}:{seconds:02d}"))
    if summary.asked == 0:  # ended before the first answer: no score to give, nothing to review
        html = (
            f"<h2>{escape(_('Round over'))}</h2><p>{escape(ended)}</p>"
            f"<p>{escape(_('No question was answered in this round, so there is no score.'))}"
            f"<br>{time_spent}</p>"
        )
    else:
        again = summary.asked - summary.questions  # missed questions asked again
        score = (
            _("{right} of {asked} answers").format(right=summary.right, asked=summary.asked)
            if again > 0
            else _("{right} of {asked}").format(right=summary.right, asked=summary.asked)
        )
        result = _("{score} right ({accuracy})").format(
            score=f"<b>{escape(score)}</b>", accuracy=format_percent(summary.accuracy)
        )
        if summary.close:
            result += ", " + _("{count} close").format(count=summary.close)
        if again > 0:  # the answers counted: the questions, and the missed ones asked again
            result += "<br>" + escape(
                _("{questions}, plus {again}").format(
                    questions=ngettext("{count} question", "{count} questions", summary.questions).format(
                        count=summary.questions
                    ),
                    again=ngettext(
                        "{count} asked again after a miss", "{count} asked again after a miss", again
                    ).format(count=again),
                )
            )
        html = (
            f"<h2>{escape(_('Round over'))}</h2><p>{escape(ended)}</p>"
            f"<p>{result}"
            f"<br>{escape(_('Best streak: {streak}').format(streak=summary.best_streak))}"
            f"<br>{time_spent}</p>"
            f"<p><b>{escape(_('To review:'))}</b> {missed}{corrected}</p>"
        )
    dialog = QDialog(parent)
    dialog.setObjectName("quiz-summary")
    dialog.setWindowTitle(_("Quiz results"))
    label = QLabel(html, dialog)
    label.setWordWrap(True)
    buttons = QDialogButtonBox(dialog)
    review = buttons.addButton(_("&Review mistakes"), QDialogButtonBox.ButtonRole.AcceptRole)
    review.setObjectName("review-mistakes")
    review.setEnabled(bool(summary.missed))
    again = buttons.addButton(_("&New quiz…"), QDialogButtonBox.ButtonRole.ActionRole)
    again.setObjectName("new-quiz")
    close = buttons.addButton(QDialogButtonBox.StandardButton.Close)
    close.clicked.connect(dialog.reject)
    review.clicked.connect(lambda: dialog.done(SummaryChoice.REVIEW))
    again.clicked.connect(lambda: dialog.done(SummaryChoice.NEW_QUIZ))
    layout = QVBoxLayout(dialog)
    layout.addWidget(label)
    layout.addWidget(buttons)
    return dialog
