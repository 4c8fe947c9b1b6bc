"""A problem's message in the status bar of a narrow window (1024 px, German) keeps its place
in the file (file:line:column) whole when the message is shortened, and the bar's tooltip
has the whole message (before: the end was cut off, the place with it, and nothing showed
the rest)."""

from __future__ import annotations

from PySide6.QtGui import QFontMetrics

from reflexmap.i18n import _, bidi_isolate


def _message(reason: str, at_end: bool) -> str:
    place = f"{bidi_isolate('/home/therapist/Karten/meine-karte.yaml')}:412:17"
    long = "Die Zone überschneidet sich selbst und verlässt den Umriss der Fußsohle " * 3
    error = f"{long}({place}: {reason})" if at_end else f"{place}: {reason} {long}"
    return _("Could not read the chart: {error}").format(error=error)


def test_a_shortened_problem_keeps_its_place_and_the_tooltip_has_it_all(qtbot, window_in):
    window = window_in("de", (1024, 700))
    bar = window.statusBar()
    for at_end in (False, True):
        message = _message("Schlüssel „zones“ fehlt", at_end)
        bar.showMessage(message)  # as every part of the app says things in the bar
        shown = bar.currentMessage()
        assert shown != message and "…" in shown
        assert QFontMetrics(bar.font()).horizontalAdvance(shown) <= bar.width()
        assert ":412:17" in shown and "meine-karte.yaml" in shown, shown
        assert message.replace("\u2068", "").replace("\u2069", "") in bar.toolTip().replace(
            "\u2068", ""
        ).replace("\u2069", ""), bar.toolTip()
    # the editor's problem, its place in words (ui/editor/problems.py), said when the map has
    # no room for it
    long = "Die Zone überschneidet sich selbst und verlässt den Umriss der Fußsohle " * 3
    problem = _("line {line}, column {column}: {message}").format(line=412, column=17, message=long)
    message = _("Problem (marked “!” on the map): {message}").format(message=long + problem)
    bar.showMessage(message)
    shown = bar.currentMessage()
    assert (
        "…" in shown
        and _("line {line}, column {column}: {message}").format(line=412, column=17, message="").rstrip(": ")
        in shown
    ), shown
    assert QFontMetrics(bar.font()).horizontalAdvance(shown) <= bar.width()
    bar.showMessage("Gespeichert")  # a message that fits has no tooltip
    assert bar.currentMessage() == "Gespeichert" and bar.toolTip() == ""


def test_the_message_ends_before_the_widgets_beside_it(qtbot, window_in):
    """Editing at 1024 px in German: the bar also shows "✔ Die Karte besteht die Prüfung";
    the message is shortened to end before it, the whole in the tooltip (before: the message
    was fitted as if the bar had only the pointer's position, and ran under that note, cut off
    mid-word: "Bearbeitungsmodus: Eckpur")."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QSizeGrip, QWidget

    window = window_in("de", (1024, 700), 1.5)
    window.edit_action.trigger()  # Bearbeiten → Zonen bearbeiten
    qtbot.wait(50)
    bar = window.statusBar()
    shown = bar.currentMessage()
    assert shown.startswith("Bearbeitungsmodus"), shown
    beside = [
        child
        for child in bar.findChildren(QWidget, options=Qt.FindChildOption.FindDirectChildrenOnly)
        if child.isVisible() and not isinstance(child, QSizeGrip) and child.width() > 0
    ]
    assert len(beside) >= 2  # the pointer's position and the editor's check
    first = min(child.geometry().left() for child in beside)
    assert QFontMetrics(bar.font()).horizontalAdvance(shown) + 6 <= first, (shown, first)
    assert "…" in shown and bar.toolTip()
