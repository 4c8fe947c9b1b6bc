# ruff: noqa: F811 (the chart fixture comes from test_editor)
"""S19-1: at German Largest text on a 1024×768 screen, OK in Chart properties refused with
a reason no one saw ("… braucht einen Titel", below the sources, scrolled away) and the title
field to fill was out of view too: OK seemed to do nothing. The reason is said above OK and
the field is scrolled into view, for the first zone of a new chart as for any source."""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QApplication, QDialog, QDialogButtonBox, QWidget

from reflexmap.atlas import load_atlas

from .conftest import click_mm
from .test_editor import chart  # noqa: F401 (fixture)

LAPTOP = QRect(0, 27, 1024, 741)


def seen(widget: QWidget, dialog: QWidget) -> bool:
    """`widget` is wholly in view: inside the dialog and any scroll area's viewport it is in."""
    if not widget.isVisibleTo(dialog):
        return False
    clip: QWidget = dialog
    parent = widget.parentWidget()
    while parent is not None and parent is not dialog:
        if parent.objectName() == "qt_scrollarea_viewport":
            clip = parent
            break
        parent = parent.parentWidget()
    top_left = widget.mapTo(clip, widget.rect().topLeft())
    return clip.rect().contains(QRect(top_left, widget.size()))


def german_largest_laptop(qtbot, make_window, monkeypatch, path):
    screen = QApplication.primaryScreen()
    monkeypatch.setattr(type(screen), "availableGeometry", lambda self: QRect(LAPTOP))
    window = make_window(load_atlas(path))
    window.text_size_actions[1.5].trigger()  # Settings → Text size → Largest
    window = window.set_language("de")
    qtbot.addWidget(window)
    window.resize(1000, 700)
    window.move(10, 40)
    window.show()
    qtbot.waitExposed(window)
    return window


def test_a_new_charts_first_source_shows_its_title_field_and_why_ok_refused(
    qtbot, make_window, monkeypatch, chart
):
    window = german_largest_laptop(qtbot, make_window, monkeypatch, chart)
    window.new_chart_action.trigger()  # Datei → Neue Karte…
    new = next(w for w in QApplication.topLevelWidgets() if w.objectName() == "new-chart" and w.isVisible())
    qtbot.keyClicks(new.tradition, "Test")
    new.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()
    qtbot.waitUntil(lambda: window.editor.active, timeout=5000)
    window.draw_action.trigger()  # Ctrl+Umschalt+N
    for point in ((-15, 60), (5, 60), (5, 72)):
        click_mm(qtbot, window, "plantar-left", *point)
    qtbot.keyClick(window.map, Qt.Key.Key_Return)
    dialog = next(d for d in window.findChildren(QDialog, "chart-properties") if d.isVisible())
    qtbot.wait(50)
    title = dialog.sources.fields[("title", None)]
    assert seen(title, dialog)  # the field to type in, scrolled to
    ok = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
    dialog.body.verticalScrollBar().setValue(0)  # the person scrolled up to look at the chart's texts
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    message = dialog.sources.message
    assert "braucht einen Titel" in message.text()
    assert seen(message, dialog) and seen(ok, dialog)
    assert seen(title, dialog)  # scrolled back to the field the reason names
    dialog.reject()
    window.editor.saving.discard()
