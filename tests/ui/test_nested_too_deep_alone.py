"""A file of answers waiting to be saved (written when the window closed while the log was
locked) with one answer holding a value nested too deep: that answer alone is left out, said
at its bracket's line and column in the Quiz progress box, the others are written to the log,
and the file as it was is kept. Before, the whole file was refused and set aside (its good
answers with it), and the box, shown before the file was read, said nothing of it."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

from reflexmap import i18n
from reflexmap.quiz import ReviewLog

from .test_statistics_window import answer_round

SAID = {
    "en": ("values are nested deeper than 64 levels; this answer is left out.", "The file as it was is kept"),
    "de": ("Werte sind tiefer als 64 Ebenen verschachtelt; diese Antwort wird weggelassen.", "aufbewahrt"),
}


def _answer(card: str, once: str, clicked) -> dict:
    return {"card": card, "time": 1_763_658_200.0, "rating": 3, "correct": True, "close": False,
            "seconds": 2.0, "clicked": clicked, "view": "plantar-left", "once": once}  # fmt: skip


@pytest.mark.parametrize("language", ["en", "de"])
def test_an_answer_nested_too_deep_is_left_out_alone_and_said(
    qtbot, make_window, settings, tmp_path, language
):
    progress = tmp_path / "progress.json"
    window = make_window(progress_path=progress)
    answer_round(qtbot, window, ["neck"])
    database = Path(window.quiz.database_path)
    window.close()
    card = "reflexology-main:heart:name"
    deep = "[" * 70 + "]" * 70
    answers = [_answer(card, "good-1", ["heart"]), "DEEP", _answer(card, "good-2", [])]
    text = json.dumps({"format": "reflexmap-pending-answers", "version": 1, "database": str(database),
                       "answers": answers}, indent=1).replace('"DEEP"', deep)  # fmt: skip
    waiting = database.with_name(database.name + ".pending-20261127-120000-1-abcdef01.json")
    waiting.write_text(text, encoding="utf-8")
    line = text[: text.index("[[[")].count("\n") + 1
    column = text.index("[[[") - text.rfind("\n", 0, text.index("[[[")) + 62  # the 63rd bracket
    settings.setValue("appearance/language", language)
    try:
        again = make_window(progress_path=progress)
        again.mastery_action.trigger()  # the first use of progress reads the log and the file
        box = again.findChild(QMessageBox, "quiz-warning")
        assert box is not None
        said = box.text()
        assert f"\u2068{waiting}\u2069:{line}:{column}: " in said, said
        for words in SAID[language]:
            assert words in said, said
        with sqlite3.connect(database) as conn:
            onces = {v for (v,) in conn.execute("SELECT value FROM meta WHERE key LIKE 'once:%'")}
        assert ReviewLog(database).count() == 3, onces  # the round's answer and the two good ones
        (kept,) = [p for p in database.parent.iterdir() if ".damaged-" in p.name]
        assert kept.read_text(encoding="utf-8") == text
    finally:
        i18n.set_language("en")


def test_a_card_record_with_a_newer_field_nested_too_deep_keeps_its_progress(qtbot, make_window, tmp_path):
    """A card's stored state with a field this version does not know (a newer one's) nested
    too deep: the state's own fields are read, the card keeps its progress, nothing is said.
    Before, the whole record was refused ("1 card record … could not be read; that card
    starts afresh") for a value it never reads."""
    progress = tmp_path / "progress.json"
    window = make_window(progress_path=progress)
    answer_round(qtbot, window, ["neck"])
    database = Path(window.quiz.database_path)
    window.close()
    with sqlite3.connect(database) as conn:
        card, state = conn.execute("SELECT card, state FROM cards WHERE card LIKE '%:neck:%'").fetchone()
        newer = state[:-1] + ', "from-a-newer-version": ' + "[" * 70 + "]" * 70 + "}"
        conn.execute("UPDATE cards SET state = ? WHERE card = ?", (newer, card))
    conn.close()
    again = make_window(progress_path=progress)
    again.mastery_action.trigger()  # the first use of progress reads the card states
    assert again.findChild(QMessageBox, "quiz-warning") is None
    assert again.map.chart.mastery["neck"] is not None  # the answer given is still counted


def test_a_card_field_nested_too_deep_is_said_at_its_bracket(qtbot, make_window, tmp_path):
    progress = tmp_path / "progress.json"
    window = make_window(progress_path=progress)
    answer_round(qtbot, window, ["neck"])
    database = Path(window.quiz.database_path)
    window.close()
    with sqlite3.connect(database) as conn:
        card, state = conn.execute("SELECT card, state FROM cards WHERE card LIKE '%:neck:%'").fetchone()
        deep = json.loads(state)
        deep["seen"] = "DEEP"
        text = json.dumps(deep).replace('"DEEP"', "[" * 70 + "]" * 70)
        conn.execute("UPDATE cards SET state = ? WHERE card = ?", (text, card))
    conn.close()
    again = make_window(progress_path=progress)
    again.mastery_action.trigger()
    box = again.findChild(QMessageBox, "quiz-warning")
    assert box is not None
    column = text.index("[") + 1 + 63  # the 64th bracket: the record itself is the first level
    assert f"line 1, column {column}: values are nested deeper than 64 levels" in box.text(), box.text()
