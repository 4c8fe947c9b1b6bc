"""Process start to first paint, for ReflexMap and for a bare PySide6 + Shapely window."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _env(home: Path, root: Path = ROOT) -> dict[str, str]:
    """A throwaway user: the benchmark never touches the real settings, progress or cache.

    Bytecode is written as for an installed package (pip compiles it at install time);
    a shell with PYTHONDONTWRITEBYTECODE would otherwise recompile ReflexMap at every start.
    `root`: the checkout whose ReflexMap starts (another one's, to compare by turns)."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    return {
        **env,
        "QT_QPA_PLATFORM": "offscreen",
        "HOME": str(home),
        "XDG_CONFIG_HOME": str(home / "config"),
        "XDG_DATA_HOME": str(home / "data"),
        "XDG_CACHE_HOME": str(home / "cache"),
        "PYTHONPATH": str(root) + os.pathsep + os.environ.get("PYTHONPATH", ""),
    }


def run_child(
    module: str, args: list[str], env: dict[str, str], timeout: float = 120, root: Path = ROOT
) -> str:
    """The last line a benchmark child process (`python -m module args`) prints."""
    out = subprocess.run(
        [sys.executable, "-m", module, *args],
        env=env,
        cwd=root,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=True,
    )
    return out.stdout.strip().splitlines()[-1]


def _start(args: list[str], env: dict[str, str], root: Path = ROOT) -> tuple[float, float]:
    """Milliseconds from starting a Python process to the first paint it reports, and to
    the moment it reports it can answer a click."""
    started = time.time()
    painted, ready = (float(t) for t in run_child("benchmarks._startup_child", args, env, root=root).split())
    return (painted - started) * 1000, (ready - started) * 1000


def startup_times(runs: int) -> tuple[list[float], list[float], list[float]]:
    """(bare baseline ms, ReflexMap to first paint ms, ReflexMap to ready ms), measured
    alternately so both see the same machine. The baseline is ready when it paints."""
    bare, starts = startup_by_turns(runs, [ROOT])
    return bare, *starts[0]


def startup_by_turns(
    runs: int, roots: list[Path]
) -> tuple[list[float], list[tuple[list[float], list[float]]]]:
    """The bare baseline and the ReflexMap of each checkout in `roots` (this one, and others
    to compare with: `python -m benchmarks --startup --against DIR`), started by turns in
    each of `runs` rounds, so that all see the same machine: (bare ms, [(to first paint ms,
    to ready ms) of each root]). Each checkout has its own throwaway user, started once
    before (first-run note seen, chart cache warm)."""
    with tempfile.TemporaryDirectory(prefix="reflexmap-bench-") as folder:
        envs = [_env(Path(folder) / f"user-{n}", root) for n, root in enumerate(roots)]
        for root, env in zip(roots, envs, strict=True):
            subprocess.run(
                [sys.executable, "-m", "benchmarks._startup_child", "prepare"], env=env, cwd=root, check=True
            )
            _start(["bare"], env, root)  # warm the file cache for both
            _start(["app"], env, root)
        bare: list[float] = []
        starts: list[tuple[list[float], list[float]]] = [([], []) for _ in roots]
        for _ in range(runs):
            bare.append(_start(["bare"], envs[0], roots[0])[0])
            for root, env, (painted, ready) in zip(roots, envs, starts, strict=True):
                first, clicks = _start(["app"], env, root)
                painted.append(first)
                ready.append(clicks)
    return bare, starts
