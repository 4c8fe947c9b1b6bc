"""An open Statistics window follows the chart: opened from the Quiz menu, then another chart
opened from the Chart menu, it said "… zones of the chart Western foot chart … as it is now"
beside the other chart (tried on a real window)."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QLabel


def _shown_statistics(window) -> list[QDialog]:
    return [d for d in window.findChildren(QDialog, "statistics") if d.isVisible()]


def _other_chart_action(window):
    window.charts_menu.aboutToShow.emit()  # the Chart menu opened
    for action in window.charts_menu.chart_actions():
        if not action.isChecked() and action.isEnabled():
            return action
    raise AssertionError("no other chart in the Chart menu")


def _scope(dialog: QDialog) -> str:
    return dialog.findChild(QLabel, "statistics-scope").text()


def test_the_statistics_window_shows_the_chart_opened_after_it(qtbot, make_window):
    window = make_window()
    window.statistics_action.trigger()
    [stats] = _shown_statistics(window)
    first = window.state.atlas.title
    assert first in _scope(stats)
    stats.move(stats.x() + 37, stats.y() + 23)
    place = stats.geometry()
    _other_chart_action(window).trigger()
    second = window.state.atlas.title
    assert second != first
    qtbot.waitUntil(lambda: [second in _scope(d) for d in _shown_statistics(window)] == [True], timeout=5000)
    [again] = _shown_statistics(window)
    assert first not in _scope(again)
    assert again.geometry() == place  # where the person had put it
    again.close()


def test_a_closed_statistics_window_stays_closed_when_the_chart_changes(qtbot, make_window):
    window = make_window()
    window.statistics_action.trigger()
    [stats] = _shown_statistics(window)
    stats.close()
    _other_chart_action(window).trigger()
    qtbot.wait(50)
    assert _shown_statistics(window) == []
