""" "Chart not loaded" shows at once; whether the editor can open the chart to fix it is found in
the window's background work, and the offer is added to the box then. Found first, it held the
window: 1.6 s of 5,000 zones with one id (`reflexmap --chart` 3.3 s against `check`'s 0.9 s)."""

from __future__ import annotations

import threading

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from reflexmap.ui import dialogs

from .test_editor_reopen import broken, fix_button, fix_known  # noqa: F401 (a fixture)


def test_the_box_shows_before_the_editors_check_and_offers_the_fix_after_it(
    qtbot,
    window,
    broken,  # noqa: F811
    monkeypatch,
):
    from reflexmap.atlas import document

    release, on_window_thread = threading.Event(), []
    check = document.document_to_fix

    def slow_check(path):
        on_window_thread.append(threading.current_thread() is threading.main_thread())
        release.wait(10)
        return check(path)

    monkeypatch.setattr(document, "document_to_fix", slow_check)
    monkeypatch.setattr(dialogs, "open_file", lambda *args: str(broken))
    window.open_action.trigger()
    qtbot.waitUntil(lambda: window.findChild(QMessageBox, "chart-errors") is not None)
    box = window.findChild(QMessageBox, "chart-errors")
    assert box.isVisible() and not release.is_set()
    assert "has 2 errors" in box.text() and "editor" not in box.text()
    assert fix_button(box) is None
    qtbot.waitUntil(lambda: bool(on_window_thread))
    assert on_window_thread == [False]  # the check runs beside the window, which answers meanwhile
    release.set()
    fix_known(qtbot, box)
    button = fix_button(box)
    assert button is not None and "The editor can open it" in box.text()
    shown = {box.standardButton(b) for b in box.buttons()}
    assert QMessageBox.StandardButton.Close in shown and QMessageBox.StandardButton.Ok not in shown
    assert box.defaultButton() is button
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.editor.active)


def test_a_box_answered_before_the_check_ends_is_left_alone(qtbot, window, broken, monkeypatch):  # noqa: F811
    from reflexmap.atlas import document

    release = threading.Event()
    check = document.document_to_fix
    monkeypatch.setattr(document, "document_to_fix", lambda path: release.wait(10) and check(path))
    monkeypatch.setattr(dialogs, "open_file", lambda *args: str(broken))
    window.open_action.trigger()
    qtbot.waitUntil(lambda: window.findChild(QMessageBox, "chart-errors") is not None)
    box = window.findChild(QMessageBox, "chart-errors")
    box.close()
    qtbot.waitUntil(lambda: window.findChild(QMessageBox, "chart-errors") is None)
    release.set()
    qtbot.wait(300)  # the answer handed over: nothing to add it to, no error
    assert not window.editor.active
