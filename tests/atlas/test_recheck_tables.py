"""The positions of a chart after a chain of edits of its zones, looked up through the parse
they started from (recheck_tables.py), are exactly those of a parse of the whole new text:
every value, key and list of points, looked up one by one and written out whole, on a chart
large enough for its lists of points to be read from the text (as on 10,000 zones), written
as `yaml.safe_dump` writes it (block lists), with comments between the zones."""

from __future__ import annotations

import copy
import os

import yaml
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from reflexmap.atlas import recheck_tables
from reflexmap.atlas.document import ChartDocument
from reflexmap.atlas.edits import (
    DeleteVertex,
    DeleteZone,
    DuplicateZone,
    EditRefused,
    InsertVertex,
    MoveVertex,
    MoveZone,
    SetText,
)
from reflexmap.atlas.recheck_window import parsed_data
from reflexmap.atlas.yaml_source import parse_yaml

from .test_recheck_zones import SMALL

ZONES = 400
EXAMPLES = int(os.environ.get("REFLEXMAP_FUZZ_EXAMPLES", "25")) // 3 + 2


def _chart(comments: bool) -> ChartDocument:
    data = yaml.safe_load(SMALL.text)
    heel = data["zones"][0]
    data["zones"] = [{**copy.deepcopy(heel), "id": f"zone-{n}"} for n in range(ZONES)]
    text = yaml.safe_dump(data, sort_keys=False)
    if comments:
        text = text.replace("\n- id: zone-1", "\n# between zones\n- id: zone-1")
    return ChartDocument.from_text(text, SMALL.source, SMALL.path)


LARGE = {comments: _chart(comments) for comments in (False, True)}
ZONE = st.integers(0, ZONES + 3).map(lambda n: f"zone-{n}")
MM = st.floats(min_value=-20, max_value=40, allow_nan=False).map(lambda v: round(v, 2))
EDIT = st.one_of(
    st.builds(
        lambda z, i, x, y: MoveVertex(z, "plantar-left", 0, i, (x, y)), ZONE, st.integers(0, 3), MM, MM
    ),
    st.builds(
        lambda z, i, x, y: InsertVertex(z, "plantar-left", 0, i, (x, y)), ZONE, st.integers(0, 3), MM, MM
    ),
    st.builds(lambda z, i: DeleteVertex(z, "plantar-left", 0, i), ZONE, st.integers(0, 3)),
    st.builds(DeleteZone, ZONE),
    st.builds(lambda z, n: DuplicateZone(z, f"copy-{n}", 1.0, 1.0), ZONE, st.integers(0, 5)),
    st.builds(lambda z, dx: MoveZone(z, dx, -dx), ZONE, MM),
    st.builds(lambda z, t: SetText(z, "name", t), ZONE, st.sampled_from(["A", "Two\nlines", "Ferse"])),
)


