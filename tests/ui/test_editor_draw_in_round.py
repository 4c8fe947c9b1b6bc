"""During a quiz round Edit → Draw a new zone, Edit zones and Chart properties… are off, and
say why where a person looks (the Edit menu's tip over the greyed entry, the status tip), in
English and German, as Zone texts and History do. Before, they stayed on and said "End the
quiz before editing the chart." only once used; Ctrl+Shift+N in a round did nothing to see."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from .test_editor_docks_in_round import start_round
from .test_editor_round_tips import edit_menu, end_round, menu_tip

WHY = {
    "en": "End the quiz before editing the chart.",
    "de": "Beenden Sie das Quiz, bevor Sie die Karte bearbeiten.",
}
EDITING = ("draw", "edit", "chart_properties")


@pytest.mark.parametrize("language", ["en", "de"])
def test_drawing_and_editing_are_off_in_a_round_and_say_why(qtbot, window_in, language):
    window = window_in(language)
    start_round(qtbot, window)
    menu = edit_menu(window)
    for name in EDITING:
        action = window.actions_by_name[name]
        assert not action.isEnabled(), name
        assert menu_tip(qtbot, menu, action) == WHY[language], name
        assert action.statusTip() == WHY[language], name
    qtbot.keyClick(
        window.map, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    assert not window.editor.active and window.editor.tool.drawing is None
    end_round(qtbot, window)
    for name in EDITING:  # after the round: on, and no tip left saying they are off
        action = window.actions_by_name[name]
        assert action.isEnabled() and action.statusTip() == "", name
        assert menu_tip(qtbot, menu, action) == "", name
    window.actions_by_name["draw"].trigger()  # drawing begins: edit mode with it
    assert window.editor.active and window.editor.tool.drawing == []
