"""Trigger every action a person can pick: menus (opened as a person opens them, so menus
filled on demand are covered), toolbars and context menus, with modal dialogs closed by a timer.

Used by tests/ui/test_every_action.py in each mode of the window; new actions are covered
without writing a new test."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QMainWindow, QMenu, QToolBar, QWidget

# Quitting closes the window under test; it is triggered once, on its own, by its own test.
SKIPPED = ("quit",)


def actions_of(window: QMainWindow) -> list[tuple[str, QAction]]:
    """(menu path, action) for every menu, toolbar and context-menu action of `window`."""
    seen: set[int] = set()
    found: list[tuple[str, QAction]] = []

    def add(path: str, action: QAction) -> None:
        if action.isSeparator() or id(action) in seen:
            return
        seen.add(id(action))
        found.append((path, action))

    def walk(menu: QMenu, path: list[str]) -> None:
        menu.aboutToShow.emit()  # menus filled when opened
        for action in menu.actions():
            if action.menu() is not None:
                walk(action.menu(), [*path, action.text()])
            else:
                add(" > ".join([*path, action.text()]), action)

    for action in window.menuBar().actions():
        if action.menu() is not None:
            walk(action.menu(), [action.text()])
    for toolbar in window.findChildren(QToolBar):
        for action in toolbar.actions():
            if action.menu() is None:
                add(f"toolbar {toolbar.windowTitle()} > {action.text()}", action)
    for widget in window.findChildren(QWidget):
        if widget.contextMenuPolicy() == Qt.ContextMenuPolicy.ActionsContextMenu:
            for action in widget.actions():
                add(
                    f"context menu of {widget.objectName() or type(widget).__name__} > {action.text()}",
                    action,
                )
    return found


def kept_windows(app) -> dict[int, QWidget]:
    """The windows visible now, by id(): the widgets are held too, so that no window made
    later gets the id() of one of them deleted meanwhile (and is then left open)."""
    return {id(w): w for w in app.topLevelWidgets() if w.isVisible()}


def close_popups(keep: dict[int, QWidget]) -> None:
    """Close modal dialogs, message boxes and windows opened since `keep` was taken."""
    app = QApplication.instance()
    for _ in range(6):
        modal = app.activeModalWidget() or app.activePopupWidget()
        if modal is None:
            break
        if hasattr(modal, "reject"):
            modal.reject()
        else:
            modal.close()
        app.processEvents()
    for widget in app.topLevelWidgets():
        if widget.isVisible() and id(widget) not in keep and widget.windowType() != Qt.WindowType.ToolTip:
            if not isinstance(widget, QMenu):
                widget.close()
    app.processEvents()


def trigger_all(
    qtbot, window: QMainWindow, enter_mode: Callable[[QMainWindow], None] | None = None
) -> list[str]:
    """Trigger each action of `window` once, in the mode `enter_mode` puts it in (entered again
    whenever an action left it, e.g. by ending the quiz). Returns the menu paths triggered.
    A language switch replaces the window: the walk goes on in its successor."""
    app = QApplication.instance()
    done: list[str] = []
    current = window
    while True:
        if enter_mode is not None:
            enter_mode(current)
        keep = kept_windows(app)
        pending = [
            (name, action)
            for name, action in actions_of(current)
            if name not in done and not any(s in name.replace("&", "").lower() for s in SKIPPED)
        ]
        if not pending:
            return done
        for name, action in pending:
            done.append(name)
            if not action.isEnabled():
                continue
            timer = QTimer()
            timer.timeout.connect(lambda k=keep: close_popups(k))
            timer.start(30)
            action.trigger()
            replaced = getattr(current, "successor", None)  # the old window is deleted at the next turn
            qtbot.wait(5)
            timer.stop()
            close_popups(keep)
            if replaced is not None:
                current = replaced
                qtbot.addWidget(current)
                break  # a new window: walk its actions (the ones not yet triggered)
            if current.isFullScreen() or getattr(current, "_presenter", None) is not None:
                presenter = getattr(current, "_presenter", None)
                if presenter is not None and presenter.active and enter_mode is None:
                    presenter.leave()
            successor = getattr(current, "successor", None)
            if successor is not None:
                current = successor
                qtbot.addWidget(current)
                break  # a new window: walk its actions (the ones not yet triggered)
            if enter_mode is not None:
                enter_mode(current)
                keep = kept_windows(app)
