"""A comparison pane too small for its chart whole at a legible size says so (S21-5): at
1024×768 and Largest text both charts were cut (titles, the right foot) with no word of it.
The map's note ("Part of the chart…") now stands in each cut pane, and goes when the person
zooms; a pane that shows its chart whole has none. The note stands in a strip under the chart,
not over it (it covered the lower foot: S22-2), and each chart's title above it, cut with "…"
to the pane and whole in its tooltip (drawn in the chart, it was cut at the pane's edge)."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication

from .test_compare_choices import opened


def _wheel(view, steps: int) -> None:
    centre = QPointF(view.viewport().rect().center())
    event = QWheelEvent(
        centre,
        QPointF(view.viewport().mapToGlobal(centre.toPoint())),
        QPoint(0, 0),
        QPoint(0, 120 * steps),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(view.viewport(), event)


def _whole(pane) -> bool:
    shown = pane.mapToScene(pane.viewport().rect()).boundingRect()
    return shown.contains(pane.chart.chart_rect)


def test_a_cut_comparison_pane_says_part_is_hidden(qtbot, window):
    window.text_size_actions[1.5].trigger()  # Settings → Text size → Largest
    shown = opened(qtbot, window)
    shown.resize(1024, 740)  # a 1024×768 screen less the title bar
    qtbot.wait(400)
    cut = [pane for pane in (shown.left, shown.right) if not _whole(pane)]
    assert cut, "at 1024×768 and Largest the panes should show part of their charts"
    for pane in (shown.left, shown.right):
        assert pane.partial_hint.isVisible() == (pane in cut)
    pane = cut[0]
    assert "Part of the chart" in pane.partial_hint.text()
    hint = pane.partial_hint.geometry()
    assert pane.rect().contains(hint)  # whole, inside the pane …
    assert hint.top() > pane.viewport().geometry().bottom()  # … under the chart, covering none of it
    _wheel(pane, -1)  # the person zooms out: the view is theirs, the note goes
    assert not pane.partial_hint.isVisible()
    shown.close()


def test_a_pane_with_its_chart_whole_has_no_note(qtbot, window):
    shown = opened(qtbot, window)
    shown.resize(1920, 1040)
    qtbot.wait(400)
    for pane in (shown.left, shown.right):
        if _whole(pane):
            assert not pane.partial_hint.isVisible()
    assert any(_whole(p) for p in (shown.left, shown.right))
    shown.close()


def test_cut_comparison_titles_stand_whole_in_their_tooltips(qtbot, window):
    window.text_size_actions[1.5].trigger()  # Settings → Text size → Largest
    shown = opened(qtbot, window)
    shown.resize(1024, 740)
    qtbot.wait(400)
    for pane, atlas in ((shown.left, shown.a), (shown.right, shown.b)):
        heading = pane.heading
        assert heading.isVisible()
        assert atlas.title in heading.toolTip()
        metrics = heading.fontMetrics()
        assert metrics.horizontalAdvance(heading.text()) <= heading.width()  # never cut at an edge
        assert pane.rect().contains(heading.geometry())
        assert heading.geometry().bottom() < pane.viewport().geometry().top()  # above the chart
        assert not pane.chart.title_items  # not drawn again inside the chart
    # the long Rwo-Shur title is cut with an ellipsis at this width, whole in its tooltip
    assert any(p.heading.text().endswith("…") for p in (shown.left, shown.right))
    shown.resize(1920, 1040)
    qtbot.wait(400)
    assert shown.right.heading.text() == shown.right.heading.toolTip()  # room: whole
    shown.close()
