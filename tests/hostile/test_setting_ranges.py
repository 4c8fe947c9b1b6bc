"""Settings of the right type but out of range (a theme that does not exist, a text size of
10^6, NaN, a window of a million pixels, recent charts that are no paths, quiz fields out of
bounds) fall back alone, like values of the wrong type: one message at start names each one
and why, translated; the other settings are kept; nothing crashes. The rules are one table,
reflexmap.setting_rules.RULES."""

from __future__ import annotations

import json
import struct
from pathlib import Path

import pytest

from reflexmap import setting_rules
from reflexmap.settings import Settings

from .children import ROOT, child_env, play
from .test_numbers_out_of_reach import TOO_FAR, TOO_LARGE, TOO_SMALL

FSI, PDI = "\u2068", "\u2069"


def geometry(left: int, top: int, width: int, height: int) -> dict:
    """A window geometry as QWidget::saveGeometry writes it (format 3), base64 as stored."""
    import base64

    rect = struct.pack(">4i", left, top, left + width - 1, top + height - 1)
    data = struct.pack(">IHH", 0x01D9D0CB, 3, 0) + rect + rect + struct.pack(">iBBi", 0, 0, 0, 1920) + rect
    return {"$base64": base64.b64encode(data).decode("ascii")}


def _file(path: Path, body: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(
        '{"format": "reflexmap-settings", "version": 1, "values": ' + body + "}", encoding="utf-8"
    )
    return path


# key, a value of the right type out of range, a part of the reason given
OUT_OF_RANGE = [
    ("appearance/theme", '"purple"', "is not one of: system, light, dark, high-contrast"),
    ("appearance/theme", '""', "is not one of"),
    ("appearance/language", '"xx"', "is not one of: system, en, de"),
    ("appearance/text-scale", "-1", "is not one of: 0.9; 1; 1.25; 1.5"),
    ("appearance/text-scale", "1000000", "is not one of"),
    ("appearance/text-scale", "NaN", f"{FSI}NaN{PDI} is not one of"),
    ("appearance/text-scale", "-Infinity", "is not one of"),
    ("appearance/text-scale", "1e999", TOO_LARGE.format("1e999")),
    ("appearance/text-scale", "-1e400", TOO_FAR.format("-1e400")),
    ("quiz/setup/seconds", "1e-400", TOO_SMALL.format("1e-400")),
    ("appearance/theme", "2.5e-320", TOO_SMALL.format("2.5e-320")),
    ("appearance/text-scale", "0", "is not one of"),
    ("view/aspect", '"sideways"', "is not one of: plantar, medial, lateral, dorsal"),
    ("chart/last", '"relative/chart.yaml"', "is not a full path"),
    ("chart/last", '"/tmp/a\\u0000b.yaml"', "holds a NUL character"),
    ("chart/dir", '"' + "/x" * 3000 + '"', "a text of 6000 characters is longer than 4096"),
    ("export/dir", '"~/exports"', "is not a full path"),
    ("chart/recent", '["chart.yaml"]', "1 of 1 entries left out"),
    ("chart/recent", json.dumps([f"/c{i}.yaml" for i in range(200)]), "200 entries are more than 100"),
    ("window/geometry", json.dumps(geometry(0, 0, 1_000_000, 800)), "a window of 1000000 × 800 pixels"),
    ("window/geometry", json.dumps(geometry(0, 0, 0, 0)), "a window of 0 × 0 pixels"),
    ("window/geometry", json.dumps(geometry(-2_000_000_000, 5, 800, 600)), "off every screen"),
    (
        "window/geometry",
        '{"$base64": "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"}',
        "not a window size",
    ),
    ("window/state", '{"$base64": "AAAA"}', "not a panel layout"),
    ("quiz/profile", '"../../etc"', "A profile name cannot start"),
    ("quiz/desired-retention", "1.5", "is outside 0.7 to 0.97"),
    ("quiz/desired-retention", "NaN", "is outside 0.7 to 0.97"),
    ("quiz/setup/length", "0", "is outside 1 to 200"),
    ("quiz/setup/length", "2.5", "is not a whole number"),
    ("quiz/setup/seconds", "1000000000", "is outside 10 to 3600"),
    ("quiz/setup/kinds", '["find", "guess"]', "1 of 2 entries left out"),
    ("quiz/setup/feet", '["middle"]', "1 of 1 entries left out"),
    ("quiz/setup/custom", '["Lumbar Spine"]', "is not a zone id"),
    ("quiz/backup-failures-said", '"2026-11-26"', "is not a table of folders and days"),
    ("quiz/backup-failures-said", '{"/data/backups": "yesterday"}', "is not a day"),
    ("quiz/backup-failures-said", '{"backups": "2026-11-26", "/b": "2026-11-26"}', "1 of 2 entries left out"),
    (
        "quiz/backup-failures-said",
        json.dumps({f"/d{i}/backups": "2026-11-26" for i in range(65)}),
        "65 entries are more than 64",
    ),
]


@pytest.mark.parametrize("key, value, reason", OUT_OF_RANGE)
def test_a_value_out_of_range_falls_back_alone_with_its_reason(tmp_path: Path, key, value, reason):
    body = f'{{"view/labels": false, "notes/first-run-seen": true, "{key}": {value}}}'
    if key != "view/aspect":
        body = body[:-1] + ', "view/aspect": "medial"}'
    settings = Settings(_file(tmp_path / "settings.json", body))
    (message,) = settings.warnings
    assert f"{setting_rules.label(key)} ({FSI}{key}{PDI}): " in message
    assert reason in message, message
    assert settings.value("view/labels", True, type=bool) is False  # the others are kept
    if key != "view/aspect":
        assert settings.value("view/aspect") == "medial"
    kept = settings.value(key)
    assert kept is None or setting_rules.check(key, kept).reason is None  # only usable values
    assert [p for p in tmp_path.iterdir() if ".bad-values-" in p.name]  # the file as it was


def test_every_setting_the_app_stores_has_a_rule():
    """The keys written anywhere in the window's code are the table's keys."""
    import re

    written = set()
    for path in (ROOT / "reflexmap").rglob("*.py"):
        source = path.read_text(encoding="utf-8")
        written |= set(re.findall(r'"((?:appearance|chart|export|notes|view|window|quiz)/[a-z/-]+)"', source))
    written |= {f"quiz/setup/{k}" for k in ("kinds", "aspects", "feet", "regions", "custom", "length")}
    written |= {f"quiz/setup/{k}" for k in ("timed", "seconds", "sudden-death")}
    written.discard("quiz/setup/")
    assert written - set(setting_rules.RULES) == set()


def test_a_usable_list_keeps_its_usable_entries(tmp_path: Path):
    good = str(tmp_path / "a.yaml")
    path = _file(tmp_path / "settings.json", json.dumps({"chart/recent": [good, "b.yaml", 3, good]}))
    settings = Settings(path)
    assert settings.value("chart/recent", [], type=list) == [good]
    assert "3 of 4 entries left out" in settings.warnings[0]


def _start(tmp_path: Path, values: dict | str, language: str = "en") -> tuple[dict, Path]:
    home = tmp_path / "home"
    config = home / "config"
    body = values if isinstance(values, str) else json.dumps(values)
    settings = _file(config / "ReflexMap/ReflexMap/settings.json", body)
    env = child_env(home, config, home / "data", home / "cache", LANGUAGE=language, LANG="C.UTF-8", LC_ALL="")
    return play("_start_child", env), settings


def _hostile_values(chart: Path) -> str:
    """Good values and out-of-range ones, in one file (NaN as Python's json writes it)."""
    good = {
        "notes/first-run-seen": True,
        "view/aspect": "medial",
        "view/labels": False,
        "quiz/setup/seconds": 300,
    }
    bad = {
        "appearance/theme": "purple",
        "appearance/text-scale": 1_000_000,
        "window/geometry": geometry(-50, -50, 1_000_000, 1_000_000),
        "chart/recent": [str(chart), "relative.yaml", "/tmp/\u0000bell.yaml"],
        "quiz/setup/length": -3,
        "quiz/desired-retention": 5,
    }
    text = json.dumps({**good, **bad})
    return text[:-1] + ', "quiz/setup/kinds": ["find", NaN]}'


def test_the_app_starts_with_out_of_range_settings_and_says_what_was_reset(tmp_path: Path):
    chart = tmp_path / "my chart.yaml"
    chart.write_bytes((ROOT / "zones/ingham-western.yaml").read_bytes())
    facts, settings = _start(tmp_path, _hostile_values(chart))
    (box,) = facts["shown"]  # one message, at start
    assert box["title"] == "Settings"
    text = box["text"]
    assert text.startswith("These 7 settings could not be used as stored; the others are kept:\n")
    (kept,) = settings.parent.glob("settings.json.bad-values-*")
    stored = kept.read_text(encoding="utf-8")

    def at(written: str, skip: int = 0) -> str:
        """The whole path, line and column of what is written so in the file (one line), after
        `skip` characters of it."""
        return f"• {FSI}{settings}{PDI}:1:{stored.index(written) + skip + 1}: "

    for line in (
        at('"purple"') + f'Theme ({FSI}appearance/theme{PDI}): {FSI}"purple"{PDI} is not one of: system, '
        f"light, dark, high-contrast; the default {FSI}“Follow the system”{PDI} is used.",
        at("1000000") + f"Text size ({FSI}appearance/text-scale{PDI}): {FSI}1000000{PDI} is not one of: "
        f"0.9; 1; 1.25; 1.5; the default {FSI}1{PDI} is used.",
        at('{"$base64"')
        + f"Window size and position ({FSI}window/geometry{PDI}): a window of 1000000 × 1000000 "
        "pixels; the default is used.",
        at('"relative.yaml"') + f"Recent charts ({FSI}chart/recent{PDI}): 2 of 3 entries left out ({FSI}"
        '"relative.yaml"' + f"{PDI} is not a full path); the other entries are kept.",
        at('"quiz/setup/length": -3', 21)  # (not "-3" alone: the temporary folder may be pytest-3…)
        + f"Quiz: questions per round ({FSI}quiz/setup/length{PDI}): {FSI}-3{PDI} is outside 1 to 200; "
        f"the default {FSI}10{PDI} is used.",
        at('"quiz/desired-retention": 5', 26)
        + f"Desired retention ({FSI}quiz/desired-retention{PDI}): {FSI}5{PDI} is outside 0.7 to 0.97; "
        f"the default {FSI}0.9{PDI} is used.",
        at("NaN")
        + f"Quiz: questions ({FSI}quiz/setup/kinds{PDI}): 1 of 2 entries left out (expected one of: "
        f"find, name, technique, claim (as text), found a number written {FSI}NaN{PDI}); the other entries "
        "are kept.",
    ):
        assert line in text.splitlines(), (line, text.splitlines())
    # the defaults for the bad ones, the good ones as they were
    assert facts["theme"] == "light" and facts["text_scale"] == 1.0 and facts["language"] == "en"
    assert facts["aspect"] == "medial" and facts["labels"] is False
    assert facts["size"][0] < 5000 and facts["size"][1] < 5000
    assert str(chart) in facts["charts"] and not any("relative" in c or "bell" in c for c in facts["charts"])
    assert facts["quiz_length"] == 10 and facts["quiz_seconds"] == 300
    # closing wrote the settings: the good values stayed, the bad ones are gone, the old file kept
    values = json.loads(settings.read_text(encoding="utf-8"))["values"]
    assert values["view/aspect"] == "medial" and values["quiz/setup/seconds"] == 300
    assert values["chart/recent"] == [str(chart)] and values["quiz/setup/kinds"] == ["find"]
    assert "appearance/theme" not in values and "quiz/setup/length" not in values
    assert all(setting_rules.check(k, v).reason is None for k, v in values.items())
    assert '"purple"' in kept.read_text(encoding="utf-8")
    assert f"The file as it was is kept as {FSI}{kept}{PDI}." in text  # where it is (tryout S12-4)
    facts, _settings = _start_again(tmp_path)
    assert facts["shown"] == []  # said once: the next start is quiet


def _start_again(tmp_path: Path) -> tuple[dict, Path]:
    settings = tmp_path / "home/config/ReflexMap/ReflexMap/settings.json"
    values = json.loads(settings.read_text(encoding="utf-8"))["values"]
    return _start(tmp_path, values)


def test_the_message_is_in_the_interface_language(tmp_path: Path):
    values = {"notes/first-run-seen": True, "appearance/language": "de", "appearance/theme": "purple"}
    values["quiz/setup/length"] = 1000
    values["quiz/desired-retention"] = 1.5
    facts, _settings = _start(tmp_path, values)
    (box,) = facts["shown"]
    assert facts["language"] == "de"
    assert box["title"] == "Einstellungen"
    assert box["text"].startswith(
        "Diese 3 Einstellungen waren so nicht verwendbar; die übrigen bleiben erhalten:\n"
    )
    assert f"die Voreinstellung {FSI}10{PDI} gilt." in box["text"]
    theme = f'Farbschema ({FSI}appearance/theme{PDI}): {FSI}"purple"{PDI} ist keine der Möglichkeiten'
    assert theme in box["text"]
    # a stored number quoted as the file writes it, in German too (was 1.000 and 1,5); the
    # bounds and the default, the app's own numbers, as German writes them
    assert f"{FSI}1000{PDI} liegt nicht zwischen 1 und 200" in box["text"]
    assert f"{FSI}1.5{PDI} liegt nicht zwischen 0,7 und 0,97" in box["text"], box["text"]
    assert f"die Voreinstellung {FSI}„Wie das System“{PDI} gilt" in box["text"], box["text"]


@pytest.mark.parametrize(
    "body, place, words",
    [
        ('{"view/labels": true,\n}', "2:1", "Komma"),  # was: Expecting property name…
        ('{"view/labels": true\n "view/guides": false}', "2:2", "Komma"),  # Expecting ',' delimiter
        ('{"chart/last": "/x}', "1:73", "Anführungszeichen"),  # Unterminated string
        ('{"view/labels": [', "1:75", "Wert"),  # Expecting value
    ],
)
def test_a_damaged_settings_file_is_said_in_german_with_its_place(tmp_path: Path, body, place, words):
    """LANGUAGE=de: json's own English ("Expecting property name enclosed in double quotes")
    and the sentence about the file set aside are German, with file:line:column (the settings
    are read before any language is applied: the words are made when they are shown)."""
    facts, settings = _start(tmp_path, body, language="de")
    assert facts["language"] == "de"
    (box,) = facts["shown"]
    text = box["text"]
    assert text.startswith(f"\u2068{settings}\u2069:{place}: "), text  # the whole path (was the name)
    assert words in text and "aufbewahrt" in text, text
    for english in ("Expecting", "delimiter", "could not", "kept as", "line ", "column", "JSON syntax"):
        assert english not in text, text
    assert list(settings.parent.glob("settings.json.damaged-*"))
