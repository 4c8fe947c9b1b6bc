"""A chart text that opens a direction control and never closes it (a right-to-left override
U+202E, an isolate U+2067, not closed by U+202C / U+2069) reads turned around in lists, labels
and other programs. `reflexmap check` warns of each at the control's file:line:column, in
English and German, and still passes the file; the editor's zone-texts form says it of the
zone edited (tests/ui/test_editor_direction_controls.py). Before, nothing said it."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reflexmap import cli
from reflexmap.atlas.bidi_notes import open_control, open_control_notes

DATA = Path(__file__).resolve().parents[1] / "data"
ISOLATES = dict.fromkeys(map(ord, "\u2068\u2069"))  # (the zone's name is isolated in the sentence)


@pytest.mark.parametrize(
    ("text", "index"),
    [
        ("Ferse", None),
        ("Heel \u202eleft", 5),  # an override never closed
        ("Heel \u202eleft\u202c", None),
        ("a\u2067b\u2069", None),
        ("a\u2067\u202eb\u2069", None),  # a PDI closes the embeddings inside its isolate
        ("a\u202e\u2067b\u2069", 1),  # the override outside the isolate stays open
        ("a\u2067b\u202c", 1),  # a PDF does not close an isolate
        ("a\u202a\u202bx\u202c", 1),  # one PDF closes one embedding
        ("a\u202e\nb\u202c", 1),  # a line's end ends it there: the PDF below closes nothing
        ("x\u2069\u202c", None),  # closers alone open nothing
    ],
)
def test_a_control_left_open_is_found_as_the_bidi_algorithm_pairs_them(text, index):
    assert open_control(text) == index


def _chart(tmp_path: Path) -> Path:
    path = tmp_path / "turned.yaml"
    shutil.copy(DATA / "small.yaml", path)
    text = path.read_text(encoding="utf-8")
    text = text.replace('name: "Heel"', 'name: "Heel \u202eleft"', 1)  # the character itself
    text = text.replace('name: "Band"', 'name: "Band \\u2067x"', 1)  # its escape
    text = text.replace('name: "Toes"', 'name: "Toes \u202eko\u202c"', 1)  # closed: its letters turned
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("language", "ok", "said"),
    [
        (
            "en",
            "ok",
            # the zone by its name as shown: its override as its escape (i18n.shown_text), nothing
            # left in it to isolate
            "warning: 'name' of zone 'Heel \\u202eleft' [heel] opens the direction "
            "control U+202E and does not close it",
        ),
        (
            "de",
            "in Ordnung",
            "Warnung: 'name' der Zone 'Heel \\u202eleft' [heel] öffnet das Richtungssteuerzeichen U+202E",
        ),
    ],
)
def test_check_warns_at_the_control_and_passes_the_file(tmp_path, capsys, language, ok, said):
    path = _chart(tmp_path)
    try:
        assert cli.check([str(path)], language) == 0
    finally:
        cli.check([], "en")  # (the language back for the tests after)
    lines = capsys.readouterr().out.translate(ISOLATES).splitlines()
    assert lines[0].startswith(f"{path}: {ok} (")
    text = path.read_text(encoding="utf-8").splitlines()
    heel = next(i for i, line in enumerate(text, 1) if "Heel" in line)
    band = next(i for i, line in enumerate(text, 1) if "Band " in line)
    assert len(lines) == 4  # the closed override too (tryout S22-13: "Small \u202eenitsetni llams\u202c")
    assert lines[1].startswith(f"{path}:{heel}:{text[heel - 1].index(chr(0x202E)) + 1}: {said}")
    escape = text[band - 1].index("\\u2067") + 1  # at its backslash
    assert lines[2].startswith(f"{path}:{band}:{escape}: ")
    assert "U+2067" in lines[2] and "U+2069" in lines[2] and "[band]" in lines[2]
    toes = next(i for i, line in enumerate(text, 1) if "Toes" in line)
    assert lines[3].startswith(f"{path}:{toes}:{text[toes - 1].index(chr(0x202E)) + 1}: "), lines[3]
    assert "U+202E" in lines[3] and "[toes]" in lines[3] and "\\u202e" in lines[3]


def test_no_warning_for_a_file_without_controls_or_one_that_does_not_read():
    text = (DATA / "small.yaml").read_text(encoding="utf-8")
    assert open_control_notes(text, "small.yaml") == ()
    assert open_control_notes("zones: [", "broken.yaml") == ()  # no control: not even read
    # a file that does not read: its errors are said, not this
    assert open_control_notes('title: "\u202e\nzones: [', "broken.yaml") == ()


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet='\\uU0267abdeABDE\u202a\u202e\u2066\u2068\u2069x \n"', max_size=40))
def test_the_quick_look_never_passes_over_a_control_the_pattern_finds(text):
    """The substring test before the file's pattern (run at every edit: the editor counts a
    chart's notes) says "may hold one" wherever the pattern finds one."""
    from reflexmap.atlas.bidi_notes import _IN_FILE, _may_hold_control

    if _IN_FILE.search(text) is not None:
        assert _may_hold_control(text)


def test_effect_words_kept_for_a_text_are_not_shared():
    """The words found in a text are kept for the next search of it (a drag changes no text);
    a caller changing the list it was given changes nothing kept."""
    from reflexmap.atlas.wording import effect_words

    first = effect_words("This cures and heals the liver.")
    assert first == ["cures", "heals"]
    first.append("x")
    assert effect_words("This cures and heals the liver.") == ["cures", "heals"]
