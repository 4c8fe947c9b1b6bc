"""Frame times of the map on a normal and a high-DPI screen (device pixel ratio 1 and 2).

Each ratio runs in a fresh process (benchmarks/_frames_child.py) on Qt's offscreen platform
with QT_SCALE_FACTOR set: the window's backing store then has that device pixel ratio, and
Qt paints every frame with that many device pixels, as a high-DPI laptop screen does.
"""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

from .startup import _env, run_child

WINDOW = "1440x900"


def frame_samples(ratio: int, runs: int, chart: Path | None = None) -> dict:
    """{"repaint_ms", "zoom_pan_ms", "ratio", "viewport", "zones"} for a 1440×900 window, and
    the same "repaint_direct_ms" and "zoom_pan_direct_ms" with every item drawn afresh."""
    with tempfile.TemporaryDirectory(prefix="reflexmap-bench-") as folder:
        env = {**_env(Path(folder)), "QT_SCALE_FACTOR": str(ratio)}
        args = [WINDOW, str(runs)] + ([str(chart)] if chart else [])
        result = json.loads(run_child("benchmarks._frames_child", args, env, timeout=600))
    if abs(result["ratio"] - ratio) > 1e-6:
        raise RuntimeError(f"asked for device pixel ratio {ratio}, the window has {result['ratio']}")
    return result
