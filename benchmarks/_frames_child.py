"""Frame times of the real map in one process at one device pixel ratio: full repaints and a
played sequence of wheel zooms and drags. Prints the samples as JSON.

    QT_SCALE_FACTOR=2 python -m benchmarks._frames_child 1440x900 9 [chart.yaml]

Run by benchmarks/frames.py as a fresh process per ratio: Qt reads QT_SCALE_FACTOR once, when
the application starts. The window is the real one (create_window) on Qt's offscreen platform;
its backing store has the device pixel ratio of the screen, so a ratio-2 frame paints four
times the pixels of a ratio-1 frame of the same window, as on a high-DPI laptop.

The baseline is measured in the same process, by turns with the figure: the map as drawn
before issue 19, every item painted afresh at every frame (MapView.set_layered(False)).
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
import time
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

# Wall time, what a person waits; REFLEXMAP_BENCH_CLOCK=thread measures the main thread's CPU
# time instead (steadier on a busy machine, for comparing two versions while developing).
_clock = time.thread_time if os.environ.get("REFLEXMAP_BENCH_CLOCK") == "thread" else time.perf_counter


class _Paints(QObject):
    """Counts the viewport's paint events: each measured frame must really have painted."""

    def __init__(self) -> None:
        super().__init__()
        self.count = 0

    def eventFilter(self, watched, event) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.count += 1
        return False


def _settle(app: QApplication, rounds: int = 3) -> None:
    for _ in range(rounds):
        app.processEvents()


def _frame(app: QApplication, paints: _Paints, send) -> float:
    """Milliseconds from delivering one input event until the viewport has painted its result
    (the event's handling, the update request, the paint into the backing store)."""
    before = paints.count
    started = _clock()
    send()
    app.processEvents()  # the update request the event posted: Qt paints here
    elapsed = (_clock() - started) * 1000
    if paints.count == before:
        raise RuntimeError("an input event of the zoom-and-pan sequence painted nothing")
    return elapsed


def _pause(app: QApplication, ms: float) -> None:
    """A person's hand moving from the wheel to the button: time passes, timers run."""
    until = time.perf_counter() + ms / 1000
    while time.perf_counter() < until:
        app.processEvents()
        time.sleep(0.005)


def _settling(app: QApplication, view, settles: list[tuple[float, float]], ms: float = 300) -> None:
    """The hand leaves the wheel: time passes (`ms`, not counted as frames). What the map does
    meanwhile is measured: the time from the last notch until it shows the new scale crisp
    (drawn afresh, no scaled preview) and the longest single turn of the event loop on the
    way (a frame the person would see drop). Drawn directly, the map is crisp at once."""
    started = time.perf_counter()
    until = started + ms / 1000
    crisp_ms, longest = None, 0.0
    while crisp_ms is None or time.perf_counter() < until:  # on a busy machine, longer
        turn = _clock()
        app.processEvents()
        if crisp_ms is None:
            longest = max(longest, (_clock() - turn) * 1000)
            if view.crisp:
                crisp_ms = (time.perf_counter() - started) * 1000
            elif time.perf_counter() > started + 10:
                raise RuntimeError("the map was not crisp 10 s after the last wheel notch")
        time.sleep(0.001)
    settles.append((crisp_ms, longest))


def _wheel(view, pos: QPoint, clicks: int) -> QWheelEvent:
    viewport = view.viewport()
    return QWheelEvent(
        QPointF(pos),
        QPointF(viewport.mapToGlobal(pos)),
        QPoint(0, 0),
        QPoint(0, 120 * clicks),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )


