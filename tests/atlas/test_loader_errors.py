"""Every mistake an author can make gets file:line:column and a plain message, never a traceback."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from reflexmap.atlas import AtlasLoadError, load_atlas, parse_atlas, read_atlas

HEAD = """\
atlas_format: 1
id: t
title: "T"
tradition: "Test"
sources:
  - {id: s1, title: "Source one"}
views:
  - id: plantar-left
    foot: left
    aspect: plantar
    outline: [[-20, 0], [20, 0], [20, 100], [-20, 100]]
  - id: plantar-right
    foot: right
    aspect: plantar
    mirror_of: plantar-left
zones:
"""
ZONE = """\
  - id: {id}
    name: "Zone"
    region: spine
    claim: "the sacrum"
    technique: "Thumb-walk."
    sources: [s1]
    confidence: sourced
    shapes:
      plantar-left: {polygon}
"""
SQUARE = "[[0, 0], [10, 0], [10, 10], [0, 10]]"
ZONE_LINE = HEAD.count("\n") + 1  # line of the first zone's "- id:"


def errors_of(text: str) -> list:
    result = parse_atlas(text.encode("utf-8"), "chart.yaml")
    assert result.atlas is None, "expected the chart to be rejected"
    assert result.errors
    for error in result.errors:
        assert error.path == "chart.yaml"
        assert str(error).startswith("chart.yaml:")
    return list(result.errors)


def only_error(text: str):
    errors = errors_of(text)
    assert len(errors) == 1, [str(e) for e in errors]
    return errors[0]


def zone(id: str = "z", polygon: str = SQUARE) -> str:
    return ZONE.format(id=id, polygon=polygon)


def test_valid_minimal_chart_loads():
    result = parse_atlas(HEAD + zone(), "chart.yaml")
    assert result.ok, result.errors
    assert [z.id for z in result.atlas.zones] == ["z"]
    # the mirrored view gets the outline reflected: x -> -x
    assert result.atlas.view("plantar-right").outline[1] == (-20.0, 0.0)


def test_yaml_syntax_error_has_line_and_column():
    error = only_error(HEAD + zone() + "  - id: [unclosed\n")
    # the parser notices at the end of the file (a line after the last): said at the bracket
    assert (error.line, error.column) == (ZONE_LINE + 9, 9)
    assert error.message == "this list is never closed: the file ends before its closing ']'"


@pytest.mark.parametrize(
    ("tail", "column", "said"),
    [
        ("extra: [1, 2,\n", 8, "this list is never closed"),  # after a comma (it named no bracket)
        ("extra: [1, 2,", 8, "this list is never closed"),  # and no line end
        ("extra: [1, 2\n", 8, "this list is never closed"),
        ("extra: {a: 1,\n", 8, "this mapping is never closed"),
        ("extra: [1, {a: 2,\n", 12, "this mapping is never closed"),  # the innermost one
        ('extra: [\'a [b\', "c {\\"d", 2,  # [ in a comment\n', 8, "this list is never closed"),
    ],
)
def test_a_bracket_never_closed_at_the_end_of_the_file_is_said_where_it_opens(tail, column, said):
    """The file ends inside a list or mapping in brackets: the error is placed at its opening
    bracket (it named line n + 1 of an n-line file, column 1, and after a trailing comma did
    not say which bracket was left open)."""
    text = HEAD + zone() + tail
    error = only_error(text)
    assert error.line == text.count("\n") + (0 if text.endswith("\n") else 1), error
    assert error.column == column and error.message.startswith(said), error


def test_tab_indentation_is_a_syntax_error_at_the_tab():
    error = only_error("atlas_format: 1\nid: t\n\ttitle: x\n")
    assert (error.line, error.column) == (3, 1)
    assert "YAML" in error.message


def test_wrong_type_names_the_key():
    error = only_error(HEAD + zone().replace('name: "Zone"', "name: 42"))
    assert (error.line, error.column) == (ZONE_LINE + 1, 11)
    assert error.message == "'name' must be text, not the number 42; put text in quotes: \"42\""


def test_missing_key_points_at_the_entry():
    error = only_error(HEAD + zone().replace('    claim: "the sacrum"\n', ""))
    assert error.line == ZONE_LINE
    assert error.message == "missing key 'claim' in zone 'Zone' [z]"  # its name, its id to find it


def test_unknown_key_points_at_the_key_and_lists_allowed():
    error = only_error(HEAD + zone().replace("    region: spine\n", "    region: spine\n    colour: red\n"))
    assert (error.line, error.column) == (ZONE_LINE + 3, 5)
    assert "unknown key 'colour'" in error.message
    assert "technique" in error.message


def test_duplicate_key_is_an_error_not_a_silent_overwrite():
    error = only_error(HEAD + zone().replace('    name: "Zone"\n', '    name: "Zone"\n    name: "Again"\n'))
    assert (error.line, error.column) == (ZONE_LINE + 2, 5)
    assert "duplicate key 'name' (first given on line" in error.message


def test_duplicate_zone_id():
    error = only_error(HEAD + zone("same") + zone("same"))
    assert (error.line, error.column) == (ZONE_LINE + 9, 9)
    assert error.message == f"duplicate zone id 'same' (first used on line {ZONE_LINE})"


def test_unknown_view_reference_points_at_the_key():
    text = HEAD + zone().replace("plantar-left:", "dorsal-left:")
    error = only_error(text)
    assert (error.line, error.column) == (ZONE_LINE + 8, 7)
    assert "unknown view 'dorsal-left'" in error.message


def test_unknown_source_reference():
    error = only_error(HEAD + zone().replace("sources: [s1]", "sources: [s1, nope]"))
    assert (error.line, error.column) == (ZONE_LINE + 5, 19)
    assert "unknown source 'nope'; known sources: s1" in error.message


def test_degenerate_polygon():
    error = only_error(HEAD + zone(polygon="[[0, 0], [5, 5], [10, 10]]"))
    assert error.line == ZONE_LINE + 8
    assert "degenerate" in error.message


def test_repeated_points_are_degenerate():
    error = only_error(HEAD + zone(polygon="[[0, 0], [0, 0], [5, 5], [0, 0]]"))
    assert error.message.endswith("degenerate: it has only 2 different points (a zone needs 3)")
    error = only_error(HEAD + zone(polygon="[[0, 0], [0, 0], [0, 0]]"))  # one, said as one
    assert error.message.endswith("degenerate: all its points are the same point"), error.message


def test_self_intersecting_polygon_names_the_crossing_edge():
    polygon = """
        - [0, 0]
        - [10, 10]
        - [10, 0]
        - [0, 10]"""
    error = only_error(HEAD + zone(polygon=polygon))
    assert "crosses itself near (5.0, 5.0) mm" in error.message
    assert error.line == ZONE_LINE + 9  # the point that starts the crossing edge
    assert error.column == 11


def test_zone_outside_outline_blames_the_furthest_point():
    polygon = """
        - [0, 0]
        - [10, 0]
        - [35, 10]
        - [0, 10]"""
    error = only_error(HEAD + zone(polygon=polygon))
    assert error.line == ZONE_LINE + 11
    said = "plantar view [plantar-left]: the zone lies 15.0 mm outside the foot's outline at point 3"
    assert said in error.message


def test_small_overhang_within_tolerance_is_accepted():
    result = parse_atlas(HEAD + zone(polygon="[[0, 0], [20.3, 0], [20.3, 10], [0, 10]]"), "c.yaml")
    assert result.ok, result.errors


def test_mirror_of_a_missing_polygon():
    text = HEAD + zone().replace("      plantar-left: " + SQUARE + "\n", "      plantar-right: mirror\n")
    error = only_error(text)
    assert "'mirror' needs a polygon for the left foot, plantar view [plantar-left]" in error.message


def test_mirror_in_a_view_with_its_own_outline():
    error = only_error(HEAD + zone() + "      plantar-left-again: mirror\n".replace("-again", ""))
    assert "duplicate key" in error.message
    text = HEAD.replace(
        "    mirror_of: plantar-left\n", "    outline: [[-20, 0], [20, 0], [20, 100], [-20, 100]]\n"
    )
    error = only_error(text + zone() + "      plantar-right: mirror\n")
    assert "'mirror' only works in a view that mirrors another" in error.message


def test_view_with_both_outline_and_mirror():
    text = HEAD.replace(
        "    mirror_of: plantar-left\n",
        "    mirror_of: plantar-left\n    outline: [[0, 0], [1, 0], [1, 1]]\n",
    )
    error = only_error(text + zone())
    assert "either 'outline' or 'mirror_of'" in error.message


def test_unknown_mirror_target():
    error = only_error(HEAD.replace("mirror_of: plantar-left", "mirror_of: nowhere") + zone())
    assert (error.line, error.column) == (15, 16)
    assert "unknown view 'nowhere'" in error.message


def test_wrong_enum_value():
    error = only_error(HEAD + zone().replace("region: spine", "region: spleen"))
    assert (error.line, error.column) == (ZONE_LINE + 2, 13)
    assert "'spleen' is not a valid region; expected one of:" in error.message


def test_bad_point_shape():
    error = only_error(HEAD + zone(polygon="[[0, 0], [10, 0, 3], [10, 10]]"))
    assert error.line == ZONE_LINE + 8
    assert "a point must be [x, y]" in error.message


def test_polygon_given_as_text():
    error = only_error(HEAD + zone(polygon="square"))
    assert "must be a polygon (a list of [x, y] points), a list of polygons or 'mirror'" in error.message


def test_not_a_finite_number():
    error = only_error(HEAD + zone(polygon="[[0, 0], [.nan, 0], [10, 10]]"))
    assert error.message == "write numbers in decimal, such as 10, -2.5 or 1.5e3: '.nan'"
    error = only_error(HEAD + zone(polygon="[[0, 0], [.inf, 0], [10, 10]]"))
    assert error.message == "write numbers in decimal, such as 10, -2.5 or 1.5e3: '.inf'"
    error = only_error(HEAD + zone(polygon="[[0, 0], [1e999, 0], [10, 10]]"))
    assert error.message == "this number is too large to read: '1e999'"  # not "coordinate inf"


def test_unsupported_format_version():
    error = only_error(HEAD.replace("atlas_format: 1", "atlas_format: 2") + zone())
    assert (error.line, error.column) == (1, 15)
    assert "unsupported atlas_format 2" in error.message


def test_python_object_tags_are_refused_and_never_run(tmp_path: Path):
    marker = tmp_path / "ran"
    text = HEAD + zone().replace('name: "Zone"', f'name: !!python/object/apply:os.system ["touch {marker}"]')
    error = only_error(text)
    assert "tag 'tag:yaml.org,2002:python/object/apply:os.system' is not allowed" in error.message
    assert error.line == ZONE_LINE + 1
    assert not marker.exists()


def test_top_level_list():
    error = only_error("- 1\n- 2\n")
    assert error.message == "the file must be a mapping (key: value) at the top, not a list"


def test_empty_file():
    assert only_error("").message == "the file is empty"
    assert only_error("# only a comment\n").message == "the file is empty"


def test_several_documents():
    error = only_error(HEAD + zone() + "---\nmore: 1\n")
    assert "a zone file holds a single document" in error.message


def test_not_utf8():
    result = parse_atlas(b"title: caf\xe9\n", "chart.yaml")
    assert result.errors[0].line == 1 and result.errors[0].column == 11
    assert "not UTF-8" in result.errors[0].message


def test_missing_file_and_folder(tmp_path: Path):
    result = read_atlas(tmp_path / "nope.yaml")
    assert result.errors[0].message == "no such file"
    result = read_atlas(tmp_path)
    assert "folder" in result.errors[0].message


def test_errors_are_collected_together():
    text = (
        HEAD
        + zone("a").replace("region: spine", "region: x")
        + zone("b").replace("confidence: sourced", "confidence: maybe")
    )
    errors = errors_of(text)
    assert len(errors) == 2
    assert errors == sorted(errors)


def test_load_atlas_raises_with_all_errors(tmp_path: Path):
    path = tmp_path / "bad.yaml"
    path.write_text(HEAD + zone("a") + zone("a"), encoding="utf-8")
    with pytest.raises(AtlasLoadError) as info:
        load_atlas(path)
    assert len(info.value.errors) == 1
    assert str(info.value).startswith(f"{path}:")


def test_alias_bomb_is_stopped():
    bomb = textwrap.dedent(
        """\
        a: &a ["x","x","x","x","x","x","x","x","x","x"]
        b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a,*a]
        c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b,*b]
        d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c,*c]
        e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d,*d]
        f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e,*e]
        g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f,*f]
        """
    )
    error = only_error(bomb)
    assert (
        "holds more than 1,000,000 values; the limit is 1,000,000 (aliases used to inflate it?)"
        in error.message
    )


def test_deep_nesting_is_stopped():
    error = only_error("a: " + "[" * 200 + "]" * 200 + "\n")
    assert "nested deeper than" in error.message


def test_zone_in_several_parts():
    parts = "[[[0, 0], [5, 0], [5, 5]], [[10, 10], [15, 10], [15, 15]]]"
    result = parse_atlas(HEAD + zone(polygon=parts) + "      plantar-right: mirror\n", "c.yaml")
    assert result.ok, result.errors
    z = result.atlas.zone("z")
    assert len(z.shapes["plantar-left"]) == 2
    assert z.shapes["plantar-right"][1][0] == (-10.0, 10.0)
    assert [x.id for x in result.atlas.zones_at("plantar-left", 13, 12)] == ["z"]
    assert [x.id for x in result.atlas.zones_at("plantar-right", -4, 1)] == ["z"]


def test_error_in_a_second_part_points_at_its_point():
    parts = """
        - [[0, 0], [5, 0], [5, 5]]
        - [[10, 10], [50, 10], [15, 15]]"""
    error = only_error(HEAD + zone(polygon=parts))
    assert "(part 2)" in error.message and "30.0 mm outside the foot's outline at point 2" in error.message
    assert (error.line, error.column) == (ZONE_LINE + 10, 22)


def test_bad_point_inside_a_part():
    error = only_error(HEAD + zone(polygon="[[[0, 0], [5, 0], [5, 5]], [[1, 1], [2, 2, 2], [3, 1]]]"))
    assert "a point must be [x, y]" in error.message
