"""A selected zone's label is drawn bold; its label column is measured for the bold text, so a
selected label stays inside the map (it ran about 5 mm past the map's edge: the column was
measured with the regular weight), at every text size and in every language, browsing and
editing alike."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from .conftest import click_zone, inside_point
from .test_editor_form import labels_outside
from .test_quiz_map_room import ASPECT_KEYS

SIZES = {"normal": 1.0, "largest": 1.5}


def visible_zones(window) -> list[tuple[str, str]]:
    """(view, zone) of each label on the map whose zone a click can reach on screen."""
    port = window.map.viewport().rect()
    reachable = []
    for (view_id, zone_id), label in window.map.chart.labels.items():
        if not label.text.isVisible():
            continue
        point = window.map.scene_point_to_viewport(
            view_id, *inside_point(window.state.atlas, view_id, zone_id)
        )
        if port.contains(point):
            reachable.append((view_id, zone_id))
    return reachable


def select_each_zone_and_check(qtbot, window) -> int:
    """Click every labelled zone of every aspect in turn; every label stays inside the map."""
    clicked = 0
    for key in ASPECT_KEYS:
        qtbot.keyClick(window.map, key, Qt.KeyboardModifier.ControlModifier)
        qtbot.wait(20)
        assert labels_outside(window) == [], window.state.aspect
        seen = set()
        for view_id, zone_id in visible_zones(window):
            if zone_id in seen:  # a zone is selected on both feet at once
                continue
            seen.add(zone_id)
            click_zone(qtbot, window, view_id, zone_id)
            if window.state.zone_id != zone_id:
                continue  # a smaller zone lies over this one's label point
            clicked += 1
            bold = [k for k, lb in window.map.chart.labels.items() if lb.text.font().bold()]
            assert bold and all(k[1] == zone_id for k in bold)
            assert labels_outside(window) == [], (window.state.aspect, zone_id)
    return clicked


@pytest.mark.parametrize("language", ["en", "de"])
@pytest.mark.parametrize("size", ["normal", "largest"])
@pytest.mark.parametrize("window_size", [(1440, 900), (1024, 700)])
def test_every_selected_label_stays_inside_the_map(qtbot, make_window, language, size, window_size):
    window = make_window()
    if language != "en":
        window = window.set_language(language)
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
    window.resize(*window_size)
    window.settings_menu.text_size_actions[SIZES[size]].trigger()
    qtbot.wait(50)
    assert select_each_zone_and_check(qtbot, window) > 40


def test_every_selected_label_stays_inside_the_map_in_edit_mode(qtbot, make_window):
    window = make_window()
    window.resize(1440, 900)
    window.settings_menu.text_size_actions[1.5].trigger()
    qtbot.wait(50)
    window.edit_action.trigger()
    qtbot.wait(50)
    assert select_each_zone_and_check(qtbot, window) > 40
