"""Every kind of edit, then its inverse (a script's Undo, as `apply_all` gives them), gives
back the chart's bytes exactly: on the built-in charts and on a chart written oddly
(comments, four-space indents, dashes indented, flow lists wrapped by hand, points as block
lists, CRLF, a byte-order mark). An edit that writes the whole chart again through
ruamel.yaml (a title, a zone's texts, the sources...) had an inverse that took the round trip
again, which wrote the file in ruamel's style: a four-space indent came back as two."""

from __future__ import annotations

from pathlib import Path

import pytest

from reflexmap.atlas import builtin_charts
from reflexmap.atlas import edits as E
from reflexmap.atlas.document import read_document, written_indent

from .odd_chart import ODD


def _charts() -> list[str]:
    return ["odd", *(path.name for path in builtin_charts())]


@pytest.fixture(params=_charts())
def chart(request, tmp_path) -> Path:
    if request.param == "odd":
        path = tmp_path / "odd.yaml"
        path.write_bytes(ODD.encode("utf-8"))
        return path
    return next(p for p in builtin_charts() if p.name == request.param)


def kinds(document) -> dict[str, list[E.Edit]]:
    draft = document.draft()
    zone, view, mirrored = next(
        (z.id, v, m)
        for z in draft.atlas.zones
        for v, ring in draft.shapes[z.id].items()
        for m, other in draft.shapes[z.id].items()
        if ring != "mirror" and len(ring[0]) >= 4 and other == "mirror"
    )
    source = next(iter(draft.atlas.sources))
    retitled = tuple(  # every source kept, the first retitled
        E.SourceEntry(s, s, ((("title", None), "Retitled"),) if s == source else ())
        for s in draft.atlas.sources
    )
    drawn = [(-5.0, 60.0), (5.0, 60.0), (0.0, 70.0)]
    new_zone = dict(name="New", region="spine", claim="c", technique="t", sources=(source,))
    return {
        "title": [E.SetChartText("title", "Another title")],
        "chart translation": [E.SetChartText("title", "Ein Titel", "de")],
        "zone texts": [E.SetText(zone, "name", "Renamed"), E.SetText(zone, "note", "two\nlines")],
        "zone translation": [E.SetText(zone, "name", "Eine Zone", "de")],
        "region": [E.SetText(zone, "region", "spine")],
        "zone sources": [E.SetText(zone, "sources", (source,))],
        "sources": [E.SetSources(retitled)],
        "vertex": [E.MoveVertex(zone, view, 0, 1, (1.5, 3.25))],
        "insert vertex": [E.InsertVertex(zone, view, 0, 1, (0.5, 2.0))],
        "delete vertex": [E.DeleteVertex(zone, view, 0, 0)],
        "move": [E.MoveZone(zone, 1.0, -2.0)],
        "draw": [E.add_zone("drawn", view, drawn, **new_zone)],
        "duplicate": [E.DuplicateZone(zone, "copied", 3.0, -3.0)],
        "delete zone": [E.DeleteZone(zone)],
        "break mirror": [E.BreakMirror(zone, mirrored)],
        "rename": [E.RenameZone(zone, "renamed")],
    }


def test_each_edit_then_its_inverse_gives_back_every_byte(chart):
    document = read_document(chart)
    original = chart.read_bytes()
    assert document.to_bytes() == original
    for kind, edits in kinds(document).items():
        changed, inverses = E.apply_all(document, edits)
        assert changed.to_bytes() != original, kind
        back, _ = E.apply_all(changed, inverses)
        assert back.to_bytes() == original, kind


def test_all_edits_in_turn_then_their_inverses_give_back_every_byte(chart):
    document = read_document(chart)
    every = [e for edits in kinds(document).values() for e in edits if not isinstance(e, E.DeleteZone)]
    changed, inverses = E.apply_all(document, every)
    back, _ = E.apply_all(changed, inverses)
    assert back.to_bytes() == chart.read_bytes()


def test_a_chart_indented_by_four_spaces_keeps_its_indent_when_its_title_changes():
    text = ODD.replace("\r\n", "\n").removeprefix("\ufeff").replace("- s1", "-   s1").replace("- [", "-   [")
    assert written_indent(text) == (4, 8, 4)
    document = read_document_from(text)
    changed = E.SetChartText("title", "Another title").apply(document, check=False).document
    old, new = document.text.splitlines(), changed.text.splitlines()
    assert [n for n, (a, b) in enumerate(zip(old, new, strict=True)) if a != b] == [3]  # the title alone
    assert new[3] == "title: 'Another title'"


def read_document_from(text: str):
    from reflexmap.atlas.document import ChartDocument

    return ChartDocument.from_text(text, "<odd>", parse=True)


def test_a_chart_with_mixed_line_ends_is_saved_unchanged_and_an_edit_undone_gives_it_back(tmp_path):
    """A few lines ended by CRLF among LF lines: before, an unchanged chart was written back
    with CRLF on every line."""
    raw = (
        (Path(__file__).resolve().parents[1] / "data" / "small.yaml").read_bytes().replace(b"\n", b"\r\n", 5)
    )
    path = tmp_path / "mixed.yaml"
    path.write_bytes(raw)
    document = read_document(path)
    assert document.to_bytes() == raw
    for edits in kinds(document).values():
        changed, inverses = E.apply_all(document, edits)
        assert E.apply_all(changed, inverses)[0].to_bytes() == raw
