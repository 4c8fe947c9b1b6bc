"""An edit made on a few zones' text (local_edit.py) is parsed and checked from the parse and
check before it (recheck_window.py, recheck_zones.py), whatever way the chart writes its
rings: flow lists, block lists one number a line (as `yaml.safe_dump` writes them), block
lists of `[x, y]` pairs, mixed in one chart, whole numbers or decimals, comments between the
points, lists indented under their keys or not. Each time: the same chart as the round trip
of the whole file through ruamel.yaml gives, the text outside the edited zones byte for byte,
and the same parse (values, positions) and check (problems with their lines and columns, the
lenient chart, its index) as the whole new text parsed and checked from scratch."""

from __future__ import annotations

import copy
import difflib
import os
from unittest import mock

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reflexmap.atlas import local_edit, recheck_window
from reflexmap.atlas.document import ChartDocument
from reflexmap.atlas.edits import DeleteZone, EditRefused, InsertVertex, MoveVertex, MoveZone

from .test_recheck_zones import SMALL, same_as_full_zones, zone_edits

HEADER = SMALL.text[: SMALL.text.index("zones:\n")]
ZONES = yaml.safe_load(SMALL.text)["zones"]
EXAMPLES = int(os.environ.get("REFLEXMAP_FUZZ_EXAMPLES", "25"))


def _number(value: float, decimals: bool) -> str:
    return f"{float(value)!r}" if decimals else str(int(value)) if float(value).is_integer() else repr(value)


def _ring(points: list, style: str, at: int, indented: bool, decimals: bool, comments: bool) -> list[str]:
    """The lines of `key:` and its ring, the key at column `at`."""
    if style == "flow":
        pairs = ", ".join(f"[{_number(x, decimals)}, {_number(y, decimals)}]" for x, y in points)
        return [f"[{pairs}]"]
    dash = " " * (at + (2 if indented else 0))
    lines = [""]
    for k, (x, y) in enumerate(points):
        if comments and k == 1:
            lines.append(f"{dash}# the second corner")
        if style == "pairs":
            lines.append(f"{dash}- [{_number(x, decimals)}, {_number(y, decimals)}]")
        else:  # one number a line, as yaml.safe_dump writes points
            lines.append(f"{dash}- - {_number(x, decimals)}")
            lines.append(f"{dash}  - {_number(y, decimals)}")
    return lines


def chart_text(styles: list[tuple[str, bool, bool]], indented: bool, comments: bool, step: int = 2) -> str:
    """SMALL's zones, each ring written in its own style: (flow | block | pairs, decimals,
    a comment line between its points); lists indented under their keys or not; mappings
    indented by `step`."""
    dash = "  " if indented else ""
    out = [HEADER, "zones:\n"]
    for zone, (style, decimals, commented) in zip(ZONES, styles, strict=False):
        body = dash + " " * step
        lines = [f"{dash}-{' ' * (step - 1)}id: {zone['id']}"]
        for key in ("name", "region", "claim", "technique", "confidence"):
            lines.append(f"{body}{key}: {zone[key]!r}".replace("'", '"'))
        lines.append(f"{body}sources: [s1]")
        lines.append(f"{body}shapes:")
        for view, shape in zone["shapes"].items():
            if shape == "mirror":
                lines.append(f"{body}{' ' * step}{view}: mirror")
                continue
            ring = _ring(shape, style, len(body) + step, indented, decimals, commented and comments)
            lines.append(f"{body}{' ' * step}{view}: {ring[0]}".rstrip())
            lines.extend(ring[1:])
        if comments:
            lines.append(f"{dash}# after {zone['id']}")
        out.append("\n".join(lines) + "\n")
    return "".join(out)


STYLE = st.tuples(st.sampled_from(("flow", "block", "pairs")), st.booleans(), st.booleans())
EDITS = zone_edits(SMALL)


def _check(document: ChartDocument, edit, undo: bool) -> ChartDocument:
    try:
        applied = edit.apply(document, check=False)
    except EditRefused:
        return document
    new = applied.document
    basis = new.basis[0] if new.basis else None
    if isinstance(basis, recheck_window.Window):  # made on the zones it touches
        assert new.text == document.text[: basis.start] + basis.new + document.text[basis.end :]
        with mock.patch.object(local_edit, "LOCAL", [False]):
            whole = edit.apply(document, check=False).document  # the round trip of the whole chart
        assert yaml.safe_load(new.text) == yaml.safe_load(whole.text)
    same_as_full_zones(new)
    if undo:
        back = applied.inverse.apply(new, check=False).document
        if isinstance(basis, recheck_window.Window):  # the old text put back
            assert back.text == document.text
        same_as_full_zones(back)
        return back
    return new


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(STYLE, min_size=len(ZONES), max_size=len(ZONES)),
    st.booleans(),
    st.booleans(),
    st.sampled_from((2, 3, 4)),
    EDITS,
)
def test_edits_of_charts_in_every_style_parse_and_check_as_the_whole_text(
    styles, indented, comments, step, edits
):
    text = chart_text(styles, indented, comments, step)
    document = ChartDocument.from_text(text, SMALL.source, SMALL.path)
    assert yaml.safe_load(document.text)["zones"] == ZONES  # the same chart, written otherwise
    document.draft()
    for edit, undo in edits:
        document = _check(document, edit, undo)


