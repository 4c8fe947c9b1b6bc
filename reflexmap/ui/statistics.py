"""The Statistics window: what the review log says, drawn with plain Qt painting.

Cards due today and in the next days, reviews per day, retention (right answers as a share of
reviews) per day, mastery per body region and per foot, and the hardest zones. Every chart
names its figures in text as well (values on or beside the bars): colour is never the only
carrier. The window reads the same card states as the mastery heat map."""

from __future__ import annotations

import math
import sqlite3
import time

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QGuiApplication, QPainter, QPalette, QPen
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFrame,
    QGridLayout,
    QLabel,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from ..atlas import Atlas
from ..content.markup import isolate, shortened
from ..i18n import _, format_count, format_number, format_percent, ngettext, pgettext
from ..quiz.cards import KIND_SHORT
from ..quiz.reviewlog import ReviewLog
from ..quiz.scheduler import EASY_SHARE, FAST_SECONDS, PACE_MIN, is_busy
from ..quiz.stats import Statistics, compute
from ..vocab import foot_name, region_name

BAR = QColor("#3f7fbf")
GOOD = QColor("#2e8b57")


class BarChart(QWidget):
    """Labelled bars: vertical (one per day) or horizontal (one per named row)."""

    def __init__(
        self,
        title: str,
        labels: list[str],
        values: list[float | None],
        *,
        horizontal: bool = False,
        percent: bool = False,
        colour: QColor = BAR,
        every: int = 1,
        notes: list[str] | None = None,
        parent=None,
    ):
        super().__init__(parent)
        self.title, self.labels, self.values = title, labels, values
        self.notes = notes or [""] * len(values)  # horizontal: said after each value
        self.horizontal, self.percent, self.colour, self.every = horizontal, percent, colour, every
        self.setMinimumSize(380, 200 if not horizontal else 40 + 24 * max(1, len(labels)))
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setAccessibleName(title)

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        """Room for the title on two lines and every row at its full height (a row is squeezed
        below that when the window is smaller): at the largest text the fixed minimum is too low."""
        metrics = QFontMetricsF(self.font())
        line = metrics.height()
        rows = max(1, len(self.labels))
        widest = max((metrics.horizontalAdvance(t) for t in self.labels), default=0) + 8
        stacked = widest > max(self.width(), 480) * 0.45  # as _horizontal decides, at a likely width
        body = rows * (26.0 + (line if stacked else 0.0)) if self.horizontal else max(200.0, 8 * line)
        return QSize(self.minimumWidth(), max(self.minimumHeight(), round(line * 2.6 + body)))

    def title_lines(self) -> list[str]:
        """The title broken between words into lines as wide as the chart (a German title ran
        past the window's edge at the largest text); a word wider than that stands alone."""
        bold = self.font()
        bold.setBold(True)
        metrics = QFontMetricsF(bold)
        lines: list[str] = []
        for word in self.title.split():
            wider = f"{lines[-1]} {word}" if lines else word
            if lines and metrics.horizontalAdvance(wider) <= self.width() - 2:
                lines[-1] = wider
            else:
                lines.append(word)
        return lines or [""]

    def text(self, value: float | None) -> str:
        if value is None:
            return "–"
        return format_percent(value) if self.percent else format_count(round(value))

    def paintEvent(self, _event) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        ink = self.palette().color(QPalette.ColorRole.WindowText)
        muted = QColor(ink)
        muted.setAlpha(110)
        metrics = QFontMetricsF(self.font())
        line = metrics.height()
        bold = self.font()
        bold.setBold(True)
        painter.setFont(bold)
        painter.setPen(ink)
        titles = self.title_lines()
        for i, text in enumerate(titles):  # the whole title, on as many lines as it needs
            painter.drawText(QRectF(0, i * line, self.width(), line * 1.4), Qt.AlignmentFlag.AlignLeft, text)
        painter.setFont(self.font())
        top = line * (len(titles) + 0.6)
        area = QRectF(0, top, self.width(), self.height() - top)
        known = [v for v in self.values if v is not None]
        peak = 1.0 if self.percent else nice_ceiling(max(known, default=0))
        if self.horizontal:
            self._horizontal(painter, area, peak, ink, muted, metrics)
        else:
            self._vertical(painter, area, peak, ink, muted, metrics)
        painter.end()

    def _horizontal(self, painter, area, peak, ink, muted, metrics) -> None:
        """A bar per row, its label to the left; where a label would be cut there (German
        "Linker Fuß: richtige Antworten" at the largest text), every label stands over its bar."""
        widest = max((metrics.horizontalAdvance(t) for t in self.labels), default=0) + 8
        stacked = widest > area.width() * 0.45
        label_w = 0.0 if stacked else widest
        line = metrics.height() if stacked else 0.0
        value_w = (
            max(
                metrics.horizontalAdvance(" ".join(filter(None, (self.text(v), n))))
                for v, n in zip([1.0, *self.values], ["", *self.notes], strict=True)
            )
            + 8
        )
        row = min(26.0 + line, area.height() / max(1, len(self.labels)))
        bar = row - line
        for i, (label, value, note) in enumerate(zip(self.labels, self.values, self.notes, strict=True)):
            y = area.top() + i * row
            painter.setPen(ink)
            if stacked:
                text = metrics.elidedText(label, Qt.TextElideMode.ElideRight, area.width())
                painter.drawText(
                    QRectF(0, y, area.width(), line),
                    Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                    text,
                )
            else:
                text = metrics.elidedText(label, Qt.TextElideMode.ElideRight, label_w - 8)
                painter.drawText(
                    QRectF(0, y, label_w - 8, row),
                    Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                    text,
                )
            top = y + line
            full = area.width() - label_w - value_w
            painter.fillRect(
                QRectF(label_w, top + bar * 0.2, full, bar * 0.6),
                QColor(muted.red(), muted.green(), muted.blue(), 30),
            )
            if value:
                painter.fillRect(
                    QRectF(label_w, top + bar * 0.2, full * min(1.0, value / peak), bar * 0.6), self.colour
                )
            painter.setPen(ink)
            painter.drawText(
                QRectF(label_w + full + 6, top, value_w, bar),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                " ".join(filter(None, (self.text(value), note))),
            )

    def _vertical(self, painter, area, peak, ink, muted, metrics) -> None:
        line = metrics.height()
        axis_w = metrics.horizontalAdvance(self.text(peak)) + 10
        right = metrics.horizontalAdvance(self.labels[-1]) / 2 + 4 if self.labels else 4.0  # last label fits
        plot = QRectF(
            area.left() + axis_w,
            area.top() + line * 0.5,
            area.width() - axis_w - right,
            area.height() - line * 2.4,
        )
        painter.setPen(QPen(muted, 1))
        for fraction in (0.0, 0.5, 1.0):
            if not self.percent and (peak * fraction) % 1:
                continue  # counts are whole numbers: no "0.5" line
            y = plot.bottom() - fraction * plot.height()
            painter.drawLine(plot.left(), y, plot.right(), y)
            painter.setPen(ink)
            painter.drawText(
                QRectF(0, y - line / 2, axis_w - 6, line),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                self.text(peak * fraction),
            )
            painter.setPen(QPen(muted, 1))
        count = max(1, len(self.values))
        slot = plot.width() / count
        for i, value in enumerate(self.values):
            x = plot.left() + i * slot
            if value is None:
                painter.setPen(muted)
                painter.drawText(  # no reviews that day (not 0 %)
                    QRectF(x, plot.bottom() - line, slot, line), Qt.AlignmentFlag.AlignCenter, "–"
                )
            elif value > 0:
                h = plot.height() * min(1.0, value / peak)
                painter.fillRect(QRectF(x + slot * 0.15, plot.bottom() - h, slot * 0.7, h), self.colour)
        painter.setPen(ink)
        for left, width, text in self._day_labels(plot, slot, metrics):
            painter.drawText(
                QRectF(left, plot.bottom() + line / 2 + 2, width, line),  # below the axis's "0"
                Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop,
                text,
            )

    def _day_labels(
        self, plot: QRectF, slot: float, metrics: QFontMetricsF
    ) -> list[tuple[float, float, str]]:
        """Every `every`-th label and the last: (left, width, text), each centred under its bar
        but kept inside the widget and clear of the value axis. A label that would touch the one
        before it is left out; the last one always stays."""
        count = len(self.labels)
        if not count:
            return []
        gap = metrics.horizontalAdvance("  ")
        placed: list[tuple[float, float, str]] = []
        for i in sorted(set(range(0, count, self.every)) | {count - 1}):
            text = self.labels[i]
            width = metrics.horizontalAdvance(text) + 2
            left = max(plot.left(), min(self.width() - width, plot.left() + (i + 0.5) * slot - width / 2))
            if i == count - 1:
                while placed and placed[-1][0] + placed[-1][1] + gap > left:
                    placed.pop()
            elif placed and placed[-1][0] + placed[-1][1] + gap > left:
                continue
            placed.append((left, width, text))
        return placed


