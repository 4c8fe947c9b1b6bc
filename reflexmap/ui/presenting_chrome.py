"""Presenting: the window goes full screen with only the chart (menus, toolbars, panels and
status bar hidden), and comes back as it was afterwards, the map's zoom with it (presenting
fits the chart its own way: the window's zoom was lost, S21-3). Follows `AppState.mode_changed`."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QObject, Qt
from PySide6.QtWidgets import QDockWidget, QMainWindow, QToolBar, QWidget

from . import dock_room
from .modes import BROWSE, PRESENT
from .state import AppState

if TYPE_CHECKING:
    from .map_view import MapView


class PresentingChrome(QObject):
    def __init__(self, window: QMainWindow, state: AppState, map_view: MapView):
        """`map_view`: the chart drawn again at the window's size when presenting ends, where it stood."""
        super().__init__(window)
        self.window, self.map = window, map_view
        self._mode = BROWSE
        self._before: dict = {}
        state.mode_changed.connect(self.mode_changed)

    def window_geometry(self) -> QByteArray:
        """What the window keeps of its size and place for the next start: while presenting,
        as it was before (never full screen with the panels hidden)."""
        if self._mode == PRESENT and self._before:
            return self._before["geometry"]
        return self.window.saveGeometry()

    def window_state(self) -> QByteArray:
        """The toolbars' and panels' layout for the next start, likewise."""
        if self._mode == PRESENT and self._before:
            return self._before["state"]
        return self.window.saveState()

    def restore(self, geometry: object, state: object) -> None:
        """The window's size, place and layout from the last start. A geometry saved full
        screen (quit while presenting, before 26 Nov 2026) comes back as a window with its
        panels, not presenting's screen, and without that screen's layout."""
        presenting = False
        if isinstance(geometry, bytes):
            self.window.restoreGeometry(QByteArray(geometry))
            presenting = bool(self.window.windowState() & Qt.WindowState.WindowFullScreen)
            if presenting:
                self.window.setWindowState(self.window.windowState() & ~Qt.WindowState.WindowFullScreen)
        if isinstance(state, bytes) and not presenting:
            dock_room.restore_layout(self.window, QByteArray(state))

    def chrome(self) -> list[QWidget]:
        """Everything but the chart: menus, toolbars, panels, status bar, and the window's own
        windows left open beside it (Statistics, a comparison): the class would see a student's
        statistics over the projected chart."""
        window = self.window
        return [
            window.menuBar(),
            window.statusBar(),
            *window.findChildren(QToolBar),
            *window.findChildren(QDockWidget),
            *(w for w in window.findChildren(QWidget) if w.isWindow() and w.isVisible() and not w.isModal()),
        ]

    def mode_changed(self, mode: str) -> None:
        window = self.window
        before, self._mode = self._mode, mode
        if mode == PRESENT and before != PRESENT:
            self._before = {
                "geometry": window.saveGeometry(),
                "place": window.geometry(),  # the window's own area, as it stands
                "state": window.saveState(),
                "maximized": window.isMaximized(),
                "widgets": [w for w in self.chrome() if w.isVisible()],
                "map": self.map.place(),
            }
            for widget in self.chrome():
                widget.hide()
            window.showFullScreen()
        elif before == PRESENT and mode != PRESENT:
            saved = self._before
            window.showNormal()
            window.restoreGeometry(saved["geometry"])
            dock_room.restore_layout(window, saved["state"])
            if saved["maximized"]:
                window.showMaximized()
            else:  # exactly where it was: restoreGeometry alone put a window at (0, 0) back
                # at (1, 25) on a screen without a window manager (a guessed title bar's room)
                window.setGeometry(saved["place"])
            for widget in saved["widgets"]:
                widget.show()
            self.map.rebuild()
            self.map.restore_place(saved["map"])
