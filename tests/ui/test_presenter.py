"""Presenter mode driven by the keyboard, as a trainer in front of a class would."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget


def visible_labels(window) -> set[str]:
    return {zone for (_, zone), label in window.map.chart.labels.items() if label.text.isVisible()}


def press(qtbot, window, *keys) -> None:
    for key in keys:
        qtbot.keyClick(window.map, key)


def test_presenter_mode_reveals_zones_one_at_a_time(qtbot, window):
    qtbot.keyClick(window, Qt.Key.Key_F5)
    presenter = window.presenter
    assert presenter.active and window.isFullScreen()
    assert not window.menuBar().isVisible() and not window.info_dock.isVisible()
    assert window.map.chart.label_mm > 6  # large type
    assert visible_labels(window) == set()  # hidden until revealed
    order = presenter.order
    assert order[0] == "head-brain" and "coccyx" in order[-3:]  # toes to heel

    press(qtbot, window, Qt.Key.Key_Right)
    assert visible_labels(window) == {order[0]}
    caption = window.findChild(QWidget, "presenter-caption")
    assert (
        caption.isVisible()
        and "Head and brain" in caption.text()
        and "charts place the head and brain" in caption.text()
    )
    press(qtbot, window, Qt.Key.Key_Right, Qt.Key.Key_Right)
    assert visible_labels(window) == set(order[:3])
    assert window.map.chart.zone_items[("plantar-left", order[2])].selected
    press(qtbot, window, Qt.Key.Key_Left)
    assert visible_labels(window) == set(order[:2])

    press(qtbot, window, Qt.Key.Key_A)
    assert visible_labels(window) == set(order)
    press(qtbot, window, Qt.Key.Key_A)
    assert visible_labels(window) == set(order[:2])


def test_spotlight_blank_and_notes(qtbot, window):
    qtbot.keyClick(window, Qt.Key.Key_F5)
    press(qtbot, window, Qt.Key.Key_Right, Qt.Key.Key_Right, Qt.Key.Key_S)
    current = window.presenter.current
    for (_, zone_id), item in window.map.chart.zone_items.items():
        assert (item.opacity() == 1.0) == (zone_id == current)
    press(qtbot, window, Qt.Key.Key_S, Qt.Key.Key_B)
    assert visible_labels(window) == set()
    assert all(item.brush().style() == Qt.BrushStyle.NoBrush for item in window.map.chart.zone_items.values())
    assert "Where is" in window.findChild(QWidget, "presenter-caption").text()
    press(qtbot, window, Qt.Key.Key_B, Qt.Key.Key_N)
    notes = window.presenter.notes
    assert notes is not None and notes.isVisible()
    text = notes.text.toPlainText()
    assert window.state.atlas.zone(current).technique[:30] in text and "Next:" in text
    press(qtbot, window, Qt.Key.Key_N)
    assert window.presenter.notes is None


def test_escape_puts_the_window_back(qtbot, window):
    labels_before = window.state.labels_visible
    qtbot.keyClick(window, Qt.Key.Key_F5)
    press(qtbot, window, Qt.Key.Key_Right, Qt.Key.Key_N)
    press(qtbot, window, Qt.Key.Key_Escape)
    assert not window.presenter.active and not window.isFullScreen()
    assert window.menuBar().isVisible() and window.info_dock.isVisible() and window.statusBar().isVisible()
    assert window.state.labels_visible == labels_before
    assert window.map.chart.label_mm < 6
    assert visible_labels(window) == {zone for _, zone in window.map.chart.labels}
    assert window.presenter.notes is None


def test_switching_view_while_presenting(qtbot, window):
    qtbot.keyClick(window, Qt.Key.Key_F5)
    window.state.set_aspect("medial")
    assert window.presenter.order[0] == "cervical-spine"  # toes first on the side view too
    press(qtbot, window, Qt.Key.Key_End)
    assert window.presenter.current == window.presenter.order[-1]
