"""One slip repeated in every zone of a large chart (within every limit) is listed once per
zone no more: the first mistakes are listed, then one message at the next one says that more
follow. Before, 9,000 zones with seven wrong values each gave 63,000 lines in 15 s and
400 MiB; 9,000 zones each drawn in two overlapping parts, 9,000 lines in 15 s."""

from __future__ import annotations

from pathlib import Path

import pytest

from benchmarks.hostile_limits import check_in_child
from reflexmap.atlas import limits, read_atlas

from .cases import VALID_HEAD

HEAD = VALID_HEAD[: VALID_HEAD.index("zones:")] + "zones:\n"
SQUARE = "[[0, 0], [10, 0], [10, 10], [0, 10]]"
OVERLAPPING = "[[[0, 0], [10, 0], [10, 10], [0, 10]], [[5, 5], [15, 5], [15, 15], [5, 15]]]"
ZONE = (
    "  - {{id: {id}, name: {name}, region: {region}, claim: x, technique: y, sources: [s1], "
    "confidence: sourced, shapes: {{plantar-left: {shape}}}}}\n"
)


def _zones(count: int, **fields: str) -> str:
    given = {"name": "Z", "region": "spine", "shape": SQUARE, **fields}
    return HEAD + "".join(ZONE.format(**{"id": f"z{i}", **given}) for i in range(count))


FLOODS = {  # name -> (zones, what the first message says, its line)
    "seven wrong values in each of 9,000 zones (the schema)": (
        "".join(
            f"  - {{id: Z{i}, name: 1, region: q, claim: 2, technique: 3, sources: [n], "
            f"confidence: c, shapes: {{v: 1}}}}\n"
            for i in range(9_000)
        ),
        "'Z0' is not a valid id",
        9,
    ),
    "9,000 zones each in two overlapping parts (the geometry)": (
        _zones(9_000, shape=OVERLAPPING)[len(HEAD) :],
        "parts 1 and 2 overlap",
        9,
    ),
    "5,000 zones with one id (duplicates)": (
        _zones(5_000, id="z")[len(HEAD) :],
        "duplicate zone id 'z' (first used on line 9)",
        10,
    ),
    "9,000 zones each holding an escape character (chart text)": (
        _zones(9_000, name='"Z\\e[31m"')[len(HEAD) :],
        "'name' holds the control character U+001B",
        9,
    ),
}


@pytest.mark.parametrize("name", FLOODS)
def test_a_slip_in_every_zone_lists_the_first_mistakes_then_says_more_follow(name, tmp_path: Path):
    zones, first, line = FLOODS[name]
    path = tmp_path / "flood.yaml"
    path.write_text(HEAD + zones, encoding="utf-8")
    errors = read_atlas(path).errors
    assert len(errors) == limits.MAX_ERRORS + 1, len(errors)
    assert first in errors[0].message, str(errors[0])
    assert errors[0].line == line  # the first zone's with the slip
    listed, more = errors[:-1], errors[-1]
    assert "more mistakes follow from here; only the first 100 are listed" in more.message
    assert all("more mistakes follow" not in e.message for e in listed)
    assert more.placed and more >= listed[-1], f"{more} before {listed[-1]}"
    assert more.line <= line + limits.MAX_ERRORS  # at the zone after the last one listed
    assert list(errors) == sorted(errors[:-1]) + [more]


def test_as_many_mistakes_as_are_listed_are_all_listed(tmp_path: Path):
    """No "more follow" when there are no more: 100 duplicate ids are 100 messages."""
    path = tmp_path / "hundred.yaml"
    path.write_text(_zones(limits.MAX_ERRORS + 1, id="z"), encoding="utf-8")
    errors = read_atlas(path).errors
    assert len(errors) == limits.MAX_ERRORS
    assert all("duplicate zone id 'z'" in e.message for e in errors)


def test_an_error_flood_is_listed_in_bounded_memory_without_a_traceback(tmp_path: Path):
    """`reflexmap check` in a child process capped at 1 GiB: 102 lines, under 200 MiB (400 MiB
    before). Its time is the parse's (see the README), guarded here against a hang only."""
    zones, first, _ = FLOODS["seven wrong values in each of 9,000 zones (the schema)"]
    path = tmp_path / "flood.yaml"
    path.write_text(HEAD + zones, encoding="utf-8")
    code, output, seconds, peak_mib = check_in_child(path)
    assert code == 1 and "Traceback" not in output, output[-2000:]
    lines = [line for line in output.splitlines() if line.startswith(f"{path}:")]
    assert len(lines) == limits.MAX_ERRORS + 1, len(lines)
    assert first in lines[0] and "more mistakes follow from here" in lines[-1]
    assert peak_mib < 200, f"{peak_mib:.0f} MiB"
    assert seconds < 120


def test_the_chart_not_loaded_dialog_says_more_than_100_not_101(tmp_path: Path):
    """The dialog counted the "more follow" message as a mistake: "has 101 errors" of a file
    with 5,000; its details said "… and 71 more"."""
    from reflexmap.ui.dialogs import _errors_listed, chart_errors_text

    zones, _, _ = FLOODS["5,000 zones with one id (duplicates)"]
    path = tmp_path / "flood.yaml"
    path.write_text(HEAD + zones, encoding="utf-8")
    errors = read_atlas(path).errors
    said = chart_errors_text("flood.yaml", errors)
    assert "has more than 100 errors; the chart shown is unchanged." in said, said
    details = _errors_listed(errors).splitlines()
    assert details[-2] == "… and 70 more (run: reflexmap check FILE)", details[-2]
    assert "more mistakes follow from here" in details[-1]
    few = errors[:3]
    assert "has 3 errors;" in chart_errors_text("flood.yaml", few)
