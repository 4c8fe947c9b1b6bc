"""Handouts of a chart full of hostile text (issue 14): names and claims of 3,999 characters,
a 270-letter word, texts of many lines, markup, right-to-left overrides, hundreds of zones,
a 3,999-character title and tradition. Saved through File → Handouts…, every page still draws
the feet at a readable size, no text leaves the page, each legend entry takes a bounded
height, and a legend that does not fit goes on over further pages, headed "(legend,
continued)" and numbered "Page n of N"."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
import yaml
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QFont, QFontMetricsF, QPainter, QPdfWriter
from PySide6.QtWidgets import QFileDialog, QGraphicsScene
from shapely.geometry import Polygon, box

from reflexmap.atlas import builtin_chart_path
from reflexmap.render import handout
from reflexmap.render.chart_scene import ChartScene

from .test_handout_preview import click, open_handouts

RLO = "\u202e"
MARKUP = '<b>bold</b><img src="file:///tmp/reflexmap-must-not-load.png" width=2000>&amp;'
LONG_WORD = "Pneumonoultramicroscopicsilicovolcanoconiosis" * 6  # 270 letters


def _long(seed: str, length: int = 3999) -> str:
    words = [seed, "very", "long", f"{RLO}here", MARKUP, LONG_WORD]
    text, i = "", 0
    while len(text) < length:
        text += words[i % len(words)] + " "
        i += 1
    return text[:length]


def hostile_chart(folder: Path, extra_zones: int = 300) -> Path:
    data = yaml.safe_load(builtin_chart_path().read_text(encoding="utf-8"))
    data["id"] = "hostile-handout"
    data["title"] = _long("Title")
    data["tradition"] = _long("Tradition")
    for i, zone in enumerate(data["zones"]):
        zone["name"] = _long(f"Name{i}") if i % 3 == 0 else f"{zone['name']} {RLO}here{MARKUP} {LONG_WORD}"
        # a claim is one line of text (check refuses a line break in it): long ones instead
        zone["claim"] = _long(f"Claim{i}") if i % 2 else " ".join(f"part {k} {MARKUP}" for k in range(40))
        zone["technique"] = "\n".join(f"step {k}" for k in range(60))
        zone.pop("translations", None)
    view = next(v for v in data["views"] if v["id"] == "plantar-left")
    inside = Polygon(view["outline"]).buffer(-1.5)
    left, bottom, right, top = inside.bounds
    squares = [
        (x, y)
        for y in range(int(bottom), int(top), 5)
        for x in range(int(left), int(right), 5)
        if inside.contains(box(x, y, x + 3, y + 3))
    ][:extra_zones]
    for n, (x, y) in enumerate(squares, 1):
        data["zones"].append(
            {
                "id": f"extra-{n}",
                "name": _long(f"Extra{n}") if n % 40 == 0 else f"Extra zone {n} {RLO}rtl",
                "region": "head",
                "claim": f"claim {n}, second part, third part",
                "technique": "t",
                "sources": ["voner-2003"],
                "confidence": "sourced",
                "shapes": {"plantar-left": [[x, y], [x + 3, y], [x + 3, y + 3], [x, y + 3]]},
            }
        )
    path = folder / "hostile-handout.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, width=10**9), encoding="utf-8")
    return path


@pytest.fixture
def drawn(monkeypatch):
    """Every chart drawn into a handout PDF, and every page planned for it."""
    found = {"charts": [], "sheets": []}

    def render(self, painter: QPainter, target, source, mode=Qt.AspectRatioMode.KeepAspectRatio):
        device = painter.device()
        if isinstance(device, QPdfWriter):
            mm = device.width() / device.widthMM()
            fit = min(target.width() / source.width(), target.height() / source.height())
            found["charts"].append(
                {
                    "page": QRectF(0, 0, device.width(), device.height()),
                    "feet": QRectF(target.topLeft(), source.size() * fit),
                    "label_mm": self.label_mm * fit / mm,
                    "mm": mm,
                }
            )
        return QGraphicsScene.render(self, painter, target, source, mode)

    plan = handout.plan_handout

    def planned(device, *args, **kwargs):
        sheets = plan(device, *args, **kwargs)
        if isinstance(device, QPdfWriter):
            found["sheets"].append((sheets, device.resolution()))
        return sheets

    monkeypatch.setattr(ChartScene, "render", render, raising=False)
    monkeypatch.setattr(handout, "plan_handout", planned)
    return found


def _words(pdf: Path) -> list[tuple[int, float, float, float, float, float, float]]:
    """(page, page width, page height, x0, y0, x1, y1) of every word pdftotext finds, in points."""
    out = subprocess.run(
        ["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    words, page, size = [], 0, (0.0, 0.0)
    for line in out.splitlines():
        if m := re.search(r'<page width="([\d.]+)" height="([\d.]+)"', line):
            page, size = page + 1, (float(m[1]), float(m[2]))
        elif m := re.search(r'xMin="([\d.-]+)" yMin="([\d.-]+)" xMax="([\d.-]+)" yMax="([\d.-]+)"', line):
            words.append((page, *size, *(float(v) for v in m.groups())))
    return words


def _page_text(pdf: Path, page: int) -> str:
    args = ["pdftotext", "-f", str(page), "-l", str(page), str(pdf), "-"]
    return subprocess.run(args, capture_output=True, text=True, check=True).stdout.replace("\n", " ")


@pytest.mark.parametrize("scale", [1.0, 1.5])
def test_a_hostile_chart_prints_its_feet_and_a_bounded_legend_over_numbered_pages(
    qtbot, window, tmp_path, monkeypatch, drawn, scale
):
    assert window.open_chart(hostile_chart(tmp_path))
    atlas = window.state.atlas
    assert len(atlas.zones) > 300
    window.text_size_actions[scale].trigger()  # Settings → Text size
    dialog = open_handouts(qtbot, window)  # File → Handouts…
    dialog.views.setCurrentIndex(1)  # all views
    target = tmp_path / "hostile.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    drawn["charts"].clear()
    drawn["sheets"].clear()
    click(qtbot, dialog.save_button)
    assert target.is_file()

    # the feet of every view, at a readable size: at least a third of the page's height or
    # half its width, labels no smaller than on any handout
    assert len(drawn["charts"]) == len(atlas.aspects())
    for chart in drawn["charts"]:
        page, feet = chart["page"], chart["feet"]
        assert page.contains(feet), (page, feet)
        assert feet.height() >= page.height() / 3 or feet.width() >= page.width() / 2, (page, feet)
        assert chart["label_mm"] >= handout.MIN_PRINTED_LABEL_MM

    # the legend: every zone of every view once, each entry in a bounded box inside the page
    # and clear of the feet; more pages where it did not fit, "continued" on them
    [(sheets, resolution)] = drawn["sheets"]
    total = len(sheets)
    assert total > len(atlas.aspects())  # hundreds of zones do not fit on one page a view
    charts = iter(drawn["charts"])
    for aspect in atlas.aspects():
        entries = [
            n for sheet in sheets if sheet.page.aspect == aspect for (n, _text), _box, _points in sheet.legend
        ]
        numbers = [int(n) for n in entries if n.isdigit()]
        # a view of hundreds of zones numbers them inside the zones: those too small for a
        # number are listed marked "–", after a note (an entry without a number) saying so
        unplaced = entries.count("–")
        assert len(entries) == len(numbers) + unplaced + (1 if unplaced else 0), aspect
        zones = {z.id for v in atlas.views_of(aspect) for z in atlas.zones_in(v.id)}
        assert sorted(numbers) == list(range(1, len(zones) - unplaced + 1)), aspect
    for sheet in sheets:
        page = QRectF(0, 0, 0, 0)
        if sheet.continued:
            assert sheet.scene is None and sheet.chart is None
        else:
            chart = next(charts)
            page, feet = chart["page"], chart["feet"]
        for (_n, _text), entry, points in sheet.legend:
            font = QFont()
            font.setPointSizeF(points)
            line = QFontMetricsF(font).lineSpacing() * resolution / 72 * 1.3  # any fallback font
            assert entry.height() <= handout.MAX_ENTRY_LINES["chart"] * line + 2 * resolution / 25.4
            if not sheet.continued:
                assert page.contains(entry) and not entry.intersects(feet), (entry, feet)

    # no word outside the page's margins; the pages numbered in order; "continued" headings
    words = _words(target)
    assert {w[0] for w in words} == set(range(1, total + 1))
    margin = handout.MARGIN_MM * 72 / 25.4 - 1.5  # points
    outside = [
        w for w in words if w[3] < margin or w[5] > w[1] - margin or w[4] < margin or w[6] > w[2] - margin
    ]
    assert outside == []
    for number, sheet in enumerate(sheets, 1):
        text = _page_text(target, number)
        assert f"Page {number} of {total}." in text
        assert ("(legend, continued)" in text) == sheet.continued
        assert ("The legend continues on the next page." in text) == sheet.continues


def test_the_command_line_prints_a_hostile_chart_within_its_pages(qapp, tmp_path):
    """`reflexmap --chart X export --handout chart --view all`: the same pages."""
    from reflexmap.cli import main

    out = tmp_path / "chart.pdf"
    chart = hostile_chart(tmp_path, extra_zones=120)
    assert main(["export", "--chart", str(chart), "--handout", "chart", "--view", "all", "-o", str(out)]) == 0
    words = _words(out)
    total = max(w[0] for w in words)
    assert total > 4  # one page a view, and more for the long legend
    margin = handout.MARGIN_MM * 72 / 25.4 - 1.5
    assert [
        w for w in words if w[3] < margin or w[5] > w[1] - margin or w[4] < margin or w[6] > w[2] - margin
    ] == []
    for number in range(1, total + 1):
        assert f"Page {number} of {total}." in _page_text(out, number)
