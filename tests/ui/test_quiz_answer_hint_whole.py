"""S19-15: at German Largest text on a 1024×768 screen the typed-answer hint was cut to
"…oder die Antwort tippen (mit Ve…" (a field's placeholder cannot wrap): it is the field's
placeholder only while it fits there whole, and otherwise a wrapped line above the field."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QLabel

from .test_quiz_student import setup_by_mouse

WHOLE = "…oder die Antwort tippen (mit Vervollständigung)"


def hint_seen_whole(panel) -> bool:
    field = panel.answer
    margins = field.textMargins().left() + field.textMargins().right()
    placeholder = field.placeholderText()
    if placeholder:
        return placeholder == WHOLE and field.fontMetrics().horizontalAdvance(placeholder) + margins <= (
            field.width() - 4
        )
    label = panel.findChild(QLabel, "quiz-answer-hint")
    return (
        label is not None
        and label.isVisible()
        and label.text() == WHOLE
        and label.wordWrap()
        and label.height() >= label.heightForWidth(label.width())
    )


@pytest.mark.parametrize(("language", "scale", "size"), [("de", 1.5, (1000, 700)), ("en", 1.0, (1440, 900))])
def test_the_typing_hint_is_never_cut(qtbot, window_in, language, scale, size):
    window = window_in(language, size=size, text_scale=scale)
    setup_by_mouse(qtbot, window, kinds={"name"}, feet={"left"}, zones=set(), length=3)
    panel = window.quiz_panel
    qtbot.waitUntil(lambda: panel.answer.isVisible())
    qtbot.wait(50)
    if language == "en":
        assert panel.answer.placeholderText() == "…or type the answer (completion helps)"
    else:
        assert hint_seen_whole(panel), (panel.answer.placeholderText(), panel.answer.width())
