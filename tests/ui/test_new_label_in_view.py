"""A label an edit draws (a zone drawn or renamed while the map keeps its place) is inside
the map (tryout S22-18: a new German chart in a 960 × 900 window, its first zone drawn in the
left foot's heel and arch; its label "Neue Zone 1" stood off the map's left edge, only "e 1"
showing). Through the real editor: File → New chart, Ctrl+Shift+N, clicks on the map, Return,
the first source's title typed in Chart properties, OK."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QDialogButtonBox

from reflexmap.render.chart_scene_parts import OUTLINE_ROLE
from reflexmap.ui.label_room import EDGE_PX

from .conftest import _settled, click_mm
from .test_label_room_per_column import _outside

ARCH = ((-22, 40), (-8, 40), (-8, 80), (-22, 80))  # the left sole's heel and inner arch (mm)


def _feet_outside(window) -> dict[str, str]:
    """The feet (each outline drawn, with its stroke) not wholly inside the map, less the
    edge a label keeps free too (EDGE_PX), with where they stand."""
    view = window.map
    edge = round(EDGE_PX)
    shown = view.viewport().rect().adjusted(edge, edge, -edge, -edge)
    found = {}
    for view_id, items in view.chart.frame_items.items():
        for item in items:
            if item.data(OUTLINE_ROLE) and item.isVisible():
                box = view.mapFromScene(item.sceneBoundingRect()).boundingRect()
                if not shown.contains(box):
                    found[view_id] = f"{box.left()}..{box.right()} x {box.top()}..{box.bottom()} in {shown}"
    return found


def _first_zone_drawn(qtbot, window_in, size):
    """A German new chart in a window of `size`, its first zone drawn by the left foot's
    heel and arch and closed with Return, its first source named: the window."""
    window = window_in("de", size=size)
    window.edit_action.trigger()
    window.new_chart_action.trigger()
    dialog = next(
        w for w in QApplication.topLevelWidgets() if w.objectName() == "new-chart" and w.isVisible()
    )
    dialog.empty.setChecked(True)
    qtbot.keyClicks(dialog.tradition, "Annas Schule")
    dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()
    qtbot.waitUntil(lambda: not window.state.atlas.zones and window.editor.active, timeout=5000)
    _settled(qtbot, window)
    window.draw_action.trigger()  # Bearbeiten → Neue Zone zeichnen (Ctrl+Umschalt+N)
    for point in ARCH:
        click_mm(qtbot, window, "plantar-left", *point)
    qtbot.keyClick(window.map, Qt.Key.Key_Return)
    properties = next(d for d in window.findChildren(QDialog, "chart-properties") if d.isVisible())
    qtbot.wait(50)
    qtbot.keyClicks(properties.sources.fields[("title", None)], "Mein Kurs")  # the source's title
    properties.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()
    qtbot.waitUntil(lambda: bool(window.state.atlas.zones), timeout=5000)
    _settled(qtbot, window)
    return window


@pytest.mark.parametrize("size", [(960, 900), (1024, 768), (800, 700), (900, 1000), (1100, 700)])
def test_a_new_charts_first_zone_has_its_label_and_the_feet_in_view(qtbot, window_in, size):
    """Its label inside the map, and the feet that were in view still in view (fit22's pan
    alone pushed the right foot's outer edge off the map: 960 × 900)."""
    window = _first_zone_drawn(qtbot, window_in, size)
    labels = {k: label.text.text() for k, label in window.map.chart.labels.items() if label.text.isVisible()}
    assert labels, "the new zone is labelled"
    assert _outside(window) == {}
    assert _feet_outside(window) == {}
    window.editor.saving.discard()
