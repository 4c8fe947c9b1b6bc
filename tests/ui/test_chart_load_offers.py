"""Every place a chart that did not load is said offers only what makes sense there: opening it
in the editor to fix it belongs where the chart was to be shown (Open chart…, Reload, the
start); a comparison that could not read the other chart says so, with no editor offer."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton

from .test_compare_choices import opened
from .test_editor_reopen import broken, fix_known  # noqa: F401 (a fixture)


def _boxes() -> list[QMessageBox]:
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()]


def test_compare_refusing_a_fixable_chart_offers_no_editor(qtbot, window, broken, monkeypatch):  # noqa: F811
    from reflexmap.ui import dialogs
    from reflexmap.ui.compare_window import OTHER_FILE

    shown = opened(qtbot, window)
    monkeypatch.setattr(dialogs, "open_file", lambda *args: str(broken))
    shown.other.setCurrentIndex(shown.other.findData(OTHER_FILE))  # "Another chart file…"
    qtbot.waitUntil(lambda: bool(_boxes()))
    (box,) = _boxes()
    assert "cannot be compared" in box.text()
    assert box.findChild(QPushButton, "fix-in-editor") is None
    assert "editor" not in box.text()
    box.close()
    shown.close()


def test_the_chart_menus_entry_of_a_fixable_chart_offers_the_editor(qtbot, window, broken):  # noqa: F811
    """A chart opened before and spoiled since is listed "(has errors)"; choosing it says why
    it is not shown and offers the editor, which can show it with its problems."""
    window.settings.setValue("chart/recent", [str(broken)])
    window.charts_menu.aboutToShow.emit()  # the Chart menu opened: named by its file, not read
    (entry,) = [a for a in window.charts_menu.chart_actions() if a.data() == str(broken)]
    assert entry.text().endswith(broken.name)
    entry.trigger()  # read now: it has errors
    qtbot.waitUntil(lambda: bool(_boxes()))
    for box in _boxes():
        box.close()
    window.charts_menu.aboutToShow.emit()
    (entry,) = [a for a in window.charts_menu.chart_actions() if a.data() == str(broken)]
    assert "(has errors)" in entry.text()
    entry.trigger()
    qtbot.waitUntil(lambda: bool(_boxes()))
    (box,) = _boxes()
    assert box.findChild(QPushButton, "fix-in-editor") is not None or fix_known(qtbot, box)
    assert box.findChild(QPushButton, "fix-in-editor") is not None
    box.close()
