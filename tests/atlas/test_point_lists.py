"""Point lists read from the text directly (atlas/point_lists.py) give exactly what parsing
the text as written gives: the same data, the same positions, the same errors; and anything
they do not model is parsed as written."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from reflexmap.atlas import builtin_chart_path, parse_atlas, point_lists
from reflexmap.atlas import limits as reading_limits
from reflexmap.atlas import yaml_source as ys


@pytest.fixture(autouse=True)
def small_files_too(monkeypatch):
    monkeypatch.setattr(point_lists, "MIN_CHARS", 0)


def _both(text: str, monkeypatch) -> tuple[tuple, tuple, point_lists.Spliced | None]:
    """parse_yaml's (data, positions, errors) with lists read from the text, and as written."""
    spliced = point_lists.splice(text)
    fast = ys.parse_yaml(text, "chart.yaml")
    with monkeypatch.context() as m:
        m.setattr(point_lists, "splice", lambda text: None)
        slow = ys.parse_yaml(text, "chart.yaml")
    return fast, slow, spliced


def _types(value):
    if type(value) is list:
        return [_types(v) for v in value]
    if type(value) is dict:
        return {k: _types(v) for k, v in value.items()}
    return type(value).__name__


def _same(fast, slow) -> None:
    (data, positions, errors), (data2, positions2, errors2) = fast, slow
    assert errors == errors2
    assert data == data2 and _types(data) == _types(data2)
    assert positions.keys == positions2.keys
    assert positions.every_value() == positions2.values
    for path in positions2.values:
        for deeper in (path, path + (0,), path + (1,)):
            assert positions.of_value(deeper) == positions2.of_value(deeper)


def _block_chart() -> str:
    """The built-in chart as yaml.safe_dump writes it: points in compact block style."""
    return yaml.safe_dump(yaml.safe_load(builtin_chart_path().read_text(encoding="utf-8")), sort_keys=False)


def _one_a_line(text: str) -> str:
    """Block lists with one `- [x, y]` point a line."""
    data = yaml.safe_load(text)
    dumped = yaml.safe_dump(data, sort_keys=False, default_flow_style=None)
    return dumped


@pytest.mark.parametrize(
    "make",
    [
        lambda: builtin_chart_path().read_text(encoding="utf-8"),  # flow lists over several lines
        _block_chart,
        lambda: _one_a_line(builtin_chart_path().read_text(encoding="utf-8")),
        lambda: _block_chart().replace(".0\n", "\n"),  # whole numbers: ints, as the parser reads them
    ],
    ids=["flow", "compact block", "one a line", "whole numbers"],
)
def test_a_chart_reads_the_same_with_its_lists_taken_from_the_text(make, monkeypatch):
    text = make()
    fast, slow, spliced = _both(text, monkeypatch)
    assert spliced is not None and len(spliced.lists) > 40  # most lists were taken directly
    assert len(fast[1].point_lists) == len(spliced.lists)  # and were put in place
    _same(fast, slow)
    assert parse_atlas(text).atlas == parse_atlas(text).atlas


HEAD = "id: x\nzones:\n- id: a\n  shapes:\n"
POINTS = "    v:\n    - - 1.5\n      - 2\n    - - 3.0\n      - 4.25\n    - [5.5, 6]\n"


