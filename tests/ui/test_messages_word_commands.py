# ruff: noqa: F811 (the editing fixtures come from test_editor)
"""Messages name a command in words and quotation marks, never in markdown's backticks (tryout
S18-15: "`reflexmap check`" was shown with its backticks in the save-with-problems box and
in the Chart problems panel, in English and in German)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QMessageBox

from .test_editor import DATA, chart, drag, editing  # noqa: F401 (fixtures)
from .test_editor_files import box_named

LOCALE = Path(__file__).resolve().parents[2] / "reflexmap" / "locale"
BACKTICKED = re.compile(r"`[^`\s][^`]*`")  # `like this` (a lone '`' named as a character is fine)


def _entries(path: Path) -> list[str]:
    """Each msgid and msgstr of a catalogue, its quoted lines joined."""
    texts, current = [], None
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith(("msgid", "msgstr")):
            current = [line.split(" ", 1)[1][1:-1]]
            texts.append(current)
        elif line.startswith('"') and current is not None:
            current.append(line[1:-1])
        else:
            current = None
    return ["".join(parts) for parts in texts]


@pytest.mark.parametrize("catalogue", ["reflexmap.pot", "de/LC_MESSAGES/reflexmap.po"])
def test_no_message_quotes_with_backticks(catalogue):
    entries = _entries(LOCALE / catalogue)
    assert len(entries) > 1000  # the whole catalogue was read
    assert [text for text in entries if BACKTICKED.search(text)] == []


@pytest.mark.parametrize("language", ["en", "de"])
def test_a_chart_with_problems_names_the_check_command_in_words(qtbot, editing, language):
    window = editing
    if language != "en":
        window.language_actions[language].trigger()
        window = window.successor
        qtbot.addWidget(window)
        assert window.editor.active
    drag(qtbot, window, "plantar-left", (18, 30), (35, 30))  # a corner out of the foot
    assert window.editor.session.draft.problems
    qtbot.mouseClick(window.editor.problems_label, Qt.MouseButton.LeftButton)  # the status bar's "1 problem"
    dock = window.editor.problems_dock
    assert dock is not None and dock.isVisible()
    summary = dock.widget().summary.text()
    said = []

    def read_and_cancel() -> None:  # (the box is modal: it is read and answered from a timer)
        box = box_named("save-with-problems")
        if box is not None:
            timer.stop()
            said.append(box.text())
            box.button(QMessageBox.StandardButton.Cancel).click()

    timer = QTimer()
    timer.timeout.connect(read_and_cancel)
    timer.start(20)
    window.save_action.trigger()
    timer.stop()
    assert said
    command = "“reflexmap check”" if language == "en" else "„reflexmap check“"
    for text in (summary, said[0]):
        assert "`" not in text and command in text, text
