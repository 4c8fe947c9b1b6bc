"""Any sequence of edits, undone in reverse order, gives back the original bytes."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reflexmap.atlas.document import read_document
from reflexmap.atlas.edits import (
    BreakMirror,
    DeleteVertex,
    DeleteZone,
    DuplicateZone,
    EditRefused,
    InsertVertex,
    MoveVertex,
    MoveZone,
    SetText,
    add_zone,
)

SMALL = read_document(Path(__file__).resolve().parents[1] / "data" / "small.yaml")
ZONES = ("heel", "band", "strip", "new-a", "new-b")
mm = st.floats(min_value=-30, max_value=110, allow_nan=False).map(lambda v: round(v, 2))
point = st.tuples(mm, mm)
zone = st.sampled_from(ZONES)
view = st.sampled_from(("plantar-left", "plantar-right", "medial-left"))
index = st.integers(min_value=0, max_value=6)
text = st.text(st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), max_size=20)

edits = st.one_of(
    st.builds(MoveVertex, zone, view, st.just(0), index, point),
    st.builds(InsertVertex, zone, view, st.just(0), index, point),
    st.builds(DeleteVertex, zone, view, st.just(0), index),
    st.builds(MoveZone, zone, mm, mm),
    st.builds(SetText, zone, st.sampled_from(("name", "claim", "note")), text | st.none()),
    st.builds(SetText, zone, st.just("name"), text | st.none(), st.sampled_from(("de", "fr"))),
    st.builds(DuplicateZone, zone, st.sampled_from(ZONES), mm, mm),
    st.builds(DeleteZone, zone),
    st.builds(BreakMirror, zone, st.just("plantar-right")),
    st.builds(
        lambda zone_id, points: add_zone(
            zone_id,
            "plantar-left",
            points,
            name="N",
            region="pelvis",
            claim="c",
            technique="t",
            sources=("s1",),
        ),
        zone,
        st.lists(point, min_size=3, max_size=5),
    ),
)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(edits, min_size=1, max_size=6))
def test_random_edits_then_their_inverses_in_reverse_restore_the_bytes(sequence):
    document, inverses = SMALL, []
    for edit in sequence:
        try:
            applied = edit.apply(document, check=False)
        except EditRefused:
            continue
        document = applied.document
        inverses.append(applied.inverse)
    for inverse in reversed(inverses):
        document = inverse.apply(document, check=False).document
    assert document.to_bytes() == SMALL.to_bytes()
