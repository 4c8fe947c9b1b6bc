"""The rest of the window: search, keyboard, views, labels, files, notes, remembered state."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtWidgets import QDialog, QMessageBox

from reflexmap.settings import Settings

from .conftest import click_zone


def test_search_filters_and_enter_selects_on_the_map(qtbot, window):
    window.zones.focus_search()
    qtbot.keyClicks(window.zones.search, "sciatic")
    assert window.zones.visible_zone_ids() == ["sciatic-nerve"]
    qtbot.keyClick(window.zones.search, Qt.Key.Key_Return)
    assert window.state.zone_id == "sciatic-nerve"
    assert window.map.chart.zone_items[("plantar-left", "sciatic-nerve")].selected
    assert "Charts place the sciatic nerve here." in window.info.toPlainText()


def test_search_matches_claims_not_only_names(qtbot, window):
    qtbot.keyClicks(window.zones.search, "vertebrae")
    assert set(window.zones.visible_zone_ids()) == {"cervical-spine", "thoracic-spine", "lumbar-spine"}
    window.zones.search.clear()
    plantar = {z.id for z in window.state.atlas.zones if any(v.startswith("plantar") for v in z.shapes)}
    assert set(window.zones.visible_zone_ids()) == plantar  # the list shows the zones of this view


def test_clicking_a_list_row_selects_the_zone(qtbot, window):
    ids = window.zones.visible_zone_ids()
    row = ids.index("coccyx")
    index = window.zones.proxy.index(row, 0)
    rect = window.zones.list.visualRect(index)
    qtbot.mouseClick(window.zones.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.state.zone_id == "coccyx"


def test_map_selection_follows_into_the_list(qtbot, window):
    click_zone(qtbot, window, "plantar-left", "neck")
    assert window.zones.list.currentIndex().data() == "Neck"
    window.resize(1024, 700)  # a short list: the row of a zone far down must be scrolled to
    click_zone(qtbot, window, "plantar-left", "sacrum")
    rect = window.zones.list.visualRect(window.zones.list.currentIndex())
    assert window.zones.list.currentIndex().data() == "Sacrum"
    assert window.zones.list.viewport().rect().contains(rect)


def test_keyboard_steps_along_the_foot(qtbot, window):
    window.map.setFocus()
    order = window.map.chart.keyboard_order()
    assert order[0][0] == "plantar-left" and order[-1][0] == "plantar-right"
    left = [zone for view, zone in order if view == "plantar-left"]
    assert left[0] == "head-brain" and left[-1] == "coccyx"  # toes to heel
    qtbot.keyClick(window.map, Qt.Key.Key_Tab)
    assert (window.state.view_id, window.state.zone_id) == order[0]
    qtbot.keyClick(window.map, Qt.Key.Key_Down)
    assert (window.state.view_id, window.state.zone_id) == order[1]
    qtbot.keyClick(window.map, Qt.Key.Key_Up)
    assert (window.state.view_id, window.state.zone_id) == order[0]
    qtbot.keyClick(window.map, Qt.Key.Key_Right)
    assert (window.state.view_id, window.state.zone_id) == ("plantar-right", order[0][1])
    qtbot.keyClick(window.map, Qt.Key.Key_End)
    assert (window.state.view_id, window.state.zone_id) == order[-1]
    qtbot.keyClick(window.map, Qt.Key.Key_Escape)
    assert window.state.zone_id == ""


def test_every_zone_is_reachable_by_keyboard(qtbot, window):
    window.map.setFocus()
    seen = set()
    for _ in range(len(window.map.chart.keyboard_order())):
        qtbot.keyClick(window.map, Qt.Key.Key_Tab)
        seen.add((window.state.view_id, window.state.zone_id))
    assert seen == set(window.map.chart.zone_items)


def test_labels_and_guides_toggle(qtbot, window):
    label = window.map.chart.labels[("plantar-left", "lumbar-spine")]
    assert label.text.isVisible()
    window.labels_action.trigger()  # hidden labels keep no columns: the chart is laid out again
    assert not any(lb.text.isVisible() or lb.leader.isVisible() for lb in window.map.chart.labels.values())
    window.labels_action.trigger()
    assert window.map.chart.labels[("plantar-left", "lumbar-spine")].text.isVisible()
    window.guides_action.trigger()
    assert not any(item.isVisible() for item in window.map.chart.guide_items)


def test_view_switch_shows_the_other_aspect(qtbot, make_window, small_atlas):
    from .conftest import click_mm

    window = make_window(small_atlas)
    assert window.aspect_actions["medial"].isEnabled()
    assert not window.aspect_actions["dorsal"].isEnabled()
    qtbot.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert window.state.aspect == "medial"
    assert [f.view.id for f in window.map.chart.frames] == ["medial-left"]
    assert window.zones.visible_zone_ids() == ["side"]
    click_mm(qtbot, window, "medial-left", 40, 12)
    assert window.state.zone_id == "side"
    window.aspect_actions["plantar"].trigger()
    assert [f.view.id for f in window.map.chart.frames] == ["plantar-left", "plantar-right"]
    assert window.state.zone_id == ""  # 'side' is not drawn in plantar views


def test_open_invalid_chart_shows_errors_and_keeps_the_chart(qtbot, window, tmp_path: Path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("atlas_format: 1\nid: x\ntitle: [unclosed\n", encoding="utf-8")
    before = window.state.atlas
    assert window.open_chart(bad) is False
    box = window.findChild(QMessageBox, "chart-errors")
    assert box is not None and box.isVisible()
    assert "bad.yaml has 1 error" in box.text()
    assert f"{bad}:3:8:" in box.detailedText()
    assert window.state.atlas is before
    box.close()


def test_open_valid_chart_replaces_the_chart(qtbot, window, data_dir: Path, settings):
    assert window.open_chart(data_dir / "small.yaml")
    assert window.state.atlas.id == "test-small"
    assert window.windowTitle().startswith("Small test chart")
    assert set(window.zones.visible_zone_ids()) == {"heel", "band", "strip", "toes"}
    assert settings.value("chart/last") == str(data_dir / "small.yaml")


def test_evidence_and_red_flags_are_one_click_from_a_zone(qtbot, window):
    click_zone(qtbot, window, "plantar-left", "sciatic-nerve")
    window.info.anchorClicked.emit(QUrl("note:red-flags"))
    dialog = window.findChild(QDialog, "note-red-flags")
    assert dialog is not None and dialog.isVisible()
    from PySide6.QtWidgets import QTextBrowser

    text = dialog.findChild(QTextBrowser).toPlainText()
    assert "both legs" in text and "cauda equina" in text
    window.info.anchorClicked.emit(QUrl("note:evidence"))
    text = window.findChild(QDialog, "note-evidence").findChild(QTextBrowser).toPlainText()
    assert "Ernst" in text and "chance" in text


def test_window_geometry_and_view_settings_are_remembered(qtbot, make_window, tmp_path: Path):
    path = tmp_path / "remember.json"
    first = make_window(settings_=Settings(path))
    first.resize(700, 520)  # within the offscreen screen (800x600)
    first.labels_action.setChecked(False)
    qtbot.wait(10)
    first.close()
    second = make_window(settings_=Settings(path))
    assert (second.width(), second.height()) == (700, 520)
    assert not second.labels_action.isChecked()
    assert not second.state.labels_visible


def test_shortcuts_dialog_lists_keys(qtbot, window):
    window.show_shortcuts()
    dialog = window.findChild(QDialog, "shortcuts")
    from PySide6.QtWidgets import QTextBrowser

    text = dialog.findChild(QTextBrowser).toPlainText()
    assert "Ctrl+O" in text and "Tab" in text and "Fit to window" in text


def test_the_last_opened_chart_is_offered_at_the_next_start(
    qtbot, window, data_dir: Path, settings, tmp_path
):
    from reflexmap.ui.app import last_chart

    assert last_chart(settings) is None
    window.open_chart(data_dir / "small.yaml")
    assert last_chart(settings) == str(data_dir / "small.yaml")
    gone = tmp_path / "gone.yaml"
    settings.setValue("chart/last", str(gone))
    assert last_chart(settings) is None


def test_run_opens_the_window_and_returns_when_it_is_closed(qtbot, make_window, data_dir: Path):
    """The plain `reflexmap` path: start on the chart opened last time, show, close, exit 0."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from reflexmap.paths import default_settings_path
    from reflexmap.ui.app import application, run
    from reflexmap.ui.main_window import MainWindow

    application()  # the app's name makes the settings path (pytest-qt's own QApplication has another)
    seen = []

    def close_when_shown():
        windows = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()]
        seen.extend(w.state.atlas.id for w in windows)
        for w in windows:
            w.close()
        QApplication.instance().quit()

    user_settings = Settings(default_settings_path())  # the app's own; tests point XDG dirs at a temp folder
    user_settings.setValue("chart/last", str(data_dir / "small.yaml"))
    user_settings.setValue("notes/first-run-seen", True)
    QTimer.singleShot(300, close_when_shown)
    try:
        assert run() == 0
    finally:
        user_settings.clear()
    assert seen == ["test-small"]
    # Nothing of that run is left to end the event loops started after it (the Quit event
    # posted when its last window closed ended every qtbot.wait of the tests that followed).
    QApplication.processEvents()  # what pytest-qt does between tests
    window = make_window()
    window.open_chart(data_dir / "small.yaml")
    qtbot.waitUntil(window.state.atlas.index.is_warm, timeout=3000)  # a deferred call, run
