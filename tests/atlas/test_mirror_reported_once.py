"""A zone drawn outside its outline is reported once, where it is drawn: not again for the view
that mirrors it ('plantar-right: mirror'), whose outline and shape are the same ones mirrored.
Before, each such zone gave two errors, the second pointing at the word 'mirror'."""

from __future__ import annotations

import pytest

from reflexmap.atlas import parse_atlas
from reflexmap.atlas.loader import builtin_chart_path

TEXT = builtin_chart_path().read_text(encoding="utf-8")


def _moved(text: str, old: str, new: str) -> str:
    assert text.count(old) == 1
    return text.replace(old, new)


@pytest.mark.parametrize(
    "old, new",
    [
        ("[23.9, 253.1], [27.7, 256.7]", "[23.9, 253.1], [27.7, 290.7]"),  # head-brain, 31 mm out
        ("[23.9, 253.1], [27.7, 256.7]", "[23.9, 253.1], [27.7, 258.7]"),  # just beyond tolerance
    ],
)
def test_a_zone_outside_its_outline_is_reported_once_not_again_for_its_mirror(old, new):
    result = parse_atlas(_moved(TEXT, old, new), "chart.yaml")
    assert result.atlas is None
    assert len(result.errors) == 1, "\n".join(map(str, result.errors))
    error = result.errors[0]
    assert "left foot, plantar view [plantar-left]" in error.message and "outside" in error.message
    assert TEXT.splitlines()[error.line - 1].lstrip().startswith("[23.9, 253.1]")


def test_shapes_keep_their_order_and_mirrors_are_still_built():
    atlas = parse_atlas(TEXT, "chart.yaml").atlas
    zone = next(z for z in atlas.zones if z.id == "head-brain")
    assert list(zone.shapes) == ["plantar-left", "plantar-right"]
    (left,), (right,) = zone.shapes["plantar-left"], zone.shapes["plantar-right"]
    assert [(-x, y) for x, y in left] == list(right) or [(-x, y) for x, y in left][::-1] == list(right)
