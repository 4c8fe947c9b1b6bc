"""An edit mode reading a large chart in the background also works out there what the first
edit finds out first (where the zones' items are in the text, whether the parse's positions
are orderly, how the chart writes its numbers: atlas/local_edit.prepare), so the first drop
costs what later drops cost.
Before: on a chart of 10,000 zones the first drop took ~0.5 s of CPU more, on the window's
thread."""

from __future__ import annotations

import pytest
import yaml

from benchmarks.synthetic import synthetic_chart
from reflexmap.atlas import document as document_module
from reflexmap.atlas import local_edit, recheck_tables
from reflexmap.atlas.document import read_document
from reflexmap.atlas.edits import MoveVertex
from reflexmap.atlas.local_edit import prepare


@pytest.mark.parametrize("prepared", [True, False])
def test_a_prepared_document_s_first_drop_finds_nothing_out_again(tmp_path, monkeypatch, prepared):
    path = tmp_path / "large.yaml"
    path.write_text(yaml.safe_dump(synthetic_chart(300), sort_keys=False), encoding="utf-8")
    document = read_document(path)
    draft = document.draft()
    if prepared:
        prepare(document)
    found = []
    orderly, items = recheck_tables._orderly, local_edit.zone_items
    monkeypatch.setattr(recheck_tables, "_orderly", lambda *a: found.append("orderly") or orderly(*a))
    monkeypatch.setattr(local_edit, "zone_items", lambda *a: found.append("items") or items(*a))
    numbers = document_module.number_style
    monkeypatch.setattr(document_module, "number_style", lambda *a: found.append("numbers") or numbers(*a))
    zone = draft.atlas.zones[150]
    view = next(iter(zone.shapes))
    x, y = draft.shapes[zone.id][view][0][0]
    after = MoveVertex(zone.id, view, 0, 0, (x + 1.0, y)).apply(document).document
    assert after.draft().shapes[zone.id][view][0][0] == (x + 1.0, y)
    assert after.draft().problems == after.full_draft().problems
    if prepared:
        assert found == []
    else:  # (the test sees the first edit find these out when nothing prepared them)
        assert set(found) == {"orderly", "items", "numbers"}
