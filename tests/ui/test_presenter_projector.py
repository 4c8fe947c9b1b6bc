"""Presenter mode on a 1024×768 projector at the largest text, in German (issue 16, gap 1):
every guide name by its line, clear of other text, whole and at one size on each foot; the
labels clear of the key; the feet a fair share of the height. Before: 'Sehnenlinie' and
'Zwerchfell…' sat on the toes one over the other, 'Becken- / Fersenlinie' in two large lines
across the arch, 'Schulterlinie' tiny; 'Ischiasnerv' ran into the key row; the feet were about
280 pixels tall with 110 pixels empty above the title and below the caveat."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGraphicsSimpleTextItem
from shapely.geometry import box

from .test_label_legibility import _path_lines, guide_name_problems, label_problems

FEET_SHARE = 0.5  # of the map's height, at least (before: 0.36)


def presenting_on_a_projector(qtbot, window_in, language: str, text_scale: float):
    """F5, the window at a projector's 1024×768 (full screen cannot happen offscreen: the
    window is sized as `xdotool windowsize` sizes it on a screen without a window manager),
    then A: every name revealed."""
    window = window_in(language, size=(1024, 768), text_scale=text_scale)
    qtbot.keyClick(window.map, Qt.Key.Key_F5)
    qtbot.waitUntil(lambda: window.isFullScreen())
    window.showNormal()
    window.resize(1024, 768)
    qtbot.wait(50)
    qtbot.keyClick(window.map, Qt.Key.Key_A)
    qtbot.wait(20)
    return window


def guide_names(chart) -> list[tuple]:
    """(line item, veil, name) of each guide name shown."""
    triples = [chart.guide_items[i : i + 3] for i in range(0, len(chart.guide_items), 3)]
    return [t for t in triples if t[2].isVisible()]


@pytest.mark.parametrize(("language", "text_scale"), [("de", 1.5), ("en", 1.5), ("de", 1.0)])
def test_guide_names_stand_by_their_lines_on_a_projector(qtbot, window_in, language, text_scale):
    window = presenting_on_a_projector(qtbot, window_in, language, text_scale)
    chart = window.map.chart
    scale = window.map.pixels_per_mm()
    names = guide_names(chart)
    assert len(names) == sum(len(f.view.guides) for f in chart.frames)
    sizes_by_foot: dict[str, set] = {}
    far = []
    for line_item, veil, name in names:
        text_mm = name.font().pixelSize() * name.scale()
        r = veil.sceneBoundingRect()
        away = _path_lines(line_item)[0].distance(box(r.left(), r.top(), r.right(), r.bottom()))
        if away > text_mm:  # more than one of its own lines from its line
            far.append((name.text(), round(away * scale), "px"))
        frame = next(f for f in chart.frames if f.left - 1 <= r.center().x() <= f.right + 1)
        sizes_by_foot.setdefault(frame.view.id, set()).add(round(text_mm * scale, 1))
    assert far == []
    assert all(len(sizes) == 1 for sizes in sizes_by_foot.values()), sizes_by_foot
    elided = [i.text() for i in chart.items() if isinstance(i, QGraphicsSimpleTextItem) and "…" in i.text()]
    assert elided == []
    problems = label_problems(chart) + guide_name_problems(chart, fills=False)
    assert problems == []
    # the labels' columns end above the key, by at least half a line of the key
    lowest = max(label.text.sceneBoundingRect().bottom() for label in chart.labels.values())
    key_top = min(item.sceneBoundingRect().top() for item in chart.key.swatches)
    assert key_top - lowest >= 0.5 * chart.type.key, (lowest, key_top)
    # the feet take a fair share of the height
    feet = max(f.bottom - f.top for f in chart.frames) * scale
    assert feet >= FEET_SHARE * window.map.viewport().height(), feet
