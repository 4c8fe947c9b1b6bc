"""Every dialog and window the app opens fits the screen it opens on and stands over the window
it belongs to.

Qt centres a dialog over its parent from the size it has before its last layout, and only a
window manager keeps it on the screen: without one (a kiosk, a bare X session) the German
Chart properties opened with its top cut off, Statistics at German + Largest text was
1100×960 on a 768-pixel screen, and Handouts stood over the Zones list. So each window the
main window (or one of its dialogs) shows is fitted here as it is shown: no larger than the
screen's available area, centred over the visible part of its parent window, inside the area.

`placement` is the pure arithmetic (pixels, tuples); `place_dialogs(window)` wires it: a filter
on `window` sees each child window polished (just before it is shown) and watches that one
for its Show, so no application-wide filter costs every event of the app a Python call.
"""

from __future__ import annotations

import weakref

import shiboken6
from PySide6.QtCore import QEvent, QObject, QRect, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QWidget

from .timers import later

Rect = tuple[int, int, int, int]  # x, y, width, height in screen pixels

WATCHED = "reflexmap-placed"  # a widget's property: already watched by a filter
SHOWN = "reflexmap-placed-shown"  # a widget's property: placed when it was first shown
MARKED = "reflexmap-focus-marked"  # a widget's property: its focused control marked once


def placement(size: tuple[int, int], frame: tuple[int, int], parent: Rect | None, room: Rect) -> Rect:
    """Where a window of `size` (its contents; `frame` = what the window manager's frame adds,
    width and height) goes: its size bounded by `room` (the screen's available geometry), its
    frame centred over the part of `parent` (the parent window's frame) inside `room`, or over
    `room` without a parent, and moved inside `room`. Returns the contents' x, y, width, height."""
    rx, ry, rw, rh = room
    fw, fh = frame
    width, height = max(1, min(size[0], rw - fw)), max(1, min(size[1], rh - fh))
    cx, cy = rx + rw / 2, ry + rh / 2
    if parent is not None:
        px, py, pw, ph = parent
        left, top = max(px, rx), max(py, ry)
        right, bottom = min(px + pw, rx + rw), min(py + ph, ry + rh)
        if right > left and bottom > top:  # the part of the parent one can see
            cx, cy = (left + right) / 2, (top + bottom) / 2
    x = min(max(round(cx - (width + fw) / 2), rx), rx + rw - width - fw)
    y = min(max(round(cy - (height + fh) / 2), ry), ry + rh - height - fh)
    return x, y, width, height


FIRST_SIZE = (1440, 900)  # the main window's size at a first start, where the screen has room
SCREEN_SHARE = 0.9  # ... and at most this share of the screen's available width and height


def first_placement(room: Rect) -> Rect:
    """The main window at a first start (nothing saved): FIRST_SIZE, or SCREEN_SHARE of `room`
    (the screen's available geometry) where that is smaller, centred in `room`."""
    rx, ry, rw, rh = room
    width = max(1, min(FIRST_SIZE[0], round(rw * SCREEN_SHARE)))
    height = max(1, min(FIRST_SIZE[1], round(rh * SCREEN_SHARE)))
    return rx + (rw - width) // 2, ry + (rh - height) // 2, width, height


def kept_inside(rect: Rect, frame: tuple[int, int], room: Rect) -> Rect:
    """A window saved at `rect` (its frame's corner, its contents' size; `frame` as for
    `placement`) brought inside `room` (a smaller screen than it was saved on, a screen gone):
    a window that fits stays as it is; one too large for `room` is cut to SCREEN_SHARE of it
    (a frame added only once shown stays inside too), and moved the least to be inside."""
    x, y, width, height = rect
    rx, ry, rw, rh = room
    fw, fh = frame
    if width + fw > rw:
        width = max(1, min(width, round(rw * SCREEN_SHARE) - fw))
    if height + fh > rh:
        height = max(1, min(height, round(rh * SCREEN_SHARE) - fh))
    x = max(min(x, rx + rw - width - fw), rx)
    y = max(min(y, ry + rh - height - fh), ry)
    return x, y, width, height


def _rect(rect: QRect) -> Rect:
    return rect.x(), rect.y(), rect.width(), rect.height()


def place(window: QWidget) -> None:
    """Fit `window` (a dialog about to be shown, or shown) to its screen, over its parent."""
    if not shiboken6.isValid(window) or not window.isWindow():
        return
    parent = window.parentWidget()
    owner = parent.window() if parent is not None else None
    screen = None
    if owner is not None:
        screen = QGuiApplication.screenAt(owner.frameGeometry().center()) or owner.screen()
    screen = screen or window.screen() or QGuiApplication.primaryScreen()
    if screen is None:
        return
    outer, inner = window.frameGeometry(), window.geometry()
    frame = (outer.width() - inner.width(), outer.height() - inner.height())
    x, y, width, height = placement(
        (window.width(), window.height()),
        frame,
        _rect(owner.frameGeometry()) if owner is not None else None,
        _rect(screen.availableGeometry()),
    )
    if (width, height) != (window.width(), window.height()):
        window.resize(width, height)
    # move() places the frame's corner; a window manager adds its frame round the contents
    window.move(x, y)


def _room(window: QWidget) -> Rect | None:
    screen = QGuiApplication.screenAt(window.frameGeometry().center()) or window.screen()
    screen = screen or QGuiApplication.primaryScreen()
    return _rect(screen.availableGeometry()) if screen is not None else None


