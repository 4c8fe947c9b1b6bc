"""A sweep of every file the app reads besides charts, each made hostile in every way at once
known: over its size limit by bytes, nested deeper than any reader's recursion, of the wrong
type at the top and at every level below, binary, with NUL characters, not UTF-8, a folder,
a pipe, and unreadable (every read fails: see `unreadable`).

The files: settings.json, its backup and its lock, the old progress.json and its backup, the
review log (SQLite), the chart cache's entry, the chart sizes kept at start, and the editor's
autosave index. Each case plays the real start-up in a child with a time limit
(tests/hostile/_start_child.py: `reflexmap` as a person starts it, then New quiz, which reads
the progress, then closing, which writes the settings). Every case must: start, with no
traceback; let the quiz be set up; keep what was on disk (the bytes somewhere in that folder:
the file itself, set aside beside it, or in its backup); and, for the person's own files,
name the file in a plain message, with line:column where the trouble has a place in text."""

from __future__ import annotations

import json
import os
import re
import sqlite3
import stat
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from reflexmap.atlas import builtin_chart_path
from reflexmap.atlas.cache import MAX_ENTRY_BYTES, AtlasCache
from reflexmap.quiz import progress
from reflexmap.settings import MAX_BYTES as SETTINGS_BYTES
from reflexmap.ui.editor.autosaves import MAX_INDEX_BYTES
from reflexmap.ui.kept_sizes import MAX_BYTES as SIZES_BYTES

from .children import ROOT, child_env

DEEP = 200_000  # nested brackets: far beyond Python's recursion limit
BIG = "9" * 5000  # a whole number beyond int()'s 4,300 digits


@dataclass(frozen=True)
class Stored:
    name: str
    where: Callable[[Path], Path]  # the file, in a home folder
    limit: int | None  # bytes read at most (None: SQLite reads pages, there is no such limit)
    sample: object  # a sound value (JSON), made hostile by the kinds
    personal: bool  # the person's own data: said by name, never lost; else a cache: rebuilt
    before: Callable[[Path], None] = lambda home: None  # what else is there (a damaged main file)


def _app(home: Path, folder: str, name: str) -> Path:
    return home / folder / "ReflexMap" / "ReflexMap" / name


def _entry(home: Path) -> Path:
    return AtlasCache(_app(home, "cache", "charts"))._entry(builtin_chart_path().read_bytes())


def _damaged(where: Callable[[Path], Path]) -> Callable[[Path], None]:
    def write(home: Path) -> None:
        path = where(home)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(b"{ damaged")

    return write


SETTINGS = lambda home: _app(home, "config", "settings.json")  # noqa: E731
PROGRESS = lambda home: _app(home, "data", "progress.json")  # noqa: E731
SETTING_VALUES = {
    "format": "reflexmap-settings",
    "version": 1,
    "values": {
        "view/labels": False,
        "appearance/theme": "dark",
        "quiz/setup/length": 7,
        "charts/recent": ["/nowhere/a.yaml"],
        "window/geometry": {"$base64": "AdnQywADAAAAAAAo"},
    },
}
CARD = {"box": 2, "due": 1.8e9, "seen": 4, "right": 3, "wrong": 1, "last_seen": 1.79e9, "last_right": True}
PROGRESS_VALUES = {
    "format": progress.FORMAT,
    "version": 1,
    "cards": {"ingham-western:heel:technique": CARD},
}
STORED = [
    Stored("settings", SETTINGS, SETTINGS_BYTES, SETTING_VALUES, True),
    Stored(
        "settings backup",
        lambda home: SETTINGS(home).with_name("settings.json.bak"),
        SETTINGS_BYTES,
        SETTING_VALUES,
        True,
        _damaged(SETTINGS),
    ),
    Stored("settings lock", lambda home: SETTINGS(home).with_name("settings.json.lock"), None, {}, False),
    Stored("progress", PROGRESS, progress.MAX_BYTES, PROGRESS_VALUES, True),
    Stored(
        "progress backup",
        lambda home: PROGRESS(home).with_name("progress.json.bak"),
        progress.MAX_BYTES,
        PROGRESS_VALUES,
        True,
        _damaged(PROGRESS),
    ),
    Stored("review log", lambda home: _app(home, "data", "reviews.sqlite3"), None, None, True),
    Stored(
        "autosave index",
        lambda home: _app(home, "data", "autosave/index.json"),
        MAX_INDEX_BYTES,
        {"autosaves": [{"autosave": "/nowhere/.a.yaml.autosave", "chart": "/nowhere/a.yaml", "time": 1}]},
        True,
    ),  # fmt: skip
    Stored(
        "chart sizes", lambda home: _app(home, "cache", "chart-sizes.json"), SIZES_BYTES, {"k": [1, 2]}, False
    ),
    Stored("cache entry", _entry, MAX_ENTRY_BYTES, None, False),
]


