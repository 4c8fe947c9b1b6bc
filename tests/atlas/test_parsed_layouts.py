"""Opening a chart in the editor finds how each flow list of numbers is written from the
loader's own parse (`document.parsed_layouts`), not from a second walk of the whole text
(`written_layouts`, 1.5 s of CPU on 10,000 zones). The two must agree wherever the quick
reading answers (it answers None, and the walk is made, where it could differ): on the
built-in charts, on lists written in every way, and on random texts, read as written and
through the point-list reader (point_lists.py, for large files; made to take small ones
here)."""

from __future__ import annotations

import os

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reflexmap.atlas import point_lists
from reflexmap.atlas.document import ChartDocument, parsed_layouts, read_document, written_layouts
from reflexmap.atlas.yaml_source import parse_yaml

EXAMPLES = int(os.environ.get("REFLEXMAP_FUZZ_EXAMPLES", "200"))
FUZZ = settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck), database=None)


def _both(text: str):
    data, positions, errors = parse_yaml(text, "<t>")
    assert not errors, errors
    return parsed_layouts(text, data, positions), written_layouts(text)


@pytest.fixture(params=[False, True], ids=["as-written", "point-lists-read-from-text"])
def splice(request, monkeypatch):
    if request.param:
        monkeypatch.setattr(point_lists, "MIN_CHARS", 0)
    return request.param


def test_the_builtin_charts_are_read_quickly_and_alike(splice):
    from reflexmap.atlas import builtin_chart_path

    for chart in builtin_chart_path().parent.glob("*.yaml"):
        quick, walked = _both(chart.read_text(encoding="utf-8"))
        assert quick is not None
        assert list(quick.items()) == list(walked.items())


STYLES = {
    "flow": "outline: [[1, 2], [3.5, -4], [0, 0.25]]\n",
    "flow-lines": "outline: [\n  [1, 2], [3.5, -4],\n  [0, 0.25],\n]\n",
    "flow-comment": "outline: [[1, 2], # first\n  [3.5, -4]]\n",
    "block": "outline:\n- - 1\n  - 2\n- - 3.5\n  - -4\n",
    "block-of-flow": "outline:\n  - [1, 2]\n  - [3.5, -4]\n  - [ 0 , 0.25 ]\n",
    "parts": "shapes:\n  v:\n  - [[1, 2], [3, 4], [5, 6]]\n  - [[7, 8], [9, 9]]\n",
    "flow-mapping": "v: {a: [1, 2], b: [[3, 4]]}\n",
    "odd-numbers": "a: [010, 1]\nb: [1e3, 2]\nc: [0x1F, 3]\nd: ['4', 4]\ne: [[1, 2], [.5, 1]]\n",
    "texts": "sources: [a, b]\nids:\n- x\n- y\nname: 'a [1, 2] b'\nnote: |\n  [3, 4]\n",
    "empty": "a: []\nb: [[]]\nc: [[], [1]]\n",
    "anchors": "d: &p [7, 8]\ne: *p\nf: [9, 9]\ng: [9.0, 9]\nh: &m {k: [1, 1]}\ni: *m\n",
    "tag": "a: !!seq [1, 2]\n",
    "repeated": "a: [1, 2]\nb: [1.0, 2.0]\nc:\n- [1, 2.0]\n",
}


@pytest.mark.parametrize("style", sorted(STYLES))
def test_each_way_of_writing_lists_reads_alike(style, splice):
    text = STYLES[style] * 1 if style != "repeated" else STYLES[style]
    text = "".join(f"k{n}:\n" + "".join("  " + line + "\n" for line in text.splitlines()) for n in range(3))
    quick, walked = _both(text)
    if quick is not None:
        assert list(quick.items()) == list(walked.items())
    elif style not in ("anchors", "tag", "odd-numbers", "texts"):
        pytest.fail(f"{style}: the quick reading gave up")


def test_a_large_chart_is_read_quickly(tmp_path):
    """A chart of a few thousand points in each style (the point-list reader takes it): the
    quick reading answers, and the document keeps the parse for its check."""
    ring = [[round(10 + 5 * (k % 7), 2), round(20 + 3 * (k % 5) + k / 10, 2)] for k in range(40)]
    flow = "[" + ", ".join(f"[{x}, {y}]" for x, y in ring) + "]"
    block = "".join(f"\n      - [{x}, {y}]" for x, y in ring)
    compact = "".join(f"\n      - - {x}\n        - {y}" for x, y in ring)
    zones = "".join(
        f"  - id: z{n}\n    shapes:\n      v: {flow}\n      w:{block}\n      u:{compact}\n"
        for n in range(120)
    )
    text = "id: c\nzones:\n" + zones
    assert len(text) > point_lists.MIN_CHARS
    quick, walked = _both(text)
    assert quick is not None and list(quick.items()) == list(walked.items())
    chart = tmp_path / "c.yaml"
    chart.write_text(text, encoding="utf-8")
    document = read_document(chart)
    assert document.parsed and list(document.layouts.items()) == list(walked.items())
    assert document == ChartDocument.from_text(text, str(chart), chart)


