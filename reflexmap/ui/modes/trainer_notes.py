"""The trainer's notes in presenter mode: where the lesson stands, the current zone in full,
what comes next and the keys. A window on a second screen, or on one screen a panel beside
or under the chart, as large as its text needs: under a wide chart its parts stand in
columns side by side (one column 1,024 px wide left most of it empty and the rest
scrolled), and its type steps down from arm's-length size to the window's own before the
panel scrolls."""

from __future__ import annotations

from itertools import combinations
from math import ceil

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QTextDocument
from PySide6.QtWidgets import QFrame, QTextBrowser, QVBoxLayout, QWidget

from ...i18n import _

FONT_STEPS = (1.25, 1.15, 1.05, 1.0, 0.95, 0.9, 0.85)  # × the window's text: arm's length first
LEAST_PT = 11.25  # below the window's own text size only down to the notes' size at the usual text (9 pt)
COLUMN_MIN_PX = 300  # a column of the notes under the chart is at least this wide
COLUMN_GAP_PX = 18
WIDTH_STEP_PX = 20  # beside the chart, widths are tried in these steps
MARGIN_PX = 6
SLACK_PX = 6  # the browser lays a table out a few pixels taller than a document measured alone


class TrainerNotes(QFrame):
    """The notes; `parent` given: a panel on the map, else a window. Its text comes in
    sections, in reading order (`show_sections`); `fit_under` and `fit_beside` measure the
    room they need and set the columns and type for it."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent, Qt.WindowType.Widget if parent is not None else Qt.WindowType.Window)
        self.setObjectName("trainer-notes")
        self.setWindowTitle(_("ReflexMap: trainer's notes"))
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        self.text = QTextBrowser(self)
        self.text.setObjectName("trainer-notes-text")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(MARGIN_PX, MARGIN_PX, MARGIN_PX, MARGIN_PX)
        layout.addWidget(self.text)
        self._base = QFont(self.text.font())
        self._sections: list[str] = []
        self._columns, self._step = 1, 0
        self._left_out: tuple[int, ...] = ()  # sections not shown: the room is too small
        self.fits = True  # whether the last `fit_under` or `fit_beside` found a shape that shows all
        self.text.setFont(self._font(0))  # read at arm's length, beside a projected chart
        if parent is None:
            self.resize(720, 560)
        else:  # keys stay with the chart, where the presenter listens for them
            self.text.setFocusPolicy(Qt.FocusPolicy.NoFocus)

    @property
    def panel(self) -> bool:
        return not self.isWindow()

    def show_sections(self, sections: list[str]) -> None:
        """The notes' text: whole HTML parts in reading order."""
        self._sections = sections
        self._show()

    def _show(self) -> None:
        self.text.setFont(self._font(self._step))
        width = self.width() - self._chrome()
        self.text.setHtml(self._html(self._columns, self._step, width))

    def _font(self, step: int) -> QFont:
        font = QFont(self._base)
        if font.pointSizeF() > 0:
            font.setPointSizeF(font.pointSizeF() * FONT_STEPS[step])
        return font

    def _chrome(self) -> int:
        """The panel's width (or height) around its text's document."""
        return 2 * (MARGIN_PX + self.frameWidth() + self.text.frameWidth())

    def _height(self, html: str, step: int, width: float) -> float:
        doc = QTextDocument()
        doc.setDefaultFont(self._font(step))
        doc.setHtml(html)
        doc.setTextWidth(max(1.0, width))
        return doc.size().height()

    def _html(self, columns: int, step: int, width: float) -> str:
        """The sections in `columns` side by side (reading order down each column, then on),
        split where the tallest column is least tall, for a document `width` px wide."""
        sections = [s for i, s in enumerate(self._sections) if s and i not in self._left_out]
        columns = max(1, min(columns, len(sections)))
        if columns == 1:
            return "".join(sections)
        column_w = (width - (columns - 1) * COLUMN_GAP_PX) / columns
        tall = [self._height(s, step, column_w) for s in sections]

        def tallest(cuts: tuple[int, ...]) -> float:
            ends = (0, *cuts, len(sections))
            return max(sum(tall[a:b]) for a, b in zip(ends, ends[1:], strict=False))

        cuts = min(combinations(range(1, len(sections)), columns - 1), key=tallest)
        ends = (0, *cuts, len(sections))
        share = 100 // columns
        cells = "".join(
            f"<td width='{share}%' valign='top' style='padding-right: {0 if b == len(sections) else gap}px'>"
            f"{''.join(sections[a:b])}</td>"
            for a, b, gap in zip(ends, ends[1:], [COLUMN_GAP_PX] * columns, strict=False)
        )
        return f"<table width='100%' cellspacing='0' cellpadding='0'><tr>{cells}</tr></table>"

    def _needed(self, width: int, columns: int, step: int) -> int:
        """The panel's height at which its text shows whole, `width` px wide."""
        text_w = width - self._chrome()
        return ceil(self._height(self._html(columns, step, text_w), step, text_w)) + self._chrome() + SLACK_PX

    def _shapes(self, columns: int, spare: tuple[int, ...]):
        """The shapes to try, best first: every section in the largest type that fits, then
        (the room too small for them in the window's own type) without the `spare` ones."""
        steps = [i for i, f in enumerate(FONT_STEPS) if f >= 1.0 or self._font(i).pointSizeF() >= LEAST_PT]
        for left_out in ((), tuple(spare)) if spare else ((),):
            for step in steps:
                yield (columns, step, left_out)

    def fit_under(self, width: int, least: int, most: int, spare: tuple[int, ...] = ()) -> tuple[int, tuple]:
        """Under the chart, `width` wide: its parts in as many columns as fit, in the largest
        type whose text shows whole in `most` px or less (leaving out the sections numbered
        in `spare` only when nothing else fits). Returns (the height it takes, from `least`;
        `most` when nothing fits and the panel scrolls, the shape to `place` it in)."""
        columns = max(1, width // COLUMN_MIN_PX)
        shape = (columns, 0, ())
        for shape in self._shapes(columns, spare):
            self._left_out = shape[2]
            needed = self._needed(width, columns, shape[1])
            if needed <= most:
                self.fits = True
                return max(least, needed), shape
        self.fits = False
        return most, shape

    def fit_beside(
        self, height: int, least: int, most: int, spare: tuple[int, ...] = ()
    ) -> tuple[int, tuple]:
        """Beside the chart, `height` tall: one column, the narrowest width from `least` to
        `most` at which the largest type that can shows whole. Returns (width, shape)."""
        widths = [*range(least, most, WIDTH_STEP_PX), most]
        shape = (1, 0, ())
        for shape in self._shapes(1, spare):
            self._left_out = shape[2]
            for width in widths:
                if self._needed(width, 1, shape[1]) <= height:
                    self.fits = True
                    return width, shape
        self.fits = False
        return most, shape

    def place(self, x: int, y: int, width: int, height: int, shape: tuple) -> None:
        """The panel at its place, its text in the `shape` fitted for it."""
        self._columns, self._step, self._left_out = shape
        self.setGeometry(x, y, width, height)
        self._show()
