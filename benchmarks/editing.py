"""The editor: a vertex dragged with the mouse on the real window (Qt's offscreen platform),
timed from the button's release to the map redrawn with the change (edit made, chart
checked by `reflexmap check`'s rules, map rebuilt and painted).

The baselines are measured by turns in the same process: the same drags as the editor made
them before issue 16's work (every edit a round trip of the whole chart through
ruamel.yaml, every label anchor worked out afresh), and as it made them before the check
and the map followed only the dragged zone (the whole chart checked again by
`reflexmap check`'s rules, the whole map drawn again). On a large chart written by PyYAML
(block lists), the same drag as before recheck_window.py, by turns."""

from __future__ import annotations

import shutil
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path
from unittest import mock

from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest

from reflexmap.atlas import builtin_chart_path, load_atlas
from reflexmap.settings import Settings
from reflexmap.ui.app import application, create_window


def release_samples(runs: int) -> tuple[list[float], list[float], list[float]]:
    """(now, whole, before) in milliseconds, `runs` drags each, taken by turns: `whole` with
    the chart checked and the map drawn whole on every release, `before` also with the
    round trip through ruamel.yaml."""
    from reflexmap.atlas import document, edits, geometry
    from reflexmap.ui.editor import session

    with _editing(builtin_chart_path()) as (window, app):
        zone = _select_a_zone(window, app)
        now, whole, before = [], [], []
        for run in range(3 * runs):
            if run % 3 == 2:
                with mock.patch.object(edits._PointsEdit, "_patched", lambda self, document: None):
                    geometry._ANCHORS.clear()
                    before.append(_drag(window, app, zone, run))
            elif run % 3 == 1:
                with (
                    mock.patch.object(document, "INCREMENTAL", [False]),
                    mock.patch.object(session, "_shapes_changed", lambda before, after: ()),
                ):
                    whole.append(_drag(window, app, zone, run))
            else:
                now.append(_drag(window, app, zone, run))
        return now, whole, before


def block_release_samples(path: Path, runs: int) -> tuple[list[float], list[float]]:
    """(now, before) in milliseconds: a vertex dragged on the window showing the chart at
    `path` (a large chart written by PyYAML: rings as block lists, one number a line), from
    the button's release to the map painted, `runs` drags each, by turns. `before`: as it was
    made before recheck_window.py (the check parsed the whole text again, and the map, not
    told which zone changed, was drawn whole)."""
    from reflexmap.atlas import recheck_window
    from reflexmap.ui.editor import session

    with _editing(path) as (window, app):
        zone = _select_a_zone(window, app)
        now, before = [], []
        for run in range(2 * runs):
            if run % 2 == 1:
                with (
                    mock.patch.object(recheck_window, "SPLICE", [False]),
                    mock.patch.object(session, "_shapes_changed", lambda before, after: ()),
                ):
                    before.append(_drag(window, app, zone, run))
            else:
                now.append(_drag(window, app, zone, run))
        return now, before


@contextmanager
def _editing(path: Path):
    """(window, app): a 1440×900 window on a copy of the chart at `path`, in edit mode, its
    document read (a large chart is read in a worker: ui/editor/opening.py); closed after."""
    app = application()
    with tempfile.TemporaryDirectory(prefix="reflexmap-bench-edit-") as folder:
        chart = Path(folder) / "chart.yaml"
        shutil.copy(path, chart)
        settings = Settings(Path(folder) / "settings.json")
        settings.setValue("notes/first-run-seen", True)
        window = create_window(
            load_atlas(chart), settings, restore=False, progress_path=Path(folder) / "p.json"
        )
        try:
            window.resize(1440, 900)
            window.show()
            for _ in range(5):
                app.processEvents()
            window.edit_action.trigger()
            waited = time.monotonic()
            while window.editor.session.draft is None and time.monotonic() - waited < 600:
                app.processEvents()
                time.sleep(0.02)
            yield window, app
        finally:
            window.editor.session.discard()
            window.close()
            window.deleteLater()
            app.processEvents()


