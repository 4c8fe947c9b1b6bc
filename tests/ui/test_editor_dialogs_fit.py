"""The editor's dialogs at Largest text in German on a 1440 × 900 screen: each fits the
screen with its buttons on it, and no label, button or field title is cut."""

from __future__ import annotations

from PySide6.QtCore import QRect
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QWidget,
)

from reflexmap.atlas import builtin_charts, load_atlas

from .conftest import click_zone

WESTERN = next(p for p in builtin_charts() if "ingham" in p.name)
SCREEN = QRect(0, 0, 1440, 900)


def cut_texts(widget: QWidget) -> list[str]:
    """Labels and buttons shown narrower than their text (a wrapping label may be narrow)."""
    cut = []
    for child in widget.findChildren(QWidget):
        if not child.isVisibleTo(widget) or not isinstance(child, QLabel | QAbstractButton):
            continue
        if isinstance(child, QLabel) and (child.wordWrap() or not child.text()):
            continue
        if child.width() + 1 < child.minimumSizeHint().width():
            cut.append(f"{child.text()!r}: {child.width()} px of {child.minimumSizeHint().width()}")
    return cut


def german_largest(qtbot, make_window, monkeypatch):
    screen = QApplication.primaryScreen()
    monkeypatch.setattr(type(screen), "availableGeometry", lambda self: SCREEN)
    window = make_window(load_atlas(WESTERN))
    window.text_size_actions[1.5].trigger()  # Settings → Text size → Largest
    window = window.set_language("de")
    qtbot.addWidget(window)
    window.resize(1440, 900)
    return window


def test_chart_properties_fit_a_1440_by_900_screen_at_largest_german(qtbot, make_window, monkeypatch):
    window = german_largest(qtbot, make_window, monkeypatch)
    window.edit_action.trigger()
    window.chart_properties_action.trigger()  # Bearbeiten → Karteneigenschaften…
    dialog = window.findChild(QDialog, "chart-properties")
    assert dialog is not None and dialog.isVisible()
    qtbot.wait(50)
    assert dialog.height() <= SCREEN.height() and dialog.width() <= SCREEN.width()
    buttons = dialog.findChild(QDialogButtonBox)
    assert dialog.rect().contains(buttons.geometry())
    assert cut_texts(dialog) == []
    dialog.reject()
    window.editor.saving.discard()


def test_the_zone_forms_fields_keep_room_to_write_in_at_largest_german(qtbot, make_window, monkeypatch):
    """Beside a long German label ("Behauptung (Karten verorten …):") the claim, technique
    and note were a few words wide at Largest text: each field now keeps at least 30
    characters of width (under its label where the panel is narrow), and no label is cut."""
    window = german_largest(qtbot, make_window, monkeypatch)
    window.edit_action.trigger()
    click_zone(qtbot, window, "plantar-left", "sciatic-nerve")
    form = window.editor.form
    qtbot.waitUntil(lambda: form.isVisible())
    qtbot.wait(50)
    room = 30 * form.fontMetrics().averageCharWidth()
    narrow = {key: field.width() for key, field in form.fields.items() if field.width() < room}
    assert narrow == {}
    assert cut_texts(form.widget()) == []
    window.editor.saving.discard()
