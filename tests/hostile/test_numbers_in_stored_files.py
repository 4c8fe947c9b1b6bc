"""Settings, progress and the chart cache read numbers by the zone files' rule
(reflexmap/number_reach.py): a number written in decimal that no float holds as written
(1e999 would be infinity, 1e-400 0) is refused quoting what was written, "this number is too
large to read: '1e999'", never shown as "Infinity" or taken for 0. A setting holding one falls
back alone, with that reason; a progress file is set aside with it, at its line and column."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reflexmap import bounded_json, i18n
from reflexmap.quiz.progress import ProgressStore
from reflexmap.quiz.reviewlog import parse_state
from reflexmap.settings import Settings

from .test_progress_ranges import GOOD

TOO_LARGE = "this number is too large to read: '{}'"
TOO_SMALL = "this number is too close to zero to read (write 0 for zero): '{}'"
WRITTEN = {
    "1e999": TOO_LARGE,
    "-1E400": "this number is too far from zero to read: '{}'",
    "1e-400": TOO_SMALL,
    "2.5e-320": TOO_SMALL,
}


@pytest.mark.parametrize("written", WRITTEN)
def test_the_bounded_reader_refuses_it_at_its_place_quoting_it(written: str):
    text = '{"a": [1, 2.5],\n "b": [0e-999, ' + written + "]}"
    with pytest.raises(bounded_json.JSONBoundsError) as refused:
        bounded_json.loads(text, max_bytes=1000)
    assert (refused.value.line, refused.value.column) == (2, 16)
    assert refused.value.message == WRITTEN[written].format(written)


@pytest.mark.parametrize("written", ["0e-400", "-0.0E+999", "1e-300", "1.5e300", '"1e999"'])
def test_zero_numbers_a_float_holds_and_text_are_read(written: str):
    assert bounded_json.loads(f"[{written}]", max_bytes=100) == [json.loads(written)]


def _settings(tmp_path: Path, key: str, written: str) -> Settings:
    path = tmp_path / "settings.json"
    path.write_text(
        '{"format": "reflexmap-settings", "version": 1, "values": '
        f'{{"view/labels": false, "{key}": {written}, "view/aspect": "medial"}}}}',
        encoding="utf-8",
    )
    return Settings(path)


@pytest.mark.parametrize("key", ["appearance/text-scale", "quiz/desired-retention", "quiz/setup/length"])
@pytest.mark.parametrize("written", WRITTEN)
def test_a_setting_holding_it_falls_back_alone_quoting_it(tmp_path: Path, key: str, written: str):
    """Before: 1e999 was "Infinity is not one of …", 1e-400 a 0 (a length of 0 questions)."""
    settings = _settings(tmp_path, key, written)
    (message,) = settings.warnings
    assert WRITTEN[written].format(written) in message, message
    assert "Infinity" not in message
    assert settings.value(key) is None  # its default
    assert settings.value("view/labels", True, type=bool) is False  # the others are kept
    assert settings.value("view/aspect") == "medial"


def test_a_setting_holding_it_is_said_in_german(tmp_path: Path):
    i18n.set_language("de")
    try:
        settings = _settings(tmp_path, "appearance/text-scale", "1e999")
        (message,) = settings.warnings
    finally:
        i18n.set_language("en")
    assert "diese Zahl ist zu groß, um sie zu lesen: '1e999'" in message, message


@pytest.mark.parametrize("written", WRITTEN)
def test_a_progress_record_holding_it_is_left_out_saying_where(tmp_path: Path, written: str):
    path = tmp_path / "progress.json"
    path.write_text(
        '{"format": "reflexmap-progress", "version": 1, "cards": {\n'
        f' "a:b:find": {{"box": 2, "due": {written}, "seen": 1, "right": 1, "wrong": 0,'
        ' "last_seen": 0, "last_right": true}}}',
        encoding="utf-8",
    )
    loaded = ProgressStore(path).load()
    assert loaded.states == {}
    assert loaded.warnings[0].splitlines()[1] == (
        f"• \u2068{path}\u2069:2:32: card \u2068a:b:find\u2069: "
        + WRITTEN[written].format(written)
        + "; this card is left out."
    ), loaded.warnings
    assert list(tmp_path.glob("progress.json.damaged-*"))  # the file as it was


@pytest.mark.parametrize("written", ["1e-400", "1e999"])
def test_a_card_record_holding_it_does_not_read_back(written: str):
    """Before: `"due": 1e-400` read back as due in 1970 (0), a card asked at once."""
    raw = json.dumps({**GOOD, "due": 1.0}).replace('"due": 1.0', f'"due": {written}')
    assert parse_state(raw) is None
    assert parse_state(json.dumps({**GOOD, "due": 0.0})) is not None


def test_a_key_this_version_does_not_know_keeps_such_a_number_as_written(tmp_path: Path):
    """A newer ReflexMap's setting is kept as it is when this one writes the file: before,
    1e999 was written back as Infinity and 1e-400 as 0.0."""
    path = tmp_path / "settings.json"
    path.write_text(
        '{"format": "reflexmap-settings", "version": 1, "values": {"future/large": 1e999,'
        ' "future/small": [1, -1e-400], "future/text": "RMUNHELD0X", "view/labels": false}}',
        encoding="utf-8",
    )
    settings = Settings(path)
    assert settings.warnings == []
    settings.setValue("view/labels", True)
    settings.sync()
    written = path.read_text(encoding="utf-8")
    assert '"future/large": 1e999' in written and "-1e-400" in written, written
    assert '"future/text": "RMUNHELD0X"' in written and "Infinity" not in written
    assert Settings(path).value("view/labels") is True