def _same_as_parsed_whole(document: ChartDocument) -> bool:
    """The document's positions equal a parse of its whole text; whether they were looked up."""
    data, positions = parsed_data(document)
    fresh, whole, errors = parse_yaml(document.text, document.source)
    assert not errors and data == fresh
    for path, where in whole.values.items():
        assert positions.values.get(path) == where, path
        assert positions.of_value(path) == whole.of_value(path), path
    for path, where in whole.keys.items():
        assert positions.keys.get(path) == where, path
    for path, points in whole.point_lists.items():
        mine = positions.point_lists.get(path)
        if mine is None:  # a zone parsed anew alone: its points are values (of_value above)
            continue
        assert (mine.start, mine.end, mine.line, mine.pad, mine.points) == (
            points.start,
            points.end,
            points.line,
            points.pad,
            points.points,
        ), path
        assert mine.text is document.text
    looked_up = isinstance(positions.values, recheck_tables.Table)
    # written out whole (as errors are located): the same, nothing more
    written = dict(positions.values.items())
    assert {p: w for p, w in written.items() if p in whole.values} == whole.values
    for path, where in written.items():  # more: the points of a zone parsed anew alone
        assert path in whole.values or whole.of_value(path) == where, path
    assert dict(positions.keys.items()) == whole.keys
    assert set(positions.point_lists) <= set(whole.point_lists)
    for path, mine in positions.point_lists.items():  # written out whole: the lists looked up
        assert mine is positions.point_lists.get(path), path
    nearest = getattr(positions.point_lists, "nearest", None)
    if nearest is not None:
        for line in (1, whole.values[("zones",)][0], len(document.text.split("\n")) // 2, 10**9):
            best = max(  # among its lists written out (a zone parsed anew alone has none)
                (p for p in positions.point_lists.values() if p.line <= line),
                key=lambda p: p.line,
                default=None,
            )
            found = nearest(line)
            assert (found and found.line) == (best and best.line), line
    return looked_up


@settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
    phases=(Phase.explicit, Phase.reuse, Phase.generate),  # (shrinking a chart this size takes minutes)
)
@given(st.booleans(), st.lists(st.tuples(EDIT, st.booleans()), min_size=1, max_size=6))
def test_positions_after_edits_are_those_of_the_whole_text_parsed(comments, edits):
    document = LARGE[comments]
    document.draft()
    for edit, undo in edits:
        try:
            applied = edit.apply(document, check=False)
        except EditRefused:
            continue
        document = applied.document
        document.draft()
        _same_as_parsed_whole(document)
        if undo:
            document = applied.inverse.apply(document, check=False).document
            document.draft()
            _same_as_parsed_whole(document)


def test_a_drag_writes_the_positions_of_its_zone_alone():
    """Counted, not timed. The defect: after each edit of a few zones, every position of the
    chart (200,000 on 10,000 zones) was written again, moved by the lines gained or lost:
    two fifths of a drag's release. Now those of the zones parsed anew are written, the
    others looked up in the parse before; also after a chain of edits that change lines."""
    document = LARGE[False]
    document.draft()
    for edit in (
        MoveVertex("zone-200", "plantar-left", 0, 1, (1.5, 3.0)),
        InsertVertex("zone-100", "plantar-left", 0, 2, (2.0, 4.0)),
        DeleteZone("zone-50"),
        MoveVertex("zone-300", "plantar-left", 0, 0, (0.5, 2.0)),
    ):
        document = edit.apply(document, check=False).document
        document.draft()
        positions = parsed_data(document)[1]
        assert isinstance(positions.values, recheck_tables.Table)
        written = len(positions.values._fresh) + len(positions.keys._fresh)
        everything = len(positions.values) + len(positions.keys)  # (written out whole here)
        assert written < everything / 20, (written, everything)  # the edited zones and their neighbours
        assert _same_as_parsed_whole(document)


def test_a_drag_on_block_lists_writes_the_moved_point_alone_without_ruamel():
    """The defect: a drag on a chart written by yaml.safe_dump (block lists) loaded and
    dumped the zone and its neighbours with ruamel.yaml (a tenth of a second on every
    release); now the moved point's lines are written in place (ring_text.py), comments
    kept, and undo gives the old text back byte for byte."""
    from unittest import mock

    from reflexmap.atlas import document as document_module

    document = LARGE[True]
    document.draft()
    real = document_module._yaml
    with mock.patch.object(document_module, "_yaml", side_effect=real) as loaded:
        applied = MoveVertex("zone-200", "plantar-left", 0, 1, (1.5, 3.0)).apply(document, check=False)
    assert loaded.call_count == 0
    new = applied.document
    old_lines, new_lines = document.text.split("\n"), new.text.split("\n")
    assert len(old_lines) == len(new_lines)
    assert sum(a != b for a, b in zip(old_lines, new_lines, strict=True)) == 2  # its x and y
    assert new.text.count("# between zones") == document.text.count("# between zones")
    assert applied.inverse.apply(new, check=False).document.text == document.text
    _same_as_parsed_whole(new)
