"""The check's rules run again on a cache entry (atlas/cache_rules.py): the plain-Python
rules of a small chart and the vectorised ones of a large chart give `check`'s answers."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from reflexmap.atlas import builtin_chart_path, cache_rules, read_atlas
from reflexmap.atlas import cache as cache_module
from reflexmap.atlas.cache import AtlasCache, entry_bytes, entry_plain
from reflexmap.atlas.geometry import parts_problem, polygon_problem
from tests.hostile.test_cache_rules import DAMAGE


@pytest.fixture(params=["plain", "vectorised"])
def rules(request, monkeypatch) -> str:
    """Which rules read the built-in chart's entry: the plain ones (its size), or the
    vectorised ones of a large chart (thresholds lowered: packed points as a NumPy array)."""
    if request.param == "vectorised":
        monkeypatch.setattr(cache_module, "_NUMPY_FROM", 0)
        monkeypatch.setattr(cache_rules, "PLAIN_POINTS", 0)
    return request.param


def _cached(tmp_path: Path) -> tuple[AtlasCache, Path, Path]:
    chart = tmp_path / "chart.yaml"
    chart.write_bytes(builtin_chart_path().read_bytes())
    cache = AtlasCache(tmp_path / "cache")
    assert read_atlas(chart, cache).ok
    (entry,) = cache.folder.glob("*.entry")
    return cache, chart, entry


def test_a_sound_entry_is_trusted_by_both_rules(tmp_path: Path, rules):
    cache, chart, _ = _cached(tmp_path)
    cached = cache.get(chart.read_bytes(), chart)
    assert cached is not None and cached.zones == read_atlas(chart).atlas.zones


@pytest.mark.parametrize("kind", list(DAMAGE))
def test_both_rules_refuse_what_check_refuses(tmp_path: Path, rules, kind):
    cache, chart, entry = _cached(tmp_path)
    plain = entry_plain(entry.read_bytes())
    DAMAGE[kind](plain["atlas"])
    entry.write_bytes(entry_bytes(plain))
    assert cache.get(chart.read_bytes(), chart) is None
    result = read_atlas(chart, cache)  # checked from the file; the entry replaced
    assert result.ok and result.atlas.zones == read_atlas(chart).atlas.zones
    assert cache.get(chart.read_bytes(), chart) is not None


def _random_rings(count: int, seed: int) -> list[tuple]:
    """Small rings of 3 to 7 points on a coarse grid: many cross themselves, touch
    themselves, fold back or have (nearly) no area, as a hostile entry's might."""
    rng = random.Random(seed)
    rings = []
    for _ in range(count):
        n = rng.randint(3, 7)
        rings.append(tuple((float(rng.randint(0, 4)), float(rng.randint(0, 4))) for _ in range(n)))
    return rings


def test_the_plain_ring_rule_is_polygon_problem():
    """For 3,000 random rings, `ring_is_sound` says what geometry.polygon_problem says."""
    rings = _random_rings(3000, 14)
    sound = [cache_rules.ring_is_sound(ring) for ring in rings]
    expected = [polygon_problem(ring) is None for ring in rings]
    assert sound == expected
    assert 300 < sum(sound) < 2700  # both kinds, many of each


def test_the_vectorised_ring_rule_is_polygon_problem():
    """The same rings as zones of a chart read by the vectorised rules: a ring is refused
    exactly when polygon_problem finds a problem (one ring a chart, inside a large outline)."""
    from reflexmap.atlas.model import Atlas, View, Zone

    outline = ((-50.0, -50.0), (50.0, -50.0), (50.0, 50.0), (-50.0, 50.0))
    for ring in _random_rings(400, 15):
        zone = Zone("z", "Z", "head", "x", "y", (), "sourced", {"v": (ring,)}, None, None, {})
        view = View("v", "left", "plantar", outline, (), None)
        atlas = Atlas(id="a", title="A", tradition="T", sources={}, views=(view,), zones=(zone,))
        try:
            cache_rules._vectorised(atlas, None)
            refused = False
        except cache_rules.Refused:
            refused = True
        assert refused == (polygon_problem(ring) is not None), ring


