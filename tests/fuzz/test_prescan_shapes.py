"""Items of a block list written alike that hold a flow collection of any shape on a line
(nested lists and mappings of words and quoted texts, as deep as the limit allows), which the
walk takes one match an item once it has read one (prescan/templates.py `_flow_shape`): it says
exactly what the parser says, or nothing. Limits are tiny, as in test_prescan.py; the shapes
repeat, change their words, change their shape now and then, and go deeper than the limit."""

from __future__ import annotations

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reflexmap.atlas import limits
from reflexmap.atlas import prescan as walk

from .test_prescan import FUZZ, _agrees, _parser_alone, tiny_limits  # noqa: F401 (a fixture)

WORDS = [
    "x",
    "1",
    "-2.5",
    "s1",
    "abc",
    "'q'",
    '"dq"',
    "abcdefghijklmnop",
    "~",
    "a b",
    "k: v",
    "*a",
    "&a x",
    "a b c d",
]


@st.composite
def shapes(draw, depth: int) -> object:
    """A nested value: lists and mappings down to `depth` levels, words at the bottom."""
    if depth == 0 or draw(st.integers(0, 3)) == 0:
        return draw(st.sampled_from(WORDS[:6] if draw(st.integers(0, 9)) else WORDS))
    if draw(st.booleans()):
        return draw(st.lists(shapes(depth - 1), max_size=3))
    keys = draw(st.lists(st.sampled_from(["a", "b", "c", "'d'"]), max_size=3))
    return {k: draw(shapes(depth - 1)) for k in keys}


def _written(value: object, spaced: bool) -> str:
    gap = " " if spaced else ""
    if isinstance(value, list):
        return "[" + f",{gap}".join(_written(v, spaced) for v in value) + "]"
    if isinstance(value, dict):
        return "{" + f",{gap}".join(f"{k}: {_written(v, spaced)}" for k, v in value.items()) + "}"
    return str(value)


def _other_words(value: object, k: int, grow: int = -1) -> object:
    """The same shape with other words (an item's own values); with `grow`, the lists of
    the level `grow` levels down hold their items twice (more items, more values); with
    `grow` -9, some words are lists."""
    if isinstance(value, list):
        items = [_other_words(v, k, grow - (grow > -9)) for v in value]
        return items * 2 if grow == 0 else items
    if isinstance(value, dict):
        return {key: _other_words(v, k, grow - (grow > -9)) for key, v in value.items()}
    if grow == -9 and value in ("x", "abc", "s1"):  # a word made a list, of more items than allowed
        return [value] * 7
    return f"w{k}" if value in ("x", "abc", "s1") else value


@st.composite
def shaped_files(draw) -> tuple[str, int, int]:
    depth = draw(st.sampled_from([4, 6, 9, 64]))
    nodes = draw(st.sampled_from([40, 200, 1000]))
    deep = draw(st.integers(1, 10))
    shape = draw(shapes(deep))
    if not isinstance(shape, (list, dict)):
        shape = [shape]
    spaced = draw(st.booleans())
    flow_items = draw(st.booleans())  # each item a flow mapping on its '-' line (flow style)
    lines = [draw(st.sampled_from(["zones:", "a:"]))]
    for k in range(draw(st.integers(2, 10))):
        value = _other_words(
            shape, k, draw(st.sampled_from([-9, -1, 0, 1, 2, 3])) if draw(st.integers(0, 3)) == 0 else -1
        )
        if draw(st.integers(0, 6)) == 0:  # an item of another shape
            value = draw(shapes(draw(st.integers(1, 12))))
        written = _written(value, spaced) if isinstance(value, (list, dict)) else json.dumps(str(value))
        if flow_items:
            name = draw(st.sampled_from(["Z", "Zone 4 of x", "a  b", "a #b", "'Z'", "x y "]))
            lines += [f"- {{id: z{k}, claim: {written}, name: {name}}}"]
        else:
            lines += [f"- id: z{k}", f"  claim: {written}", "  name: Z"]
    text = "\n".join(lines) + "\n"
    if draw(st.integers(0, 4)) == 0:
        at = draw(st.integers(0, len(text)))
        text = text[:at] + draw(st.sampled_from(["[", "]", ",", ": ", "\n  - x\n", "{", "'"])) + text[at:]
    return text, depth, nodes


@pytest.mark.usefixtures("tiny_limits")
@FUZZ
@given(case=shaped_files())
def test_items_holding_flow_collections_of_one_shape_say_what_the_parser_says(case, monkeypatch):
    text, depth, nodes = case
    monkeypatch.setattr(limits, "MAX_DEPTH", depth)
    monkeypatch.setattr(limits, "MAX_NODES", nodes)
    monkeypatch.setattr(limits, "MAX_NUMBER_CHARS", 7)
    found = walk.prescan(text)
    if found is None:
        return
    _agrees(found, _parser_alone(text, monkeypatch), text)


def test_items_each_with_a_value_nested_deep_are_taken_one_match_each(monkeypatch):
    """20,000 zones each with a value nested 40 levels deep: refused at the 10,001st zone by
    reading one zone line by line and matching the others (before: each zone was read token
    by token, 4.8 s of CPU). The walk's flow reading is counted."""
    from benchmarks.hostile_forms import zones
    from reflexmap.atlas.prescan import flow

    opened = []
    real = flow._Flow._flow
    monkeypatch.setattr(flow._Flow, "_flow", lambda self, *a, **k: (opened.append(1), real(self, *a, **k))[1])
    for value in ("[" * 40 + "]" * 40, "[" * 20 + "{a: [x, 'y'], b: {c: z}}" + "]" * 20):
        opened.clear()
        text = zones(20_000, ("claim: x\n", f"claim: {value}\n"))
        found = walk.prescan(text)
        assert found is not None, "left to the parser"
        assert found[0] == (9 + 9 * 10_000, 5, "more than 10,000 zones; the limit is 10,000")
        assert len(opened) < 100, f"{len(opened):,} flow collections read token by token"
