"""The runs of a plain value over lines that the walk searches (prescan/item_lines.py,
_over_lines) are found in the text by one search a column, the same runs as told a unit at a
time before; an item's key whose next key stands below it starts none (each zone did)."""

from __future__ import annotations

import pytest

from benchmarks.hostile_forms import zones
from reflexmap.atlas.prescan import item_lines


def _runs_unit_by_unit(units: list[str], starts: set[str]) -> set[str]:
    """The runs as _over_lines made them before: from each unit in `starts`, the units after
    it that start deeper, then the first line of the next unit."""
    runs, count = set(), len(units)
    for i, unit in enumerate(units):
        if unit not in starts:
            continue
        column = len(unit) - len(unit.lstrip(" "))
        j = i + 1
        while j < count and len(units[j]) - len(units[j].lstrip(" ")) > column:
            j += 1
        after = f"\n{units[j].partition(chr(10))[0]}\n" if j < count else ""
        runs.add("\n" + "\n".join(units[i:j]) + after)
    return runs


TEXTS = [
    zones(30, ("claim: x\n", "claim: charts place\n      it here\n")),
    zones(30, ("claim: x\n", "claim: charts place\n\n      it\n   # c\n        here\n\n")),
    zones(30, ("claim: x\n", "claim:\n      charts place it here\n")),
    zones(30, ("  - id:", "  - note: a b\n      c d\n    id:")),
    "a:\n- x y\n  z\n- - p q\n    r\n  - s\n-  k: v\n     w\n- t\n",
    "a:\n  b: one\n    two\n  c: three\n\n    four\n# end\n  d: five",
]


@pytest.mark.parametrize("text", TEXTS)
def test_the_runs_found_in_the_text_are_those_told_a_unit_at_a_time(text: str):
    units = item_lines._UNIT_BREAK.split(text)  # (the text from its first line, as _suspect splits it)
    pairs = zip(units, units[1:], strict=False)
    starts = {a for a, b in pairs if item_lines._CONTINUED.match(f"\n{a}\n{b}\n")}
    assert starts
    by_column: dict[int, list[str]] = {}
    for unit in sorted(starts):
        by_column.setdefault(len(unit) - len(unit.lstrip(" ")), []).append(unit)
    found = set()
    for column, at_column in by_column.items():
        pattern = item_lines._runs_at(column, tuple(at_column))
        found |= {body + (f"\n{after}\n" if after else "") for body, after in pattern.findall("\n" + text)}
    assert found == _runs_unit_by_unit(units, starts)


@pytest.mark.parametrize(
    ("lines", "continued"),
    [
        ("  - id: z1\n    name: Z\n", False),  # the item's next key, at the key's column
        ("  - id: z1\n     more of it\n", True),  # deeper than the key: more of its value
        ("  -   id: z1\n      name: Z\n", False),
        ("  -   id: z1\n         more\n", True),
        ("  - a b\n    c d\n", True),  # an item's plain value (no key), deeper than its '-'
        ("  claim: a b\n    c d\n", True),
        ("  claim:\n    a b c\n", True),  # below its key
    ],
)
def test_which_values_go_on_over_lines(lines: str, continued: bool):
    assert (item_lines._CONTINUED.match("\n" + lines) is not None) == continued
