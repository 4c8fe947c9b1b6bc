"""A chart the loader reads but ruamel.yaml (which writes the editor's changes) reads
otherwise: a tab before a colon, lines ended by U+0085 (NEL), U+2028 or U+2029. Edit mode is
refused when it is entered (before, at the first change, after the person had worked), with
the file, the line and column the loader counts (its line ends counted as line ends) and a
reason in the interface's language; the window keeps browsing the chart."""

from __future__ import annotations

from pathlib import Path

import pytest

from reflexmap import i18n
from reflexmap.atlas import load_atlas

from .test_editor import DATA
from .test_editor_files import box_named

ODD = {"nel": "\x85", "ls": "\u2028", "ps": "\u2029"}


def written(tmp_path: Path, kind: str) -> tuple[Path, int, int]:
    """The small chart with `kind`'s difference; the line and column the loader gives it."""
    text = (DATA / "small.yaml").read_text(encoding="utf-8")
    lines = text.split("\n")
    if kind == "tab":
        line = next(i for i, t in enumerate(lines) if t == "    region: pelvis") + 1
        text = text.replace("    region: pelvis", "    region\t: pelvis", 1)
        column = len("    region") + 1
    else:  # the first nine lines end in LF, the others in the odd line end
        text = "\n".join(lines[:10]) + ODD[kind] + ODD[kind].join(lines[10:])
        line, column = 10, len(lines[9]) + 1
    path = tmp_path / f"{kind}.yaml"
    path.write_text(text, encoding="utf-8")
    return path, line, column


@pytest.mark.parametrize("language", ["en", "de"])
@pytest.mark.parametrize("kind", ["tab", "nel", "ls", "ps"])
def test_edit_mode_is_refused_at_entry_with_the_loaders_place_and_a_translated_reason(
    qtbot, make_window, settings, tmp_path, kind, language
):
    path, line, column = written(tmp_path, kind)
    before = path.read_bytes()
    settings.setValue("appearance/language", language)
    try:
        window = make_window(load_atlas(path))  # the app opens it
        window.edit_action.trigger()  # Edit → Edit zones
        assert not window.editor.active
        box = box_named("edit-refused")  # said whole (the status bar cuts a long reason)
        assert box is not None
        said = box.text()
        box.close()
        assert f"{path}:{line}:{column}:" in said, said
        if language == "de":
            assert "der Editor kann diese Datei nicht lesen" in said, said
        else:
            assert "the editor cannot read this file" in said, said
        if kind == "tab":
            words = (
                "ein Tabulator steht vor dem Doppelpunkt"
                if language == "de"
                else "a tab stands before the colon"
            )
            assert words in said, said
        else:
            assert f"U+{ord(ODD[kind]):04X}" in said
        assert window.state.atlas.zone("heel") is not None  # still browsing the chart
        assert path.read_bytes() == before
    finally:
        i18n.set_language("en")


@pytest.mark.parametrize(
    "line",
    ['    name: "Heel\t: pad"', "    name: Heel # a note\t: kept", "    name: 'Heel\t:'"],
)
def test_a_tab_before_a_colon_inside_quotes_or_a_comment_is_not_refused(line):
    from reflexmap.atlas.document import editor_cannot_read

    text = (DATA / "small.yaml").read_text(encoding="utf-8").replace('    name: "Heel"', line, 1)
    assert line in text
    assert editor_cannot_read(text, "x.yaml") is None
