"""A settings value that cannot be used is said where it is, as a zone file's problem is: the
whole path of the file, the line and column of the value (of the entry, in a list or table),
the setting, why, and what is used instead; one heading for one value and another for several;
a value of the wrong kind in a list says what was expected and what was found, quoting it as
written ("expected a file name as text, found a number written 1e999"). English and German."""

from __future__ import annotations

from pathlib import Path

import pytest

from reflexmap import bounded_json, i18n
from reflexmap.settings import Settings

FSI, PDI = "\u2068", "\u2069"

# a hand-written file, indented as a person writes it: each bad value on its own line
HAND_WRITTEN = """{
 "format": "reflexmap-settings",
 "version": 1,
 "values": {
  "appearance/theme": "dark",
  "view/labels": "yes",
  "chart/recent": ["/charts/a.yaml", 1e999, "/charts/b.yaml"],
  "chart/titles": {"/charts/a.yaml": {"": "A", "de": 5}},
  "window/geometry": {"$base64": "!!not base64"},
  "quiz/setup/length": 1e999,
  "quiz/setup/kinds": ["find", [1]],
  "appearance/text-scale": 7
 }
}
"""

# the value (or entry) as written on its line -> what the line of the message says after the key
EXPECTED = {
    '"yes"': f'{FSI}"yes"{PDI} is not true or false; the default {FSI}on{PDI} is used.',
    "1e999, ": "1 of 3 entries left out (expected a file name as text, found a number written "
    f"{FSI}1e999{PDI}); the other entries are kept.",
    "5}}": f"1 of 1 entries left out (expected a title as text, found a number written {FSI}5{PDI}); "
    "the default is used.",
    '"!!not base64"': f'{FSI}"!!not base64"{PDI} is not valid base64; the default is used.',
    "1e999,\n": f"this number is too large to read: '1e999'; the default {FSI}10{PDI} is used.",
    "[1]]": "1 of 2 entries left out (expected one of: find, name, technique, claim (as text), found a list "
    f"({FSI}[1]{PDI})); the other entries are kept.",
    "7\n": f"{FSI}7{PDI} is not one of: 0.9; 1; 1.25; 1.5; the default {FSI}1{PDI} is used.",
}


def _place(path: Path, text: str, written: str) -> str:
    at = text.index(written)
    line = text.count("\n", 0, at) + 1
    return f"• {FSI}{path}{PDI}:{line}:{at - text.rfind(chr(10), 0, at)}: "


def test_each_bad_value_is_said_at_its_line_and_column_with_what_is_used(tmp_path: Path):
    """Before: "• Quiz: questions per round (quiz/setup/length): this number is too large to
    read: '1e999'." (no file, no place, nothing about the default)."""
    path = tmp_path / "settings.json"
    path.write_text(HAND_WRITTEN, encoding="utf-8")
    settings = Settings(path)
    (message,) = settings.warnings
    lines = message.splitlines()
    assert lines[0] == "These 7 settings could not be used as stored; the others are kept:"
    for written, said in EXPECTED.items():
        start = _place(path, HAND_WRITTEN, written)
        (line,) = [line for line in lines if line.startswith(start)]
        assert line.endswith(": " + said), (line, said)
    (kept,) = tmp_path.glob("settings.json.bad-values-*")
    assert lines[-1] == f"The file as it was is kept as {FSI}{kept}{PDI}."
    assert kept.read_text(encoding="utf-8") == HAND_WRITTEN
    # the usable values and entries stand; only the bad ones are back to their defaults
    assert settings.value("appearance/theme") == "dark"
    assert settings.value("chart/recent", [], type=list) == ["/charts/a.yaml", "/charts/b.yaml"]
    assert settings.value("quiz/setup/kinds") == ["find"]
    assert settings.value("quiz/setup/length") is None and settings.value("view/labels") is None


