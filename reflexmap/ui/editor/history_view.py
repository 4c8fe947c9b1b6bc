"""Edit → History's list of changes, readable at the panel's width: an entry wraps onto the
lines it needs ("Zone schrittweise verschieben: Becken und Unterkörper" ran past a 220 px panel,
cut at its edge behind a sideways scroll bar, and so did "<chart as opened>" at Largest text).
The entries are plain text, as a list view draws them; each says itself whole in its tooltip."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QListView, QToolTip, QUndoView


def history_view(stack: QUndoStack, empty_label: str) -> QUndoView:
    """The list of `stack`'s changes, `empty_label` first (the chart before any change)."""
    view = QUndoView(stack)
    view.setEmptyLabel(empty_label)
    view.setWordWrap(True)  # at word boundaries, or anywhere in a word wider than the panel
    view.setUniformItemSizes(False)
    view.setResizeMode(QListView.ResizeMode.Adjust)  # wrapped again at each new width
    view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    view.setTextElideMode(Qt.TextElideMode.ElideNone)
    view.viewport().installEventFilter(_WholeInTooltip(view))
    return view


class _WholeInTooltip(QObject):
    """The entry under the pointer said whole in its tooltip (QUndoView's model has none)."""

    def __init__(self, view: QUndoView):
        super().__init__(view)
        self.view = view

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.ToolTip:
            index = self.view.indexAt(event.pos())
            text = index.data(Qt.ItemDataRole.DisplayRole) if index.isValid() else ""
            if text:
                QToolTip.showText(event.globalPos(), text, self.view.viewport())
            else:
                QToolTip.hideText()
            return True
        return False
