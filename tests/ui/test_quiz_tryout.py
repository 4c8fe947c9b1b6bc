"""What a demanding student met when playing the quiz on a real window: choices too long for
one line, and the map squeezed beside them."""

from __future__ import annotations

from .test_quiz_student import click, setup_by_mouse, visible_dialog


def test_long_choices_wrap_in_full_and_leave_the_map_its_room(qtbot, make_window):
    """Techniques run to 180 characters (German to 165). Each choice shows its whole text on
    as many lines as it needs, inside its button, and the quiz panel stays about as wide as
    the zone card was: the map keeps most of the window (on the real 1440-pixel window a
    technique round left the feet 370 pixels wide)."""
    window = make_window()
    window.resize(1440, 900)
    qtbot.wait(20)
    map_before = window.map.viewport().width()
    window.quiz.advance_after_right_ms = 60_000
    zones = {z.id for z in window.state.atlas.zones if len(z.technique) > 150}
    assert zones, "the built-in chart has techniques longer than 150 characters"
    setup_by_mouse(qtbot, window, kinds={"technique"}, feet={"left", "right"}, zones=zones, length=2)
    qtbot.wait(20)
    panel = window.quiz_panel
    question = window.quiz.session.current
    assert window.map.viewport().width() >= 0.85 * map_before, (map_before, window.map.viewport().width())
    assert window.size().toTuple() == (1440, 900), "the window grew to make room for the choices"
    for button, choice in zip(panel.buttons, question.choices, strict=False):
        assert choice in button.text() and "…" not in button.text()
        assert button.width() <= panel.width()
        needed = button.heightForWidth(button.width())
        assert button.height() >= needed, "the choice's text is cut off"
    # answered by a click on the right choice: marked ✔, still in full
    click(qtbot, panel.buttons[question.answer])
    assert panel.buttons[question.answer].text().startswith("✔ ")
    assert question.choices[question.answer] in panel.buttons[question.answer].text()
    click(qtbot, panel.next_button)
    while visible_dialog(window, "quiz-summary") is None:
        click(qtbot, panel.buttons[window.quiz.session.current.answer])
        click(qtbot, panel.next_button)
    visible_dialog(window, "quiz-summary").reject()
    qtbot.waitUntil(lambda: window.map.viewport().width() >= map_before - 2)
