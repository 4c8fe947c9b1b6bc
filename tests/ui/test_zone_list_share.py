"""The Zones list beside the zone card on a small screen: German at Largest text in a window
as a 1024×768 screen gives it (922×690), Ctrl+F and "darm" typed: at least five matches are
whole in sight, in the list and inside its dock (the list showed about 1½ of its 11, the card
taking the rest), and the card keeps a readable share of the side. On a larger window the
list keeps the share it had."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from reflexmap.ui.dock_share import CARD_SHARE


def _whole_rows(window) -> int:
    """The list's rows whole in sight: inside its viewport and inside the dock (a list taller
    than its dock stands clipped under the card)."""
    view, dock = window.zones.list, window.zones_dock
    model = view.model()
    whole = 0
    for row in range(model.rowCount()):
        rect = view.visualRect(model.index(row, 0))
        top = view.viewport().mapTo(dock, rect.topLeft())
        bottom = view.viewport().mapTo(dock, rect.bottomLeft())
        if (
            view.viewport().rect().contains(rect)
            and dock.rect().contains(top)
            and dock.rect().contains(bottom)
        ):
            whole += 1
    return whole


def _search(qtbot, window, text: str) -> None:
    qtbot.mouseClick(window.map.viewport(), Qt.MouseButton.LeftButton)  # (the map has the keys)
    qtbot.keyClick(window.map, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.focusWidget() is window.zones.search
    qtbot.keyClicks(window.zones.search, text)
    qtbot.wait(50)


# a 1024×768 screen's window: five matches; a lower one (1000×600): the card keeps its share
# and the list the rest, three matches
@pytest.mark.parametrize("size, rows", [((922, 690), 5), ((1000, 600), 3)])
def test_a_search_on_a_small_screen_shows_five_matches_beside_the_card(qtbot, window_in, size, rows):
    window = window_in("de", size=size, text_scale=1.5)
    _search(qtbot, window, "darm")
    assert window.zones.list.model().rowCount() >= 8
    assert _whole_rows(window) >= rows
    side = window.centralWidget().height()
    assert window.info_dock.height() >= CARD_SHARE * side - 8, (window.info_dock.height(), side)
    window.zones.search.clear()  # the whole list again: still five rows at the least
    qtbot.wait(50)
    assert _whole_rows(window) >= rows


def test_on_a_laptops_window_the_list_keeps_its_share(qtbot, window_in):
    window = window_in("en", size=(1440, 900))
    before = window.zones_dock.height()
    _search(qtbot, window, "colon")
    assert window.zones_dock.height() == before
    assert _whole_rows(window) >= 5
