"""The validated-chart cache: a hit gives the very chart a full load gives, anything else loads fully."""

from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reflexmap.atlas import builtin_chart_path, read_atlas
from reflexmap.atlas import cache as cache_module
from reflexmap.atlas.cache import MAX_ENTRIES, AtlasCache, _version, entry_bytes, entry_plain

from .cache_entries import closed, opened

JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=8),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=30,
)


@pytest.fixture(params=["small chart", "large chart"])
def reading(request, monkeypatch):
    """Both ways an entry is read: a large chart's points are checked with NumPy and its
    bytes hashed with OpenSSL's SHA-256 (the thresholds lowered so the built-in chart is one)."""
    if request.param == "large chart":
        monkeypatch.setattr(cache_module, "_NUMPY_FROM", 0)
        monkeypatch.setattr(cache_module, "_OPENSSL_FROM", 0)
    return request.param


def _copy_chart(tmp_path: Path) -> Path:
    path = tmp_path / "chart.yaml"
    path.write_bytes(builtin_chart_path().read_bytes())
    return path


def test_second_read_is_a_hit_with_the_same_chart_and_answers(tmp_path: Path, reading):
    path = _copy_chart(tmp_path)
    cache = AtlasCache(tmp_path / "cache")
    assert cache.get(path.read_bytes()) is None
    first = read_atlas(path, cache)
    assert first.ok
    hit = cache.get(path.read_bytes(), path)
    assert hit is not None
    assert hit == first.atlas
    second = read_atlas(path, cache)
    assert second.atlas == first.atlas and second.atlas.path == path
    for view in first.atlas.views:
        for x in range(-60, 61, 7):
            for y in range(0, 270, 9):
                assert second.atlas.index.zones_at(view.id, x, y) == first.atlas.index.zones_at(view.id, x, y)


def test_a_cached_open_gives_what_an_uncached_one_gives_anchors_areas_and_all(tmp_path: Path, reading):
    """Opened from the cache (in a fresh cache object, as the next start does) and opened
    without one: equal atlases, the same label anchors in every view (the uncached ones
    computed afresh), the same areas and the same answers at every point."""
    path = _copy_chart(tmp_path)
    read_atlas(path, AtlasCache(tmp_path / "cache"))  # fills the cache
    cached = read_atlas(path, AtlasCache(tmp_path / "cache")).atlas
    fresh = read_atlas(path).atlas
    assert cached is not None and fresh is not None
    assert cached == fresh
    assert set(cached.known_anchors()) == {view.id for view in fresh.views}  # from the entry
    for view in fresh.views:
        assert cached.anchors(view.id) == fresh.anchors(view.id)
        for zone in fresh.zones_in(view.id):
            assert cached.index.area(view.id, zone.id) == fresh.index.area(view.id, zone.id)
        for x in range(-70, 71, 5):
            for y in range(-5, 275, 5):
                assert cached.zones_at(view.id, x, y) == fresh.zones_at(view.id, x, y)


def test_a_changed_byte_means_a_full_load(tmp_path: Path):
    path = _copy_chart(tmp_path)
    cache = AtlasCache(tmp_path / "cache")
    read_atlas(path, cache)
    text = path.read_text(encoding="utf-8").replace("Head and brain", "Head and the brain", 1)
    path.write_text(text, encoding="utf-8")
    assert cache.get(path.read_bytes()) is None
    assert read_atlas(path, cache).atlas.zone("head-brain").name == "Head and the brain"


def test_a_chart_with_errors_is_never_cached(tmp_path: Path):
    path = tmp_path / "bad.yaml"
    path.write_text(
        _copy_chart(tmp_path).read_text(encoding="utf-8").replace("region: head", "region: hed", 1)
    )
    cache = AtlasCache(tmp_path / "cache")
    for _ in range(2):
        result = read_atlas(path, cache)
        assert result.atlas is None and "hed" in result.errors[0].message
    assert not list((tmp_path / "cache").glob("*.entry"))


