"""Text in chart scenes: sized in millimetres, so labels scale with the drawing."""

from __future__ import annotations

from functools import lru_cache

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QFont, QFontMetricsF, QGuiApplication, QPen, QTextLayout
from PySide6.QtWidgets import QGraphicsSimpleTextItem

from ..i18n import balanced_lines, bidi_isolate, language, shown_text
from ..layout.hyphens import hyphen_breaks
from . import palette

FONT_PX = 40  # labels are drawn with a 40 px font and scaled to millimetres


def label_font(bold: bool = False, italic: bool = False) -> QFont:
    font = QFont()
    font.setPixelSize(FONT_PX)
    font.setBold(bold)
    font.setItalic(italic)
    return font


def text_item(
    text: str, size_mm: float, *, bold: bool = False, italic: bool = False, flush_right: bool = False
) -> QGraphicsSimpleTextItem:
    text = shown_text(text)  # a direction override in a zone's name is shown, never obeyed
    item = ColumnText(text) if flush_right else QGraphicsSimpleTextItem(text)
    if flush_right:
        item.flush_right = True
    item.setFont(label_font(bold, italic))
    item.setBrush(palette.INK)
    item.setScale(size_mm / FONT_PX)
    return item


def text_width(text: str, size_mm: float, bold: bool = False, italic: bool = False) -> float:
    """Width (mm) of `text` at `size_mm`: of its widest line, for a text of several lines."""
    if "\n" in text:
        return max(_advance(line, bold, italic) for line in text.split("\n")) * size_mm / FONT_PX
    return _advance(text, bold, italic) * size_mm / FONT_PX


def forget_measures() -> None:
    """The label font (the application's) changed: names measured again, not with the old
    font. Called by the application's `fontChanged` (`_follow_font`), whoever changed it: a
    text size chosen anew, the typeface pinned at start (`application()`), a test's own
    application. (Only the text size forgot them before: a scene drawn before the typeface
    was pinned left the default font's widths to every later window in the process.)"""
    _advance_in.cache_clear()
    _ink_in.cache_clear()


_followed: list[QGuiApplication] = []  # the application whose font the measures follow


def _follow_font() -> None:
    """Measures kept only while the application's font is the one they were made with."""
    app = QGuiApplication.instance()
    if app is not None and (not _followed or _followed[0] is not app):
        forget_measures()
        app.fontChanged.connect(forget_measures)
        _followed[:] = [app]


def line_mm(size_mm: float) -> float:
    """How far apart (mm) the lines of a text of several lines stand at `size_mm`."""
    return QFontMetricsF(label_font()).lineSpacing() * size_mm / FONT_PX


def ink_beyond_usual(text: str, size_mm: float) -> tuple[float, float]:
    """How far (mm) the ink of `text` at `size_mm` reaches above and below where DejaVu Sans's
    letters reach in their lines: a name in Tibetan is drawn by a fallback font whose letters
    hang lower and stack taller, and a column's room per label, from DejaVu's line spacing,
    let such labels touch. (Its ink, not the fallback font's line spacing, which is twice
    DejaVu's: a column of such labels spaced by it stood twice as tall as its foot.)"""
    usual_top, usual_bottom = _ink(USUAL_LINE)
    above = below = 0.0
    for line in text.split("\n"):
        top, bottom = _ink(line)
        above += max(0.0, usual_top - top)
        below += max(0.0, bottom - usual_bottom)
    return above * size_mm / FONT_PX, below * size_mm / FONT_PX


USUAL_LINE = "ÅKgjy"  # the tallest reach of DejaVu Sans's letters, up and down


def name_lines(
    text: str, size_mm: float, max_mm: float, *, lines: int = 2, bold: bool = False, spare: int = 0
) -> list[str]:
    """A name in at most `lines` lines no wider than `max_mm`: on one line when it fits; else
    broken between words where its widest line is narrowest (a label column's name takes two
    lines before it is shortened); a word longer than the room broken where the language
    shown breaks it, with a hyphen (layout/hyphens.py: "Nasenneben-" / "höhlen", never
    "Nasenne-" / "benhöhlen"); `spare` lines more where that still cuts it ("Innenohr" /
    "und Gleich-" / "gewicht"); only what still does not fit is cut with "…" (a name that
    needs more lines, a word with no place to break at)."""
    text = " ".join(text[:2000].split())
    found, whole = _name_lines(text, size_mm, max_mm, lines, bold, hyphens=False)
    if whole:
        return found
    for more in range(spare + 1):  # (words broken before lines added)
        hyphenated, whole = _name_lines(text, size_mm, max_mm, lines + more, bold, hyphens=True)
        if whole:
            return hyphenated
    return found


