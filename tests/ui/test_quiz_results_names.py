"""The results of a round list the zones to review by their names, as chart text: a name with a
right-to-left override (U+202E) reverses only itself, not the names after it (it reversed "WIDE
NAME" and "Zalgo" after it on the real window), and a name that is one 192-letter word wraps
instead of making the dialog wider than the window."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QLabel

from reflexmap.quiz import QuizOptions

REVERSING = "\u202eHeel reversed"
LONG_WORD = "Pneumonoultramicroscopic" * 8


def names_chart(data_dir: Path, folder: Path) -> Path:
    text = (data_dir / "small.yaml").read_text(encoding="utf-8")
    text = text.replace('name: "Heel"', 'name: "\\u202eHeel reversed"', 1)
    text = text.replace('name: "Band"', f'name: "{LONG_WORD}"', 1)
    path = folder / "names.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def overrides_outside_isolates(text: str) -> list[int]:
    """Where an override or embedding stands outside every isolate the text closes again."""
    found, depth, opened = [], 0, []
    for i, char in enumerate(text):
        if char in "\u2066\u2067\u2068":
            depth += 1
            opened.append(i)
        elif char == "\u2069" and depth:
            depth -= 1
        elif char in "\u202a\u202b\u202d\u202e" and depth == 0:
            found.append(i)
    return found + ([-1] if depth else [])  # an isolate never closed takes the words after it


def test_the_results_isolate_each_name_and_wrap_a_long_one(qtbot, window, data_dir, tmp_path):
    window.resize(1280, 800)
    window.open_chart(names_chart(data_dir, tmp_path))
    window.quiz.advance_after_right_ms = 60_000
    zones = ("heel", "band", "strip", "toes")
    assert window.quiz.start(QuizOptions(kinds=("name",), zone_ids=zones, seed=5, length=4))
    panel = window.quiz_panel
    for _ in range(12):  # every answer wrong: every zone is to review
        if window.findChild(QDialog, "quiz-summary") is not None:
            break
        panel.answer.setText("no such zone")
        qtbot.keyClick(panel.answer, Qt.Key.Key_Return)
        qtbot.keyClick(panel.next_button, Qt.Key.Key_Return)
    dialog = window.findChild(QDialog, "quiz-summary")
    assert dialog is not None
    qtbot.waitExposed(dialog)
    text = dialog.findChild(QLabel).text()
    assert "\\u202e" in text and "\u202e" not in text and "Pneumono" in text, text  # shown, never obeyed
    assert overrides_outside_isolates(text) == [], text
    assert dialog.width() <= window.width(), (dialog.width(), window.width())
    dialog.reject()
