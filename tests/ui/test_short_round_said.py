"""A round shorter than the length chosen says why (tryout S23-3: a round of one question
began without a word): the choices leave only so many zones of the chart."""

from __future__ import annotations

import pytest

from .test_quiz_student import setup_by_mouse


def test_a_round_of_one_zone_says_why_it_is_short(qtbot, make_window):
    window = make_window()
    window.quiz.advance_after_right_ms = 60_000
    setup_by_mouse(qtbot, window, kinds={"find"}, feet={"left"}, zones={"sciatic-nerve"}, length=10)
    assert window.quiz.session.planned == 1
    said = window.statusBar().currentMessage()
    assert "This round asks 1 question, not 10:" in said, said
    assert "1 zone of this chart matches" in said, said
    window.quiz.stop()


def test_a_round_of_the_length_chosen_says_nothing_of_it(qtbot, make_window):
    window = make_window()
    window.quiz.advance_after_right_ms = 60_000
    setup_by_mouse(
        qtbot, window, kinds={"find"}, feet={"left"}, zones={"sciatic-nerve", "heart", "sacrum"}, length=3
    )
    assert window.quiz.session.planned == 3
    assert "This round asks" not in window.statusBar().currentMessage()
    window.quiz.stop()


def test_the_reason_in_german(qtbot, make_window):
    window = make_window().set_language("de")
    qtbot.addWidget(window)
    window.quiz.advance_after_right_ms = 60_000
    setup_by_mouse(
        qtbot, window, kinds={"find", "name"}, feet={"left"}, zones={"sciatic-nerve", "heart"}, length=10
    )
    assert window.quiz.session.planned == 4
    said = window.statusBar().currentMessage()
    assert "Diese Runde stellt 4 Fragen, nicht 10:" in said, said
    assert "2 Zonen dieser Karte" in said, said
    window.quiz.stop()


def _matching(dialog) -> str:
    from PySide6.QtWidgets import QLabel

    return dialog.findChild(QLabel, "quiz-setup-matching").text()


def test_the_new_quiz_dialog_counts_what_the_choices_leave_as_they_are_made(qtbot, make_window):
    """New quiz…: a line beside Start says how many zones the choices leave and how many
    questions the round asks, as boxes are ticked (before: a zone that the views chosen do not
    draw was told only at Start, "No zone of this chart matches these choices")."""
    from PySide6.QtCore import QPoint, Qt

    from .test_quiz_student import click, visible_dialog

    window = make_window()
    window.new_quiz_action.trigger()
    dialog = visible_dialog(window, "quiz-setup")
    for key, box in dialog.aspects.items():  # the soles only
        if box.isChecked() != (key == "plantar"):
            click(qtbot, box)
    for kind, box in dialog.kinds.items():  # "find it" only
        if box.isChecked() != (kind == "find"):
            click(qtbot, box)

    def tick(zone_id: str) -> None:
        item = next(
            dialog.custom.item(i)
            for i in range(dialog.custom.count())
            if dialog.custom.item(i).data(Qt.ItemDataRole.UserRole) == zone_id
        )
        dialog.custom.scrollToItem(item)
        rect = dialog.custom.visualItemRect(item)
        box = QPoint(rect.left() + rect.height() // 2, rect.center().y())  # the item's check box
        qtbot.mouseClick(dialog.custom.viewport(), Qt.MouseButton.LeftButton, pos=box)

    tick("arm")  # drawn on the outer side only
    qtbot.waitUntil(lambda: _matching(dialog) == "No zone of this chart matches these choices.")
    tick("sciatic-nerve")
    qtbot.waitUntil(lambda: _matching(dialog) == "1 zone matches: the round asks 1 question.")
    dialog.length.lineEdit().selectAll()
    qtbot.keyClicks(dialog.length.lineEdit(), "1")
    tick("heart")
    qtbot.waitUntil(lambda: _matching(dialog) == "2 zones match: the round asks 1 question.")
    dialog.reject()


@pytest.mark.parametrize("language", ["en", "de"])
def test_a_row_left_with_nothing_ticked_says_what_the_round_asks(qtbot, make_window, language):
    """Every foot, view, body region or question type unticked: the line beside Start says the
    round asks all of them (or "Find it on the foot"), not only the count as if the boxes were
    ticked (tryout: both feet unticked still said "40 zones match", and Start was on)."""
    from .test_quiz_student import click, visible_dialog

    window = make_window() if language == "en" else make_window().set_language("de")
    qtbot.addWidget(window)
    window.new_quiz_action.trigger()
    dialog = visible_dialog(window, "quiz-setup")
    before = _matching(dialog)
    said = {
        "en": (
            "No foot ticked: every foot is asked.",
            "No view ticked: every view is asked.",
            "No body region ticked: every region is asked.",
            "No question type ticked: the round asks “Find it on the foot”.",
        ),
        "de": (
            "Kein Fuß angekreuzt: Jeder Fuß wird abgefragt.",
            "Keine Ansicht angekreuzt: Jede Ansicht wird abgefragt.",
            "Keine Körperregion angekreuzt: Jede Region wird abgefragt.",
            "Keine Frageart angekreuzt: Die Runde fragt „Am Fuß finden“.",
        ),
    }[language]
    for boxes, sentence in zip(
        (dialog.feet, dialog.aspects, dialog.regions, dialog.kinds), said, strict=True
    ):
        for box in boxes.values():
            if box.isChecked() and box.isEnabled():
                click(qtbot, box)
        qtbot.waitUntil(lambda sentence=sentence: sentence in _matching(dialog))
    assert _matching(dialog) != before
    for box in dialog.feet.values():
        click(qtbot, box)
    qtbot.waitUntil(lambda: said[0] not in _matching(dialog))
    dialog.reject()
