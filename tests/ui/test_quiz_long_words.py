"""A chart text with a word longer than the quiz panel is wide (a 190-letter name, a technique
of 3,999 x's, a web address, a German compound): the question, each choice and the verdict
wrap it inside the panel instead of cutting it off at the panel's right edge, where the
student cannot read the end of it (the part that tells two choices apart)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QLabel

LONG_WORD = "Pneumonoultramicroscopic" * 8  # 192 letters, one word: under every length limit
LONG_TECHNIQUE = "x" * 3999


def long_word_chart(data_dir: Path, folder: Path) -> Path:
    text = (data_dir / "small.yaml").read_text(encoding="utf-8")
    text = text.replace('name: "Heel"', f'name: "{LONG_WORD}"', 1)
    text = text.replace('technique: "Thumb-walk."', f'technique: "{LONG_TECHNIQUE}"', 1)
    path = folder / "long-words.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def cut_off(label: QLabel) -> int:
    """How many pixels of the label's text, laid out as Qt wraps it, stand past its right edge."""
    room = label.contentsRect()
    laid = label.fontMetrics().boundingRect(room, int(Qt.TextFlag.TextWordWrap), label.text())
    return max(0, laid.width() - room.width())


def start_round(window, kinds: set[str]) -> None:
    window.new_quiz_action.trigger()
    dialog = QApplication.activeModalWidget()
    for kind, box in dialog.kinds.items():
        box.setChecked(kind in kinds)
    dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()
    assert window.quiz.active


def test_long_words_wrap_inside_the_quiz_panel(qtbot, window, data_dir, tmp_path):
    window.resize(1280, 800)
    window.open_chart(long_word_chart(data_dir, tmp_path))
    start_round(window, {"name", "technique"})
    panel = window.quiz_panel
    seen = set()
    problems = []
    for _ in range(16):
        if not window.quiz.active:
            break
        qtbot.wait(20)
        labels = {"prompt": panel.prompt}
        labels |= {f"choice {b.text()[:12]}": b.label for b in panel.buttons if b.isVisible()}
        texts = " ".join(label.text() for label in labels.values())
        seen |= {w for w in ("Pneumono", "xxxxxxxx") if w in texts}
        problems += [f"{name}: {cut_off(lab)} px cut off" for name, lab in labels.items() if cut_off(lab)]
        qtbot.keyClick(panel.answer, Qt.Key.Key_1)
        qtbot.wait(20)
        if cut_off(panel.feedback):
            problems.append(f"feedback: {cut_off(panel.feedback)} px cut off")
        qtbot.keyClick(panel.next_button, Qt.Key.Key_Return)
    assert seen == {"Pneumono", "xxxxxxxx"}, seen  # both long words were shown
    assert not problems, problems


def test_the_wrapped_choice_still_reads_as_the_word(qtbot, window, data_dir, tmp_path):
    """The breaks are invisible: the accessible name and the typed answer are the word itself."""
    window.open_chart(long_word_chart(data_dir, tmp_path))
    start_round(window, {"name"})
    panel = window.quiz_panel
    for _ in range(12):
        buttons = [b for b in panel.buttons if b.isVisible() and "Pneumono" in b.text()]
        if buttons:
            break
        qtbot.keyClick(panel.answer, Qt.Key.Key_1)
        qtbot.keyClick(panel.next_button, Qt.Key.Key_Return)
    assert buttons
    assert LONG_WORD in buttons[0].accessibleName()
    assert "\u200b" not in buttons[0].accessibleName()
    assert LONG_WORD in panel.completions.stringList()


def test_breaks_never_split_what_is_read_as_one_character():
    from reflexmap.ui.quiz_panel import ZWSP, breakable

    family = "\U0001f469\u200d\U0001f469\u200d\U0001f467"  # one emoji of three, joined
    flag = "\U0001f1e9\U0001f1ea"
    zalgo = "Z" + "\u0301\u0316" * 30 + "algo"
    for text in (LONG_WORD, family * 12, flag * 20, zalgo * 3, "e\u0301" * 40, "Short words only, " * 9):
        shown = breakable(text)
        assert shown.replace(ZWSP, "") == text
        for i, char in enumerate(shown):
            if char == ZWSP:
                after = shown[i + 1]
                assert after not in "\u200d\u0301\u0316", repr(shown[i - 2 : i + 2])
                assert shown[i - 1] != "\u200d"
                regional = "\U0001f1e6" <= after <= "\U0001f1ff"
                assert not (regional and "\U0001f1e6" <= shown[i - 1] <= "\U0001f1ff")
    assert ZWSP in breakable(LONG_WORD) and ZWSP not in breakable("Short words only, " * 9)
