"""Every error has a real place: `file:line:column` at the character it is about, or, for a
problem with the file as a whole (missing, a folder, too large, unreadable), the file name
and the message alone, never a made-up position such as 0:0."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest

from reflexmap.atlas import loader, parse_atlas, point_lists, read_atlas
from reflexmap.atlas import yaml_source as ys
from reflexmap.atlas.document import ChartDocument, ChartUnreadable, read_document
from reflexmap.atlas.loader import MAX_FILE_BYTES, builtin_chart_path

from ..hostile.cases import VALID_HEAD, chart


def only(result):
    assert result.atlas is None and len(result.errors) == 1, "\n".join(map(str, result.errors))
    return result.errors[0]


def _at(text: str, error) -> str:
    """The text from the error's place on (its line and column, counted from 1)."""
    line = text.splitlines()[error.line - 1]
    return line[error.column - 1 :]


# --- errors about the whole file ----------------------------------------------------------


def _sparse(path: Path, size: int) -> Path:
    with open(path, "wb") as handle:
        handle.truncate(size)
    return path


def _unreadable(path: Path, monkeypatch, code: int) -> Path:
    path.write_text("atlas_format: 1\n", encoding="utf-8")

    def refuse(*args, **kwargs):
        raise OSError(code, os.strerror(code), str(path))

    monkeypatch.setattr(loader, "open", refuse, raising=False)  # root may read anything
    return path


WHOLE_FILE = {
    "missing": (lambda tmp, mp: tmp / "nope.yaml", "no such file"),
    "folder": (lambda tmp, mp: tmp, "this is a folder, not a zone file"),
    "part of the path is a file": (
        lambda tmp, mp: (tmp / "f.yaml").write_text("x") and tmp / "f.yaml" / "inner.yaml",
        "no such file: a part of its path is not a folder",
    ),
    "a pipe": (lambda tmp, mp: (os.mkfifo(tmp / "p.yaml"), tmp / "p.yaml")[1], "not a regular file"),
    "too large": (
        lambda tmp, mp: _sparse(tmp / "big.yaml", MAX_FILE_BYTES + 59),
        "the file is 33,554,491 bytes; files are limited to 33,554,432 bytes",
    ),
    "permission denied": (
        lambda tmp, mp: _unreadable(tmp / "secret.yaml", mp, errno.EACCES),
        "permission denied: ReflexMap may not read this file",
    ),
    "input/output error": (
        lambda tmp, mp: _unreadable(tmp / "disk.yaml", mp, errno.EIO),
        "cannot read the file: the disk reported an input/output error",
    ),
}


@pytest.mark.parametrize("kind", WHOLE_FILE)
def test_an_error_about_the_whole_file_names_the_file_without_a_made_up_position(kind, tmp_path, monkeypatch):
    make, message = WHOLE_FILE[kind]
    path = make(tmp_path, monkeypatch)
    error = only(read_atlas(path))
    assert message in error.message
    assert not error.placed and (error.line, error.column) == (0, 0)
    assert str(error) == f"{path}: {error.message}"  # never "file:0:0: …"
    assert ":0:0" not in str(error)


def test_a_file_just_over_the_size_limit_is_told_the_exact_figures(tmp_path):
    error = only(read_atlas(_sparse(tmp_path / "over.yaml", 33_554_491)))
    assert error.message == "the file is 33,554,491 bytes; files are limited to 33,554,432 bytes"
    with pytest.raises(ChartUnreadable, match="33,554,491 bytes; files are limited to 33,554,432 bytes"):
        read_document(tmp_path / "over.yaml")


# --- encodings and byte-order marks --------------------------------------------------------


def test_a_byte_that_is_not_utf8_is_placed_by_characters_not_bytes():
    raw = "title: Café Müller, ".encode() + b"\xe9\n"  # two 2-byte letters before it
    error = only(parse_atlas(raw, "chart.yaml"))
    assert (error.line, error.column) == (1, 21)
    assert "not UTF-8 text (byte 0xe9 here)" in error.message


@pytest.mark.parametrize("encoding, name", [("utf-16", "UTF-16"), ("utf-32", "UTF-32"), ("utf-16-be", None)])
def test_utf16_and_utf32_files_are_named_or_placed_at_their_first_nul(encoding, name):
    error = only(parse_atlas(chart().encode(encoding), "chart.yaml"))
    assert (error.line, error.column) == (1, 1)  # without a byte-order mark: a NUL byte first
    if name:
        assert f"the file is {name} text; ReflexMap reads UTF-8" in error.message
    else:
        assert "NUL character" in error.message


