"""A stored text holding a lone surrogate (JSON's "\\ud800": valid JSON, no valid text) in a
progress card's key or a waiting answer: SQLite cannot take it, and the import or the write of
waiting answers stopped with a UnicodeEncodeError at every opening of the progress (the quiz
never opened). Such a card or answer is left out alone, said at its place; the others are kept.
A card key longer than the log keeps, or empty, is said too (it was dropped without a word)."""

from __future__ import annotations

from pathlib import Path

import pytest

from reflexmap.quiz import ReviewLog, Scheduler
from reflexmap.quiz.pending import PendingAnswer, write

FSI, PDI = "\u2068", "\u2069"


@pytest.mark.parametrize(
    "key, reason",
    [
        ("c:\\ud800:find", "its name holds a character that is not text (a lone surrogate)"),
        ("c:\\udfff\\ud800:find", "its name holds a character that is not text (a lone surrogate)"),
        ("k" * 1001, "its name has 1,001 characters; the limit is 1,000"),
        ("", "its name is empty"),
    ],
)
def test_a_progress_card_whose_key_is_no_usable_text_is_left_out_alone(tmp_path: Path, key: str, reason: str):
    progress = tmp_path / "progress.json"
    progress.write_text(
        '{"format": "reflexmap-progress", "version": 1, "cards": {\n'
        f' "{key}": {{"box": 2}},\n'
        ' "c:good:find": {"box": 3, "seen": 2, "right": 2}\n}}',
        encoding="utf-8",
    )
    log = ReviewLog(tmp_path / "reviews.sqlite3")
    assert log.import_progress_json(progress) == 1  # the good card; it stopped on the bad one
    assert list(log.states()) == ["c:good:find"]
    (said,) = log.warnings
    column = len(f' "{key}": ') + 1  # the card's record
    assert f"{FSI}{progress}{PDI}:2:{column}: card " in said, said
    assert f"{reason}; this card is left out." in said, said
    assert "\ud800" not in said and "\udfff" not in said  # said escaped, never the raw half
    log.close()


@pytest.mark.parametrize("field", ["card", "view", "once", "clicked"])
def test_a_waiting_answer_with_a_lone_surrogate_is_left_out_alone(tmp_path: Path, field: str):
    log = ReviewLog(tmp_path / "reviews.sqlite3")
    path = write(
        log.path,
        [
            PendingAnswer("chart:b:find", 1_700_000_000.0, 3, True, seconds=4.0, clicked=("b",), view="v"),
            PendingAnswer("chart:c:find", 1_700_000_001.0, 3, True, seconds=4.0),
        ],
    )
    text = path.read_text(encoding="utf-8")
    marked = {"card": '"chart:b:find"', "view": '"v"', "clicked": '"b"'}.get(field)
    if marked is None:  # the first answer's id
        start = text.index('"once": "') + len('"once": "')
        marked = text[start - 1 : text.index('"', start) + 1]
    text = text.replace(marked, marked[:-1] + '\\ud800"', 1)
    path.write_text(text, encoding="utf-8")
    Scheduler(log=log)  # opening writes the answers waiting; it stopped here
    assert log.count() == 1
    (said,) = log.warnings
    assert "a lone surrogate); this answer is left out." in said, said
    log.close()
