# ruff: noqa: F811 (the fixture comes from test_editor_reopen)
"""Problems of zones that are not selected name views as the interface does ("left foot,
plantar view") and zones by their names ("Heel"), not by their ids in the file ("plantar-left",
"heel"), wherever the editor lists them:
the Chart problems panel, the marks on the map and the status bar's problem count's tooltip;
in German too. Before, only the selected zone's marks did."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from .conftest import click_mm
from .test_editor_reopen import broken, fix_button, listed_problems, opened  # noqa: F401 (fixture)


@pytest.mark.parametrize(
    ("language", "words"),
    [("en", "left foot, plantar view"), ("de", "linker Fuß, Fußsohle")],
)
def test_problems_of_zones_not_selected_name_the_view_in_words(
    qtbot, window, broken, monkeypatch, language, words
):
    if language != "en":
        window.language_actions[language].trigger()
        window = window.successor
        qtbot.addWidget(window)
    box = opened(qtbot, window, broken, monkeypatch)
    qtbot.mouseClick(fix_button(box), Qt.MouseButton.LeftButton)
    assert window.editor.active
    click_mm(qtbot, window, "plantar-left", 0.0, 90.0)  # the toes: the heel, out of its foot, is not selected
    assert window.state.zone_id == "toes"
    # the zone named as the map and the list show it, not by its id (S17-2)
    outside = [p for p in listed_problems(window) if "'Heel'" in p]
    assert len(outside) == 1 and words in outside[0], outside
    marks = [m for *_place, m in window.editor.tool.problem_marks() if "'Heel'" in m]
    assert marks and all(words in m for m in marks), marks
    tip = window.editor.problems_label.toolTip()
    assert words in tip
    assert "&#x27;Heel&#x27;" in tip  # (a rich-text tip: quotes escaped)
    for said in (*outside, *marks, tip):
        assert "plantar-left" not in said and "'heel'" not in said and "&#x27;heel&#x27;" not in said, said
