"""Every export says what it did the same way, as a person meets it through the menus: File →
Export chart… (picture, drawing, PDF, web page, Anki deck) and File → Handouts and printing…
(one sheet, or a worksheet with its answer key). Written: "Exported …" in the status bar
naming what was written, no box to close; not written: one "Export failed" box naming the
file the person chose and why."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox, QRadioButton

from reflexmap.atlas import load_atlas

DATA = Path(__file__).parents[1] / "data"
KINDS = ["png", "svg", "pdf", "html", "apkg", "handout", "worksheet+key"]


def _boxes() -> list[QMessageBox]:
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()]


def _export(qtbot, window, kind: str, target: Path, monkeypatch) -> None:
    from reflexmap.ui import dialogs

    window.statusBar().clearMessage()
    if kind in ("handout", "worksheet+key"):
        monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
        window.handout_action.trigger()
        dialog = next(
            w for w in QApplication.topLevelWidgets() if w.objectName() == "handouts" and w.isVisible()
        )
        if kind == "worksheet+key":
            dialog.findChild(QRadioButton, "sheet-worksheet+key").click()
        dialog.save_button.click()
    else:
        monkeypatch.setattr(dialogs, "save_file", lambda *a: str(target))
        window.export_action.trigger()
    qtbot.wait(20)


@pytest.mark.parametrize("kind", KINDS)
def test_every_export_says_what_it_wrote_and_what_it_could_not_alike(
    qtbot, make_window, tmp_path: Path, monkeypatch, kind
):
    window = make_window(load_atlas(DATA / "small.yaml"))
    window.resize(1440, 900)  # room in the status bar for the whole sentence
    suffix = "pdf" if kind in ("handout", "worksheet+key") else kind
    folder = tmp_path / "lesson files"
    folder.mkdir()
    target = folder / f"week 3.{suffix}"
    _export(qtbot, window, kind, target, monkeypatch)
    assert target.is_file()
    assert _boxes() == [], [box.text() for box in _boxes()]  # nothing to close
    said = window.statusBar().currentMessage().replace("\u2068", "").replace("\u2069", "")
    if kind == "worksheet+key":
        assert said == f"Exported week 3.pdf and its answer key week 3-answers.pdf in {folder}", said
    else:
        assert said == f"Exported {target}", said
    assert window.settings.value("export/dir") == str(folder)  # the next export starts there

    nowhere = tmp_path / "no such folder" / f"week 4.{suffix}"
    _export(qtbot, window, kind, nowhere, monkeypatch)
    boxes = _boxes()
    assert [(box.objectName(), box.windowTitle()) for box in boxes] == [("export-failed", "Export failed")]
    text = boxes[0].text()
    assert str(nowhere) in text and "No such file or directory" in text, text
    assert f"/.{nowhere.name}" not in text, text  # never the hidden temporary
    assert "Exported" not in window.statusBar().currentMessage()
    boxes[0].close()
    for dialog in [
        w for w in QApplication.topLevelWidgets() if w.objectName() == "handouts" and w.isVisible()
    ]:
        dialog.close()  # not written: the handouts stayed up to try elsewhere
