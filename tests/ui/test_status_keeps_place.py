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


def test_a_message_takes_the_room_the_widgets_beside_it_leave(qtbot, make_window, tmp_path):
    """A zone drawn by clicks on a new chart, editing at 1024 px in German at Largest text:
    the bar says the new zone's name and claim in all the room left of the editor's check
    (before: room was kept for the pointer's place while it showed nothing, and the bar said
    "Neue Zone 1: Karten …" with about 470 px empty beside it). With the pointer over a foot
    its place is shown and the message ends before it; off the feet, the message has its
    room back."""
    from PySide6.QtCore import QPoint, Qt
    from PySide6.QtWidgets import QSizeGrip, QWidget

    from reflexmap.atlas import load_atlas

    from .test_editor import DATA
    from .test_editor_feet_stay import draw

    text = (DATA / "small.yaml").read_text()
    path = tmp_path / "new.yaml"
    path.write_text(text[: text.index("\nzones:")] + "\nzones: []\n")
    window = make_window(load_atlas(path)).set_language("de")  # Einstellungen → Sprache
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.resize(1024, 700)
    window.settings_menu.text_size_actions[1.5].trigger()
    qtbot.wait(50)
    window.edit_action.trigger()
    qtbot.wait(50)
    draw(qtbot, window, "plantar-left", [(10, 60), (18, 60), (18, 70), (10, 70)])
    qtbot.wait(50)
    bar, metrics = window.statusBar(), QFontMetrics(window.statusBar().font())
    zone = window.state.atlas.zone(window.state.zone_id)
    said = bar.currentMessage()  # the drawn zone's name, or (S18-2) that it names no source yet
    no_source = _("Zone drawn. It names no source yet: tick its sources in Zone texts.")
    assert said.startswith(zone.name) or said.startswith(no_source.split(".")[0]), said

    def beside() -> int:  # where the first widget beside the message begins
        shown = [
            child
            for child in bar.findChildren(QWidget, options=Qt.FindChildOption.FindDirectChildrenOnly)
            if child.isVisible() and not isinstance(child, QSizeGrip) and child.width() > 8
        ]
        return min(child.geometry().left() for child in shown)

    def room_left() -> int:
        return beside() - metrics.horizontalAdvance(bar.currentMessage())

    # a message is cut between words (S17-6): what is left is at most about a word's width
    word = 8 * metrics.horizontalAdvance("M")

    assert "…" in bar.currentMessage() and 0 < room_left() < word, (
        bar.currentMessage(),
        room_left(),
    )
    viewport = window.map.viewport()
    qtbot.mouseMove(viewport, window.map.scene_point_to_viewport("plantar-left", 5, 100))
    qtbot.wait(50)
    assert window.coordinates.text()  # the pointer's place, beside the message
    assert 0 < room_left() < word, (bar.currentMessage(), room_left())
    qtbot.mouseMove(viewport, QPoint(2, 2))  # off the feet
    qtbot.wait(50)
    assert not window.coordinates.text()
    assert 0 < room_left() < word, (bar.currentMessage(), room_left())
    window.editor.saving.discard()
