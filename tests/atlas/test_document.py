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


def test_written_layouts_are_what_the_round_trip_finds(tmp_path):
    """The flow lists' layouts found with PyYAML's composer are the ones found through a
    ruamel.yaml round trip, on the built-in charts and on lists written in unusual ways;
    a list holding a number not plainly written is never kept under guessed values."""
    from reflexmap.atlas import builtin_chart_path
    from reflexmap.atlas.document import Layout, _layouts_of, _yaml, written_layouts

    texts = [p.read_text(encoding="utf-8") for p in builtin_chart_path().parent.glob("*.yaml")]
    texts.append(
        "a: [1, 2.5,   -3]  # a comment\n"
        "b:\n  - [ [0, 0], [1, 0],\n      [1, 1] ]\n  - [[2, 2]]\n"
        "c: ['x', [4, 5]]\n"
        "d: &p [7, 8]\ne: *p\nf: [9, 9]\ng: [9.0, 9]\n"
    )
    for text in texts:
        assert written_layouts(text) == _layouts_of(text, _yaml().load(text))
    odd = written_layouts("a: [010, 1]\nb: [1e3, 2]\nc: [0x1F, 3]\nd: ['4', 4]\ne: [[1, 2], [.5, 1]]\n")
    assert odd == {(1.0, 2.0): Layout("[1, 2]", 0)}  # only the plainly written list inside e
    with pytest.raises(ValueError):
        written_layouts("a: [1, 2\n")


def test_written_shapes_of_a_large_chart_are_its_rings_as_written(tmp_path):
    """A chart large enough for its point lists to be read from the text directly (the
    draft takes those rings as the parser read them, not converted again): the same shapes
    as converted anew from the lists."""
    from benchmarks.synthetic import write_synthetic_chart
    from reflexmap.atlas.draft import written_shapes
    from reflexmap.atlas.point_lists import splice

    path = write_synthetic_chart(1000, tmp_path)
    assert splice(path.read_text(encoding="utf-8")) is not None
    document = read_document(path)
    shapes = document.draft().shapes
    data, positions = document.parsed[0]
    assert positions.rings  # (read from the text directly)
    assert shapes == written_shapes(data)  # converted anew from the lists
    assert len(shapes) == 1000
    zone = data["zones"][500]
    view, raw = next(iter(zone["shapes"].items()))
    assert shapes[zone["id"]][view][0] is positions.read_points(raw)  # the parser's own ring
