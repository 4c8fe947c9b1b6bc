"""The check after an edit of points, worked out from the check before it (recheck.py), is
exactly the check of the whole new text: after random drags, nudges and vertex deletions on
the test charts and the built-in chart, the incremental draft (chart, index, problems with
their lines and columns, shapes as written) equals a full check, and so do the positions the
next edit finds its lists by."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from reflexmap.atlas import builtin_chart_path
from reflexmap.atlas.document import ChartDocument, read_document
from reflexmap.atlas.edits import DeleteVertex, EditRefused, MoveVertex, MoveZone
from reflexmap.atlas.recheck import Basis, derived_draft
from reflexmap.atlas.recheck_window import parsed_data
from reflexmap.atlas.yaml_source import parse_yaml

DATA = Path(__file__).resolve().parents[1] / "data"


def same_as_full(document: ChartDocument) -> None:
    """The document's (incremental) draft equals a check of its text from scratch."""
    assert document.basis, "the edit was made in the text"
    draft = derived_draft(document)
    if draft is None and not isinstance(document.basis[0], Basis):
        # a zone in parts written ring by ring (a block list): the check of changed zones
        # follows that edit (recheck_zones.py), as it follows any other
        from reflexmap.atlas.recheck_zones import derived_draft as derived_zones

        draft = derived_zones(document)
    assert draft is not None, "worked out from the draft before"
    document.checked.append(draft)
    equals_full(document, draft)


def equals_full(document: ChartDocument, draft) -> None:
    """`draft` (worked out from the one before) equals a check of the text from scratch."""
    full = ChartDocument.from_text(document.text, document.source, document.path).full_draft()
    assert draft.problems == full.problems
    assert dict(draft.shapes) == dict(full.shapes) and list(draft.shapes) == list(full.shapes)
    if full.atlas is None:
        assert draft.atlas is None
        return
    a, b = draft.atlas, full.atlas
    assert (a.zones, a.views, a.sources, a.id, a.title) == (b.zones, b.views, b.sources, b.id, b.title)
    for view in b.views:
        ids = [z.id for z in b.zones_in(view.id)]
        assert [z.id for z in a.zones_in(view.id)] == ids
        assert a.anchors(view.id) == b.anchors(view.id)
        for zone in ids:
            assert a.index.area(view.id, zone) == pytest.approx(b.index.area(view.id, zone))
        x0, y0, x1, y1 = (
            min(p[0] for p in view.outline),
            min(p[1] for p in view.outline),
            max(p[0] for p in view.outline),
            max(p[1] for p in view.outline),
        )
        for k in range(25):
            x, y = x0 + (x1 - x0) * ((k * 7) % 25) / 24, y0 + (y1 - y0) * k / 24
            assert a.zones_at(view.id, x, y) == b.zones_at(view.id, x, y)
    data, positions = parsed_data(document)
    fresh, fresh_positions, _ = parse_yaml(document.text, document.source)
    assert data == fresh
    for path, where in fresh_positions.every_value().items():
        assert positions.of_value(path) == where, path
    for path, where in fresh_positions.keys.items():
        assert positions.keys.get(path) == where, path


def edits_for(document: ChartDocument):
    draft = document.full_draft()
    zones = [(z, v) for z, shapes in draft.shapes.items() for v, s in shapes.items() if s != "mirror"]
    pick = st.sampled_from(zones)
    mm = st.floats(min_value=-60, max_value=200, allow_nan=False).map(lambda v: round(v, 2))
    return st.lists(
        st.one_of(
            st.builds(
                lambda zv, i, x, y: MoveVertex(zv[0], zv[1], 0, i, (x, y)), pick, st.integers(0, 5), mm, mm
            ),
            st.builds(lambda zv, dx, dy: MoveZone(zv[0], dx / 4, dy / 4, views=(zv[1],)), pick, mm, mm),
            st.builds(lambda zv, dx, dy: MoveZone(zv[0], dx / 8, dy / 8), pick, mm, mm),
            st.builds(lambda zv, i: DeleteVertex(zv[0], zv[1], 0, i), pick, st.integers(0, 5)),
        ),
        min_size=1,
        max_size=6,
    )


def run(document: ChartDocument, sequence) -> None:
    document.draft()
    for edit in sequence:
        try:
            document = edit.apply(document, check=False).document
        except EditRefused:
            continue
        if document.basis:
            same_as_full(document)
        document.draft()


SMALL = read_document(DATA / "small.yaml")
BUILTIN = read_document(builtin_chart_path())


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(edits_for(SMALL))
def test_random_edits_of_points_on_the_small_chart_check_as_a_full_check(sequence):
    run(ChartDocument.from_text(SMALL.text, SMALL.source, SMALL.path), sequence)


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(edits_for(BUILTIN))
@example([MoveZone(zone="sinuses", dx=0.0, dy=0.0, views=("plantar-left",))])  # parts ring by ring
def test_random_edits_of_points_on_the_built_in_chart_check_as_a_full_check(sequence):
    run(ChartDocument.from_text(BUILTIN.text, BUILTIN.source, BUILTIN.path), sequence)
