"""Settings are user data too: atomic, backed up, and a damaged file is kept and reported."""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtWidgets import QMessageBox

from reflexmap.settings import Settings


def test_values_round_trip_through_the_file(tmp_path: Path):
    path = tmp_path / "settings.json"
    settings = Settings(path)
    settings.setValue("window/state", b"\x00\x00\x00\xff\x00\x01binary\xff")
    settings.setValue("view/labels", False)
    settings.setValue("chart/recent", ["/a.yaml", "/b.yaml"])
    again = Settings(path)
    assert again.value("window/state") == b"\x00\x00\x00\xff\x00\x01binary\xff"
    assert again.value("view/labels", True, type=bool) is False
    assert again.value("chart/recent", [], type=list) == ["/a.yaml", "/b.yaml"]
    assert again.value("missing", "default") == "default"
    assert again.warnings == []


def test_every_change_keeps_the_previous_file_as_backup(tmp_path: Path):
    path = tmp_path / "settings.json"
    settings = Settings(path)
    settings.setValue("a", 1)
    settings.setValue("a", 2)
    assert json.loads((tmp_path / "settings.json.bak").read_text())["values"] == {"a": 1}


def test_closing_the_window_saves_its_state_in_one_write(qtbot, make_window, settings):
    """The backup is then the settings as they were before closing, not a half-saved state."""
    window = make_window()
    window.state.set_aspect("medial")
    before = Path(settings.fileName()).read_bytes()
    window.close()
    assert Path(settings.fileName() + ".bak").read_bytes() == before
    saved = Settings(settings.fileName())
    assert saved.value("view/aspect") == "medial"
    assert isinstance(saved.value("window/geometry"), bytes)


def test_damaged_settings_are_kept_and_the_backup_used(tmp_path: Path):
    path = tmp_path / "settings.json"
    settings = Settings(path)
    settings.setValue("a", 1)
    settings.setValue("a", 2)
    path.write_text("{{{ not json", encoding="utf-8")
    again = Settings(path)
    assert again.value("a") == 1
    assert any("could not be used" in w for w in again.warnings)
    assert any("settings.json.bak\u2069 of \u2068" in w and "is used instead" in w for w in again.warnings)
    kept = [p for p in tmp_path.iterdir() if ".damaged-" in p.name]
    assert len(kept) == 1 and kept[0].read_text() == "{{{ not json"


def test_future_settings_are_not_overwritten(tmp_path: Path):
    path = tmp_path / "settings.json"
    path.write_text(json.dumps({"format": "reflexmap-settings", "version": 3, "values": {"x": 1}}))
    settings = Settings(path)
    assert settings.value("x") is None
    assert any("newer ReflexMap (settings format 3)" in w for w in settings.warnings)
    settings.setValue("y", 2)
    assert json.loads((tmp_path / "settings.json.from-version-3").read_text())["values"] == {"x": 1}


def test_the_window_reports_damaged_settings(qtbot, make_window, tmp_path: Path):  # noqa: D103
    path = tmp_path / "bad-settings.json"
    path.write_text("[1, 2", encoding="utf-8")
    window = make_window(settings_=Settings(path))
    qtbot.waitUntil(lambda: window.findChild(QMessageBox, "settings-warning") is not None)
    assert "could not be used" in window.findChild(QMessageBox, "settings-warning").text()


def test_the_window_starts_with_a_hostile_settings_file(make_window, tmp_path: Path, qtbot):
    """Valid JSON with values of the wrong kind: each falls back alone, with one message, and
    the Chart menu (which lists the recent charts) still opens."""
    values = {
        "appearance/theme": ["dark"],
        "appearance/language": {"code": "de"},
        "appearance/text-scale": 10**99,
        "window/geometry": {"$base64": "not base64 at all!"},
        "chart/recent": [1, 2, 3],
        "notes/first-run-seen": True,
    }
    path = tmp_path / "hostile.json"
    path.write_text(json.dumps({"format": "reflexmap-settings", "version": 1, "values": values}))
    window = make_window(settings_=Settings(path))
    qtbot.waitUntil(lambda: window.findChild(QMessageBox, "settings-warning") is not None)
    assert "appearance/theme" in window.findChild(QMessageBox, "settings-warning").text()
    window.charts_menu.aboutToShow.emit()  # the Chart menu fills itself from the recent charts
    assert window.charts_menu.actions()


NAMES = ["x" * 4000, "chart\x00.yaml", "/", "/dev/zero", "", "~/../../" * 400]


def test_stored_chart_names_the_system_refuses_are_not_charts(qtbot, make_window, tmp_path):
    """The last chart and the recent charts are input too: names too long for the file system,
    with a NUL in them, folders and devices are skipped (Path.is_file raised on the first two,
    at every start and at every opening of the Chart menu)."""
    from reflexmap.ui.app import last_chart

    path = tmp_path / "hostile-names.json"
    for name in NAMES:
        settings = Settings(path)
        settings.update({"chart/last": name, "chart/recent": NAMES, "notes/first-run-seen": True})
        assert last_chart(Settings(path)) is None, name
    window = make_window(settings_=Settings(path))
    window.charts_menu.refill()
    files = [Path(a.data()).name for a in window.charts_menu.chart_actions()]
    assert sorted(files) == ["alternative-placements.yaml", "ingham-western.yaml"]  # the built-in ones only


