"""Opening a chart reads its text without recording where each value and key stands
(yaml_source.parse_yaml's `lean`): a chart with no mistake never needs a place. A message
that needs one reads the text again with every place recorded, so each message keeps its
file:line:column exactly as before."""

from __future__ import annotations

import re

import pytest
import yaml

from benchmarks.synthetic import synthetic_chart
from reflexmap.atlas import yaml_source
from reflexmap.atlas.loader import parse_atlas
from reflexmap.atlas.yaml_source import parse_yaml


def _chart(zones: int = 40) -> str:
    return yaml.safe_dump(synthetic_chart(zones), sort_keys=False, allow_unicode=True)


def _asked(monkeypatch) -> list:
    """The lean positions the loader makes, recorded as they are made."""
    made: list = []
    parse = yaml_source.parse_yaml

    def recorded(*args, **kwargs):
        result = parse(*args, **kwargs)
        if kwargs.get("lean"):
            made.append(result[1])
        return result

    monkeypatch.setattr(yaml_source, "parse_yaml", recorded)
    return made


def test_a_sound_chart_is_opened_without_reading_its_places(monkeypatch):
    made = _asked(monkeypatch)
    result = parse_atlas(_chart())
    assert result.ok
    assert len(made) == 1
    assert made[0]._asked is False  # nothing asked where a value stands: read once


@pytest.mark.parametrize("flow", [False, True])
def test_the_lean_reading_gives_the_same_data_and_the_same_places_when_asked(flow):
    text = _chart()
    if flow:  # point lists in flow style ([x, y]), as charts written by hand have them
        text = yaml.safe_dump(synthetic_chart(40), sort_keys=False, default_flow_style=None)
    data, positions, errors = parse_yaml(text, "chart.yaml")
    lean_data, lean_positions, lean_errors = parse_yaml(text, "chart.yaml", lean=True)
    assert lean_data == data and lean_errors == errors == []
    assert lean_positions.keys == positions.keys  # read again here
    assert lean_positions.values == positions.values
    assert lean_positions.point_lists.keys() == positions.point_lists.keys()
    assert lean_positions.of_value(("zones", 7, "shapes")) == positions.of_value(("zones", 7, "shapes"))


@pytest.mark.parametrize(
    "mistake",
    [
        ("confidence: estimate", "confidence: guessed"),  # the schema's message, at the value
        ("  technique: none\n", "  technique: none\n  colour: red\n"),  # at the extra key
        ("id: plantar-left-7\n", "id: plantar-left-3\n"),  # the builder's: a duplicate id
    ],
)
def test_a_message_keeps_its_place(monkeypatch, mistake):
    old, new = mistake
    text = _chart()
    at = text.index(old, text.index("id: plantar-left-7"))
    if old.startswith("id:"):
        at = text.index(old)
    text = text[:at] + new + text[at + len(old) :]
    lean = parse_atlas(text, "chart.yaml")
    assert not lean.ok
    # the same file read as before, every place recorded while reading
    parse = yaml_source.parse_yaml
    monkeypatch.setattr(yaml_source, "parse_yaml", lambda *a, lean=False, **k: parse(*a, **k))
    whole = parse_atlas(text, "chart.yaml")
    assert [(e.line, e.column, e.message) for e in lean.errors] == [
        (e.line, e.column, e.message) for e in whole.errors
    ]
    assert lean.errors[0].line > 1


def _whole_places(monkeypatch, text: str) -> list:
    """The messages of `text` placed as before: every place recorded while reading."""
    parse = yaml_source.parse_yaml
    with monkeypatch.context() as patched:
        patched.setattr(yaml_source, "parse_yaml", lambda *a, lean=False, **k: parse(*a, **k))
        return [(e.line, e.column, e.message) for e in parse_atlas(text, "chart.yaml").errors]


def _lengths_read(monkeypatch) -> list[int]:
    """The length of every text parse_yaml reads from now on."""
    read: list[int] = []
    parse = yaml_source.parse_yaml

    def counted(text, *args, **kwargs):
        read.append(len(text))
        return parse(text, *args, **kwargs)

    monkeypatch.setattr(yaml_source, "parse_yaml", counted)
    return read


@pytest.mark.parametrize("slip", ["id", "confidence", "key"])
def test_a_file_with_thousands_of_mistakes_is_read_once_in_full(monkeypatch, slip):
    """Issue 14: 5,000 zones with one id (or one wrong value, or one unknown key each) were
    read twice in full, the second time only to place the first 100 messages."""
    text = _chart(1500)
    if slip == "id":
        text = re.sub(r"(?m)^(- id: )[a-z]+-[a-z]+-\d+$", r"\1plantar-left-0", text)
    elif slip == "confidence":
        text = re.sub(r"(?m)^(  confidence: )\w+$", r"\1guessed", text)
    else:
        text = re.sub(r"(?m)^(  technique: .*\n)", r"\1  colour: red\n", text)
    expected = _whole_places(monkeypatch, text)
    assert len(expected) == 101  # the first 100, and "more follow"
    read = _lengths_read(monkeypatch)
    found = [(e.line, e.column, e.message) for e in parse_atlas(text, "chart.yaml").errors]
    assert found == expected  # each message at its place, as before
    assert read[0] == len(text)  # the reading itself
    assert all(length < len(text) / 2 for length in read[1:])  # and only the file's beginning again


def test_a_mistake_far_into_the_file_is_placed_from_the_whole_text(monkeypatch):
    text = _chart(1500)
    at = text.rindex("confidence: ")
    text = text[:at] + "confidence: guessed\n" + text[text.index("\n", at) + 1 :]
    expected = _whole_places(monkeypatch, text)
    assert len(expected) == 1 and expected[0][0] > text[: len(text) // 2].count("\n")
    assert [(e.line, e.column, e.message) for e in parse_atlas(text, "chart.yaml").errors] == expected
