"""Every hostile input gives a clear error and nothing crashes, hangs or runs."""

from __future__ import annotations

import os
import resource
import subprocess
import sys
from pathlib import Path

import pytest

from reflexmap.atlas import read_atlas

from .cases import CASES, Case


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_hostile_file_gives_one_clear_error(case: Case, tmp_path: Path):
    path = case.make(tmp_path)
    result = read_atlas(path)
    assert result.atlas is None
    first = result.errors[0]
    assert case.message in first.message, str(first)
    assert first.path == str(path)
    if case.line is not None:
        assert first.line == case.line, str(first)
    if case.column is not None:
        assert first.column == case.column, str(first)
    if case.alone:
        assert len(result.errors) == 1, "\n".join(str(e) for e in result.errors)
    assert "Traceback" not in first.message


def test_nothing_in_a_file_is_ever_executed(tmp_path: Path):
    marker = tmp_path / "executed"
    text = f'title: !!python/object/apply:os.system ["touch {marker}"]\n'
    (tmp_path / "evil.yaml").write_text(text, encoding="utf-8")
    read_atlas(tmp_path / "evil.yaml")
    assert not marker.exists()


def _limit_memory() -> None:  # runs in the child before exec: 1.5 GiB of address space at most
    limit = 1536 * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))


def test_check_survives_the_whole_corpus_in_bounded_memory(tmp_path: Path):
    """`reflexmap check` on every hostile file at once, in a child process limited to
    1.5 GiB of memory: it must report every file and exit 1, never crash."""
    paths = [str(case.make(tmp_path / case.name.replace(" ", "-"))) for case in _with_folders(tmp_path)]
    result = subprocess.run(
        [sys.executable, "-m", "reflexmap", "check", *paths],
        capture_output=True, text=True, timeout=300, preexec_fn=_limit_memory,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )  # fmt: skip
    assert result.returncode == 1, result.stderr[-2000:]
    assert "Traceback" not in result.stderr and "Traceback" not in result.stdout
    for path in paths:
        assert f"{path}:" in result.stdout, path
    assert f"{len(paths)} files of {len(paths)} have errors" in result.stderr


def _with_folders(tmp_path: Path) -> list[Case]:
    for case in CASES:
        (tmp_path / case.name.replace(" ", "-")).mkdir()
    return CASES
