"""Chart load time (YAML parse + validation + index), first and second open, and peak memory."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

from .startup import _env, run_child


def _load(path: Path, cache: Path | None, env: dict[str, str], how: str = "now") -> dict:
    args = [str(path), str(cache) if cache else "-", how]
    return json.loads(run_child("benchmarks._load_child", args, env, timeout=600))


def load_samples(path: Path, runs: int, before_runs: int = 0) -> dict[str, list[float]]:
    """First open (nothing cached: every check runs) and second open (the validated cache);
    with `before_runs`, also first opens checked as before issue 19 (the baseline),
    alternating with the others so that both see the same machine."""
    with tempfile.TemporaryDirectory(prefix="reflexmap-bench-") as folder:
        env = _env(Path(folder))
        cache = Path(folder) / "charts"
        first, before = [], []
        for run in range(runs):
            first.append(_load(path, None, env))
            if run < before_runs:
                before.append(_load(path, None, env, "before"))
        _load(path, cache, env)  # fills the cache
        second = [_load(path, cache, env) for _ in range(runs)]
    return {
        "first_ms": [s["ms"] for s in first],
        "before_first_ms": [s["ms"] for s in before],
        "first_cpu_ms": [s["cpu_ms"] for s in first],
        "before_first_cpu_ms": [s["cpu_ms"] for s in before],
        "second_ms": [s["ms"] for s in second],
        "first_peak_mib": [s["rss_peak_kib"] / 1024 for s in first],
        "first_growth_mib": [(s["rss_peak_kib"] - s["rss_before_kib"]) / 1024 for s in first],
        "second_peak_mib": [s["rss_peak_kib"] / 1024 for s in second],
    }
