"""ReflexMap never goes on the network, never runs code from data, and writes only to the
user's own folders and the paths they choose."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

GUARD = textwrap.dedent(
    """
    import socket, sys, runpy
    def refuse(*args, **kwargs):
        print("NETWORK ATTEMPT", args, file=sys.stderr)
        raise OSError("network use is not allowed in this test")
    socket.socket.connect = refuse
    socket.create_connection = refuse
    socket.getaddrinfo = refuse
    sys.argv = ["reflexmap", *sys.argv[1:]]
    runpy.run_module("reflexmap", run_name="__main__")
    """
)


def snapshot(folder: Path) -> set[str]:
    return {str(p.relative_to(folder)) for p in folder.rglob("*")}


def test_commands_touch_nothing_but_their_output(tmp_path: Path):
    home = tmp_path / "home"
    work = tmp_path / "work"
    home.mkdir()
    work.mkdir()
    env = {
        **os.environ,
        "HOME": str(home),
        "XDG_CONFIG_HOME": str(home / ".config"),
        "XDG_DATA_HOME": str(home / ".local/share"),
        "XDG_CACHE_HOME": str(home / ".cache"),
        "QT_QPA_PLATFORM": "offscreen",
    }
    zones = Path(__file__).resolve().parents[1] / "zones"
    before_zones = {p.name: p.stat().st_mtime_ns for p in zones.iterdir()}
    commands = [
        ["check", *map(str, sorted(zones.glob("*.yaml")))],
        ["export", "--view", "medial", "-o", str(work / "medial.svg")],
        ["export", "--handout", "worksheet", "-o", str(work / "sheet.pdf")],
        ["--screenshot", str(work / "shot.png")],
    ]
    for command in commands:
        result = subprocess.run([sys.executable, "-c", GUARD, *command], capture_output=True, text=True,
                                timeout=120, cwd=work, env=env)  # fmt: skip
        assert result.returncode == 0, result.stderr[-2000:]
        assert "NETWORK ATTEMPT" not in result.stderr
    assert snapshot(work) == {"medial.svg", "sheet.pdf", "shot.png"}
    # the commands above keep no state; the window may only cache the validated chart
    written = [p.relative_to(home) for p in home.rglob("*") if p.is_file()]
    cache = Path(".cache/ReflexMap/ReflexMap/charts")
    # (its entries, each with the check's verdict, and the verdicts' key)
    assert all(
        p.parent == cache and (p.suffix in (".entry", ".verdict") or p.name == "verdict.key") for p in written
    ), sorted(snapshot(home))
    assert {p.name: p.stat().st_mtime_ns for p in zones.iterdir()} == before_zones
