"""A list's rows one line of its own font tall, whatever their text holds.

A name in a script only a fallback font draws (Tibetan, cuneiform; on a real X display also
the control characters of an override or isolate) asks for a taller line: a list with uniform
row sizes then made every row that tall (S19-9: 26 -> 33 px, six rows shown where eight were).
The row's height is the one a plain name gets; its text is drawn in it, centred, as before."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QSize
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

PLAIN_SAMPLE = "Ag"  # a plain name's line: the list's own font, ascender and descender


class EvenRows(QStyledItemDelegate):
    """Rows of one line keep the height of a plain name's row; rows of several lines (a
    search's matches, which say where they are drawn and may wrap) are left as asked."""

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:  # noqa: N802
        hint = super().sizeHint(option, index)
        text = index.data()
        if isinstance(text, str) and "\n" not in text and "\u2028" not in text:
            plain = QStyleOptionViewItem(option)
            self.initStyleOption(plain, index)
            plain.text = PLAIN_SAMPLE
            widget = option.widget
            style = widget.style() if widget is not None else None
            if style is not None:
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
