"""A round shorter than the length chosen says why (tryout S23-3: a round of one question
began without a word): the choices leave only so many zones of the chart."""

from __future__ import annotations

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
