# ruff: noqa: F811 (the editing fixtures come from test_editor)
"""The wheel over a form that scrolls scrolls it, and changes no field it passes over (tryout
S13-1: scrolling the Zone texts panel down to Sources turned Region Spine → … → Limbs, three
"Edit Region" steps in the History and the zone recoloured). A field clicked first still takes
the wheel, as everywhere in Qt."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication, QDialog, QScrollArea, QSpinBox

from .test_editor import chart, editing  # noqa: F401 (fixtures)

NOTCH = 120


def wheel_down(widget, notches: int = 1) -> None:
    """A wheel turned toward the user over the middle of `widget`, delivered as the platform does."""
    where = QPointF(widget.width() / 2, widget.height() / 2)
    for _ in range(notches):
        event = QWheelEvent(
            where,
            QPointF(widget.mapToGlobal(where.toPoint())),
            QPoint(),
            QPoint(0, -NOTCH),
            Qt.MouseButton.NoButton,
            Qt.KeyboardModifier.NoModifier,
            Qt.ScrollPhase.NoScrollPhase,
            False,
        )
        QApplication.sendEvent(widget, event)


def test_the_wheel_over_the_region_box_scrolls_the_zone_texts_and_leaves_the_region(qtbot, editing):
    window = editing
    form = window.findChild(QScrollArea, "zone-form")
    window.resize(window.width(), 500)  # the form is taller than its panel: it scrolls
    qtbot.waitUntil(lambda: form.isVisible() and form.verticalScrollBar().maximum() > 0, timeout=3000)
    region = form.region
    before = (
        region.currentData(),
        window.editor.session.stack.count(),
        window.state.atlas.zone("heel").region,
    )
    bar = form.verticalScrollBar()
    bar.setValue(0)
    form.ensureWidgetVisible(region)
    scrolled_from = bar.value()
    wheel_down(region, 3)
    assert (
        region.currentData(),
        window.editor.session.stack.count(),
        window.state.atlas.zone("heel").region,
    ) == before
    assert bar.value() > scrolled_from, (bar.maximum(), scrolled_from)  # the wheel went on to the form


def test_a_region_box_clicked_first_still_takes_the_wheel(qtbot, editing):
    window = editing
    form = window.findChild(QScrollArea, "zone-form")
    region = form.region
    form.ensureWidgetVisible(region)
    region.setFocus(Qt.FocusReason.MouseFocusReason)
    qtbot.waitUntil(region.hasFocus, timeout=3000)
    before = region.currentIndex()
    wheel_down(region)
    assert region.currentIndex() != before


def test_the_wheel_over_the_quiz_setup_changes_none_of_its_numbers(qtbot, window):
    window.new_quiz_action.trigger()
    setup = window.findChild(QDialog, "quiz-setup")
    qtbot.waitUntil(lambda: setup is not None and setup.isVisible(), timeout=3000)
    fields = setup.findChildren(QSpinBox)
    assert len(fields) >= 3  # questions, seconds, desired retention
    for field in fields:
        field.clearFocus()
        value = field.value()
        wheel_down(field, 2)
        assert field.value() == value, field.objectName()
    setup.reject()
