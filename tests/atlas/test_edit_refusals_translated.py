"""The editor's refusals (EditRefused, and why an id cannot be used) are said in the interface
language: they were English only, also in a German window."""

from __future__ import annotations

from pathlib import Path

import pytest

from reflexmap import i18n
from reflexmap.atlas.document import ChartDocument, read_document
from reflexmap.atlas.edits import (
    BreakMirror,
    DeleteVertex,
    DuplicateZone,
    EditRefused,
    MoveVertex,
    SetChartText,
    SetSources,
    SetText,
    SourceEntry,
    id_problem,
)

DATA = Path(__file__).resolve().parents[1] / "data"
ENGLISH = ("zone", "there is", "mirror", "needs", "not a", "corners", "already", "part", "vertex", "source")


@pytest.fixture
def german():
    i18n.set_language("de")
    yield
    i18n.set_language("en")


@pytest.fixture(scope="module")
def small() -> ChartDocument:
    return read_document(DATA / "small.yaml")


def _refusal(edit, document) -> str:
    with pytest.raises(EditRefused) as refused:
        edit.apply(document)
    return str(refused.value)


def _german(text: str) -> None:
    words = text.replace("'", " ").split()
    assert not any(word in ENGLISH for word in words), text


@pytest.mark.parametrize(
    "edit, german_words",
    [
        (MoveVertex("nope", "plantar-left", 0, 0, (0.0, 0.0)), "es gibt keine Zone 'nope'"),
        (MoveVertex("heel", "plantar-left", 0, 9, (0.0, 0.0)), "es gibt keinen Eckpunkt 9"),
        (MoveVertex("heel", "plantar-left", 1, 0, (0.0, 0.0)), "die Form hat 1 Teil; es gibt keinen Teil 2"),
        (MoveVertex("heel", "plantar-right", 0, 0, (0.0, 5.0)), "spiegelt in der Ansicht 'plantar-right'"),
        (SetText("heel", "id", "x"), "ist kein Text einer Zone"),
        (BreakMirror("heel", "plantar-left"), "keine Spiegelung"),
        (DuplicateZone("heel", "band"), "es gibt bereits eine Zone 'band'"),
        (SetChartText("title", None), "eine Karte braucht einen Titel"),
        (SetSources(()), "nennt die Quelle 's1'"),
        (SetSources((SourceEntry("s1", "s1"), SourceEntry("s9"))), "Quelle 's9' braucht einen Titel"),
        (SetSources((SourceEntry("Bad Id", None, ((("title", None), "T"),)),)), "ist keine Quellen-Kennung"),
    ],
)
def test_each_refusal_is_said_in_german(german, small: ChartDocument, edit, german_words):
    said = _refusal(edit, small)
    assert german_words in said, said
    _german(said)


def test_a_zone_keeps_at_least_three_corners_in_german(german, small: ChartDocument):
    triangle = DeleteVertex("heel", "plantar-left", 0, 0).apply(small)
    said = _refusal(DeleteVertex("heel", "plantar-left", 0, 0), triangle.document)
    assert "mindestens drei Ecken" in said, said


@pytest.mark.parametrize(
    "new_id, german_words",
    [
        ("", "braucht eine Kennung"),
        ("x" * 65, "höchstens 64 Zeichen"),
        ("Bad Id", "ist keine Kennung"),
        ("heel", "bereits"),
    ],
)
def test_why_an_id_cannot_be_used_is_said_in_german(german, small: ChartDocument, new_id, german_words):
    said = id_problem({"heel"}, new_id)
    assert said and german_words in said, said
    _german(said)
