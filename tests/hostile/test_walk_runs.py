"""The walk takes a mapping's `key: value` lines in one run when their quoted values are
longer than a line of 90 characters (a technique, a note, their translations), as long as a
text may be; a longer one, one with an escape or a doubled quote ends the run (it is read on
its own, its length told). The verdicts stay those of the parser (test_prescan*, test_limits)."""

from __future__ import annotations

import pytest

from reflexmap.atlas import limits
from reflexmap.atlas.prescan import prescan, runs
from reflexmap.atlas.prescan.block import _Block
from reflexmap.atlas.prescan.flow import _Flow
from tests.fuzz.test_prescan import _agrees, _parser_alone, tiny_limits  # noqa: F401 (a fixture)


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


def test_a_flow_list_of_points_over_lines_is_taken_from_its_first_point(monkeypatch: pytest.MonkeyPatch):
    """Its first point is taken in the run with the others: no list opened for it (before:
    one a shape, read token by token)."""
    from reflexmap.atlas.prescan.counting import _Counting

    shape = "[\n        " + ", ".join(f"[{i}.5, {i}.25]" for i in range(12)) + ",\n      ]"
    zone = "  - id: z{n}\n    shapes:\n      plantar-left: " + shape + "\n      plantar-right: mirror\n"
    text = "version: 1\nzones:\n" + "".join(zone.format(n=n) for n in range(1500))
    flow_lists: list[int] = []
    opened = _Counting._open

    def counted(self, pos: int, is_map: bool, flow: bool, indent: int, anchor=None):
        if flow:
            flow_lists.append(pos)
        return opened(self, pos, is_map, flow, indent, anchor)

    monkeypatch.setattr(_Counting, "_open", counted)
    assert prescan(text) is None
    assert len(flow_lists) == 1500


_SHAPES = [  # flow lists whose first items the walk takes in a run: what the parser says
    "[[0, 0], [1, 0], [0, 1], [1, 1], [2, 2], [3, 3]]",  # a point over the polygon's limit
    "[\n  [0, 0], [1, 0],\n  [0, 1], [1, 1], [2, 2],\n  [3, 3],\n]",
    "[[[0, 0], [1, 0], [0, 1]], [[0, 0], [1, 0], [0, 1]], [[0, 0], [1, 0], [0, 1]]]",  # parts
    "[[[0, 0], [1, 0]], [[0, 0]], [[0, 0]]]",
    "[!!seq [0, 0], [1, 0], [0, 1], [1, 1], [2, 2], [3, 3]]",  # a tag: read token by token
    "[[!!float 0, 0], [1, 0], [0, 1], [1, 1], [2, 2], [3, 3]]",
    "[ # c\n [0, 0], [1, 0], [0, 1], [1, 1], [2, 2], [3, 3]]",
    "[[0, 0] , [1, 0], [0, 1]]",
    "[{x: 1}, {x: 2}]",
    "\n        - [[0, 0], [1, 0]]\n        - [[0, 0]]\n        - [[0, 0]]",  # a block list of parts
    "&s [[0, 0], [1, 0], [0, 1]]\n      u: [*s, *s, *s]",  # aliases to a list of points: parts
    "[a, b, c, d, e, f, g]",
    "[-1, 2, 3, 4, 5, 6]",
]


@pytest.mark.usefixtures("tiny_limits")
@pytest.mark.parametrize("shape", _SHAPES)
def test_first_items_in_a_run_say_what_the_parser_says(shape: str, monkeypatch):
    monkeypatch.setattr(limits, "MAX_NODES", 1000)
    for zones in (1, 4):
        text = "zones:\n" + "".join(
            f"  - id: z{n}\n    shapes:\n      v: {shape}\n      w: [a, -b, c]\n" for n in range(zones)
        )
        found = prescan(text)
        with monkeypatch.context() as m:  # the first items read token by token, as before
            m.setattr(_Flow, "_first_run", lambda self, p, coll: p)
            assert prescan(text) == found, text
        if found:
            _agrees(found, _parser_alone(text, monkeypatch), text)
        seen.append(found)


seen: list = []


def test_first_items_in_a_run_were_refused_somewhere():
    """(the cases above hold refusals, not only files left to the parser)"""
    assert any(seen)


