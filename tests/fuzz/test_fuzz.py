"""Fuzzing the two readers of outside data: the zone-file loader and the progress reader.

CI runs a fixed budget of examples per test; a longer run is one command away:

    REFLEXMAP_FUZZ_EXAMPLES=20000 .venv/bin/python -m pytest tests/fuzz -q

Each test passes when the reader returns a value or its own clean error for every input:
any other exception, a crash or a hang is a failure.
"""

from __future__ import annotations

import json
import os

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reflexmap.atlas import AtlasError, builtin_chart_path, parse_atlas
from reflexmap.quiz.progress import ProgressError
from reflexmap.quiz.progress import parse as parse_progress

EXAMPLES = int(os.environ.get("REFLEXMAP_FUZZ_EXAMPLES", "200"))
FUZZ = settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck), database=None)
CHART = builtin_chart_path().read_bytes()[:6000]  # the header, sources, views and first zones


def _clean(result) -> None:
    assert (result.atlas is None) == bool(result.errors)
    for error in result.errors:
        assert isinstance(error, AtlasError) and error.message


@FUZZ
@given(st.data())
def test_fuzz_loader_with_byte_mutations(data):
    raw = bytearray(CHART)
    for _ in range(data.draw(st.integers(1, 12))):
        op = data.draw(st.sampled_from(["flip", "insert", "delete", "splice"]))
        i = data.draw(st.integers(0, len(raw) - 1))
        if op == "flip":
            raw[i] = data.draw(st.integers(0, 255))
        elif op == "insert":
            raw[i:i] = data.draw(st.binary(min_size=1, max_size=8))
        elif op == "delete":
            del raw[i : i + data.draw(st.integers(1, 40))]
        else:
            j = data.draw(st.integers(0, len(raw) - 1))
            raw[i:i] = raw[j : j + data.draw(st.integers(1, 200))]
        if not raw:
            raw = bytearray(b"x")
    _clean(parse_atlas(bytes(raw), "fuzz.yaml"))


yaml_token = st.sampled_from(
    ["{", "}", "[", "]", ",", ":", "- ", "\n", "  ", "&a ", "*a", "!!str ", "!!python/object ", "'", '"', "#",
     "---", "...", "? ", "|", ">", "1", "-1.5", ".nan", ".inf", "~", "null", "yes", "id", "zones", "shapes",
     "views", "atlas_format", "plantar-left", "mirror", "<<", "%YAML 1.1\n", "\t", "\x00", "é"]
)  # fmt: skip


@FUZZ
@given(st.lists(yaml_token, max_size=120).map("".join))
def test_fuzz_loader_with_yaml_shaped_text(text):
    _clean(parse_atlas(text, "fuzz.yaml"))


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=6),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=6), inner, max_size=4),
    max_leaves=25,
)
card = st.fixed_dictionaries(
    {},
    optional={
        k: json_values | st.integers(-5, 10)
        for k in ("box", "due", "seen", "right", "wrong", "last_seen", "last_right")
    },
)


@FUZZ
@given(
    st.fixed_dictionaries(
        {
            "format": st.sampled_from(["reflexmap-progress", "other"]),
            "version": st.integers(-1, 3) | json_values,
        },
        optional={
            "cards": st.dictionaries(st.text(max_size=10), card | json_values, max_size=5) | json_values
        },
    )
)
def test_fuzz_progress_reader_with_structures(data):
    try:
        parse_progress(json.dumps(data).encode("utf-8"))
    except ProgressError:
        pass


@FUZZ
@given(st.binary(max_size=500))
def test_fuzz_progress_reader_with_bytes(raw):
    try:
        parse_progress(raw)
    except ProgressError:
        pass
