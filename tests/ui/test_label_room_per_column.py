"""A name made longer in edit mode is held to the room its own label column has on screen
(issue 16): every column had the room of the chart's widest label, so renaming a zone labelled
between the feet widened both inner columns and pushed the right foot's labels 3 to 8 px past
the map's right edge (1440 × 900, Largest text); a selected name, drawn bold, was measured in
the regular weight and reached 9 px further. Through the real editor: edit mode, a click on
the zone, its name typed in the form; each label's rectangle on screen measured against the
viewport's."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from .conftest import _settled, click_zone

LONG_NAME = "The heel pad and the whole lower part of the heel, outer side, as far as the ankle bone"


def _outside(window) -> dict[tuple[str, str], str]:
    """The labels whose text reaches past the viewport, with where they are."""
    view = window.map
    shown = view.viewport().rect()
    found = {}
    for key, label in view.chart.labels.items():
        if label.text.isVisible():
            box = view.mapFromScene(label.text.sceneBoundingRect()).boundingRect()
            if not shown.contains(box):
                found[key] = f"{label.text.text()!r} at {box.left()}..{box.right()} in {shown.width()} px"
    return found


def _rename(qtbot, window, zone_id: str, language: str = "en") -> None:
    """The zone's name in the language shown typed anew in the form (German's own field)."""
    click_zone(qtbot, window, "plantar-left", zone_id)
    assert window.state.zone_id == zone_id
    label = window.map.chart.labels[("plantar-left", zone_id)].text.text()
    name = window.editor.form.fields[("name", None if language == "en" else language)]
    name.setFocus()
    name.selectAll()
    qtbot.keyClicks(name, LONG_NAME)
    qtbot.keyClick(name, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.map.chart.labels[("plantar-left", zone_id)].text.text() != label)
    qtbot.wait(50)


@pytest.mark.parametrize("language", ["en", "de"])
def test_a_name_lengthened_between_the_feet_pushes_no_label_past_the_map(qtbot, window_in, language):
    window = window_in(language, size=(1440, 900), text_scale=1.5)
    window.edit_action.trigger()
    _settled(qtbot, window)
    assert _outside(window) == {}
    sides = {k: label.side for k, label in window.map.chart.labels.items() if k[1] == "pituitary"}
    assert sides == {("plantar-left", "pituitary"): "right", ("plantar-right", "pituitary"): "left"}
    scale = window.map.transform().m11()
    _rename(qtbot, window, "pituitary", language)
    assert window.map.transform().m11() == scale  # kept in place
    label = window.map.chart.labels[("plantar-left", "pituitary")]
    assert "…" in label.text.text()  # shortened to its room, not whole
    assert _outside(window) == {}


@pytest.mark.parametrize("zone_id", ["adrenal-glands", "sinuses"])
def test_on_a_small_window_a_lengthened_name_stays_where_the_labels_were(qtbot, window_in, zone_id):
    """1024 × 768 at Largest text shows part of the chart (the right foot's outer labels past
    the view, by design); the left foot's labels were all inside and stay so: the selected
    "Adrenal glands", bold, reached 0.4 px past the left edge, and a name renamed in its
    column was cut to as much and stood 1 px past it."""
    window = window_in("en", size=(1024, 768), text_scale=1.5)
    window.edit_action.trigger()
    _settled(qtbot, window)
    before = _outside(window)
    assert before and all(key[0] == "plantar-right" for key in before)  # a part of the chart
    click_zone(qtbot, window, "plantar-left", "adrenal-glands")  # (selected: bold, the widest)
    _rename(qtbot, window, zone_id)
    after = _outside(window)
    assert {key: at for key, at in after.items() if key not in before} == {}
