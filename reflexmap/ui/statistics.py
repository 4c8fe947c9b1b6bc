"""The Statistics window: what the review log says, drawn with plain Qt painting (bar_chart).

Cards due today and in the next days, reviews per day, retention (right answers as a share of
reviews) per day, mastery per body region and per foot, and the hardest zones. Every chart
names its figures in text as well (values on or beside the bars): colour is never the only
carrier. The window reads the same card states as the mastery heat map."""

from __future__ import annotations

import time
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFrame,
    QGridLayout,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from ..atlas import Atlas
from ..content.markup import isolate, shortened
from ..i18n import _, format_count, format_number, format_percent, ngettext, pgettext, shown_file
from ..quiz import log_records
from ..quiz.cards import KIND_SHORT
from ..quiz.reviewlog import ReviewLog
from ..quiz.scheduler import EASY_SHARE, FAST_SECONDS, PACE_MIN
from ..quiz.stats import Statistics, Unread, compute
from ..vocab import foot_name, region_name
from .background import Background, Job
from .bar_chart import GOOD, BarChart


def _month_abbreviation(month: int) -> str:
    return (
        pgettext("month", "Jan"),
        pgettext("month", "Feb"),
        pgettext("month", "Mar"),
        pgettext("month", "Apr"),
        pgettext("month", "May"),
        pgettext("month", "Jun"),
        pgettext("month", "Jul"),
        pgettext("month", "Aug"),
        pgettext("month", "Sep"),
        pgettext("month", "Oct"),
        pgettext("month", "Nov"),
        pgettext("month", "Dec"),
    )[month - 1]


def _day(date) -> str:
    """A day under a bar, as the interface's language writes a short date: "Nov 26" in
    English, "26.11." in German (the template may use the month's number or its short name)."""
    return _("{month_name} {day}").format(
        month_name=_month_abbreviation(date.month), month=date.month, day=date.day
    )


