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


class Looks(threading.Event):
    """An event that counts how often a reading looked at it (and is never set)."""

    def __init__(self):
        super().__init__()
        self.looks = 0

    def is_set(self) -> bool:
        self.looks += 1
        return super().is_set()


def large_file(tmp_path, zones: int = 300):
    path = tmp_path / "large.yaml"
    path.write_text(large_text(zones), encoding="utf-8")
    return path


def test_the_check_after_the_parser_stops_once_asked(tmp_path):
    """The editor's reading: the file parsed, then the check (its draft: schema, builder,
    the shapes as written) stops at once when asked; it ran to its end (2.2 s of CPU on
    10,000 zones) before."""
    from reflexmap.atlas.document import read_document

    asked = threading.Event()
    with stopping.stoppable(asked):
        document = read_document(large_file(tmp_path))  # parsed: not asked yet
        asked.set()
        with pytest.raises(stopping.Stopped):
            document.draft()
    assert document.cached_draft() is None  # nothing half done is kept
    assert document.draft().atlas is not None  # not asked (another reading): checked whole


@pytest.mark.parametrize("stage", ["check_structure", "build"])
def test_opening_a_chart_stops_in_its_check_once_asked(tmp_path, monkeypatch, stage):
    """File → Open's reading (the loader): asked to stop when the schema's check, or the
    builder's, begins, it stops there instead of building the chart."""
    from reflexmap.atlas import builder, read_atlas, schema

    asked, finished = threading.Event(), []
    owner, name = (schema, "check_structure") if stage == "check_structure" else (builder.Builder, "build")
    original = getattr(owner, name)

    def asked_here(*args, **kwargs):
        asked.set()  # Cancel pressed as this stage begins
        result = original(*args, **kwargs)
        finished.append(stage)
        return result

    monkeypatch.setattr(owner, name, asked_here)
    path = large_file(tmp_path)
    with stopping.stoppable(asked), pytest.raises(stopping.Stopped):
        read_atlas(path)
    assert finished == []  # stopped inside the stage, not after it
    assert read_atlas(path).ok  # not asked: read and built whole


def test_every_walk_of_the_check_looks_at_the_stop_often(tmp_path):
    """Each walk over the zones (the schema's, the builder's, the shapes as written, the
    text problems, the index) looks at the stop at least every 64 zones: some 20 ms apart on
    the slowest, so a Cancel is taken within about 100 ms whatever the stage."""
    from reflexmap.atlas.document import read_document

    zones, looks = 2000, Looks()
    with stopping.stoppable(looks):
        document = read_document(large_file(tmp_path, zones))
        parsed = looks.looks
        document.draft()
    walks = 6  # schema (2), builder's sound shapes and zones, text problems, index, shapes as written
    assert looks.looks - parsed >= walks * zones // 64
    assert parsed >= 2 * zones // 64  # the walk before the parser and the parser's
