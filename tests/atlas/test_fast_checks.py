"""The fast paths of a first open (issue 19) never accept what the full checks refuse.

`schema._surely_valid` answers "surely valid" only for what jsonschema accepts; the builder's
vectorised `sound_shapes` calls a shape sound only when the per-polygon rules find nothing.
Anything they are unsure of goes the old way, so errors and their wording stay the same."""

from __future__ import annotations

import copy
import math

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reflexmap.atlas import builtin_chart_path, parse_atlas
from reflexmap.atlas import schema as atlas_schema
from reflexmap.atlas.builder import Builder
from reflexmap.atlas.geometry import outside_problem, polygon_problem
from reflexmap.atlas.yaml_source import parse_yaml

BASE = yaml.safe_load(builtin_chart_path().read_text(encoding="utf-8"))
ZONE = next(z for z in BASE["zones"] if isinstance(z["shapes"].get("plantar-left"), list))
ZONE_SCHEMA = atlas_schema.schema()["$defs"]["zone"]

odd_values = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-3, 3),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=5),
    st.sampled_from(["", "x" * 4001, "Head", "mirror", "head", "estimate", "a--b", "A", "plantar-left"]),
    st.lists(st.integers(0, 2), max_size=3),
    st.dictionaries(st.sampled_from(["de", "xx", "DE", "name"]), st.text(max_size=3), max_size=2),
)


def _jsonschema_accepts(zone) -> bool:
    validator = atlas_schema._validator()
    return not list(validator.evolve(schema={"$ref": "#/$defs/zone"}).iter_errors(zone))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    key=st.sampled_from([*ZONE_SCHEMA["properties"], "colour", "shapes.plantar-left", "shapes.nowhere"]),
    value=odd_values,
    drop=st.booleans(),
)
def test_surely_valid_only_says_so_of_what_jsonschema_accepts(key, value, drop):
    zone = copy.deepcopy(ZONE)
    if key.startswith("shapes."):
        view = key.split(".", 1)[1]
        if drop:
            zone["shapes"].pop(view, None)
        else:
            zone["shapes"][view] = value
    elif drop:
        zone.pop(key, None)
    else:
        zone[key] = value
    if atlas_schema._surely_valid(zone, ZONE_SCHEMA):
        assert _jsonschema_accepts(zone), zone


def test_every_built_in_zone_takes_the_fast_path():
    assert all(atlas_schema._surely_valid(zone, ZONE_SCHEMA) for zone in BASE["zones"])
    assert atlas_schema._without_sound_zones(BASE)["zones"] == []


def test_a_single_doubtful_zone_sends_every_zone_to_jsonschema_with_the_same_errors():
    data = copy.deepcopy(BASE)
    data["zones"][3]["region"] = "elbow"
    data["zones"][7]["name"] = ""
    assert atlas_schema._without_sound_zones(data) is data
    errors = parse_atlas(yaml.safe_dump(data, sort_keys=False, allow_unicode=True)).errors
    assert len(errors) == 2
    assert "'elbow' is not a valid region" in errors[0].message
    assert "'name' must not be empty" in errors[1].message


point = st.tuples(
    st.one_of(st.floats(-120, 120), st.sampled_from([math.nan, math.inf, 0.0])),
    st.floats(0, 260),
)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(rings=st.lists(st.lists(point, min_size=1, max_size=8), min_size=1, max_size=6))
def test_a_shape_is_sound_only_when_the_per_polygon_rules_find_nothing(rings):
    data, positions, errors = parse_yaml(builtin_chart_path().read_text(encoding="utf-8"), "x")
    assert not errors
    zones = [z for z in data["zones"] if isinstance(z["shapes"].get("plantar-left"), list)][: len(rings)]
    for zone, ring in zip(zones, rings, strict=False):
        zone["shapes"]["plantar-left"] = [list(p) for p in ring]
    builder = Builder(data, positions, "x")
    views = builder.build_views()
    sound = builder.sound_shapes(views)
    outline = builder.outline_polygon(views["plantar-left"])
    index = {id(z): i for i, z in enumerate(data["zones"])}
    for zone, ring in zip(zones, rings, strict=False):
        if (index[id(zone)], "plantar-left") in sound:
            assert polygon_problem(tuple(ring)) is None
            assert outside_problem(tuple(ring), outline, "plantar-left") is None


