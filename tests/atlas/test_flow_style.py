"""A flow list of points written anew lines up as the file's own lists do (flow_style.py):
its own wrapping where it was wrapped (2, 3 or 4 spaces deeper, or under its first point),
else the file's most common, else one of the file's mapping indents deeper. Before, every
list written anew had its continuation lines two spaces deeper than its line."""

from __future__ import annotations

import pytest

from reflexmap.atlas import edits as E
from reflexmap.atlas.document import ChartDocument

HEAD = "atlas_format: 1\nid: t\ntitle: T\ntradition: T\n"
POINTS = (
    "[-18, 2], [-12, 1.5], [-6, 1.25], [0, 1.125], [6, 1.25], [12, 1.5], [18, 2],",
    "[18, 30], [12, 30.5], [6, 30.75], [0, 30.875], [-6, 30.75], [-12, 30.5], [-18, 30],",
)


MIXED = """\
atlas_format: 1
id: test-mixed
title: "Mixed"
tradition: "Test"
sources:
- id: s1
  title: "Source one"
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
  - id: heel
    name: "Heel"
    region: pelvis
    claim: "the pelvis"
    technique: "Thumb-walk."
    sources: [s1]
    confidence: sourced
    shapes:
      plantar-left: [[-18, 2], [18, 2], [18, 30], [-18, 30]]
      plantar-right: mirror
  - id: toes
    name: "Toes"
    region: head
    claim: "the head"
    technique: "Thumb-walk."
    sources:
    - s1
    confidence: sourced
    shapes:
      plantar-left:
      - [-18, 80]
      - [18, 80]
      - [18, 98]
      - [-18, 98]
  - id: side
    name: "Side"
    region: head
    claim: "the head"
    technique: "Thumb-walk."
    sources: [s1]
    confidence: sourced
    shapes:
      plantar-left:
        - - -10
          - 50
        - - 10
          - 50
        - - 0
          - 60
"""


def wrapped_chart(step: int) -> str:
    """A chart indented by `step` spaces whose heel's points wrap `step` spaces deeper."""
    base = " " * (3 * step)
    return _chart(step, "[\n" + "\n".join(base + " " * step + p for p in POINTS) + "\n" + base + "]")


def _chart(step: int, wrapped: str) -> str:
    """A chart indented by `step` spaces whose heel's points are `wrapped` (its lines)."""
    s = " " * step
    dash = "-" + " " * (step - 1)
    return (
        f"{HEAD}sources:\n{s}{dash}id: s1\n{s}{s}title: S\nviews:\n"
        f"{s}{dash}id: plantar-left\n{s}{s}foot: left\n{s}{s}aspect: plantar\n"
        f"{s}{s}outline: [[-20, 0], [20, 0], [20, 100], [-20, 100]]\n"
        f"{s}{dash}id: plantar-right\n{s}{s}foot: right\n{s}{s}aspect: plantar\n"
        f"{s}{s}mirror_of: plantar-left\n"
        f"zones:\n{s}{dash}id: heel\n{s}{s}name: Heel\n{s}{s}region: pelvis\n{s}{s}claim: c\n"
        f"{s}{s}technique: t\n{s}{s}sources: [s1]\n{s}{s}confidence: sourced\n{s}{s}shapes:\n"
        f"{s * 3}plantar-left: {wrapped}\n{s * 3}plantar-right: mirror\n"
    )


def _wrapped_lines(text: str, key: str) -> list[str]:
    lines = text.split("\n")
    at = next(n for n, line in enumerate(lines) if line.strip().startswith(key))
    end = next(n for n in range(at, len(lines)) if lines[n].rstrip().endswith("]"))
    return lines[at : end + 1]


@pytest.mark.parametrize("step", [2, 3, 4])
def test_a_moved_wrapped_list_keeps_its_continuation_lines_where_they_were(step):
    base = " " * (3 * step)
    document = ChartDocument.from_text(wrapped_chart(step), parse=True)
    assert document.problems() == ()
    for edit in (E.MoveZone("heel", 0.5, 0.5), E.InsertVertex("heel", "plantar-left", 0, 1, (-15, 1.8))):
        changed = edit.apply(document).document
        lines = _wrapped_lines(changed.text, "plantar-left:")
        assert lines[0] == base + "plantar-left: ["
        assert lines[-1] == base + "]"
        assert len(lines) > 3 and all(line.startswith(base + " " * step + "[") for line in lines[1:-1]), lines


@pytest.mark.parametrize("step", [3, 4])
def test_a_list_written_anew_by_the_round_trip_wraps_as_the_files_lists(step):
    """A zone duplicated and a mirror broken: lists no one wrapped yet, written as the file's."""
    base = " " * (3 * step)
    document = ChartDocument.from_text(wrapped_chart(step), parse=True)
    for edit, key in (
        (E.DuplicateZone("heel", "copy", 1, 1), "plantar-left:"),
        (E.BreakMirror("heel", "plantar-right"), "plantar-right:"),
    ):
        text = edit.apply(document).document.text
        found = text.split("\n")
        last = max(n for n, line in enumerate(found) if line.strip().startswith(key))
        lines = _wrapped_lines("\n".join(found[last:]), key)
        assert len(lines) > 3 and all(line.startswith(base + " " * step + "[") for line in lines[1:-1]), lines
        assert lines[-1] == base + "]"


