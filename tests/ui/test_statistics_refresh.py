# ruff: noqa: F811 (the editing fixtures come from test_editor)
"""An open Statistics window is made afresh only when what it shows changes: the chart's
zones (their ids, names, regions, views), its title, or the review log (a round's answers).
It was closed and opened again after every edit while it was open: each arrow key, each
step of a drag, each burst of typing in the zone's form rebuilt its plots. Several changes
in one turn of the event loop make it afresh once."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QLabel

from .test_editor import chart, drag, editing  # noqa: F401 (fixtures)
from .test_editor_form import type_lines
from .test_statistics_window import answer_round


def shown_statistics(window) -> list[QDialog]:
    return [d for d in window.findChildren(QDialog, "statistics") if d.isVisible()]


def test_edits_of_shapes_and_texts_leave_the_statistics_window_as_it_was(qtbot, editing):
    window = editing
    window.statistics_action.trigger()
    [stats] = shown_statistics(window)
    built = window.quizzing.statistics_built
    window.activateWindow()  # back to the chart, the Statistics window beside it
    qtbot.waitUntil(window.isActiveWindow)
    for _ in range(4):
        qtbot.keyClick(window.map, Qt.Key.Key_Right)  # nudges: each one an edit
    drag(qtbot, window, "plantar-left", (20, 30), (15, 36))  # a vertex dragged
    type_lines(qtbot, window.editor.form.fields[("technique", None)], "Press firmly", "then hold")
    name = window.editor.form.fields[("name", None)]
    name.setFocus()  # the technique field left: the typing made one change
    assert window.state.atlas.zone("heel").technique == "Press firmly\nthen hold"
    assert window.editor.session.stack.count() == 3
    qtbot.wait(50)  # (a zero timer would have rebuilt it by now)
    assert shown_statistics(window) == [stats]
    assert window.quizzing.statistics_built == built

    place = stats.geometry()
    name.selectAll()  # a name: the window shows names
    qtbot.keyClicks(name, "Heel pad")
    qtbot.keyClick(name, Qt.Key.Key_Return)
    assert window.state.atlas.zone("heel").name == "Heel pad"
    qtbot.waitUntil(lambda: window.quizzing.statistics_built == built + 1, timeout=3000)
    [again] = shown_statistics(window)
    assert again is not stats and again.geometry() == place
    qtbot.wait(50)
    assert window.quizzing.statistics_built == built + 1  # once
    again.close()
    window.editor.saving.discard()


def test_a_round_answered_while_the_statistics_window_is_open_shows_in_it(qtbot, make_window, tmp_path: Path):
    window = make_window(progress_path=tmp_path / "progress.json")
    window.statistics_action.trigger()
    [stats] = shown_statistics(window)
    assert stats.findChild(QLabel, "statistics-summary").text().startswith("0 reviews in all")
    answer_round(qtbot, window, ["neck", "heart"])
    qtbot.waitUntil(lambda: shown_statistics(window) != [stats], timeout=3000)
    [again] = shown_statistics(window)
    assert again.findChild(QLabel, "statistics-summary").text().startswith("2 reviews in all")
    again.close()
