"""A quiz on a chart whose name, claim and technique are 4,000 characters long: the question,
its choices and the verdict stay short enough to read beside the map, the app's own words at
both ends of each sentence stay, and answering still works (by key, as a student does)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox

LONG_NAME = ("Long name " * 400)[:3999]
LONG_CLAIM = ("the long claim " * 267)[:3999]
LONG_TECHNIQUE = "x" * 3999  # one word: nowhere to wrap


def long_chart(data_dir: Path, folder: Path) -> Path:
    text = (data_dir / "small.yaml").read_text(encoding="utf-8")
    text = text.replace('name: "Heel"', f'name: "{LONG_NAME}"', 1)
    text = text.replace('claim: "the pelvis"', f'claim: "{LONG_CLAIM}"', 1)
    text = text.replace('technique: "Thumb-walk."', f'technique: "{LONG_TECHNIQUE}"', 1)
    path = folder / "long-texts.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_round_on_4000_character_texts_keeps_the_panel_readable(qtbot, window, data_dir, tmp_path):
    window.open_chart(long_chart(data_dir, tmp_path))
    window.new_quiz_action.trigger()
    dialog = QApplication.activeModalWidget()
    for box in dialog.kinds.values():  # every kind of question: names, claims, techniques
        box.setChecked(True)
    dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()
    assert window.quiz.active
    panel = window.quiz_panel
    seen_long = False
    for _ in range(12):
        if not window.quiz.active:
            break
        prompt = panel.prompt.text()
        choices = [b.text() for b in panel.buttons if b.isVisible()]
        if "Long name" in prompt or any("the long claim" in c or "xxxx" in c for c in choices):
            seen_long = True
        assert len(prompt) < 400, len(prompt)  # 4,000 characters and more before
        assert all(len(c) < 300 for c in choices), [len(c) for c in choices]
        if "Long name" in prompt:
            assert "\u2026" in prompt and prompt.rstrip(" \u2069").endswith(("?", ")", ".")), prompt[-40:]
        if choices:
            qtbot.keyClick(panel.answer, Qt.Key.Key_1)  # the first choice, by key
        else:
            window.quiz.stop()
            break
        assert len(panel.feedback.text()) < 500, len(panel.feedback.text())
        qtbot.keyClick(panel.next_button, Qt.Key.Key_Return)
    assert seen_long
