"""The check's verdict beside a chart-cache entry (atlas/cache.py): an HMAC-SHA256 of the
entry's name and exact bytes under the cache's own key says the entry passed the check's
rules, so a second open need not run them again. A verdict that does not hold (damaged,
forged, copied from another entry, a link, a key missing, damaged, of another size or
readable by others) is ignored: the rules run again, the chart is still the file's, and a
chart with a problem is still refused with its message."""

from __future__ import annotations

import hashlib
import hmac
import os
import stat
from pathlib import Path

import pytest

from reflexmap.atlas import builtin_chart_path, read_atlas
from reflexmap.atlas import cache as cache_module
from reflexmap.atlas.cache import (
    KEY_BYTES,
    KEY_NAME,
    MAX_ENTRIES,
    AtlasCache,
    entry_bytes,
    entry_plain,
    verdict_mac,
)


@pytest.fixture
def rules_run(monkeypatch) -> list[str]:
    """The names of the check's rules as they run on an entry read back."""
    ran: list[str] = []
    for name in ("check_texts", "check_geometry", "check_anchors"):
        rule = getattr(cache_module, name)

        def spy(*args, _rule=rule, _name=name, **kwargs):
            ran.append(_name)
            return _rule(*args, **kwargs)

        monkeypatch.setattr(cache_module, name, spy)
    return ran


def _chart(tmp_path: Path, tail: str = "") -> Path:
    chart = tmp_path / f"chart{len(tail)}.yaml"
    chart.write_bytes(builtin_chart_path().read_bytes() + tail.encode())
    return chart


def _cached(tmp_path: Path, tail: str = "") -> tuple[Path, Path, Path]:
    """A chart opened once through the cache: (chart, its entry, the entry's verdict)."""
    chart = _chart(tmp_path, tail)
    cache = AtlasCache(tmp_path / "cache")
    assert read_atlas(chart, cache).ok
    entry = cache._entry(chart.read_bytes())
    return chart, entry, entry.with_suffix(".verdict")


def _second_open(tmp_path: Path, chart: Path, ran: list[str]) -> tuple[object, list[str]]:
    """The chart read back by a fresh cache (the next start), and the rules that ran."""
    ran.clear()
    atlas = AtlasCache(tmp_path / "cache").get(chart.read_bytes(), chart)
    return atlas, list(ran)


def _rechecked(tmp_path: Path, chart: Path, ran: list[str]) -> None:
    """The rules ran on the entry, which still gives the file's chart; its verdict is written
    again, so that the open after it runs none."""
    atlas, ran_now = _second_open(tmp_path, chart, ran)
    assert ran_now == ["check_texts", "check_geometry", "check_anchors"]
    assert atlas is not None and atlas == read_atlas(chart).atlas
    atlas, ran_now = _second_open(tmp_path, chart, ran)
    assert atlas is not None and ran_now == []


def test_the_mac_is_hmac_sha256_of_the_name_and_bytes():
    key, name, data = os.urandom(KEY_BYTES), "a" * 64 + ".entry", b"entry bytes \x00\xff" * 100
    expected = hmac.new(
        key, b"ReflexMap chart cache verdict\n" + name.encode() + b"\n" + data, hashlib.sha256
    )
    assert verdict_mac(key, name, data) == expected.digest()
    assert verdict_mac(key, "b" * 64 + ".entry", data) != expected.digest()


def test_a_second_open_with_its_verdict_runs_no_rules_and_gives_the_same_chart(tmp_path: Path, rules_run):
    chart, entry, verdict = _cached(tmp_path)
    atlas, ran = _second_open(tmp_path, chart, rules_run)
    assert ran == []
    fresh = read_atlas(chart).atlas
    assert atlas == fresh
    assert all(atlas.anchors(v.id) == fresh.anchors(v.id) for v in fresh.views)
    key = tmp_path / "cache" / KEY_NAME
    info = key.lstat()
    assert stat.S_ISREG(info.st_mode) and info.st_size == KEY_BYTES
    assert stat.S_IMODE(info.st_mode) == 0o600
    assert verdict.read_bytes() == verdict_mac(key.read_bytes(), entry.name, entry.read_bytes())


@pytest.mark.parametrize("at", [0, 13, 31])
def test_a_damaged_byte_in_the_verdict(tmp_path: Path, rules_run, at):
    chart, _entry, verdict = _cached(tmp_path)
    data = bytearray(verdict.read_bytes())
    data[at] ^= 0x01
    verdict.write_bytes(bytes(data))
    _rechecked(tmp_path, chart, rules_run)


