"""The chart document keeps every byte of a chart saved unchanged over itself."""

from __future__ import annotations

from pathlib import Path

import pytest

from reflexmap.atlas.document import ChartDocument, format_flow, read_document
from reflexmap.atlas.loader import builtin_charts

DATA = Path(__file__).resolve().parents[1] / "data"
CHARTS = [*builtin_charts(), *sorted(DATA.glob("*.yaml"))]


@pytest.mark.parametrize("path", CHARTS, ids=lambda p: p.name)
def test_unchanged_chart_dumps_to_the_same_bytes(path: Path):
    document = read_document(path)
    assert document.with_tree(document.tree()).to_bytes() == path.read_bytes()


@pytest.mark.parametrize("path", CHARTS, ids=lambda p: p.name)
def test_every_chart_document_validates_like_check(path: Path):
    document = read_document(path)
    assert document.validate().ok
    assert document.problems() == ()


def test_trailing_spaces_bom_and_crlf_survive():
    text = "\ufeff# a comment \r\nid: x   \r\nlist: [\r\n  [1, 2], [3.0, 4],\r\n]\r\nq: 'single'\r\n"
    document = ChartDocument.from_text(text)
    assert document.with_tree(document.tree()).to_bytes() == text.encode("utf-8")


def test_comments_quotes_and_key_order_survive_a_change():
    text = "b: 1  # bee\na: 'quoted'\n# about c\nc: [[1, 2], [3, 4]]\n"
    document = ChartDocument.from_text(text)
    tree = document.tree()
    tree["b"] = 2
    assert document.with_tree(tree).text == "b: 2  # bee\na: 'quoted'\n# about c\nc: [[1, 2], [3, 4]]\n"


def test_a_changed_long_point_list_is_wrapped_in_house_style():
    points = [[float(i), float(i) + 0.5] for i in range(30)]
    text = format_flow(points, 4, 13)
    lines = text.split("\n")
    assert lines[0] == "[" and lines[-1] == "    ]"
    assert all(len(line) <= 100 and line.startswith("      [") and line.endswith(",") for line in lines[1:-1])
    assert ChartDocument.from_text("k:\n  v: " + text + "\n").tree()["k"]["v"] == points