def test_a_damaged_or_older_entry_is_ignored_and_replaced(tmp_path: Path):
    path = _copy_chart(tmp_path)
    cache = AtlasCache(tmp_path / "cache")
    expected = read_atlas(path).atlas
    entry = cache.folder / f"{cache.key(path.read_bytes())}.entry"
    entry.parent.mkdir(parents=True)
    for damage in (
        b"{not json",
        b"\x00" * 100,
        json.dumps({"version": _version(), "atlas": {}}).encode(),  # a JSON entry of format 6
        entry_bytes({"version": "0:old", "atlas": {}}),
        _sound_entry(tmp_path)[:-1],  # cut short
    ):
        entry.write_bytes(damage)
        assert read_atlas(path, cache).atlas == expected
        assert cache.get(path.read_bytes(), path) == expected  # replaced by a sound entry


@settings(max_examples=150, deadline=None)
@given(JSON)
def test_any_json_in_an_entry_gives_a_chart_or_none_never_an_exception(tmp_path_factory, plain):
    folder = tmp_path_factory.mktemp("cache")
    cache = AtlasCache(folder)
    raw = b"some chart"
    (folder / f"{cache.key(raw)}.entry").write_bytes(entry_bytes({"version": "1:x", "atlas": plain}))
    assert cache.get(raw) is None  # wrong version
    (folder / f"{cache.key(raw)}.entry").write_bytes(entry_bytes({"version": _version(), "atlas": plain}))
    cache.get(raw)  # must not raise


def test_a_bit_changed_anywhere_in_an_entry_is_refused(tmp_path: Path):
    """A damaged byte is found even where it leaves a valid value: the lowest bit of the last
    label anchor's y (a millionth of a millimetre away, still inside its zone), of a zone
    point, of a ring length, of a text; the entry's CRC-32 fails and the chart is checked."""
    path = _copy_chart(tmp_path)
    cache = AtlasCache(tmp_path / "cache")
    expected = read_atlas(path, cache).atlas
    (entry,) = cache.folder.glob("*.entry")
    data = entry.read_bytes()
    plain = entry_plain(data)["atlas"]
    name = data.index(plain["zones"][3][3].encode())  # a claim, in the JSON
    coordinates = data.index(plain["coordinates"])
    rings = data.index(plain["rings"])
    for at in (len(data) - 8, coordinates + 800, rings, name):
        entry.write_bytes(data[:at] + bytes([data[at] ^ 1]) + data[at + 1 :])
        assert cache.get(path.read_bytes(), path) is None, at
    entry.write_bytes(data)
    assert cache.get(path.read_bytes(), path) == expected


def test_entries_of_the_json_formats_are_removed_when_an_entry_is_written(tmp_path: Path):
    """Entries before format 7 were JSON files named by their key: never read again, they
    go when the cache next writes one; other files in the folder stay."""
    path = _copy_chart(tmp_path)
    folder = tmp_path / "cache"
    folder.mkdir()
    old = folder / f"{'a' * 64}.json"
    old.write_text('{"version": "6:x", "atlas": {}}')
    other = folder / "notes.json"
    other.write_text("{}")
    assert read_atlas(path, AtlasCache(folder)).ok
    assert not old.exists() and other.exists()
    assert len(list(folder.glob("*.entry"))) == 1


def test_old_entries_are_trimmed(tmp_path: Path):
    path = _copy_chart(tmp_path)
    cache = AtlasCache(tmp_path / "cache")
    atlas = read_atlas(path).atlas
    for n in range(MAX_ENTRIES + 5):
        cache.put(f"chart {n}".encode(), atlas)
    assert len(list(cache.folder.glob("*.entry"))) == MAX_ENTRIES
    assert cache.get(f"chart {MAX_ENTRIES + 4}".encode(), path) == atlas


def test_an_unwritable_cache_only_costs_speed(tmp_path: Path):
    path = _copy_chart(tmp_path)
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    cache = AtlasCache(blocker / "cache")
    assert read_atlas(path, cache).ok
    assert read_atlas(path, cache).ok


def _sound_entry(tmp_path: Path) -> bytes:
    folder = tmp_path / "sound"
    cache = AtlasCache(folder)
    assert read_atlas(_copy_chart(tmp_path), cache).ok
    (entry,) = folder.glob("*.entry")
    return entry.read_bytes()


