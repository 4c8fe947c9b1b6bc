"""The first start on a 1024×768 screen after a session on a 1920×1080 one (S21-2): the
window's geometry and docks' layout saved there are restored here, the window brought inside
the screen. The zone list then ran under the "Zone" dock's title (the docks overlapped by
~15 px, the list's last row and its frame's bottom drawn over). The docks must share the
side's height: the list dock ends above the card dock, the list's bottom inside its dock."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtWidgets import QApplication

BIG = (0, 27, 1920, 1053)
LAPTOP = (0, 27, 1024, 741)  # a 1024×768 screen under a 27-pixel top panel


def _start(qtbot, monkeypatch, settings, screen_rect):
    from reflexmap.ui.app import application, create_window

    screen = QApplication.primaryScreen()
    monkeypatch.setattr(type(screen), "availableGeometry", lambda self: QRect(*screen_rect))
    monkeypatch.setattr(
        type(screen), "geometry", lambda self: QRect(0, 0, screen_rect[2], screen_rect[1] + screen_rect[3])
    )
    application()
    window = create_window(None, settings)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    qtbot.wait(300)
    return window


def _docks_apart(window) -> list[str]:
    wrong = []
    zones, card = window.zones_dock, window.info_dock
    if window.dockWidgetArea(zones) == window.dockWidgetArea(card) and not card.isFloating():
        if zones.geometry().bottom() >= card.geometry().top():
            wrong.append(
                f"zone list dock ends at {zones.geometry().bottom()}, card starts at {card.geometry().top()}"
            )
    view = window.zones.list
    bottom = view.mapTo(zones, QPoint(0, view.height())).y()
    if bottom > zones.height():
        wrong.append(f"list bottom {bottom} past its dock's height {zones.height()}")
    return wrong


@pytest.mark.parametrize("list_px", [None, 60])
@pytest.mark.parametrize(("language", "scale"), [("de", 1.5), ("en", 1.0), ("de", 1.0)])
def test_a_layout_from_a_larger_screen_keeps_the_docks_apart(
    qtbot, monkeypatch, settings, language, scale, list_px
):
    settings.setValue("appearance/language", language)
    settings.setValue("appearance/text-scale", scale)
    big = _start(qtbot, monkeypatch, settings, BIG)
    big.setGeometry(0, 50, 1920, 1000)
    qtbot.wait(300)
    if list_px is not None:  # the list dock dragged short there (its separator, by the person)
        big.zones_dock.setMinimumHeight(0)
        big.resizeDocks([big.zones_dock], [list_px], Qt.Orientation.Vertical)
        qtbot.wait(50)
    big.close()
    assert settings.value("window/geometry")
    small = _start(qtbot, monkeypatch, settings, LAPTOP)
    assert small.frameGeometry().height() <= LAPTOP[3] + 1
    assert _docks_apart(small) == []
    small.resize(small.width(), small.height() - 40)  # and as the window is made smaller still
    qtbot.wait(300)
    assert _docks_apart(small) == []