def test_a_vertex_dragged_in_a_block_ring_is_parsed_from_the_zones_it_touches():
    """The defect: on a chart written by yaml.safe_dump, a drag's check parsed the whole text
    again (3 to 5 s on 10,000 zones, and the map was drawn whole); now only the zones the
    edit touched are parsed, and the map is told which zone's points changed."""
    document = ChartDocument.from_text(yaml.safe_dump(yaml.safe_load(SMALL.text)), SMALL.source, SMALL.path)
    document.draft()
    for edit in (
        MoveVertex("band", "plantar-left", 0, 1, (17.5, 11.0)),
        InsertVertex("band", "plantar-left", 0, 2, (18.0, 14.0)),
        MoveZone("toes", 1.0, -0.5),
        DeleteZone("strip"),
    ):
        new = edit.apply(document, check=False).document
        basis = new.basis[0]
        assert isinstance(basis, recheck_window.Window)
        assert recheck_window.spliced(new) is not None
        if not isinstance(edit, DeleteZone):
            assert basis.points_of == [z["id"] for z in ZONES].index(edit.zone)
        same_as_full_zones(new)
        document = new


def test_structural_edits_of_a_large_chart_parse_only_the_zones_they_touch():
    """Counted, not timed: a zone added, duplicated or deleted, its text or points changed,
    and the chart checked, parse only a few zones' text (before: the whole chart, 2.2 s of
    CPU on 10,000 zones for a deletion), and check as the whole text."""
    from reflexmap.atlas import yaml_source
    from reflexmap.atlas.edits import DuplicateZone, SetText, add_zone

    data = yaml.safe_load(SMALL.text)
    heel = data["zones"][0]
    data["zones"] = [{**copy.deepcopy(heel), "id": f"zone-{n}"} for n in range(300)]  # no aliases
    document = ChartDocument.from_text(yaml.safe_dump(data), SMALL.source, SMALL.path)
    document.draft()
    parsed: list[int] = []
    real = yaml_source.parse_yaml

    def counting(text, source):
        parsed.append(len(text))
        return real(text, source)

    kinds = [
        DeleteZone("zone-150"),
        DuplicateZone("zone-20", "copy", 2, 2),
        add_zone(
            "new",
            "plantar-left",
            [(0, 0), (5, 0), (5, 5)],
            name="N",
            region="pelvis",
            claim="c",
            technique="t",
            sources=("s1",),
            index=0,
        ),
        SetText("zone-299", "name", "Changed"),
        MoveVertex("zone-7", "plantar-left", 0, 1, (12.5, 3.0)),
        InsertVertex("zone-298", "plantar-left", 0, 4, (0.0, 20.0)),
    ]
    for edit in kinds:
        parsed.clear()
        with mock.patch.object(yaml_source, "parse_yaml", counting):
            new = edit.apply(document, check=False).document
            draft = new.draft()
        assert parsed and max(parsed) < len(document.text) / 50, type(edit).__name__
        full = ChartDocument.from_text(new.text, new.source, new.path).full_draft()
        assert draft.problems == full.problems and draft.atlas.zones == full.atlas.zones
        document = new


def _indent_4(comment_after: int | None) -> ChartDocument:
    """SMALL as `yaml.safe_dump(indent=4)` writes it (`-   - -18`: an indentation ruamel.yaml
    does not write, so the zone cannot be dumped back as it was), with a comment line after
    point `comment_after` of the band's ring."""
    text = yaml.safe_dump(yaml.safe_load(SMALL.text), indent=4, sort_keys=False)
    if comment_after is not None:
        lines = text.split("\n")
        band = lines.index("-   id: band")
        ring = lines.index("        plantar-left:", band) + 1
        lines.insert(ring + 2 * (comment_after + 1), "        # a corner")
        text = "\n".join(lines)
    return ChartDocument.from_text(text, SMALL.source, SMALL.path)


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.none() | st.integers(0, 2), EDITS)
def test_edits_of_a_chart_written_with_indent_4_parse_and_check_as_the_whole_text(comment_after, edits):
    document = _indent_4(comment_after)
    document.draft()
    for edit, undo in edits:
        document = _check(document, edit, undo)


def test_a_drag_on_a_chart_written_with_indent_4_changes_only_the_dragged_point():
    """Before: every edit of points took the round trip of the whole chart (13 s of CPU on
    1,000 zones), which wrote every line of the file in ruamel.yaml's indentation."""
    document = _indent_4(0)
    document.draft()
    x, y = "        -   - {}", "            - {}"
    for edit, lines in (
        (MoveVertex("band", "plantar-left", 0, 1, (17.5, 11.0)), [y.format(11), x.format(17.5)]),
        (InsertVertex("band", "plantar-left", 0, 2, (18.0, 14.0)), [y.format(14), x.format(18)]),
    ):
        applied = edit.apply(document, check=False)
        new = applied.document
        old_lines, new_lines = document.text.split("\n"), new.text.split("\n")
        added = [line[1:] for line in difflib.unified_diff(old_lines, new_lines, n=0) if line[:1] == "+"]
        assert sorted(added[1:]) == lines  # (after the "+++" header)
        assert "        # a corner" in new_lines
        assert isinstance(new.basis[0], recheck_window.Window)
        same_as_full_zones(new)
        assert applied.inverse.apply(new, check=False).document.text == document.text
        document = new
