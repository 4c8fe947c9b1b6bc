# ruff: noqa: F811 (the editing fixtures come from test_editor)
"""A zone drawn in the editor names no source nobody chose (issue 16: it cited the chart's
first source, as if its placement came from there): it names none, `reflexmap check` and the
editor say it needs one, and the form beside the map says where to tick them."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence

from reflexmap.atlas import load_atlas
from reflexmap.atlas.errors import AtlasLoadError

from .conftest import click_mm
from .test_editor import chart, editing, key  # noqa: F401 (fixtures)


def _draw(qtbot, window) -> str:
    window.draw_action.trigger()
    for point in ((-15, 60), (5, 60), (5, 72), (-15, 72)):
        click_mm(qtbot, window, "plantar-left", *point)
    qtbot.keyClick(window.map, Qt.Key.Key_Return)
    return window.state.zone_id


def tick_source(qtbot, window, row: int = 0) -> None:
    """The `row`th source ticked in the zone-texts form beside the map, by key, as a person
    names the sources of a zone just drawn."""
    assert window.editor.form.zone() is not None, "no zone selected to name its sources"
    sources = window.editor.form.sources
    sources.setFocus()
    sources.setCurrentRow(row)
    qtbot.keyClick(sources, Qt.Key.Key_Space)


def test_a_drawn_zone_names_no_source_until_one_is_ticked(qtbot, editing, chart):
    zone_id = _draw(qtbot, editing)
    assert zone_id == "new-zone-1"
    session, form = editing.editor.session, editing.editor.form
    assert editing.state.atlas.zone(zone_id).sources == ()  # shown, selected, naming none
    assert "\n    sources: []\n" in session.document.text
    said = [p.message for p in session.draft.problems if p.zone == zone_id]
    assert said == ["the zone names no source; name the sources it comes from (known sources: s1)"]
    assert "no source" in editing.statusBar().currentMessage()
    assert form.no_source.isVisibleTo(form)  # said where the sources are ticked
    form.widget().adjustSize()
    qtbot.waitUntil(lambda: form.sources.visibleRegion().boundingRect().height() > 0)  # scrolled to
    rows = [form.sources.item(i) for i in range(form.sources.count())]
    assert [r.checkState() for r in rows] == [Qt.CheckState.Unchecked]  # none ticked for it
    steps = session.stack.count()
    tick_source(qtbot, editing)
    assert editing.state.atlas.zone(zone_id).sources == ("s1",)
    assert session.stack.count() == steps + 1 and not session.draft.problems
    assert not form.no_source.isVisibleTo(form)
    editing.save_action.trigger()
    assert load_atlas(chart).zone(zone_id).sources == ("s1",)
    key(qtbot, editing, QKeySequence.StandardKey.Undo)  # the tick undone: none again, said again
    assert editing.state.atlas.zone(zone_id).sources == ()
    assert form.no_source.isVisibleTo(form)


def test_check_says_a_zone_with_no_source_where_it_is(tmp_path):
    from reflexmap.atlas.document import read_document
    from reflexmap.atlas.edits import add_zone

    from .test_editor import DATA

    document = read_document(DATA / "small.yaml")
    drawn = (
        add_zone(
            "drawn",
            "plantar-left",
            [(-15, 60), (5, 60), (5, 72)],
            name="Drawn",
            region="abdomen",
            claim="an area",
            technique="Press.",
            sources=(),
        )
        .apply(document, check=False)
        .document
    )
    path = tmp_path / "drawn.yaml"
    path.write_text(drawn.text, encoding="utf-8")
    with pytest.raises(AtlasLoadError) as raised:
        load_atlas(path)
    line = drawn.text.splitlines().index("    sources: []") + 1
    assert [(e.line, e.column) for e in raised.value.errors] == [(line, 5)]
    assert "names no source" in raised.value.errors[0].message
