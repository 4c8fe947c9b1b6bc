"""A chart the loader (PyYAML) and ruamel.yaml (which writes the editor's changes) would read
otherwise: a tab before a colon, after one or at the end of a line, lines ended by U+0085
(NEL), U+2028 or U+2029. `reflexmap check`, the loader and the editor now say the same: the
file is refused, at the same file:line:column, in the same words (atlas/read_alike.py, the one
place of the rule). Before, the loader opened it and `check` said "ok", while the editor
refused it (or, for a tab after a colon, failed at the first change in ruamel.yaml's words)."""

from __future__ import annotations

from pathlib import Path

import pytest

from reflexmap import i18n
from reflexmap.atlas import load_atlas, read_atlas
from reflexmap.atlas.document import ChartUnreadable, document_to_fix, editor_cannot_read, read_document
from reflexmap.cli import main

from .test_editor import DATA

ODD = {"nel": "\x85", "ls": "\u2028", "ps": "\u2029"}
TABS = {  # the line as written, the column of the tab, the words said
    "tab before colon": ("    region\t: pelvis", 11, "a tab stands before the colon"),
    "tab after colon": ("    region:\tpelvis", 12, "a tab stands here"),
    "tab at line end": ("    region: pelvis\t", 19, "a tab stands here"),
}


def written(tmp_path: Path, kind: str) -> tuple[Path, int, int, str]:
    """The small chart with `kind`'s difference; the line and column the loader gives it."""
    text = (DATA / "small.yaml").read_text(encoding="utf-8")
    lines = text.split("\n")
    if kind in TABS:
        changed, column, words = TABS[kind]
        line = next(i for i, t in enumerate(lines) if t == "    region: pelvis") + 1
        text = text.replace("    region: pelvis", changed, 1)
    else:  # the first nine lines end in LF, the others in the odd line end
        text = "\n".join(lines[:10]) + ODD[kind] + ODD[kind].join(lines[10:])
        line, column, words = 10, len(lines[9]) + 1, f"U+{ord(ODD[kind]):04X}"
    path = tmp_path / f"{kind.replace(' ', '-')}.yaml"
    path.write_text(text, encoding="utf-8")
    return path, line, column, words


KINDS = [*TABS, *ODD]


@pytest.mark.parametrize("kind", KINDS)
def test_check_the_loader_and_the_editor_refuse_alike(tmp_path, capsys, kind):
    path, line, column, words = written(tmp_path, kind)
    result = read_atlas(path)
    assert not result.ok and len(result.errors) == 1
    error = str(result.errors[0])
    assert error.startswith(f"{path}:{line}:{column}: ") and words in error, error
    with pytest.raises(ChartUnreadable) as refused:
        read_document(path)  # the editor opening the file
    assert str(refused.value) == error
    assert error.endswith(document_to_fix(path))  # Open to fix: the same place and words


@pytest.mark.parametrize("kind", KINDS)
def test_check_prints_the_same_place_and_words(tmp_path, capsys, kind):
    path, line, column, words = written(tmp_path, kind)
    assert main(["check", str(path)]) == 1
    printed = capsys.readouterr()
    assert str(read_atlas(path).errors[0]) in printed.out + printed.err


def test_the_window_keeps_its_chart_and_says_the_reason_in_german(
    qtbot, make_window, settings, tmp_path, monkeypatch
):
    from reflexmap.ui import dialogs

    said = []
    monkeypatch.setattr(dialogs, "chart_errors", lambda window, name, errors, fix=None: said.append(errors))
    settings.setValue("appearance/language", "de")
    try:
        window = make_window(load_atlas(DATA / "small.yaml"))
        path, line, column, _words = written(tmp_path, "tab before colon")
        assert not window.open_chart(path)  # File → Open of it
        assert window.state.atlas.has_zone("heel")  # still the chart it had
        error = str(said[0][0])
        assert error.startswith(f"{path}:{line}:{column}: ")
        assert "ein Tabulator steht vor dem Doppelpunkt" in error, error
    finally:
        i18n.set_language("en")


@pytest.mark.parametrize(
    "line",
    ['    name: "Heel\t: pad"', "    name: Heel # a note\t: kept", "    name: 'Heel\t:'"],
)
def test_a_tab_inside_quotes_or_a_comment_is_not_refused(line, tmp_path):
    text = (DATA / "small.yaml").read_text(encoding="utf-8").replace('    name: "Heel"', line, 1)
    assert line in text
    assert editor_cannot_read(text, "x.yaml") is None
    if "#" in line:  # (a tab inside a name is refused for a reason of its own: it shows as a box)
        path = tmp_path / "commented.yaml"
        path.write_text(text, encoding="utf-8")
        assert read_atlas(path).ok
