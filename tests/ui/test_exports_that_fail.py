"""File → Export chart… and File → Handouts… when the file cannot be written, played through
the window on real file systems (tmpfs mounts made for the test; skipped where the test may
not mount): a full disk, a read-only folder, a device, a folder, a name too long. The window
says what went wrong naming the user's file (never the hidden temporary), leaves no
truncated or temporary file, and keeps the file that was there."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox

KINDS = ["png", "svg", "pdf", "html", "apkg", "handout"]


def _fill(folder: Path) -> None:
    fd = os.open(folder / "filler", os.O_WRONLY | os.O_CREAT)
    try:
        while os.write(fd, b"\0" * 4096):
            pass
    except OSError:
        pass
    finally:
        os.close(fd)


def _export(qtbot, window, kind: str, target: Path, monkeypatch) -> str | None:
    """The export as a person does it; the text of the message it ends with, if any."""
    from reflexmap.ui import dialogs

    for box in QApplication.topLevelWidgets():
        if isinstance(box, QMessageBox):
            box.close()
    if kind == "handout":
        monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
        window.handout_action.trigger()
        dialog = next(
            w for w in QApplication.topLevelWidgets() if w.objectName() == "handouts" and w.isVisible()
        )
        dialog.save_button.click()
    else:
        monkeypatch.setattr(dialogs, "save_file", lambda *a: str(target))
        window.export_action.trigger()
    name = "export-failed"  # as every export says it
    qtbot.wait(20)
    shown = [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()]
    failed = [w for w in shown if w.objectName() == name]
    for dialog in [
        w for w in QApplication.topLevelWidgets() if w.objectName() == "handouts" and w.isVisible()
    ]:
        dialog.close()
    return failed[0].text() if failed else None


def _target(folder: Path, kind: str, stem: str = "chart") -> Path:
    return folder / (f"{stem}.pdf" if kind == "handout" else f"{stem}.{kind}")


def _says(text: str | None, target: Path, *reasons: str) -> None:
    assert text is not None, "the window said nothing"
    assert text.lower().count("could not write") <= 1, text  # said once
    assert str(target) in text, text
    assert f"/.{target.name}." not in text, text  # never the hidden temporary
    assert any(reason in text for reason in reasons), text


@pytest.mark.parametrize("kind", KINDS)
def test_a_full_disk(qtbot, window, mount, monkeypatch, kind):
    folder = mount("full")
    old = _target(folder, kind, "old")
    old.write_bytes(b"the old file, whole")
    _fill(folder)
    target = _target(folder, kind)
    _says(_export(qtbot, window, kind, target, monkeypatch), target, "No space left on device")
    assert not target.exists()
    _says(_export(qtbot, window, kind, old, monkeypatch), old, "No space left on device")
    assert old.read_bytes() == b"the old file, whole"
    assert sorted(p.name for p in folder.iterdir()) == sorted(["filler", old.name])  # no temporary


@pytest.mark.parametrize("kind", KINDS)
def test_a_read_only_folder(qtbot, window, mount, monkeypatch, kind):
    folder = mount("read-only")
    old = _target(folder, kind, "old")
    old.write_bytes(b"the old file, whole")
    subprocess.run(["mount", "-o", "remount,ro", str(folder)], check=True)
    for target in (_target(folder, kind), old):
        _says(_export(qtbot, window, kind, target, monkeypatch), target, "Read-only file system")
    assert old.read_bytes() == b"the old file, whole"
    assert sorted(p.name for p in folder.iterdir()) == [old.name]


@pytest.mark.parametrize("kind", KINDS)
def test_a_device_or_a_folder_is_refused(qtbot, window, tmp_path, monkeypatch, kind):
    import stat

    device = _target(tmp_path, kind, "device")  # a twin of /dev/null, named as an export
    try:
        os.mknod(device, stat.S_IFCHR | 0o666, os.makedev(1, 3))
    except PermissionError:
        pytest.skip("cannot make a device node here")
    _says(_export(qtbot, window, kind, device, monkeypatch), device, "not a regular file")
    assert device.is_char_device()
    folder = tmp_path / ("folder.pdf" if kind == "handout" else f"folder.{kind}")
    folder.mkdir()
    _says(_export(qtbot, window, kind, folder, monkeypatch), folder, "not a regular file")
    assert folder.is_dir() and not any(folder.iterdir())


@pytest.mark.parametrize("kind", KINDS)
def test_a_long_name_is_written_and_one_too_long_is_said(qtbot, window, tmp_path, monkeypatch, kind):
    tmp_path = tmp_path / "exports"
    tmp_path.mkdir()
    longest = _target(tmp_path, kind, "x" * (255 - len(".apkg")))  # as long as a name may be
    longest = longest.with_name(longest.name[-255:])
    assert _export(qtbot, window, kind, longest, monkeypatch) is None
    assert longest.is_file() and longest.stat().st_size > 0
    too_long = _target(tmp_path, kind, "y" * 300)
    _says(_export(qtbot, window, kind, too_long, monkeypatch), too_long, "File name too long")
    assert sorted(p.name for p in tmp_path.iterdir()) == [longest.name]  # nothing half-written


def test_a_temporary_folder_that_cannot_be_written_is_said_once_and_the_deck_is_made(
    qtbot, window, mount, monkeypatch, tmp_path: Path
):
    """The system's temporary folder is read-only (a tmpfs remounted so; TMPDIR pointing at a
    full or read-only disk is the same): the Anki deck draws its pictures and genanki builds
    its database there, so the export failed with "Read-only file system" as if the user's
    own folder were read-only. Now the work files are made beside the deck (and removed), the
    deck is written, and a message says so once, naming the temporary folder."""
    import tempfile
    import zipfile

    system = mount("system-temporary")
    subprocess.run(["mount", "-o", "remount,ro", str(system)], check=True)
    monkeypatch.setattr(tempfile, "tempdir", str(system))
    folder = tmp_path / "exports"
    folder.mkdir()
    first = folder / "deck.apkg"
    assert _export(qtbot, window, "apkg", first, monkeypatch) is None
    with zipfile.ZipFile(first) as deck:
        assert "collection.anki2" in deck.namelist() and deck.testzip() is None
    (box,) = [
        w for w in QApplication.topLevelWidgets() if w.objectName() == "temporary-folder" and w.isVisible()
    ]
    said = box.text()
    assert str(system) in said and "deck.apkg" in said and "Read-only file system" in said, said
    assert str(first) in window.statusBar().currentMessage()
    box.close()
    assert sorted(p.name for p in folder.iterdir()) == ["deck.apkg"]  # no work file left beside it
    second = folder / "again.apkg"
    assert _export(qtbot, window, "apkg", second, monkeypatch) is None
    assert second.is_file()
    assert not [
        w for w in QApplication.topLevelWidgets() if w.objectName() == "temporary-folder" and w.isVisible()
    ]
    assert list(system.iterdir()) == []


def test_exported_stays_in_the_status_bar_while_the_box_about_the_export_is_up(
    qtbot, window, mount, monkeypatch, tmp_path: Path
):
    """The deck is written, and a box says its work files went beside it: "Exported …" was
    timed from when it was said (5 s) and was gone while the student still read the box.
    It now stays while the box is up and for SAID_MS after it closes."""
    import tempfile

    from reflexmap.ui import export_controller

    monkeypatch.setattr(export_controller, "SAID_MS", 1500, raising=False)
    system = mount("system-temporary")
    subprocess.run(["mount", "-o", "remount,ro", str(system)], check=True)
    monkeypatch.setattr(tempfile, "tempdir", str(system))
    deck = tmp_path / "deck.apkg"
    assert _export(qtbot, window, "apkg", deck, monkeypatch) is None
    (box,) = [
        w for w in QApplication.topLevelWidgets() if w.objectName() == "temporary-folder" and w.isVisible()
    ]
    qtbot.wait(6_000)  # longer than the message used to last; the box is still up
    assert box.isVisible() and str(deck) in window.statusBar().currentMessage()
    box.close()
    qtbot.wait(500)
    assert str(deck) in window.statusBar().currentMessage()  # still there just after
    qtbot.waitUntil(lambda: str(deck) not in window.statusBar().currentMessage(), timeout=5_000)
