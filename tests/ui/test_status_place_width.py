"""The status bar's pointer place keeps one width while the pointer moves over the feet, from
view to view and number to number (it was kept wide enough for one German sample only: over
the medial view, or at x -20, it grew and shrank, and the message beside it jittered)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPoint

from reflexmap.atlas import load_atlas

from .conftest import viewport_pos

DATA = Path(__file__).resolve().parents[1] / "data"


def test_the_pointer_place_keeps_its_width(qtbot, make_window):
    window = make_window(load_atlas(DATA / "small.yaml"))
    viewport = window.map.viewport()
    widths, texts = set(), set()
    for view, points in (
        ("plantar-left", [(0, 50), (-19.9, 99.9), (1, 1)]),
        ("plantar-right", [(-19.9, 99.9), (5, 5)]),
        ("medial-left", [(1, 1), (99.9, 39.9), (50, 20)]),
    ):
        if view == "medial-left":
            window.aspect_actions["medial"].trigger()  # View → Medial view
            qtbot.wait(50)
        for x, y in points:
            qtbot.mouseMove(viewport, viewport_pos(window, view, x, y))
            text = window.coordinates.text()
            assert "mm" in text, (view, x, y)
            texts.add(text)
            widths.add(window.coordinates.width())
    assert len(texts) == 8 and len(widths) == 1, widths
    qtbot.mouseMove(viewport, QPoint(1, 1))  # off the feet: the place is gone, and takes no room
    assert window.coordinates.text() == ""
    assert window.coordinates.minimumWidth() == 0