@pytest.mark.parametrize("content", [b"", b"\x00" * 32, b"x" * 31, b"x" * 33, b"x" * 100_000])
def test_a_verdict_of_other_bytes_or_sizes(tmp_path: Path, rules_run, content):
    chart, _entry, verdict = _cached(tmp_path)
    verdict.write_bytes(content)
    _rechecked(tmp_path, chart, rules_run)


def test_a_missing_verdict(tmp_path: Path, rules_run):
    chart, _entry, verdict = _cached(tmp_path)
    verdict.unlink()
    _rechecked(tmp_path, chart, rules_run)
    assert verdict.is_file()


def test_a_verdict_forged_under_another_key(tmp_path: Path, rules_run):
    chart, entry, verdict = _cached(tmp_path)
    verdict.write_bytes(verdict_mac(os.urandom(KEY_BYTES), entry.name, entry.read_bytes()))
    _rechecked(tmp_path, chart, rules_run)


def test_a_verdict_copied_from_another_entry(tmp_path: Path, rules_run):
    chart, _entry, verdict = _cached(tmp_path)
    _other_chart, _other_entry, other_verdict = _cached(tmp_path, "\n# another chart\n")
    verdict.write_bytes(other_verdict.read_bytes())
    _rechecked(tmp_path, chart, rules_run)


def test_an_entry_and_verdict_copied_under_another_charts_name(tmp_path: Path, rules_run):
    """The name is part of what the verdict covers: another chart's sound entry with its own
    verdict, put in place of this chart's, does not skip the rules."""
    chart, entry, verdict = _cached(tmp_path)
    _other, other_entry, other_verdict = _cached(tmp_path, "\n# another chart\n")
    entry.write_bytes(other_entry.read_bytes())
    verdict.write_bytes(other_verdict.read_bytes())
    atlas, ran = _second_open(tmp_path, chart, rules_run)
    assert ran == ["check_texts", "check_geometry", "check_anchors"]


def test_a_changed_entry_with_its_old_verdict(tmp_path: Path, rules_run):
    """The entry changed (still a sound chart, another title) under its verdict: the verdict
    no longer holds for these bytes, and the rules run."""
    chart, entry, _verdict = _cached(tmp_path)
    plain = entry_plain(entry.read_bytes())
    plain["atlas"]["title"] = "Another title"
    entry.write_bytes(entry_bytes(plain))
    atlas, ran = _second_open(tmp_path, chart, rules_run)
    assert ran == ["check_texts", "check_geometry", "check_anchors"]
    assert atlas is not None and atlas.title == "Another title"  # (sound: what the entry holds)


def test_a_link_in_place_of_the_verdict_is_not_followed(tmp_path: Path, rules_run):
    chart, _entry, verdict = _cached(tmp_path)
    elsewhere = tmp_path / "elsewhere.bin"
    elsewhere.write_bytes(verdict.read_bytes())  # even a verdict that would hold
    verdict.unlink()
    verdict.symlink_to(elsewhere)
    _rechecked(tmp_path, chart, rules_run)
    assert not verdict.is_symlink() and verdict.is_file()
    assert elsewhere.read_bytes() == verdict.read_bytes()  # (never written through)


def test_a_folder_or_pipe_in_place_of_the_verdict(tmp_path: Path, rules_run):
    chart, _entry, verdict = _cached(tmp_path)
    verdict.unlink()
    verdict.mkdir()
    (verdict / "inside").write_text("kept")
    _rechecked(tmp_path, chart, rules_run)
    assert verdict.is_file()
    (aside,) = (tmp_path / "cache").glob(f".{verdict.name}.set-aside-*")
    assert (aside / "inside").read_text() == "kept"
    verdict.unlink()
    os.mkfifo(verdict)  # read without waiting for a writer
    _rechecked(tmp_path, chart, rules_run)


def test_a_missing_key(tmp_path: Path, rules_run):
    chart, _entry, _verdict = _cached(tmp_path)
    key = tmp_path / "cache" / KEY_NAME
    key.unlink()
    _rechecked(tmp_path, chart, rules_run)
    assert key.stat().st_size == KEY_BYTES


def test_a_damaged_key(tmp_path: Path, rules_run):
    chart, _entry, _verdict = _cached(tmp_path)
    key = tmp_path / "cache" / KEY_NAME
    data = bytearray(key.read_bytes())
    data[7] ^= 0x80
    key.write_bytes(bytes(data))
    _rechecked(tmp_path, chart, rules_run)


