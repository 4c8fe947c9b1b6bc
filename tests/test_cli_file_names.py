"""The command line's file names: an empty one names no file and is refused as any bad value is
(`--chart ""` opened the built-in chart without a word, `--screenshot ""` opened the whole
window with nothing to end it, `check ""` and `-o ""` spoke of the folder "."); a folder or a
device given to --screenshot is said before the window opens."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from reflexmap.cli import main

EMPTY = [
    ["--chart", "", "export", "-o", "out.png"],
    ["export", "--chart", "", "-o", "out.png"],
    ["export", "-o", ""],
    ["export", "--handout", "chart", "-o", ""],
    ["check", ""],
    ["check", "tests/data/small.yaml", ""],
]


@pytest.mark.parametrize("arguments", EMPTY, ids=lambda a: " ".join(repr(x) for x in a))
def test_an_empty_file_name_is_refused_plainly(arguments, tmp_path: Path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    with pytest.raises(SystemExit) as stopped:
        main(arguments)
    assert stopped.value.code == 2
    captured = capsys.readouterr()
    assert "an empty name is not a file" in captured.err.splitlines()[-1], captured.err
    assert captured.out == "" and list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("option", ["--chart", "--screenshot"])
def test_an_empty_chart_or_screenshot_name_is_refused_no_window_opened(option, tmp_path: Path):
    """In a child process: the old code opened the window (and never closed it)."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    done = subprocess.run(
        [sys.executable, "-m", "reflexmap", option, ""],
        capture_output=True,
        text=True,
        timeout=30,
        env=env,
        cwd=tmp_path,
    )
    assert done.returncode == 2
    assert done.stderr.splitlines()[-1] == f"reflexmap: error: argument {option}: an empty name is not a file"


@pytest.mark.parametrize("where", ["folder", "device"])
def test_a_screenshot_into_a_folder_or_device_is_said_before_the_window(where, tmp_path: Path, capsys):
    target = tmp_path if where == "folder" else Path(os.devnull)
    assert main(["--screenshot", str(target)]) == 1
    err = capsys.readouterr().err
    what = "a folder" if where == "folder" else "a device, pipe or socket"
    assert err == f"reflexmap: {target} is not a regular file ({what}); choose another file name\n"
