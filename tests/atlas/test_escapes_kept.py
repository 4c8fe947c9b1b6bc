"""Editing one zone's text changes that line only: the other zones' names written with escapes
(`"\\u202e…"`, a right-to-left override the author wrote visibly) keep every byte, and a bidi
control or zero-width character in edited text is written as an escape, never raw (raw it is
invisible in an editor or a diff and turns the line round: "Trojan Source")."""

from __future__ import annotations

import difflib
import re
import shutil
from pathlib import Path

import pytest

from reflexmap.atlas.document import read_document
from reflexmap.atlas.edits import SetText
from reflexmap.atlas.writer import save_atlas

CHART = Path(__file__).parents[1] / "data" / "escaped-names.yaml"  # the tester's h1-markup.yaml
RAW = re.compile("[\u00ad\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]")


def changed_lines(before: Path, after: Path) -> list[str]:
    old, new = before.read_text().splitlines(), after.read_text().splitlines()
    return [line for line in difflib.unified_diff(old, new, lineterm="", n=0) if line[:1] in "+-"][2:]


@pytest.mark.parametrize(
    ("edit", "expected"),
    [
        (SetText("arabic", "claim", "the kidney"), ["-    claim: the test", "+    claim: the kidney"]),
        (
            SetText("arabic", "name", "Niere", language="de"),
            ["+    translations:", "+      de:", "+        name: Niere"],
        ),
    ],
)
def test_an_edit_of_one_zone_changes_its_lines_only(tmp_path: Path, edit, expected):
    assert "\\u202eevil.exe" in CHART.read_text() and "\\u202Egnp.exe Kidney \\u202D" in CHART.read_text()
    path = tmp_path / "chart.yaml"
    shutil.copy(CHART, path)
    save_atlas(edit.apply(read_document(path)).document, path)
    assert changed_lines(CHART, path) == expected
    assert not RAW.search(path.read_text())


@pytest.mark.parametrize(
    ("field", "text"),
    [
        ("claim", "\u202eexe.txt"),
        ("claim", "a\u200bb\u2066c\u2069"),
        ("technique", "line\u202e one\nline two"),
    ],
)
def test_invisible_characters_in_edited_text_are_written_as_escapes(tmp_path: Path, field: str, text: str):
    path = tmp_path / "chart.yaml"
    shutil.copy(CHART, path)
    save_atlas(SetText("arabic", field, text).apply(read_document(path)).document, path)
    written = path.read_text()
    assert not RAW.search(written), [line for line in written.splitlines() if RAW.search(line)]
    assert getattr(read_document(path).draft().atlas.zone("arabic"), field) == text