_NUMBER = st.one_of(
    st.integers(-300, 300).map(str),
    st.floats(-300, 300, allow_nan=False).map(lambda f: repr(round(f, 2))),
    st.integers(-300, 300).map(str),
    st.floats(-300, 300, allow_nan=False).map(lambda f: repr(round(f, 2))),
    st.sampled_from(["010", "1e3", ".5", "0x1F", "'4'", "~", "-0", "1.50", "0.0", "-0.5"]),
)


@st.composite
def _value(draw, depth=0):
    kind = draw(st.sampled_from(["number", "flow", "block", "texts"] if depth < 3 else ["number"]))
    if kind == "number":
        return ("n", draw(_NUMBER))
    if kind == "texts":
        return ("t", draw(st.lists(st.sampled_from(["a", "b c", "'[1, 2]'", "x#y"]), min_size=1, max_size=3)))
    items = draw(st.lists(_value(depth + 1), min_size=0 if kind == "flow" else 1, max_size=4))
    return (kind, items, draw(st.booleans()), draw(st.booleans()))


def _flow(value, top: bool = True) -> str:
    if value[0] == "n":
        return value[1]
    if value[0] == "t":
        return "[" + ", ".join(value[1]) + "]"
    kind, items, wrap, comma = value
    inner = [_flow(v, False) for v in items]
    if wrap and inner and top:  # over several lines, a comment after an item
        return "[\n    " + ",  # note\n    ".join(inner) + (",\n  ]" if comma else "\n  ]")
    return "[" + ", ".join(inner) + (", ]" if comma and inner else "]")


def _block(value, indent: int) -> str:
    """`value` under a key at `indent` (its text from just after the key's colon)."""
    if value[0] != "block":
        return " " + _flow(value).replace("\n", "\n" + " " * indent) + "\n"
    pad = " " * (indent + 2)
    out = "\n"
    for item in value[1]:
        if item[0] == "block":
            out += pad + "-" + _block(item, indent + 2).replace("\n", "\n", 1).lstrip("\n")
            out = out if out.endswith("\n") else out + "\n"
        else:
            out += pad + "- " + _flow(item).replace("\n", "\n" + pad + "  ") + "\n"
    return out


@FUZZ
@given(st.lists(_value(), min_size=1, max_size=5), st.booleans(), st.booleans())
def test_random_texts_read_alike(values, spliced, comment):
    text = "".join(f"k{n}:" + _block(v, 0) for n, v in enumerate(values))
    if comment:
        text = text.replace("\n", "  # note\n", 1)
    data, positions, errors = parse_yaml(text, "<t>")
    if errors:
        return  # not a chart: the editor refuses it before
    try:
        walked = written_layouts(text)
    except ValueError:
        return
    old = point_lists.MIN_CHARS
    point_lists.MIN_CHARS = 0 if spliced else old
    try:
        data, positions, errors = parse_yaml(text, "<t>")
    finally:
        point_lists.MIN_CHARS = old
    quick = parsed_layouts(text, data, positions)
    if quick is not None:
        assert list(quick.items()) == list(walked.items()), text


def test_flow_lists_of_plain_points_are_matched_whole_not_read_token_by_token(monkeypatch):
    """A realistic chart's shapes (flow lists over several lines, read from the text by the
    point-list reader) are matched whole: token by token they took 0.5 s of CPU on 2,700
    zones when entering edit mode. What is found is what the token walk finds."""
    from benchmarks.realistic import realistic_text
    from reflexmap.atlas import document

    monkeypatch.setattr(point_lists, "MIN_CHARS", 0)
    text = realistic_text(2)
    data, positions, errors = parse_yaml(text, "<t>")
    assert not errors and positions.point_lists
    walked = []
    real = document._flow_span
    monkeypatch.setattr(document, "_flow_span", lambda *a: walked.append(a[1]) or real(*a))
    quick = parsed_layouts(text, data, positions)
    assert quick == written_layouts(text)
    flow = [p for p in positions.point_lists.values() if p.pad < 0]
    assert len(flow) > 100
    assert not {p.start for p in flow} & set(walked)  # before: every one walked
