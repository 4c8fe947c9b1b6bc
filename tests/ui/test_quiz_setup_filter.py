"""Quiz → New quiz…: the custom set is found by typing, not scrolled (54 zones in an
eight-row list, or a chart of thousands): a filter above it shows the matching rows; Enter
there goes to the first row (it does not start the round); ticks stay when the filter changes."""

from __future__ import annotations

from PySide6.QtCore import Qt

from .test_quiz_student import click, visible_dialog


def shown(dialog) -> list[str]:
    custom = dialog.custom
    return [
        custom.item(i).data(Qt.ItemDataRole.UserRole)
        for i in range(custom.count())
        if not custom.item(i).isHidden()
    ]


def test_the_custom_set_is_filtered_by_typing(qtbot, make_window):
    window = make_window()
    window.quiz.advance_after_right_ms = 60_000
    window.new_quiz_action.trigger()
    dialog = visible_dialog(window, "quiz-setup")
    assert len(shown(dialog)) == len(window.state.atlas.zones)
    qtbot.keyClicks(dialog.custom_filter, "colon")
    colons = shown(dialog)
    assert set(colons) >= {"ascending-colon", "transverse-colon", "sigmoid-colon"}, colons
    assert "heart" not in colons and len(colons) < 10
    qtbot.keyClick(dialog.custom_filter, Qt.Key.Key_Return)  # to the list, not Start
    assert dialog.isVisible() and not window.quiz.active
    assert (
        dialog.focusWidget() is dialog.custom
        and dialog.custom.currentItem().data(Qt.ItemDataRole.UserRole) == colons[0]
    )
    qtbot.keyClick(dialog.custom, Qt.Key.Key_Space)  # ticks it
    dialog.custom_filter.selectAll()
    qtbot.keyClick(dialog.custom_filter, Qt.Key.Key_Delete)
    assert len(shown(dialog)) == len(window.state.atlas.zones)
    assert dialog.options().zone_ids == (colons[0],)
    click(qtbot, dialog.buttons.button(dialog.buttons.StandardButton.Ok))
    assert window.quiz.active and window.quiz.session.current.zone_id == colons[0]
    window.quiz.stop()


def test_german_filter_finds_compound_names(qtbot, make_window):
    window = make_window().set_language("de")
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.new_quiz_action.trigger()
    dialog = visible_dialog(window, "quiz-setup")
    qtbot.keyClicks(dialog.custom_filter, "darm")
    assert {"small-intestine", "rectum", "transverse-colon"} <= set(shown(dialog))
    dialog.reject()
