"""What a start does before its first paint: draw the cached chart, and nothing that can wait.

Shapely and NumPy are a third of a start; the chart is drawn without them, and the
hit-testing is made ready right after the first paint, before any click is handled: for
the built-in chart (a few dozen zones a view) without them at all, for a large chart with
Shapely's trees. Each start is a fresh process (this one has imported everything long ago)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from benchmarks.startup import ROOT, _env, run_child


def _start(env: dict[str, str], *args: str) -> dict:
    return json.loads(run_child("tests.startup_probe", list(args), env))


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    """A throwaway user who has started ReflexMap once: first-run note seen, chart cached."""
    env = _env(tmp_path)
    subprocess.run(
        [sys.executable, "-m", "benchmarks._startup_child", "prepare"], env=env, cwd=ROOT, check=True
    )
    return env


def test_a_cached_chart_is_painted_before_shapely_is_imported(env):
    seen = _start(env)
    assert {k: v for k, v in seen.items() if "editor" not in k and "drawings" not in k} == {
        "painted": [],
        "warm at paint": False,
        "ready": [],  # a click on the built-in chart needs neither Shapely nor NumPy
        "warm when ready": True,
    }


def test_the_first_paint_builds_no_editor_and_draws_the_chart_at_most_twice(env):
    """Edit mode, undo and saving are built when first used, not at start; the chart is
    drawn once when the window is made (before it has its size) and once more at its size
    with text large enough to read: not again to find that size."""
    seen = _start(env)
    assert seen["editor at paint"] is False and seen["editor modules at paint"] == []
    assert seen["editor when ready"] is False
    assert seen["drawings at paint"] <= 2


def test_a_chart_not_yet_cached_is_checked_before_it_is_painted(env, tmp_path: Path):
    """The first open of a file validates it, geometry included: Shapely is needed then."""
    chart = tmp_path / "copy.yaml"
    chart.write_bytes((ROOT / "zones" / "alternative-placements.yaml").read_bytes())
    seen = _start(env, "--chart", str(chart))
    assert "shapely" in seen["painted"] and "yaml" in seen["painted"]
    assert seen["warm when ready"] is True
