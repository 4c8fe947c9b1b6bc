"""A PNG export is drawn and compressed a band of rows at a time, and draws no detail finer than
its pixels: the PNG of a zone of 99,999 points (within the limit) peaked at 307 MiB, the whole
picture (68 MiB) and the stroke of every one of its points (~100 MiB) held at once."""

from __future__ import annotations

import math
import struct
from pathlib import Path

import numpy as np
from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QImage, QPainter, QPainterPath, QPolygonF

from benchmarks.hostile_limits import _round_zone, measure_command
from reflexmap import load_atlas
from reflexmap.render.chart_scene import ChartScene
from reflexmap.render.export import PNG_DPI, png_bytes
from reflexmap.render.png_bands import BAND_ROWS
from reflexmap.render.zone_item import DENSE_FROM, drawn_at


def _pixels(image: QImage) -> np.ndarray:
    image = image.convertToFormat(QImage.Format.Format_RGB888)
    rows = np.frombuffer(image.constBits(), np.uint8).reshape(image.height(), image.bytesPerLine())
    return rows[:, : image.width() * 3].astype(int)


def test_a_png_drawn_in_bands_is_the_picture_drawn_whole(qapp):
    atlas = load_atlas()
    scene = ChartScene()
    scene.show_chart(atlas, "plantar", title="T")
    source = scene.chart_rect
    width = 2400
    data = png_bytes(scene, source, width)
    picture = QImage.fromData(data)
    height = round(width * source.height() / source.width())
    assert (picture.width(), picture.height()) == (width, height) and height > 2 * BAND_ROWS
    assert picture.dotsPerMeterX() == picture.dotsPerMeterY() == round(PNG_DPI / 0.0254)
    whole = QImage(width, height, QImage.Format.Format_ARGB32_Premultiplied)
    whole.fill(0xFFFFFFFF)
    painter = QPainter(whole)
    painter.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
    scene.render(painter, QRectF(0, 0, width, height), source)
    painter.end()
    difference = np.abs(_pixels(picture) - _pixels(whole))
    assert difference.max() == 0, difference.max()  # no seam between bands
    assert struct.unpack(">I", data[16:20])[0] == width  # (IHDR: the PNG says its own size)


def _circle(points: int) -> QPainterPath:
    """As benchmarks/hostile_forms.py writes it: 5 mm round, 4 decimals (steps of 0.0001 mm)."""
    path = QPainterPath()
    step = 2 * math.pi / points
    ring = [
        QPointF(round(5 * math.cos(i * step), 4), round(50 + 5 * math.sin(i * step), 4))
        for i in range(points)
    ]
    path.addPolygon(QPolygonF(ring))
    path.closeSubpath()
    return path


def test_a_dense_zone_keeps_no_detail_finer_than_a_pixel():
    dense = _circle(99_999)
    tolerance = 0.05 / 50  # 0.05 px at 50 px a mm (3,000 px across a 60 mm chart)
    simpler = drawn_at(dense, tolerance)
    assert simpler.elementCount() < dense.elementCount() // 20, simpler.elementCount()
    for k in range(0, 99_999, 997):  # every point of the zone stays within the tolerance of the path
        point = dense.elementAt(k)
        assert (
            min(
                math.dist((point.x, point.y), (simpler.elementAt(j).x, simpler.elementAt(j).y))
                for j in range(simpler.elementCount())
            )
            < 5 * 2 * math.pi / simpler.elementCount() + tolerance
        )
    drawn = simpler.boundingRect()
    assert abs(drawn.width() - 10) < tolerance * 2 and abs(drawn.height() - 10) < tolerance * 2


def test_a_chart_drawn_by_hand_is_drawn_as_it_is(qapp):
    """Points millimetres apart: the path itself, not a copy (the picture pixel for pixel)."""
    scene = ChartScene()
    scene.show_chart(load_atlas(), "plantar", title="T")
    paths = [item.path() for item in scene.zone_items.values()]
    assert paths and all(p.elementCount() < DENSE_FROM for p in paths)
    ordinary = _circle(DENSE_FROM - 2)  # (and the element closing it)
    assert drawn_at(ordinary, 0.01) is ordinary


def test_the_png_of_a_zone_of_99999_points_takes_well_under_200_mib(tmp_path: Path):
    """`reflexmap export` in a child process (capped at 1 GiB): its peak memory, which no busy
    machine changes (its time is the benchmark's row, not asserted here)."""
    chart = tmp_path / "round.yaml"
    chart.write_text(_round_zone(), encoding="utf-8")
    out = tmp_path / "round.png"
    code, output, _seconds, peak_mib, _cpu = measure_command(["export", "-o", str(out), str(chart)])
    assert code == 0 and "Traceback" not in output, output[-2000:]
    assert QImage(str(out)).width() == 3000
    assert peak_mib < 170, f"{peak_mib:.0f} MiB"  # 307 MiB before
