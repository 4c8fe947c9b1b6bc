"""File → Reload with changes not saved asks about a reload, not a save (S11-9: it asked "Save
the changes to alt.yaml?" [Save] [Discard] [Cancel], whose Save made the reload a no-op, and
after Discard the status bar said nothing of the reload): "Reload small.yaml from the disk?",
how many changes are replaced and how to get them back, [Reload] [Cancel]; after Reload the
status bar says the file was reloaded, in English and in German."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from .test_editor import drag, edited_copy

BIDI = dict.fromkeys(map(ord, "\u2066\u2067\u2068\u2069"))


def _answer(button_text: str, seen: list) -> QTimer:
    """Note the question's texts and buttons, then click the button named `button_text`."""
    timer = QTimer()

    def click() -> None:
        for box in QApplication.topLevelWidgets():
            if isinstance(box, QMessageBox) and box.isVisible():
                timer.stop()
                buttons = {b.text().replace("&", ""): b for b in box.buttons()}
                seen.append(
                    (box.objectName(), box.text().translate(BIDI), box.informativeText(), sorted(buttons))
                )
                (buttons.get(button_text) or box.buttons()[-1]).click()  # (never left open: no hang)
                return

    timer.timeout.connect(click)
    timer.start(20)
    return timer


@pytest.fixture
def changed(make_window, tmp_path, qtbot):
    """small.yaml edited here: two vertices dragged, nothing saved."""

    def make(language: str = "en"):
        window, path = edited_copy(make_window, tmp_path, qtbot)
        drag(qtbot, window, "plantar-left", (18.0, 30.0), (14.0, 33.0))
        qtbot.waitUntil(lambda: window.editor.session.stack.count() == 2, timeout=3000)
        if language != "en":  # the interface in `language` goes on with the same work
            window = window.set_language(language)
            qtbot.addWidget(window)
            window.show()
            qtbot.waitExposed(window)
        assert window.isWindowModified() and window.editor.active
        return window, path

    return make


def test_reload_with_changes_asks_to_reload_and_says_it_reloaded(changed, qtbot):
    window, path = changed()
    seen: list = []
    timer = _answer("Reload", seen)  # noqa: F841 (kept alive until the box is answered)
    window.reload_action.trigger()
    assert seen == [
        (
            "reload-unsaved",
            "Reload small.yaml from the disk?",
            "Your 2 changes here are replaced by the file (Edit → Undo brings them back).",
            ["Cancel", "Reload"],
        )
    ]
    assert not window.isWindowModified()
    assert window.editor.session.document.text == path.read_text(encoding="utf-8")
    said = window.statusBar().currentMessage().translate(BIDI)
    assert said == "small.yaml reloaded: unchanged since it was opened or saved here."
    window.undo_action.trigger()  # the changes back, as the question said
    assert window.isWindowModified()


def test_cancel_keeps_the_changes(changed, qtbot):
    window, path = changed()
    seen: list = []
    timer = _answer("Cancel", seen)  # noqa: F841
    window.reload_action.trigger()
    assert [s[0] for s in seen] == ["reload-unsaved"]
    assert window.isWindowModified() and window.editor.session.stack.count() == 2


def test_reload_asked_in_german(changed, qtbot):
    window, path = changed("de")
    seen: list = []
    timer = _answer("Neu laden", seen)  # noqa: F841
    window.reload_action.trigger()
    (name, text, informative, buttons) = seen[0]
    assert name == "reload-unsaved" and text == "small.yaml von der Festplatte neu laden?"
    # (the work carried into the German window is its two changes, each its own step)
    assert (
        informative
        == "Ihre 2 Änderungen hier werden durch die Datei ersetzt (Bearbeiten → Rückgängig holt sie zurück)."
    )
    assert buttons == ["Abbrechen", "Neu laden"]
    assert "small.yaml neu geladen" in window.statusBar().currentMessage().translate(BIDI)
