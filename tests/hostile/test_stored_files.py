"""Settings, progress and the chart cache are input too: every value is checked by type and
range, bounded before it is converted, and a bad one never stops the app."""

from __future__ import annotations

import errno
import json
from pathlib import Path

import pytest

from reflexmap.atlas import builtin_chart_path, read_atlas
from reflexmap.atlas.cache import AtlasCache, entry_bytes, entry_plain
from reflexmap.bounded_json import JSONBoundsError, loads
from reflexmap.quiz.progress import ProgressStore
from reflexmap.settings import Settings

from ..atlas.cache_entries import file_of_json
from .children import child_env, spawn


def _settings_file(path: Path, values: dict | str) -> Path:
    body = values if isinstance(values, str) else json.dumps(values)
    path.write_text(
        '{"format": "reflexmap-settings", "version": 1, "values": ' + body + "}", encoding="utf-8"
    )
    return path


# --- bounded JSON -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, message, line, column",
    [
        ('{"a":\n  ' + "9" * 5000 + "}", "a number of 5,000 characters; the limit is 100", 2, 3),
        ("[" * 200_000 + "]" * 200_000, "nested deeper than 64 levels", 1, 65),
        ('{"a": ' + "[" * 70 + "]" * 70 + "}", "nested deeper than 64 levels", 1, 70),
        ('{"a": [1, 2,]}', "a ',' stands before the closing bracket", 1, 13),
        # cut off after an entry (a full disk, a crash): it ends, nothing is missing "between"
        ('{"a": {"b": [1, 5]\n', "the file ends in the middle of the data", 2, 1),
        ('{"a": {"b"', "the file ends in the middle of the data", 1, 11),
        ('{"a": 1 "b": 2}', "a ',' is missing between two entries", 1, 9),
    ],
)
def test_bounded_json_refuses_with_line_and_column(text, message, line, column):
    with pytest.raises(JSONBoundsError) as caught:
        loads(text, max_bytes=10**7)
    assert message in caught.value.message
    assert (caught.value.line, caught.value.column) == (line, column)


def test_bounded_json_without_a_depth_walk_still_refuses_what_would_exhaust_recursion():
    """`max_depth=None` (the chart cache, which checks every value's type itself) skips
    walking the result for its depth; nesting that would exhaust recursion is still refused
    with its place, and a long number still is."""
    with pytest.raises(JSONBoundsError) as caught:
        loads("[" * 200_000 + "]" * 200_000, max_bytes=10**7, max_depth=None)
    assert "nested deeper than 64 levels" in caught.value.message
    assert (caught.value.line, caught.value.column) == (1, 65)
    with pytest.raises(JSONBoundsError, match="a number of 5,000 characters"):
        loads("[" + "9" * 5000 + "]", max_bytes=10**7, max_depth=None)
    assert loads('{"a": ' + "[" * 70 + "]" * 70 + "}", max_bytes=10**7, max_depth=None) is not None


def test_bounded_json_states_the_exact_size():
    with pytest.raises(JSONBoundsError, match="the file is 1,025 bytes; the limit is 1,024"):
        loads(b" " * 1025, max_bytes=1024)


# --- settings -----------------------------------------------------------------------------

BAD_VALUES = {
    "appearance/theme": ["dark"],
    "appearance/language": {"code": "de"},
    "appearance/text-scale": 10**99,
    "window/geometry": {"$base64": "not base64 at all!"},
    "chart/recent": [1, 2, 3],
    "view/labels": "perhaps",
}


def test_each_bad_setting_falls_back_alone_with_a_message(tmp_path: Path):
    path = _settings_file(
        tmp_path / "settings.json", {**BAD_VALUES, "view/aspect": "medial", "chart/dir": "/x"}
    )
    settings = Settings(path)
    assert settings.value("view/aspect") == "medial"  # the good values are kept
    assert settings.value("chart/dir") == "/x"
    assert settings.value("appearance/theme", "system") == "system"
    assert settings.value("appearance/language", "") == ""
    assert settings.value("appearance/text-scale", 1.0) == 1.0
    assert settings.value("window/geometry") is None
    assert settings.value("chart/recent", [], type=list) == []
    (warning,) = settings.warnings
    for key in BAD_VALUES:
        assert key in warning
    kept = [p for p in tmp_path.iterdir() if ".bad-values-" in p.name]
    assert len(kept) == 1 and json.loads(kept[0].read_text())["values"]["chart/recent"] == [1, 2, 3]


def test_a_setting_of_5000_digits_falls_back_alone_quoting_its_start(tmp_path: Path):
    """Never converted (Python refuses 4,300 digits): the value alone is refused, the others
    kept (before: the whole file was set aside)."""
    body = '{"view/labels": false, "appearance/text-scale": ' + "1" * 5000 + "}"
    settings = Settings(_settings_file(tmp_path / "settings.json", body))
    (warning,) = settings.warnings
    assert "this number is too large to read: '" + "1" * 37 + "...'" in warning, warning
    assert settings.value("view/labels", True, type=bool) is False
    assert settings.value("appearance/text-scale") is None
    assert [p for p in tmp_path.iterdir() if ".bad-values-" in p.name]