def _wrong(value: object, depth: int) -> object:
    """`value` with a value of another type at every level: containers hold wrong leaves, and
    the containers below the top are of the wrong kind themselves every other level."""
    leaves = [[], {}, "x", "@BIG@", None, True, 1.5, -1]
    if isinstance(value, dict):
        return {k: _wrong(v, depth + 1) for k, v in value.items()}
    if isinstance(value, list):
        return (
            {"0": [_wrong(v, depth + 1) for v in value]}
            if depth % 2
            else [_wrong(v, depth + 1) for v in value]
        )
    return leaves[(depth * 3 + len(str(value))) % len(leaves)]


def _json(value: object) -> bytes:
    return json.dumps(value, indent=1).replace('"@BIG@"', BIG).encode()


def _log_of_wrong_types(path: Path) -> None:
    """A review log whose tables have every column of another type, a card's state nested too
    deep and a setting of 5,000 digits."""
    with sqlite3.connect(path) as db:
        db.executescript(
            "CREATE TABLE reviews (id, time, card, rating, correct, close, seconds, clicked, view);"
            "CREATE TABLE cards (card, due, state); CREATE TABLE meta (key, value);"
        )
        db.execute("INSERT INTO reviews VALUES ('x', 'time', 5, 'good', x'00', 1e999, 'slow', 3, 4)")
        db.execute("INSERT INTO cards VALUES (7, 'soon', ?)", ("[" * DEEP,))
        db.execute("INSERT INTO meta VALUES ('schema', ?), (x'01', 'y')", (BIG,))
        db.execute("PRAGMA user_version = 2")
    db.close()


def huge(stored: Stored, path: Path) -> None:
    if stored.limit is None or stored.limit > 64 << 20:  # no limit, or more than a test writes
        with open(path, "wb") as handle:
            handle.truncate(max(stored.limit or 0, 8 << 30) + 1)  # sparse: takes no room
        return
    body = _json(stored.sample)
    path.write_bytes(body[:-1] + b" " * (stored.limit + 1 - len(body)) + body[-1:])  # sound JSON, 1 byte over


def deep(stored: Stored, path: Path) -> None:
    if stored.name == "review log":
        return _log_of_wrong_types(path)
    path.write_bytes(b'{"a": ' + b"[" * DEEP)


def wrong_top(stored: Stored, path: Path) -> None:
    if stored.name == "review log":
        return _log_of_wrong_types(path)
    path.write_bytes(_json([stored.sample, 1]))


def wrong_below(stored: Stored, path: Path) -> None:
    if stored.name == "review log":
        return _log_of_wrong_types(path)
    path.write_bytes(_json(_wrong(stored.sample, 0)))


def binary(stored: Stored, path: Path) -> None:
    path.write_bytes(bytes(range(256)) * 64)


def nul(stored: Stored, path: Path) -> None:
    body = _json(stored.sample)
    path.write_bytes(body[:10] + b"\0" * 3 + body[10:])


def not_utf8(stored: Stored, path: Path) -> None:
    body = _json(stored.sample)
    path.write_bytes(body.replace(b'"', b'"\xff\xfe', 1))


