"""In one process, with the real window on Qt's offscreen platform: click-to-answer, the hit
test alone, Qt's own QGraphicsScene.items(point) as the peer, and full-view render time."""

from __future__ import annotations

import random
import tempfile
import time
from pathlib import Path

from PySide6.QtCore import QPointF, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from shapely.geometry import Point

from reflexmap.atlas import Atlas
from reflexmap.atlas.geometry import to_shapely
from reflexmap.settings import Settings
from reflexmap.ui.app import application, create_window

RENDER_SIZE = (1920, 1080)


def _targets(window, atlas: Atlas, count: int, rng: random.Random) -> list[tuple[str, str, float, float]]:
    """(view, zone, x, y): points where a click selects that zone, across the shown views."""
    keys = list(window.map.chart.zone_items)
    rng.shuffle(keys)
    targets = []
    for view_id, zone_id in keys:
        x, y = window.map.chart.anchors[(view_id, zone_id)]
        hits = atlas.zones_at(view_id, x, y)
        if (
            hits
            and hits[0].id == zone_id
            and to_shapely(atlas.zone(zone_id).shapes[view_id]).contains(Point(x, y))
        ):
            targets.append((view_id, zone_id, x, y))
        if len(targets) == count:
            break
    return targets


def measure(atlas: Atlas, clicks: int, render_runs: int, seed: int = 7) -> dict[str, list[float]]:
    """Samples in milliseconds (click, render) and microseconds (hit test, peer)."""
    app = application()
    with tempfile.TemporaryDirectory(prefix="reflexmap-bench-") as folder:
        settings = Settings(Path(folder) / "settings.json")
        settings.setValue("notes/first-run-seen", True)
        window = create_window(atlas, settings, restore=False, progress_path=Path(folder) / "progress.json")
        try:
            return _measure(app, window, atlas, clicks, render_runs, random.Random(seed))
        finally:
            window.close()
            window.deleteLater()
            app.processEvents()


def _measure(app: QApplication, window, atlas: Atlas, clicks: int, render_runs: int, rng) -> dict:
    window.resize(1440, 900)
    window.show()
    for _ in range(3):
        app.processEvents()  # layouts settle, the view fits the chart, Qt builds its scene index
    view = window.map
    viewport = view.viewport()
    targets = _targets(window, atlas, clicks, rng)
    if len(targets) < 2:
        raise RuntimeError("too few clickable zones to measure")

    click_ms = []
    for i in range(clicks):
        view_id, zone_id, x, y = targets[i % len(targets)]
        if window.state.zone_id == zone_id:  # always a change of selection
            window.state.select("")
            app.processEvents()
        pos = view.scene_point_to_viewport(view_id, x, y)
        started = time.perf_counter()
        QTest.mouseClick(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, pos)
        elapsed = time.perf_counter() - started
        if window.state.zone_id != zone_id or atlas.zone(zone_id).name not in window.info.toPlainText():
            raise RuntimeError(f"a click on {zone_id} did not show it (got {window.state.zone_id!r})")
        click_ms.append(elapsed * 1000)
        app.processEvents()  # repaint, outside the measurement

    hit_us, peer_us = [], []
    scene = view.chart
    repeat = 50
    for view_id, zone_id, x, y in targets:
        started = time.perf_counter()
        for _ in range(repeat):
            hits = atlas.zones_at(view_id, x, y)
        hit_us.append((time.perf_counter() - started) / repeat * 1e6)
        assert hits[0].id == zone_id
        point = QPointF(scene.to_scene(view_id, x, y))
        started = time.perf_counter()
        for _ in range(repeat):
            items = scene.items(point)
        peer_us.append((time.perf_counter() - started) / repeat * 1e6)
        assert any(getattr(item, "zone_id", None) == zone_id for item in items)

    render_ms, direct_ms = _render(app, window, render_runs)
    return {
        "click_ms": click_ms,
        "hit_us": hit_us,
        "hit_method": _method(atlas, {view_id for view_id, *_ in targets}),
        "tree_us": _with_trees(atlas, targets, repeat),
        "peer_us": peer_us,
        "render_ms": render_ms,
        "direct_ms": direct_ms,
    }


def _method(atlas: Atlas, views: set[str]) -> str:
    """How the app hit-tests these views: a plain scan of bounding boxes with exact turn tests
    (a view of up to index.PLAIN_ZONES zones), or a Shapely STRtree (a larger one)."""
    trees = {atlas.index.uses_tree(view_id) for view_id in views}
    return {frozenset({False}): "plain scan", frozenset({True}): "box grid + Shapely"}.get(
        frozenset(trees), "plain scan or STRtree, by view"
    )


def _with_trees(atlas: Atlas, targets, repeat: int) -> list[float]:
    """The same hit tests as a Shapely STRtree query answers them, every view on a tree (the
    way a view of more than index.PLAIN_ZONES zones was hit-tested before its box grid)."""
    from reflexmap.atlas import index as index_module

    shapes = ((view_id, z.id, parts) for z in atlas.zones for view_id, parts in z.shapes.items())
    kept, index_module.PLAIN_ZONES = index_module.PLAIN_ZONES, 0
    try:
        trees = index_module.ZoneIndex(shapes)
        trees.warm()
    finally:
        index_module.PLAIN_ZONES = kept
    samples = []
    for view_id, zone_id, x, y in targets:
        view = trees._tree(view_id)
        view._tree_zones_at(x, y)  # its tree made (a view with a grid makes it on first use)
        started = time.perf_counter()
        for _ in range(repeat):
            hits = view._tree_zones_at(x, y)
        samples.append((time.perf_counter() - started) / repeat * 1e6)
        assert hits[0] == zone_id
    return samples


def _render(app: QApplication, window, runs: int) -> tuple[list[float], list[float]]:
    """Paint the whole chart into a 1920×1080 viewport, as on a full-HD projector: as the map
    does once the zoom has been still a moment (its drawing kept as tiles), and, the baseline, with every
    item drawn afresh (as before issue 19)."""
    viewport = window.map.viewport()
    frame = window.size() - viewport.size()
    window.resize(RENDER_SIZE[0] + frame.width(), RENDER_SIZE[1] + frame.height())
    for _ in range(3):
        app.processEvents()
    window.map.fit()
    app.processEvents()
    if (viewport.width(), viewport.height()) != RENDER_SIZE:
        raise RuntimeError(f"the viewport is {viewport.width()}×{viewport.height()}, not {RENDER_SIZE}")
    view = window.map
    view.set_layered(False)
    direct = _grabs(viewport, runs)
    view.set_layered(True)
    viewport.grab()  # the first frame after a zoom makes the tiles
    if not view.crisp:
        raise RuntimeError("the fitted chart is not kept as tiles")
    return _grabs(viewport, runs), direct


def _grabs(viewport, runs: int) -> list[float]:
    samples = []
    for _ in range(runs):
        started = time.perf_counter()
        pixmap = viewport.grab()  # calls the view's paintEvent: every visible item is drawn
        samples.append((time.perf_counter() - started) * 1000)
    if pixmap.width() != RENDER_SIZE[0] * pixmap.devicePixelRatio() // 1:
        raise RuntimeError("unexpected render size")
    return samples
