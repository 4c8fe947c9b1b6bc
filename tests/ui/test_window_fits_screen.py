"""The main window fits the screen it opens on (S11-3: it opened 1440×900 on a 1024×768 screen
without a window manager, its status bar below the screen and its panels cut at the right): at
a first start FIRST_SIZE where there is room, else 90 % of the screen's available area, centred;
a geometry saved on a larger screen is brought inside the screen of this start.

The tests' offscreen screen is 800×800 and knows no panel: each test sets the screen's
available geometry it means (a laptop's, under a top panel) so that the fit can be seen."""

from __future__ import annotations

from PySide6.QtCore import QRect
from PySide6.QtWidgets import QApplication

from reflexmap.ui.dialog_place import first_placement, kept_inside

LAPTOP = (0, 27, 1024, 741)  # a 1024×768 screen under a 27-pixel top panel
SMALL = (0, 30, 640, 450)  # smaller than the offscreen screen itself, under a panel


def inside(rect, room) -> bool:
    x, y, w, h = rect
    rx, ry, rw, rh = room
    return rx <= x and ry <= y and x + w <= rx + rw and y + h <= ry + rh


def test_a_first_window_on_a_large_screen_is_1440_by_900_centred():
    assert first_placement((0, 0, 1920, 1080)) == (240, 90, 1440, 900)


def test_a_first_window_on_a_laptop_takes_nine_tenths_of_it_centred():
    x, y, w, h = first_placement(LAPTOP)
    assert (w, h) == (922, 667) and inside((x, y, w, h), LAPTOP)
    assert abs(x + w / 2 - 512) <= 1 and abs(y + h / 2 - (27 + 741 / 2)) <= 1


def test_a_saved_window_that_fits_stays_where_it_was():
    assert kept_inside((100, 60, 800, 600), (0, 0), LAPTOP) == (100, 60, 800, 600)


def test_a_saved_window_too_large_for_this_screen_is_cut_to_it_and_moved_inside():
    assert kept_inside((300, 200, 1440, 900), (0, 0), LAPTOP) == (102, 101, 922, 667)
    x, y, w, h = kept_inside((2000, 5, 800, 600), (10, 30), LAPTOP)  # off to the right, frame kept on
    assert inside((x, y, w + 10, h + 30), LAPTOP) and (w, h) == (800, 600)


def _screen_room(monkeypatch, room) -> None:
    screen = QApplication.primaryScreen()
    monkeypatch.setattr(type(screen), "availableGeometry", lambda self: QRect(*room))


def _open(qtbot, settings):
    from reflexmap.ui.app import application, create_window

    application()
    window = create_window(None, settings)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def _frame(window) -> tuple[int, int, int, int]:
    outer = window.frameGeometry()
    return outer.x(), outer.y(), outer.width(), outer.height()


def test_the_first_window_on_a_laptop_screen_fits_it_with_its_status_bar(qtbot, settings, monkeypatch):
    _screen_room(monkeypatch, LAPTOP)
    window = _open(qtbot, settings)
    assert inside(_frame(window), LAPTOP), _frame(window)
    assert (window.width(), window.height()) == (922, 667)
    bar = window.statusBar()
    bottom = bar.mapTo(window, bar.rect().bottomLeft()).y()
    assert window.geometry().y() + bottom < LAPTOP[1] + LAPTOP[3]  # "Saved …" can be read


def test_a_window_saved_on_a_larger_screen_opens_inside_this_one(qtbot, settings, monkeypatch):
    first = _open(qtbot, settings)
    first.resize(1400, 880)
    first.move(300, 200)
    settings.setValue("window/geometry", first.saveGeometry().data())
    first.close()
    _screen_room(monkeypatch, SMALL)
    window = _open(qtbot, settings)
    assert inside(_frame(window), SMALL), _frame(window)
