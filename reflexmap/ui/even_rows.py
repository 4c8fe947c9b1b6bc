"""A list's rows one line of its own font tall, whatever their text holds.

A name in a script only a fallback font draws (Tibetan, cuneiform; on a real X display also
the control characters of an override or isolate) asks for a taller line: a list with uniform
row sizes then made every row that tall (S19-9: 26 -> 33 px, six rows shown where eight were).
The row's height is the one a plain name gets; its text is drawn in it, centred, as before."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QSize
from PySide6.QtWidgets import QStyledItemDelegate, QStyleOptionViewItem

PLAIN_SAMPLE = "Ag"  # a plain name's line: the list's own font, ascender and descender
LATIN_END = 0x0250  # Basic Latin to Latin Extended-B: no fallback font, no taller line


class EvenRows(QStyledItemDelegate):
    """Rows of one line keep the height of a plain name's row; rows of several lines (a
    search's matches, which say where they are drawn and may wrap) are left as asked."""

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:  # noqa: N802
        hint = super().sizeHint(option, index)
        text = index.data()
        if isinstance(text, str) and "\n" not in text and "\u2028" not in text:
            plain = QStyleOptionViewItem(option)
            self.initStyleOption(plain, index)
            if _own_font_draws(plain, text):
                return hint  # a plain name's row already: no need to ask the style
            plain.text = PLAIN_SAMPLE
            widget = option.widget
            style = widget.style() if widget is not None else None
            if style is not None:
                from PySide6.QtWidgets import QStyle  # only here: its enum classes cost a start

                one_line = style.sizeFromContents(
                    QStyle.ContentsType.CT_ItemViewItem, plain, QSize(), widget
                ).height()
                if hint.height() > one_line and not self._wraps(option, plain, text):
                    hint.setHeight(one_line)
        return hint

    @staticmethod
    def _wraps(option: QStyleOptionViewItem, plain: QStyleOptionViewItem, text: str) -> bool:
        """Whether `text` takes more than one line in the row's width (the plain font's)."""
        width = option.rect.width() if option.rect.width() > 0 else 0
        if not width or not plain.features & QStyleOptionViewItem.ViewItemFeature.WrapText:
            return False
        return plain.fontMetrics.horizontalAdvance(text) > width


def _own_font_draws(plain: QStyleOptionViewItem, text: str) -> bool:
    """Whether `text` is Latin script the row's own font draws, every glyph its own: then its
    line is a plain name's line and the row's size needs no second asking. The font's own
    answer alone is not enough (offscreen, a font reports Tibetan as its own and the line is
    taller), so only Latin letters (below U+0250) pass. The built-in charts' rows all pass at a
    start, so the style object (whose Python class PySide6 builds with its 566 enum values,
    about 45 M instructions) is not needed before the first paint."""
    metrics = plain.fontMetrics
    return all(ord(ch) < LATIN_END and metrics.inFontUcs4(ord(ch)) for ch in text)
