"""Folders that cannot be written, for real: a read-only file system and a full one (tmpfs
mounts made for the test; skipped where the test may not mount). The app is played in a
child process (tests/hostile/_app_child.py): it must say so once, keep working, raise no
traceback and leave every file that was on disk as it was."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SETTINGS = Path("ReflexMap/ReflexMap/settings.json")
PROGRESS = Path("ReflexMap/ReflexMap/progress.json")


def _mount(folder: Path, size: str) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    result = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(folder)], capture_output=True
    )
    if result.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {result.stderr.decode(errors='replace').strip()}")


def _read_only(folder: Path) -> None:
    subprocess.run(["mount", "-o", "remount,ro", str(folder)], check=True)


@pytest.fixture
def mounts(tmp_path: Path):
    made: list[Path] = []

    def mount(name: str, size: str = "1m") -> Path:
        folder = tmp_path / name
        _mount(folder, size)
        made.append(folder)
        return folder

    yield mount
    for folder in reversed(made):
        subprocess.run(["umount", "-l", str(folder)], check=False)


def _play(
    tmp_path: Path, config: Path, data: Path, *, mastery: bool = False, fill: Path | None = None
) -> list[dict]:
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "HOME": str(tmp_path / "home"),
        "XDG_CONFIG_HOME": str(config),
        "XDG_DATA_HOME": str(data),
        "XDG_CACHE_HOME": str(tmp_path / "cache"),
        "PYTHONPATH": str(ROOT),
    }
    if mastery:
        env["CHILD_MASTERY"] = "1"
    if fill is not None:
        env["CHILD_FILL"] = str(fill)
    result = subprocess.run(
        [sys.executable, "-m", "tests.hostile._app_child"],
        capture_output=True, text=True, timeout=120, env=env, cwd=ROOT,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr[-3000:]
    assert "Traceback" not in result.stderr, result.stderr[-3000:]
    return json.loads(result.stdout.strip().splitlines()[-1])


def _texts(shown: list[dict]) -> str:
    return "\n".join(f"{box['title']}: {box['text']}" for box in shown)


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def test_damaged_files_in_read_only_folders_are_said_once_and_kept(tmp_path: Path, mounts):
    config, data = mounts("config"), mounts("data")
    _write(config / SETTINGS, "{{{ damaged")
    progress = (
        '{"format": "reflexmap-progress", "version": 1, "cards": {"c": {"box": 1, "due": '
        + "9" * 5000
        + "}}}"
    )
    _write(data / PROGRESS, progress)
    _read_only(config)
    _read_only(data)
    shown = _play(tmp_path, config, data, mastery=True)
    text = _texts(shown)
    settings_boxes = [box for box in shown if "settings" in box["text"].lower()]
    assert len(settings_boxes) == 1, text  # said once: at start, not again on closing
    assert "cannot be written" in settings_boxes[0]["text"] or "Read-only" in settings_boxes[0]["text"], text
    progress_boxes = [box for box in shown if box["name"] == "quiz-warning"]
    assert len(progress_boxes) == 1 and "cannot be written" in progress_boxes[0]["text"], text
    assert (config / SETTINGS).read_text() == "{{{ damaged"  # nothing on disk is lost
    assert (data / PROGRESS).read_text() == progress
    assert sorted(p.name for p in (config / SETTINGS).parent.iterdir()) == ["settings.json"]


def test_a_read_only_settings_folder_is_said_once_at_start(tmp_path: Path, mounts):
    config = mounts("config")
    before = json.dumps(
        {"format": "reflexmap-settings", "version": 1, "values": {"notes/first-run-seen": True}}
    )
    _write(config / SETTINGS, before)
    _read_only(config)
    shown = _play(tmp_path, config, tmp_path / "data")
    assert len(shown) == 1 and "cannot be written" in shown[0]["text"], _texts(shown)
    assert (config / SETTINGS).read_text() == before


def test_a_settings_folder_full_on_closing_is_said_before_the_app_ends(tmp_path: Path, mounts):
    config = mounts("config", "64k")
    before = json.dumps(
        {"format": "reflexmap-settings", "version": 1, "values": {"notes/first-run-seen": True}}
    )
    _write(config / SETTINGS, before)
    shown = _play(tmp_path, config, tmp_path / "data", fill=config / "filler")  # full while it runs
    text = _texts(shown)
    assert len(shown) == 1 and "No space left on device" in shown[0]["text"], text
    assert str(config / SETTINGS) in shown[0]["text"]
    assert (config / SETTINGS).read_text() == before  # the old file whole, no half-written one
    leftovers = sorted(p.name for p in (config / SETTINGS).parent.iterdir())
    assert set(leftovers) <= {"settings.json", "settings.json.lock", "settings.json.bak", "filler"}, leftovers
