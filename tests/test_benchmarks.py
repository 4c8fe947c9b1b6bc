"""The benchmark suite runs (on a tiny chart, once): no timing is asserted here."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from benchmarks.hostile_limits import WITHIN_LIMITS

ROOT = Path(__file__).resolve().parents[1]
MEASURES = {
    "Start to first paint: bare PySide6 + Shapely",
    "Start to first paint: ReflexMap",
    "Start to ready for clicks: ReflexMap",
    "Load, first open (parse + validate + index)",
    "Load, second open (validated cache + index)",
    "Peak memory of a process that loads it (first open)",
    "Hit test alone (plain scan, as the app does)",  # tiny charts: no view has a tree
    "Click to answer (mouse event → info panel updated)",
    "Render the whole view at 1920×1080 (projector, ratio 1)",
    "Frame: full repaint of the map, 1440×900 window, ratio 2",
    "Frame: zoom and pan by wheel and drag, 1440×900 window, ratio 1",
    "Frame: zoom and pan by wheel and drag, 1440×900 window, ratio 2",
    *(
        f"Zoom: {what}, ratio {ratio}"
        for what in ("crisp again after the last notch", "longest frame while it turns crisp")
        for ratio in (1, 2)
    ),
    "Answer to saved (FSRS + one SQLite transaction, synchronous=FULL)",
    "Statistics window: figures computed, shown and painted",
    "Editor: drag release to redrawn (edit, check, map rebuilt and painted)",
    "Editor: drag release to redrawn, rings written as block lists (yaml.safe_dump)",
    "Editor: a mouse move dragging a corner of a huge zone (overlay, live check, fill), CPU",
    "Editor: a huge zone's corner dropped (written, checked, map redrawn), CPU",
    "Editor: enter edit mode (file read as a document and checked), CPU",
    "Editor: enter edit mode just after opening the chart (not walked again), CPU",
    "Editor: enter edit mode, rings indented by 4 (yaml.safe_dump indent=4), CPU",
    "Editor: a zone deleted, the chart checked (structural edit), CPU",
    *(
        f"Over-limit file refused (too many {what}): {figure}"
        for what in ("points", "zones", "bytes", "zones, written with anchors")
        for figure in ("time", "peak memory")
    ),
    *(
        f"Over-limit file refused ({what}): {figure}"
        for what in ("too many items, quoted texts", "too long a text, 150,000 lines of prose")
        for figure in ("time", "peak memory")
    ),
    *(  # huge files within every limit: a row each for CPU and peak memory
        f"Within the limits ({name}): {figure}" for name in WITHIN_LIMITS for figure in ("CPU", "peak memory")
    ),
}


def test_quick_benchmark_run_prints_a_table_and_writes_json(tmp_path: Path):
    out = tmp_path / "results.json"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "benchmarks",
            "--quick",
            "--json",
            str(out),
            "--work",
            str(tmp_path / "charts"),
        ],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    report = json.loads(out.read_text(encoding="utf-8"))
    figures = report["figures"]
    assert {f["name"] for f in figures} == MEASURES
    assert {f["chart"] for f in figures} >= {"built-in", "40 zones", "100,000 reviews", "built-in ×2"}
    for figure in figures:
        assert figure["samples"] and all(s >= 0 for s in figure["samples"]), figure
        assert figure["median"] > 0 or figure["unit"] == "MiB"
        assert figure["name"] in result.stdout  # the same figures in the printed table
    assert "| Measure" in result.stdout
    scans = [f for f in figures if f["name"].startswith("Hit test alone")]
    assert scans and all("Shapely STRtree: " in f["baseline"] for f in scans)  # measured beside it
    frames = [f for f in figures if f["name"].startswith("Frame:")]
    assert len(frames) == 3 and all(f["target"] and f["met"] is not None for f in frames)
    assert all(f["p90"] is not None for f in frames)  # the 90th percentile is part of the target
    settles = [f for f in figures if f["name"].startswith("Zoom:")]  # a zoom's scaled preview …
    assert len(settles) == 4 and all(f["target"] and f["met"] is not None for f in settles)
    assert all(f["median"] > 0 for f in settles)  # … turns crisp, measured after every turn


def test_quick_soak_day_leaves_no_widgets_behind(tmp_path: Path):
    """`--soak --quick`: the scripted day, every count scaled down, in one process. The live
    widget counts are deterministic, so their verdict is checked; memory and time are not."""
    out = tmp_path / "soak.json"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run(
        [sys.executable, "-m", "benchmarks", "--soak", "--quick", "--json", str(out)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    report = json.loads(out.read_text(encoding="utf-8"))
    kinds = {k["kind"]: k for k in report["kinds"]}
    assert len(kinds) == 8 and all(k["times"] >= 2 for k in kinds.values())
    for kind in kinds.values():
        assert kind["after"] - kind["before"] <= 10, kind
    names = {f["name"] for f in report["figures"]}
    assert "Soak: memory (RSS) growth over the day" in names
    assert "Soak: click to answer at the end of the day" in names
    widgets = next(f for f in report["figures"] if f["name"].startswith("Soak: live widgets"))
    assert widgets["met"] is True
    assert "| Measure" in result.stdout and "| Kind" in result.stdout


def test_the_start_up_rows_alone_compare_two_checkouts_by_turns(tmp_path: Path):
    """`--startup --against DIR`: the start-up rows alone, for this checkout and the one at
    DIR (here the same code), each round starting the bare window and both by turns; the
    full run's JSON (the README's table) is not written over, only the file asked for."""
    out = tmp_path / "startup.json"
    results = ROOT / "benchmarks" / "results.json"
    before = results.read_bytes()
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run(
        [sys.executable, "-m", "benchmarks", "--startup", "--runs", "2", "--against", str(ROOT)]
        + ["--json", str(out)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    assert results.read_bytes() == before
    figures = json.loads(out.read_text(encoding="utf-8"))["figures"]
    assert [f["name"] for f in figures] == [
        "Start to first paint: bare PySide6 + Shapely",
        "Start to first paint: ReflexMap",
        "Start to ready for clicks: ReflexMap",
        f"Start to first paint: ReflexMap at {ROOT}",
        f"Start to ready for clicks: ReflexMap at {ROOT}",
    ]
    assert all(len(f["samples"]) == 2 and min(f["samples"]) > 0 for f in figures)
    assert all("× baseline" in f["baseline"] for f in figures[1:])
    assert "load average" in result.stdout and "| Measure" in result.stdout
