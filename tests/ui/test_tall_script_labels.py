"""Labels in a script whose fallback font is taller than DejaVu Sans (Tibetan, drawn by Noto
at about twice DejaVu's line height) keep apart in their columns (issue 16, gap 3): their
room in the column came from DejaVu's line spacing, and at Largest text they touched."""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QTextLayout

from reflexmap.atlas import load_atlas

from .conftest import ASPECT_KEYS

ROOT = Path(__file__).resolve().parents[2]
TIBETAN = ["རྐང་པ", "ཀླད་པ", "མཆིན་པ", "སྙིང", "གློ་བ", "མཁལ་མ"]


def tibetan_chart(tmp_path: Path):
    """The built-in Western chart with every zone named in Tibetan."""
    text = (ROOT / "zones" / "ingham-western.yaml").read_text(encoding="utf-8")
    head, zones = text.split("\nzones:\n", 1)
    count = iter(range(10_000))
    zones = re.sub(
        r'^    name: ".*"$',
        lambda _m: f'    name: "{TIBETAN[next(count) % len(TIBETAN)]}"',
        zones,
        flags=re.MULTILINE,
    )
    path = tmp_path / "tibetan.yaml"
    path.write_text(head + "\nzones:\n" + zones, encoding="utf-8")
    return load_atlas(path)


def ink(label) -> QRectF:
    """The scene rectangle of a one-line label's ink, letters of the fallback font included."""
    item = label.text
    layout = QTextLayout(item.text(), item.font())
    layout.beginLayout()
    layout.createLine()
    layout.endLayout()
    rect = QRectF()
    for run in layout.glyphRuns():
        for glyph, at in zip(run.glyphIndexes(), run.positions(), strict=False):
            rect = rect.united(run.rawFont().boundingRect(glyph).translated(at))
    return item.mapRectToScene(rect)


def test_tibetan_labels_keep_apart_at_the_largest_text(qtbot, make_window, tmp_path):
    window = make_window(tibetan_chart(tmp_path))
    window.settings_menu.text_size_actions[1.5].trigger()  # Settings → Text size → Largest
    qtbot.wait(50)
    found = {}
    for key in ASPECT_KEYS:
        qtbot.keyClick(window.map, key, Qt.KeyboardModifier.ControlModifier)
        qtbot.wait(20)
        chart = window.map.chart
        columns: dict[tuple, list] = {}
        for (view_id, _zone), label in chart.labels.items():
            assert "\n" not in label.text.text()
            columns.setdefault((view_id, label.side, round(label.text.y(), 1) if not label.side else 0), [])
            columns[(view_id, label.side, round(label.text.y(), 1) if not label.side else 0)].append(
                ink(label)
            )
        assert any("ཀ" <= c <= "྿" for label in chart.labels.values() for c in label.text.text())
        for where, rects in columns.items():
            rects.sort(key=lambda r: r.top())
            if where[1]:  # a column: each label's ink clear of the next one's by a tenth of a line
                close = [
                    (a, b)
                    for a, b in zip(rects, rects[1:], strict=False)
                    if b.top() - a.bottom() < 0.1 * chart.label_mm
                ]
            else:  # a row under the sole: clear of the next row's
                close = []
            if close:
                found[(window.state.aspect, *where)] = len(close)
        rows = {}
        for (view_id, _zone), label in chart.labels.items():
            if not label.side:
                rows.setdefault(view_id, []).append(ink(label))
        for view_id, rects in rows.items():  # rows under a side view's sole, and its caption
            tops = sorted({round(r.top(), 1) for r in rects})
            for upper, lower in zip(tops, tops[1:], strict=False):
                above = [r for r in rects if round(r.top(), 1) == upper]
                below = [r for r in rects if round(r.top(), 1) == lower]
                if any(a.intersects(b) for a in above for b in below):
                    found[(window.state.aspect, view_id, "rows")] = True
    assert found == {}
