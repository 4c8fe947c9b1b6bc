"""Ctrl+Z and Ctrl+Shift+Z typed in a field of the Zone texts form are the chart's Undo and
Redo, as everywhere else in edit mode. A field's own undo history knew nothing of the
chart's: after Enter it took the text back in the field while the map, the zone list and
History still showed it, and leaving the field then made the old text a new change. Now what
was typed is made one change first (the form's one undo step per field), then undone, so the
field, the map, the zone list and History agree after every key."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QKeySequence

if TYPE_CHECKING:
    from .mode import EditMode


class FieldUndo(QObject):
    """Watches the form's fields (installed on each) for the Undo and Redo keys."""

    def __init__(self, mode: EditMode):
        super().__init__(mode)
        self.mode = mode

    def watch(self, fields) -> None:
        for field in fields:
            field.installEventFilter(self)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 (Qt's name)
        if event.type() != QEvent.Type.KeyPress or not self.mode.active:
            return False
        if event.matches(QKeySequence.StandardKey.Undo):
            self.mode.undo()
            return True
        if event.matches(QKeySequence.StandardKey.Redo):
            self.mode.redo()
            return True
        return False


def typing_made(form, stack) -> bool:
    """What is typed in the form's focused field made a change (or, refused, given back the
    chart's text: the typing is undone either way); False when nothing was typed there."""
    from PySide6.QtWidgets import QApplication

    if form is None:
        return False
    field = QApplication.focusWidget()
    watched = (*form.fields.values(), form.zone_id)
    if field not in watched:
        return False
    typed, index = field.text(), stack.index()
    form.commit()
    if stack.index() != index:
        return True  # a change, on top of the stack
    form.refill()  # (a text refused, or the same once tidied: the field shows the chart's)
    return field.text() != typed
