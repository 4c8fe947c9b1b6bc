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
