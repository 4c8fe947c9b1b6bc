"""A labelled bar chart painted with plain Qt: vertical (a column per day, its figure on it,
evenly spaced day ticks) or horizontal (a bar per named row, its figure beside it)."""

from __future__ import annotations

import math

from PySide6.QtCore import QEvent, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QPainter, QPalette, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from ..i18n import format_count, format_percent

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
        from_end: bool = False,
        note: str = "",
        notes: list[str] | None = None,
        parent=None,
    ):
        super().__init__(parent)
        self.title, self.labels, self.values = title, labels, values
        self.notes = notes or [""] * len(values)  # horizontal: said after each value
        self.horizontal, self.percent, self.colour, self.every = horizontal, percent, colour, every
        self.from_end = from_end  # vertical: the ticks counted back from the last column (today)
        self.note = note  # vertical: a line under the day ticks (what an empty day means)
        self.partners: list[BarChart] = []  # charts over the same days: one step between ticks
        # vertical charts one above another: one plot edge, so their days stand one over another
        self.stacked_with: list[BarChart] = []
        self._set_minimum()
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setAccessibleName(title)

    def _set_minimum(self) -> None:
        """Rows at 24 px; columns at least 6 lines tall under their figures (upright figures
        take their width over the columns: 100 % at the largest text squeezed them flat)."""
        if self.horizontal:
            self.setMinimumSize(380, 40 + 24 * max(1, len(self.labels)))
            return
        metrics = QFontMetricsF(self.font())
        line = metrics.height()
        _figures, head = self._figures(metrics, (380 - 40 - line * 3) / max(1, len(self.values)))
        below = line * (2.4 + 1.1 * len(wrapped(self.note, metrics, 380)))
        self.setMinimumSize(380, max(200, round(line * 3.2 + head + max(120.0, 6 * line) + below)))

    def changeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.FontChange:
            self._set_minimum()
        super().changeEvent(event)

    def _figures(self, metrics: QFontMetricsF, slot: float) -> tuple[list[tuple[int, str, bool]], float]:
        """The figures written on the columns (index, text, upright), and the room above the
        columns they need. A figure lies flat over its column where it stands clear of its
        neighbours' figures, upright (read from below) only where it would run into one: a
        lone "0%" among thirty narrow days stood upright on the axis, read as part of it."""
        figures = [
            (i, self.text(v)) for i, v in enumerate(self.values) if v is not None and (v > 0 or self.percent)
        ]
        widths = [metrics.horizontalAdvance(t) for _i, t in figures]
        gap = metrics.horizontalAdvance("  ")
        placed = []
        for k, ((i, text), width) in enumerate(zip(figures, widths, strict=True)):
            neighbours = [n for n in (k - 1, k + 1) if 0 <= n < len(figures)]
            crowded = any(abs(i - figures[n][0]) * slot < (width + widths[n]) / 2 + gap for n in neighbours)
            placed.append((i, text, crowded))
        upright = [w for (_i, _t, up), w in zip(placed, widths, strict=True) if up]
        return placed, max([metrics.height(), *upright])

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
        return wrapped(self.title, QFontMetricsF(bold), self.width() - 2) or [""]

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
        peak = self.peak()
        if self.horizontal:
            self._horizontal(painter, area, peak, ink, muted, metrics)
        else:
            self._vertical(painter, area, peak, ink, muted, metrics)
        painter.end()

    def peak(self) -> float:
        """The value at the top of the axis: 100 % or a round count at least the largest."""
        known = [v for v in self.values if v is not None]
        return 1.0 if self.percent else nice_ceiling(max(known, default=0))

    def _own_margins(self, metrics: QFontMetricsF) -> tuple[float, float]:
        """The room left of the plot for the axis's figures, and right of it for half the last
        day's tick."""
        peak = self.peak()
        axis = max(metrics.horizontalAdvance(self.text(peak * f)) for f in (0.0, 0.5, 1.0)) + 10
        right = metrics.horizontalAdvance(self.labels[-1]) / 2 + 4 if self.labels else 4.0
        return axis, right

    def margins(self, metrics: QFontMetricsF) -> tuple[float, float]:
        """The plot's margins, the widest among the charts stacked with this one: "100 %" on
        the retention's axis took more room than "4" on the reviews', and their dates stood
        apart by the difference."""
        own = [c._own_margins(metrics) for c in [self, *self.stacked_with]]
        return max(a for a, _r in own), max(r for _a, r in own)

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
        """A column per day under an axis of 0, half and the top. Each column carries its
        figure (above it, or upright along it where the slot is too narrow for the text); a
        day of 0 % keeps a mark on the axis with its "0 %"; a day with no figure (no reviews)
        has no column, which the note under the ticks says. The day ticks are evenly spaced."""
        line = metrics.height()
        axis_w, right = self.margins(metrics)  # the last label fits
        notes = wrapped(self.note, metrics, self.width())  # what an empty day means
        below = line * (2.4 + 1.1 * len(notes))
        plot = QRectF(
            area.left() + axis_w,
            area.top() + line * 0.5,
            area.width() - axis_w - right,
            area.height() - below,
        )
        count = max(1, len(self.values))
        slot = plot.width() / count
        figures, head = self._figures(metrics, slot)
        bars = QRectF(plot.left(), plot.top() + head + 2, plot.width(), plot.height() - head - 2)
        painter.setPen(QPen(muted, 1))
        for fraction in (0.0, 0.5, 1.0):
            if not self.percent and (peak * fraction) % 1:
                continue  # counts are whole numbers: no "0.5" line
            y = bars.bottom() - fraction * bars.height()
            painter.drawLine(plot.left(), y, plot.right(), y)
            painter.setPen(ink)
            painter.drawText(
                QRectF(0, y - line / 2, axis_w - 6, line),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                self.text(peak * fraction),
            )
            painter.setPen(QPen(muted, 1))
        painter.setPen(ink)
        # the figures stand on the paper: a grid line ran through one standing past it (tryout:
        # "11" under the line of 12); the paper laid before the columns, never over one
        paper = self.palette().color(QPalette.ColorRole.Window)
        for i, text, upright in figures:
            h = max(3.0, bars.height() * min(1.0, self.values[i] / peak))
            middle, top, tight = (
                plot.left() + (i + 0.5) * slot,
                bars.bottom() - h - 2,
                metrics.horizontalAdvance(text) + 2,
            )
            if upright:
                painter.fillRect(QRectF(middle - line / 2, top - tight, line, tight), paper)
            else:
                painter.fillRect(QRectF(middle - tight / 2, top - line, tight, line), paper)
        for i, text, upright in figures:
            value = self.values[i]
            h = max(3.0, bars.height() * min(1.0, value / peak))  # 0 %: a mark on the axis
            x = plot.left() + i * slot
            painter.fillRect(QRectF(x + slot * 0.15, bars.bottom() - h, slot * 0.7, h), self.colour)
            top = bars.bottom() - h - 2
            if upright:  # read from below, as the day ticks of a crowded axis are
                painter.save()
                painter.translate(x + slot / 2, top)
                painter.rotate(-90)
                painter.drawText(
                    QRectF(0, -line / 2, head + 2, line),
                    Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                    text,
                )
                painter.restore()
            else:  # centred over its column, inside the widget (the last day's at the edge)
                width = max(slot * 3, metrics.horizontalAdvance(text) + 2)
                left = max(0.0, min(self.width() - width, x + slot / 2 - width / 2))
                painter.drawText(
                    QRectF(left, top - line, width, line),
                    Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom,
                    text,
                )
        for _i, left, width, text in self._day_ticks(plot, slot, metrics):
            painter.drawText(
                QRectF(left, plot.bottom() + line / 2 + 2, width, line),  # below the axis's "0"
                Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop,
                text,
            )
        painter.setPen(ink)
        for n, text in enumerate(notes):
            painter.drawText(
                QRectF(0, plot.bottom() + line * (1.7 + 1.1 * n), self.width(), line),
                Qt.AlignmentFlag.AlignLeft,
                text,
            )

    def _fits(self, step: int, slot: float, metrics: QFontMetricsF) -> bool:
        """Whether ticks every `step` columns stand clear of each other at this width."""
        gap = metrics.horizontalAdvance("  ")
        ends = [(c - w / 2, c + w / 2) for _i, c, w in self._tick_places(step, slot, metrics)]
        return all(
            a_right + gap <= b_left for (_l, a_right), (b_left, _r) in zip(ends, ends[1:], strict=False)
        )

    def _tick_places(self, step: int, slot: float, metrics: QFontMetricsF):
        count = len(self.labels)
        first = (count - 1) % step if self.from_end else 0
        return [
            (i, (i + 0.5) * slot, metrics.horizontalAdvance(self.labels[i]) + 2)
            for i in range(first, count, step)
        ]

    def own_step(self) -> int:
        """The least step (from `every` on: 5, 7, 10, 15 …) whose ticks stand clear at this width."""
        metrics = QFontMetricsF(self.font())
        count = max(1, len(self.labels))
        axis_w, right = self.margins(metrics)
        slot = max(1.0, (self.width() - axis_w - right) / count)
        steps = [s for s in (1, 2, 5, 7, 10, 14, 15, 30) if s >= self.every] + [count]
        return next((s for s in steps if self._fits(s, slot, metrics)), count)

    def tick_step(self) -> int:
        """The step between day ticks: the same on every chart over the same days (the widest
        need among them), so the reviews and the retention read against the same dates."""
        return max([self.own_step()] + [p.own_step() for p in self.partners])

    def _day_ticks(self, plot: QRectF, slot: float, metrics: QFontMetricsF):
        """(index, left, width, text) of each tick: one every `tick_step()` columns, counted
        from the first column (days ahead: today, +5, +10 …) or back from the last (days
        past: today and every fifth day before it), centred under its column, inside the widget."""
        placed = []
        for i, centre, width in self._tick_places(self.tick_step(), slot, metrics):
            left = max(0.0, min(self.width() - width, plot.left() + centre - width / 2))
            placed.append((i, left, width, self.labels[i]))
        return placed


def wrapped(text: str, metrics: QFontMetricsF, width: float) -> list[str]:
    """`text` broken between words into lines `width` wide (a word wider stands alone);
    no lines for no text."""
    lines: list[str] = []
    for word in text.split():
        wider = f"{lines[-1]} {word}" if lines else word
        if lines and metrics.horizontalAdvance(wider) <= width:
            lines[-1] = wider
        else:
            lines.append(word)
    return lines


def nice_ceiling(value: float) -> float:
    """The axis top for counts: a round number (1, 1.2, 1.5, 2 … 10 times a power of ten) at least `value`."""
    if value <= 1:
        return 1.0
    power = 10 ** math.floor(math.log10(value))
    return next(step * power for step in (1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10) if step * power >= value)
