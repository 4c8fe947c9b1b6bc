"""A handout's legend is laid out in proportion to its entries: each size tried stops laying
out entries once they cannot fit, and a legend running over pages lays out each page's
entries, not every entry left at every page (a 3,000-zone handout took 14 s, 100,000 text
layouts; the same pages now come out of 4 s)."""

from __future__ import annotations

from pathlib import Path

import yaml

from benchmarks.synthetic import synthetic_chart
from reflexmap.atlas import parse_atlas
from reflexmap.render import handout


def test_a_long_legend_lays_out_each_entry_a_few_times_not_once_per_page(qapp, tmp_path: Path, monkeypatch):
    zones = 1200
    atlas = parse_atlas(yaml.safe_dump(synthetic_chart(zones), sort_keys=False)).atlas
    calls = []
    block = handout._block

    def counted(*args, **kwargs):
        calls.append(1)
        return block(*args, **kwargs)

    monkeypatch.setattr(handout, "_block", counted)
    out = handout.export_handout(atlas, tmp_path / "handout.pdf", aspects=["plantar"])
    assert out.stat().st_size > 0
    assert len(calls) <= 5 * zones, len(calls)  # before: 23 a zone, more the longer the legend
