"""A reading abandoned by the editor's worker (ui/editor/opening.py) stops inside the parser's
loop, between values, instead of reading the whole chart on in the background; a reading in
a thread not asked to stop is never stopped."""

from __future__ import annotations

import threading

import pytest
import yaml

from benchmarks.synthetic import synthetic_chart
from reflexmap.atlas import stopping
from reflexmap.atlas.yaml_source import parse_yaml


def large_text(zones: int = 300) -> str:
    return yaml.safe_dump(synthetic_chart(zones), sort_keys=False, default_flow_style=None, width=200)


def test_the_parser_stops_between_values_once_asked():
    text, asked = large_text(), threading.Event()
    events = yaml.CSafeLoader(text)
    count = 0
    while events.get_event() is not None:
        count += 1
    events.dispose()
    assert count > 2 * stopping.EVERY  # long enough for the parser to check on the way

    with stopping.stoppable(asked):
        asked.set()
        with pytest.raises(stopping.Stopped):
            parse_yaml(text, "large.yaml")
    data, _positions, errors = parse_yaml(text, "large.yaml")  # not asked: read to its end
    assert errors == [] and len(data["zones"]) == 300


def test_another_threads_reading_is_not_stopped():
    text, asked, found = large_text(), threading.Event(), []
    asked.set()
    with stopping.stoppable(asked):  # this thread's reading is asked to stop ...
        other = threading.Thread(target=lambda: found.append(parse_yaml(text, "large.yaml")))
        other.start()
        other.join(30)
    assert found and found[0][2] == [] and len(found[0][0]["zones"]) == 300  # ... not the other's
