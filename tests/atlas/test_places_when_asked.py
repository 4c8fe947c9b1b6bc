"""Opening a chart reads its text without recording where each value and key stands
(yaml_source.parse_yaml's `lean`): a chart with no mistake never needs a place. A message
that needs one reads the text again with every place recorded, so each message keeps its
file:line:column exactly as before."""

from __future__ import annotations

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
