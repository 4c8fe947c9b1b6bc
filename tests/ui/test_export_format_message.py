"""File → Export chart… to a name whose ending is no format: the window says which ending it
was and every format that works (the web page and the Anki deck too), and writes nothing."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QMessageBox

from reflexmap.export.formats import SUFFIXES


def test_export_to_a_txt_name_names_the_ending_and_every_format(qtbot, window, tmp_path, monkeypatch):
    from reflexmap.ui import dialogs

    target = tmp_path / "chart.txt"
    monkeypatch.setattr(dialogs, "save_file", lambda *a: str(target))
    window.export_action.trigger()
    qtbot.wait(20)
    shown = [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()]
    text = next(w.text() for w in shown if w.objectName() == "export-failed")
    for box in shown:
        box.close()
    assert "'.txt'" in text, text
    assert all(suffix in text for suffix in SUFFIXES), text
    assert not target.exists()