@pytest.mark.parametrize("size", [0, 1, KEY_BYTES - 1, KEY_BYTES + 1, 10_000_000])
def test_a_key_of_the_wrong_size(tmp_path: Path, rules_run, size):
    chart, _entry, _verdict = _cached(tmp_path)
    key = tmp_path / "cache" / KEY_NAME
    with open(key, "r+b") as handle:  # its own first bytes kept: only the size is wrong
        handle.truncate(size)
    _rechecked(tmp_path, chart, rules_run)
    assert key.stat().st_size == KEY_BYTES  # replaced by a sound key


def test_a_key_readable_by_others_is_not_trusted(tmp_path: Path, rules_run):
    chart, _entry, _verdict = _cached(tmp_path)
    key = tmp_path / "cache" / KEY_NAME
    key.chmod(0o644)
    _rechecked(tmp_path, chart, rules_run)
    assert stat.S_IMODE(key.stat().st_mode) == 0o600


def test_a_link_in_place_of_the_key_is_not_followed(tmp_path: Path, rules_run):
    """A link to a key of someone else's choosing (with verdicts made under it) is not used."""
    chart, entry, verdict = _cached(tmp_path)
    planted = tmp_path / "planted.key"
    planted.write_bytes(b"k" * KEY_BYTES)
    planted.chmod(0o600)
    key = tmp_path / "cache" / KEY_NAME
    key.unlink()
    key.symlink_to(planted)
    verdict.write_bytes(verdict_mac(planted.read_bytes(), entry.name, entry.read_bytes()))
    _rechecked(tmp_path, chart, rules_run)
    assert not key.is_symlink() and key.read_bytes() != planted.read_bytes()
    assert planted.read_bytes() == b"k" * KEY_BYTES  # never written through


def _broken_chart_with_planted_entry(tmp_path: Path) -> tuple[Path, AtlasCache, str]:
    """A chart whose first zone's name holds a control character (`check` refuses it), and a
    planted entry for its bytes: the sound chart's entry with that name, as if it had passed."""
    sound, entry, verdict = _cached(tmp_path)
    broken = tmp_path / "broken.yaml"
    broken.write_bytes(sound.read_bytes().replace(b'name: "Head and brain"', b'name: "Head\\a and brain"', 1))
    (message,) = [str(error) for error in read_atlas(broken).errors]
    assert "U+0007" in message
    plain = entry_plain(entry.read_bytes())
    plain["atlas"]["zones"][0][1] = "Head\x07 and brain"
    cache = AtlasCache(tmp_path / "cache")
    planted = cache._entry(broken.read_bytes())
    planted.write_bytes(entry_bytes(plain))
    return broken, cache, message


def test_a_chart_with_a_problem_is_refused_under_a_forged_verdict(tmp_path: Path):
    broken, cache, message = _broken_chart_with_planted_entry(tmp_path)
    planted = cache._entry(broken.read_bytes())
    planted.with_suffix(".verdict").write_bytes(
        verdict_mac(os.urandom(KEY_BYTES), planted.name, planted.read_bytes())
    )
    assert cache.get(broken.read_bytes(), broken) is None
    result = read_atlas(broken, cache)
    assert not result.ok and [str(error) for error in result.errors] == [message]


def test_a_chart_with_a_problem_is_refused_under_a_verdict_copied_from_its_sound_twin(tmp_path: Path):
    broken, cache, message = _broken_chart_with_planted_entry(tmp_path)
    planted = cache._entry(broken.read_bytes())
    (sound_verdict,) = [v for v in cache.folder.glob("*.verdict") if v.stem != planted.stem]
    planted.with_suffix(".verdict").write_bytes(sound_verdict.read_bytes())
    result = read_atlas(broken, cache)
    assert not result.ok and [str(error) for error in result.errors] == [message]


def test_old_entries_take_their_verdicts_with_them(tmp_path: Path):
    chart = _chart(tmp_path)
    atlas = read_atlas(chart).atlas
    cache = AtlasCache(tmp_path / "cache")
    for n in range(MAX_ENTRIES + 5):
        cache.put(f"chart {n}".encode(), atlas)
    entries = {p.stem for p in cache.folder.glob("*.entry")}
    verdicts = {p.stem for p in cache.folder.glob("*.verdict")}
    assert len(entries) == MAX_ENTRIES and verdicts == entries