def _packed_entry_damaged(tmp_path: Path, change) -> tuple[AtlasCache, Path]:
    path = _copy_chart(tmp_path)
    cache = AtlasCache(tmp_path / "cache")
    assert read_atlas(path, cache).ok
    (entry,) = cache.folder.glob("*.entry")
    plain = entry_plain(entry.read_bytes())
    change(plain["atlas"])
    entry.write_bytes(entry_bytes(plain))
    return cache, path


def _set_number(index: int, value: float):
    def change(atlas):
        import struct

        raw = bytearray(atlas["coordinates"])
        raw[8 * index : 8 * index + 8] = struct.pack("<d", value)
        atlas["coordinates"] = bytes(raw)

    return change


def _set_count(index: int, value: int):
    """The length of ring `index` (-1: the last) set to `value`."""

    def change(atlas):
        import struct

        raw = bytearray(atlas["rings"])
        at = (index % (len(raw) // 4)) * 4
        raw[at : at + 4] = struct.pack("<I", value)
        atlas["rings"] = bytes(raw)

    return change


def _add_count(value: int):
    def change(atlas):
        import struct

        atlas["rings"] = atlas["rings"] + struct.pack("<I", value)

    return change


def _set_parts(zone: int, parts):
    """The views of zone `zone`'s parts (one id for each part) replaced by `parts`."""

    def change(atlas):
        atlas["zones"][zone][7] = parts(atlas["zones"][zone][7])

    return change


def _multi_part_zone(atlas) -> int:
    return next(k for k, zone in enumerate(atlas["zones"]) if len(zone[7]) > 2)


def _split_views(atlas):
    """A zone of several parts in several views, its parts no longer given view by view."""
    k = _multi_part_zone(atlas)
    parts = atlas["zones"][k][7]
    atlas["zones"][k][7] = parts[1:] + parts[:1]


@pytest.mark.parametrize(
    "damage",
    [
        _set_number(3, float("nan")),
        _set_number(0, float("inf")),
        _set_number(5, 2000.5),
        _set_number(1, -1e308),
        lambda atlas: atlas.__setitem__("coordinates", "not base64 at all!"),
        lambda atlas: atlas.__setitem__("coordinates", "AAAAAAAAAAAAAAAAAAAAAA=="),  # base64, as format 6
        lambda atlas: atlas.__setitem__("coordinates", atlas["coordinates"][:-4]),  # half a point
        lambda atlas: atlas.__setitem__("coordinates", 17),
        _set_count(0, 2),  # too few points for a polygon
        _set_count(0, 0),
        _set_count(0, 2**32 - 1),
        _set_count(0, 100_001),
        _set_count(-1, 5),  # the rings no longer cover the points exactly
        _add_count(3),  # a ring no zone has
        lambda atlas: atlas.__setitem__("rings", atlas["rings"][:-4]),  # a ring too few
        lambda atlas: atlas.__setitem__("rings", b"\x03\x00\x00"),  # not whole counts
        lambda atlas: atlas.__setitem__("rings", "AwAAAA=="),  # base64, as format 6
        lambda atlas: atlas.__setitem__("rings", [20, 20]),
        lambda atlas: atlas.__delitem__("rings"),
        _set_parts(0, lambda parts: []),  # a zone drawn in no view
        _set_parts(0, lambda parts: ["plantar-middle"]),  # a view that does not exist
        _set_parts(0, lambda parts: [None]),
        _set_parts(0, lambda parts: [[0, 20]]),  # as format 5 gave a ring
        _set_parts(0, lambda parts: {parts[0]: [[0, 20]]}),
        _set_parts(0, lambda parts: parts * 101),  # more parts than a zone may have
        _split_views,
        lambda atlas: atlas["anchors"].__setitem__(next(iter(atlas["anchors"])), b"\x00" * 8),  # not whole
        lambda atlas: atlas["anchors"].popitem(),
        lambda atlas: atlas.__setitem__("anchors", []),
    ],
)
def test_packed_points_are_checked_like_any_other_value(tmp_path: Path, damage, reading):
    """Zone points are kept as binary doubles: every one is still checked for NaN, infinity
    and range, and every reference into them for type and bounds; else the entry is refused."""
    cache, path = _packed_entry_damaged(tmp_path, damage)
    assert cache.get(path.read_bytes(), path) is None
    result = read_atlas(path, cache)  # a full check instead, and the entry is replaced
    assert result.ok and cache.get(path.read_bytes(), path) == result.atlas


def test_packed_points_read_back_exactly(tmp_path: Path, reading):
    path = _copy_chart(tmp_path)
    cache = AtlasCache(tmp_path / "cache")
    full = read_atlas(path, cache).atlas
    hit = cache.get(path.read_bytes(), path)
    assert hit is not None
    assert [z.shapes for z in hit.zones] == [z.shapes for z in full.zones]
    points = [p for z in hit.zones for parts in z.shapes.values() for ring in parts for p in ring]
    assert all(type(x) is float and type(y) is float for x, y in points)


def test_reading_a_chart_leaves_the_garbage_collector_as_it_found_it(tmp_path: Path):
    """The loader pauses cyclic garbage collection while it builds a chart (speed): it is
    on again afterwards whatever happened, and stays off for a caller that turned it off."""
    import gc

    good = _copy_chart(tmp_path)
    bad = tmp_path / "bad.yaml"
    bad.write_text("zones: [unclosed", encoding="utf-8")
    assert gc.isenabled()
    for path in (good, bad, tmp_path / "missing.yaml"):
        read_atlas(path, AtlasCache(tmp_path / "cache"))
        assert gc.isenabled()
    gc.disable()
    try:
        read_atlas(good)
        assert not gc.isenabled()
    finally:
        gc.enable()


class _Node:
    """An object that can sit in a reference cycle and be watched with a weak reference."""

    def __init__(self):
        self.me = self


def test_a_large_read_leaves_its_chart_out_of_the_collections_after_it(tmp_path: Path, monkeypatch):
    """A large chart's objects (here the built-in chart counts as large) are frozen after the
    read: the collections that follow do not walk them. A cycle dropped just before the read
    is collected all the same; one dropped while frozen is collected after the next read."""
    import gc
    import weakref

    from reflexmap.atlas import loader

    monkeypatch.setattr(loader, "FREEZE_FROM", 1_000)
    path = _copy_chart(tmp_path)
    before, kept = _Node(), _Node()
    gone_before = weakref.ref(before)
    del before
    try:
        atlas = read_atlas(path, AtlasCache(tmp_path / "cache")).atlas
        assert gc.isenabled() and gc.get_freeze_count() > 0
        collectable = {id(o) for o in gc.get_objects()}  # every generation, not the frozen
        assert id(atlas.zones[0]) not in collectable and id(atlas.zones[0].shapes) not in collectable
        assert gone_before() is None  # collected before the freeze
        gone_later = weakref.ref(kept)
        del kept  # frozen with the chart: waits for the next read
        gc.collect()
        assert gone_later() is not None
        assert read_atlas(path, AtlasCache(tmp_path / "cache")).ok
        gc.collect()
        assert gone_later() is None
    finally:
        loader.thaw()
    assert gc.get_freeze_count() == 0


def test_a_small_read_freezes_nothing(tmp_path: Path):
    import gc

    assert read_atlas(_copy_chart(tmp_path)).ok
    assert gc.get_freeze_count() == 0


def test_the_editors_check_of_a_large_chart_freezes_nothing(tmp_path: Path, monkeypatch):
    """parse_atlas (what the editor checks an edit with) only pauses collection: an edit
    session's charts come and go, each one's objects collected as usual."""
    import gc

    from reflexmap.atlas import loader, parse_atlas

    monkeypatch.setattr(loader, "FREEZE_FROM", 1_000)
    assert parse_atlas(_copy_chart(tmp_path).read_bytes()).ok
    assert gc.isenabled() and gc.get_freeze_count() == 0


def test_a_large_charts_index_made_from_the_packed_points_is_the_one_the_loader_makes(
    tmp_path: Path, monkeypatch
):
    """A large chart's second open makes areas and hit-test polygons straight from the
    entry's packed points (NumPy) instead of walking every point: bit-identical areas, the
    same polygons and the same answers as the full check's index, for zones of one and of
    several parts and rings of many lengths (thresholds lowered so the built-in chart is
    large and every view gets a tree)."""
    import shapely

    from reflexmap.atlas import index as index_module

    monkeypatch.setattr(cache_module, "_NUMPY_FROM", 0)
    monkeypatch.setattr(index_module, "PLAIN_ZONES", 0)
    path = _copy_chart(tmp_path)
    read_atlas(path, AtlasCache(tmp_path / "cache"))
    cached = read_atlas(path, AtlasCache(tmp_path / "cache")).atlas
    fresh = read_atlas(path).atlas
    assert cached is not None and fresh is not None
    assert any(len(parts) > 1 for z in fresh.zones for parts in z.shapes.values())
    cached.index.warm()
    fresh.index.warm()
    for view in fresh.views:
        for zone in fresh.zones_in(view.id):
            assert cached.index.area(view.id, zone.id) == fresh.index.area(view.id, zone.id)
        ours, theirs = cached.index._trees[view.id], fresh.index._trees[view.id]
        assert type(ours).__name__ == "_ViewTree"
        assert ours.zone_ids == theirs.zone_ids
        assert list(ours.areas) == list(theirs.areas)
        wkb = shapely.to_wkb
        assert wkb(ours._polygons).tolist() == wkb(theirs._polygons).tolist()
        for x in range(-70, 71, 3):
            for y in range(-5, 275, 3):
                assert cached.zones_at(view.id, x, y) == fresh.zones_at(view.id, x, y)


def test_ring_areas_from_packed_points_match_the_shoelace_sum_bit_for_bit():
    """Rings of 3 to 70 points, in several length groups, with coordinates far from the
    origin (where the order of the sums shows in the last bits)."""
    import random

    import numpy as np

    from reflexmap.atlas.index import Packed, ring_area

    rng = random.Random(19)
    rings = []
    for count in [3, 4, 5, 7, 8, 9, 16, 17, 33, 70] * 3:
        cx, cy = rng.uniform(-1900, 1900), rng.uniform(-1900, 1900)
        rings.append(tuple((cx + rng.uniform(-50, 50), cy + rng.uniform(-50, 50)) for _ in range(count)))
    points = np.array([p for ring in rings for p in ring], dtype=float)
    spans, at = [], 0
    for ring in rings:
        spans.append((at, len(ring)))
        at += len(ring)
    areas = Packed(points, {}).ring_areas(spans).tolist()
    assert areas == [ring_area(ring) for ring in rings]


def test_anchors_and_parts_read_back_exactly(tmp_path: Path, reading):
    """Label anchors and zones of several parts in several views come back as they went in,
    and the entry holds no JSON number outside the outlines and guides (the parser would
    convert each one through a hook: a second open of 10,000 zones)."""
    path = _copy_chart(tmp_path)
    cache = AtlasCache(tmp_path / "cache")
    full = read_atlas(path, cache).atlas
    (entry,) = cache.folder.glob("*.entry")
    plain = entry_plain(entry.read_bytes())["atlas"]
    assert not any(type(value) is int for zone in plain["zones"] for value in zone)
    assert all(type(view_id) is str for zone in plain["zones"] for view_id in zone[7])
    hit = cache.get(path.read_bytes(), path)
    assert hit is not None
    for view in full.views:
        assert hit.known_anchors()[view.id] == full.anchors(view.id)
    assert any(len(z.shapes) > 1 and len(next(iter(z.shapes.values()))) > 1 for z in hit.zones)
    assert [z.shapes for z in hit.zones] == [z.shapes for z in full.zones]
    shapes, anchors = opened(plain)
    again = copy.deepcopy(plain)
    closed(again, shapes, anchors)
    assert again == plain  # the tests' helpers write what the cache writes
