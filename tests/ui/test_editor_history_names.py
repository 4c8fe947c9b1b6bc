# ruff: noqa: F811 (the editing fixtures come from test_editor)
"""Edit → History names each step so that a person can tell the steps apart: a drawn zone by
its name, a rename by the id before and after, a dragged vertex by its zone. (Before, a drawn
zone was "Draw zone" alone and a rename "Rename zone: Heel", the same for every rename.)"""

from __future__ import annotations

from PySide6.QtCore import Qt

from .conftest import click_mm
from .test_editor import chart, drag, editing  # noqa: F401 (fixtures)
from .test_editor_form import rename


def history_texts(window) -> list[str]:
    window.history_action.trigger()
    model = window.editor.history_dock.widget().model()
    return [model.index(row, 0).data() for row in range(model.rowCount())]


def test_history_names_drawn_renamed_and_moved_zones(qtbot, editing):
    drag(qtbot, editing, "plantar-left", (18, 30), (14, 34))  # a heel corner
    editing.draw_action.trigger()
    for point in ((-15, 60), (5, 60), (5, 72), (-15, 72)):
        click_mm(qtbot, editing, "plantar-left", *point)
    qtbot.keyClick(editing.map, Qt.Key.Key_Return)
    assert editing.state.zone_id == "new-zone-1"
    rename(qtbot, editing.editor.form, "my-zone")
    assert editing.state.zone_id == "my-zone"
    heel = editing.state.atlas.zone("heel").name
    texts = history_texts(editing)
    assert texts[1:] == [
        f"Move vertex: {heel}",
        "Draw zone: New zone 1",
        "Rename zone: new-zone-1 \u2192 my-zone",
    ]
