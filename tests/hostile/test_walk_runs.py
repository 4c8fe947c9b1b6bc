"""The walk takes a mapping's `key: value` lines in one run when their quoted values are
longer than a line of 90 characters (a technique, a note, their translations), as long as a
text may be; a longer one, one with an escape or a doubled quote ends the run (it is read on
its own, its length told). The verdicts stay those of the parser (test_prescan*, test_limits)."""

from __future__ import annotations

import pytest

from reflexmap.atlas import limits
from reflexmap.atlas.prescan import prescan, runs
from reflexmap.atlas.prescan.block import _Block


def _run_end(lines: str) -> int:
    item, _ = runs._block_items(4, "keys", limits.max_text_chars())
    return runs._run(item, lines, 0)


def test_long_quoted_values_stay_in_the_run():
    long = "Thumb-walk over the top of the big-toe pad " * 5  # 215 characters
    lines = f'    name: "Head"\n    technique: "{long}"\n    note: \'{long}\'\n    region: head\n'
    assert _run_end(lines) == len(lines)


@pytest.mark.parametrize(
    "value",
    [
        '"' + "x" * (limits.max_text_chars() + 1) + '"',  # over the limit: its length told alone
        '"a \\" b"' + "x" * 100,  # an escape
        "'it''s " + "x" * 100 + "'",  # a doubled quote
    ],
)
def test_values_read_on_their_own_end_the_run(value: str):
    lines = f'    name: "Head"\n    technique: {value}\n    region: head\n'
    assert _run_end(lines) == len('    name: "Head"\n')


def test_a_chart_of_long_texts_is_read_in_runs(monkeypatch: pytest.MonkeyPatch):
    """Zones with long techniques: their lines are taken in runs, not one by one."""
    long = "press in with the thumb bent, then draw back across the point " * 3
    zone = (
        '  - id: z{n}\n    name: "Zone {n}"\n    region: head\n'
        f'    technique: "{long}"\n    note: "{long}"\n    confidence: sourced\n'
    )
    text = "version: 1\nzones:\n" + "".join(zone.format(n=n) for n in range(2000))
    read: list[int] = []
    line = _Block._block_line

    def counted(self, p: int, line_start: int) -> int:
        read.append(p)
        return line(self, p, line_start)

    monkeypatch.setattr(_Block, "_block_line", counted)
    assert prescan(text) is None
    assert len(read) < 2 * 2000  # (before: every technique and note line on its own, 3 a zone)
