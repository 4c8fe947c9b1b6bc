"""Two ReflexMaps (two processes) on one settings file and one review log, each used in its
own way and closed one after the other: nothing either did is lost (settings changed by each,
the charts each opened in the recent list, the answers each gave)."""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path

import pytest

from .test_stored_files import _Instance

DATA = Path(__file__).resolve().parents[1] / "data"


@pytest.mark.parametrize("order", ["first-opened-closes-first", "last-opened-closes-first"])
def test_two_processes_closed_one_after_the_other_lose_nothing(tmp_path: Path, order: str):
    config = tmp_path / "config/ReflexMap/ReflexMap/settings.json"
    config.parent.mkdir(parents=True)
    config.write_text(
        json.dumps({"format": "reflexmap-settings", "version": 1, "values": {"notes/first-run-seen": True}})
    )
    charts = []
    for name in ("mine.yaml", "yours.yaml"):
        charts.append(tmp_path / name)
        shutil.copy(DATA / "small.yaml", charts[-1])
    one, two = _Instance(tmp_path), _Instance(tmp_path)
    one.do("answer sacrum")
    two.do("answer lumbar-spine")
    one.do("labels")
    two.do("theme dark")
    one.do(f"open {charts[0]}")
    two.do(f"open {charts[1]}")
    first, last = (one, two) if order == "first-opened-closes-first" else (two, one)
    first.close()
    last.close()
    values = json.loads(config.read_text())["values"]
    assert values["view/labels"] is False
    assert values["appearance/theme"] == "dark"
    recent = values.get("chart/recent", [])
    assert sorted(recent) == sorted(str(c.resolve()) for c in charts), recent  # both charts listed
    database = tmp_path / "data/ReflexMap/ReflexMap/reviews.sqlite3"
    conn = sqlite3.connect(database)
    cards = sorted(card for (card,) in conn.execute("SELECT card FROM reviews"))
    conn.close()
    assert cards == ["ingham-western:lumbar-spine:find", "ingham-western:sacrum:find"]


def test_two_processes_opening_charts_in_turn_keep_every_recent_chart(tmp_path: Path):
    """Each window opens charts from the File menu's path in turn, one opening again a chart it
    had open (nothing else of its settings changes then): the recent list is changed from what
    is on disk, under the lock, so no window's older copy of the list drops the other's charts."""
    config = tmp_path / "config/ReflexMap/ReflexMap/settings.json"
    config.parent.mkdir(parents=True)
    config.write_text(
        json.dumps({"format": "reflexmap-settings", "version": 1, "values": {"notes/first-run-seen": True}})
    )
    charts = []
    for name in ("a.yaml", "b.yaml", "c.yaml"):
        charts.append(tmp_path / name)
        shutil.copy(DATA / "small.yaml", charts[-1])
    one, two = _Instance(tmp_path), _Instance(tmp_path)
    one.do(f"open {charts[0]}")
    two.do(f"open {charts[1]}")
    one.do(f"open {charts[0]}")  # again: its own copy of the list knows only a.yaml
    two.do(f"open {charts[2]}")
    one.do(f"open {charts[0]}")
    recent = json.loads(config.read_text())["values"]["chart/recent"]
    assert recent[0] == str(charts[0].resolve())
    assert sorted(recent) == sorted(str(c.resolve()) for c in charts), recent
    one.close()
    two.close()
    recent = json.loads(config.read_text())["values"]["chart/recent"]
    assert sorted(recent) == sorted(str(c.resolve()) for c in charts), recent


def test_a_value_chosen_again_in_one_window_after_another_window_changed_it_is_kept(tmp_path: Path):
    """One window picks the dark theme; the other then picks the theme it already showed
    (light): the choice made last is the one in the file, though that window held it already."""
    config = tmp_path / "config/ReflexMap/ReflexMap/settings.json"
    config.parent.mkdir(parents=True)
    config.write_text(
        json.dumps(
            {
                "format": "reflexmap-settings",
                "version": 1,
                "values": {"notes/first-run-seen": True, "appearance/theme": "light"},
            }
        )
    )
    one, two = _Instance(tmp_path), _Instance(tmp_path)
    one.do("theme dark")
    two.do("theme light")
    assert json.loads(config.read_text())["values"]["appearance/theme"] == "light"
    one.close()
    two.close()
    assert json.loads(config.read_text())["values"]["appearance/theme"] == "light"