def zoom_and_pan(
    app: QApplication, view, paints: _Paints, settles: list[tuple[float, float]] | None = None
) -> list[float]:
    """A person exploring the chart: wheel in under the cursor over one foot, drag across it,
    wheel in further, drag back, wheel out, over the other foot, and back to the whole chart
    by wheel. One sample per event (each wheel notch, each mouse move of a drag). Between a
    turn of the wheel and a drag, 0.3 s pass (not counted as frames), as the hand moves; after
    each turn of the wheel, `settles` gets (ms until crisp, longest event-loop turn meanwhile)."""
    settles = [] if settles is None else settles
    viewport = view.viewport()
    send = QApplication.sendEvent
    w, h = viewport.width(), viewport.height()
    frames: list[float] = []
    for cx in (0.33, 0.67):  # the left foot, then the right
        centre = QPoint(int(w * cx), int(h * 0.45))
        for _ in range(4):  # zoom in, notch by notch, under the cursor
            frames.append(_frame(app, paints, lambda c=centre: send(viewport, _wheel(view, c, 1))))
        _settling(app, view, settles)
        QTest.mousePress(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, centre)
        at = centre
        for step in range(12):  # drag: a pan of 12 moves of 15 × 9 px
            at = centre + QPoint((step + 1) * 15, (step + 1) * 9)
            frames.append(_frame(app, paints, lambda a=at: QTest.mouseMove(viewport, a)))
        QTest.mouseRelease(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, at)
        _pause(app, 300)
        for _ in range(3):  # in further
            frames.append(_frame(app, paints, lambda a=at: send(viewport, _wheel(view, a, 1))))
        _settling(app, view, settles)
        QTest.mousePress(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, at)
        back = at
        for step in range(12):  # drag back up and left
            back = at - QPoint((step + 1) * 20, (step + 1) * 6)
            frames.append(_frame(app, paints, lambda b=back: QTest.mouseMove(viewport, b)))
        QTest.mouseRelease(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, back)
        _pause(app, 300)
        for _ in range(7):  # out again, to the whole chart (the view stops at "fitted")
            frames.append(_frame(app, paints, lambda b=back: send(viewport, _wheel(view, b, -1))))
        _settling(app, view, settles)
        view.fit()
        _pause(app, 300)
    return frames


def _drawing(view, how: str) -> None:
    """ "direct": every item drawn afresh at every frame, as before issue 19 (the map's kept
    tiles switched off); "cached": the map as it is (its drawing kept as tiles)."""
    view.set_layered(how != "direct")


def repaints(app: QApplication, view, runs: int) -> dict[str, list[float]]:
    """Full repaints of the fitted map (the whole viewport painted into the backing store),
    drawn afresh and cached by turns, so that both see the same moments of a busy machine."""
    viewport = view.viewport()
    view.fit()
    samples: dict[str, list[float]] = {"direct": [], "cached": []}
    for _ in range(runs):
        for how in ("direct", "cached"):
            _drawing(view, how)
            view.fit()
            _pause(app, 300)
            viewport.repaint()  # the first frame after a zoom makes the pixmaps: not counted
            started = _clock()
            viewport.repaint()
            samples[how].append((_clock() - started) * 1000)
    if not view.crisp:
        raise RuntimeError("the fitted map is not kept as tiles")
    return samples


def main(size: str, runs: int, chart: str | None) -> None:
    from reflexmap.atlas import load_atlas
    from reflexmap.settings import Settings
    from reflexmap.ui.app import application, create_window

    app = application()
    atlas = load_atlas(chart) if chart else load_atlas()
    width, height = (int(v) for v in size.split("x"))
    with tempfile.TemporaryDirectory(prefix="reflexmap-bench-") as folder:
        settings = Settings(Path(folder) / "settings.json")
        settings.setValue("notes/first-run-seen", True)
        window = create_window(atlas, settings, restore=False, progress_path=Path(folder) / "progress.json")
        window.resize(width, height)
        window.show()
        _settle(app, 5)
        view = window.map
        paints = _Paints()
        view.viewport().installEventFilter(paints)
        view.viewport().repaint()  # warm: fonts, glyph caches, first layout
        repaint = repaints(app, view, runs)
        sequences: dict[str, list[float]] = {"direct": [], "cached": []}
        settles: list[tuple[float, float]] = []
        for how in ("direct", "cached", "direct", "cached"):  # by turns, as above
            _drawing(view, how)
            view.fit()
            _pause(app, 300)
            sequences[how] += zoom_and_pan(app, view, paints, settles if how == "cached" else None)
        result = {
            "ratio": view.viewport().devicePixelRatioF(),
            "viewport": [view.viewport().width(), view.viewport().height()],
            "zones": len(view.chart.zone_items),
            "repaint_ms": repaint["cached"],
            "repaint_direct_ms": repaint["direct"],
            "zoom_pan_ms": sequences["cached"],
            "zoom_pan_direct_ms": sequences["direct"],
            "settle_ms": [crisp for crisp, _ in settles],
            "settle_turn_ms": [turn for _, turn in settles],
        }
        window.close()
    print(json.dumps(result))


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]), sys.argv[3] if len(sys.argv) > 3 else None)
