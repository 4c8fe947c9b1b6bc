"""The published JSON Schema is valid, describes the shipped charts, and is what the loader uses."""

from __future__ import annotations

import json
import math
from pathlib import Path

import jsonschema
import yaml
from hypothesis import example, given, settings
from hypothesis import strategies as st

from reflexmap.atlas import builtin_charts
from reflexmap.atlas.schema import SCHEMA_FILE, _is_ring, _is_sound_shape, schema

ROOT = Path(__file__).resolve().parents[2]


def test_schema_is_a_valid_json_schema():
    cls = jsonschema.validators.validator_for(schema())
    cls.check_schema(schema())


def test_builtin_charts_validate_against_the_published_schema():
    charts = builtin_charts()
    assert charts
    for chart in charts:
        data = yaml.safe_load(chart.read_text(encoding="utf-8"))
        jsonschema.validate(data, schema())


def test_zone_files_point_editors_at_the_schema():
    for chart in (ROOT / "zones").glob("*.yaml"):
        first = chart.read_text(encoding="utf-8").splitlines()[0]
        assert first.startswith("# yaml-language-server: $schema=")
        target = (chart.parent / first.split("=", 1)[1]).resolve()
        assert target.name == SCHEMA_FILE and target.is_file()
        json.loads(target.read_text(encoding="utf-8"))


def test_format_doc_lists_every_zone_key():
    doc = (ROOT / "docs" / "atlas-format.md").read_text(encoding="utf-8")
    for key in schema()["$defs"]["zone"]["properties"]:
        assert f"`{key}`" in doc, key
    for key in schema()["$defs"]["view"]["properties"]:
        assert f"`{key}`" in doc, key


def _finite_numbers(value) -> bool:
    if isinstance(value, list):
        return all(_finite_numbers(v) for v in value)
    return not isinstance(value, float) or math.isfinite(value)


# mostly sound coordinates, sometimes anything a hand-edited file could hold
coordinate = st.one_of(
    st.floats(-2000, 2000),
    st.integers(-2000, 2000),
    st.sampled_from([2000.5, -2001, 10**6, math.nan, math.inf, True, None, "1", [1]]),
)
point = st.one_of(st.lists(coordinate, min_size=2, max_size=2), st.lists(coordinate, max_size=3), coordinate)
ring = st.lists(point, min_size=2, max_size=6)


@settings(max_examples=500, deadline=None)
@given(st.one_of(ring, st.lists(ring, min_size=0, max_size=3)))
@example([[0, 0], [2000, 0], [0, -2000]])
@example([[0, 0], [2000.5, 0], [0, 1]])
@example([[0, 0], [1, -2000.5], [0, 1]])
@example([[0, 0], [1, math.nan], [0, 1]])
@example([[0, 0], [True, 1], [0, 1]])
@example([[[0, 0], [1, 0], [0, 1]], [[0, 0], [1, 0]]])
def test_fast_polygon_check_agrees_with_the_schema(value):
    """Sound coordinates skip jsonschema (speed): the shortcut may only pass what the schema
    passes, and passes all of it but non-finite numbers (the schema lets NaN through; the
    geometry check then names it)."""
    defs = {"$defs": schema()["$defs"]}
    polygon = jsonschema.Draft202012Validator({**defs, "$ref": "#/$defs/polygon"}).is_valid(value)
    shape = jsonschema.Draft202012Validator(
        {**defs, "anyOf": [{"$ref": "#/$defs/polygon"}, {"$ref": "#/$defs/parts"}]}
    ).is_valid(value)
    finite = _finite_numbers(value)
    assert _is_ring(value) == (polygon and finite)
    assert _is_sound_shape(value) == (shape and finite)
