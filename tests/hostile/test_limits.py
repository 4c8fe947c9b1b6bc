"""Over-limit files are refused while reading: in a child process with a 1 GiB address-space
cap, each costs less than 200 MiB of memory and names the limit it hit. The times are a
benchmark's figure (python -m benchmarks.hostile_limits, quoted in the README), not asserted
here beyond a hang guard."""

from __future__ import annotations

from pathlib import Path

import pytest

from benchmarks.hostile_limits import LIMIT_CASES, check_in_child

from .cases import CASES

BY_NAME = {case.name: case for case in CASES}


@pytest.mark.parametrize("name", LIMIT_CASES)
def test_an_over_limit_file_is_refused_in_bounded_memory(name: str, tmp_path: Path):
    case = BY_NAME[name]
    path = case.make(tmp_path)
    code, output, seconds, peak_mib = check_in_child(path)
    assert code == 1, output[-2000:]
    assert "Traceback" not in output
    assert case.message in output
    assert "aliases" not in output
    assert peak_mib < 200, f"{peak_mib:.0f} MiB"
    assert seconds < 60  # a hang guard only; see the benchmark for the time it takes
