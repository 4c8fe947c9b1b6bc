"""Where every point of a list read from the text stands (a drop's check places the
problems of the dragged zone by them) is counted in one walk along the list: asked point
by point, each counted the lines and columns from the list's start, and a drop that left a
problem on a zone of 100,000 points written on one line took 70 s (recheck._located)."""

from __future__ import annotations

import pytest
import yaml

from benchmarks.synthetic import synthetic_chart
from reflexmap.atlas import point_lists
from reflexmap.atlas.document import ChartDocument
from reflexmap.atlas.edits import MoveVertex


@pytest.fixture(autouse=True)
def small_files_too(monkeypatch):
    monkeypatch.setattr(point_lists, "MIN_CHARS", 0)


def _lists(text: str) -> list[point_lists.PointList]:
    spliced = point_lists.splice(text)
    assert spliced is not None and spliced.lists
    return spliced.lists


@pytest.mark.parametrize("style", ["one line", "wrapped", "block"])
def test_every_point_is_placed_where_it_is_placed_alone(style):
    chart = synthetic_chart(6)
    if style == "block":
        text = yaml.safe_dump(chart, sort_keys=False)
    else:
        text = yaml.safe_dump(
            chart, sort_keys=False, default_flow_style=None, width=80 if style == "wrapped" else 10**6
        )
    lists = _lists(text)
    assert any(points.points > 3 for points in lists)
    for points in lists:
        alone = [points.point_position(k) for k in range(points.points)]
        assert points.point_positions() == alone
    if style == "wrapped":
        assert any(len({line for line, _column in points.point_positions()}) > 1 for points in lists)


def test_a_drop_that_leaves_a_problem_counts_the_places_once(monkeypatch):
    """A vertex dropped far outside the foot on a zone of 3,000 points: the check after the
    drop places the problem where the whole check places it, without counting the lines from
    the list's start once per point (before: 3,000 counts)."""
    corners = [(-18, 2), (18, 2), (18, 30), (-18, 30)]
    ring = [
        (x0 + (x1 - x0) * i / 750, y0 + (y1 - y0) * i / 750)
        for (x0, y0), (x1, y1) in zip(corners, corners[1:] + corners[:1], strict=True)
        for i in range(750)
    ]
    from tests.ui.test_editor import DATA

    text = (DATA / "small.yaml").read_text(encoding="utf-8")
    old = "plantar-left: [[-18, 2], [18, 2], [18, 30], [-18, 30]]"
    written = ", ".join(f"[{x:.4f}, {y:.4f}]" for x, y in ring)
    document = ChartDocument.from_text(
        text.replace(old, f"plantar-left: [{written}]"), "dense.yaml", parse=True
    )
    document.draft()
    counted = []
    position = point_lists.PointList.position

    def counting(self, offset=None):
        counted.append(offset)
        return position(self, offset)

    monkeypatch.setattr(point_lists.PointList, "position", counting)
    moved = MoveVertex("heel", "plantar-left", 0, 5, (-90.0, 3.0)).apply(document, check=False).document
    problems = moved.draft().problems
    assert len(counted) < 100
    whole = ChartDocument.from_text(moved.text, "dense.yaml", parse=True).full_draft().problems
    assert [(p.message, p.line, p.column, p.zone, p.view, p.part, p.vertex) for p in problems] == [
        (p.message, p.line, p.column, p.zone, p.view, p.part, p.vertex) for p in whole
    ]
    assert [p.vertex for p in problems] == [5]
