"""An edit writes what it changes in the file's own style: a chart indented by four spaces
whose zone's points are a flow list wrapped over several lines keeps its continuation
lines where the author put them (before: 14 spaces where the file had 16), on a nudge by
the arrow keys and a save, as a person does it."""

from __future__ import annotations

from PySide6.QtCore import Qt

from reflexmap.atlas import load_atlas

from ..atlas.test_flow_style import MIXED, wrapped_chart
from .conftest import click_mm

FOUR = wrapped_chart(4)  # indented by four spaces, the heel's points wrapped four deeper


def test_a_nudged_zone_of_a_four_space_chart_keeps_its_wrapped_points_lined_up(
    qtbot, make_window, tmp_path, request
):
    path = tmp_path / "four.yaml"
    path.write_text(FOUR, encoding="utf-8")
    window = make_window(load_atlas(path))
    window.edit_action.trigger()
    request.addfinalizer(window.editor.saving.discard)
    click_mm(qtbot, window, "plantar-left", 0.0, 15.0)
    assert window.state.zone_id == "heel"
    for _ in range(3):
        qtbot.keyClick(window.map, Qt.Key.Key_Right)
    qtbot.waitUntil(lambda: window.editor.session.stack.count() == 1, timeout=3000)
    window.save_action.trigger()
    old, new = FOUR.split("\n"), path.read_text(encoding="utf-8").split("\n")
    opened = old.index("            plantar-left: [")
    assert new[opened] == old[opened]
    closed = new.index("            ]", opened)
    moved = new[opened + 1 : closed]
    assert len(moved) >= 2 and all(line.startswith(" " * 16 + "[") for line in moved), moved
    assert new[:opened] == old[:opened] and new[closed:] == old[old.index("            ]") :]
    assert load_atlas(path).zone("heel").shapes == window.state.atlas.zone("heel").shapes


def test_a_new_title_on_a_chart_of_mixed_list_styles_changes_that_line_alone(qtbot, make_window, tmp_path):
    """Edit → Chart properties, a new title, OK, Save: before, every list of the chart came
    back in one style (the views' and zones' dashes moved two columns left, the side zone's
    points too), 47 lines for one."""
    from PySide6.QtWidgets import QDialog, QDialogButtonBox

    path = tmp_path / "mixed.yaml"
    path.write_text(MIXED, encoding="utf-8")
    window = make_window(load_atlas(path))
    window.edit_action.trigger()
    window.chart_properties_action.trigger()
    dialog = window.findChild(QDialog, "chart-properties")
    title = dialog.fields[("title", None)]
    title.selectAll()
    qtbot.keyClicks(title, "Mixed styles")
    ok = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    window.save_action.trigger()
    old, new = MIXED.split("\n"), path.read_text(encoding="utf-8").split("\n")
    assert [n for n, (a, b) in enumerate(zip(old, new, strict=True)) if a != b] == [2]
    assert new[2] == 'title: "Mixed styles"'
