"""Each edit applied, undone (its inverse) and redone gives identical YAML text; mirrors
follow their source; check's errors come back at the zone, view and vertex."""

from __future__ import annotations

from pathlib import Path

import pytest

from reflexmap.atlas.document import ChartDocument, read_document
from reflexmap.atlas.edits import (
    BreakMirror,
    DeleteVertex,
    DeleteZone,
    DuplicateZone,
    Edit,
    EditRefused,
    InsertVertex,
    MoveVertex,
    MoveZone,
    SetText,
    add_zone,
)
from reflexmap.atlas.loader import builtin_chart_path, load_atlas

DATA = Path(__file__).resolve().parents[1] / "data"
SOURCES = list(load_atlas(builtin_chart_path()).sources)  # the chart's own, whatever they are


@pytest.fixture(scope="module")
def small() -> ChartDocument:
    return read_document(DATA / "small.yaml")


@pytest.fixture(scope="module")
def ingham() -> ChartDocument:
    return read_document(builtin_chart_path())


def _zone(document: ChartDocument, zone_id: str):
    atlas = document.validate().atlas
    assert atlas is not None, document.problems()
    return atlas.zone(zone_id)


EACH_KIND = {
    "move vertex": MoveVertex("sacrum", "plantar-left", 0, 2, (27.0, 60.0)),
    "insert vertex": InsertVertex("sacrum", "plantar-left", 0, 1, (18.1, 51.2)),
    "delete vertex": DeleteVertex("head-brain", "plantar-left", 0, 0),
    "nudge zone": MoveZone("sacrum", 0.0, -0.5),
    "move zone in one view": MoveZone("lower-back", 0.25, 0.5, views=("dorsal-left",)),
    "add zone": add_zone(
        "test-zone",
        "plantar-left",
        [(0.0, 100.0), (10.0, 100.0), (10.0, 110.0), (0.0, 110.0)],
        name="Test zone",
        region="abdomen",
        claim="a test placement",
        technique="Thumb-walk.",
        sources=(SOURCES[0],),
    ),
    "duplicate zone": DuplicateZone("sacrum", "sacrum-copy", 0.0, 0.0),
    "delete zone": DeleteZone("sinuses"),
    "set text": SetText("sacrum", "claim", "the sacrum, as drawn here"),
    "set translation": SetText("sacrum", "name", "Kreuzbein (neu)", language="de"),
    "remove note": SetText("heart", "note", None),
    "set sources": SetText("sacrum", "sources", (SOURCES[-1],)),
    "break mirror": BreakMirror("sacrum", "plantar-right"),
}


@pytest.mark.parametrize("kind", sorted(EACH_KIND))
def test_each_edit_undone_and_redone_gives_identical_text(kind: str, ingham: ChartDocument):
    edit = EACH_KIND[kind]
    done = edit.apply(ingham)
    assert done.document.text != ingham.text
    assert done.problems == (), done.problems
    undone = done.inverse.apply(done.document)
    assert undone.document.to_bytes() == ingham.to_bytes()
    redone = edit.apply(undone.document)
    assert redone.document.text == done.document.text
    assert redone.inverse.apply(redone.document).document.text == ingham.text


@pytest.mark.parametrize("kind", sorted(EACH_KIND))
def test_comments_survive_every_edit(kind: str, ingham: ChartDocument):
    text = EACH_KIND[kind].apply(ingham, check=False).document.text
    before = [line.strip() for line in ingham.text.splitlines() if line.strip().startswith("#")]
    after = [line.strip() for line in text.splitlines() if line.strip().startswith("#")]
    assert after == before


def test_only_the_edited_zone_changes_in_the_text(ingham: ChartDocument):
    done = MoveVertex("sacrum", "plantar-left", 0, 2, (27.0, 60.0)).apply(ingham).document
    old, new = ingham.text.splitlines(), done.text.splitlines()
    changed = [i for i, (a, b) in enumerate(zip(old, new, strict=True)) if a != b]
    assert len(changed) == 1 and "[27.0, 60.0]" in new[changed[0]]


def test_editing_the_left_foot_moves_the_mirrored_right_foot(ingham: ChartDocument):
    done = MoveVertex("sacrum", "plantar-left", 0, 0, (20.0, 39.0)).apply(ingham)
    zone = _zone(done.document, "sacrum")
    assert zone.shapes["plantar-left"][0][0] == (20.0, 39.0)
    assert zone.shapes["plantar-right"][0][0] == (-20.0, 39.0)
    assert "plantar-right: mirror" in done.document.text.split("id: sacrum")[1].split("- id:")[0]


def test_nudging_a_mirrored_zone_moves_both_feet(small: ChartDocument):
    zone = _zone(MoveZone("heel", 1.0, 0.0).apply(small).document, "heel")
    assert zone.shapes["plantar-left"][0][0] == (-17.0, 2.0)
    assert zone.shapes["plantar-right"][0][0] == (17.0, 2.0)