def folder(stored: Stored, path: Path) -> None:
    path.mkdir()
    (path / "kept.txt").write_text("anything", encoding="utf-8")


def pipe(stored: Stored, path: Path) -> None:
    os.mkfifo(path)


def unreadable(stored: Stored, path: Path) -> None:
    """A file whose every read fails (EIO): a link to the reading process's own memory, read at
    offset 0. (Mode 000 stops no one running as root, as tests do; the interpreter lives in
    root's folder, so the app cannot be played as another user.)"""
    path.symlink_to("/proc/self/mem")


KINDS = [huge, deep, wrong_top, wrong_below, binary, nul, not_utf8, folder, pipe, unreadable]
PLACED = {deep, wrong_top, binary, nul, not_utf8}  # trouble at a place in the text: line:column


def _fingerprint(path: Path) -> tuple:
    """What a file of the folder is, to find it again wherever it was set aside."""
    mode = os.lstat(path).st_mode
    if stat.S_ISLNK(mode):
        return ("link", os.readlink(path))
    if stat.S_ISDIR(mode):
        return ("folder", tuple(sorted(p.name for p in path.iterdir())))
    if stat.S_ISFIFO(mode):
        return ("pipe",)
    if os.lstat(path).st_size > 64 << 20:
        return ("sparse", os.lstat(path).st_size)
    data = path.read_bytes()
    if data.startswith(b"SQLite format 3\0"):  # a database in use changes its pages, not its rows
        try:
            db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
            tables = [t for (t,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
            rows = {t: sorted(map(repr, db.execute(f'SELECT * FROM "{t}"'))) for t in sorted(tables)}
            db.close()
            return ("rows", repr(rows))
        except sqlite3.Error:
            pass
    return ("bytes", data)


def _play(home: Path) -> dict:
    env = child_env(home, home / "config", home / "data", home / "cache", LANGUAGE="en", LANG="C.UTF-8")
    env["CHILD_LINGER_MS"] = "1500"  # the review log is checked a turn after the start: said then
    result = subprocess.run(
        [sys.executable, "-m", "tests.hostile._start_child"],
        capture_output=True, text=True, timeout=120, env=env, cwd=ROOT,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr[-3000:]
    assert "Traceback" not in result.stderr, result.stderr[-3000:]
    return json.loads(result.stdout.strip().splitlines()[-1])


@pytest.fixture
def home(tmp_path):
    return tmp_path / "home"


@pytest.mark.parametrize("kind", KINDS, ids=[k.__name__ for k in KINDS])
@pytest.mark.parametrize("stored", STORED, ids=[s.name for s in STORED])
def test_a_hostile_stored_file_does_not_stop_the_start_and_is_kept(home: Path, stored: Stored, kind):
    target = stored.where(home)
    target.parent.mkdir(parents=True, exist_ok=True)
    if not stored.name.startswith("settings"):  # the first-run note seen: it would hold the boxes back
        SETTINGS(home).parent.mkdir(parents=True, exist_ok=True)
        SETTINGS(home).write_bytes(_json({**SETTING_VALUES, "values": {"notes/first-run-seen": True}}))
    stored.before(home)
    kind(stored, target)
    folder_then = {p.name: _fingerprint(p) for p in target.parent.iterdir()}
    facts = _play(home)
    assert facts["quiz_length"] > 0  # New quiz opened: the progress and the review log were read
    found = [_fingerprint(p) for p in target.parent.iterdir()]
    for name, was in folder_then.items():
        if not stored.personal and name == target.name:
            continue  # a cache is rebuilt, a lock is only a name: neither is the person's
        assert was in found, f"{name} ({was[0]}) was lost"
    said = "\n".join(s["text"] + "\n" + s["informative"] for s in facts["shown"])
    assert "Traceback" not in said and "Errno" not in said, said
    if stored.personal:
        said = said.replace("\u2068", "").replace("\u2069", "")
        assert str(target) in said, said
        if kind in PLACED and stored.name != "review log":  # (a database has no line:column)
            assert re.search(re.escape(str(target)) + r":\d+:\d+", said), said
