"""The Statistics window: what the review log says, drawn with plain Qt painting (bar_chart).

Cards due today and in the next days, reviews per day, retention (right answers as a share of
reviews) per day, mastery per body region and per foot, and the hardest zones. Every chart
names its figures in text as well (values on or beside the bars): colour is never the only
carrier. The window reads the same card states as the mastery heat map."""

from __future__ import annotations

import sqlite3
import time

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

from ..atlas import Atlas
from ..content.markup import isolate, shortened
from ..i18n import _, format_count, format_number, format_percent, ngettext, pgettext
from ..quiz import log_records
from ..quiz.cards import KIND_SHORT
from ..quiz.reviewlog import ReviewLog
from ..quiz.scheduler import EASY_SHARE, FAST_SECONDS, PACE_MIN, is_busy
from ..quiz.stats import Statistics, compute
from ..vocab import foot_name, region_name
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
    def __init__(
        self,
        log: ReviewLog,
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
        layout = QVBoxLayout(self)
        scroll, charts = self.show_figures(log, atlas, profile=profile, now=now, states=states)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        screen = (parent.screen() if parent is not None else None) or QGuiApplication.primaryScreen()
        room = screen.availableGeometry() if screen is not None else None
        # tall enough for every chart without scrolling where the screen allows (the largest
        # text needs more than 820 px), never larger than the screen: Close stays on it
        whole = self.minimumSizeHint().height() - scroll.minimumSizeHint().height()
        whole += charts.sizeHint().height()
        if room is None:
            self.resize(1100, max(820, whole))
        else:
            self.resize(min(1100, room.width() - 40), min(max(820, whole), room.height() - 60))

    def show_figures(
        self,
        log: ReviewLog,
        atlas: Atlas,
        *,
        profile: str = "",
        now: float | None = None,
        states: dict | None = None,
    ) -> tuple[QScrollArea, QWidget]:
        """The figures of `log` for `atlas` shown in this window, in place of those it showed:
        an answer logged, another chart or learner is shown in the same window, where it is
        and as it is stacked (it was closed and opened afresh, and so came back in front of
        the main window at every answer, S18-6). Returns the charts' scroll area and body."""
        self.setWindowTitle(_("Statistics") + (f" – {profile}" if profile else ""))
        self.stats: Statistics = compute(log, atlas, time.time() if now is None else now, states=states)
        old, self.body = self.body, QWidget(self)
        if old is not None:
            old.setParent(None)  # (out of findChild at once; its plots go with it)
            old.deleteLater()
        body = self.body
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
        outer = self.layout()
        outer.insertWidget(0, body, 1)
        return scroll, charts

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
                ).format(when=when, count=format_count(found["answers_lost"]), file=isolate(found["file"]))
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


def open_statistics(parent, quiz, atlas: Atlas) -> QDialog | None:
    """Quiz → Statistics…: the review log's figures for `atlas`, for the quiz's profile.
    None when the review log could not be opened (the quiz said why). While another program
    holds the file locked the window says so (empty charts would read as no progress)."""
    from .profile_dialog import profile_title

    read = quiz.refresh()
    if quiz.log is None:
        return None
    profile = profile_title(quiz.profile)
    window: QDialog | None = None
    if read:
        try:
            window = StatisticsWindow(quiz.log, atlas, parent, profile=profile, states=quiz.scheduler.states)
        except sqlite3.OperationalError as exc:  # taken between the two reads
            if not is_busy(exc):
                raise
    if window is None:
        window = _in_use_window(parent, profile, quiz.in_use_by_another())
    window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    window.show()
    return window


def show_again(window: QDialog, quiz, atlas: Atlas) -> bool:
    """The open Statistics `window` shows the figures of `atlas` afresh, in place: where it is,
    stacked where the person left it, the keys left where they are. False where that cannot be
    (the log unread, or the window one saying why it was): the caller opens a new one."""
    from .profile_dialog import profile_title

    if not isinstance(window, StatisticsWindow) or not quiz.refresh() or quiz.log is None:
        return False
    try:
        profile = profile_title(quiz.profile)
        window.show_figures(quiz.log, atlas, profile=profile, states=quiz.scheduler.states)
    except sqlite3.OperationalError as exc:  # taken between the two reads
        if not is_busy(exc):
            raise
        return False
    return True


def _in_use_window(parent, profile: str, message: str) -> QDialog:
    """The Statistics window when the progress file could not be read: it says why."""
    window = QDialog(parent)
    window.setObjectName("statistics")
    window.setWindowTitle(_("Statistics") + (f" – {profile}" if profile else ""))
    label = QLabel(message, window)
    label.setObjectName("statistics-in-use")
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, window)
    buttons.rejected.connect(window.reject)
    layout = QVBoxLayout(window)
    layout.addWidget(label)
    layout.addWidget(buttons)
    window.resize(520, 160)
    return window
