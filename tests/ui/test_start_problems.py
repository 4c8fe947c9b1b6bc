"""What goes wrong while starting is said in one message, never as dialogs stacked one after
another: a damaged settings file and a last chart that no longer loads, together."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QDialog, QMessageBox

from reflexmap.atlas import read_atlas
from reflexmap.settings import Settings


def _shown_dialogs(window) -> list[QDialog]:
    return [d for d in window.findChildren(QDialog) if d.isVisible()]


def test_problems_at_start_are_said_in_one_message(qtbot, tmp_path: Path):
    from reflexmap.ui.app import application, create_window

    application()
    settings_path = tmp_path / "settings.json"
    settings_path.write_text("[1, 2", encoding="utf-8")  # damaged (the first-run note is due again)
    chart = tmp_path / "last <b>chart.yaml"
    chart.write_text("atlas_format: 1\nid: x\ntitle: [unclosed\n", encoding="utf-8")
    errors = read_atlas(chart).errors
    window = create_window(None, Settings(settings_path), progress_path=tmp_path / "progress.json")
    qtbot.addWidget(window)
    window.show()
    window.show_errors(chart.name, errors)  # as the app does when the last chart fails to load
    qtbot.waitUntil(lambda: window.findChild(QMessageBox, "start-problems") is not None)
    qtbot.wait(20)
    box = window.findChild(QMessageBox, "start-problems")
    assert _shown_dialogs(window) == [box]  # one message; the note waits until it is read
    assert "2 problems" in box.text()
    told = box.informativeText()
    # the whole path of the file, and of the copy kept (was the file's name alone)
    assert told.startswith(f"Settings: \u2068{settings_path}\u2069:1:6: ") and "could not be used" in told
    assert f"kept as \u2068{settings_path}.damaged-" in told
    assert "Chart not loaded: " in told and "<b>chart" in told  # shown as written
    assert f"{chart}:3:8:" in box.detailedText()
    box.done(0)
    qtbot.waitUntil(lambda: window.findChild(QDialog, "note-first-run") is not None)
    assert window.findChild(QDialog, "note-first-run").isVisible()


def test_one_problem_at_start_keeps_its_own_dialog(qtbot, tmp_path: Path):
    from reflexmap.ui.app import application, create_window

    application()
    settings = Settings(tmp_path / "settings.json")
    settings.setValue("notes/first-run-seen", True)
    chart = tmp_path / "last.yaml"
    chart.write_text("atlas_format: 1\nid: x\ntitle: [unclosed\n", encoding="utf-8")
    window = create_window(None, settings, progress_path=tmp_path / "progress.json")
    qtbot.addWidget(window)
    window.show()
    window.show_errors(chart.name, read_atlas(chart).errors)
    qtbot.waitUntil(lambda: window.findChild(QMessageBox, "chart-errors") is not None)
    box = window.findChild(QMessageBox, "chart-errors")
    assert "last.yaml has 1 error" in box.text() and f"{chart}:3:8:" in box.detailedText()
    assert window.findChild(QMessageBox, "start-problems") is None


def _start_after_a_crash(tmp_path: Path, *, damaged_settings: bool) -> dict:
    """A real start (reflexmap.ui.app.run in a child) after a crash left work on a chart."""
    import shutil

    from tests.hostile.children import child_env, play

    chart = tmp_path / "my chart.yaml"
    shutil.copyfile(Path(__file__).parents[1] / "data" / "small.yaml", chart)
    folders = [tmp_path / name for name in ("home", "config", "data", "cache")]
    for folder in folders:
        folder.mkdir()
    extra = {"REFLEXMAP_TEST_CHART": str(chart), "LANGUAGE": "en"}
    if damaged_settings:
        extra["REFLEXMAP_TEST_DAMAGE"] = "1"
    return play("_questions_child", child_env(*folders, **extra), timeout=120)


def test_problems_at_start_come_before_the_recovery_question_never_under_it(tmp_path: Path):
    facts = _start_after_a_crash(tmp_path, damaged_settings=True)
    assert facts["most_at_once"] == 1, facts  # one box at a time
    # the problems first (they say why the settings are back to their defaults), then the
    # question about the work, then the note a first run shows (the settings were set aside)
    assert facts["order"] == ["settings-warning", "recover-autosave", "note-first-run"], facts


def test_the_recovery_question_alone_comes_at_once(tmp_path: Path):
    facts = _start_after_a_crash(tmp_path, damaged_settings=False)
    assert facts["order"] == ["recover-autosave"] and facts["most_at_once"] == 1, facts


def test_a_settings_problem_while_the_recovery_question_is_up_waits_for_it(
    qtbot, make_window, tmp_path: Path, monkeypatch
):
    """The settings cannot be written (a full disk) while the crash-recovery question is up:
    the message comes once the question is answered, not on top of it."""
    import errno
    import shutil
    import time

    from reflexmap.ui.editor import autosaving

    chart = tmp_path / "work.yaml"
    shutil.copyfile(Path(__file__).parents[1] / "data" / "small.yaml", chart)
    autosave = autosaving.autosave_path(chart)
    shutil.copyfile(chart, autosave)
    autosaving._write_index([{"autosave": str(autosave), "chart": str(chart), "time": time.time()}])
    window = make_window()
    qtbot.waitUntil(lambda: [d.objectName() for d in _shown_dialogs(window)] == ["recover-autosave"])

    def full(*args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr("reflexmap.settings.write_with_backup", full)
    window.settings.setValue("view/labels", False)  # any change written while the box is up
    qtbot.wait(100)
    (question,) = _shown_dialogs(window)
    assert question.objectName() == "recover-autosave"
    later = next(b for b in question.buttons() if question.buttonRole(b) == QMessageBox.ButtonRole.RejectRole)
    later.click()
    qtbot.waitUntil(lambda: [d.objectName() for d in _shown_dialogs(window)] == ["settings-warning"])
    assert "No space left on device" in _shown_dialogs(window)[0].text()
