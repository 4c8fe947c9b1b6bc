"""Each setting's default is written in one place (setting_rules.RULES, or the quiz's own
QuizOptions and scheduler that the table reads): what the start message says is used is what
the window uses. Tested by changing the table's defaults and looking at the window and the New
quiz dialog (before, each caller had its own copy: the window kept showing labels and a
round of 10 whatever the table said)."""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtWidgets import QDialog, QMessageBox

from reflexmap import setting_rules
from reflexmap.quiz import QuizOptions
from reflexmap.quiz.scheduler import DEFAULT_RETENTION
from reflexmap.settings import Settings

CHANGED = {  # key -> a default other than the usual one
    "view/labels": False,
    "view/guides": False,
    "quiz/setup/length": 17,
    "quiz/setup/seconds": 45,
    "quiz/setup/timed": True,
    "quiz/setup/sudden-death": True,
    "quiz/wait-for-enter": True,
    "appearance/theme": "dark",
    "appearance/text-scale": 1.25,
}


def test_the_window_uses_the_default_the_start_message_names(qtbot, make_window, tmp_path: Path, monkeypatch):
    for key, default in CHANGED.items():
        monkeypatch.setitem(setting_rules.RULES, key, setting_rules.RULES[key]._replace(default=default))
    bad = {key: "not this" for key in CHANGED}  # each falls back to its default
    path = tmp_path / "settings.json"
    values = {**bad, "notes/first-run-seen": True}
    path.write_text(json.dumps({"format": "reflexmap-settings", "version": 1, "values": values}))
    window = make_window(settings_=Settings(path))
    qtbot.waitUntil(lambda: window.findChild(QMessageBox, "settings-warning") is not None)
    said = window.findChild(QMessageBox, "settings-warning").text()
    assert (
        '(\u2068quiz/setup/length\u2069): \u2068"not this"\u2069 is not a whole number; '
        "the default \u206817\u2069" in said
    )
    assert (
        '(\u2068view/labels\u2069): \u2068"not this"\u2069 is not true or false; the default \u2068off\u2069'
        in said
    )
    assert window.state.labels_visible is False and window.state.guides_visible is False
    from reflexmap.ui import appearance

    assert appearance.theme_choice(window.settings) == "dark"
    assert appearance.text_scale_choice(window.settings) == 1.25
    window.new_quiz_action.trigger()
    dialog = next(d for d in window.findChildren(QDialog, "quiz-setup") if d.isVisible())
    assert (dialog.length.value(), dialog.seconds.value()) == (17, 45)
    assert dialog.timed.isChecked() and dialog.sudden_death.isChecked() and dialog.wait_for_enter.isChecked()
    dialog.reject()


def test_the_quiz_defaults_are_the_quizs_own():
    """The table names the quiz's defaults, read from the quiz (not copies of them)."""
    assert setting_rules.default("quiz/setup/length") == QuizOptions().length
    assert setting_rules.default("quiz/setup/sudden-death") is QuizOptions().sudden_death
    assert setting_rules.default("quiz/desired-retention") == DEFAULT_RETENTION
