"""Every dialog at German + Largest text on a 1024×768 screen shows all of its fields and
buttons across its width (S19-2: Chart properties ran past its right edge, its fields, the
"Zonennamen" box and the sources' buttons cut, with no scroll bar to reach them)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractScrollArea,
    QApplication,
    QComboBox,
    QLabel,
    QLineEdit,
    QWidget,
)

LAPTOP = QRect(0, 27, 1024, 741)  # a 1024×768 screen under a 27-pixel top panel
SHOWN = (QLabel, QAbstractButton, QLineEdit, QComboBox, QAbstractScrollArea)

OPENERS = {
    "about": lambda w: w.about_action.trigger(),
    "shortcuts": lambda w: w.shortcuts_action.trigger(),
    "statistics": lambda w: w.statistics_action.trigger(),
    "handout": lambda w: w.handout_action.trigger(),
    "new_quiz": lambda w: w.new_quiz_action.trigger(),
    "profile": lambda w: w.profile_action.trigger(),
    "new_chart": lambda w: w.new_chart_action.trigger(),
    "chart_properties": lambda w: w.chart_properties_action.trigger(),
}


def _shown(main) -> list[QWidget]:
    return [w for w in QApplication.topLevelWidgets() if w.isVisible() and w.isWindow() and w is not main]


def _clip(widget: QWidget, dialog: QWidget) -> QWidget:
    """What `widget` is seen through: the viewport of the scroll area it is in, or the dialog."""
    parent = widget.parentWidget()
    while parent is not None and parent is not dialog:
        area = parent.parentWidget()
        if isinstance(area, QAbstractScrollArea) and parent is area.viewport():
            return parent
        parent = parent.parentWidget()
    return dialog


def cut_across(dialog: QWidget) -> list[str]:
    """Fields, labels and buttons that run past the right edge of what they are seen through,
    where no scroll bar reaches them."""
    cut = []
    for child in dialog.findChildren(QWidget):
        if not isinstance(child, SHOWN) or not child.isVisibleTo(dialog):
            continue
        if isinstance(child.parentWidget(), QComboBox | QAbstractItemView) or child.inherits("QScrollBar"):
            continue  # a box's own parts
        clip = _clip(child, dialog)
        area = clip.parentWidget() if clip is not dialog else None
        if area is not None and area.horizontalScrollBar().isVisible():
            continue  # reached by scrolling
        right = child.mapTo(clip, child.rect().topRight()).x()
        if right > clip.width() + 1:
            name = child.text() if hasattr(child, "text") and callable(child.text) else child.objectName()
            cut.append(f"{type(child).__name__} {name!r}: right edge {right} of {clip.width()}")
    return cut


@pytest.mark.parametrize("opener", sorted(OPENERS))
def test_each_dialog_at_largest_german_on_1024_by_768_shows_all_it_holds_across(
    qtbot, make_window, monkeypatch, opener
):
    screen = QApplication.primaryScreen()
    monkeypatch.setattr(type(screen), "availableGeometry", lambda self: QRect(LAPTOP))
    window = make_window()
    window.text_size_actions[1.5].trigger()  # Settings → Text size → Largest
    window = window.set_language("de")
    qtbot.addWidget(window)
    window.resize(1000, 700)
    window.move(10, 40)
    window.show()
    qtbot.waitExposed(window)
    OPENERS[opener](window)
    qtbot.waitUntil(lambda: bool(_shown(window)), timeout=10000)
    qtbot.wait(80)
    for shown in _shown(window):
        assert shown.width() <= LAPTOP.width(), (opener, shown.width())
        assert cut_across(shown) == [], opener
        shown.close()
    if window.editor is not None and window.editor.active:
        window.editor.saving.discard()