def test_a_value_nested_200000_deep_falls_back_alone(tmp_path: Path):
    """Skipped while reading (no RecursionError, no walk of 200,000 levels when its place is
    found), said at the bracket that goes too deep; the other settings are kept (before: the
    whole file was set aside, every setting back to its default)."""
    body = '{"view/labels": false, "a": ' + "[" * 200_000 + "]" * 200_000 + ', "view/aspect": "medial"}'
    path = _settings_file(tmp_path / "settings.json", body)
    column = path.read_text(encoding="utf-8").index("[") + 1 + 64 - 2  # "a" holds level 3 on
    settings = Settings(path)
    (warning,) = settings.warnings
    assert (
        f"\u2069:1:{column}: A setting this version does not know (\u2068a\u2069): values are nested "
        "deeper than 64 levels; it is left out." in warning
    ), warning
    assert settings.value("view/labels", True, type=bool) is False
    assert settings.value("view/aspect") == "medial"
    assert not [p for p in tmp_path.iterdir() if ".damaged-" in p.name]


def test_a_value_of_another_kind_is_never_handed_out(tmp_path: Path):
    """A key this version does not check (a newer one's, say) still cannot crash a caller."""
    path = _settings_file(tmp_path / "settings.json", {"future/key": [1, 2], "future/flag": "yes"})
    settings = Settings(path)
    assert settings.value("future/key", "text") == "text"
    assert settings.value("future/key", [], type=list) == []  # numbers are not paths


def test_two_instances_keep_each_others_changes(tmp_path: Path):
    path = tmp_path / "settings.json"
    Settings(path).setValue("view/labels", True)
    first, second = Settings(path), Settings(path)
    first.update({"appearance/theme": "dark", "view/labels": False})
    second.update({"appearance/language": "de", "view/aspect": "medial"})
    again = Settings(path)
    assert again.value("appearance/theme") == "dark"
    assert again.value("view/labels") is False
    assert again.value("appearance/language") == "de"
    assert again.value("view/aspect") == "medial"
    second.remove("view/aspect")
    assert Settings(path).value("appearance/theme") == "dark"
    assert Settings(path).value("view/aspect") is None


def test_a_full_disk_is_reported_once_and_nothing_on_disk_is_lost(tmp_path: Path, monkeypatch):
    import reflexmap.storage

    path = tmp_path / "settings.json"
    Settings(path).setValue("appearance/theme", "dark")
    before = path.read_bytes()
    settings = Settings(path)
    problems: list[str] = []
    settings.on_problem = problems.append

    def full(*args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(reflexmap.storage, "write_with_backup", full)
    monkeypatch.setattr("reflexmap.settings.write_with_backup", full)
    settings.setValue("appearance/theme", "light")
    settings.setValue("view/labels", False)
    assert len(problems) == 1 and "No space left on device" in problems[0]
    assert str(path) in problems[0]
    assert settings.value("appearance/theme") == "light"  # kept in memory, the app goes on
    assert path.read_bytes() == before
    monkeypatch.undo()
    settings.setValue("view/guides", False)  # the folder works again: everything is written
    again = Settings(path)
    assert again.value("appearance/theme") == "light" and again.value("view/labels") is False


def test_a_read_only_folder_with_a_damaged_file_does_not_stop_the_start(tmp_path: Path, monkeypatch):
    import reflexmap.storage

    path = tmp_path / "settings.json"
    path.write_text("{{{ damaged", encoding="utf-8")

    def read_only(*args, **kwargs):
        raise OSError(errno.EROFS, "Read-only file system")

    monkeypatch.setattr(reflexmap.storage.os, "replace", read_only)
    settings = Settings(path)
    assert any("could not be set aside" in w and "Read-only file system" in w for w in settings.warnings)
    assert path.read_text() == "{{{ damaged"  # left as it was


# --- progress -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "card, reason",
    [
        ('{"box": 1, "due": ' + "9" * 5000 + "}", "this number is too large to read: '" + "9" * 37 + "...'"),
        ('{"box": 1, "seen": ' + "9" * 50 + "}", "seen is outside"),
        ('{"box": 1, "due": 1e300}', "due is not a time"),
    ],
)
def test_a_progress_file_with_a_huge_number_is_reported(tmp_path: Path, card: str, reason: str):
    path = tmp_path / "progress.json"
    path.write_text('{"format": "reflexmap-progress", "version": 1, "cards": {"c": ' + card + "}}")
    loaded = ProgressStore(path).load()
    assert loaded.states == {}
    assert any(reason in w for w in loaded.warnings), loaded.warnings
    assert [p for p in tmp_path.iterdir() if ".damaged-" in p.name]  # the file as it was, kept


# --- chart cache --------------------------------------------------------------------------