def test_the_built_in_charts_shapes_are_all_found_sound():
    data, positions, _ = parse_yaml(builtin_chart_path().read_text(encoding="utf-8"), "x")
    builder = Builder(data, positions, "x")
    views = builder.build_views()
    sound = builder.sound_shapes(views)

    def one_ring(zone, view_id):  # a polygon, or the mirror of one (several parts go one by one)
        shape = zone["shapes"][view_id]
        if shape == "mirror":
            shape = zone["shapes"][views[view_id].mirror_of]
        return not isinstance(shape[0][0], list)

    single = {(i, v) for i, zone in enumerate(data["zones"]) for v in zone["shapes"] if one_ring(zone, v)}
    assert sound == single


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    key=st.sampled_from([*ZONE_SCHEMA["properties"], "colour", "shapes.plantar-left", "shapes.nowhere"]),
    value=odd_values,
    drop=st.booleans(),
)
def test_the_compiled_schema_answers_as_the_schema_read_keyword_by_keyword(key, value, drop):
    """`_surely_valid` runs each schema node turned into a function once; its answers are
    those of reading the node keyword by keyword (`_interpreted`), for zones and sources."""
    zone = copy.deepcopy(ZONE)
    target = zone["shapes"] if key.startswith("shapes.") else zone
    name = key.split(".", 1)[1] if key.startswith("shapes.") else key
    if drop:
        target.pop(name, None)
    else:
        target[name] = value
    assert atlas_schema._surely_valid(zone, ZONE_SCHEMA) == atlas_schema._interpreted(zone, ZONE_SCHEMA)
    for node in atlas_schema.schema()["$defs"].values():
        assert atlas_schema._surely_valid(value, node) == atlas_schema._interpreted(value, node)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    key=st.sampled_from(
        [*atlas_schema.schema()["properties"], "colour", "$schema", "views.0.id", "sources.0.url", "zones"]
    ),
    value=odd_values,
    drop=st.booleans(),
)
def test_a_document_is_surely_valid_only_when_jsonschema_accepts_it(key, value, drop):
    """A first open skips jsonschema (and its import) when the whole document is surely
    valid: never for a document jsonschema refuses, whatever key at the top or inside a
    view or source is changed, dropped or added."""
    data = copy.deepcopy(BASE)
    where, name = data, key
    if key.count(".") == 2:
        kind, index, name = key.split(".")
        where = data[kind][int(index)]
    if drop:
        where.pop(name, None)
    else:
        where[name] = value
    stripped = atlas_schema._without_sound_zones(atlas_schema._without_sound_coordinates(data))
    if atlas_schema._document_surely_valid(stripped):
        assert not list(atlas_schema._validator().iter_errors(data)), (key, value, drop)


def test_a_sound_document_skips_jsonschema_and_a_doubtful_one_gets_its_errors():
    stripped = atlas_schema._without_sound_zones(atlas_schema._without_sound_coordinates(BASE))
    assert atlas_schema._document_surely_valid(stripped)
    data = copy.deepcopy(BASE)
    data["views"][0]["aspect"] = "sideways"
    errors = parse_atlas(yaml.safe_dump(data, sort_keys=False, allow_unicode=True)).errors
    assert len(errors) == 1 and "sideways" in errors[0].message


def _with_points(text: str, old: str, new: str) -> str:
    assert old in text
    return text.replace(old, new, 1)


