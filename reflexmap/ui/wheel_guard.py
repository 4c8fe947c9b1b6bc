"""The mouse wheel over a form that scrolls scrolls the form. A closed combo box or a spin box
that the pointer passes over while the form scrolls would otherwise take the wheel and change
its value unasked (seen: scrolling the Zone texts panel down to Sources turned Region from
Spine to Limbs, three edits on the undo stack and the zone recoloured). Such a field now takes
the wheel only once it has the keyboard focus (clicked or tabbed to); until then the wheel
goes on to the form around it."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QAbstractScrollArea, QAbstractSpinBox, QApplication, QComboBox, QWidget

_VALUE_FIELDS = (QComboBox, QAbstractSpinBox)


class _WheelGuard(QObject):
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if event.type() != QEvent.Type.Wheel or not isinstance(watched, QWidget) or watched.hasFocus():
            return False
        area = watched.parentWidget()
        while area is not None and not isinstance(area, QAbstractScrollArea):
            area = area.parentWidget()
        if area is None:
            event.ignore()  # not for this field: Qt hands an ignored wheel to the parent
        else:  # the form scrolls, once (the event is accepted here, so it goes no further)
            QApplication.sendEvent(area.viewport(), event)
            event.accept()
        return True


_GUARD: _WheelGuard | None = None


def scroll_past_fields(form: QWidget) -> None:
    """Let the wheel scroll `form` past its combo and spin boxes (those inside it now)."""
    global _GUARD
    if _GUARD is None:
        _GUARD = _WheelGuard()
    for field in form.findChildren(QWidget):
        if isinstance(field, _VALUE_FIELDS):
            field.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # a wheel turn does not focus it
            field.installEventFilter(_GUARD)
