"""A chart with a zone id written twice (by hand, or saved with the problem) shows every zone
in the editor: listed, drawn, selectable by a click or from the Chart problems panel, the
repeat marked at its place with the check's message, and fixed by typing a new id in the
zone-texts form. Before, the editor showed only the first zone of that id."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDockWidget

from reflexmap.atlas import read_atlas

from .conftest import click_mm
from .test_editor import DATA, drag
from .test_editor_reopen import fix_button, opened


@pytest.fixture
def repeated(tmp_path: Path) -> Path:
    """The small chart with the toes zone written under the heel's id."""
    path = tmp_path / "twice.yaml"
    text = (DATA / "small.yaml").read_text(encoding="utf-8")
    path.write_text(text.replace("  - id: toes\n", "  - id: heel\n"), encoding="utf-8")
    errors = read_atlas(path).errors
    assert len(errors) == 1 and "duplicate zone id 'heel'" in errors[0].message
    return path


def zone_names(window) -> list[str]:
    model = window.zones.list.model()
    return [model.index(r, 0).data() for r in range(model.rowCount())]


def problems_panel(window):
    dock = window.findChild(QDockWidget, "dock-chart-problems")
    assert dock is not None and dock.isVisible()
    return dock.widget().list


def test_both_zones_of_a_repeated_id_are_shown_selected_and_fixed_by_a_new_id(
    qtbot, window, repeated, monkeypatch
):
    box = opened(qtbot, window, repeated, monkeypatch)
    qtbot.mouseClick(fix_button(box), Qt.MouseButton.LeftButton)
    assert window.editor.active
    names = zone_names(window)
    assert any("Toes" in n for n in names) and any("Heel" in n for n in names), names
    # the repeat is marked where it is drawn (the toes, y 80…98), with the check's message
    marks = [m for m in window.editor.tool.problem_marks() if "duplicate zone id 'heel'" in m[3]]
    assert marks and all(80 <= y <= 98 for _view, _x, y, _m in marks), marks
    # the problem chosen in the panel selects the toes, not the heel
    panel = problems_panel(window)
    assert panel.count() == 1 and "duplicate zone id 'heel'" in panel.item(0).text()
    qtbot.mouseClick(
        panel.viewport(), Qt.MouseButton.LeftButton, pos=panel.visualItemRect(panel.item(0)).center()
    )
    toes = window.state.zone_id
    assert toes and toes != "heel" and window.state.atlas.zone(toes).name == "Toes"
    # a click on the map selects either zone
    click_mm(qtbot, window, "plantar-left", 0.0, 25.0)
    assert window.state.zone_id == "heel"
    click_mm(qtbot, window, "plantar-left", 0.0, 90.0)
    assert window.state.zone_id == toes
    # its handles are its own: a corner dragged moves the toes, not the heel
    drag(qtbot, window, "plantar-left", (18, 98), (14, 94), modifier=Qt.KeyboardModifier.AltModifier)
    assert window.editor.session.written_shape(toes, "plantar-left")[0][2] != (18, 98)
    assert window.editor.session.written_shape("heel", "plantar-left")[0][2] == (18, 30)
    # the form says the id as written, and a new id fixes it
    field = window.editor.form.zone_id
    assert field.text() == "heel"
    field.setFocus()
    field.selectAll()
    qtbot.keyClicks(field, "toes")
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert window.state.zone_id == "toes"
    assert panel.count() == 0 and window.editor.problems_label.text() == "✔ The chart passes the check"
    window.save_action.trigger()
    result = read_atlas(repeated)
    assert result.ok and result.atlas.zone("toes").name == "Toes" and result.atlas.zone("heel").name == "Heel"