def test_a_nul_character_is_placed_where_it_is():
    error = only(parse_atlas("title: Ä\nname: ab\x00c\n".encode(), "chart.yaml"))
    assert (error.line, error.column) == (2, 9)
    assert "NUL character" in error.message


def test_a_control_character_after_letters_of_two_bytes_is_placed_by_characters():
    """libyaml counts the offset of a character it refuses in UTF-8 bytes."""
    text = "title: ÄÖÜäöü\x07\n"
    error = only(parse_atlas(text.encode(), "chart.yaml"))
    assert (error.line, error.column) == (1, 14)
    assert error.message == "character U+0007 (a control character) is not allowed in a zone file"


def test_a_byte_order_mark_where_two_files_were_joined_is_placed():
    text = chart() + "\ufeffextra: 1\n"
    error = only(parse_atlas(("\ufeff" + text).encode(), "chart.yaml"))  # its own mark is fine
    assert (error.line, error.column) == (len(text.splitlines()), 1)
    assert "byte-order mark (U+FEFF)" in error.message


def test_an_empty_file_is_placed_at_its_start():
    for raw in (b"", b"\xef\xbb\xbf", b"   \n# only a comment\n"):
        error = only(parse_atlas(raw, "chart.yaml"))
        assert (error.line, error.column, error.message) == (1, 1, "the file is empty")


def test_a_wrong_top_level_type_is_placed_at_the_value():
    error = only(parse_atlas("# a chart\n\n  - 1\n  - 2\n", "chart.yaml"))
    assert (error.line, error.column) == (3, 3)
    assert error.message == "the file must be a mapping (key: value) at the top, not a list"


# --- an error about a number points at the number -----------------------------------------

NOT_FINITE = {
    "flow": "[[0, 0], [10, .nan], [10, 10], [0, 10]]",
    "flow, x": "[[0, 0], [.NaN, 0], [10, 10], [0, 10]]",
    "flow, spaced": "[[0, 0], [ 10 ,  .nan ], [10, 10], [0, 10]]",
    "tagged": "[[0, 0], [10, !!float .nan], [10, 10], [0, 10]]",
    "anchored": "[[0, 0], [10, &n .nan], [10, 10], [0, 10]]",
    "one a line": "\n      - [0, 0]\n      - [10, .nan]\n      - [10, 10]\n      - [0, 10]",
    "compact block": (
        "\n      - - 0\n        - 0\n      - - 10\n        - .nan\n      - - 10\n        - 10"
        "\n      - - 0\n        - 10"
    ),
    "second part": "[[[0, 0], [5, 0], [0, 5]], [[0, 20], [.nan, 20], [10, 30]]]",
}


@pytest.mark.parametrize("written", NOT_FINITE, ids=list(NOT_FINITE))
def test_a_coordinate_that_is_not_finite_is_placed_at_the_number(written):
    """YAML 1.1's .nan is no decimal number (written_numbers.py): refused as written, there."""
    text = chart(NOT_FINITE[written])
    error = only(parse_atlas(text, "chart.yaml"))
    assert "write numbers in decimal, such as 10, -2.5 or 1.5e3: '" in error.message
    assert error.message.lower().endswith("'.nan'")
    at = _at(text, error)
    assert at.lower().startswith((".nan", "!!float .nan", "&n .nan")), (written, at)


def test_an_outline_or_guide_coordinate_that_is_not_finite_is_placed_at_the_number():
    text = chart().replace("[20, 100], [-20, 100]]}", "[20, 100], [-20, .nan]]}")
    error = only(parse_atlas(text, "chart.yaml"))
    assert error.message == "write numbers in decimal, such as 10, -2.5 or 1.5e3: '.nan'"
    assert _at(text, error).startswith(".nan]]}")
    guide = chart().replace(
        "[-20, 100]]}", "[-20, 100]], guides: [{id: g, name: G, points: [[-20, 50], [20, .nan]]}]}"
    )
    error = only(parse_atlas(guide, "chart.yaml"))
    assert _at(guide, error).startswith(".nan]]}]}")


