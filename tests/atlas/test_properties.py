"""Property tests: broken files give clean errors only; hit-testing agrees with plain Shapely."""

from __future__ import annotations

import math

import shapely
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from shapely.geometry import Point, Polygon

from reflexmap.atlas import AtlasError, builtin_chart_path, parse_atlas
from reflexmap.atlas.geometry import polygon_problem
from reflexmap.atlas.index import ZoneIndex, shape_area

VALID = builtin_chart_path().read_text(encoding="utf-8")
LINES = VALID.splitlines(keepends=True)
PROFILE = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def assert_clean(result, text: str) -> None:
    """Either a chart, or errors that each name a real place in the text."""
    if result.atlas is not None:
        assert not result.errors
        return
    assert result.errors
    line_count = text.count("\n") + 1
    for error in result.errors:
        assert isinstance(error, AtlasError)
        assert error.message and "Traceback" not in error.message
        assert 0 <= error.line <= line_count + 1, error
        assert error.column >= 0


@st.composite
def mutated_chart(draw) -> str:
    """The valid chart with a few lines deleted, duplicated, truncated or scribbled on."""
    lines = list(LINES)
    for _ in range(draw(st.integers(1, 4))):
        i = draw(st.integers(0, len(lines) - 1))
        kind = draw(st.sampled_from(["delete", "duplicate", "truncate", "insert", "retype"]))
        if kind == "delete":
            del lines[i]
        elif kind == "duplicate":
            lines.insert(i, lines[i])
        elif kind == "truncate":
            lines[i] = lines[i][: draw(st.integers(0, max(0, len(lines[i]) - 1)))] + "\n"
        elif kind == "insert":
            junk = draw(st.text(alphabet=st.sampled_from(list("ab:-[]{},\"'&*!#|>%@` \t0.5e")), max_size=20))
            lines.insert(i, junk + "\n")
        else:
            number = draw(st.sampled_from(["-1e9", ".nan", "abc", "[]", "{}", "null", "999999", "-0"]))
            lines[i] = lines[i].replace("1", number, 1)
    return "".join(lines)


@PROFILE
@given(mutated_chart())
def test_mutated_charts_give_only_clean_errors(text):
    assert_clean(parse_atlas(text, "chart.yaml"), text)


json_like = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=8),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4)
    ),
    max_leaves=20,
)


@PROFILE
@given(
    st.dictionaries(
        st.sampled_from(["atlas_format", "id", "title", "tradition", "sources", "views", "zones", "x"]),
        json_like,
    )
)
def test_random_structures_give_only_clean_errors(data):
    import yaml

    text = yaml.safe_dump(data)
    assert_clean(parse_atlas(text, "chart.yaml"), text)


@PROFILE
@given(st.binary(max_size=300))
def test_random_bytes_give_only_clean_errors(raw):
    result = parse_atlas(raw, "chart.yaml")
    assert result.atlas is None or not result.errors


coordinate = st.floats(-100, 100, allow_nan=False)
rings = st.lists(st.tuples(coordinate, coordinate), min_size=3, max_size=12)


@PROFILE
@given(rings)
def test_polygon_problem_agrees_with_shapely(ring):
    ring = tuple(ring)
    problem = polygon_problem(ring)
    poly = Polygon(ring)
    if problem is None:
        assert poly.is_valid and poly.area >= 1.0
    else:
        index, message = problem
        assert message
        assert index is None or 0 <= index < len(ring)


@PROFILE
@given(
    st.lists(
        st.tuples(st.floats(-50, 50), st.floats(-50, 50), st.floats(1, 30), st.floats(1, 30)),
        min_size=1,
        max_size=15,
    ),
    st.lists(st.tuples(st.floats(-60, 60), st.floats(-60, 60)), min_size=1, max_size=20),
)
def test_zones_at_matches_brute_force(boxes, points):
    shapes = []
    for k, (x, y, w, h) in enumerate(boxes):
        shapes.append(("v", f"z{k}", (((x, y), (x + w, y), (x + w, y + h), (x, y + h)),)))
    index = ZoneIndex(shapes)
    for px, py in points:
        expected = [zid for _, zid, parts in shapes if Polygon(parts[0]).intersects(Point(px, py))]
        got = index.zones_at("v", px, py)
        assert sorted(got) == sorted(expected)
        areas = [Polygon(dict((z, p[0]) for _, z, p in shapes)[z]).area for z in got]
        assert all(a <= b or math.isclose(a, b) for a, b in zip(areas, areas[1:], strict=False))
    assert shapely.__version__ >= "2"


@st.composite
def star_polygon(draw) -> tuple:
    """A simple polygon: points at increasing angles round a centre, at random distances."""
    n = draw(st.integers(3, 30))
    cx, cy = draw(st.floats(-300, 300)), draw(st.floats(-300, 300))
    cuts = sorted(
        draw(st.lists(st.floats(0, 2 * math.pi, exclude_max=True), min_size=n, max_size=n, unique=True))
    )
    radii = draw(st.lists(st.floats(0.5, 80), min_size=n, max_size=n))
    ring = tuple((cx + r * math.cos(a), cy + r * math.sin(a)) for a, r in zip(cuts, radii, strict=True))
    if draw(st.booleans()):
        ring = ring[::-1]  # either winding
    return ring


@PROFILE
@given(st.lists(star_polygon(), min_size=1, max_size=3))
def test_areas_agree_with_shapely(parts):
    """The index's own arithmetic (no Shapely needed to draw) gives Shapely's areas."""
    expected = sum(Polygon(ring).area for ring in parts)
    assert math.isclose(shape_area(tuple(parts)), expected, rel_tol=1e-9, abs_tol=1e-9)
