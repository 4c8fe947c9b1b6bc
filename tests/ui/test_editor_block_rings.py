"""A vertex dragged on a chart whose rings are block lists (as `yaml.safe_dump` writes them,
one number a line): the change is written into the zone's own lines, the rest of the file
stays as it was, the check is the whole text's, and only the dragged zone is drawn and
listed again (on 10,000 zones the whole text was parsed again and the whole map and zone
list made again: seconds, where flow lists took milliseconds). A real drag on the viewport."""

from __future__ import annotations

import pytest
import yaml
from PySide6.QtCore import Qt

from reflexmap.atlas import load_atlas, recheck_window
from reflexmap.atlas.document import ChartDocument

from .conftest import click_mm
from .test_editor import DATA, drag
from .test_editor_incremental import same_as_full


def test_a_drag_on_a_block_list_chart_is_written_checked_and_drawn_for_that_zone(
    qtbot, make_window, tmp_path, request
):
    path = tmp_path / "small.yaml"
    path.write_text(yaml.safe_dump(yaml.safe_load((DATA / "small.yaml").read_text())), encoding="utf-8")
    before = path.read_text(encoding="utf-8")
    assert "    - - -18\n      - 2\n" in before  # rings as block lists
    window = make_window(load_atlas(path))
    window.edit_action.trigger()
    request.addfinalizer(window.editor.saving.discard)
    click_mm(qtbot, window, "plantar-left", 0.0, 25.0)
    assert window.state.zone_id == "heel"
    redrawn, refilled = [], []
    original = window.map.chart.update_zones
    window.map.chart.update_zones = lambda atlas, zones: redrawn.append(zones) or original(atlas, zones)
    real = window.zones.refill
    window.zones.refill = lambda *a: refilled.append(1) or real(*a)
    rows = window.zones.model.rowCount()
    drag(qtbot, window, "plantar-left", (18, 30), (14, 36), modifier=Qt.KeyboardModifier.AltModifier)
    session = window.editor.session
    moved = session.written_shape("heel", "plantar-left")[0][2]
    assert moved == pytest.approx((14.0, 36.0), abs=0.5)  # (to the pixel)
    assert isinstance(session.document.basis[0], recheck_window.Window)  # parsed from the zones it touched
    assert redrawn == [("heel",)]  # only the dragged zone's views drawn again
    assert not refilled  # the zone list keeps its rows: the zone's name and views did not change
    old, new = before.split("\n"), session.document.text.split("\n")
    assert window.zones.model.rowCount() == rows
    heel = slice(old.index("- claim: the pelvis"), old.index("- claim: the sciatic nerve"))
    assert old[: heel.start] == new[: heel.start]  # the rest of the file byte for byte
    assert old[heel.stop :] == new[len(new) - (len(old) - heel.stop) :]
    same_as_full(window)
    assert yaml.safe_load(session.document.text)["zones"][0]["shapes"]["plantar-left"][2] == list(moved)
    window.undo_action.trigger()
    assert session.document.text == before
    same_as_full(window)
    full = ChartDocument.from_text(session.document.text, session.document.source, session.document.path)
    assert session.draft.problems == full.full_draft().problems == ()
