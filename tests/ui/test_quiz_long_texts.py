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
    for kind, box in dialog.kinds.items():  # the kinds with choices: names, claims, techniques
        box.setChecked(kind != "find")
    for i in range(dialog.custom.count()):  # only the zone with the long texts
        item = dialog.custom.item(i)
        item.setCheckState(Qt.CheckState.Checked if "Long name" in item.text() else Qt.CheckState.Unchecked)
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
        assert choices
        qtbot.keyClick(panel.answer, Qt.Key.Key_1)  # the first choice, by key
        assert len(panel.feedback.text()) < 500, len(panel.feedback.text())
        qtbot.keyClick(panel.next_button, Qt.Key.Key_Return)
    assert seen_long


def test_the_custom_set_shows_a_4000_character_name_cut_without_a_scroll_bar(
    qtbot, window, data_dir, tmp_path
):
    window.open_chart(long_chart(data_dir, tmp_path))
    window.new_quiz_action.trigger()
    dialog = QApplication.activeModalWidget()
    try:
        rows = [dialog.custom.item(i) for i in range(dialog.custom.count())]
        long_row = next(row for row in rows if "Long name" in row.text())
        assert len(long_row.text()) < 200 and "\u2026" in long_row.text(), len(long_row.text())
        assert not dialog.custom.horizontalScrollBar().isVisible()
        long_row.setCheckState(Qt.CheckState.Checked)  # ticking it still picks that zone
        dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()
        assert window.quiz.active
        prompt = window.quiz_panel.prompt.text()  # the find question names the claim, cut whole
        if not window.quiz_panel.buttons[0].isVisible():
            assert "the long claim" in prompt and "\u2026" in prompt and len(prompt) < 300, prompt
            assert prompt.replace("\u2069", "").endswith(("plantar view.", "dorsal view.")), prompt[-60:]
    finally:
        if window.quiz.active:
            window.quiz.stop()
