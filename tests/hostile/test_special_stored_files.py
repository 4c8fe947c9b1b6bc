"""Stored files that are not files: settings, progress, a chart-cache entry and the editor's
autosave index replaced by a pipe (open() of a pipe with no writer blocks for ever) or by a
huge sparse file (read whole before its size was checked). Each is refused while it is read,
without waiting and without loading it: the app starts, New quiz opens, and a file the user
owns is set aside with a message that says why. Played in a child with a time limit."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from reflexmap.atlas import builtin_chart_path, read_atlas
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


def _folder(path: Path) -> None:
    path.mkdir()
    (path / "kept.txt").write_text("anything", encoding="utf-8")


def _loop(path: Path) -> None:
    path.symlink_to(path.name)  # a link to itself: every open says "too many levels of links"


def _outside(path: Path) -> None:
    """A link to a sound entry outside the cache folder (of another chart's bytes): read
    through the link, it would be trusted as this chart's."""
    other = path.parents[5] / "other.yaml"  # beside the home folder
    other.write_bytes(builtin_chart_path().read_bytes() + b"\n# another file\n")
    assert read_atlas(other, AtlasCache(path.parents[5] / "other-cache")).ok
    (outside,) = (path.parents[5] / "other-cache").glob("*.entry")
    path.symlink_to(outside)


@pytest.mark.parametrize(
    "kind", [_folder, _loop, _outside, _pipe], ids=["folder", "link loop", "link out", "pipe"]
)
def test_a_cache_entry_that_is_not_a_file_is_set_aside_and_the_cache_rebuilt(tmp_path, kind):
    """The app starts (no traceback), and the entry is written again as a regular file, so the
    next start is quick again. Before, a folder, a pipe or a link to itself at an entry's name
    was never replaced (every start checked the whole chart again), and a link out of the cache
    folder was followed. What was there is not lost: a folder is renamed aside with what it
    holds, a link is removed, never what it names."""
    home = tmp_path / "home"
    entry = _cache_entry(home)
    entry.parent.mkdir(parents=True)
    kind(entry)
    env = child_env(home, home / "config", home / "data", home / "cache", LANGUAGE="en", LANG="C.UTF-8")
    facts = play("_start_child", env, timeout=90)
    assert facts["quiz_length"] > 0
    assert not entry.is_symlink() and entry.is_file()  # written again: the cache is used again
    chart = builtin_chart_path().read_bytes()
    assert AtlasCache(entry.parent).get(chart) is not None
    if kind is _folder:
        (aside,) = [p for p in entry.parent.iterdir() if ".set-aside-" in p.name]
        assert (aside / "kept.txt").read_text(encoding="utf-8") == "anything"
    if kind is _outside:  # the entry it named is as it was
        other = builtin_chart_path().read_bytes() + b"\n# another file\n"
        assert AtlasCache(tmp_path / "other-cache").get(other) is not None
