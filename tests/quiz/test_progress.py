"""Progress is never lost: atomic saves with a backup, damaged and future files set aside."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reflexmap.quiz import LegacyCardState as CardState
from reflexmap.quiz import ProgressStore
from reflexmap.quiz.progress import ProgressError, parse

from ..dying import ARM, PRELUDE
from ..hostile.test_numbers_out_of_reach import TOO_LARGE, TOO_SMALL


def states(n: int, box: int = 2) -> dict[str, CardState]:
    return {f"chart:z{i}:find": CardState(box=box, due=1000.0 + i, seen=1, right=1) for i in range(n)}


def test_save_and_load_round_trip(tmp_path: Path):
    store = ProgressStore(tmp_path / "progress.json")
    store.save(states(3))
    loaded = store.load()
    assert loaded.warnings == []
    assert loaded.states == states(3)


def test_missing_file_is_empty_progress_without_warning(tmp_path: Path):
    loaded = ProgressStore(tmp_path / "nested" / "progress.json").load()
    assert loaded.states == {} and loaded.warnings == []


def test_second_save_keeps_the_first_as_backup(tmp_path: Path):
    store = ProgressStore(tmp_path / "progress.json")
    store.save(states(1))
    store.save(states(2))
    assert parse(store.backup.read_bytes()) == states(1)
    assert parse(store.path.read_bytes()) == states(2)


def test_damaged_file_is_set_aside_and_the_backup_used(tmp_path: Path):
    store = ProgressStore(tmp_path / "progress.json")
    store.save(states(1))
    store.save(states(2))
    store.path.write_text('{"format": "reflexmap-progress", "version": 1, "cards": {', encoding="utf-8")
    loaded = store.load()
    assert loaded.states == states(1)
    assert any("damaged" in w for w in loaded.warnings)
    assert any(".bak\u2069 of \u2068" in w and "is used instead" in w for w in loaded.warnings)
    aside = [p for p in tmp_path.iterdir() if ".damaged-" in p.name]
    assert len(aside) == 1 and aside[0].read_text().endswith("{")  # kept, not dropped


def test_future_version_is_never_overwritten(tmp_path: Path):
    store = ProgressStore(tmp_path / "progress.json")
    future = {"format": "reflexmap-progress", "version": 7, "cards": {"x": {"shiny": True}}}
    store.path.write_text(json.dumps(future), encoding="utf-8")
    loaded = store.load()
    assert loaded.states == {}
    assert any("newer ReflexMap (progress format 7)" in w for w in loaded.warnings)
    kept = tmp_path / "progress.json.from-version-7"
    assert json.loads(kept.read_text()) == future
    store.save(states(1))  # a later save does not touch the set-aside file
    assert json.loads(kept.read_text()) == future


@pytest.mark.parametrize(
    "content",
    [
        b"",
        b"\xff\xfe garbage",
        b"[]",
        b'{"format": "something-else", "version": 1, "cards": {}}',
        b'{"format": "reflexmap-progress", "version": 1}',  # (a version alone falls back: test_versions)
        b'{"format": "reflexmap-progress", "version": 1, "cards": []}',
        b"[" * 100_000,
    ],
)
def test_every_kind_of_damage_is_a_warning_not_a_crash(tmp_path: Path, content: bytes):
    store = ProgressStore(tmp_path / "progress.json")
    store.path.write_bytes(content)
    loaded = store.load()
    assert loaded.states == {}
    assert loaded.warnings and "Starting with empty progress." in loaded.warnings
    assert not store.path.exists()  # moved aside, so the next save cannot destroy it
    assert len([p for p in tmp_path.iterdir() if ".damaged-" in p.name]) == 1


@pytest.mark.parametrize(
    "record, written, reason",
    [
        ('{"box": 99}', "99", "box 99 is outside 1 to 5"),
        ('{"box": "two"}', '"two"', "box is not a whole number"),
        ('{"box": 2, "due": NaN}', "NaN", "due is not a number"),
        ('{"box": 2, "seen": 1e999}', "1e999", TOO_LARGE.format("1e999")),
        ('{"box": 2, "due": 1e-400}', "1e-400", TOO_SMALL.format("1e-400")),
        ('{"box": 2, "last_right": 1}', "1}", "last_right is not true or false"),
        ("[]", "[]", "not a record"),
    ],
)
def test_a_record_that_cannot_be_used_is_left_out_alone_at_its_place(tmp_path: Path, record, written, reason):
    """Before: the whole file was set aside for one card (every other card's progress was not
    imported), with "card 'k': …" and no place."""
    store = ProgressStore(tmp_path / "progress.json")
    good = '{"box": 3, "due": 5, "seen": 2, "right": 1, "wrong": 1, "last_seen": 4, "last_right": false}'
    text = '{"format": "reflexmap-progress", "version": 1, "cards": {\n "k": ' + record + ",\n"
    text += ' "a:b:find": ' + good + "}}"
    store.path.write_text(text, encoding="utf-8")
    place = f"2:{len(' _k_: ') + record.index(written) + 1}"  # the field's value, or the record
    loaded = store.load()
    assert list(loaded.states) == ["a:b:find"] and loaded.states["a:b:find"].box == 3
    (message,) = loaded.warnings
    (kept,) = tmp_path.glob("progress.json.damaged-*")
    assert message.splitlines() == [
        "1 card record could not be used; the other cards are read:",
        f"• \u2068{store.path}\u2069:{place}: card \u2068k\u2069: {reason}; this card is left out.",
        f"The file as it was is kept as \u2068{kept}\u2069.",
    ]
    assert kept.read_text(encoding="utf-8") == text and store.path.read_text(encoding="utf-8") == text


def test_several_records_left_out_are_said_as_several_in_german(tmp_path: Path):
    from reflexmap import i18n

    store = ProgressStore(tmp_path / "progress.json")
    cards = {f"c{i}": {"box": 9} for i in range(12)}
    store.path.write_text(
        json.dumps({"format": "reflexmap-progress", "version": 1, "cards": cards}, indent=1)
    )
    i18n.set_language("de")
    try:
        (message,) = store.load().warnings
    finally:
        i18n.set_language("en")
    lines = message.splitlines()
    assert lines[0] == "12 Karteneinträge waren nicht verwendbar; die übrigen Karten werden gelesen:"
    assert (
        lines[1]
        == f"• \u2068{store.path}\u2069:6:11: Karte \u2068c0\u2069: Fach 9 liegt nicht zwischen 1 und 5; "
        "diese Karte wird ausgelassen."
    )
    assert lines[11] == "… und 2 weitere."
    assert lines[12].startswith("Die Datei ist so, wie sie war, aufbewahrt als") or "aufbewahrt" in lines[12]


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=400) | st.text(max_size=400).map(lambda t: t.encode("utf-8")))
def test_parse_never_raises_anything_but_progress_error(raw: bytes):
    try:
        parse(raw)
    except ProgressError:
        pass


# A child process saves new progress and is killed (os._exit, no clean-up) at one of the
# file operations of the save; the previous progress must be intact afterwards.
KILL_SCRIPT = (
    PRELUDE
    + "from reflexmap.quiz import LegacyCardState as CardState, ProgressStore\n"
    + ARM
    + "new = {f'chart:new{i}:find': CardState(box=5, seen=9) for i in range(50)}\n"
    + "ProgressStore(target).save(new)\n"
    + "print('completed')\n"
)


def test_a_save_killed_at_any_stage_leaves_the_old_progress_intact(tmp_path: Path):
    path = tmp_path / "progress.json"
    store = ProgressStore(path)
    store.save(states(4, box=3))
    store.save(states(5, box=3))  # so there is also a backup
    before = store.load().states
    stage, completed = 1, False
    while not completed:
        result = subprocess.run(
            [sys.executable, "-c", KILL_SCRIPT, str(path), str(stage)],
            capture_output=True,
            text=True,
            timeout=60,
        )
        completed = "completed" in result.stdout
        after = ProgressStore(path).load()
        assert not [w for w in after.warnings if "damaged" in w], (stage, after.warnings)
        if completed:
            assert len(after.states) == 50  # the save got through
        else:
            assert result.returncode == 9, result.stderr
            # the old progress, whole; or, killed after the final rename (at the folder's fsync),
            # the new one, whole
            assert after.states == before or len(after.states) == 50, (
                f"progress lost at file operation {stage}"
            )
        stage += 1
    assert stage > 4  # fsync, copy, the backup's replace and the main replace were all interrupted
    assert sorted(p.name for p in tmp_path.iterdir()) == ["progress.json", "progress.json.bak"]


def test_a_card_record_nested_too_deep_is_left_out_alone_at_its_bracket(tmp_path: Path):
    """Before: the whole file was set aside ("values are nested deeper than 64 levels"), every
    card's progress lost from it; now that card alone, said at the bracket that goes too deep."""
    deep = "[" * 70 + "1" + "]" * 70
    good = '{"box": 2, "due": 0, "seen": 1, "right": 1, "wrong": 0, "last_seen": 0, "last_right": true}'
    text = (
        '{"format": "reflexmap-progress", "version": 1, "cards": {\n'
        f' "a:b:find": {good},\n'
        f' "a:c:find": {{"box": {deep}}},\n'
        f' "a:d:find": {good}\n'
        "}}"
    )
    path = tmp_path / "progress.json"
    path.write_text(text, encoding="utf-8")
    loaded = ProgressStore(path).load()
    assert sorted(loaded.states) == ["a:b:find", "a:d:find"]
    (said,) = loaded.warnings
    column = text.splitlines()[2].index("[") + 1 + 65 - 4  # the file, "cards", the card: level 4
    deep = "values are nested deeper than 64 levels"
    assert f"\u2068{path}\u2069:3:{column}: card \u2068a:c:find\u2069: {deep}" in said