def test_settings_reset_at_start_are_said_once_not_again_after_a_language_switch(
    qtbot, make_window, tmp_path
):
    """Settings → Language rebuilds the window on the same settings: what was said at start
    is not said again (it was, in the new language)."""
    from PySide6.QtWidgets import QApplication

    path = tmp_path / "hostile.json"
    values = {"notes/first-run-seen": True, "appearance/theme": "purple", "view/labels": ["no"]}
    path.write_text(json.dumps({"format": "reflexmap-settings", "version": 1, "values": values}))
    window = make_window(settings_=Settings(path))
    window.show()

    def boxes() -> list[QMessageBox]:
        return [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()]

    qtbot.waitUntil(lambda: len(boxes()) == 1)
    (box,) = boxes()
    assert "purple" in box.text() and "view/labels" in box.text()
    box.close()
    window.language_actions["de"].trigger()  # Settings → Language → Deutsch
    assert window.successor is not None
    qtbot.addWidget(window.successor)  # closed after the test, like the first window
    qtbot.wait(300)
    assert boxes() == []


def test_recent_charts_kept_while_the_disk_is_full_merge_with_another_windows_later(
    tmp_path: Path, monkeypatch
):
    """Charts opened while the settings cannot be written (a full disk: said once) are kept
    in memory, in order, and written once the disk has room, merged into the list another
    window wrote meanwhile: nothing either window opened is dropped."""
    import errno

    from reflexmap import settings as settings_module
    from reflexmap.ui.charts_menu import with_recent

    path = tmp_path / "settings.json"
    mine, other = Settings(path), Settings(path)
    said: list[str] = []
    mine.on_problem = said.append
    written = settings_module.write_with_backup

    def full(*args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(settings_module, "write_with_backup", full)
    mine.edit("chart/recent", lambda stored: with_recent(stored, "/charts/a.yaml"))
    mine.edit("chart/recent", lambda stored: with_recent(stored, "/charts/b.yaml"))
    assert len(said) == 1 and "could not be saved" in said[0]
    assert mine.value("chart/recent", [], type=list) == ["/charts/b.yaml", "/charts/a.yaml"]
    monkeypatch.setattr(settings_module, "write_with_backup", written)
    other.edit("chart/recent", lambda stored: with_recent(stored, "/charts/c.yaml"))  # room again
    mine.setValue("view/labels", False)  # the next write of this window takes what waited
    assert Settings(path).value("chart/recent", [], type=list) == [
        "/charts/b.yaml",
        "/charts/a.yaml",
        "/charts/c.yaml",
    ]


def test_a_damaged_file_in_a_folder_that_cannot_be_written_is_said_plainly(
    qtbot, make_window, tmp_path: Path, monkeypatch
):
    """Seen as a non-root user with a read-only settings folder: the box said the file "could not
    be set aside; it was left as it is" and then that it "was restored from the backup copy"
    (nothing was restored), all problems run together line after line. Now the backup is said to
    be used instead, and a blank line stands between problems."""
    import errno

    import reflexmap.storage

    path = tmp_path / "settings.json"
    Settings(path).setValue("view/labels", False)
    Settings(path).setValue("view/guides", False)  # a backup that holds view/labels
    path.write_text('{"format": "reflexmap-settings", "version": 1, "values": {"view/labels": [[[', "utf-8")

    def read_only(*args, **kwargs):
        raise OSError(errno.EROFS, "Read-only file system")

    monkeypatch.setattr(reflexmap.storage.os, "replace", read_only)
    window = make_window(settings_=Settings(path))
    qtbot.waitUntil(lambda: window.findChild(QMessageBox, "settings-warning") is not None)
    said = window.findChild(QMessageBox, "settings-warning").text()
    assert "restored" not in said, said
    kept = "could not be set aside (Read-only file system); it was left as it is."
    assert f"{kept}\n\nThe backup copy \u2068{path}.bak\u2069" in said, said
    assert window.state.labels_visible is False  # the backup's value
    monkeypatch.undo()  # the folder works again before the window closes (it writes the settings)


def test_an_entry_listed_many_times_is_said_with_how_often(tmp_path: Path):
    """Five times the same zone id read '"no-such-zone" is listed twice' (tryout S22-11)."""
    path = tmp_path / "settings.json"
    Settings(path).setValue("quiz/setup/custom", ["neck"])
    for times, said in ((5, "is listed 5 times"), (2, "is listed twice")):
        raw = json.loads(path.read_text(encoding="utf-8"))
        raw["values"]["quiz/setup/custom"] = ["no-such-zone"] * times
        path.write_text(json.dumps(raw), encoding="utf-8")
        again = Settings(path)
        assert again.value("quiz/setup/custom") == ["no-such-zone"]
        assert any(said in w and f"{times - 1} of {times}" in w for w in again.warnings), again.warnings