def test_points_read_at_once_give_the_rings_and_the_answers_of_the_walks_over_them(monkeypatch):
    """The point lists read from the text at once (yaml_source._read_points) hand the builder
    its rings and the schema its polygon answers: the same as `_ring` and `_is_ring` give
    walking the points, and never "sound" for a list the schema's rule would refuse."""
    from reflexmap.atlas import builder as atlas_builder
    from reflexmap.atlas import point_lists

    monkeypatch.setattr(point_lists, "MIN_CHARS", 0)
    text = builtin_chart_path().read_text(encoding="utf-8")
    block = yaml.safe_dump(yaml.safe_load(text), sort_keys=False)
    limits = atlas_schema._polygon_limits()[:4]
    charts = {
        "flow": text,
        "block": block,
        "whole numbers": block.replace(".0\n", "\n"),
        "out of range": _with_points(block, "- - -", "- - -9999"),  # one number beyond the limit
    }
    for name, chart in charts.items():
        data, positions, errors = parse_yaml(chart, "chart.yaml")
        assert not errors and len(positions.rings) > 40, name
        for value, ring in positions.rings.values():
            assert positions.read_points(value) == ring == tuple((float(x), float(y)) for x, y in value)
            assert Builder(data, positions, "c")._ring(value) == atlas_builder._ring(value)
            sound = positions.sound_points(value, *limits)
            assert sound == atlas_schema._is_ring(value) or (not sound and name == "out of range")
        # the errors are the schema's either way
        without = parse_yaml(chart, "chart.yaml")[1]
        without.rings.clear()
        without.numbers_range = None
        assert atlas_schema.check_structure(data, positions, "c") == atlas_schema.check_structure(
            data, without, "c"
        ), name
    assert atlas_schema.check_structure(*parse_yaml(charts["out of range"], "c")[:2], "c")  # refused


def test_shapes_near_the_smallest_area_are_sound_exactly_when_the_per_polygon_rules_say_so():
    """The convex hull is asked only where rounding could matter: a zone just over, at or
    under the minimum area (and a crossed one whose hull is large) is judged as one by one."""
    data, positions, errors = parse_yaml(builtin_chart_path().read_text(encoding="utf-8"), "x")
    assert not errors
    zones = [z for z in data["zones"] if isinstance(z["shapes"].get("plantar-left"), list)]
    builder = Builder(data, positions, "x")
    outline = builder.outline_polygon(builder.build_views()["plantar-left"])
    x0, y0 = outline.centroid.x, outline.centroid.y  # well inside: the outline test says yes
    rings = [
        [[x0, y0], [x0 + 2, y0], [x0, y0 + height]]  # a triangle of area `height`
        for height in (1.0, 1.0 + 1e-12, 1.0 - 1e-12, 0.999, 1.001, 1.5, 1.999, 2.5)
    ]
    rings.append([[x0, y0], [x0 + 2, y0 + 1.2], [x0 + 2, y0], [x0, y0 + 1.2]])  # crossed, hull 2.4
    rings.append([[x0, y0], [x0 + 1, y0], [x0 + 1, y0 + 1], [x0, y0 + 1]])  # a square of 1 mm²
    for zone, ring in zip(zones, rings, strict=False):
        zone["shapes"]["plantar-left"] = ring
    sound = builder.sound_shapes(builder.build_views())
    index = {id(z): i for i, z in enumerate(data["zones"])}
    for zone, ring in zip(zones, rings, strict=False):
        points = tuple(map(tuple, ring))
        assert outside_problem(points, outline, "plantar-left") is None
        expected = polygon_problem(points) is None
        assert ((index[id(zone)], "plantar-left") in sound) == expected, ring


def test_the_texts_are_walked_for_places_only_when_one_of_them_has_a_problem(monkeypatch):
    """The builder asks `first_text_problem` of all the chart's texts at once; the walk that
    places each problem (a generator and a path for every text: a tenth of the builder's time
    on 10,000 zones) runs only for a chart holding one, and then finds each as before."""
    from reflexmap.atlas import builder

    walks = []
    walk = builder.text_problems
    monkeypatch.setattr(builder, "text_problems", lambda *args: walks.append(args) or walk(*args))
    assert parse_atlas(builtin_chart_path().read_bytes(), "chart.yaml").ok
    assert walks == []  # nothing to place: not walked

    data = copy.deepcopy(BASE)
    data["zones"][3]["name"] = "Heel\u0007"
    data["zones"][5]["translations"] = {"de": {"claim": "\u200b"}}
    result = parse_atlas(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), "chart.yaml")
    assert walks and not result.ok
    messages = [error.message for error in result.errors]
    assert len(messages) == 2, messages
    assert "U+0007" in messages[0] or "U+0007" in messages[1]
    assert any("no visible character" in message for message in messages)
