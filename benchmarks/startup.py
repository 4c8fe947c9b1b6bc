"""Process start to first paint, for ReflexMap and for a bare PySide6 + Shapely window."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _env(home: Path) -> dict[str, str]:
    """A throwaway user: the benchmark never touches the real settings, progress or cache.

    Bytecode is written as for an installed package (pip compiles it at install time);
    a shell with PYTHONDONTWRITEBYTECODE would otherwise recompile ReflexMap at every start."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    return {
        **env,
        "QT_QPA_PLATFORM": "offscreen",
        "HOME": str(home),
        "XDG_CONFIG_HOME": str(home / "config"),
        "XDG_DATA_HOME": str(home / "data"),
        "XDG_CACHE_HOME": str(home / "cache"),
        "PYTHONPATH": str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", ""),
    }


def run_child(module: str, args: list[str], env: dict[str, str], timeout: float = 120) -> str:
    """The last line a benchmark child process (`python -m module args`) prints."""
    out = subprocess.run(
        [sys.executable, "-m", module, *args],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=True,
    )
    return out.stdout.strip().splitlines()[-1]


def _start(args: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Milliseconds from starting a Python process to the first paint it reports, and to
    the moment it reports it can answer a click."""
    started = time.time()
    painted, ready = (float(t) for t in run_child("benchmarks._startup_child", args, env).split())
    return (painted - started) * 1000, (ready - started) * 1000


def startup_times(runs: int) -> tuple[list[float], list[float], list[float]]:
    """(bare baseline ms, ReflexMap to first paint ms, ReflexMap to ready ms), measured
    alternately so both see the same machine. The baseline is ready when it paints."""
    with tempfile.TemporaryDirectory(prefix="reflexmap-bench-") as folder:
        env = _env(Path(folder))
        subprocess.run(
            [sys.executable, "-m", "benchmarks._startup_child", "prepare"], env=env, cwd=ROOT, check=True
        )
        _start(["bare"], env)  # warm the file cache for both
        _start(["app"], env)
        bare, painted, ready = [], [], []
        for _ in range(runs):
            bare.append(_start(["bare"], env)[0])
            first, clicks = _start(["app"], env)
            painted.append(first)
            ready.append(clicks)
    return bare, painted, ready