def test_overlapping_or_edge_sharing_parts_are_refused_and_apart_ones_kept():
    square = ((0.0, 0.0), (2.0, 0.0), (2.0, 2.0), (0.0, 2.0))
    cases = {
        "apart": (square, tuple((x + 5, y) for x, y in square)),
        "touching at a corner": (square, tuple((x + 2, y + 2) for x, y in square)),
        "sharing an edge": (square, tuple((x + 2, y) for x, y in square)),
        "overlapping": (square, tuple((x + 1, y + 1) for x, y in square)),
    }
    for name, parts in cases.items():
        try:
            cache_rules._parts(parts)
            refused = False
        except cache_rules.Refused:
            refused = True
        assert refused == (parts_problem(parts) is not None), name
    assert parts_problem(cases["overlapping"]) and not parts_problem(cases["apart"])


def test_the_banded_outline_cover_is_ring_covers():
    """`_Banded.covers` (the outline test of every zone vertex) answers as index.ring_covers
    for sound rings and points on a fine grid: inside, outside, on vertices and on edges."""
    from reflexmap.atlas.index import ring_covers

    rings = [ring for ring in _random_rings(600, 16) if cache_rules.ring_is_sound(ring)]
    rings.append(read_atlas(builtin_chart_path()).atlas.views[0].outline)
    points = [(x / 2, y / 2) for x in range(-1, 10) for y in range(-1, 10)]
    for ring in rings:
        banded = cache_rules._Banded(ring)
        sample = points + list(ring) if len(ring) < 20 else list(ring) + [(x + 0.3, y - 0.2) for x, y in ring]
        for x, y in sample:
            assert banded.covers(x, y) == ring_covers(ring, x, y), (ring, x, y)


def _two_feet(left_ring, right_ring, right_outline=None):
    """A chart of a left sole and its mirror, one zone drawn in both."""
    from reflexmap.atlas.model import Atlas, View, Zone

    outline = ((-60.0, -50.0), (-10.0, -50.0), (-10.0, 50.0), (-60.0, 50.0))
    mirrored = tuple((-x, y) for x, y in outline)
    views = (
        View("plantar-left", "left", "plantar", outline, (), None),
        View("plantar-right", "right", "plantar", right_outline or mirrored, (), "plantar-left"),
    )
    shapes = {"plantar-left": (left_ring,), "plantar-right": (right_ring,)}
    zone = Zone("z", "Z", "head", "x", "y", (), "sourced", shapes, None, None, {})
    return Atlas(id="a", title="A", tradition="T", sources={}, views=views, zones=(zone,))


def _refused(atlas) -> bool:
    try:
        cache_rules.check_geometry(atlas)
    except cache_rules.Refused:
        return True
    return False


def test_a_mirror_views_rings_are_checked_unless_they_are_the_mirror_of_checked_ones():
    """The plain rules take a zone's rings in a mirror view as sound when they are exactly the
    mirror of its rings in the view mirrored, which are checked: anything else there is
    checked in full, and a bad ring mirrored is refused through its original."""
    square = ((-40.0, -10.0), (-30.0, -10.0), (-30.0, 0.0), (-40.0, 0.0))
    mirror = tuple((-x, y) for x, y in square)
    bowtie = ((-40.0, -10.0), (-30.0, 0.0), (-30.0, -10.0), (-40.0, 0.0))
    assert not _refused(_two_feet(square, mirror))
    assert _refused(_two_feet(square, tuple((x + 200, y) for x, y in mirror)))  # outside its outline
    assert _refused(_two_feet(square, tuple(reversed(tuple((-x, y) for x, y in bowtie))))), "a bowtie"
    assert _refused(_two_feet(bowtie, tuple((-x, y) for x, y in bowtie))), "a bowtie and its mirror"
    # a mirror view whose outline is not its target's mirror: its rings are checked against it
    narrow = ((10.0, -50.0), (35.0, -50.0), (35.0, 50.0), (10.0, 50.0))
    assert _refused(_two_feet(square, mirror, right_outline=narrow))
    assert not _refused(_two_feet(square, ((12.0, 0.0), (20.0, 0.0), (20.0, 8.0)), right_outline=narrow))
