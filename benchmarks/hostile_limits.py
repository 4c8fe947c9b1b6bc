"""Time and peak memory of refusing each over-limit file of the hostile corpus.

    python -m benchmarks.hostile_limits

Each file is checked by `reflexmap check` in its own child process with an address-space
cap (1 GiB); the figure is the child's wall time (start-up included) and its peak resident
memory as the child itself reports it at exit (VmHWM; see benchmarks/_peak_child.py).
tests/hostile/test_limits.py runs the same measurement and asserts the memory bound; the
README quotes this table.
"""

from __future__ import annotations

import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CAP_BYTES = 1024 * 1024 * 1024
UNUSUAL_FORMS = (  # tests/hostile/cases.py names them too (UNUSUAL_FORMS there)
    "polygon of 100,001 points, tabs between the numbers",
    "50,000 zones with NEL line ends",
    "50,000 zones with line and paragraph separators (U+2028, U+2029) for line ends",
    "50,000 zones, CRLF and LF mixed, a BOM, %YAML, '---' and '...'",
    "50,000 zones, tabs before values and comments",
    "50,000 zones with notes in double quotes over two lines (escapes, a '\\' line end)",
    "50,000 zones with notes in single quotes over three lines",
    "50,000 zones with folded notes ('>-', an indentation indicator)",
    "50,000 zones with a comment after each dash",
    "50,000 zones with tags (!!seq, !!str, !!map)",
    "50,000 zones with shapes as flow mappings over several lines",
    "50,000 zones with explicit keys ('? ')",
    "polygon of 100,001 points over lines, a comment on each",
    "folded block of 6,100,000 characters",
    "double-quoted text of 6,600,000 characters over lines, with escapes",
    "single-quoted text of 6,000,000 characters over lines",
)
LIMIT_CASES = (
    "59 bytes over the size limit",
    "polygon just over 100,000 points",
    "three over-limit polygons",
    "outline just over 100,000 points",
    "zone in 101 parts",
    "50,000 zones",
    "50,000 zones as one line of JSON",
    "20,000 zones as indented JSON",
    "polygon of 100,001 points, one a line",
    "polygon of 100,001 points as yaml.dump writes it",
    "polygon of 100,001 points with a comment on each",
    "a million values without aliases",
    "base-60 number of 32 MB",
    "base-60 number in a name",
    "50,000 zones each merging an anchored mapping",
    "50,000 zones with an aliased sources list",
    "polygon of 100,001 points, some of them aliases",
    "polygon of 100,001 points one a line, some of them aliases",
    "10,001 zones as yaml.dump writes shared objects (anchors)",
    "billion laughs in block style",
    "polygon of 100,001 points, old Mac line ends (CR)",
    "literal block of 1,500,000 short lines",
    *UNUSUAL_FORMS,  # the same limits, files written in every form of YAML (issue 14)
)


def _cap() -> None:  # in the child, before exec
    resource.setrlimit(resource.RLIMIT_AS, (CAP_BYTES, CAP_BYTES))


def check_in_child(path: Path) -> tuple[int, str, float, float]:
    """(exit code, output, seconds, peak MiB) of `reflexmap check path` under the cap."""
    return measure_in_child(path)[:4]


def measure_in_child(path: Path, root: Path | None = None) -> tuple[int, str, float, float, float]:
    """(exit code, output, seconds, peak MiB, CPU seconds) of `reflexmap check path` under the
    cap, run from `root` (a checkout of ReflexMap; this one by default)."""
    root = ROOT if root is None else root
    peak_file = Path(tempfile.mkstemp(prefix="reflexmap-peak-")[1])
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "PYTHONPATH": f"{root}{os.pathsep}{ROOT}",  # (benchmarks._peak_child from here)
        "REFLEXMAP_PEAK_FILE": str(peak_file),
    }
    start = time.perf_counter()
    child = subprocess.Popen(
        [sys.executable, "-m", "benchmarks._peak_child", "check", str(path)],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, env=env, preexec_fn=_cap, cwd=root,
    )  # fmt: skip
    assert child.stdout is not None
    output = child.stdout.read().decode("utf-8", "replace")
    _, status, usage = os.wait4(child.pid, 0)
    seconds = time.perf_counter() - start
    cpu = usage.ru_utime + usage.ru_stime
    child.returncode = os.waitstatus_to_exitcode(status)
    try:  # the child's own peak (see benchmarks/_peak_child.py); wait4's if it wrote none
        peak_mib = int(peak_file.read_text(encoding="ascii")) / 1024
    except (OSError, ValueError):
        peak_mib = usage.ru_maxrss / 1024
    finally:
        peak_file.unlink(missing_ok=True)
    return child.returncode, output, seconds, peak_mib, cpu


REFUSAL_ROWS = {  # the rows of `python -m benchmarks` (issue 19): one file per kind of limit
    "too many points": "polygon just over 100,000 points",
    "too many zones": "50,000 zones",
    "too many bytes": "59 bytes over the size limit",
    "too many zones, written with anchors": "10,001 zones as yaml.dump writes shared objects (anchors)",
}
REFUSAL_TARGETS = (1000.0, 200.0)  # ms, MiB


def refusal_figures(runs: int) -> list:
    """Time and peak memory of refusing each file of REFUSAL_ROWS, as benchmark figures."""
    from tests.hostile.cases import CASES

    from .measure import Figure

    cases = {case.name: case for case in CASES}
    figures = []
    with tempfile.TemporaryDirectory() as folder:
        for row, name in REFUSAL_ROWS.items():
            path = cases[name].make(Path(folder))
            times, peaks, message = [], [], ""
            for _ in range(runs):
                code, output, seconds, peak = check_in_child(path)
                assert code == 1 and "Traceback" not in output, output[-500:]
                times.append(seconds * 1000)
                peaks.append(peak)
                message = output.splitlines()[0].split(": ", 1)[-1]
            ms, mib = REFUSAL_TARGETS
            for label, unit, samples, limit in (
                ("time", "ms", times, ms),
                ("peak memory", "MiB", peaks, mib),
            ):
                figures.append(
                    Figure(
                        f"Over-limit file refused ({row}): {label}",
                        name,
                        unit,
                        samples,
                        target=f"< {limit:,.0f} {unit}",
                        baseline=message if label == "time" else "child capped at 1 GiB",
                        met=sorted(samples)[len(samples) // 2] < limit,
                    )
                )
            path.unlink()
    return figures


def main() -> None:
    sys.path.insert(0, str(ROOT))
    from tests.hostile.cases import CASES

    cases = {case.name: case for case in CASES}
    print("| file | refused with | time | peak memory |\n|---|---|---|---|")
    with tempfile.TemporaryDirectory() as folder:
        for name in LIMIT_CASES:
            path = cases[name].make(Path(folder))
            code, output, seconds, peak = check_in_child(path)
            message = output.splitlines()[0].split(": ", 1)[-1] if output else "?"
            print(f"| {name} | `{message}` (exit {code}) | {seconds:.2f} s | {peak:.0f} MiB |")
            path.unlink()


if __name__ == "__main__":
    main()