def open_on_screen(window: QWidget) -> None:
    """The main window at a first start: FIRST_SIZE where the screen has room, else fitted to
    it, centred (without this it opened 1440×900 on a 1024×768 screen, its status bar and the
    right of its panels off the screen)."""
    room = _room(window)
    if room is not None:
        x, y, width, height = first_placement(room)
        window.resize(width, height)
        window.move(x, y)


def keep_on_screen(window: QWidget) -> None:
    """A window restored from a saved geometry (another screen, a larger one then) brought
    inside the screen it is on now; maximised and full-screen windows are the screen's already."""
    states = Qt.WindowState.WindowMaximized | Qt.WindowState.WindowFullScreen
    room = _room(window)
    if room is None or window.windowState() & states:
        return
    outer, inner = window.frameGeometry(), window.geometry()
    frame = (outer.width() - inner.width(), outer.height() - inner.height())
    x, y, width, height = kept_inside((outer.x(), outer.y(), inner.width(), inner.height()), frame, room)
    if (width, height) != (inner.width(), inner.height()):
        window.resize(width, height)
    if (x, y) != (outer.x(), outer.y()):
        window.move(x, y)


def _place_if_alive(held: weakref.ref, where) -> None:
    """Place the window again after the turn of the event loop it was shown in (a message box
    sizes itself then), unless it is gone or was moved meanwhile (`where`: where it was put)."""
    widget = held()
    if widget is not None and widget.pos() == where:
        place(widget)


def _is_dialog_window(widget) -> bool:
    """A dialog or a window of its own: not a menu, a tooltip or a combo box's list, which
    Qt places by what opened them."""
    return isinstance(widget, QWidget) and widget.windowType() in (Qt.WindowType.Dialog, Qt.WindowType.Window)


class _Placer(QObject):
    """Watches one window: its child windows are watched in turn as they are polished; the
    window itself is placed when it is shown, and once more after the turn of the event loop
    in which it was shown (a message box sizes itself in its own show event)."""

    def __init__(self, widget: QWidget, placed: bool):
        super().__init__(widget)
        self.placed = placed  # False for the main window: only its dialogs are placed

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 (Qt's name)
        kind = event.type()
        if kind == QEvent.Type.ChildPolished:
            child = event.child()
            if _is_dialog_window(child) and not child.property(WATCHED):
                watch(child)
        elif kind == QEvent.Type.Show and self.placed and watched.isWindow():
            if not event.spontaneous() and not watched.property(SHOWN):
                # placed when first shown only: a window shown again stays where the person
                # (or the code that showed it, as Statistics following the chart) put it
                watched.setProperty(SHOWN, True)
                place(watched)
                watched.setAttribute(Qt.WidgetAttribute.WA_Moved)  # QDialog's own centring: not again
                # Not `lambda: place(watched)`: the timer's call would hold the only reference to
                # a message box whose Python side owns it, and deleting the timer would then
                # delete the box, and the timer with it, twice (a crash after a second Save).
                held, where = weakref.ref(watched), watched.pos()
                later(watched, lambda: _place_if_alive(held, where))
        elif kind == QEvent.Type.WindowActivate and self.placed and not watched.property(MARKED):
            watched.setProperty(MARKED, True)
            held = weakref.ref(watched)  # (not `watched` in the lambda: see the Show above)
            later(watched, lambda: _focus_marked(held))
        elif kind == QEvent.Type.Hide and self.placed and watched.isWindow() and not event.spontaneous():
            owner = watched.parentWidget().window() if watched.parentWidget() is not None else None
            if owner is not None:  # (the owner held, not the dialog: deleted on close, it is gone)
                held_owner = weakref.ref(owner)
                later(owner, lambda: _focus_back(held_owner))
        return False


def _focus_marked(held: weakref.ref) -> None:
    """The control that has the keys in a dialog just opened is marked from the start: styles
    draw the focus frame only after a Tab in that window, so Space ticked a box nothing marked
    (tryout S22-14, New quiz by F7). Set once the window is active (its activation clears the
    mark); a click on a control clears it, as Qt does."""
    window = held()
    if window is None or not shiboken6.isValid(window) or not window.isVisible():
        return
    window.setAttribute(Qt.WidgetAttribute.WA_KeyboardFocusChange)
    focus = window.focusWidget()
    if focus is not None:
        focus.update()


def _focus_back(held: weakref.ref) -> None:
    """A dialog closed: its window is made the active one again where no other window is
    (without a window manager nothing did, and the main window's keys were dead until a
    click), its focus where it was."""
    owner = held()
    if owner is None or not shiboken6.isValid(owner) or not owner.isVisible():
        return
    active = QApplication.activeWindow()
    if active is not None and active.isVisible() and active is not owner:
        return  # another window (the next dialog) has the keys
    modal = QApplication.activeModalWidget()
    if modal is not None and modal.isVisible() and modal is not owner:
        modal.activateWindow()  # the next dialog, shown as this one closed, gets the keys
        return
    if active is not owner:
        owner.activateWindow()
    focus = owner.focusWidget()
    if focus is not None and not focus.hasFocus():
        focus.setFocus(Qt.FocusReason.ActiveWindowFocusReason)


def watch(widget: QWidget, placed: bool = True) -> None:
    """Place `widget` when it is first shown (with `placed`) and watch its child windows."""
    widget.setProperty(WATCHED, True)
    widget.installEventFilter(_Placer(widget, placed))


def place_dialogs(window: QWidget) -> None:
    """Every window shown from `window` (a dialog, a message box, a file dialog, Statistics,
    Compare), and from those in turn, is fitted and placed by `place` as it is shown."""
    if not window.property(WATCHED):
        watch(window, placed=False)
