"""The setting chart/ids ({recent chart's full path: its id}) is read like every setting: by
type, each entry alone, bounded; a hand-edited or damaged value falls back entry by entry."""

from __future__ import annotations

import json
from pathlib import Path

from reflexmap.setting_rules import MAX_RECENT, ids_by_chart
from reflexmap.settings import Settings


def test_sound_ids_are_kept():
    value = {"/c/a.yaml": "annas-chart", "/c/b.yaml": "b2"}
    assert ids_by_chart(value).value == value and ids_by_chart(value).reason is None


def test_entries_that_are_not_ids_fall_back_alone():
    value = {"/c/a.yaml": "annas-chart", "/c/b.yaml": "Not An Id", "/c/c.yaml": 5, "/c/d.yaml": "x" * 65}
    checked = ids_by_chart(value)
    assert checked.value == {"/c/a.yaml": "annas-chart"}
    assert "is not a chart id" in checked.reason


def test_other_kinds_and_too_many_are_refused():
    assert ids_by_chart(["annas-chart"]).value is None
    many = {f"/c/{n}.yaml": "a" for n in range(2 * MAX_RECENT + 1)}
    assert ids_by_chart(many).value is None


def test_a_settings_file_with_hostile_ids_gives_the_sound_ones(tmp_path: Path):
    path = tmp_path / "settings.json"
    values = {"chart/ids": {"/c/a.yaml": "annas-chart", "rel.yaml": "b", "/c/e.yaml": ["x"]}}
    path.write_text(json.dumps({"format": "reflexmap-settings", "version": 1, "values": values}))
    settings = Settings(path)
    assert settings.value("chart/ids") == {"/c/a.yaml": "annas-chart"}
    assert settings.warnings
