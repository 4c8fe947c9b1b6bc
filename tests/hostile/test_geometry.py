"""Geometry that `check` passes never crashes drawing; and drawing never raises even for
geometry that did not come through `check` (a chart-cache entry can be anything)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reflexmap.atlas import read_atlas
from reflexmap.atlas.cache import AtlasCache, entry_bytes, entry_plain
from reflexmap.atlas.compare import compare
from reflexmap.atlas.geometry import inner_points, label_anchors

from ..atlas.cache_entries import closed, opened
from .cases import chart

OVERLAP = (
    ((0.0, 10.0), (10.0, 10.0), (10.0, 20.0), (0.0, 20.0)),
    ((5.0, 15.0), (15.0, 15.0), (15.0, 25.0), (5.0, 25.0)),
)
BIG = (((-15.0, 5.0), (18.0, 5.0), (18.0, 40.0), (-15.0, 40.0)),)


def test_anchors_never_raise_for_overlapping_parts():
    shapes = {"z": OVERLAP, "big": BIG}
    for anchors in (label_anchors(shapes), inner_points(shapes)):
        assert set(anchors) == {"z", "big"}


def _tampered_atlas(tmp_path: Path, monkeypatch):
    """A chart whose cache entry was changed to hold a zone in two overlapping parts, taken
    as it is (the cache's geometry check, which refuses it, switched off: drawing must not
    raise whatever reaches it)."""
    from reflexmap.atlas import cache as cache_module

    monkeypatch.setattr(cache_module, "check_geometry", lambda *args: None)
    path = tmp_path / "chart.yaml"
    path.write_text(
        chart().replace("[[0, 0], [10, 0], [10, 10], [0, 10]]", "[[-15, 5], [18, 5], [18, 40], [-15, 40]]")
    )
    cache = AtlasCache(tmp_path / "cache")
    assert read_atlas(path, cache).ok
    (entry,) = cache.folder.glob("*.entry")
    plain = entry_plain(entry.read_bytes())
    shapes, anchors = opened(plain["atlas"])
    zone = list(plain["atlas"]["zones"][0])
    zone[0] = "z2"
    plain["atlas"]["zones"].append(zone)
    shapes.append({"plantar-left": [[list(p) for p in ring] for ring in OVERLAP]})
    anchors["plantar-left"]["z2"] = [1.0, 12.0]
    closed(plain["atlas"], shapes, anchors)
    entry.write_bytes(entry_bytes(plain))
    atlas = read_atlas(path, cache).atlas
    assert atlas is not None and len(atlas.zones) == 2  # the entry was taken as it is
    return atlas


def test_drawing_and_comparing_never_raise_for_unchecked_geometry(tmp_path: Path, qtbot, monkeypatch):
    from reflexmap.render.export import export_chart
    from reflexmap.ui.app import application

    atlas = _tampered_atlas(tmp_path, monkeypatch)
    application()
    out = tmp_path / "out.png"
    export_chart(atlas, out, view_id="plantar-left", width_px=400)
    assert out.stat().st_size > 0
    assert compare(atlas, atlas).both


def test_a_3999_character_name_does_not_rescale_the_chart(tmp_path: Path, qtbot):
    """A long name is cut with "…" on the chart: the drawing keeps its size."""
    from reflexmap.render.chart_scene import ChartScene
    from reflexmap.ui.app import application

    application()
    short = read_atlas(_named(tmp_path / "short.yaml", "Z")).atlas
    long = read_atlas(_named(tmp_path / "long.yaml", "Long " * 799 + "Long")).atlas
    assert len(long.zones[0].name) == 3999
    sizes = []
    for atlas in (short, long):
        scene = ChartScene()
        scene.show_chart(atlas, "plantar", title=atlas.title)
        sizes.append(scene.chart_rect)
    # at most one cut label's room more (uncut, 3,999 characters were some 9 metres wide)
    assert sizes[1].width() < 2 * sizes[0].width()
    assert sizes[1].height() < 2 * sizes[0].height()


def _named(path: Path, name: str) -> Path:
    path.write_text(chart().replace('name: "Z"', f'name: "{name}"'))
    return path


LONG_WORDS = "Long " * 799 + "Long"  # 3,999 characters
ONE_WORD = "\u202e" + "x" * 3998  # one word, right-to-left override first
GUIDE = "{id: g, name: NAME, points: [[-20, 50], [20, 50]]}"


@pytest.mark.parametrize(
    "where, text",
    [
        ("zone", ONE_WORD),
        ("guide", LONG_WORDS),
        ("guide", ONE_WORD),
        ("title", LONG_WORDS),
        ("title", ONE_WORD),
    ],
)
def test_no_long_chart_text_rescales_the_chart(tmp_path: Path, qtbot, where: str, text: str):
    """Zone names, guide names and the title of 4,000 characters, in words or in one word:
    wrapped to two lines at most or cut with "…", the drawing keeps its size."""
    from reflexmap.render.chart_scene import ChartScene
    from reflexmap.ui.app import application

    application()

    def made(name: str, value: str) -> Path:
        text = chart().replace(
            "aspect: plantar, ", "aspect: plantar, guides: [" + GUIDE.replace("NAME", '"G"') + "], "
        )
        quoted = json.dumps(value)
        if where == "zone":
            text = text.replace('name: "Z"', f"name: {quoted}")
        elif where == "guide":
            text = text.replace('name: "G"', f"name: {quoted}")
        else:
            text = text.replace('title: "T"', f"title: {quoted}")
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        return path

    sizes = []
    usual = "Lower back: lumbar spine and sacrum"  # as long as names in the built-in charts get
    for name, value in (("short.yaml", usual), ("long.yaml", text)):
        result = read_atlas(made(name, value))
        assert result.ok, result.errors
        scene = ChartScene()
        scene.show_chart(result.atlas, "plantar", title=result.atlas.title)
        sizes.append(scene.itemsBoundingRect())
    assert sizes[1].width() < 1.25 * sizes[0].width(), (sizes, where)
    assert sizes[1].height() < 1.25 * sizes[0].height(), (sizes, where)
