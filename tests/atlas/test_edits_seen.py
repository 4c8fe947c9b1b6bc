"""Every kind of edit says which zone a person sees changed (edits.Seen): the editor selects
it when the change is undone or redone. A kind of edit added without saying it fails here."""

from __future__ import annotations

import inspect

from reflexmap.atlas import edits
from reflexmap.atlas.edits import Seen

# one example of each kind, and the zone seen changed before and after it
EXAMPLES = {
    edits.MoveVertex: (
        edits.MoveVertex("heel", "plantar-left", 0, 1, (1.0, 2.0)),
        Seen("heel", "heel", "plantar-left"),
    ),
    edits.InsertVertex: (
        edits.InsertVertex("heel", "plantar-left", 0, 1, (1.0, 2.0)),
        Seen("heel", "heel", "plantar-left"),
    ),
    edits.DeleteVertex: (
        edits.DeleteVertex("heel", "plantar-left", 0, 1),
        Seen("heel", "heel", "plantar-left"),
    ),
    edits.MoveZone: (
        edits.MoveZone("heel", 1.0, 0.0, views=("dorsal-left",)),
        Seen("heel", "heel", "dorsal-left"),
    ),
    edits.SetPoints: (
        edits.SetPoints("heel", (("plantar-left", [(0, 0), (1, 0), (1, 1)]),)),
        Seen("heel", "heel"),
    ),
    edits.BreakMirror: (edits.BreakMirror("heel", "plantar-right"), Seen("heel", "heel", "plantar-right")),
    edits.MirrorZone: (edits.MirrorZone("heel", "plantar-left"), Seen("heel", "heel", "plantar-left")),
    edits.SetText: (edits.SetText("heel", "name", "Heel pad"), Seen("heel", "heel")),
    edits.RenameZone: (edits.RenameZone("heel", "heel-pad"), Seen("heel", "heel-pad")),
    edits.DeleteZone: (edits.DeleteZone("heel"), Seen("heel", None)),
    edits.InsertZone: (
        edits.add_zone(
            "new-zone-1",
            "dorsal-right",
            [(0, 0), (1, 0), (1, 1)],
            name="N",
            region="r",
            claim="c",
            technique="t",
            sources=(),
        ),
        Seen(None, "new-zone-1", "dorsal-right"),
    ),
    edits.DuplicateZone: (edits.DuplicateZone("heel", "heel-copy", 3.0, -3.0), Seen("heel", "heel-copy")),
    # the chart as a whole: no zone is selected for it
    edits.SetChartText: (edits.SetChartText("title", "Another"), Seen()),
    edits.SetZoneNames: (edits.SetZoneNames(None), Seen()),
    edits.SetSources: (edits.SetSources(()), Seen()),
    # inverses: they stand for the edit they undo, whose command says what it changed
    edits.TextEdit: (edits.TextEdit(0, "", ""), Seen()),
    edits.ReplaceZone: (edits.ReplaceZone(0, {}), Seen()),
    edits.RestoreZones: (edits.RestoreZones([]), Seen()),
    edits.RestoreLists: (edits.RestoreLists(()), Seen()),
}


def test_every_kind_of_edit_says_the_zone_it_changes():
    kinds = {
        kind
        for _name, kind in inspect.getmembers(edits, inspect.isclass)
        if issubclass(kind, edits.Edit) and kind is not edits.Edit and not kind.__name__.startswith("_")
    }
    assert kinds == set(EXAMPLES), "a kind of edit is missing from EXAMPLES: say which zone it changes"
    for kind, (edit, seen) in EXAMPLES.items():
        assert type(edit) is kind
        assert edit.seen() == seen, kind.__name__


def test_one_change_of_several_edits_is_seen_from_the_first_zone_to_the_last():
    made = [
        edits.SetChartText("title", "T"),
        edits.SetText("heel", "name", "H"),
        edits.RenameZone("heel", "pad"),
    ]
    assert edits.seen_in(made) == Seen("heel", "pad")
    drawn = [
        edits.add_zone(
            "z",
            "plantar-left",
            [(0, 0), (1, 0), (1, 1)],
            name="Z",
            region="r",
            claim="c",
            technique="t",
            sources=(),
        ),
        edits.SetText("z", "note", "n"),
    ]
    assert edits.seen_in(drawn) == Seen(None, "z", "plantar-left")
    assert edits.seen_in([edits.SetZoneNames(None)]) == Seen()
