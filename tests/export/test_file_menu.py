"""File → Export writes the web page (and the Anki deck) through the same functions as the CLI."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reflexmap.ui import dialogs


@pytest.fixture
def make_window(qtbot, tmp_path: Path):
    from reflexmap.settings import Settings
    from reflexmap.ui.app import application, create_window

    application()
    settings = Settings(tmp_path / "settings.json")
    settings.setValue("notes/first-run-seen", True)

    def make():
        window = create_window(None, settings, progress_path=tmp_path / "progress.json")
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        return window

    return make


def test_file_export_writes_a_web_page_in_the_apps_language(make_window, monkeypatch, tmp_path):
    from reflexmap.ui import appearance
    from reflexmap.ui.app import application

    window = make_window()
    out = tmp_path / "class chart.html"
    offered = []

    def save_file(parent, title, start, filters):
        offered.append(filters)
        return str(out)

    monkeypatch.setattr(dialogs, "save_file", save_file)
    appearance.apply_language(application(), "de")
    try:
        window.export_action.trigger()
    finally:
        appearance.apply_language(application(), "en")
    assert "(*.html)" in offered[0] and "(*.apkg)" in offered[0]
    text = out.read_text(encoding="utf-8")
    assert '<html lang="de">' in text
    assert "Karten verorten hier" in text
    assert f'id="card-{window.state.atlas.zones[0].id}"' in text


def test_file_export_writes_an_anki_deck(make_window, monkeypatch, tmp_path):
    import zipfile

    window = make_window()
    out = tmp_path / "deck.apkg"
    monkeypatch.setattr(dialogs, "save_file", lambda *args: str(out))
    window.export_action.trigger()
    with zipfile.ZipFile(out) as archive:
        assert "collection.anki2" in archive.namelist()
        media = json.loads(archive.read("media"))
    assert f"reflexmap-{window.state.atlas.id}-plantar-left.png" in media.values()
    assert "Exported" in window.statusBar().currentMessage()


def test_file_export_to_an_unwritable_place_says_so_and_keeps_the_cursor(make_window, monkeypatch, tmp_path):
    from PySide6.QtWidgets import QApplication, QMessageBox

    window = make_window()
    out = tmp_path / "no such folder" / "chart.html"
    monkeypatch.setattr(dialogs, "save_file", lambda *args: str(out))
    window.export_action.trigger()
    box = window.findChild(QMessageBox, "export-failed")
    assert box is not None and "chart.html" in box.text()
    assert QApplication.overrideCursor() is None
    assert not out.exists()


def test_file_export_of_a_deck_shows_its_progress_and_can_be_cancelled(
    qtbot, make_window, monkeypatch, tmp_path, data_dir
):
    """A deck draws two pictures per zone and view (12 s for the built-in chart): the window
    sat frozen under a wait cursor. Now a progress bar counts the pictures, and Cancel stops
    the export with nothing written."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QProgressDialog

    window = make_window()
    assert window.open_chart(data_dir / "small.yaml")
    out = tmp_path / "small.apkg"
    monkeypatch.setattr(dialogs, "save_file", lambda *args: str(out))
    seen: list[tuple[int, int]] = []
    watching = [True]

    def watch(cancel_at: int | None) -> None:
        if not watching[0]:
            return
        boxes = [w for w in QApplication.topLevelWidgets() if isinstance(w, QProgressDialog)]
        boxes = [w for w in boxes if w.isVisible()]
        if boxes:
            seen.append((boxes[0].value(), boxes[0].maximum()))
            if cancel_at is not None and boxes[0].value() >= cancel_at:
                boxes[0].cancel()
                return
        QTimer.singleShot(0, lambda: watch(cancel_at))

    QTimer.singleShot(0, lambda: watch(None))
    window.export_action.trigger()
    watching[0] = False
    assert out.exists()
    total = max(m for _, m in seen)
    assert total >= 10 and any(0 < v < total for v, _ in seen), seen  # it counted the pictures

    out.unlink()
    seen.clear()
    watching[0] = True
    QTimer.singleShot(0, lambda: watch(3))
    window.export_action.trigger()
    watching[0] = False
    assert not out.exists() and not list(tmp_path.glob("*.apkg*"))
    assert "cancelled" in window.statusBar().currentMessage()
    assert not [w for w in QApplication.topLevelWidgets() if isinstance(w, QProgressDialog) and w.isVisible()]
