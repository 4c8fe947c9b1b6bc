"""Numbers written in decimal that no float holds as written: `1e999` and `-1e400` (read as
infinity), `1e-400` (read as 0), `2.5e-320` (digits lost). Each is refused where it is
written, quoting it, by the parser and by the quick reader of large charts' point lists
alike, in English and German; never "coordinate inf" or a polygon made degenerate by a
number silently read as 0 (written_numbers.unreadable)."""

from __future__ import annotations

import pytest

from reflexmap import i18n
from reflexmap.atlas import parse_atlas, point_lists
from reflexmap.atlas.document import ChartDocument

from ..atlas.test_loader_errors import HEAD, SQUARE, ZONE

TOO_LARGE = "this number is too large to read: '{}'"
TOO_SMALL = "this number is too close to zero to read (write 0 for zero): '{}'"
TOO_FAR = "this number is too far from zero to read: '{}'"  # (before: "too large", for -1e999)
WRITTEN = {
    "1e999": TOO_LARGE,
    "-1e400": TOO_FAR,
    "-1e999": TOO_FAR,
    "1E999": TOO_LARGE,
    "12.5e+308": TOO_LARGE,
    "1e-400": TOO_SMALL,
    "-0.001e-330": TOO_SMALL,
    "2.5e-320": TOO_SMALL,  # a float holds it with digits lost (subnormal)
}
SHAPES = {  # the point [number, 0] written in each way the reader meets it
    "flow": "[[0, 0], [{n}, 0], [10, 10]]",
    "one a line": "\n        - [0, 0]\n        - [{n}, 0]\n        - [10, 10]",
    "compact block": "\n        - - 0\n          - 0\n        - - {n}\n          - 0"
    "\n        - - 10\n          - 10",
    "tagged": "[[0, 0], [!!float {n}, 0], [10, 10]]",
}


def _chart(shape: str, zones: int = 1) -> str:
    return (
        HEAD
        + "".join(ZONE.format(id=f"z{i}", polygon=SQUARE) for i in range(zones - 1))
        + ZONE.format(id="z", polygon=shape)
    )


def german_errors(text: str) -> list[tuple[int, int, str]]:
    """(line, column, message) of each error of the chart `text`, said in German."""
    i18n.set_language("de")
    try:
        errors = parse_atlas(text, "chart.yaml").errors
    finally:
        i18n.set_language("en")
    return [(e.line, e.column, e.message) for e in errors]


def _at(text: str, error) -> str:
    line = text.split("\n")[error.line - 1]
    return line[error.column - 1 :]


@pytest.mark.parametrize("shape", SHAPES)
@pytest.mark.parametrize("written", WRITTEN)
def test_a_number_no_float_holds_is_refused_where_it_is_written(written: str, shape: str):
    text = _chart(SHAPES[shape].format(n=written))
    errors = parse_atlas(text, "chart.yaml").errors
    assert [e.message for e in errors] == [WRITTEN[written].format(written)]
    number = ("!!float " if shape == "tagged" else "") + written
    after = _at(text, errors[0])
    assert after.startswith(number) and after[len(number) : len(number) + 1] in ("", ","), after


@pytest.mark.parametrize("written", ["1e999", "-1e400", "1e-400"])
def test_a_large_chart_says_the_same_at_the_same_place_as_the_parser_alone(written: str, monkeypatch):
    """A chart over point_lists.MIN_CHARS: its point lists are read from the text directly."""
    text = _chart(f"[[0, 0], [10, 0], [10, {written}], [0, 10]]", zones=400)
    assert len(text) > point_lists.MIN_CHARS and point_lists.splice(text) is not None
    quick = parse_atlas(text, "chart.yaml").errors
    monkeypatch.setattr(point_lists, "splice", lambda text: None)
    alone = parse_atlas(text, "chart.yaml").errors
    assert [str(e) for e in quick] == [str(e) for e in alone]
    assert [e.message for e in quick] == [WRITTEN[written].format(written)]
    assert _at(text, quick[0]).startswith(written + "]")


