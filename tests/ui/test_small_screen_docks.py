"""A first start on a 1024×768 screen (a 922 px window): the docks start narrower than on a
laptop, so that the map is wide enough for its labels (360 px docks left it 556 px, its
labels 6.5 px high); they come back as wide at the next start and after a language switch
(they came back 300 and 368 px: their contents' minimums, the zone card's, a German search
field's, held them wider while the saved layout was restored); at Largest text they start
wide enough that a search shows five German matches beside the card."""

from __future__ import annotations

from PySide6.QtCore import QRect
from PySide6.QtWidgets import QApplication

from reflexmap.ui.dock_room import START_DOCK_PX, start_width
from tests.ui.test_zone_list_share import _search, _whole_rows

LAPTOP = (0, 27, 1024, 741)  # a 1024×768 screen under a 27-pixel top panel: a 922 px window


def _first_start(qtbot, monkeypatch, settings):
    from reflexmap.ui.app import application, create_window

    screen = QApplication.primaryScreen()
    monkeypatch.setattr(type(screen), "availableGeometry", lambda self: QRect(*LAPTOP))
    application()
    window = create_window(None, settings)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    qtbot.wait(50)
    return window


def test_a_small_screens_first_start_leaves_the_map_room(qtbot, monkeypatch, settings):
    window = _first_start(qtbot, monkeypatch, settings)
    assert window.width() == 922
    assert window.zones_dock.width() == window.info_dock.width() == start_width(922) == 230
    assert window.map.width() >= 680, window.map.width()  # 556 px with the docks 360 px wide


def test_the_narrow_docks_come_back_as_wide(qtbot, monkeypatch, settings, make_window):
    window = _first_start(qtbot, monkeypatch, settings)
    first = window.zones_dock.width()
    assert first < START_DOCK_PX
    window.close()
    again = make_window(settings_=settings)  # the next start: the saved layout restored
    qtbot.wait(50)
    # (the offscreen screen, 800 px, holds the restored window narrower: the docks stay)
    assert again.zones_dock.width() == again.info_dock.width() == first
    german = again.settings_menu.language_actions["de"]
    german.trigger()
    switched = again.successor
    assert switched is not None
    qtbot.addWidget(switched)
    qtbot.waitExposed(switched)
    qtbot.wait(50)
    assert switched.zones_dock.width() == switched.info_dock.width() == first


def test_at_largest_text_a_search_shows_five_matches_beside_the_card(qtbot, monkeypatch, settings):
    settings.setValue("appearance/language", "de")
    settings.setValue("appearance/text-scale", 1.5)
    window = _first_start(qtbot, monkeypatch, settings)
    assert window.map.text_scale == 1.5
    _search(qtbot, window, "darm")
    assert window.zones.list.model().rowCount() >= 8
    assert _whole_rows(window) >= 5