@pytest.mark.parametrize(
    "text",
    [
        HEAD + POINTS,
        HEAD + "    v: [[1.5, 2], [3.0, 4.25],\n      [5.5, 6],\n    ]\n    w: [[1, 2], [3, 4], [5, 6]]\n",
        HEAD + "    v: [[1.5, 2], [3.0, 4.25], [5.5, 6]]  # a comment\nnext: 1\n",
        # a list that goes on in another way, or holds what is not modelled
        HEAD + POINTS + "    - [7, 8]  # a comment\n",
        HEAD + "    v:\n    - - 1.5\n      - 2\n    # a comment\n    - - 3.0\n      - 4.25\n",
        HEAD + "    v:\n    - - 1.5\n      - 2\n      - 9\n    - - 3.0\n      - 4.25\n",
        HEAD + "    v: [[1e5, 2], [3, 4], [5, 6]]\n",
        HEAD + "    v: [[012, 2], [3, 4], [5, 6]]\n",
        HEAD + "    v: [[.5, 2], [+3, 4], [5, 6]]\n",
        HEAD + "    v: &a [[1, 2], [3, 4], [5, 6]]\n    w: *a\n",
        HEAD + "    v: !!seq [[1, 2], [3, 4], [5, 6]]\n",
        HEAD + "    v: [[1, 2], [3, 4], [5, 6]], extra\n",
        HEAD + "    v: [[1, 2], [3, 4], [5, 6]]\n    v: [[1, 2], [3, 4], [5, 6]]\n",  # duplicate key
        # what only looks like a list: inside text, or where a block list may not be
        "note: |\n  v:\n  - - 1.5\n    - 2\n  - - 3.0\n    - 4.25\nnext: 1\n",
        'note: "\n  v: [[1, 2], [3, 4]]\n  "\nnext: 1\n',
        "shapes: {\n  v:\n  - - 1.5\n    - 2\n}\n",
        "shapes: {\n  v: [[1, 2], [3, 4], [5, 6]]\n}\n",
        "- v:\n  - - 1.5\n    - 2\n",
        "v:\n- - 1.5\n  - 2\n- - 3.0\n  - 4.25",  # no line break at the end
        "a:\n    v:\n  - - 1.5\n    - 2\n",  # less indented than its key
        "v:\n  - - 1.5\n    - 2\n   foo\n",
        # coordinates that are not finite numbers, written in ways the lists do not model
        HEAD + "    v: [[1, 2], [.nan, 4], [5, 6]]\n    w: [[1, 2], [3, 4], [5, 6]]\n",
        HEAD + "    v: [[1, 2], [3, !!float .inf], [5, 6]]\n    w: [[1, 2], [3, 4], [5, 6]]\n",
        HEAD + "    v: [[1, 2], [3, &n .nan], [5, *n]]\n",
        HEAD + "    v:\n    - - 1.5\n      - 2\n    - - .NaN\n      - 4.25\n    - [5.5, 6]\n",
        # a file that writes a placeholder itself
        HEAD + "    v: !reflexmap-points-0123456789abcdef 0\n",
    ],
)
def test_small_cases_read_as_the_parser_reads_them(text, monkeypatch):
    fast, slow, _ = _both(text, monkeypatch)
    _same(fast, slow)


def test_a_placeholder_is_never_trusted_from_the_file(monkeypatch):
    """The placeholder's tag holds a fresh random nonce: one guessed from an earlier parse
    is only a tag that is not allowed."""
    text = HEAD + "    v: [[1, 2], [3, 4], [5, 6]]\n"
    spliced = point_lists.splice(text)
    assert spliced is not None
    forged = HEAD + f"    v: {spliced.tag} 0\n    w: [[1, 2], [3, 4], [5, 6]]\n"
    fast, slow, _ = _both(forged, monkeypatch)
    _same(fast, slow)
    assert fast[2] and "is not allowed" in fast[2][0].message


def test_a_polygon_over_its_limit_is_refused_where_the_parser_refuses_it(monkeypatch):
    limits = dict(reading_limits.list_limits())
    limits["polygon"] = (4, limits["polygon"][1])
    monkeypatch.setattr(reading_limits, "list_limits", lambda: limits)
    text = HEAD + "    v:\n" + "".join(f"    - - {k}.5\n      - 2\n" for k in range(6))
    fast, slow, spliced = _both(text, monkeypatch)
    assert spliced is not None
    _same(fast, slow)
    assert fast[2][0].line == 6 + 2 * 4 and "more than 4 points" in fast[2][0].message


def test_a_vertex_error_points_at_the_vertex_as_before(tmp_path: Path, monkeypatch):
    """A geometry error about one vertex of a list read from the text is placed at that
    vertex's line and column, as when the list is parsed."""
    text = _block_chart()
    data = yaml.safe_load(text)
    zone = next(z for z in data["zones"] if isinstance(z["shapes"].get("plantar-left"), list))
    ring = zone["shapes"]["plantar-left"]
    ring[2] = [ring[2][0], 900.0]  # far outside the outline
    text = yaml.safe_dump(data, sort_keys=False)
    fast = parse_atlas(text, "chart.yaml")
    with monkeypatch.context() as m:
        m.setattr(point_lists, "splice", lambda text: None)
        slow = parse_atlas(text, "chart.yaml")
    assert not fast.ok and fast.errors == slow.errors
    assert any(e.line > 1 for e in fast.errors)