@pytest.mark.parametrize("written", ["0e-400", "-0.0e-999", "0.000e+999", "1e-300", "1.5e300"])
def test_zero_and_numbers_a_float_holds_are_read_whatever_their_exponent(written: str):
    text = HEAD.replace("[20, 0]", f"[20, {written}]") + ZONE.format(id="z", polygon=SQUARE)
    errors = parse_atlas(text, "chart.yaml").errors
    assert not any("to read" in e.message for e in errors), [str(e) for e in errors]


def test_outside_points_too_a_number_no_float_holds_is_refused_in_german():
    text = HEAD.replace("atlas_format: 1", "atlas_format: 1e999") + ZONE.format(id="z", polygon=SQUARE)
    assert german_errors(text) == [(1, 15, "diese Zahl ist zu groß, um sie zu lesen: '1e999'")]


def test_a_negative_number_no_float_holds_is_too_far_from_zero_in_german():
    text = _chart(SHAPES["flow"].format(n="-1e999"))
    assert german_errors(text) == [
        (25, 31, "diese Zahl ist zu weit von null entfernt, um sie zu lesen: '-1e999'")
    ]


# A number a float holds, outside the coordinates' range: quoted as written, not as Python
# writes the float it is read as (before: "coordinate 1e+308", "-3000.5", "2001.0" after a tag)
OUT_OF_RANGE = ["1e308", "1E+308", "-3000.50", "2001", "12345.678901234567890", "0.25e4"]


@pytest.mark.parametrize("shape", SHAPES)
@pytest.mark.parametrize("written", OUT_OF_RANGE)
def test_a_coordinate_out_of_range_is_quoted_as_written(written: str, shape: str):
    text = _chart(SHAPES[shape].format(n=written))
    errors = parse_atlas(text, "chart.yaml").errors
    place = {"flow": (25, 31), "one a line": (27, 12), "compact block": (28, 13), "tagged": (25, 31)}[shape]
    said = f"coordinate {written} is outside the allowed range -2000..2000 mm"
    assert [(e.line, e.column, e.message) for e in errors] == [(*place, said)]


@pytest.mark.parametrize("written", ["1e308", "-3000.50"])
def test_a_large_chart_quotes_a_coordinate_out_of_range_as_written(written: str):
    text = _chart(f"[[0, 0], [10, 0], [10, {written}], [0, 10]]", zones=400)
    assert point_lists.splice(text) is not None  # (read from the text directly)
    errors = parse_atlas(text, "chart.yaml").errors
    said = f"coordinate {written} is outside the allowed range -2000..2000 mm"
    assert [(e.line, e.column, e.message) for e in errors] == [(3616, 44, said)]


def test_a_coordinate_out_of_range_is_quoted_as_written_in_german():
    text = _chart(SHAPES["flow"].format(n="1.50e4"))
    assert german_errors(text) == [
        (25, 31, "Koordinate 1.50e4 liegt außerhalb des erlaubten Bereichs -2000..2000 mm")
    ]


def test_other_messages_quote_numbers_as_written():
    """A point that is no [x, y], and a number where a word is wanted (before: [1.5, 0, 3], 1.5)."""
    errors = parse_atlas(_chart("[[0, 0], [1.50, 0, 3], [10, 10]]"), "chart.yaml").errors
    assert [(e.line, e.column, e.message) for e in errors] == [
        (25, 30, "a point must be [x, y] (two numbers), not [1.50, 0, 3]")
    ]
    errors = parse_atlas(_chart(SQUARE).replace("foot: left", "foot: 1.50"), "chart.yaml").errors
    assert [(e.line, e.column, e.message) for e in errors] == [
        (9, 11, "1.50 is not a valid foot; expected one of: left, right")
    ]


BLOCK_POINT = "\n        - [0, 0]\n        - - 1.50\n          - 0\n          - 3e0\n        - [10, 10]"
FLOW_OVER_LINES = "[[0, 0], [1.50,\n   0, 3e0], [10, 10]]"


