"""Handouts stay legible with the complete chart, in German and at the largest text size:
the chart's labels print no smaller than about 6 pt (names beside the feet when they fit,
numbers otherwise, with the names in the legend), grow with Settings → Text size, never
overlap, and every zone is numbered and in the legend."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QPainter, QPdfWriter
from PySide6.QtWidgets import QFileDialog, QGraphicsScene

from reflexmap.cli import main
from reflexmap.render import handout
from reflexmap.render.chart_scene import ChartScene

from .test_handout_preview import click, open_handouts
from .test_label_legibility import label_problems


@pytest.fixture
def printed(monkeypatch):
    """Every chart written to a handout PDF: (names shown, label height on paper in mm, zones
    numbered, label problems)."""
    found = []

    def render(self, painter: QPainter, target, source, mode=Qt.AspectRatioMode.KeepAspectRatio):
        device = painter.device()
        if not isinstance(device, QPdfWriter):  # the preview: the saved file's pages count
            return QGraphicsScene.render(self, painter, target, source, mode)
        mm = device.width() / device.widthMM()
        fit = min(target.width() / source.width(), target.height() / source.height())
        numbered = {zone for (_view, zone) in self.labels}
        found.append((self.names, self.label_mm * fit / mm, numbered, label_problems(self)))
        return QGraphicsScene.render(self, painter, target, source, mode)

    monkeypatch.setattr(ChartScene, "render", render, raising=False)
    return found


def _save_all_views(qtbot, window, tmp_path: Path, monkeypatch, name: str, printed: list) -> Path:
    dialog = open_handouts(qtbot, window)  # File → Handouts and printing…
    dialog.views.setCurrentIndex(1)  # all views
    target = tmp_path / name
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    printed.clear()
    click(qtbot, dialog.save_button)
    assert target.is_file()
    dialog.setObjectName("saved")  # the next File → Handouts opens a new dialog
    return target


@pytest.mark.parametrize("language", ["en", "de"])
def test_handouts_print_legibly_and_grow_with_the_text_size(
    qtbot, window, tmp_path, monkeypatch, printed, language
):
    if language != "en":
        window = window.set_language(language)
        qtbot.addWidget(window)
    sizes = {}
    for scale in (1.0, 1.5):
        window.text_size_actions[scale].trigger()  # Settings → Text size
        _save_all_views(qtbot, window, tmp_path, monkeypatch, f"chart-{scale}.pdf", printed)
        atlas = window.state.atlas
        assert len(printed) == len(atlas.aspects())  # one page per view
        for (_names, label_mm, numbered, problems), aspect in zip(printed, atlas.aspects(), strict=True):
            assert label_mm >= handout.MIN_PRINTED_LABEL_MM, (scale, aspect, label_mm)
            assert numbered == {z.id for v in atlas.views_of(aspect) for z in atlas.zones_in(v.id)}
            assert problems == [], (scale, aspect)
        sizes[scale] = [label_mm for _n, label_mm, _z, _p in printed]
    # the largest text size prints every view's labels larger than the normal size
    assert all(big > small * 1.1 for small, big in zip(sizes[1.0], sizes[1.5], strict=True)), sizes


def test_the_command_line_prints_handouts_at_a_text_size(qapp, tmp_path: Path, printed):
    normal, large = tmp_path / "normal.pdf", tmp_path / "large.pdf"
    assert (
        main(["export", "--language", "de", "--handout", "chart", "--view", "plantar", "-o", str(normal)])
        == 0
    )
    assert (
        main(["--text-scale", "1.5", "export", "--handout", "chart", "--view", "plantar", "-o", str(large)])
        == 0
    )
    assert normal.is_file() and large.is_file()
    (_n1, small, _z1, p1), (_n2, big, _z2, p2) = printed
    assert big > small * 1.1 and p1 == p2 == []


def test_pictures_follow_the_text_size_too(qapp, tmp_path: Path, monkeypatch):
    """`reflexmap --text-scale 1.5 export -o chart.png` draws the chart with the larger type,
    as File → Export chart… does at Settings → Text size → Largest."""
    drawn = []
    original = ChartScene.show_chart

    def show_chart(self, *args, **kwargs):
        original(self, *args, **kwargs)
        drawn.append(self.label_mm)

    monkeypatch.setattr(ChartScene, "show_chart", show_chart)
    finals = []  # (an export may draw again, its guide names larger: the last drawing is saved)
    for scale in ("1.0", "1.5"):
        out = tmp_path / f"chart-{scale}.png"
        assert (
            main(["--text-scale", scale, "export", "--view", "medial", "--width", "400", "-o", str(out)]) == 0
        )
        assert out.is_file()
        finals.append(drawn[-1])
    assert finals[1] == pytest.approx(finals[0] * 1.5)
