"""Edit mode's word in the status bar ("✔ The chart passes the check", "⚠ 3 problems in the
chart": a button that lists them) is no taller than the bar's other words: before, its button
frame made the bar 4 px taller as Edit mode began (22 → 26 px at 1440×900), the map 4 px
shorter, and it stayed so after Edit mode ended."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("text_size", [1.0, 1.5])
def test_entering_and_leaving_edit_mode_keeps_the_status_bar_and_the_map_as_tall(qtbot, window, text_size):
    window.resize(1440, 900)
    if text_size != 1.0:
        window.text_size_actions[text_size].trigger()  # Settings → Text size
    bar = window.statusBar()
    window.show()
    qtbot.waitExposed(window)
    qtbot.wait(300)
    before = (bar.height(), window.map.height())
    window.edit_action.trigger()  # Edit → Edit chart
    qtbot.waitUntil(lambda: window.editor.problems_label.isVisible())
    qtbot.wait(100)
    label = window.editor.problems_label
    assert label.text()  # (it says something: the check's result)
    assert (bar.height(), window.map.height()) == before
    # its text is whole in the button
    assert label.fontMetrics().height() <= label.height()
    window.edit_action.trigger()  # and left again
    qtbot.wait(100)
    assert (bar.height(), window.map.height()) == before
