"""A stored file's format version that is not one (missing, a text, a fraction, true, a list,
zero, negative, a number of 5,000 digits) falls back alone, like any bad value: the file is
read as format 1 (only format 1 exists, and every value in it is checked alone anyway), the
message names the version at its place and the copy of the file as it was. It set the whole
file aside: every setting back to its default, every card and waiting answer unread.

A version newer than this ReflexMap's (a whole number above 1) is still a file of another
format, set aside whole and kept for the newer ReflexMap (test_progress, test_stored_files)."""

from __future__ import annotations

import json
import struct
import zlib
from pathlib import Path

import pytest

from reflexmap.atlas import builtin_chart_path, read_atlas
from reflexmap.atlas.cache import MAGIC, AtlasCache, entry_bytes, entry_plain
from reflexmap.quiz import ReviewLog
from reflexmap.quiz.pending import PendingAnswer, read, write
from reflexmap.quiz.progress import ProgressStore
from reflexmap.settings import Settings

from .children import child_env, play

FSI, PDI = "\u2068", "\u2069"

# the version as written, how the message quotes it
WRONG = [
    ('"one"', f'{FSI}"one"{PDI}'),
    ('"1"', f'{FSI}"1"{PDI}'),
    ("1.0", f"{FSI}1.0{PDI}"),
    ("true", f"{FSI}true{PDI}"),
    ("null", f"{FSI}null{PDI}"),
    ("[1]", f"{FSI}[1]{PDI}"),
    ('{"major": 1}', f'{FSI}{{"major": 1}}{PDI}'),
    ("0", f"{FSI}0{PDI}"),
    ("-7", f"{FSI}-7{PDI}"),
    ("1e999", f"{FSI}1e999{PDI}"),
    ("1" * 5000, f"{FSI}1111111111"),
]


def _said_at(text: str, line: int, column: int, path: Path, quoted: str) -> None:
    place = f"{FSI}{path}{PDI}:{line}:{column}: the format version {quoted}"
    assert place in text, text
    assert "it is read as format 1, each value checked alone." in text


@pytest.mark.parametrize("written, quoted", WRONG)
def test_a_settings_version_that_is_not_one_falls_back_alone(tmp_path: Path, written: str, quoted: str):
    path = tmp_path / "settings.json"
    text = (
        '{"format": "reflexmap-settings",\n "version": '
        + written
        + ',\n "values": {"view/labels": false, "view/aspect": "medial", "quiz/setup/length": "ten"}}'
    )
    path.write_text(text, encoding="utf-8")
    settings = Settings(path)
    assert settings.value("view/labels", True, bool) is False  # kept, not set aside
    assert settings.value("view/aspect", "plantar") == "medial"
    assert settings.value("quiz/setup/length", 10) == 10  # a bad value still falls back alone
    version_said, values_said = settings.warnings
    _said_at(version_said, 2, 13, path, quoted)
    (kept,) = tmp_path.glob("settings.json.bad-version-*")
    assert kept.read_text(encoding="utf-8") == text  # the file as it was
    assert f"kept as {FSI}{kept}{PDI}" in version_said
    assert "quiz/setup/length" in values_said
    settings.setValue("view/aspect", "lateral")  # the next write says format 1
    again = json.loads(path.read_text(encoding="utf-8"))
    assert again["version"] == 1 and again["values"]["view/labels"] is False
    assert Settings(path).warnings == []  # said once: the file is sound now


def test_a_settings_file_without_a_version_is_read_and_written_again_with_one(tmp_path: Path):
    path = tmp_path / "settings.json"
    path.write_text('{"format": "reflexmap-settings", "values": {"view/labels": false}}', encoding="utf-8")
    settings = Settings(path)
    (said,) = settings.warnings
    assert said.startswith(f"{FSI}{path}{PDI}: the file has no format version; it is read as format 1")
    assert settings.value("view/labels", True, bool) is False
    settings.sync()  # nothing changed, but the file is not as ReflexMap writes it: written again
    assert json.loads(path.read_text(encoding="utf-8"))["version"] == 1


def test_the_app_starts_with_a_settings_version_as_a_word_and_keeps_the_settings(tmp_path: Path):
    """As a person meets it: the app started (a child process, as `reflexmap` starts) with
    `"version": "one"`: the window uses the stored settings and says the version once."""
    home = tmp_path / "home"
    settings = home / "config/ReflexMap/ReflexMap/settings.json"
    settings.parent.mkdir(parents=True)
    body = {
        "notes/first-run-seen": True,
        "view/labels": False,
        "view/aspect": "lateral",
        "quiz/setup/length": 30,
    }
    text = '{"format": "reflexmap-settings", "version": "one", "values": ' + json.dumps(body) + "}"
    settings.write_text(text, encoding="utf-8")
    env = child_env(home, home / "config", home / "data", home / "cache", LANG="C.UTF-8", LC_ALL="")
    facts = play("_start_child", env)
    assert facts["labels"] is False and facts["aspect"] == "lateral" and facts["quiz_length"] == 30
    (box,) = facts["shown"]
    assert (
        f'settings.json{PDI}:1:45: the format version {FSI}"one"{PDI} is not one ReflexMap writes'
        in box["text"]
    )
    assert not list(settings.parent.glob("settings.json.damaged-*"))  # never set aside whole
    (kept,) = settings.parent.glob("settings.json.bad-version-*")
    assert kept.read_text(encoding="utf-8") == text