@pytest.mark.parametrize("language", ["en", "de"])
@pytest.mark.parametrize("zones", [1, 400])  # (400: a large chart, its points read from the text)
@pytest.mark.parametrize(("shape", "column"), [(BLOCK_POINT, 11), (FLOW_OVER_LINES, 30)])
def test_a_point_written_over_lines_is_quoted_as_written(shape: str, column: int, zones: int, language: str):
    """A point written as a block list, or a flow list over lines, is quoted with its numbers
    as written, in both languages (before: in Python's formatting, [1.5, 0, 3.0], and in German
    [1,5; 0; 3,0])."""
    text = _chart(shape, zones=zones)
    i18n.set_language(language)
    try:
        errors = parse_atlas(text, "chart.yaml").errors
    finally:
        i18n.set_language("en")
    said = {
        "en": "a point must be [x, y] (two numbers), not [1.50, 0, 3e0]",
        "de": "ein Punkt muss [x, y] sein (zwei Zahlen), nicht [1.50, 0, 3e0]",
    }[language]
    line = text.count("\n", 0, text.index("1.50")) + 1
    assert [(e.line, e.column, e.message) for e in errors] == [(line, column, said)]


@pytest.mark.parametrize("written", ["1e999", "1e-400", ".nan", "!!float 1e999", "!!float -1e-400"])
def test_the_editor_marks_the_point_holding_a_number_it_cannot_read(written: str):
    """Not a second part's vertex: [10, 1e999] is point 1 of part 0 (its y is number 1)."""
    text = _chart(f"[[0, 0], [10, {written}], [10, 10], [0, 10]]")
    problems = ChartDocument.from_text(text).draft().problems
    assert [(p.zone, p.view, p.part, p.vertex) for p in problems] == [("z", "plantar-left", 0, 1)]


TEXT_FIELDS = {  # where text is wanted: (the line as in _chart, the line with the number)
    "name": ('name: "Zone"', "name: {n}"),
    "claim": ('claim: "the sacrum"', "claim: {n}"),
    "chart title": ('title: "T"', "title: {n}"),
    "zone id": ("  - id: z\n", "  - id: {n}\n"),
}


@pytest.mark.parametrize("field", TEXT_FIELDS)
@pytest.mark.parametrize("written", ["1e3", "1e999", "-1e400", "1e-400", "2.5e-320"])
def test_a_text_field_refuses_every_number_written_in_decimal_alike(written: str, field: str):
    """One rule: a plain value written in decimal where text is wanted is a number, whether a
    float holds it or not (before: `name: 1e999` was taken as the text "1e999")."""
    old, new = TEXT_FIELDS[field]
    text = _chart(SQUARE).replace(old, new.format(n=written), 1)
    errors = parse_atlas(text, "chart.yaml").errors
    key = {"chart title": "title", "zone id": "id"}.get(field, field)
    assert [e.message for e in errors] == [
        f"'{key}' must be text, not the number {written}; put text in quotes: \"{written}\""
    ]
    assert _at(text, errors[0]).startswith(written)


@pytest.mark.parametrize("written", ["1e999", "1e-400"])
def test_a_text_field_refuses_such_a_number_in_german(written: str):
    text = _chart(SQUARE).replace('name: "Zone"', f"name: {written}")
    line = text.split("\n").index(f"    name: {written}") + 1
    assert german_errors(text) == [
        (
            line,
            11,
            f"'name' muss Text sein, nicht die Zahl {written}; "
            f'Text in Anführungszeichen setzen: "{written}"',
        )
    ]


@pytest.mark.parametrize("written", ['"1e999"', "'1e-400'", "!!str 1e999", "010"])
def test_text_in_quotes_or_tagged_as_text_stays_text(written: str):
    text = _chart(SQUARE).replace('name: "Zone"', f"name: {written}")
    result = parse_atlas(text, "chart.yaml")
    assert not result.errors, [str(e) for e in result.errors]


@pytest.mark.parametrize("written", ["10", "1e3", "1e999", "1e-400"])
def test_a_key_written_as_such_a_number_is_refused_as_any_number_is(written: str):
    text = _chart(SQUARE).replace('claim: "the sacrum"', f"{written}: x")
    errors = parse_atlas(text, "chart.yaml").errors
    assert [e.message for e in errors] == ["keys must be plain text (put quotes around it)"]
    assert _at(text, errors[0]).startswith(f"{written}: x")


@pytest.mark.parametrize("written", ["1e999", "1e-400"])
def test_a_choice_quotes_such_a_number_as_written(written: str):
    """As a number, not as text: `region: 1e999` was "'1e999' is not a valid region"."""
    text = _chart(SQUARE).replace("region: spine", f"region: {written}")
    errors = parse_atlas(text, "chart.yaml").errors
    assert [e.message.split(";")[0] for e in errors] == [f"{written} is not a valid region"]


