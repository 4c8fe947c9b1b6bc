"""The app played in a child process on folders of the test's own (HOME and the XDG folders):
the environment, and the run that must end well and print one JSON line of what it saw."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def child_env(home: Path, config: Path, data: Path, cache: Path, **extra: str) -> dict[str, str]:
    """The environment of a child ReflexMap: offscreen, on these folders, this checkout."""
    return {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "HOME": str(home),
        "XDG_CONFIG_HOME": str(config),
        "XDG_DATA_HOME": str(data),
        "XDG_CACHE_HOME": str(cache),
        "PYTHONPATH": str(ROOT),
        **extra,
    }


def play(module: str, env: dict[str, str], timeout: float = 180) -> dict:
    """Run tests.hostile.<module>; it must exit 0 with no traceback. Returns its JSON line."""
    result = subprocess.run(
        [sys.executable, "-m", f"tests.hostile.{module}"],
        capture_output=True, text=True, timeout=timeout, env=env, cwd=ROOT,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr[-3000:]
    assert "Traceback" not in result.stderr, result.stderr[-3000:]
    return json.loads(result.stdout.strip().splitlines()[-1])


def spawn(module: str, env: dict[str, str]) -> subprocess.Popen:
    """Start tests.hostile.<module>, talking to it through its stdin and stdout."""
    return subprocess.Popen(
        [sys.executable, "-m", f"tests.hostile.{module}"],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        text=True, env=env, cwd=ROOT,
    )  # fmt: skip