def _flow_zone(n: int, points: int, name: str = "Zone {n} of plantar-left", short: bool = False) -> str:
    shape = ", ".join(f"[{n % 7 + i}.5, -{i}.25]" for i in range(points))
    if short:  # (keys within tiny_limits: 4 of them, none longer than 6 characters)
        return f"- {{id: z{n}, name: {name.format(n=n)}, src: [s1, s2], shapes: {{v: [{shape}]}}}}\n"
    return (
        f"- {{id: z{n}, name: {name.format(n=n)}, region: spine, claim: a zone in flow style,"
        f" sources: [s1, s2], confidence: estimate, shapes: {{plantar-left: [{shape}]}}}}\n"
    )


def test_zones_written_one_flow_mapping_a_line_are_taken_a_match_each(monkeypatch: pytest.MonkeyPatch):
    """A chart in flow style, one zone a line, their names plain words with spaces between and
    their shapes of different numbers of points: one zone is read token by token, the others
    are taken a match each (templates.py; before: every zone read token by token, 1.6 s of
    the walk's CPU on 10,000 zones)."""
    text = "version: 1\nzones:\n" + "".join(_flow_zone(n, 12 + n % 9) for n in range(2000))
    read: list[int] = []
    real = _Flow._flow

    def counted(self, p: int, start: int, anchor=None):
        read.append(p)
        return real(self, p, start, anchor)

    monkeypatch.setattr(_Flow, "_flow", counted)
    assert prescan(text) is None
    assert len(read) < 10, f"{len(read):,} zones read token by token"


_FLOW_NAMES = [
    "Zone {n} of x",
    "Z",
    "a  b{n}",
    "x y #c",
    "'Z {n}'",
    "Zone {n} of a-very-long-name-over-the-limit",
]


@pytest.mark.usefixtures("tiny_limits")
@pytest.mark.parametrize("name", _FLOW_NAMES)
@pytest.mark.parametrize("nodes", range(20, 330, 7))
def test_zones_in_flow_style_say_what_the_parser_says(name: str, nodes: int, monkeypatch):
    """Zones one flow mapping a line, their shapes of 2 to 6 points (over the polygon's
    limit of 5 now and then), refused where the document's values or a list go over: the
    same finding as when each zone is read token by token, and the parser's."""
    from reflexmap.atlas.prescan import _walk, block

    monkeypatch.setattr(limits, "MAX_NODES", nodes)
    roomy = {**limits.list_limits(), "zones": (50, "zones")}
    monkeypatch.setattr(limits, "list_limits", lambda: roomy)
    for top in ("zones", "a"):
        text = f"{top}:\n" + "".join(
            _flow_zone(n, 2 + n * 7 % 4 + (n == 11), name, short=True) for n in range(14)
        )
        found = _walk(text)
        with monkeypatch.context() as m:  # every zone read token by token
            m.setattr(block, "build", lambda *a: None)
            assert _walk(text) == found, text
        if found:
            _agrees(found, _parser_alone(text, monkeypatch), text)
        refused.append(found)


refused: list = []


def test_zones_in_flow_style_were_refused_somewhere():
    """(the cases above hold refusals, not only files left to the parser)"""
    assert any(refused)


def test_blank_lines_and_key_lines_are_taken_as_one_at_a_time():
    """The walk takes a run of empty lines at once and a run's keys a line at a time (3,000,000
    blank lines, a value followed by 20,000,000 spaces: files within the limits); it finds what
    the one-at-a-time patterns found, on every mix of lines."""
    import itertools
    import re

    from reflexmap.atlas.prescan.runs import run_keys
    from reflexmap.atlas.prescan.tokens import _LINE

    one_at_a_time = re.compile(r"(?:[ \t]*+(?:#[^\n]*+)?+\n)*+( *+)")
    pieces = ["\n", "  \n", "\t\n", "# c\n", "  # c\n", "  a: 1\n", "a: 1" + " " * 50 + "\n"]
    pieces += ["b:\n", "- x\n", " "]
    for mix in itertools.product(pieces, repeat=3):
        text = "".join(mix) + "k: v\n"
        for start in range(len(text)):
            assert _LINE.match(text, start).span(1) == one_at_a_time.match(text, start).span(1), (text, start)
        for indent in (0, 2):
            keys = re.compile(rf"(?m)^ {{{indent}}}([A-Za-z_][A-Za-z0-9_\-]*):").findall(text)
            assert run_keys(text, 0, len(text), indent) == keys, text
