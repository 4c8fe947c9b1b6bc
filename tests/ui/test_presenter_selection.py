"""Presenter mode: the zone highlighted on the projected chart and the caption under it always
name the same zone, whichever way the trainer moved (a tryout pressed Tab, the map's key for
the next zone, and the class saw the sinuses highlighted under "Head and brain")."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from .conftest import click_zone


def caption(window) -> str:
    label = window.findChild(QWidget, "presenter-caption")
    assert label.isVisible()
    return label.text()


def highlighted(window) -> set[str]:
    return {zone for (_view, zone), item in window.map.chart.zone_items.items() if item.selected}


def name(window, zone_id: str) -> str:
    return window.state.atlas.zone(zone_id).name


def test_tab_steps_through_the_lesson_like_the_arrow_keys(qtbot, window):
    qtbot.keyClick(window, Qt.Key.Key_F5)
    order = window.presenter.order
    qtbot.keyClick(window.map, Qt.Key.Key_Right)
    qtbot.keyClick(window.map, Qt.Key.Key_Tab)
    qtbot.keyClick(window.map, Qt.Key.Key_Tab)
    assert window.presenter.current == order[2]
    assert name(window, order[2]) in caption(window)
    assert highlighted(window) == {order[2]}
    qtbot.keyClick(window.map, Qt.Key.Key_Backtab)
    assert name(window, order[1]) in caption(window)
    assert highlighted(window) == {order[1]}


def test_a_click_on_a_zone_while_presenting_captions_that_zone(qtbot, window):
    qtbot.keyClick(window, Qt.Key.Key_F5)
    qtbot.keyClick(window.map, Qt.Key.Key_Right)  # "Head and brain" revealed
    click_zone(qtbot, window, "plantar-left", "lumbar-spine")
    assert window.presenter.current == "lumbar-spine"
    assert "Lumbar spine" in caption(window) and "Head and brain" not in caption(window)
    assert "lumbar-spine" in highlighted(window)
    qtbot.keyClick(window.map, Qt.Key.Key_Right)  # the lesson goes on from the zone clicked
    following = window.presenter.order[window.presenter.order.index("lumbar-spine") + 1]
    assert name(window, following) in caption(window)
    assert highlighted(window) == {following}