def _cached_entry(tmp_path: Path) -> tuple[AtlasCache, Path, Path]:
    chart = tmp_path / "chart.yaml"
    chart.write_bytes(builtin_chart_path().read_bytes())
    cache = AtlasCache(tmp_path / "cache")
    assert read_atlas(chart, cache).ok
    (entry,) = cache.folder.glob("*.entry")
    return cache, chart, entry


def _replace(entry: Path, change) -> None:
    plain = entry_plain(entry.read_bytes())
    change(plain["atlas"])
    entry.write_bytes(entry_bytes(plain))


def _set_zone(index: int, value):
    def change(atlas):
        atlas["zones"][0][index] = value

    return change


@pytest.mark.parametrize(
    "damage",
    [
        "[" * 200_000 + "]" * 200_000,
        '{"version": ' + "1" * 5000 + "}",
        _set_zone(1, ["a name as a list"]),
        _set_zone(1, "x" * 5000),
        _set_zone(1, json.loads("[" * 100 + "]" * 100)),  # deeper than any entry holds
        _set_zone(10, json.loads('{"de": {"name": ' + "[" * 100 + "]" * 100 + "}}")),
        _set_zone(2, "no-such-region"),
        _set_zone(7, {"plantar-left": [[[0.0, 0.0], [1.0, 0.0]]]}),
        _set_zone(7, {"no-such-view": [[[0.0, 0.0], [10.0, 0.0], [0.0, 10.0]]]}),
        _set_zone(7, {"plantar-left": [[[0.0, 0.0], [1e308, 0.0], [0.0, 10.0]]]}),
        _set_zone(7, ["no-such-view"]),
        _set_zone(5, ["no-such-source"]),
        lambda atlas: atlas["anchors"].clear(),
        # the right type, out of the schema's range
        _set_zone(1, ""),  # an empty name
        _set_zone(10, {"de": {"name": "Kopf", "bogus": "x"}}),  # a text no translation gives
        _set_zone(10, {"German": {"name": "Kopf"}}),  # not a language code
        lambda atlas: atlas["sources"][0].__setitem__(2, "javascript:alert(1)"),  # not a web address
        lambda atlas: atlas.__setitem__("id", "Not an id!"),
        lambda atlas: atlas["views"][0].__setitem__(0, "Plantar Left"),
        lambda atlas: atlas["views"][0].__setitem__(3, "outline"),
    ],
)
def test_a_tampered_cache_entry_is_never_trusted(tmp_path: Path, damage):
    cache, chart, entry = _cached_entry(tmp_path)
    if isinstance(damage, str):
        entry.write_bytes(file_of_json(damage))
    else:
        _replace(entry, damage)
    result = read_atlas(chart, cache)  # a full check instead, and the entry is replaced
    assert result.ok
    fresh = read_atlas(chart).atlas  # the chart as the file says it, nothing from the entry
    assert (result.atlas.id, result.atlas.translations) == (fresh.id, fresh.translations)
    assert result.atlas.zones[0] == fresh.zones[0] and result.atlas.sources == fresh.sources
    assert [v.id for v in result.atlas.views] == [v.id for v in fresh.views]
    assert cache.get(chart.read_bytes()) is not None


class _Instance:
    """A real ReflexMap window in its own process (tests/hostile/_window_child.py)."""

    def __init__(self, home: Path):
        self.process = spawn("_window_child", child_env(home, home / "config", home / "data", home / "cache"))
        self._answer()

    def _answer(self) -> None:
        line = self.process.stdout.readline()
        assert line.strip() == "ok", (line, self.process.stderr.read()[-3000:])

    def do(self, command: str) -> None:
        self.process.stdin.write(command + "\n")
        self.process.stdin.flush()
        self._answer()

    def close(self) -> None:
        self.do("close")
        assert self.process.wait(timeout=60) == 0
        assert "Traceback" not in self.process.stderr.read()


@pytest.mark.parametrize("first_closes", ["labels", "theme"])
def test_two_processes_changing_different_settings_keep_both(tmp_path: Path, first_closes: str):
    """One window switches the labels off (written when it closes), the other picks the dark
    theme (written at once); whichever closes first, both changes are in the file after."""
    config = tmp_path / "config/ReflexMap/ReflexMap/settings.json"
    config.parent.mkdir(parents=True)
    config.write_text(
        json.dumps({"format": "reflexmap-settings", "version": 1, "values": {"notes/first-run-seen": True}})
    )
    labels, theme = _Instance(tmp_path), _Instance(tmp_path)
    labels.do("labels")
    if first_closes == "labels":
        labels.close()
        theme.do("theme dark")  # after the other's labels are in the file
        theme.close()
    else:
        theme.do("theme dark")
        theme.do("view medial")
        theme.close()
        labels.close()
    values = json.loads(config.read_text())["values"]
    assert values["view/labels"] is False
    assert values["appearance/theme"] == "dark"
    if first_closes == "theme":
        assert values["view/aspect"] == "medial"
