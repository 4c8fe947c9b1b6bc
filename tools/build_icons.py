"""Render the app icon's PNG sizes from its SVG (Qt's SVG renderer; no other tool needed).

    python tools/build_icons.py          # writes assets/icons/hicolor/<N>x<N>/apps/<id>.png
    python tools/build_icons.py --check  # exit 1 if a PNG is missing or differs from the SVG

Desktops pick the size nearest to what they draw (16 px in a title bar, 48 in a launcher,
256 and 512 in software centres); the SVG is installed too, for those that scale it.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from reflexmap.desktop import APP_ID, ICON_SIZES  # noqa: E402

ICONS = ROOT / "assets" / "icons" / "hicolor"
SVG = ICONS / "scalable" / "apps" / f"{APP_ID}.svg"


def png_path(size: int) -> Path:
    return ICONS / f"{size}x{size}" / "apps" / f"{APP_ID}.png"


def render(size: int):
    """The icon at `size` × `size` pixels, antialiased, on a transparent background."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(str(SVG))
    if not renderer.isValid():
        raise SystemExit(f"{SVG}: not a valid SVG")
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    renderer.render(painter)
    painter.end()
    return image


ROUNDING = 2  # per channel: Qt's rasteriser rounds an edge pixel differently on other CPUs


def _same(stored, drawn) -> bool:
    """The stored PNG is the SVG drawn now, but for rounding: on another machine the same
    Qt drew a few edge pixels of the 128–512 px icons one step apart (CI, 27 Nov)."""
    if stored.isNull() or stored.size() != drawn.size():
        return False
    if stored == drawn:
        return True
    import numpy

    def channels(image):
        bits = image.constBits()
        rows = numpy.frombuffer(bits, dtype=numpy.uint8, count=image.sizeInBytes())
        rows = rows.reshape(image.height(), image.bytesPerLine())
        return rows[:, : image.width() * 4].astype(numpy.int16)

    return int(numpy.abs(channels(stored) - channels(drawn)).max()) <= ROUNDING


def main(argv: list[str]) -> int:
    from PySide6.QtGui import QGuiApplication, QImage

    app = QGuiApplication.instance() or QGuiApplication([])  # noqa: F841 - fonts and image plugins
    stale = []
    for size in ICON_SIZES:
        image = render(size)
        target = png_path(size)
        if "--check" in argv:
            if not _same(QImage(str(target)).convertToFormat(image.format()), image):
                stale.append(str(target.relative_to(ROOT)))
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        if not image.save(str(target), "PNG"):
            raise SystemExit(f"could not write {target}")
        print(target.relative_to(ROOT))
    if stale:
        print("out of date (run python tools/build_icons.py):", *stale, sep="\n  ")
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
