"""An open Statistics window stays where the person stacked it (tryout S18-6: with the main
window raised over it, each quiz answer and each chart opened brought Statistics back in front:
it was closed and a new one shown, which the window system puts on top and gives the keys)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QApplication, QDialog

from reflexmap.quiz import QuizOptions


class Raised(QObject):
    """Counts what would bring a window to the front: shown again, raised, activated."""

    KINDS = (QEvent.Type.Show, QEvent.Type.ZOrderChange, QEvent.Type.WindowActivate)

    def __init__(self):
        super().__init__()
        self.seen: list[QEvent.Type] = []

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 (Qt's name)
        if event.type() in self.KINDS:
            self.seen.append(event.type())
        return False


def test_answers_and_another_chart_leave_statistics_behind(qtbot, make_window, tmp_path: Path):
    window = make_window(progress_path=tmp_path / "progress.json")
    window.statistics_action.trigger()
    stats = window.findChild(QDialog, "statistics")
    assert stats.isVisible()
    window.raise_()  # the person brings the chart back in front (a click on it)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    raised = Raised()
    stats.installEventFilter(raised)
    built = window.quizzing.statistics_built
    window.quiz.advance_after_right_ms = 60_000
    assert window.quiz.start(QuizOptions(kinds=("name",), zone_ids=("neck", "heart"), seed=3, length=2))
    for answered in (1, 2):
        session = window.quiz.session
        qtbot.mouseClick(window.quiz_panel.buttons[session.current.answer], Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda n=answered: window.quizzing.statistics_built == built + n, timeout=3000)
        summary = stats.findChild(type(window.coordinates), "statistics-summary").text()
        assert summary.startswith(f"{answered} review"), summary  # the figures follow, in place
        assert QApplication.activeWindow() is window  # the keys stay with the quiz
        qtbot.keyClick(window.quiz_panel.next_button, Qt.Key.Key_Return)
    window.findChild(QDialog, "quiz-summary").reject()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    raised.seen.clear()
    window.charts_menu.refill()  # (as opening the menu fills it)
    other = next(a for a in window.charts_menu.chart_actions() if not a.isChecked())
    other.trigger()  # Chart → another chart
    qtbot.waitUntil(lambda: window.quizzing.statistics_built == built + 3, timeout=5000)
    assert [d for d in window.findChildren(QDialog, "statistics") if d.isVisible()] == [stats]
    assert raised.seen == [] and QApplication.activeWindow() is window
    stats.close()
