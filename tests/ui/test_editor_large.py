"""Edit mode on a large chart: entering it reads the file once with the loader's parser and
finds how its point lists are written without a ruamel.yaml round trip (7 s of CPU per
1,000 zones; 80 s before edit mode opened on a 10,000-zone chart). Counted, not timed:
the calls of the expensive readers through the real Edit mode action, on a synthetic chart
of a few hundred zones, and what the editor keeps is what the round trip found."""

from __future__ import annotations

from unittest import mock

import yaml
from ruamel.yaml import YAML

from benchmarks.synthetic import synthetic_chart
from reflexmap.atlas import document, load_atlas, yaml_source


def test_edit_mode_on_a_large_chart_reads_it_once_and_never_round_trips_it(make_window, tmp_path):
    path = tmp_path / "synthetic-300.yaml"
    # points written as flow lists ([x, y]), as authors write them: each has a layout to keep
    path.write_text(yaml.safe_dump(synthetic_chart(300), sort_keys=False, default_flow_style=None, width=200))
    window = make_window(load_atlas(path))
    round_trips = mock.patch.object(YAML, "load", autospec=True, side_effect=YAML.load)
    parses = mock.patch.object(yaml_source, "parse_yaml", side_effect=yaml_source.parse_yaml)
    with round_trips as round_trip, parses as parse:
        window.edit_action.trigger()
    try:
        assert window.editor.active
        assert round_trip.call_count == 0
        assert parse.call_count == 1
        kept = window.editor.session.document
        assert len(kept.layouts) > 300 * 10  # the points of the zones and the outlines
        text = path.read_text(encoding="utf-8")
        assert kept.layouts == document._layouts_of(text, document._yaml().load(text))
        assert len(window.editor.session.draft.atlas.zones) == 300
    finally:
        window.editor.saving.discard()
