"""A point an edit writes anew is written in the file's own number style (flow_style.py's
NumberStyle): `[17, 80]` beside `[18, 80]`, `[17.0, 80.0]` beside `[18.0, 80.0]`, `17.50`
in a file of two decimals; a value with a fraction keeps the digits the editor gave it.
Before, every number written anew was `17.0`, whatever the file wrote: a dragged vertex
of a chart of integers stood out as `[17.0, 80.0]` among `[18, 80]`, and a nudged zone
turned every one of its numbers into decimals. Every way an edit writes points is covered:
a flow list rewritten in place, a block list's items (ring_text.py), the zone dumped again
by ruamel.yaml (local_edit.py) and the round trip of the whole chart."""

from __future__ import annotations

import re

import pytest

from reflexmap.atlas import edits as E
from reflexmap.atlas import local_edit
from reflexmap.atlas.document import ChartDocument
from reflexmap.atlas.flow_style import NumberStyle, number_style, number_text

HEAD = """\
atlas_format: 1
id: t
title: "T"
tradition: "T"
sources:
  - {id: s1, title: "S"}
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
    name: "{id}"
    region: head
    claim: "the head"
    technique: "Walk."
    sources: [s1]
    confidence: sourced
    shapes:
"""
FLOW = "      plantar-left: [[-18, 80], [18, 80], [18, 98], [-18, 98]]\n"
BLOCK = "      plantar-left:\n      - [-18, 80]\n      - [18, 80]\n      - [18, 98]\n      - [-18, 98]\n"
NESTED = "      plantar-left:\n" + "".join(
    f"        - - {x}\n          - {y}\n" for x, y in ((-18, 80), (18, 80), (18, 98), (-18, 98))
)
LAYOUTS = {"flow": FLOW, "block": BLOCK, "nested": NESTED}


def chart(layout: str, style: str = "int") -> str:
    text = (
        HEAD
        + ZONE.format(id="toes")
        + LAYOUTS[layout]
        + ZONE.format(id="heel")
        + FLOW.replace("80", "2").replace("98", "30")
    )
    if style == "one":
        text = re.sub(r"(?<=[ \[,-])(-?\d+)(?=[\],\n])", r"\1.0", text)
    elif style == "two":
        text = re.sub(r"(?<=[ \[,-])(-?\d+)(?=[\],\n])", r"\1.00", text)
    return text


def zone_text(text: str, zone: str) -> str:
    start = text.index(f"  - id: {zone}\n")
    end = text.find("\n  - id:", start + 1)
    return text[start : end if end >= 0 else len(text)]


NUMBER = re.compile(r"(?<![\w.\"])-?\d+(?:\.\d+)?(?![\w.\"])")


def numbers_in(zone: str) -> list[str]:
    return NUMBER.findall(zone[zone.index("shapes:") :])


EDITS = {
    "move vertex": E.MoveVertex("toes", "plantar-left", 0, 1, (17.0, 80.0)),
    "insert vertex": E.InsertVertex("toes", "plantar-left", 0, 2, (19.0, 90.0)),
    "delete vertex": E.DeleteVertex("toes", "plantar-left", 0, 0),
    "move zone": E.MoveZone("toes", 1.0, -2.0),
    "set points": E.SetPoints("toes", (("plantar-left", [[-17.0, 81.0], [17.0, 81.0], [17.0, 97.0]]),)),
}


@pytest.mark.parametrize("local", [True, False], ids=["in place", "round trip"])
@pytest.mark.parametrize("layout", sorted(LAYOUTS))
@pytest.mark.parametrize("name", sorted(EDITS))
def test_whole_values_written_anew_are_integers_in_a_chart_of_integers(name, layout, local):
    document = ChartDocument.from_text(chart(layout), parse=True)
    old = local_edit.LOCAL[0]
    local_edit.LOCAL[0] = local
    try:
        applied = EDITS[name].apply(document, check=False)
    finally:
        local_edit.LOCAL[0] = old
    zone = zone_text(applied.document.text, "toes")
    assert zone != zone_text(document.text, "toes")
    assert all("." not in n for n in numbers_in(zone)), zone
    assert applied.inverse.apply(applied.document, check=False).document.text == document.text


@pytest.mark.parametrize("layout", sorted(LAYOUTS))
@pytest.mark.parametrize(("style", "whole", "half"), [("one", "17.0", "17.5"), ("two", "17.00", "17.50")])
def test_a_chart_of_decimals_keeps_its_decimals(layout, style, whole, half):
    document = ChartDocument.from_text(chart(layout, style), parse=True)
    for x, written in ((17.0, whole), (17.5, half), (17.25, "17.25")):
        applied = E.MoveVertex("toes", "plantar-left", 0, 1, (x, 80.0)).apply(document, check=False)
        zone = zone_text(applied.document.text, "toes")
        assert written in numbers_in(zone), zone
        places = len(whole.split(".")[1])
        assert all(len(n.split(".")[1]) >= places for n in numbers_in(zone)), zone


def test_a_fraction_in_a_chart_of_integers_keeps_the_editors_digits():
    document = ChartDocument.from_text(chart("flow"), parse=True)
    applied = E.MoveVertex("toes", "plantar-left", 0, 1, (17.25, 80.0)).apply(document, check=False)
    assert "[[-18, 80], [17.25, 80], [18, 98], [-18, 98]]" in applied.document.text


def test_a_duplicated_or_mirrored_zone_is_written_as_the_chart_writes_numbers():
    text = chart("flow", "one").replace("98.0]]\n", "98.0]]\n      plantar-right: mirror\n", 1)
    document = ChartDocument.from_text(text, parse=True)
    applied = E.BreakMirror("toes", "plantar-right").apply(document, check=False)
    zone = zone_text(applied.document.text, "toes")
    assert "plantar-right: [[18.0, 80.0], [-18.0, 80.0], [-18.0, 98.0], [18.0, 98.0]]" in zone, zone
    applied = E.DuplicateZone("heel", "heel-copy").apply(document, check=False)
    copy = zone_text(applied.document.text, "heel-copy")
    assert all(n.endswith(".0") for n in numbers_in(copy)), copy


def test_the_style_is_read_from_the_files_lists():
    assert number_style(chart("flow")) == NumberStyle(whole_as_int=True, places=1)
    assert number_style(chart("nested")) == NumberStyle(whole_as_int=True, places=1)
    assert number_style(chart("block", "one")) == NumberStyle(whole_as_int=False, places=1)
    assert number_style(chart("flow", "two")) == NumberStyle(whole_as_int=False, places=2)
    assert number_style("atlas_format: 1\nzones: []\n") == NumberStyle()  # nothing said: `18.0`
    # 17.0004, finer than any edit computes (edits._mm): the file's own, written as read (S15-7)
    assert [number_text(v, NumberStyle(True, 1)) for v in (17.0, -0.0, 17.0004, 0.001)] == [
        "17",
        "0",
        "17.0004",
        "0.001",
    ]