def nice_ceiling(value: float) -> float:
    """The axis top for counts: a round number (1, 1.2, 1.5, 2 … 10 times a power of ten) at least `value`."""
    if value <= 1:
        return 1.0
    power = 10 ** math.floor(math.log10(value))
    return next(step * power for step in (1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10) if step * power >= value)


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
        self.setWindowTitle(_("Statistics") + (f" – {profile}" if profile else ""))
        self.stats: Statistics = compute(log, atlas, time.time() if now is None else now, states=states)
        s = self.stats
        names = {z.id: z.name for z in atlas.zones}
        reviews = ngettext("{count} review in all", "{count} reviews in all", s.total_reviews)
        cards = ngettext("{count} card practised", "{count} cards practised", s.cards_seen)
        seen = _("{reviews}, {cards}; {due} due today.").format(
            reviews=reviews.format(count=format_count(s.total_reviews)),
            cards=cards.format(count=format_count(s.cards_seen)),
            due=format_count(s.due[0] if s.due else 0),
        )
        summary = QLabel(seen, self)
        summary.setTextFormat(Qt.TextFormat.PlainText)
        summary.setObjectName("statistics-summary")
        scope = QLabel(self._scope_text(s, atlas), self)
        scope.setTextFormat(Qt.TextFormat.PlainText)
        scope.setWordWrap(True)
        scope.setObjectName("statistics-scope")
        easy = QLabel(self._easy_text(s.easy_seconds), self)
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
                parent=self,
            ),
            "retention": BarChart(
                _("Retention: right answers as a share of reviews, per day"),
                [_day(d) for d in days],
                list(s.retention),
                percent=True,
                colour=GOOD,
                every=5,
                parent=self,
            ),
            "regions": BarChart(
                _("Mastery per body region"),
                [region_name(r) for r in s.mastery_by_region],
                list(s.mastery_by_region.values()),
                horizontal=True,
                percent=True,
                colour=GOOD,
                parent=self,
            ),
            "feet": BarChart(
                _("Mastery per foot, and right answers there in the last 30 days"),
                feet_labels,
                feet_values,
                horizontal=True,
                percent=True,
                colour=GOOD,
                notes=feet_notes,
                parent=self,
            ),
            "hardest": BarChart(
                _("Hardest zones: answers missed or nearly missed"),
                [names.get(h.zone_id, h.zone_id) for h in s.hardest] or [_("none yet")],
                [h.missed / max(1, h.reviews) for h in s.hardest] or [None],
                horizontal=True,
                percent=True,
                colour=QColor("#c0504d"),
                parent=self,
            ),
        }
        grid = QGridLayout()
        for i, key in enumerate(("due", "reviews", "retention", "hardest", "regions", "feet")):
            grid.addWidget(self.charts[key], i // 2, i % 2)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(summary)
        layout.addWidget(scope)
        layout.addWidget(easy)
        layout.addSpacing(self.fontMetrics().height() // 2)
        # the charts scroll when the screen is too low for them all (largest text, 800 px)
        charts = QWidget(self)
        charts.setLayout(grid)
        grid.setContentsMargins(0, 0, 0, 0)
        scroll = QScrollArea(self)
        scroll.setObjectName("statistics-charts")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(charts)
        layout.addWidget(scroll, 1)
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

    @staticmethod
    def _scope_text(stats: Statistics, atlas: Atlas) -> str:
        """What every figure counts: the chart's zones as it has them now (said, because a
        log can hold answers to zones since deleted, which no figure counts)."""
        text = ngettext(
            "The counts and charts here cover the answers to the {count} zone of the chart {chart} "
            "as it is now.",
            "The counts and charts here cover the answers to the {count} zones of the chart {chart} "
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
