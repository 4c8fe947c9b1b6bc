"""The published JSON Schema is valid, describes the shipped charts, and is what the loader uses."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import yaml

from reflexmap.atlas import builtin_charts
from reflexmap.atlas.schema import SCHEMA_FILE, schema

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
