"""The check after an edit of zones that goes through the round trip (recheck_zones.py:
a vertex inserted, a zone drawn, duplicated, deleted or renamed, its texts, sources or
translations edited, a mirror broken, the chart's title changed, and each of these undone)
is exactly the check of the whole new text: problems with their lines and columns, the
lenient chart, its index and anchors, and the shapes as written. Also on a chart that has
problems to start with (a zone out of its foot, a crossing, an id used twice)."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from reflexmap.atlas import builtin_chart_path
from reflexmap.atlas.document import ChartDocument, read_document
from reflexmap.atlas.edits import (
    BreakMirror,
    DeleteVertex,
    DeleteZone,
    DuplicateZone,
    EditRefused,
    InsertVertex,
    MirrorZone,
    MoveVertex,
    RenameZone,
    SetChartText,
    SetText,
    add_zone,
)
from reflexmap.atlas.recheck_zones import derived_draft

from .test_recheck import equals_full

DATA = Path(__file__).resolve().parents[1] / "data"
SMALL = read_document(DATA / "small.yaml")
BUILTIN = read_document(builtin_chart_path())
# the small chart with problems: the band leaves the foot, the toes cross themselves, and a
# second zone is called 'heel'
TROUBLED = ChartDocument.from_text(
    SMALL.text.replace(
        "[[-18, 10], [18, 10], [18, 18], [-18, 18]]", "[[-18, 10], [28, 10], [18, 18], [-18, 18]]"
    )
    .replace("[[-18, 80], [18, 80], [18, 98], [-18, 98]]", "[[-18, 80], [18, 98], [18, 80], [-18, 98]]")
    .replace("  - id: side\n", "  - id: heel\n"),
    SMALL.source,
    SMALL.path,
)
NEW_IDS = ["fresh", "heel", "band", "calcaneus", "toes-two"]
TEXTS = ["Heel", "A new name", "Line one\nline two", "", "Ferse"]


def same_as_full_zones(document: ChartDocument) -> None:
    """As test_recheck.same_as_full, for a document made by the round trip; the shortcut
    is not taken only where the full check finds the chart's structure broken (the schema's
    messages come from jsonschema, over the whole chart)."""
    draft = derived_draft(document)
    if draft is None:
        full = ChartDocument.from_text(document.text, document.source, document.path).full_draft()
        assert full.atlas is None, "worked out from the draft before"
        document.checked.append(full)
        return
    document.checked.append(draft)
    equals_full(document, draft)


def zone_edits(document: ChartDocument):
    draft = document.full_draft()
    zones = sorted(draft.shapes)
    with_points = [(z, v) for z, shapes in draft.shapes.items() for v, s in shapes.items() if s != "mirror"]
    mirrored = [(z, v) for z, shapes in draft.shapes.items() for v, s in shapes.items() if s == "mirror"] or [
        ("heel", "plantar-right")
    ]
    views = sorted({v for _, v in with_points})
    zone = st.sampled_from(zones + NEW_IDS[:1])  # also one that is not there: refused
    mm = st.floats(min_value=-60, max_value=200, allow_nan=False).map(lambda v: round(v, 2))
    point = st.tuples(mm, mm)
    return st.lists(
        st.tuples(
            st.one_of(
                st.builds(
                    lambda zv, i, p: InsertVertex(zv[0], zv[1], 0, i, p),
                    st.sampled_from(with_points),
                    st.integers(0, 5),
                    point,
                ),
                st.builds(
                    lambda zv, i, p: MoveVertex(zv[0], zv[1], 0, i, p),
                    st.sampled_from(with_points),
                    st.integers(0, 5),
                    point,
                ),
                st.builds(
                    lambda zv, i: DeleteVertex(zv[0], zv[1], 0, i),
                    st.sampled_from(with_points),
                    st.integers(0, 5),
                ),
                st.builds(
                    lambda new, view, pts, at: add_zone(
                        new,
                        view,
                        pts,
                        name="New",
                        region="spine",
                        claim="c",
                        technique="t",
                        sources=("s1",),
                        index=at,
                    ),
                    st.sampled_from(NEW_IDS),
                    st.sampled_from(views),
                    st.lists(point, min_size=3, max_size=5),
                    st.none() | st.integers(0, 6),
                ),
                st.builds(
                    DuplicateZone,
                    zone,
                    st.sampled_from(NEW_IDS),
                    mm.map(lambda v: v / 10),
                    mm.map(lambda v: v / 10),
                ),
                st.builds(DeleteZone, zone),
                st.builds(RenameZone, zone, st.sampled_from(NEW_IDS)),
                st.builds(
                    SetText,
                    zone,
                    st.sampled_from(["name", "claim", "note", "region", "confidence"]),
                    st.sampled_from(TEXTS),
                ),
                st.builds(
                    lambda z, t: SetText(z, "name", t or None, language="de"), zone, st.sampled_from(TEXTS)
                ),
                st.builds(SetText, zone, st.just("sources"), st.sampled_from([("s1",), ("nowhere",), ()])),
                st.builds(lambda zv: BreakMirror(*zv), st.sampled_from(mirrored)),
                st.builds(MirrorZone, zone, st.sampled_from(views)),
                st.builds(
                    SetChartText, st.sampled_from(["title", "description"]), st.sampled_from(TEXTS[:3])
                ),
            ),
            st.booleans(),  # undone at once
        ),
        min_size=1,
        max_size=5,
    )


def run(document: ChartDocument, sequence) -> None:
    document.draft()
    for edit, undo in sequence:
        try:
            applied = edit.apply(document, check=False)
        except EditRefused:
            continue
        document = applied.document
        same_as_full_zones(document)
        if undo:
            document = applied.inverse.apply(document, check=False).document
            same_as_full_zones(document)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(zone_edits(SMALL))
def test_random_edits_of_zones_on_the_small_chart_check_as_a_full_check(sequence):
    run(ChartDocument.from_text(SMALL.text, SMALL.source, SMALL.path), sequence)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(zone_edits(TROUBLED))
def test_random_edits_of_zones_on_a_chart_with_problems_check_as_a_full_check(sequence):
    run(ChartDocument.from_text(TROUBLED.text, TROUBLED.source, TROUBLED.path), sequence)


@settings(max_examples=3, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(zone_edits(BUILTIN))
@example(  # a point of a zone in parts written ring by ring: the check of changed zones follows
    [
        (DeleteZone("adrenal-glands"), False),
        (InsertVertex(zone="sinuses", view="plantar-left", part=0, index=0, at=(0.0, 0.0)), False),
    ]
)
def test_random_edits_of_zones_on_the_built_in_chart_check_as_a_full_check(sequence):
    run(ChartDocument.from_text(BUILTIN.text, BUILTIN.source, BUILTIN.path), sequence)


EVERY_KIND = [
    InsertVertex("heel", "plantar-left", 0, 1, (0.0, 1.0)),
    add_zone(
        "fresh",
        "plantar-left",
        [(-10, 60), (10, 60), (0, 70)],
        name="N",
        region="spine",
        claim="c",
        technique="t",
        sources=("s1",),
    ),
    DuplicateZone("band", "band-two", 1.0, 1.0),
    DeleteZone("strip"),
    SetText("heel", "claim", "the pelvis and hips"),
    SetText("heel", "name", "Ferse", language="de"),
    SetText("heel", "sources", ("s1", "nowhere")),
    BreakMirror("band", "plantar-right"),
    MirrorZone("band", "plantar-left"),
    SetChartText("title", "My chart"),
    RenameZone("heel", "calcaneus"),
]


def test_every_kind_of_zone_edit_is_checked_from_the_check_before(monkeypatch):
    """No edit of zones runs the check of the whole chart: each is worked out from the one
    before (and equals the full check)."""
    document = ChartDocument.from_text(SMALL.text, SMALL.source, SMALL.path)
    document.draft()
    full = ChartDocument.full_draft
    for edit in EVERY_KIND:
        after = edit.apply(document, check=False).document
        monkeypatch.setattr(
            ChartDocument, "full_draft", lambda self: (_ for _ in ()).throw(AssertionError("full"))
        )
        draft = after.draft()
        monkeypatch.setattr(ChartDocument, "full_draft", full)
        equals_full(after, draft)
        document = after
    assert {p.zone for p in document.draft().problems} == {"calcaneus"}  # the unknown source, found
