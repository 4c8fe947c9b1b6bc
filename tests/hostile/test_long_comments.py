"""Long comments are cut before libyaml reads a text (atlas/long_comments.py, issue 14): a
comment line of 30 MB was read to its end (0.2 s of CPU every 20 MB, and a UTF-8 copy of
the whole text in memory). What is read must be what the file says, and every message must
stand at the same line and column as when the file is read as written."""

from __future__ import annotations

import pytest

from benchmarks.hostile_forms import zones
from reflexmap.atlas import long_comments, yaml_source
from reflexmap.atlas.loader import parse_atlas

LONG = "c" * (long_comments.LONG + 10)


def _as_written(text: str, monkeypatch) -> tuple:
    with monkeypatch.context() as m:
        m.setattr(yaml_source, "shortened", lambda text: None)
        return yaml_source.parse_yaml(text, "f.yaml")


def _read(monkeypatch) -> list[int]:
    """The lengths of the texts given to the parser."""
    lengths: list[int] = []
    real = yaml_source._Loader

    def loader(text):
        lengths.append(len(text))
        return real(text)

    monkeypatch.setattr(yaml_source, "_Loader", loader)
    return lengths


CUT = {  # the comment cut: a comment everywhere one may stand
    "a comment line first": f"# {LONG}\na: 1\n",
    "after a value": f"a: 1 # {LONG}\nb: [1, 2]\n",
    "between items": f"a:\n  - 1\n  #{LONG}\n  - 2\n",
    "in a flow list over lines": f"a: [1,\n  # {LONG}\n  2]\n",
    "after a block header": f"a: | # {LONG}\n  text\nb: 2\n",
    "tab before it": f"a: 1\t# {LONG}\nb: 2\n",
    "CRLF": f"a: 1 # {LONG}\r\nb: 2\r\n",
    "ended by LS": f"a: 1 # {LONG}\u2028b: 2\n",
    "several": f"# {LONG}\na: 1 # {LONG}\n# {LONG}\nb: 2\n",
}
AS_WRITTEN = {  # a '#' that is text, not a comment: read as written
    "in double quotes over lines": f'a: "x\n  # {LONG}"\nb: 2\n',
    "in single quotes": f"a: 'x # {LONG}'\n",
    "in a literal block": f"a: |\n  x\n  # {LONG}\nb: 2\n",
    "in a folded block": f"a: >\n  x # {LONG}\n",
    "in a key": f'"k # {LONG}": 1\n',
    "not after a space": f"a: x#{LONG}\n",
}
ERRORS = {  # what the parser says of the file as written, at the same place
    "a control character in the comment": f"a: 1 # {LONG}\x07\nb: 2\n",
    "a syntax error after it": f"# {LONG}\na: [1, 2\nb: 3\n",
    "a duplicate key after it": f"a: 1 # {LONG}\na: 2\n",
    "a tab indenting after it": f"# {LONG}\na:\n\t- 1\n",
}


@pytest.mark.parametrize("name", CUT)
def test_a_long_comment_is_not_given_to_the_parser(name: str, monkeypatch):
    text = CUT[name]
    expected = _as_written(text, monkeypatch)
    read = _read(monkeypatch)
    data, positions, errors = yaml_source.parse_yaml(text, "f.yaml")
    assert not errors and data == expected[0]
    assert positions.values == expected[1].values and positions.keys == expected[1].keys
    assert read and max(read) < long_comments.LONG, "the comment was read"


@pytest.mark.parametrize("name", AS_WRITTEN)
def test_a_hash_inside_text_is_read_as_written(name: str, monkeypatch):
    text = AS_WRITTEN[name]
    expected = _as_written(text, monkeypatch)
    data, positions, errors = yaml_source.parse_yaml(text, "f.yaml")
    assert (data, errors) == (expected[0], expected[2])
    assert positions.values == expected[1].values
    # the whole text counted, as written (cut short, it was within the limit of a text)
    assert errors and "characters long" in errors[0].message


@pytest.mark.parametrize("name", ERRORS)
def test_errors_are_said_where_the_file_as_written_has_them(name: str, monkeypatch):
    text = ERRORS[name]
    expected = _as_written(text, monkeypatch)[2]
    assert expected, "the form has an error"
    assert yaml_source.parse_yaml(text, "f.yaml")[2] == expected


def test_a_chart_with_long_comments_loads_and_its_mistakes_are_placed(monkeypatch):
    chart = zones(10) + f"# {LONG}\n"
    assert parse_atlas(chart, "chart.yaml").ok
    wrong = chart.replace("claim: x\n", f"claim: 5 # {LONG}\n", 1)
    found = parse_atlas(wrong, "chart.yaml").errors
    with monkeypatch.context() as m:
        m.setattr(yaml_source, "shortened", lambda text: None)
        expected = parse_atlas(wrong, "chart.yaml").errors
    assert found and found == expected


def test_a_file_holding_the_mark_is_read_as_written(monkeypatch):
    text = f"# {LONG}\na: '{long_comments.MARK}'\n"
    assert long_comments.shortened(text) is None
    read = _read(monkeypatch)
    assert yaml_source.parse_yaml(text, "f.yaml")[0] == {"a": long_comments.MARK}
    assert read == [len(text)]


def test_a_huge_comment_is_cut_in_one_piece():
    text = "# " + "c" * 3_000_000 + "\na: 1\n"
    short = long_comments.shortened(text)
    assert short == "#" + long_comments.MARK + "\na: 1\n"


def test_a_chart_whose_point_lists_are_read_from_the_text_has_its_comments_cut(monkeypatch):
    """A chart's point lists are read from the text directly (point_lists.py) and the rest
    given to the parser: that rest has its long comments cut as well."""
    from reflexmap.atlas import point_lists

    monkeypatch.setattr(point_lists, "MIN_CHARS", 0)
    chart = zones(10) + f"# {LONG}\n"
    expected = _as_written(chart, monkeypatch)
    read = _read(monkeypatch)
    data, positions, errors = yaml_source.parse_yaml(chart, "chart.yaml")
    assert not errors and data == expected[0] and positions.values == expected[1].values
    assert positions.point_lists, "the lists were read from the text"
    assert read and max(read) < long_comments.LONG, "the comment was read"


@pytest.mark.parametrize("before", ["# short\n", "\n", "a: b\r\n", "x" * long_comments.LONG + "\n"])
def test_long_comments_are_found_among_many_short_lines(before: str):
    """Lines too short to hold a long comment are passed over a run at a time (a million short
    comment lines were tried one by one); what is cut is the same as before."""
    long = "#" + "c" * (long_comments.LONG + 10)
    text = "a: 1\n" + before * 2000 + "b: 2  " + long + "\n" + before * 10 + long + "\r\nc: 3\n"
    short = long_comments.shortened(text)
    assert short is not None
    mark = "#" + long_comments.MARK
    assert short == text.replace(long, mark)
    assert short.splitlines() == [line.replace(long, mark) for line in text.splitlines()]
