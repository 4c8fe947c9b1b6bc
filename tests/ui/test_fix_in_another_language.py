"""Settings → Language while a chart is open in the editor to fix its problems: the problems
are said in the new language, on the map and in the Chart problems panel, which stays (tryout
S13-15: the marks stayed English, with German view names inside, beside German marks made
afterwards, and the panel was gone)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QListWidget, QMessageBox

from reflexmap.ui import dialogs

from .test_editor import DATA
from .test_editor_reopen import HEEL, fix_known


def test_problems_of_a_chart_being_fixed_follow_the_language(qtbot, make_window, tmp_path, monkeypatch):
    text = (DATA / "small.yaml").read_text(encoding="utf-8")
    path = tmp_path / "broken.yaml"
    path.write_text(text.replace(HEEL, "[[-18, 2], [18, 2], [25, 30], [-18, 30]]"), encoding="utf-8")
    window = make_window()
    monkeypatch.setattr(dialogs, "open_file", lambda *args: str(path))
    window.open_action.trigger()
    qtbot.waitUntil(lambda: window.findChild(QMessageBox, "chart-errors") is not None)
    box = fix_known(qtbot, window.findChild(QMessageBox, "chart-errors"))
    fix = next(b for b in box.buttons() if b.objectName() == "fix-in-editor")
    qtbot.mouseClick(fix, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(
        lambda: window.editor.problems_dock is not None and window.editor.problems_dock.isVisible()
    )
    english = [p.message for p in window.editor.session.draft.problems]
    assert english and all("outside" in m for m in english)

    window.settings_menu.language_actions["de"].trigger()
    german = window.successor
    qtbot.addWidget(german)
    qtbot.waitUntil(lambda: german.editor.session.draft is not None, timeout=5000)
    said = [p.message for p in german.editor.session.draft.problems]
    assert len(said) == len(english)
    assert all("außerhalb" in m and "outside" not in m for m in said), said
    dock = german.editor.problems_dock
    assert dock is not None and not dock.isHidden()
    rows = [dock.widget().findChild(QListWidget).item(i).text() for i in range(len(said))]
    assert all("außerhalb" in row for row in rows), rows
