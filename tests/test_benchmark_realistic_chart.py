"""The realistic large chart of the benchmarks (benchmarks/realistic.py) is a valid chart."""

from __future__ import annotations

from pathlib import Path

from benchmarks.realistic import realistic_text, write_realistic_chart
from reflexmap.atlas import builtin_chart_path, load_atlas
from reflexmap.atlas.loader import parse_atlas


def test_the_built_in_zones_repeated_make_a_valid_chart_of_as_many_copies():
    built_in = load_atlas(builtin_chart_path())
    result = parse_atlas(realistic_text(3), "realistic")
    assert result.ok, result.errors[:3]
    zones = result.atlas.zones
    assert len(zones) == 3 * len(built_in.zones)
    ids = [zone.id for zone in zones]
    assert len(set(ids)) == len(ids)
    first = built_in.zones[0]
    assert {first.id, f"{first.id}-c1", f"{first.id}-c2"} <= set(ids)
    names = {zone.id: zone.name for zone in zones}
    assert names[f"{first.id}-c2"] == f"{first.name} 2"  # the copies' names told apart
    copy = next(zone for zone in zones if zone.id == f"{first.id}-c1")
    assert copy.shapes.keys() == first.shapes.keys()  # mirrors and all, as the original


def test_the_chart_is_written_once_to_the_work_folder(tmp_path: Path):
    path = write_realistic_chart(tmp_path, 2)
    assert path.read_text(encoding="utf-8") == realistic_text(2)
    assert write_realistic_chart(tmp_path, 2) == path
