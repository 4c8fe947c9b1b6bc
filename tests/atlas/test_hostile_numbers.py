"""Numbers are written in decimal (atlas/written_numbers.py): one rule for the quick reader of
point lists and the parser. YAML 1.1's other forms (010 is 8, 0x10 16, 1:20 80, .nan) are
refused where a number is wanted, quoting what was written, at the same place with the same
words whichever reader read the file; YAML 1.1's true/false/null words are the text written."""

from __future__ import annotations

import pytest

from reflexmap.atlas import parse_atlas, point_lists, written_numbers
from reflexmap.atlas import yaml_source as ys

from ..hostile.cases import NOT_DECIMAL, NUMBER_LISTS, chart


@pytest.mark.parametrize(
    ("written", "value"),
    [
        ("0", 0),
        ("-0", 0),
        ("+3", 3),
        ("10", 10),
        ("-2.5", -2.5),
        ("0.25", 0.25),
        ("1.5e3", 1500.0),
        ("2E-4", 2e-4),
        ("1e2", 100.0),
        ("-7.0E+1", -70.0),
    ],
)
def test_decimal_numbers_are_read(written, value):
    number = written_numbers.read(written)
    assert number == value and type(number) is type(value)
    data, _, errors = ys.parse_yaml(f"a: [{written}]\nb: {written}\n", "t.yaml")
    assert not errors and data == {"a": [value], "b": value}
    assert type(data["a"][0]) is type(value)


@pytest.mark.parametrize(
    "written", NOT_DECIMAL + ("1_000.5", "0o17", "-0x1F", "190:20:30", ".Inf", "-.INF", ".NaN")
)
def test_other_number_forms_are_the_text_written_and_look_like_numbers(written):
    assert written_numbers.read(written) is None
    assert written_numbers.looks_like_number(written)
    data, _, errors = ys.parse_yaml(f"a: [{written}]\nb: {written}\n", "t.yaml")
    assert not errors and data == {"a": [written], "b": written}


@pytest.mark.parametrize(
    "written", ["yes", "no", "on", "off", "true", "False", "null", "~", "Null", "2024-01-01", "=", "y", "n"]
)
def test_yaml_words_are_the_text_written(written):
    data, _, errors = ys.parse_yaml(f"a: {written}\nb: [{written}]\n{written}: 1\n", "t.yaml")
    assert not errors and data == {"a": written, "b": [written], written: 1}


def test_words_are_no_numbers():
    for text in ("lumbar", "no", "L5", "x10", "-", "e3", "inf", "nan"):
        assert not written_numbers.looks_like_number(text), text


def test_tagged_numbers_follow_the_same_rule():
    data, _, errors = ys.parse_yaml("a: !!float 1\nb: !!int 12\n", "t.yaml")
    assert not errors and data == {"a": 1.0, "b": 12} and type(data["a"]) is float
    for written in ("0x10", "010", ".nan"):
        _, _, errors = ys.parse_yaml(f"a: [!!int {written}]\n", "t.yaml")
        assert [e.message for e in errors] == [written_numbers.not_decimal(written)]
        assert (errors[0].line, errors[0].column) == (1, 5)


def test_an_empty_value_is_still_nothing():
    data, _, errors = ys.parse_yaml("a:\nb: ''\n", "t.yaml")
    assert not errors and data == {"a": None, "b": ""}


def _large(polygon: str) -> str:
    """A chart of the test's zone and enough zones after it that point lists are read from
    the text directly (point_lists.MIN_CHARS)."""
    text = chart(polygon)
    square = "\n      - [0, 0]\n      - [10, 0]\n      - [10, 10]\n      - [0, 10]"
    zone = chart(square)[text.index("  - id: z\n") :]
    more = [zone.replace("id: z\n", f"id: z{k}\n") for k in range(400)]
    return text.rstrip("\n") + "\n" + "".join(more)


@pytest.mark.parametrize("how", NUMBER_LISTS)
@pytest.mark.parametrize("written", NOT_DECIMAL)
def test_both_readers_refuse_a_number_alike(written, how, monkeypatch):
    text = _large(NUMBER_LISTS[how].replace("N", written))
    assert len(text) > point_lists.MIN_CHARS and point_lists.splice(text) is not None
    fast = parse_atlas(text, "chart.yaml")
    with monkeypatch.context() as m:
        m.setattr(point_lists, "splice", lambda text: None)
        slow = parse_atlas(text, "chart.yaml")
    assert fast.errors == slow.errors
    at = text.index(written, text.index("plantar-left:", text.index("  - id: z\n")))
    line, column = text.count("\n", 0, at) + 1, at - text.rfind("\n", 0, at)
    assert [(e.line, e.column, e.message) for e in fast.errors] == [
        (line, column, f"write numbers in decimal, such as 10, -2.5 or 1.5e3: {written!r}")
    ]


@pytest.mark.parametrize("how", NUMBER_LISTS)
def test_both_readers_read_signs_and_exponents_alike(how, monkeypatch):
    text = _large(NUMBER_LISTS[how].replace("N", "+1.5e1")).replace("10, 10]", "1e1, +10]")
    spliced = point_lists.splice(text)
    assert spliced is not None and len(spliced.lists) >= 400
    fast = ys.parse_yaml(text, "chart.yaml")
    with monkeypatch.context() as m:
        m.setattr(point_lists, "splice", lambda text: None)
        slow = ys.parse_yaml(text, "chart.yaml")
    assert not fast[2] and not slow[2]
    assert fast[0] == slow[0]
    values = [x for p in fast[0]["zones"][0]["shapes"]["plantar-left"] for x in p]
    assert 15.0 in values and all(
        type(a) is type(b)
        for a, b in zip(
            values, [x for p in slow[0]["zones"][0]["shapes"]["plantar-left"] for x in p], strict=True
        )
    )


@pytest.mark.parametrize(
    ("polygon", "written"),
    [
        ('[["23.9", 253.1], [10, 0], [10, 10], [0, 10]]', "23.9"),
        ("[[0, '-5'], [10, 0], [10, 10], [0, 10]]", "-5"),
        ('\n      - [0, 0]\n      - [10, "1e1"]\n      - [10, 10]\n      - [0, 10]', "1e1"),
    ],
)
def test_a_number_in_quotes_is_blamed_on_its_quotes(polygon, written):
    """Before: "write numbers in decimal, such as 10, -2.5 or 1.5e3: '23.9'" (it is decimal)."""
    text = chart(polygon)
    (error,) = parse_atlas(text, "chart.yaml").errors
    assert error.message == f"a number in quotes is text; write it without quotes: {written!r}"
    at = text.index(written, text.index("plantar-left:", text.index("  - id: z\n"))) - 1
    assert (error.line, error.column) == (text.count("\n", 0, at) + 1, at - text.rfind("\n", 0, at))


def test_a_quoted_format_number_is_blamed_on_its_quotes():
    text = chart().replace("atlas_format: 1", "atlas_format: '1'")
    (error,) = parse_atlas(text, "chart.yaml").errors
    assert (error.line, error.column) == (1, 15)
    assert error.message == "a number in quotes is text; write it without quotes: '1'"


@pytest.mark.parametrize("written", ['"010"', '"1e999"', '"0x10"'])
def test_a_quoted_number_written_otherwise_still_says_how_to_write_it(written):
    (error,) = parse_atlas(chart(f"[[{written}, 0], [10, 0], [10, 10], [0, 10]]"), "c.yaml").errors
    assert "in quotes" not in error.message