def test_a_large_chart_reads_the_same_errors_with_its_lists_taken_from_the_text(monkeypatch):
    """point_lists.py takes most lists from the text directly; one with a .nan is parsed as
    written: the error, its place and every other error are the same either way."""
    text = builtin_chart_path().read_text(encoding="utf-8")
    assert len(text) > point_lists.MIN_CHARS
    start = text.index("plantar-left: [", text.index("id: lumbar-spine"))
    start = text.index("[", text.index("[", start) + 1) + 1  # the first point's x
    broken = text[:start] + ".nan" + text[text.index(",", start) :]
    assert point_lists.splice(broken) is not None
    fast = parse_atlas(broken, "chart.yaml")
    with monkeypatch.context() as m:
        m.setattr(point_lists, "splice", lambda text: None)
        slow = parse_atlas(broken, "chart.yaml")
    assert fast.errors == slow.errors and fast.errors
    assert all(_at(broken, e).startswith(".nan") for e in fast.errors), [str(e) for e in fast.errors]


def test_the_editor_marks_a_coordinate_that_is_not_finite_at_its_vertex():
    # (YAML's .nan is text now, see written_numbers.py: 1e999 is the number that is not finite)
    flow = NOT_FINITE["flow"].replace(".nan", "1e999")
    problems = ChartDocument.from_text(chart(flow)).draft().problems
    assert [(p.zone, p.view, p.part, p.vertex) for p in problems] == [("z", "plantar-left", 0, 1)]
    second = NOT_FINITE["second part"].replace(".nan", "-1e999")
    problems = ChartDocument.from_text(chart(second)).draft().problems
    assert [(p.zone, p.view, p.part, p.vertex) for p in problems] == [("z", "plantar-left", 1, 1)]


def test_a_number_the_parser_places_is_found_however_the_list_is_written():
    """Items the quick reading of the text cannot place (after a nested list, a tag or a
    comment) are placed by the parser, not at the list around them."""
    text = "a: [[1, 2], !!float 3, # c\n  &x 4, *x]\n"
    _, positions, errors = ys.parse_yaml(text, "t.yaml")
    assert not errors
    assert positions.of_value(("a", 1)) == (1, 13)
    assert positions.of_value(("a", 2)) == (2, 3)
    assert positions.of_value(("a", 3)) == (2, 9)


# --- the editor reads a chart with the loader's words --------------------------------------


def test_the_editor_is_told_what_the_loader_says(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text(VALID_HEAD.replace('title: "T"', "title: [unclosed"), encoding="utf-8")
    with pytest.raises(ChartUnreadable) as raised:
        read_document(bad)
    assert str(raised.value) == str(read_atlas(bad).errors[0])
    assert raised.value.error.placed
    with pytest.raises(ChartUnreadable, match=f"^{tmp_path}: this is a folder, not a zone file$"):
        read_document(tmp_path)


def test_a_quote_left_open_is_placed_where_it_opens_not_where_the_parser_stumbles():
    """A quote left open runs on to the next quote in the file; the parser only stumbles a
    few lines further down, after that one."""
    text = chart().replace('name: "Z"', 'name: "Z')
    error = only(parse_atlas(text, "chart.yaml"))
    assert (error.line, error.column) == (10, 11)
    assert _at(text, error) == '"Z'
    assert error.message == (
        "this quoted text is not closed on its line: it runs on to the quote on line 12, column 12"
    )
    closed = only(parse_atlas(chart().replace('claim: "x"', 'claim: "a \\\\" b"'), "chart.yaml"))
    assert closed.line == 12 and "quoted" not in closed.message  # closed on its line: another mistake


def test_a_bad_key_name_is_placed_at_that_key_not_at_the_mapping():
    """A view id or language code that is not one (jsonschema's propertyNames) was placed at
    the start of the mapping that holds it: at its first key, whichever key was bad."""
    text = chart(
        "[[0, 0], [10, 0], [10, 10], [0, 10]]\n      Medial_Left: [[0, 0], [10, 0], [10, 10], [0, 10]]"
    )
    error = only(parse_atlas(text, "chart.yaml"))
    assert _at(text, error).startswith("Medial_Left:")
    assert "'Medial_Left' is not a valid id" in error.message
    text = chart().replace("  - id: z\n", "  - id: z\n    translations: {de: {name: Z}, EN_us: {name: Z}}\n")
    error = only(parse_atlas(text, "chart.yaml"))
    assert _at(text, error).startswith("EN_us:")
    assert error.message.startswith("'EN_us' is not a language code")