@pytest.mark.parametrize("written", ["!!float 1e999", "!!float 1e-400"])
def test_a_tagged_number_no_float_holds_is_said_at_its_point_like_a_plain_one(written: str):
    """The schema's word at the value's path (before: the reader's, with no path), where a
    number or text is wanted, in every place of a chart."""
    text = _chart(f"[[0, 0], [10, {written}], [10, 10], [0, 10]]")
    errors = parse_atlas(text, "chart.yaml").errors
    number = written.split()[1]
    assert [e.message for e in errors] == [WRITTEN[number].format(number)]
    assert _at(text, errors[0]).startswith(written + "]")
    text = _chart(SQUARE).replace('name: "Zone"', f"name: {written}")
    errors = parse_atlas(text, "chart.yaml").errors
    assert [e.message for e in errors] == [
        f"'name' must be text, not the number {number}; put text in quotes: \"{number}\""
    ]


@pytest.mark.parametrize("written", ["1e999", "-1e400", "1e-400", "2.5e-320"])
@pytest.mark.parametrize("edit", ["chart title", "name of its zone", "name of another zone"])
def test_an_edit_elsewhere_keeps_such_a_number_as_written(written: str, edit: str):
    """The editor's reader (ruamel.yaml) reads by the loader's rule: an edit that writes the
    chart again leaves 1e999 and 1e-400 as written, still refused (before: written back as
    `inf0` and `0`, and a 1e-400 refused before became a sound 0 without a word)."""
    from reflexmap.atlas.edits import SetChartText, SetText

    text = _chart(f"[[0, 0], [10, {written}], [10, 10], [0, 10]]", zones=2)
    change = {
        "chart title": SetChartText("title", "T2"),
        "name of its zone": SetText("z", "name", "Zone 2"),
        "name of another zone": SetText("z0", "name", "Zone 2"),
    }[edit]
    applied = change.apply(ChartDocument.from_text(text))
    new = applied.document.text
    assert f"[10, {written}]" in new, new
    assert [p.message for p in applied.problems] == [WRITTEN[written].format(written)]
    assert [(p.zone, p.part, p.vertex) for p in applied.problems] == [("z", 0, 1)]


@pytest.mark.parametrize("shape", SHAPES)
@pytest.mark.parametrize("written", ["1e999", "1e-400"])
def test_a_vertex_moved_beside_such_a_number_leaves_it_as_written(written: str, shape: str):
    """The ring is written anew (in place, line by line, or by the round trip): the number
    no float holds stays as written, still refused at its vertex (before: '[10, inf0]' said
    "a coordinate must be a number, not text ('inf0')", and 1e-400 became a sound 0)."""
    from reflexmap.atlas.edits import MoveVertex

    text = _chart(SHAPES[shape].format(n=written), zones=2)
    applied = MoveVertex("z", "plantar-left", 0, 2, (12, 12)).apply(ChartDocument.from_text(text))
    zone = applied.document.text.split("  - id: z\n")[1]
    assert written in zone and "12" in zone, zone
    assert [(p.message, p.zone, p.vertex) for p in applied.problems] == [
        (WRITTEN[written].format(written), "z", 1)
    ]


@pytest.mark.parametrize(
    "written, said",
    [
        ("!!int 1e999", "cannot read '1e999' as a whole number"),
        ("!!int 1.5", "cannot read '1.5' as a whole number"),
        ("!!float 010", "write numbers in decimal, such as 10, -2.5 or 1.5e3: '010'"),
        ("!!int 0x1F", "write numbers in decimal, such as 10, -2.5 or 1.5e3: '0x1F'"),
    ],
)
def test_the_editor_marks_the_point_of_a_tagged_number_the_reader_refuses(written: str, said: str):
    """The reader's own refusals of a value are placed in what it read (before: any such
    error left every problem without a zone, so the editor marked nothing)."""
    text = _chart(f"[[0, 0], [10, {written}], [10, 10], [0, 10]]")
    problems = ChartDocument.from_text(text).draft().problems
    assert [(p.message, p.zone, p.view, p.part, p.vertex) for p in problems] == [
        (said, "z", "plantar-left", 0, 1)
    ]