class StatisticsWindow(QDialog):
    """The figures of a review log for a chart. Given no `log` (nor `figures`), it opens
    saying that the reviews are being read (read_into fills it when they are)."""

    def __init__(
        self,
        log: ReviewLog | None,
        atlas: Atlas,
        parent=None,
        *,
        profile: str = "",
        now: float | None = None,
        states: dict | None = None,
    ):
        super().__init__(parent)
        self.setObjectName("statistics")
        self.body: QWidget | None = None
        self.stats: Statistics | None = None
        self.reading: Job | None = None  # the figures being read in the background, if any
        self._fitted = False
        self.setWindowTitle(_("Statistics") + (f" – {profile}" if profile else ""))
        layout = QVBoxLayout(self)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        if log is None:
            self.show_words(_("Reading your reviews…"), "statistics-reading")
            self.resize(640, 200)
        else:
            stats = compute(log, atlas, time.time() if now is None else now, states=states)
            self.show_figures(stats, atlas, profile=profile)

    def _fit(self, scroll: QScrollArea, charts: QWidget) -> None:
        """Tall enough for every chart without scrolling where the screen allows (the largest
        text needs more than 820 px), never larger than the screen: Close stays on it. Once,
        as the first figures are shown: the person's own size is kept after."""
        if self._fitted:
            return
        self._fitted = True
        parent = self.parentWidget()
        screen = (parent.screen() if parent is not None else None) or QGuiApplication.primaryScreen()
        room = screen.availableGeometry() if screen is not None else None
        whole = self.minimumSizeHint().height() - scroll.minimumSizeHint().height()
        whole += charts.sizeHint().height()
        if room is None:
            self.resize(1100, max(820, whole))
        else:
            self.resize(min(1100, room.width() - 40), min(max(820, whole), room.height() - 60))

    def _new_body(self) -> QWidget:
        old, self.body = self.body, QWidget(self)
        if old is not None:
            old.setParent(None)  # (out of findChild at once; its plots go with it)
            old.deleteLater()
        self.layout().insertWidget(0, self.body, 1)
        return self.body

    def show_words(self, text: str, name: str) -> None:
        """In place of the figures, a sentence: the reviews are being read, or why they could
        not be (another program holds the log; it is damaged)."""
        body = self._new_body()
        label = QLabel(text, body)
        label.setObjectName(name)
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.setWordWrap(True)
        label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(label, 1)

    def show_figures(self, stats: Statistics, atlas: Atlas, *, profile: str = "") -> None:
        """The figures `stats` of `atlas` shown in this window, in place of what it showed:
        an answer logged, another chart or learner is shown in the same window, where it is
        and as it is stacked (it was closed and opened afresh, and so came back in front of
        the main window at every answer, S18-6)."""
        self.setWindowTitle(_("Statistics") + (f" – {profile}" if profile else ""))
        self.stats = stats
        body = self._new_body()
        s = self.stats
        names = {z.id: z.name for z in atlas.zones}
        reviews = ngettext("{count} review in all", "{count} reviews in all", s.total_reviews)
        cards = ngettext("{count} card practised", "{count} cards practised", s.cards_seen)
        seen = _("{reviews}, {cards}; {due} due today.").format(
            reviews=reviews.format(count=format_count(s.total_reviews)),
            cards=cards.format(count=format_count(s.cards_seen)),
            due=format_count(s.due[0] if s.due else 0),
        )
        summary = QLabel(seen, body)
        summary.setTextFormat(Qt.TextFormat.PlainText)
        summary.setObjectName("statistics-summary")
        scope = QLabel(self._scope_text(s, atlas), body)
        scope.setTextFormat(Qt.TextFormat.PlainText)
        scope.setWordWrap(True)
        scope.setObjectName("statistics-scope")
        # rows of the log that are not answers ReflexMap wrote: in no figure, and said so
        unreadable = QLabel(self._unreadable_text(s), body)
        unreadable.setTextFormat(Qt.TextFormat.PlainText)
        unreadable.setWordWrap(True)
        unreadable.setObjectName("statistics-left-out")
        unreadable.setVisible(bool(s.unreadable))
        # answers a damaged log lost (what still read was salvaged): counted in no figure
        lost = QLabel(self._lost_text(s), body)
        lost.setTextFormat(Qt.TextFormat.PlainText)
        lost.setWordWrap(True)
        lost.setObjectName("statistics-lost")
        lost.setVisible(bool(lost.text()))
        easy = QLabel(self._easy_text(s.easy_seconds), body)
        easy.setTextFormat(Qt.TextFormat.PlainText)
        easy.setWordWrap(True)
        easy.setObjectName("statistics-easy")
        feet_labels, feet_values, feet_notes = [], [], []
        for foot in sorted(set(s.mastery_by_foot) | set(s.answers_by_foot)):
            name = foot_name(foot)
            feet_labels.append(_("{foot}: mastery").format(foot=name))
            feet_values.append(s.mastery_by_foot.get(foot, 0.0))
            feet_notes.append("")
            right, answers = s.answers_by_foot.get(foot, (0, 0))
            feet_labels.append(_("{foot}: right answers").format(foot=name))
            feet_values.append(right / answers if answers else None)
            feet_notes.append(
                ngettext("of {count}", "of {count}", answers).format(count=format_count(answers))
            )
        days = s.days_back()
        ahead = [_("today")] + [f"+{i}" for i in range(1, len(s.due))]
        self.charts = {
            "due": BarChart(
                _("Cards due today and in the next 30 days"), ahead, list(s.due), every=5, parent=self
            ),
            "reviews": BarChart(
                _("Reviews per day, last 30 days"),
                [_day(d) for d in days],
                list(s.reviews),
                every=5,
                from_end=True,
                parent=body,
            ),
            "retention": BarChart(
                _("Retention: right answers as a share of reviews, per day"),
                [_day(d) for d in days],
                list(s.retention),
                percent=True,
                colour=GOOD,
                every=5,
                from_end=True,
                note=_("A day without reviews has no column."),
                parent=body,
            ),
            "regions": BarChart(
                _("Mastery per body region"),
                [region_name(r) for r in s.mastery_by_region],
                list(s.mastery_by_region.values()),
                horizontal=True,
                percent=True,
                colour=GOOD,
                parent=body,
            ),
            "feet": BarChart(
                _("Mastery per foot, and right answers there in the last 30 days"),
                feet_labels,
                feet_values,
                horizontal=True,
                percent=True,
                colour=GOOD,
                notes=feet_notes,
                parent=body,
            ),
            "hardest": BarChart(
                _("Hardest zones: answers missed or nearly missed"),
                [names.get(h.zone_id, h.zone_id) for h in s.hardest] or [_("none yet")],
                [h.missed / max(1, h.reviews) for h in s.hardest] or [None],
                horizontal=True,
                percent=True,
                colour=QColor("#c0504d"),
                parent=body,
            ),
        }
        days_charts = [self.charts["reviews"], self.charts["retention"]]
        for chart in days_charts:  # the same dates under both
            chart.partners = [c for c in days_charts if c is not chart]
        # the charts over days in the left column, one above another, their plots' left edges
        # as one (the dates of the reviews stand over the same dates of the retention); the
        # charts by region, foot and zone in the right column
        columns = (("due", "reviews", "retention"), ("hardest", "regions", "feet"))
        grid = QGridLayout()
        for x, keys in enumerate(columns):
            for y, key in enumerate(keys):
                grid.addWidget(self.charts[key], y, x)
        stacked = [self.charts[k] for k in columns[0]]
        for chart in stacked:
            chart.stacked_with = [c for c in stacked if c is not chart]
        layout = QVBoxLayout(body)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(summary)
        layout.addWidget(scope)
        layout.addWidget(unreadable)
        layout.addWidget(lost)
        layout.addWidget(easy)
        layout.addSpacing(self.fontMetrics().height() // 2)
        # the charts scroll when the screen is too low for them all (largest text, 800 px)
        charts = QWidget(body)
        charts.setLayout(grid)
        grid.setContentsMargins(0, 0, 0, 0)
        scroll = QScrollArea(body)
        scroll.setObjectName("statistics-charts")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(charts)
        layout.addWidget(scroll, 1)
        self._fit(scroll, charts)

    @staticmethod
    def _scope_text(stats: Statistics, atlas: Atlas) -> str:
        """What every figure counts: the chart's zones as it has them now (said, because a
        log can hold answers to zones since deleted, which no figure counts)."""
        text = ngettext(
            "The counts and charts here cover the answers to the {count} zone of the chart “{chart}” "
            "as it is now.",
            "The counts and charts here cover the answers to the {count} zones of the chart “{chart}” "
            "as it is now.",
            stats.zones,
        ).format(count=format_count(stats.zones), chart=isolate(shortened(atlas.title, 80)))
        if stats.left_out:
            text += " " + ngettext(
                "{count} answer to a zone no longer in the chart is left out.",
                "{count} answers to zones no longer in the chart are left out.",
                stats.left_out,
            ).format(count=format_count(stats.left_out))
        return text

    @staticmethod
    def _unreadable_text(stats: Statistics) -> str:
        """The rows of the review log counted in no figure here (not answers ReflexMap wrote):
        the log's file, each row's id and why."""
        if not stats.unreadable or stats.database is None:
            return ""
        return log_records.bad_answers(stats.database, stats.unreadable)

    @staticmethod
    def _lost_text(stats: Statistics) -> str:
        """The answers each damaged log lost (set aside, what still read salvaged), with when
        and the damaged file's whole path; "" when none was lost."""
        lines = []
        for found in stats.salvaged:
            if not found["answers_lost"]:
                continue
            when = time.strftime("%Y-%m-%d %H:%M", time.localtime(found["time"]))
            lines.append(
                ngettext(
                    "The review log was found damaged on {when}: at least {count} answer in it "
                    "could not be read and is lost (counted in no figure here); the damaged file "
                    "is kept as {file}.",
                    "The review log was found damaged on {when}: at least {count} answers in it "
                    "could not be read and are lost (counted in no figure here); the damaged file "
                    "is kept as {file}.",
                    found["answers_lost"],
                ).format(
                    when=when,
                    count=format_count(found["answers_lost"]),
                    file=isolate(shown_file(found["file"])),
                )
            )
        return "\n".join(lines)

    @staticmethod
    def _easy_text(thresholds: dict[str, float]) -> str:
        """How quick a right answer must be to count as Easy, per kind of question."""
        if not thresholds:
            return _(
                "A right answer within {seconds} s counts as Easy for the scheduler, until "
                "{count} right answers of a kind (on any chart) show your own pace."
            ).format(seconds=format_number(FAST_SECONDS, 0), count=PACE_MIN)
        times = ", ".join(
            _("{seconds} s for {kind}").format(seconds=format_number(t, 1), kind=_(KIND_SHORT[k]))
            for k, t in thresholds.items()
        )
        return _(
            "A right answer counts as Easy for the scheduler when it is quicker than {share} of "
            "your usual time on any chart: now {times}."
        ).format(share=format_percent(EASY_SHARE), times=times)


AT_ONCE_MS = 100  # figures read within this are shown at once (no "Reading…" flashed)
LOCK_WAIT_MS = 2_000  # another window's write waited for, in the background, at most


def open_statistics(parent, quiz, atlas: Atlas) -> QDialog | None:
    """Quiz → Statistics…: the review log's figures for `atlas`, for the quiz's profile,
    read in the window's background work (read_into). None when the review log could not be
    opened (the quiz said why)."""
    from .profile_dialog import profile_title

    if quiz.log is None:
        return None
    window = StatisticsWindow(None, atlas, parent, profile=profile_title(quiz.profile))
    read_into(window, quiz, atlas)
    window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    window.show()
    return window


def show_again(window: QDialog, quiz, atlas: Atlas) -> bool:
    """The open Statistics `window` shows the figures of `atlas` afresh, in place: where it is,
    stacked where the person left it, the keys left where they are (its figures stay until the
    new ones are read). False where that cannot be (the log unopened): the caller opens a new one."""
    if not isinstance(window, StatisticsWindow) or quiz.log is None:
        return False
    read_into(window, quiz, atlas)
    return True


def read_into(window: StatisticsWindow, quiz, atlas: Atlas) -> None:
    """The figures of `atlas` read from the quiz's review log in the main window's background
    work (quiz/stats.read_figures: its own connection to the file), then shown in `window`:
    a review log of 200,000 answers, a slow disk or a lock held by another window's write
    never holds the window. Figures read within AT_ONCE_MS are shown at once; else the window
    says "Reading your reviews…" until they are. A reading asked since replaces this one."""
    from ..quiz.stats import read_figures
    from .profile_dialog import profile_title

    log, scheduler = quiz.log, quiz.scheduler
    waiting = {a.card: scheduler.states[a.card] for a in scheduler.pending if a.card in scheduler.states}
    memory = log.conn if not log.writable else None  # (a read-only folder's copy, in memory)
    path, now, profile = Path(log.path), time.time(), profile_title(quiz.profile)
    in_use = quiz.in_use_by_another()

    def done(found) -> None:
        if not isValid(window) or window.reading is not job:  # closed, or asked again since
            return
        window.reading = None
        if isinstance(found, Unread):
            said = in_use if found.busy else found.message
            window.show_words(said, "statistics-in-use" if found.busy else "statistics-unreadable")
        else:
            window.show_figures(found, atlas, profile=profile)

    job = Background.of(window.parentWidget() or window).run(
        "statistics",
        lambda: read_figures(path, atlas, now, waiting=waiting, memory=memory, wait_ms=LOCK_WAIT_MS),
        done,
    )
    window.reading = job
    job.thread.join(AT_ONCE_MS / 1000)
    if not job.thread.is_alive():
        done(job.wait())
