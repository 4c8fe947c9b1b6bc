"""Chart load time (YAML parse + validation + index), first and second open, and peak memory."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

from .startup import _env, run_child


def _load(path: Path, cache: Path | None, env: dict[str, str]) -> dict:
    args = [str(path), str(cache) if cache else "-"]
    return json.loads(run_child("benchmarks._load_child", args, env, timeout=600))


def load_samples(path: Path, runs: int) -> dict[str, list[float]]:
    """First open (nothing cached: every check runs) and second open (the validated cache)."""
    with tempfile.TemporaryDirectory(prefix="reflexmap-bench-") as folder:
        env = _env(Path(folder))
        cache = Path(folder) / "charts"
        first = [_load(path, None, env) for _ in range(runs)]
        _load(path, cache, env)  # fills the cache
        second = [_load(path, cache, env) for _ in range(runs)]
    return {
        "first_ms": [s["ms"] for s in first],
        "second_ms": [s["ms"] for s in second],
        "first_peak_mib": [s["rss_peak_kib"] / 1024 for s in first],
        "first_growth_mib": [(s["rss_peak_kib"] - s["rss_before_kib"]) / 1024 for s in first],
        "second_peak_mib": [s["rss_peak_kib"] / 1024 for s in second],
    }
