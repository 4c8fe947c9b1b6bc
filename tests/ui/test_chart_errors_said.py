"""The "Chart not loaded" dialog and "Problems at start" say each error with its real place
(or, for a problem with the whole file, the file alone, never 0:0), in the app's language."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QMessageBox

from reflexmap.atlas import read_atlas
from reflexmap.settings import Settings
from reflexmap.ui import dialogs

from ..hostile.cases import chart


def _german(qtbot, window):
    window.language_actions["de"].trigger()  # Settings -> Language -> Deutsch
    german = window.successor
    qtbot.addWidget(german)
    return german


def _open(qtbot, window, path: Path, monkeypatch) -> QMessageBox:
    """File -> Open chart…, the file picked in the file dialog."""
    monkeypatch.setattr(dialogs, "open_file", lambda *args: str(path))
    window.actions_by_name["open"].trigger()
    qtbot.waitUntil(lambda: window.findChild(QMessageBox, "chart-errors") is not None)
    box = window.findChild(QMessageBox, "chart-errors")
    assert box.isVisible()
    return box


def test_chart_not_loaded_in_german_says_the_yaml_mistake_in_german_at_its_place(
    qtbot, window, tmp_path, monkeypatch
):
    german = _german(qtbot, window)
    bad = tmp_path / "kaputt.yaml"
    bad.write_text(chart().replace("    region: spine\n", "    region\n"), encoding="utf-8")
    before = german.state.atlas
    box = _open(qtbot, german, bad, monkeypatch)
    assert box.windowTitle() == "Karte nicht geladen"
    assert box.text() == "kaputt.yaml hat 1 Fehler; die angezeigte Karte bleibt unverändert."
    assert (
        box.informativeText()
        == f"{bad}:11:5: nach diesem Schlüssel fehlt ein ':' (oder diese Zeile ist Text für sich)"
    )
    assert "could not find" not in box.detailedText() and f"{bad}:11:5:" in box.detailedText()
    assert german.state.atlas is before
    box.done(0)


def test_chart_not_loaded_in_german_for_a_file_too_large_has_no_made_up_place(
    qtbot, window, tmp_path, monkeypatch
):
    german = _german(qtbot, window)
    big = tmp_path / "groß.yaml"
    with open(big, "wb") as handle:
        handle.truncate(33_554_491)
    box = _open(qtbot, german, big, monkeypatch)
    said = f"{big}: die Datei ist 33.554.491 Bytes groß; Dateien dürfen höchstens 33.554.432 Bytes groß sein"
    assert box.informativeText() == said and box.detailedText() == said
    assert ":0:0" not in box.informativeText()
    box.done(0)


def test_chart_not_loaded_in_english_for_a_folder_has_no_made_up_place(qtbot, window, tmp_path, monkeypatch):
    folder = tmp_path / "charts.yaml"
    folder.mkdir()
    box = _open(qtbot, window, folder, monkeypatch)
    assert box.informativeText() == f"{folder}: this is a folder, not a zone file"
    box.done(0)


def test_problems_at_start_in_german(qtbot, tmp_path: Path):
    from reflexmap.ui.app import application, create_window
    from reflexmap.ui.appearance import apply_language

    app = application()
    apply_language(app, "de")  # the German app, as a German desktop starts it
    settings_path = tmp_path / "settings.json"
    settings_path.write_text("[1, 2", encoding="utf-8")  # damaged
    last = tmp_path / "letzte.yaml"
    last.write_text(chart("[[0, 0], [10, 0], [10, .nan], [0, 10]]"), encoding="utf-8")
    errors = read_atlas(last).errors  # read as the app reads its last chart at start
    settings = Settings(settings_path)
    window = create_window(None, settings, progress_path=tmp_path / "progress.json", apply=False)
    qtbot.addWidget(window)
    window.show()
    window.show_errors(last.name, errors)
    qtbot.waitUntil(lambda: window.findChild(QMessageBox, "start-problems") is not None)
    box = window.findChild(QMessageBox, "start-problems")
    assert box.windowTitle() == "Probleme beim Start"
    assert "Karte nicht geladen: letzte.yaml hat 1 Fehler" in box.informativeText()
    # at the number not written in decimal, in German
    assert box.detailedText() == (
        f"{last}:17:44: Zahlen dezimal schreiben, etwa 10, -2.5 oder 1.5e3 (mit Punkt): '.nan'"
    )
    box.done(0)


BOWTIE = "[[0, 0], [10, 10], [10, 0], [0, 10]]"  # its edges cross at (5, 5)


def test_a_point_in_a_german_message_separates_its_numbers_with_a_semicolon(
    qtbot, window, tmp_path, monkeypatch
):
    """German writes 5,0 for 5.0: the crossing's point is "(5,0; 5,0) mm", never "(5,0, 5,0)
    mm", which reads as four numbers (tryout S9-9). English keeps "(5.0, 5.0) mm"."""
    crossed = tmp_path / "gekreuzt.yaml"
    crossed.write_text(chart(BOWTIE), encoding="utf-8")
    box = _open(qtbot, window, crossed, monkeypatch)
    assert "the polygon crosses itself near (5.0, 5.0) mm" in box.informativeText()
    box.done(0)
    german = _german(qtbot, window)
    box = _open(qtbot, german, crossed, monkeypatch)
    assert "das Polygon kreuzt sich selbst bei (5,0; 5,0) mm" in box.informativeText()
    box.done(0)
