"""Choice questions on a chart with fewer than four different answers: a question whose
answer would be the only choice is not asked (New quiz… greys its kind and says why), and
the key hint names the keys there are ("Press 1 or 2", "Press 1–3"), not "1–4"."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QLabel

from reflexmap.atlas.loader import builtin_chart_path, load_atlas
from reflexmap.quiz.cards import QuizOptions, cards_for

from .test_quiz_student import click, visible_dialog


def chart(tmp_path, count: int):
    """The built-in alternative chart's header with `count` zones of their own texts."""
    text = builtin_chart_path("alternative-placements.yaml").read_text(encoding="utf-8")
    head = text[: text.index("\nzones:\n")] + "\nzones:\n"
    zones = "".join(
        f"""  - id: zone-{i}
    name: "Zone {i}"
    region: nerve
    tradition: "Test"
    claim: "thing {i}"
    technique: "Press {i}."
    sources: [koukouan-62a]
    confidence: sourced
    shapes:
      medial-left: [[{60 + 25 * i}, 20], [{78 + 25 * i}, 20], [{78 + 25 * i}, 40], [{60 + 25 * i}, 40]]
      medial-right: mirror
"""
        for i in range(count)
    )
    path = tmp_path / f"zones-{count}.yaml"
    path.write_text(head + zones, encoding="utf-8")
    return load_atlas(path)


def test_one_zone_chart_asks_no_choice_question(qtbot, make_window, tmp_path):
    window = make_window(chart(tmp_path, 1))
    window.new_quiz_action.trigger()
    dialog = visible_dialog(window, "quiz-setup")
    for kind in ("name", "technique", "claim"):
        box = dialog.kinds[kind]
        assert not box.isEnabled() and not box.isChecked(), kind
        click(qtbot, box)  # a click on a greyed box does nothing
        assert not box.isChecked()
    note = dialog.findChild(QLabel, "single-answer-note")
    assert note is not None and note.isVisible()
    assert "only one answer" in note.text() and "only one answer" in dialog.kinds["claim"].toolTip()
    assert dialog.kinds["find"].isEnabled()
    click(qtbot, dialog.buttons.button(dialog.buttons.StandardButton.Ok))
    assert window.quiz.active and window.quiz.session.current.kind == "find"
    window.quiz.stop()
    # nor through a round that names the kinds itself (review mistakes, an old setting)
    kinds = ("find", "name", "technique", "claim")
    assert {c.kind for c in cards_for(window.state.atlas, QuizOptions(kinds=kinds))} == {"find"}


@pytest.mark.parametrize(
    ("count", "language", "hint"),
    [
        (2, "en", "Press 1 or 2,"),
        (3, "en", "Press 1–3,"),
        (2, "de", "Drücken Sie 1 oder 2"),
        (3, "de", "Drücken Sie 1–3"),
        (5, "en", "Press 1–4,"),
    ],
)
def test_the_key_hint_names_the_keys_there_are(qtbot, make_window, tmp_path, count, language, hint):
    window = make_window(chart(tmp_path, count))
    if language != "en":
        window = window.set_language(language)
        qtbot.addWidget(window)  # (closed after the test, as the first window is)
    window.new_quiz_action.trigger()
    dialog = visible_dialog(window, "quiz-setup")
    assert dialog.findChild(QLabel, "single-answer-note") is None
    for key, box in dialog.kinds.items():
        assert box.isEnabled()
        if box.isChecked() != (key == "claim"):
            click(qtbot, box)
    click(qtbot, dialog.buttons.button(dialog.buttons.StandardButton.Ok))
    question = window.quiz.session.current
    assert question.kind == "claim" and len(question.choices) == min(count, 4)
    shown = window.quiz_panel.findChildren(QLabel)
    assert any(hint in label.text() for label in shown if label.isVisible()), [x.text() for x in shown]
    assert not any("1–4" in label.text() for label in shown if label.isVisible()) or count > 4
    window.quiz.stop()
