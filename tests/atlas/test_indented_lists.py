"""A chart written with wider indentation (yaml.safe_dump(..., indent=4): `-   - x` then
`    - y`) is read as fast as one written with the default (issue 19): its point lists are
taken from the text directly (atlas/point_lists.py) and walked a run at a time by the
over-limit walk (atlas/prescan), giving exactly what parsing it as written gives."""

from __future__ import annotations

import pytest
import yaml

from reflexmap.atlas import builtin_chart_path, parse_atlas, point_lists
from reflexmap.atlas import yaml_source as ys
from reflexmap.atlas.prescan import block, prescan, tuning

CHART = yaml.safe_load(builtin_chart_path().read_text(encoding="utf-8"))


def _dumped(indent: int) -> str:
    return yaml.safe_dump(CHART, sort_keys=False, allow_unicode=True, indent=indent)


def _as_written(text: str, monkeypatch) -> tuple:
    with monkeypatch.context() as m:
        m.setattr(point_lists, "splice", lambda text: None)
        return ys.parse_yaml(text, "chart.yaml")


@pytest.mark.parametrize("indent", [3, 4, 6])
def test_a_chart_indented_wider_has_its_point_lists_taken_from_the_text(indent, monkeypatch):
    monkeypatch.setattr(point_lists, "MIN_CHARS", 0)
    text = _dumped(indent)
    assert f"-{' ' * (indent - 1)}- " in text  # compact points, the inner '-' further in
    spliced = point_lists.splice(text)
    assert spliced is not None and len(spliced.lists) > 40
    fast, slow = ys.parse_yaml(text, "chart.yaml"), _as_written(text, monkeypatch)
    assert fast[2] == slow[2] == []
    assert fast[0] == slow[0]
    assert fast[1].every_value() == slow[1].values
    assert parse_atlas(text).atlas == parse_atlas(_dumped(2)).atlas


@pytest.mark.parametrize(
    "points",
    [
        "    -   - 1.5\n        - 2\n    - - 3.0\n      - 4.25\n",  # items written in either way
        "    -   - 1.5\n      - 2\n",  # the second number not under the first: the parser's error
        "    -   - 1.5\n         - 2\n",
        "    -  - 1.5\n       - 2\n       - 7\n",  # three numbers
    ],
)
def test_unevenly_indented_points_read_as_the_parser_reads_them(points, monkeypatch):
    monkeypatch.setattr(point_lists, "MIN_CHARS", 0)
    text = "id: x\nzones:\n- id: a\n  shapes:\n    v:\n" + points
    fast, slow = ys.parse_yaml(text, "chart.yaml"), _as_written(text, monkeypatch)
    assert fast[0] == slow[0] and fast[2] == slow[2]


def test_the_walk_takes_points_indented_wider_a_run_at_a_time(monkeypatch):
    """Read line by line, the walk took 36× longer for an indent=4 chart of 10,000 zones."""
    monkeypatch.setattr(tuning, "SMALL", 0)
    lines = []
    original = block._Block._block_line

    def counted(self, p, line_start):
        lines.append(p)
        return original(self, p, line_start)

    monkeypatch.setattr(block._Block, "_block_line", counted)
    for indent in (2, 4):
        lines.clear()
        text = _dumped(indent)
        assert prescan(text) is None
        assert len(lines) < text.count("\n") / 4, indent