def test_a_list_lined_up_under_its_first_point_stays_so():
    base = " " * 6
    column = len(base + "plantar-left: [")
    wrapped = POINTS[0] + "\n" + " " * column + POINTS[1][:-1] + "]"
    document = ChartDocument.from_text(_chart(2, "[" + wrapped), parse=True)
    changed = E.MoveZone("heel", 0.5, 0.5).apply(document).document
    lines = _wrapped_lines(changed.text, "plantar-left:")
    assert lines[0].startswith(base + "plantar-left: [[")
    assert len(lines) > 1 and all(line.startswith(" " * column + "[") for line in lines[1:])
    assert lines[-1].endswith("]]")


def test_with_no_wrapped_list_a_long_new_list_is_one_mapping_indent_deeper():
    document = ChartDocument.from_text(_chart(4, "[" + " ".join(POINTS)[:-1] + "]"), parse=True)
    changed = E.InsertVertex("heel", "plantar-left", 0, 1, (-15, 1.8)).apply(document).document
    lines = _wrapped_lines(changed.text, "plantar-left:")
    assert len(lines) > 3 and all(line.startswith(" " * 16 + "[") for line in lines[1:-1]), lines


def test_whole_chart_edits_keep_each_lists_own_style():
    """A source renamed (its zones' lists follow), a zone added after a zone whose points
    are `- - x` two spaces in, a zone duplicated: each line not changed keeps its bytes and
    the lines written anew stand as their neighbours do."""
    from reflexmap.atlas import local_edit

    document = ChartDocument.from_text(MIXED, parse=True)
    assert document.problems() == ()
    renamed = E.SetSources((E.SourceEntry("s2", "s1", ()),)).apply(document).document.text
    changed = [(a, b) for a, b in zip(MIXED.split("\n"), renamed.split("\n"), strict=True) if a != b]
    assert changed == [
        ("- id: s1", "- id: s2"),
        ("    sources: [s1]", "    sources: [s2]"),
        ("    - s1", "    - s2"),
        ("    sources: [s1]", "    sources: [s2]"),
    ]
    drawn = E.add_zone(
        "new",
        "plantar-left",
        [(-5, 60), (5, 60), (0, 70)],
        name="N",
        region="spine",
        claim="c",
        technique="t",
        sources=("s1",),
    )
    for local in (True, False):  # in the zones' window, and through the whole chart
        local_edit.LOCAL[0] = local
        try:
            for edit, added in ((drawn, "  - id: new"), (E.DuplicateZone("toes", "toes2"), "  - id: toes2")):
                text = edit.apply(document).document.text
                lines = text.split("\n")
                at = lines.index(added)
                kept = [
                    line
                    for n, line in enumerate(lines)
                    if not at <= n < at + (len(lines) - len(MIXED.split("\n")))
                ]
                assert kept == MIXED.split("\n"), (edit, local)
                assert lines[at + 1].startswith("    name:")
            copy = E.DuplicateZone("toes", "toes2").apply(document).document.text
            assert copy.count("      plantar-left:\n      - [-18, 80]\n      - [18, 80]\n") == 2
        finally:
            local_edit.LOCAL[0] = True


def _in_old_lines_as_before(old: str, value, numbers) -> str | None:
    """in_old_lines as it was before its quick way (27 Nov): the whole new text made, and
    compared by regular expressions. The quick way must give the same text."""
    import re

    from reflexmap.atlas.flow_style import _NUMBER, one_line_of

    if "#" in old or not isinstance(value, list):
        return None
    new = one_line_of(value, numbers)

    def skeleton(text: str) -> str:
        return re.sub(r"\s+", "", _NUMBER.sub("0", text)).replace(",]", "]")

    if skeleton(old) != skeleton(new):
        return None
    texts = iter(match.group(0) for match in _NUMBER.finditer(new))
    return _NUMBER.sub(lambda _match: next(texts), old)


def test_numbers_written_into_old_lines_are_what_the_whole_text_gave():
    import random

    from reflexmap.atlas.flow_style import NumberStyle, in_old_lines

    rng = random.Random(23)
    olds = [
        "[[1, 2], [3.5, 4],\n  [5, 6]]",
        "[\n  [1.0, 2.00], [3, 4], [5, 6],\n]",
        "[[1, 2], [3, 4], [5, 6]]  ",
        "[[1, 2], [3, 4]]",  # a point fewer: None
        "[[1, 2], [3, 4], [5, 6], [7, 8]]",  # a point more
        "[[1, 2, 0], [3, 4], [5, 6]]",  # not a ring
        "[[1, 2], [3, 4], # a comment\n [5, 6]]",
        "[[1e3, -2], [3., 4E-2], [5, 6]]",
    ]
    values = [
        [[1, 2], [3.5, 4.0], [5.25, -6]],
        [[1.0, 1], [1, 1.0], [-0.0, 0]],  # 1 and 1.0 are equal, written apart
        [[0.0001234, 2], [3, 4], [5, 6]],  # finer than a thousandth: as read
        [[float("inf"), 2], [3, 4], [5, 6]],
        [[True, 2], [3, 4], [5, 6]],  # (not a plain number)
        [1, 2, 3],
        [[1, 2, 3], [4, 5], [6, 7]],
    ]
    number = lambda: round(rng.uniform(-50, 50), rng.choice([0, 1, 3]))  # noqa: E731
    values += [[[number(), number()] for _ in range(3)] for _ in range(40)]
    styles = [NumberStyle(whole_as_int=True, places=1), NumberStyle(whole_as_int=False, places=2)]
    checked = 0
    for old in olds:
        for value in values:
            for numbers in styles:
                written = in_old_lines(old, value, numbers)
                assert written == _in_old_lines_as_before(old, value, numbers), (old, value)
                checked += written is not None
    assert checked > 100
