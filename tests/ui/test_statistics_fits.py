"""Quiz → Statistics… at the largest text in German on a small screen (the tests' offscreen
screen is 800 × 800 px): the window fits the screen, and every chart's title is painted whole,
on as many lines as it needs (a tryout saw "Schwierigste Zonen: falsche oder knapp verfehlte An"
and "Lernstand je Fuß und richtige Antworten dort in den" cut at the window's edge, and the
window open at 1,100 × 820 px)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QFontMetricsF
from PySide6.QtWidgets import QDialog

from .painted_text import painted_text
from .test_statistics_window import answer_round


def title_lines_painted(chart) -> list[str]:
    """The first strings the chart paints, up to its whole title (the title comes first)."""
    taken: list[str] = []
    for call in painted_text(chart).calls:
        taken.append(call)
        if " ".join(taken) == chart.title:
            return taken
        if len(" ".join(taken)) >= len(chart.title):
            break
    raise AssertionError(f"the title {chart.title!r} is not painted whole first: {taken!r}")


def test_statistics_fit_a_small_screen_at_the_largest_german_text(qtbot, make_window, tmp_path: Path):
    window = make_window(progress_path=tmp_path / "progress.json")
    answer_round(qtbot, window, ["neck"])
    window = window.set_language("de")
    qtbot.addWidget(window)
    window.text_size_actions[1.5].trigger()
    qtbot.wait(20)
    window.statistics_action.trigger()
    stats = window.findChild(QDialog, "statistics")
    qtbot.waitUntil(stats.isVisible)
    screen = window.screen().availableGeometry()
    assert stats.width() <= screen.width() and stats.height() <= screen.height(), stats.size()
    for chart in stats.charts.values():
        bold = chart.font()
        bold.setBold(True)
        metrics = QFontMetricsF(bold)
        for line in title_lines_painted(chart):
            assert metrics.horizontalAdvance(line) <= chart.width(), (line, chart.width())
    stats.close()


def test_long_row_labels_are_painted_whole(qtbot, make_window, tmp_path: Path):
    """Largest German text on the 800 px screen: the feet chart's rows are named whole (a
    tryout saw "Linker Fuß: richtige Ant…" and "Rechter Fuß: ric…", which no longer told
    the mastery row from the answers row)."""
    window = make_window(progress_path=tmp_path / "progress.json")
    answer_round(qtbot, window, ["neck"])
    window = window.set_language("de")
    qtbot.addWidget(window)
    window.text_size_actions[1.5].trigger()
    qtbot.wait(20)
    window.statistics_action.trigger()
    stats = window.findChild(QDialog, "statistics")
    qtbot.waitUntil(stats.isVisible)
    feet = stats.charts["feet"]
    painted = painted_text(feet).calls
    for label in feet.labels:
        assert label in painted, (label, painted)
    assert not any(call.endswith("…") for call in painted), painted
    stats.close()
