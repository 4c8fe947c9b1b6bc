"""Over-limit files are refused while reading: in a child process with a 1 GiB address-space
cap, each costs less than 200 MiB of memory and names the limit it hit. The times are a
benchmark's figure (python -m benchmarks.hostile_limits, quoted in the README), not asserted
here beyond a hang guard."""

from __future__ import annotations

from pathlib import Path

import pytest

from benchmarks.hostile_limits import LIMIT_CASES, check_in_child

from .cases import CASES, UNUSUAL_FORMS

BY_NAME = {case.name: case for case in CASES}


@pytest.mark.parametrize("name", LIMIT_CASES)
def test_an_over_limit_file_is_refused_in_bounded_memory(name: str, tmp_path: Path):
    case = BY_NAME[name]
    path = case.make(tmp_path)
    code, output, seconds, peak_mib = check_in_child(path)
    assert code == 1, output[-2000:]
    assert "Traceback" not in output
    assert case.message in output
    if "aliases" not in case.message:  # the hint about aliases only where they inflate it
        assert "aliases" not in output
    assert peak_mib < 200, f"{peak_mib:.0f} MiB"
    assert seconds < 60  # a hang guard only; see the benchmark for the time it takes


ANCHORED = (
    "50,000 zones each merging an anchored mapping",
    "50,000 zones with an aliased sources list",
    "polygon of 100,001 points, some of them aliases",
    "polygon of 100,001 points one a line, some of them aliases",
    "10,001 zones as yaml.dump writes shared objects (anchors)",
    "polygon of 100,001 points, old Mac line ends (CR)",
    "literal block of 1,500,000 short lines",
)


@pytest.mark.parametrize("name", ANCHORED)
def test_an_anchored_over_limit_file_is_refused_before_parsing(name: str, tmp_path: Path):
    """Files that use anchors and aliases (or a lone CR for line ends, or a long literal
    block) are refused by the quick walk (not after the slow parse), at the parser's own line
    and column, with the parser's message."""
    from reflexmap.atlas.prescan import prescan

    case = BY_NAME[name]
    found = prescan(case.make(tmp_path).read_text(encoding="utf-8"))
    assert found, "left to the parser"
    line, column, message = found[0]
    assert case.message in message
    assert line == case.line
    if case.column is not None:
        assert column == case.column


@pytest.mark.parametrize("name", UNUSUAL_FORMS)
def test_an_over_limit_file_in_any_form_of_yaml_is_refused_before_parsing(name: str, tmp_path: Path):
    """Over-limit files written with tabs, NEL/LS/PS line breaks, a BOM and directives,
    folded blocks, quoted text over several lines (whose inner lines may look like items of
    the list), comments after dashes, tags, flow mappings over lines or explicit keys are
    refused by the quick walk, at the parser's line and column, with the parser's message
    (before, each was left to the slow parse: 1-4 s, up to 168 MiB)."""
    from reflexmap.atlas.prescan import prescan

    case = BY_NAME[name]
    found = prescan(case.make(tmp_path).read_text(encoding="utf-8"))
    assert found, "left to the parser"
    line, column, message = found[0]
    assert case.message in message
    assert (line, column) == (case.line, case.column if case.column is not None else column)


def test_an_indented_json_chart_over_the_zone_limit_is_refused_without_reading_its_zones(
    tmp_path: Path, monkeypatch
):
    """A chart written as indented JSON with 20,000 zones: its zones list is counted ahead and
    refused at the 10,001st zone without reading the 10,000 before it value by value. The
    count of what those zones might hold treated every line break of a flow item as a value
    and as a mark of nesting, so each zone (about 75 marks over lines) was read token by token
    to make sure: 1.7 s of CPU to refuse, against 0.2 s before that bound came in."""
    from reflexmap.atlas.prescan import counting, prescan

    scalars = []
    real = counting._Counting._scalar

    def counted(self, *args, **kwargs):
        scalars.append(1)
        return real(self, *args, **kwargs)

    monkeypatch.setattr(counting._Counting, "_scalar", counted)
    case = BY_NAME["20,000 zones as indented JSON"]
    found = prescan(case.make(tmp_path).read_text(encoding="utf-8"))
    assert found, "left to the parser"
    line, column, message = found[0]
    assert case.message in message and line == case.line
    assert len(scalars) < 1_000, f"{len(scalars):,} values read before the refusal"


class _Searched:
    """A compiled pattern that adds up how many characters it is searched over."""

    def __init__(self, pattern, tally: list[int]):
        self.pattern, self.tally = pattern, tally

    def search(self, text: str, pos: int = 0, endpos: int | None = None):
        self.tally.append((len(text) if endpos is None else min(endpos, len(text))) - pos)
        return self.pattern.search(text, pos, len(text) if endpos is None else endpos)

    def match(self, text: str, pos: int = 0, endpos: int | None = None):
        return self.pattern.match(text, pos, len(text) if endpos is None else endpos)


@pytest.mark.parametrize(
    "name",
    [
        "50,000 zones with notes in single quotes over three lines",
        "10,001 zones as yaml.dump writes shared objects (anchors)",
        "50,000 zones with folded notes ('>-', an indentation indicator)",
        "50,000 zones",
        # (long lines, each its own: their long runs of words searched as one or two words)
        "zones, 3,000 with ids of 3,000 characters, then 8,000 more",
        "zones, 3,000 with notes of 3,000 characters in words, then 8,000 more",
    ],
)
def test_the_items_counted_ahead_are_searched_for_syntax_errors_once_per_kind_of_line(
    name: str, tmp_path: Path, monkeypatch
):
    """The 10,000 zones before the one over the limit are searched for a syntax error the
    parser would stop at: each different line, and each different pair of lines, once, with
    each zone's own word ('id: z17') made one. Before, the pairs were searched as written
    where a blank line stood between (the notes in single quotes with a blank line inside:
    1.04 s of CPU to refuse), and every zone's id made its lines differ from the others'."""
    from reflexmap.atlas.prescan import item_lines, prescan

    tally: list[int] = []
    real = item_lines._suspects
    searched = lambda indent: tuple(_Searched(p, tally) for p in real(indent))  # noqa: E731
    monkeypatch.setattr(item_lines, "_suspects", searched)
    text = BY_NAME[name].make(tmp_path).read_text(encoding="utf-8")
    found = prescan(text)
    assert found and BY_NAME[name].message in found[0][2]
    assert sum(tally) < len(text) // 20, f"{sum(tally):,} characters searched of {len(text):,}"


def test_a_long_double_quoted_value_is_searched_for_bad_escapes_once(tmp_path: Path, monkeypatch):
    """The escapes of a double-quoted value of 6.6 M characters are read once, when its length
    is told; before, the whole file was searched for a bad escape again before the refusal."""
    from reflexmap.atlas import prescan as walk

    tally: list[int] = []
    monkeypatch.setattr(walk, "_BAD_ESCAPE", _Searched(walk._BAD_ESCAPE, tally))
    name = "double-quoted text of 6,600,000 characters over lines, with escapes"
    text = BY_NAME[name].make(tmp_path).read_text(encoding="utf-8")
    found = walk.prescan(text)
    assert found and BY_NAME[name].message in found[0][2]
    assert sum(tally) < 10_000, f"{sum(tally):,} characters searched of {len(text):,}"
