"""Every dialog fits the screen it opens on (its available geometry, the desktop's panels left
out) and stands over the window it belongs to, with or without a window manager (without one,
German Chart properties opened with its top under the screen's edge, Statistics at German +
Largest text was 1100×960 on a 768-pixel screen, and Handouts stood over the Zones list)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QRect
from PySide6.QtWidgets import QApplication, QMenu, QWidget

from reflexmap.ui.dialog_place import placement

LAPTOP = (0, 27, 1024, 741)  # a 1024×768 screen under a 27-pixel top panel


def inside(rect, room) -> bool:
    x, y, w, h = rect
    rx, ry, rw, rh = room
    return rx <= x and ry <= y and x + w <= rx + rw and y + h <= ry + rh


def test_a_small_dialog_is_centred_over_its_parent_window():
    parent = (500, 300, 500, 400)  # right of the screen's centre
    assert placement((300, 200), (0, 0), parent, LAPTOP) == (600, 400, 300, 200)


def test_a_dialog_taller_than_the_screen_is_cut_to_it_below_the_panel():
    x, y, w, h = placement((1100, 960), (0, 0), (0, 0, 1440, 900), LAPTOP)
    assert (w, h) == (1024, 741) and inside((x, y, w, h), LAPTOP)


def test_a_parent_larger_than_the_screen_centres_its_dialog_on_the_part_one_sees():
    x, y, w, h = placement((400, 300), (0, 0), (0, 0, 1440, 900), LAPTOP)
    assert abs(x + w / 2 - 512) <= 1 and abs(y + h / 2 - (27 + 741 / 2)) <= 1


def test_a_window_managers_frame_is_kept_on_the_screen_too():
    x, y, w, h = placement((1024, 741), (10, 40), (0, 0, 1024, 768), LAPTOP)
    assert (w, h) == (1014, 701)
    assert inside((x, y, w + 10, h + 40), LAPTOP)


def test_a_dialog_near_the_screens_edge_is_moved_inside_it():
    x, y, w, h = placement((600, 500), (0, 0), (700, 500, 324, 268), LAPTOP)
    assert inside((x, y, w, h), LAPTOP) and (x, y) == (424, 268)


def _shown_windows(main) -> list[QWidget]:
    return [w for w in QApplication.topLevelWidgets() if w.isVisible() and w is not main and w.isWindow()]


OPENERS = {
    "about": lambda w: w.about_action.trigger(),
    "shortcuts": lambda w: w.shortcuts_action.trigger(),
    "guide": lambda w: w.guide_action.trigger(),
    "statistics": lambda w: w.statistics_action.trigger(),
    "handout": lambda w: w.handout_action.trigger(),
    "new_quiz": lambda w: w.new_quiz_action.trigger(),
    "chart_properties": lambda w: (w.edit_action.trigger(), w.chart_properties_action.trigger()),
}


@pytest.mark.parametrize("opener", sorted(OPENERS))
def test_each_dialog_at_largest_german_fits_below_the_panel_and_stands_over_the_window(
    qtbot, make_window, monkeypatch, opener
):
    """The tests' offscreen screen, with a 30-pixel panel at its top (Qt itself knows no panel:
    a dialog it places alone starts at the screen's top edge, under the panel)."""
    screen = QApplication.primaryScreen()
    real = screen.geometry()
    room = QRect(real.x(), real.y() + 30, real.width(), real.height() - 30)
    monkeypatch.setattr(type(screen), "availableGeometry", lambda self: QRect(room))
    window = make_window()
    window.text_size_actions[1.5].trigger()  # Settings → Text size → Largest
    window = window.set_language("de")
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.resize(560, 520)
    window.move(room.right() - window.width(), room.top() + 40)  # off the screen's centre
    qtbot.wait(30)
    OPENERS[opener](window)
    qtbot.waitUntil(lambda: bool(_shown_windows(window)))
    qtbot.wait(30)
    for shown in _shown_windows(window):
        frame = shown.frameGeometry()
        assert room.contains(frame), (shown.objectName(), frame, room)
        centre, over = frame.center(), window.frameGeometry().intersected(room).center()
        # centred on the window, as near as the screen lets it be
        wanted_x = min(max(over.x(), room.left() + frame.width() // 2), room.right() - frame.width() // 2)
        wanted_y = min(max(over.y(), room.top() + frame.height() // 2), room.bottom() - frame.height() // 2)
        assert abs(centre.x() - wanted_x) <= 2 and abs(centre.y() - wanted_y) <= 2, (
            shown.objectName(),
            frame,
            window.frameGeometry(),
        )
        shown.close()
    if opener == "chart_properties":
        window.editor.saving.discard()


def test_a_menu_the_window_owns_opens_where_it_is_asked_to_not_centred(qtbot, window):
    """A menu made for the window once it is up (a context menu) is the window's child too,
    but a popup: Qt places it at the pointer, and the dialog helper leaves it there."""
    window.resize(700, 500)
    window.move(0, 0)
    qtbot.wait(30)
    menu = QMenu(window)
    menu.addAction("Zoom in")
    at = window.mapToGlobal(window.rect().topLeft()) + QPoint(5, 5)
    menu.popup(at)
    qtbot.waitUntil(menu.isVisible)
    qtbot.wait(30)
    assert menu.geometry().topLeft() == at
    menu.close()
