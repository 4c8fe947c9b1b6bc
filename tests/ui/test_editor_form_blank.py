# ruff: noqa: F811 (the editing fixtures come from test_editor)
"""The zone form beside the map with no zone selected shows nothing of any zone: its fields,
its region and confidence lists and its sources are blank (the lists kept the last zone's
region and confidence, greyed, as if they were some zone's)."""

from __future__ import annotations

from PySide6.QtCore import Qt

from .conftest import click_mm
from .test_editor import chart, editing  # noqa: F401 (fixtures)


def test_the_form_is_blank_when_no_zone_is_selected(qtbot, editing):
    form = editing.editor.form
    assert (form.region.currentText(), form.confidence.currentText()) == ("Pelvis", "Sourced")
    qtbot.keyClick(editing.map, Qt.Key.Key_Escape)  # the heel let go: no zone selected
    assert editing.state.zone_id == ""
    assert not form.isEnabled()
    assert form.zone_id.text() == ""
    assert all(field.text() == "" for field in form.fields.values())
    assert (form.region.currentText(), form.confidence.currentText()) == ("", "")
    assert form.sources.count() == 0
    assert form.heading.text() == "Select a zone to edit its texts."
    click_mm(qtbot, editing, "plantar-left", 0.0, 90.0)  # the toes: the form shows them
    assert editing.state.zone_id == "toes"
    assert form.fields[("name", None)].text() == "Toes"
    assert form.region.currentText() == "Head"