def _name_lines(
    text: str, size_mm: float, max_mm: float, lines: int, bold: bool, *, hyphens: bool
) -> tuple[list[str], bool]:
    """(`name_lines`' lines, whether the name is whole in them)"""
    if text_width(text, size_mm, bold) <= max_mm:
        return [text], True
    if lines <= 1:
        return [elided(text, size_mm, max_mm, bold=bold)], False
    words = text.split(" ")
    best: tuple[float, str, str] | None = None
    for cut in range(1, len(words)):  # the break that leaves the narrowest widest line
        first, rest = " ".join(words[:cut]), " ".join(words[cut:])
        head = text_width(first, size_mm, bold)
        widest = max(head, text_width(rest, size_mm, bold))
        if head <= max_mm and (best is None or widest < best[0]):
            best = (widest, first, rest)
    found = None
    if best is not None:
        more, whole = _name_lines(best[2], size_mm, max_mm, lines - 1, bold, hyphens=hyphens)
        found = (balanced_lines([best[1], *more]), whole)
        if whole or not hyphens:
            return found
    k = next((k for k, word in enumerate(words) if text_width(word, size_mm, bold) > max_mm), None)
    if hyphens and k is not None:  # the first word too wide: broken at its last syllable that fits
        before = " ".join([*words[:k], ""])
        fitting = [
            (before + head, " ".join([tail, *words[k + 1 :]]))
            for head, tail in hyphen_breaks(words[k], language())
            if text_width(before + head, size_mm, bold) <= max_mm
        ]
        if fitting:  # the longest first part (the breaks come in order), leaving a syllable
            # of a few letters on the next line where one can ("Nasenneben-" / "höhlen", not
            # "Nasennebenhöh-" / "len")
            first, rest = ([f for f in fitting if len(f[1].split(" ")[0]) >= MIN_TAIL] or fitting)[-1]
            more, whole = _name_lines(rest, size_mm, max_mm, lines - 1, bold, hyphens=True)
            if whole or found is None:
                return balanced_lines([first, *more]), whole
    if found is not None:
        return found
    return [elided(text, size_mm, max_mm, bold=bold)], False


MIN_TAIL = 4  # letters of a broken word's rest on the next line, where a break leaves as many


def two_line_width(text: str, size_mm: float, *, bold: bool = False) -> float:
    """The narrowest width (mm) in which `text` takes at most two lines, broken between words
    (`name_lines`): its width on one line when it has a single word."""
    words = " ".join(text[:2000].split()).split(" ")
    best = text_width(" ".join(words), size_mm, bold)
    for cut in range(1, len(words)):
        first, rest = " ".join(words[:cut]), " ".join(words[cut:])
        best = min(best, max(text_width(first, size_mm, bold), text_width(rest, size_mm, bold)))
    return best


def elided(text: str, size_mm: float, max_mm: float, *, bold: bool = False, italic: bool = False) -> str:
    """`text` on one line no wider than `max_mm`, cut with "…" if it is longer: a chart's text,
    however long, never widens the drawing (and with it shrinks the whole chart to fit)."""
    # one line, as shown (an override as its escape: cut as written, Qt's elidedText kept the
    # overrides of the part it left out, each then shown as six letters after the "…")
    text = shown_text(" ".join(text[:2000].split()))
    if text_width(text, size_mm, bold, italic) <= max_mm:
        return text
    metrics = QFontMetricsF(label_font(bold, italic))
    cut = metrics.elidedText(text, Qt.TextElideMode.ElideRight, max_mm * FONT_PX / size_mm)
    if "…" not in cut:
        return cut
    return bidi_isolate(cut.replace("…", "")) + "…"  # our "…" stays ours, after the chart's text


def wrap_words(
    text: str, size_mm: float, width_mm: float, *, italic: bool = False, balance: bool = True
) -> list[str]:
    """`text` in lines no wider than `width_mm`, as few as fit it and as even as they can be
    (`_balanced`): filled line by line, the caveat under a quiz's chart left its last word
    ("weak.") alone on a line of its own. A single word longer than that gets a line of its
    own, cut with "…": a chart's text (a 300-letter word in its tradition) never widens the
    drawing, which would shrink the whole chart to fit. `balance` False: filled line by line
    (a caller that keeps the first line and joins the rest on a second: balanced, the first
    line was the shorter and the rest ran past the width)."""
    lines: list[str] = []
    words = text.split()
    for word in words:
        if lines and text_width(f"{lines[-1]} {word}", size_mm, italic=italic) <= width_mm:
            lines[-1] = f"{lines[-1]} {word}"
        elif text_width(word, size_mm, italic=italic) > width_mm:
            lines.append(elided(word, size_mm, width_mm, italic=italic))
        else:
            lines.append(word)
    if (
        balance
        and 1 < len(lines)
        and len(words) <= MAX_BALANCED_WORDS
        and len(lines) == len(_fitting(lines, words))
    ):
        lines = _balanced(words, len(lines), size_mm, width_mm, italic) or lines
    return balanced_lines(lines)


