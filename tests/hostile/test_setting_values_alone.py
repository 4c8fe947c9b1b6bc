"""A settings value that cannot be used falls back alone, whatever is wrong with it, and the
message quotes it as the file wrote it and says what is used instead in the person's words.

- A value nested deeper than the reader's bound (64 levels) is skipped while reading (no
  recursion) and said at the bracket that goes too deep; the other settings are kept (it set
  the whole file aside, every setting back to its default).
- A number is quoted as written (`1E5`, `2.50`), in English and German alike (it was
  `100000.0`, `2,5`), as zone-file messages quote theirs.
- A default is said as the window says it: on/off, an/aus, the theme by its menu's words (it
  was JSON's true/false, in German too).

Each is played as a person meets it: the app started with such a file (a child process, as
`reflexmap` starts), the message at start read, the window's view and the New quiz dialog's
fields looked at."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from .children import ROOT
from .test_setting_ranges import _start

FSI, PDI = "\u2068", "\u2069"
DEEP = "[" * 70 + "1" + "]" * 70  # 64 levels are read; the 65th bracket is said


def _at(text: str, written: str, skip: int = 0) -> tuple[int, int]:
    at = text.index(written) + skip
    return text.count("\n", 0, at) + 1, at - (text.rfind("\n", 0, at) + 1) + 1


def _line(message: str, settings: Path, line: int, column: int) -> str:
    start = f"• {FSI}{settings}{PDI}:{line}:{column}: "
    (found,) = [entry for entry in message.splitlines() if entry.startswith(start)]
    return found[len(start) :]


def test_a_value_nested_too_deep_falls_back_alone_at_its_bracket(tmp_path: Path):
    chart = tmp_path / "my chart.yaml"
    chart.write_bytes((ROOT / "zones/ingham-western.yaml").read_bytes())
    body = (
        "{\n"
        ' "notes/first-run-seen": true,\n'
        ' "view/labels": false,\n'
        ' "view/aspect": "medial",\n'
        ' "quiz/setup/length": 30,\n'
        f' "chart/recent": [{json.dumps(str(chart))}, {DEEP}],\n'
        f' "window/state": {DEEP},\n'
        f' "a-newer/setting": {{"x": {DEEP}}},\n'
        ' "quiz/setup/seconds": 300\n'
        "}"
    )
    facts, settings = _start(tmp_path, body)
    text = settings.parent.joinpath(next(p.name for p in settings.parent.glob("settings.json.bad-values-*")))
    written = text.read_text(encoding="utf-8")
    (box,) = facts["shown"]
    message = box["text"]
    assert message.startswith("These 3 settings could not be used as stored; the others are kept:"), message
    deep = "values are nested deeper than 64 levels"
    lines = written.splitlines()
    recent_line = next(n for n, line in enumerate(lines, 1) if "chart/recent" in line)
    state_line = next(n for n, line in enumerate(lines, 1) if "window/state" in line)
    newer_line = next(n for n, line in enumerate(lines, 1) if "a-newer/setting" in line)

    def column(number: int, depth: int) -> int:
        """The bracket of the 65th level on that line, whose deep value starts at `depth`."""
        return lines[number - 1].index("[" * 70) + 1 + 65 - depth

    # the file's object, "values", the recent list: the entry starts at level 4
    said = _line(message, settings, recent_line, column(recent_line, 4))
    assert said == f"Recent charts ({FSI}chart/recent{PDI}): {deep}; the other entries are kept."
    said = _line(message, settings, state_line, column(state_line, 3))
    assert said == f"Panel layout ({FSI}window/state{PDI}): {deep}; the default is used."
    said = _line(message, settings, newer_line, column(newer_line, 4))
    assert (
        said == f"A setting this version does not know ({FSI}a-newer/setting{PDI}): {deep}; it is left out."
    )
    # the other settings are kept (before: the whole file was set aside, all of them lost)
    assert facts["labels"] is False and facts["aspect"] == "medial"
    assert facts["quiz_length"] == 30 and facts["quiz_seconds"] == 300
    assert str(chart) in facts["charts"]
    assert not list(settings.parent.glob("settings.json.damaged-*"))


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        (
            "en",
            {
                "1E5": f"{FSI}1E5{PDI} is not a whole number; the default {FSI}10{PDI} is used.",
                "2.50": f"{FSI}2.50{PDI} is not one of: 0.9; 1; 1.25; 1.5; the default {FSI}1{PDI} is used.",
                "1.0e0": f"{FSI}1.0e0{PDI} is not true or false; the default {FSI}on{PDI} is used.",
                "[0.50, 7E-1]": f"{FSI}[0.50, 7E-1]{PDI} is not a number; the default {FSI}0.9{PDI} is used.",
                '"nope"': f'{FSI}"nope"{PDI} is not true or false; the default {FSI}off{PDI} is used.',
            },
        ),
        (
            "de",
            {
                "1E5": f"{FSI}1E5{PDI} ist keine ganze Zahl; die Voreinstellung {FSI}10{PDI} gilt.",
                "2.50": f"{FSI}2.50{PDI} ist keine der Möglichkeiten: 0,9; 1; 1,25; 1,5; die Voreinstellung "
                f"{FSI}1{PDI} gilt.",
                "1.0e0": f"{FSI}1.0e0{PDI} ist weder „an“ (true) noch „aus“ (false); die Voreinstellung "
                f"{FSI}an{PDI} gilt.",
                "[0.50, 7E-1]": f"{FSI}[0.50, 7E-1]{PDI} ist keine Zahl; die Voreinstellung "
                f"{FSI}0,9{PDI} gilt.",
                '"nope"': f'{FSI}"nope"{PDI} ist weder „an“ (true) noch „aus“ (false); die Voreinstellung '
                f"{FSI}aus{PDI} gilt.",
            },
        ),
    ],
)
def test_numbers_are_quoted_as_written_and_defaults_in_the_persons_words(tmp_path: Path, language, expected):
    body = (
        "{\n"
        ' "notes/first-run-seen": true,\n'
        f' "appearance/language": "{language}",\n'
        ' "quiz/setup/length": 1E5,\n'
        ' "appearance/text-scale": 2.50,\n'
        ' "view/labels": 1.0e0,\n'
        ' "quiz/desired-retention": [0.50, 7E-1],\n'
        ' "quiz/setup/timed": "nope"\n'
        "}"
    )
    facts, settings = _start(tmp_path, body, language)
    (box,) = facts["shown"]
    written = settings.parent.joinpath(
        next(p.name for p in settings.parent.glob("settings.json.bad-values-*"))
    ).read_text(encoding="utf-8")
    for value, said in expected.items():
        line, column = _at(written, value)
        assert _line(box["text"], settings, line, column).endswith(": " + said), (value, box["text"])
    assert facts["quiz_length"] == 10 and facts["labels"] is True and facts["text_scale"] == 1.0


def test_a_remembered_path_no_file_name_can_hold_falls_back_alone(tmp_path: Path):
    """A lone surrogate escape ("\\ud800") in a remembered chart or folder: no file name on
    this system can hold it (os.fsencode refuses it), so the entry is left out with its place,
    quoted as the file wrote it (before: taken as a chart, listed in the Chart menu)."""
    chart = tmp_path / "my chart.yaml"
    chart.write_bytes((ROOT / "zones/ingham-western.yaml").read_bytes())
    body = (
        "{\n"
        ' "notes/first-run-seen": true,\n'
        f' "chart/recent": [{json.dumps(str(chart))}, "/tmp/\\ud800x.yaml"],\n'
        ' "export/dir": "/tmp/\\udfff"\n'
        "}"
    )
    facts, settings = _start(tmp_path, body)
    (box,) = facts["shown"]
    (kept,) = settings.parent.glob("settings.json.bad-values-*")
    written = kept.read_text(encoding="utf-8")
    line, column = _at(written, '"/tmp/\\ud800x.yaml"')
    said = _line(box["text"], settings, line, column)
    assert said == (
        f'Recent charts ({FSI}chart/recent{PDI}): 1 of 2 entries left out ({FSI}"/tmp/\\ud800x.yaml"{PDI} '
        "holds a character no file name here can hold (U+D800)); the other entries are kept."
    ), said
    line, column = _at(written, '"/tmp/\\udfff"')
    assert _line(box["text"], settings, line, column).endswith("(U+DFFF); the default is used."), box["text"]
    assert str(chart) in facts["charts"] and not any("\\ud800" in c or "\ud800" in c for c in facts["charts"])