def test_one_bad_value_is_said_as_one(tmp_path: Path):
    path = tmp_path / "settings.json"
    text = HAND_WRITTEN.replace('"yes"', "true").replace(
        '  "window/geometry": {"$base64": "!!not base64"},\n', ""
    )
    for written in ("1e999, ", "5}}", "[1]]", "7\n"):
        text = text.replace(
            written, {"1e999, ": '"/c.yaml",', "5}}": '"B"}}', "[1]]": '"name"]', "7\n": "1\n"}[written]
        )
    path.write_text(text, encoding="utf-8")
    (message,) = Settings(path).warnings
    first, line, kept = message.splitlines()
    assert first == "This setting could not be used as stored; the others are kept:"
    assert line.startswith(_place(path, text, "1e999,\n"))
    assert line.endswith(
        f"({FSI}quiz/setup/length{PDI}): this number is too large to read: '1e999'; "
        f"the default {FSI}10{PDI} is used."
    )


def test_the_places_and_defaults_are_said_in_german(tmp_path: Path):
    path = tmp_path / "settings.json"
    path.write_text(HAND_WRITTEN, encoding="utf-8")
    settings = Settings(path)  # read in English, said in the language of when it is shown
    i18n.set_language("de")
    try:
        (message,) = settings.warnings
    finally:
        i18n.set_language("en")
    lines = message.splitlines()
    assert lines[0] == "Diese 7 Einstellungen waren so nicht verwendbar; die übrigen bleiben erhalten:"
    recent = _place(path, HAND_WRITTEN, "1e999, ")
    (line,) = [line for line in lines if line.startswith(recent)]
    assert f"erwartet: ein Dateiname als Text; gefunden: eine Zahl, geschrieben {FSI}1e999{PDI}" in line, line
    assert line.endswith("die übrigen Einträge bleiben erhalten.")
    (line,) = [line for line in lines if line.startswith(_place(path, HAND_WRITTEN, "1e999,\n"))]
    assert line.endswith(f"'1e999'; die Voreinstellung {FSI}10{PDI} gilt."), line


@pytest.mark.parametrize(
    "text, path, place",
    [
        ('{"a": {"b": [1, {"c": 2}]}}', ("a", "b", 1, "c"), (1, 23)),
        ('{"a": 1,\n "a": 2}', ("a",), (2, 7)),  # written twice: the one json keeps
        ('{"k\\"[": [0, 1e999]}', ('k"[',), (1, 10)),  # a key with an escaped quote and a bracket
        ('{"s": "],{:", "t": [[], {}, 3]}', ("t", 2), (1, 29)),  # brackets inside a text
        ("[\n [], \n true]", (1,), (3, 2)),
    ],
)
def test_the_reader_finds_the_place_of_a_value(text: str, path: tuple, place: tuple):
    assert bounded_json.places(text, {path}) == {path: place}


def test_finding_places_is_linear_in_the_size_of_the_file():
    """A settings file of 4 MiB of entries (the reader's bound): one scan, no recursion."""
    text = '{"values": {"x": [' + ", ".join(["[1, 2]"] * 400_000) + '], "y": 1e999}}'
    assert bounded_json.places(text, {("values", "y")}) == {("values", "y"): (1, len(text) - 6)}


@pytest.mark.parametrize(
    ("key", "written", "said"),
    [
        ("view/labels", '"true"', f'{FSI}"true"{PDI} in quotes is text; write it without quotes'),
        ("quiz/setup/length", '"10"', f'{FSI}"10"{PDI} in quotes is text; write it without quotes'),
        ("view/labels", '"yes"', f'{FSI}"yes"{PDI} is not true or false'),
    ],
)
def test_a_value_in_quotes_is_blamed_on_its_quotes(tmp_path: Path, key, written, said):
    """Before: '"true" is not true or false', '"10" is not a whole number'."""
    path = tmp_path / "settings.json"
    text = '{"format": "reflexmap-settings", "version": 1, "values": {"KEY": VALUE}}'
    path.write_text(text.replace("KEY", key).replace("VALUE", written), encoding="utf-8")
    (message,) = Settings(path).warnings
    assert f": {said}; the default" in message, message