@pytest.mark.parametrize("written, quoted", WRONG)
def test_a_progress_version_that_is_not_one_falls_back_alone(tmp_path: Path, written: str, quoted: str):
    store = ProgressStore(tmp_path / "progress.json")
    text = (
        '{"format": "reflexmap-progress",\n "version": ' + written + ',\n "cards": {"c:a:find": {"box": 3}}}'
    )
    store.path.write_text(text, encoding="utf-8")
    loaded = store.load()
    assert loaded.states["c:a:find"].box == 3
    (said,) = loaded.warnings
    _said_at(said, 2, 13, store.path, quoted)
    assert store.path.read_text(encoding="utf-8") == text  # read, not set aside


def test_progress_with_a_version_as_a_word_is_imported_into_the_review_log(tmp_path: Path):
    progress = tmp_path / "progress.json"
    progress.write_text(
        '{"format": "reflexmap-progress", "version": "1", "cards": {"c:a:find": {"box": 4, "seen": 3}}}',
        encoding="utf-8",
    )
    log = ReviewLog(tmp_path / "reviews.sqlite3")
    assert log.import_progress_json(progress) == 1
    assert "c:a:find" in log.states()
    assert any(f'the format version {FSI}"1"{PDI}' in said for said in log.warnings)


@pytest.mark.parametrize("written, quoted", WRONG[:6])
def test_answers_waiting_with_a_version_that_is_not_one_are_read_not_lost(
    tmp_path: Path, written: str, quoted: str
):
    log = ReviewLog(tmp_path / "reviews.sqlite3")
    path = write(log.path, [PendingAnswer("chart:b:find", 1_700_000_000.0, 3, True, seconds=4.0)])
    data = json.loads(path.read_text(encoding="utf-8"))
    text = path.read_text(encoding="utf-8").replace('"version": 1', '"version": ' + written)
    assert text != path.read_text(encoding="utf-8")
    path.write_text(text, encoding="utf-8")
    (answer,) = read(path)
    assert answer.card == "chart:b:find" and answer.once == data["answers"][0]["once"]
    found = log.waiting_answers()
    assert [a.card for a in found] == ["chart:b:find"]
    (said,) = log.warnings
    assert f"the format version {quoted}" in said and "it is read as format 1" in said
    (kept,) = tmp_path.glob(path.name + ".bad-version-*")
    assert kept.read_text(encoding="utf-8") == text


def _whole(text: bytes) -> bytes:
    """An entry's file holding `text` as its JSON, its CRC right (cache.entry_bytes)."""
    return MAGIC + struct.pack("<IQ", zlib.crc32(text), len(text)) + text


def _top(change):
    def replace(entry: Path) -> None:
        plain = entry_plain(entry.read_bytes())
        change(plain)
        entry.write_bytes(entry_bytes(plain))

    return replace


@pytest.mark.parametrize(
    "damage",
    [  # every top-level field of a chart-cache entry, of another type or missing
        _top(lambda p: p.__setitem__("version", 9)),
        _top(lambda p: p.__setitem__("version", ["9", "x"])),
        _top(lambda p: p.__setitem__("version", "1" * 5000)),
        _top(lambda p: p.pop("version")),
        _top(lambda p: p.pop("atlas")),
        _top(lambda p: p.__setitem__("atlas", [])),
        _top(lambda p: p.__setitem__("atlas", "x" * 10_000)),
        _top(lambda p: p.__setitem__("atlas", None)),
        _top(lambda p: p["atlas"].pop("zones")),
        _top(lambda p: p["atlas"].__setitem__("zones", {"a": 1})),
        lambda entry: entry.write_bytes(_whole(b"[1, 2]")),  # not an object at all
        lambda entry: entry.write_bytes(_whole(b'"entry"')),
        lambda entry: entry.write_bytes(_whole(b"[" * 200_000 + b"]" * 200_000)),
    ],
)
def test_a_cache_entry_with_a_top_level_field_wrong_is_read_from_the_chart_again(tmp_path: Path, damage):
    """The cache is never trusted and holds no user data: any field that is not what it wrote
    means a full check of the chart, and the entry is written again (no crash, no message)."""
    chart = tmp_path / "chart.yaml"
    chart.write_bytes(builtin_chart_path().read_bytes())
    cache = AtlasCache(tmp_path / "cache")
    assert read_atlas(chart, cache).ok
    (entry,) = cache.folder.glob("*.entry")
    damage(entry)
    assert cache.get(chart.read_bytes()) is None
    result = read_atlas(chart, cache)
    assert result.ok and result.atlas.zones == read_atlas(chart).atlas.zones
    assert cache.get(chart.read_bytes()) is not None  # written again
