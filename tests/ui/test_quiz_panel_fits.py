"""Every text of the quiz panel wraps within the panel's width, in English and German, at
every text size: the German status line (then "1 Antwort wartet auf das Speichern") did not wrap,
and the scroll area (no horizontal scroll bar) cut the whole question on the right."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QWidget

from reflexmap.setting_rules import TEXT_SCALES

from .test_locked_review_log import Holder, answer_one, start


def overflowing(panel: QWidget) -> list[str]:
    """The visible widgets inside the panel whose right edge lies past the panel's (or past the
    scroll area's viewport, which cuts what is wider)."""
    viewport = panel.scroll.viewport()
    right = min(panel.width(), viewport.mapTo(panel, QPoint(viewport.width(), 0)).x())
    found = []
    for child in panel.findChildren(QWidget):
        if not child.isVisible() or child is panel.scroll.widget() and child.width() <= viewport.width():
            continue
        if child.isAncestorOf(panel.scroll.viewport()) or child is viewport:
            continue
        edge = child.mapTo(panel, QPoint(child.width(), 0)).x()
        if edge > right + 1:
            found.append(f"{child.objectName() or type(child).__name__} ends at {edge} px > {right} px")
    return found


@pytest.mark.parametrize("language", ["en", "de"])
def test_no_text_of_the_quiz_panel_is_wider_than_the_panel(qtbot, window_in, language):
    window = window_in(language, size=(1280, 800))
    start(window)
    answer_one(qtbot, window)
    holder = Holder(window.quiz.database_path)  # the next answer waits: the long status line
    try:
        answer_one(qtbot, window)
    finally:
        holder.release()
    panel = window.quiz_panel
    status = panel.status.text()
    assert ("nicht gespeichert" if language == "de" else "waiting") in status, status
    problems = []
    for scale in TEXT_SCALES:
        window.set_text_scale(scale)
        qtbot.wait(50)
        problems += [f"{scale}: {p}" for p in overflowing(panel)]
    assert not problems, (status, problems)
