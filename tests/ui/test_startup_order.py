"""What a start does before its first paint: draw the cached chart, and nothing that can wait.

Shapely and NumPy are a third of a start; the chart is drawn without them, and the
hit-test trees are built right after the first paint, before any click is handled.
Each start is a fresh process (this one has imported everything long ago)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from benchmarks.startup import ROOT, _env

PROBE = """
import json, sys
from PySide6.QtWidgets import QApplication
from reflexmap.cli import main
from reflexmap.ui.main_window import MainWindow

seen = {}

def loaded():
    return sorted(name for name in ("shapely", "numpy", "yaml", "jsonschema") if name in sys.modules)

def window():
    return next(w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow))

def painted():
    seen["painted"] = loaded()
    seen["warm at paint"] = window().state.atlas.index.is_warm()

def ready():
    seen["ready"] = loaded()
    seen["warm when ready"] = window().state.atlas.index.is_warm()
    print(json.dumps(seen))
    QApplication.instance().exit(0)

main(sys.argv[1:], on_first_paint=painted, on_ready=ready)
"""


def _start(env: dict[str, str], *args: str) -> dict:
    out = subprocess.run(
        [sys.executable, "-c", PROBE, *args],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def test_a_cached_chart_is_painted_before_shapely_is_imported(tmp_path: Path):
    env = _env(tmp_path)
    subprocess.run(
        [sys.executable, "-m", "benchmarks._startup_child", "prepare"], env=env, cwd=ROOT, check=True
    )
    seen = _start(env)
    assert seen == {
        "painted": [],
        "warm at paint": False,
        "ready": ["numpy", "shapely"],
        "warm when ready": True,
    }


def test_a_chart_not_yet_cached_is_checked_before_it_is_painted(tmp_path: Path):
    """The first open of a file validates it, geometry included: Shapely is needed then."""
    env = _env(tmp_path)
    subprocess.run(
        [sys.executable, "-m", "benchmarks._startup_child", "prepare"], env=env, cwd=ROOT, check=True
    )
    chart = tmp_path / "copy.yaml"
    chart.write_bytes((ROOT / "zones" / "alternative-placements.yaml").read_bytes())
    seen = _start(env, "--chart", str(chart))
    assert "shapely" in seen["painted"] and "yaml" in seen["painted"]
    assert seen["warm when ready"] is True
