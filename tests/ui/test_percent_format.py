"""Percentages are written in one place (i18n.format_percent), as the language writes them:
the Anki deck's progress bar said "14%" in a German window, where the app writes "14 %"."""

from __future__ import annotations

import re

import pytest
from PySide6.QtWidgets import QProgressBar, QProgressDialog


@pytest.mark.parametrize(("language", "pattern"), [("de", r"^\d{1,3}\u00a0%$"), ("en", r"^\d{1,3}%$")])
def test_the_deck_progress_bar_writes_the_percentage_as_the_language_does(
    qtbot, window_in, tmp_path, monkeypatch, language, pattern
):
    from reflexmap.ui import dialogs

    window = window_in(language)
    seen: list[str] = []
    original = QProgressDialog.setValue

    def watched(dialog, value):  # what the bar shows, as the person sees it; then Cancel
        original(dialog, value)
        text = dialog.findChild(QProgressBar).text()
        if value and text:
            seen.append(text)
            dialog.cancel()

    monkeypatch.setattr(QProgressDialog, "setValue", watched)
    monkeypatch.setattr(dialogs, "save_file", lambda *a: str(tmp_path / "deck.apkg"))
    window.export_action.trigger()  # File → Export chart… → an Anki deck
    assert seen, "no progress shown"
    assert re.match(pattern, seen[0]), seen
    assert not (tmp_path / "deck.apkg").exists()  # cancelled: nothing written


def test_format_percent_in_each_language():
    from reflexmap import i18n

    try:
        i18n.set_language("de")
        assert i18n.format_percent(0.144) == "14\u00a0%"
        i18n.set_language("en")
        assert i18n.format_percent(0.145) == "14%" and i18n.format_percent(1.0) == "100%"
        # a share that rounds to 0 or 100 but is not: its bar has a sliver (or a gap) to show
        assert i18n.format_percent(0.0) == "0%" and i18n.format_percent(0.003) == "<1%"
        assert i18n.format_percent(0.996) == ">99%"
        i18n.set_language("de")
        assert i18n.format_percent(0.003) == "<1\u00a0%"
    finally:
        i18n.set_language("en")