def test_editing_the_mirror_side_is_refused_until_the_mirror_is_broken(small: ChartDocument):
    with pytest.raises(EditRefused, match="mirrors view 'plantar-left'"):
        MoveVertex("heel", "plantar-right", 0, 0, (0.0, 5.0)).apply(small)
    broken = BreakMirror("heel", "plantar-right").apply(small).document
    assert _zone(broken, "heel").shapes == _zone(small, "heel").shapes  # the same points, now explicit
    moved = MoveVertex("heel", "plantar-right", 0, 0, (17.0, 5.0)).apply(broken).document
    zone = _zone(moved, "heel")
    assert zone.shapes["plantar-right"][0][0] == (17.0, 5.0)
    assert zone.shapes["plantar-left"][0][0] == (-18.0, 2.0)  # the left foot stays


def test_a_vertex_moved_out_of_the_outline_is_reported_at_that_vertex(small: ChartDocument):
    done = MoveVertex("heel", "plantar-left", 0, 1, (40.0, 2.0)).apply(small)
    assert done.problems, "leaving the outline must be an error"
    problem = done.problems[0]
    assert (problem.zone, problem.view) == ("heel", "plantar-left")
    assert "outline" in problem.message
    assert problem.line == 32
    # the same message as `reflexmap check` gives for the saved file
    assert done.document.validate().errors[0].message == problem.message


def test_a_self_crossing_zone_is_reported_with_its_vertex(ingham: ChartDocument):
    sacrum = _zone(ingham, "sacrum").shapes["plantar-left"][0]
    # swap two neighbouring corners: the ring crosses itself
    done = MoveVertex("sacrum", "plantar-left", 0, 1, sacrum[2]).apply(ingham)
    done = MoveVertex("sacrum", "plantar-left", 0, 2, sacrum[1]).apply(done.document)
    assert done.problems
    problem = done.problems[0]
    assert (problem.zone, problem.view) == ("sacrum", "plantar-left")
    assert problem.vertex is not None and 0 <= problem.vertex < len(sacrum)


def test_a_duplicated_id_is_refused_and_a_duplicate_zone_needs_a_new_id(small: ChartDocument):
    with pytest.raises(EditRefused, match="already a zone 'band'"):
        DuplicateZone("heel", "band").apply(small)
    done = DuplicateZone("heel", "heel-2", 2.0, 3.0).apply(small)
    assert _zone(done.document, "heel-2").shapes["plantar-left"][0][0] == (-16.0, 5.0)


@pytest.mark.parametrize(
    "edit",
    [
        MoveVertex("nope", "plantar-left", 0, 0, (0.0, 0.0)),
        MoveVertex("heel", "plantar-left", 0, 9, (0.0, 0.0)),
        MoveVertex("heel", "plantar-left", 1, 0, (0.0, 0.0)),
        SetText("heel", "id", "x"),
        BreakMirror("heel", "plantar-left"),
    ],
)
def test_impossible_edits_are_refused_with_a_message(edit: Edit, small: ChartDocument):
    with pytest.raises(EditRefused):
        edit.apply(small)


def test_a_zone_keeps_at_least_three_corners(small: ChartDocument):
    triangle = DeleteVertex("heel", "plantar-left", 0, 0).apply(small)
    assert triangle.problems == ()
    with pytest.raises(EditRefused, match="three corners"):
        DeleteVertex("heel", "plantar-left", 0, 0).apply(triangle.document)


@pytest.fixture(scope="module")
def commented(small: ChartDocument) -> ChartDocument:
    text = small.text.replace(
        "      plantar-right: mirror\n  - id: strip\n",
        "      plantar-right: mirror  # mirrored\n"
        "  # The strip: a comment about the next zone\n"
        "  - id: strip\n",
    )
    assert "# The strip" in text
    return ChartDocument.from_text(text)


@pytest.mark.parametrize(
    "edit",
    [
        DeleteZone("band"),
        DuplicateZone("band", "band-2"),
        add_zone(
            "new",
            "plantar-left",
            [(0, 40), (5, 40), (5, 45)],
            name="N",
            region="pelvis",
            claim="c",
            technique="t",
            sources=("s1",),
            index=2,
        ),
    ],
    ids=["delete the zone above", "duplicate the zone above", "insert between"],
)
def test_a_comment_above_a_zone_stays_above_it(edit: Edit, commented: ChartDocument):
    done = edit.apply(commented, check=False)
    text = done.document.text
    assert text.count("# The strip") == 1
    assert "# The strip: a comment about the next zone\n  - id: strip\n" in text
    assert ("# mirrored" in text) == (edit != DeleteZone("band"))
    assert done.inverse.apply(done.document, check=False).document.text == commented.text


def test_a_copys_name_keeps_the_apps_words_readable_after_a_direction_control():
    """A name holding U+202E (right-to-left override) ran on into " (copy)": the duplicate
    read "Niere (ypoc)" reversed. The name is isolated before the app's words; a plain name
    is left as written."""
    from types import SimpleNamespace

    from reflexmap.atlas.edits import copy_names

    odd = SimpleNamespace(name="Kidney \u202eNiere", translations={})
    assert copy_names(odd, {}, "en") == ((None, "\u2068Kidney \u202eNiere\u2069 (copy)"),)
    plain = SimpleNamespace(name="Heel", translations={"de": {"name": "Ferse"}})
    assert copy_names(plain, {None: {"Heel (copy)"}}, "en") == (
        (None, "Heel (copy 2)"),
        ("de", "Ferse (Kopie)"),
    )
