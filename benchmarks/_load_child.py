"""Loads one chart in a fresh process and prints its load time and peak memory as JSON.

A fresh process per sample, so the peak resident size is that of this one load."""

from __future__ import annotations

import json
import resource
import sys
import time


def _peak_kib() -> int:
    """This process's peak resident size. VmHWM, not ru_maxrss: after fork + exec, Linux's
    ru_maxrss still counts the parent's memory at the fork."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def _as_before_issue_19() -> None:
    """The baseline: the file parsed event by event (its point lists too), every zone
    through jsonschema and every polygon through the per-polygon checks, one by one, as the
    loader did before issue 19's fast paths (same results). The walk that refuses an
    over-limit file before parsing (issue 14) runs in both: it is a check, not a shortcut."""
    from reflexmap.atlas import point_lists, schema
    from reflexmap.atlas.builder import Builder

    schema._without_sound_zones = lambda data: data
    Builder.sound_shapes = lambda self, views: set()
    point_lists.splice = lambda text: None  # point lists read from the text directly


def main(path: str, cache_folder: str, how: str = "now") -> None:
    import numpy  # noqa: F401
    import shapely  # noqa: F401

    from reflexmap.atlas import read_atlas
    from reflexmap.atlas.cache import AtlasCache

    if how == "before":
        _as_before_issue_19()

    # Shapely and NumPy are imported before the clock starts: the window has them by the
    # time a chart is opened (start-up imports them just after its first paint), and a
    # load is the work on the file, not a library's import.
    cache = AtlasCache(cache_folder) if cache_folder != "-" else None
    before = _peak_kib()
    started, cpu = time.perf_counter(), time.process_time()
    result = read_atlas(path, cache)
    if not result.ok:
        raise SystemExit(f"{path}: {result.errors[0]}")
    # the window builds the hit-test trees just after its first paint; a load counts them
    result.atlas.index.warm()
    elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu
    peak = _peak_kib()
    # CPU time beside the wall time: on a machine shared with other work the wall time
    # measures the queue as much as the load
    sample = {"ms": elapsed * 1000, "cpu_ms": cpu * 1000, "rss_before_kib": before, "rss_peak_kib": peak}
    print(json.dumps(sample))


if __name__ == "__main__":
    main(*sys.argv[1:4])