MAX_BALANCED_WORDS = 120  # a longer text is filled line by line (balancing costs words² widths)


def _fitting(lines: list[str], words: list[str]) -> list[str]:
    """`lines` if they hold `words` whole (no word cut with "…"), else none."""
    return lines if " ".join(lines).split() == words else []


def _balanced(words: list[str], count: int, size_mm: float, width_mm: float, italic: bool) -> list[str]:
    """`words` in exactly `count` lines no wider than `width_mm` whose widths' squares sum
    least: the lines as even as they can be, no short word left alone on the last when a
    better break exists (the greedy filling's `count` lines exist, so one is found)."""
    n = len(words)
    # a line's width as its words' and spaces' (measured once each, not every run of words:
    # 20 ms a caveat); the lines found are measured whole, and kept only if they fit
    space = text_width(" ", size_mm, italic=italic)
    starts = [0.0]
    for word in words:
        starts.append(starts[-1] + text_width(word, size_mm, italic=italic) + space)

    def width(i: int, j: int) -> float:
        return starts[j] - starts[i] - space

    inf = float("inf")
    # cost[k][j]: the least sum for the first j words in k lines; back[k][j]: where line k starts
    cost = [[inf] * (n + 1) for _ in range(count + 1)]
    back = [[0] * (n + 1) for _ in range(count + 1)]
    cost[0][0] = 0.0
    for k in range(1, count + 1):
        for j in range(k, n - (count - k) + 1):
            for i in range(j - 1, k - 2, -1):
                if cost[k - 1][i] == inf:
                    continue
                w = width(i, j)
                if w > width_mm:
                    break  # (longer still as its start moves back)
                if cost[k - 1][i] + w * w < cost[k][j]:
                    cost[k][j], back[k][j] = cost[k - 1][i] + w * w, i
    if cost[count][n] == inf:
        return []
    lines, j = [], n
    for k in range(count, 0, -1):
        i = back[k][j]
        lines.append(" ".join(words[i:j]))
        j = i
    lines.reverse()
    return lines if all(text_width(line, size_mm, italic=italic) <= width_mm for line in lines) else []


class ColumnText(QGraphicsSimpleTextItem):
    """A label's text whose lines are set flush right (`flush_right`: in a column left of the
    foot, each line ends by its leader) or, as Qt sets them, flush left."""

    flush_right = False

    def paint(self, painter, option, widget=None) -> None:  # noqa: D102 (Qt's)
        if not self.flush_right or "\n" not in self.text():
            super().paint(painter, option, widget)
            return
        painter.setFont(self.font())
        painter.setPen(QPen(self.brush(), 0))
        flags = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop
        painter.drawText(self.boundingRect(), int(flags), self.text())


def _ink_height(line: str) -> float:
    top, bottom = _ink(line)
    return bottom - top


def _ink(line: str) -> tuple[float, float]:
    """(top, bottom) in px at FONT_PX of the ink of one line as laid out, from the top of the
    line, with the fallback fonts that draw its letters."""
    if not _followed:
        _follow_font()
    return _ink_in(shown_text(line))


@lru_cache(maxsize=4096)
def _ink_in(line: str) -> tuple[float, float]:
    """(`_ink`, measured)"""
    layout = QTextLayout(line, label_font())
    layout.beginLayout()
    layout.createLine()
    layout.endLayout()
    ink = QRectF()
    for run in layout.glyphRuns():
        raw = run.rawFont()
        for glyph, at in zip(run.glyphIndexes(), run.positions(), strict=False):
            ink = ink.united(raw.boundingRect(glyph).translated(at))
    return (ink.top(), ink.bottom()) if not ink.isNull() else (0.0, 0.0)


def _advance(text: str, bold: bool, italic: bool = False) -> float:
    """Width in px at FONT_PX; layout asks for the same labels many times while placing columns."""
    if not _followed:
        _follow_font()
    return _advance_in(shown_text(text), bold, italic)  # as text_item draws it


@lru_cache(maxsize=8192)
def _advance_in(text: str, bold: bool, italic: bool = False) -> float:
    """(`_advance`, measured)"""
    return QFontMetricsF(label_font(bold, italic)).horizontalAdvance(text)
