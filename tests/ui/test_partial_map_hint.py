"""The map says so when it shows only part of the chart by itself (S14 left: "the map pans at
Largest with no hint"). German at Largest text on a 1024×768 screen's window: the map shows
the chart at a legible size, the right foot out of sight, and it has no scroll bars; a note
at its bottom says that it pans and how to see the chart whole. Zooming out (the key the note
names) takes it away and shows the whole chart; at Normal text it never shows."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QKeySequence

SIZE = (922, 690)  # a 1024×768 screen's window without a window manager


def _whole_chart_shown(window) -> bool:
    view = window.map
    shown = view.mapToScene(view.viewport().rect()).boundingRect()
    return shown.contains(view.chart.chart_rect.adjusted(1, 1, -1, -1))


def test_note_while_part_of_the_chart_is_shown(window_in, qtbot):
    window = window_in("de", size=SIZE, text_scale=1.5)  # Settings → Text size → Largest
    hint = window.map.partial_hint
    assert not _whole_chart_shown(window)
    assert hint.isVisible()
    assert hint.textFormat() == Qt.TextFormat.PlainText
    assert "Teil der Karte" in hint.text()  # in the window's language
    keys = QKeySequence(QKeySequence.StandardKey.ZoomOut).toString(QKeySequence.SequenceFormat.NativeText)
    assert keys in hint.text()
    viewport = window.map.viewport().rect()
    assert viewport.contains(hint.geometry())  # whole, within the map
    # the note does not take the map's clicks and drags
    assert hint.testAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
    for _ in range(6):  # zoom out, by the key the note names
        qtbot.keyClick(window.map, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    qtbot.wait(50)
    assert _whole_chart_shown(window)
    assert not hint.isVisible()
    window.actions_by_name["fit"].trigger()  # View → Fit to window: part of it again, with the note
    qtbot.wait(50)
    assert hint.isVisible() == (not _whole_chart_shown(window))
    assert hint.isVisible()
    # a drag on the map pans it; the note has said what it had to
    viewport = window.map.viewport()
    start = viewport.rect().center()
    qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, pos=start)
    for step in range(1, 6):
        qtbot.mouseMove(viewport, start - QPoint(40 * step, 0))
    qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, pos=start - QPoint(200, 0))
    assert not hint.isVisible()


def test_no_note_when_the_whole_chart_is_shown(window_in, qtbot):
    for language, size, scale in (("de", SIZE, None), ("en", (1440, 900), 1.5)):
        window = window_in(language, size=size, text_scale=scale)
        assert _whole_chart_shown(window)
        assert not window.map.partial_hint.isVisible()