def _select_a_zone(window, app) -> str:
    """A zone in the middle of the sole, selected by a click at its label's anchor."""
    atlas = window.state.atlas
    zones = atlas.zones_in("plantar-left")
    zone = zones[len(zones) // 2].id
    x, y = atlas.anchors("plantar-left")[zone]
    pos = window.map.scene_point_to_viewport("plantar-left", x, y)
    QTest.mouseClick(window.map.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, pos)
    app.processEvents()
    return window.state.zone_id


def _drag(window, app, zone: str, run: int) -> float:
    """Drag the zone's first vertex 6 mm (back and forth by turns); ms from release to painted."""
    view = "plantar-left"
    x, y = window.editor.session.written_shape(zone, view)[0][0]
    step = 6.0 if run % 2 == 0 else -6.0
    viewport = window.map.viewport()
    a = window.map.scene_point_to_viewport(view, x, y)
    b = window.map.scene_point_to_viewport(view, x + step, y)
    none = Qt.KeyboardModifier.AltModifier  # no snapping: the point goes where the mouse goes
    QTest.mousePress(viewport, Qt.MouseButton.LeftButton, none, a)
    for i in range(1, 6):
        QTest.mouseMove(viewport, QPoint(a.x() + (b.x() - a.x()) * i // 5, a.y()))
    app.processEvents()
    started = time.perf_counter()
    QTest.mouseRelease(viewport, Qt.MouseButton.LeftButton, none, b)
    viewport.repaint()
    app.processEvents()
    return (time.perf_counter() - started) * 1000


def large_chart_samples(path: Path, runs: int, *, round_trip: bool) -> dict[str, list[float]]:
    """On a large chart file, in CPU milliseconds (the machine may be shared): `entry`,
    what entering edit mode costs the core (the file read as a document and checked, as
    `reflexmap check` checks it, and prepared for the first edit: ui/editor/opening.py's
    read_checked, which the window runs in a worker thread with the cyclic collector paused;
    before 27 Nov the row read it with collection on, 1,034 ms where the app took 774), and
    by turns with it `entry_before`, the same as it was made before the flow lists' texts
    came from the loader's parse (a second walk of the file);
    `delete`, a zone deleted and the chart checked (a
    structural edit, made on the zones it touches: atlas/local_edit.py, and parsed from the
    parse before it and those zones' text: atlas/recheck_window.py; a duplicate would take a
    chart of 10,000 zones over the limit), by turns with `delete_whole_parse`, the same with
    the new text parsed whole as before recheck_window.py; with `round_trip`, `delete_round_trip`,
    the same edit taking the round trip of the whole chart through ruamel.yaml as every such
    edit did before (once, by turns with the others: slow). `entry` and `entry_before` walk
    the text (atlas/prescan) as a first reading does: what the walk remembers is forgotten
    first; `entry_after_open`, by turns with them, is entering edit mode just after the chart
    was opened (read_atlas, not timed): the same bytes are not walked again (28 Nov)."""
    from reflexmap.atlas import local_edit, prescan, recheck_window
    from reflexmap.atlas.document import ChartDocument
    from reflexmap.atlas.edits import DeleteZone
    from reflexmap.atlas.loader import decode, read_atlas, read_bytes, without_cycle_collection
    from reflexmap.ui.editor.opening import read_checked

    samples: dict[str, list[float]] = {
        "entry": [],
        "entry_before": [],
        "entry_after_open": [],
        "delete": [],
        "delete_whole_parse": [],
        "delete_round_trip": [],
    }
    document = None
    for run in range(runs):
        # as before 26 Nov 11:20: the flow lists' texts found by a second walk of the whole file
        # (with the cyclic collector paused, as the app's reading pauses it: the two alike)
        prescan.forget()
        started = time.process_time()
        without_cycle_collection(
            lambda: ChartDocument.from_text(decode(read_bytes(path), str(path)), str(path), path).draft()
        )()
        samples["entry_before"].append((time.process_time() - started) * 1000)
        prescan.forget()
        started = time.process_time()
        document = read_checked(path)  # what the app's worker does on entering edit mode
        draft = document.draft()  # (worked out by read_checked: the same draft)
        samples["entry"].append((time.process_time() - started) * 1000)
        prescan.forget()
        assert read_atlas(path).ok  # the chart opened (its first open: no cache)
        started = time.process_time()
        read_checked(path).draft()
        samples["entry_after_open"].append((time.process_time() - started) * 1000)
        zone = draft.atlas.zones[len(draft.atlas.zones) // 2].id
        arms = ["delete", "delete_whole_parse"] + (["delete_round_trip"] if round_trip and run == 0 else [])
        for arm in arms:
            with (
                mock.patch.object(local_edit, "LOCAL", [arm != "delete_round_trip"]),
                mock.patch.object(recheck_window, "SPLICE", [arm == "delete"]),
            ):
                started = time.process_time()
                DeleteZone(zone).apply(document, check=False).document.draft()
                samples[arm].append((time.process_time() - started) * 1000)
    return samples


def indented_entry_samples(zones: int, work: Path, runs: int) -> tuple[list[float], list[float]]:
    """(indented, usual) CPU milliseconds of entering edit mode (as `entry` above) on the
    synthetic chart of `zones` zones written by yaml.safe_dump with indent=4 (compact points
    as `-   - x` then `    - y`), and by turns on the same chart with its usual indentation.
    Before 26 Nov the wider indentation was read line by line and parsed whole: 4× longer."""
    import yaml

    from reflexmap.ui.editor.opening import read_checked

    from .synthetic import synthetic_chart, write_synthetic_chart

    work.mkdir(parents=True, exist_ok=True)
    usual = write_synthetic_chart(zones, work)
    indented = work / f"synthetic-{zones}-indent4.yaml"
    if not indented.exists():
        text = yaml.dump(
            synthetic_chart(zones), Dumper=yaml.CSafeDumper, sort_keys=False, allow_unicode=True, indent=4
        )
        indented.with_suffix(".tmp").write_text(text, encoding="utf-8")
        indented.with_suffix(".tmp").replace(indented)
    samples: tuple[list[float], list[float]] = ([], [])
    for _run in range(runs):
        for path, into in zip((indented, usual), samples, strict=True):
            started = time.process_time()
            read_checked(path)  # as the app's worker reads it (collection paused)
            into.append((time.process_time() - started) * 1000)
    return samples


HUGE_CORNERS = 100_000  # the most a polygon may have (atlas/cache.py MAX_POINTS)

_HUGE_CHART = """atlas_format: 1
id: bench-huge-zone
title: "A zone of {count} corners"
tradition: "Benchmark"
sources:
  - {{id: s1, title: "Source one"}}
views:
  - id: plantar-left
    foot: left
    aspect: plantar
    outline: [[-20, 0], [20, 0], [20, 100], [-20, 100]]
    guides:
      - {{id: waist, name: "Waistline", points: [[-20, 50], [20, 50]]}}
  - id: plantar-right
    foot: right
    aspect: plantar
    mirror_of: plantar-left
zones:
  - id: heel
    name: "Heel"
    region: pelvis
    claim: "the pelvis"
    technique: "Thumb-walk."
    sources: [s1]
    confidence: sourced
    shapes:
      plantar-left: [{ring}]
      plantar-right: mirror
"""


def write_huge_zone_chart(path: Path, corners: int = HUGE_CORNERS) -> Path:
    """A chart at `path` whose one zone ("heel", mirrored on the right foot) has `corners`
    corners: a traced outline, a rectangle 36 × 28 mm in the left sole written with 4
    decimals on one line. Made where it is needed (a benchmark's work folder, a test's
    tmp_path): such a file is too big to keep in the repository."""
    per_side = corners // 4
    box = [(-18, 2), (18, 2), (18, 30), (-18, 30)]
    ring = [
        (x0 + (x1 - x0) * i / per_side, y0 + (y1 - y0) * i / per_side)
        for (x0, y0), (x1, y1) in zip(box, box[1:] + box[:1], strict=True)
        for i in range(per_side)
    ]
    path.parent.mkdir(parents=True, exist_ok=True)
    written = ", ".join(f"[{x:.4f}, {y:.4f}]" for x, y in ring)
    path.write_text(_HUGE_CHART.format(count=f"{len(ring):,}", ring=written), encoding="utf-8")
    return path


def huge_zone_drag_samples(runs: int, work: Path) -> dict[str, list[float]]:
    """In CPU milliseconds (the machine may be shared), a corner of a zone of 100,000
    corners (a traced outline: a rectangle written with 4 decimals, one line) dragged 20 px
    with the mouse on the real window (offscreen), `runs` drags: `move`, each mouse move of
    the drag, the map painted (the overlay, the live check, the zone's fill following);
    `drop`, from the release to the map painted (the edit written, checked, the map redrawn).
    Before 27 Nov: about 1.5 s a move and 8 s a drop (16 s a drag), the text of the list
    written again character by character and the rings converted point by point."""
    path = write_huge_zone_chart(work / "huge-zone.yaml")
    samples: dict[str, list[float]] = {"move": [], "drop": []}
    with _editing(path) as (window, app):
        viewport = window.map.viewport()
        pos = window.map.scene_point_to_viewport("plantar-left", 0.0, 25.0)
        QTest.mouseClick(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, pos)
        app.processEvents()
        none = Qt.KeyboardModifier.AltModifier  # no snapping
        for run in range(runs):
            x, y = window.editor.session.written_shape("heel", "plantar-left")[0][0]
            a = window.map.scene_point_to_viewport("plantar-left", x, y)
            sign = 1 if run % 2 == 0 else -1  # into the zone and back
            QTest.mousePress(viewport, Qt.MouseButton.LeftButton, none, a)
            app.processEvents()
            for i in range(1, 11):
                started = time.process_time()
                QTest.mouseMove(viewport, QPoint(a.x() + sign * 2 * i, a.y() - sign * 2 * i))
                viewport.repaint()
                app.processEvents()
                if i > 5:  # (the first moves are within the start distance of a drag)
                    samples["move"].append((time.process_time() - started) * 1000)
            started = time.process_time()
            QTest.mouseRelease(
                viewport, Qt.MouseButton.LeftButton, none, QPoint(a.x() + sign * 20, a.y() - sign * 20)
            )
            viewport.repaint()
            app.processEvents()
            samples["drop"].append((time.process_time() - started) * 1000)
    return samples
