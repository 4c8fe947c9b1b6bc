"""Stored files that are not files: settings, progress, a chart-cache entry and the editor's
autosave index replaced by a pipe (open() of a pipe with no writer blocks for ever) or by a
huge sparse file (read whole before its size was checked). Each is refused while it is read,
without waiting and without loading it: the app starts, New quiz opens, and a file the user
owns is set aside with a message that says why. Played in a child with a time limit."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from reflexmap.atlas import builtin_chart_path
from reflexmap.atlas.cache import AtlasCache
from reflexmap.storage import read_regular

from .children import child_env, play

SETTINGS = "config/ReflexMap/ReflexMap/settings.json"
PROGRESS = "data/ReflexMap/ReflexMap/progress.json"
INDEX = "data/ReflexMap/ReflexMap/autosave/index.json"


def _cache_entry(home: Path) -> Path:
    cache = AtlasCache(home / "cache/ReflexMap/ReflexMap/charts")
    return cache._entry(builtin_chart_path().read_bytes())


def _pipe(path: Path) -> None:
    os.mkfifo(path)


def _huge(path: Path) -> None:
    with open(path, "wb") as handle:  # 8 GiB that take no room: read whole, they would not fit
        handle.truncate(8 << 30)


@pytest.mark.parametrize("kind", [_pipe, _huge], ids=["pipe", "huge"])
@pytest.mark.parametrize("where", [SETTINGS, PROGRESS, INDEX, "cache entry"])
def test_a_stored_file_that_is_not_one_does_not_stop_the_start(tmp_path, where, kind):
    home = tmp_path / "home"
    target = _cache_entry(home) if where == "cache entry" else home / where
    target.parent.mkdir(parents=True, exist_ok=True)
    kind(target)
    env = child_env(home, home / "config", home / "data", home / "cache", LANGUAGE="en", LANG="C.UTF-8")
    facts = play("_start_child", env, timeout=90)  # a pipe read as before: the child never ends
    assert facts["quiz_length"] > 0  # New quiz opened: the progress was read
    said = " ".join(s["text"] + " " + s["informative"] for s in facts["shown"])
    if where == SETTINGS:
        reason = "not a regular file" if kind is _pipe else "the limit is 4,194,304 bytes"
        assert reason in said, said
        assert not target.exists() or target.is_file() and target.stat().st_size < 1 << 20
        assert [p for p in target.parent.iterdir() if p.name.startswith("settings.json.")]


def test_read_regular_refuses_without_waiting_or_reading(tmp_path):
    pipe = tmp_path / "pipe"
    os.mkfifo(pipe)
    with pytest.raises(OSError, match="not a regular file"):
        read_regular(pipe, 100)
    with pytest.raises(OSError, match="a folder"):
        read_regular(tmp_path, 100)
    big = tmp_path / "big"
    big.write_bytes(b"x" * 101)
    with pytest.raises(OSError, match="the file is 101 bytes; the limit is 100 bytes"):
        read_regular(big, 100)
    assert read_regular(big, 101) == b"x" * 101
