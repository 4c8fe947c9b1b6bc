"""The map's drawing kept as tiles of device pixels, one set ("level") per zoom scale.

A frame of the map then copies pixels instead of drawing every zone, outline and label:
a pan moves the picture and copies the tiles that come into view (drawn ahead, around the
viewport, while nothing happens); a hover or a selection draws afresh only the part of the
chart that changed (the scene reports it). While the wheel turns, no level exists for the
new scale: the frame shows the nearest levels scaled, and once the wheel has been still a
moment the new level is drawn, a band of tiles per turn of the event loop, so that the
picture is crisp again within about 150 ms and no single frame draws the whole chart.

Tile coordinates are the view's transform space (scene millimetres × pixels per
millimetre), in logical pixels: the viewport shows it shifted by the view's scroll offset,
which is a whole number of pixels, so a tile lands on the same device pixels as the view's
own drawing would, and a still picture is the same as one drawn directly.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QPoint, QPointF, QRect, QRectF
from PySide6.QtGui import QPainter, QPixmap, QRegion, QTransform

ZOOM_STEP = 1.25  # one wheel notch's zoom (the map's, and label_room's steps out)

TILE = 128  # logical pixels
MAX_LEVELS = 3  # the current scale's, the fitted chart's and one more, for previews
BAND_MARGIN = 4  # logical pixels drawn around a band and not kept (see padded_band)
MERGE = 2.0  # a region to draw is drawn as its bounding band when that is at most this much larger
RING = 2  # tiles drawn ahead around the viewport for a pan; farther ones are let go


# (Tile and Level are plain classes: as dataclasses they were 8 M instructions of every start to make.)
class Tile:
    __slots__ = ("pixmap", "dirty")

    def __init__(self, pixmap: QPixmap, dirty: QRegion) -> None:
        self.pixmap = pixmap
        self.dirty = dirty  # tile-local logical pixels to draw afresh


class Level:
    __slots__ = ("scale", "dpr", "tiles", "__weakref__")  # (the drawing ahead holds it weakly)

    def __init__(self, scale: float, dpr: float) -> None:
        self.scale = scale
        self.dpr = dpr
        self.tiles: dict[tuple[int, int], Tile] = {}

    def covered(self, factor: float, ox: float, oy: float) -> QRegion:
        """Viewport pixels covered by this level's clean tiles, drawn at `factor`: whole pixels
        inside its outer edges; between two clean tiles the edge is shared (both are drawn,
        whichever gets the pixels there), so the region is a few rectangles, not a grid of
        tiles with a pixel's gap between each (a clip that made every scaled copy slow)."""
        clean = {key for key, tile in self.tiles.items() if tile.dirty.isEmpty()}
        size = TILE * factor

        def edges(k: int, offset: float, before: bool, after: bool) -> tuple[int, int]:
            low, high = k * size - offset, (k + 1) * size - offset
            start = math.floor(low + 0.5) if before else math.ceil(low)
            end = math.floor(high + 0.5) if after else math.floor(high)
            return start, end

        region = QRegion()
        for i, j in clean:
            left, right = edges(i, ox, (i - 1, j) in clean, (i + 1, j) in clean)
            top, bottom = edges(j, oy, (i, j - 1) in clean, (i, j + 1) in clean)
            if right > left and bottom > top:
                region += QRect(left, top, right - left, bottom - top)
        return region


def padded_band(rect: QRect) -> QRect:
    """The rectangle of tile space drawn for a band `rect`, of which only `rect` is kept:
    BAND_MARGIN pixels more on each side. Drawn exactly, a band differed from the same place
    drawn as part of a larger one (a whole redraw), by up to 20 levels along zones' edges
    and leaders where it ended: Qt clips a path to the pixmap before filling it, and an
    antialiased edge cut there, or an item whose box ends just outside the band though its
    edge reaches a pixel into it, came out lighter. Drawn so, a hover, a selection or a
    dragged handle drawn again leaves no seam."""
    return rect.adjusted(-BAND_MARGIN, -BAND_MARGIN, BAND_MARGIN, BAND_MARGIN)


def pattern_origin(band: QRect, scale: float, dpr: float) -> QPointF:
    """The brush origin that puts a hatched brush's pattern (a zone with a problem, the other
    chart of Compare) on the same device pixels of tile space whichever band draws it. Qt
    draws a pattern unscaled, shifted by the painter's translation divided by its scale plus
    the brush origin (device pixels): a band starting at x shifted it by -x / scale, where
    the band's own pixels start at -x × dpr; measured with Qt 6 (tests/ui/test_map_cache.py
    compares a band with the same place drawn whole)."""
    return QPointF(band.x() / scale - dpr * band.x(), band.y() / scale - dpr * band.y())


def tile_span(rect: QRect) -> tuple[range, range]:
    """The tile columns and rows a rectangle of tile space touches."""
    return (
        range(math.floor(rect.left() / TILE), math.floor(rect.right() / TILE) + 1),
        range(math.floor(rect.top() / TILE), math.floor(rect.bottom() / TILE) + 1),
    )


class Layers:
    """Levels of tiles for one view; `render(painter, scene_rect)` draws the scene."""

    def __init__(self, render) -> None:
        self._render = render  # (painter set to tile space, scene rect) -> None
        self.levels: list[Level] = []  # most recently used first

    def clear(self) -> None:
        self.levels = []

    def level(self, scale: float, dpr: float, create: bool = True) -> Level | None:
        for index, level in enumerate(self.levels):
            if level.dpr == dpr and math.isclose(level.scale, scale, rel_tol=1e-9):
                if index:
                    self.levels.insert(0, self.levels.pop(index))
                return level
        if not create:
            return None
        level = Level(scale, dpr)
        others = [lv for lv in self.levels if lv.dpr == dpr]
        if len(others) >= MAX_LEVELS:  # the least recently used goes; the widest view stays
            widest = min(others, key=lambda lv: lv.scale)
            others.remove(next(lv for lv in reversed(others) if lv is not widest))
        self.levels = [level, *others]
        return level

    def others(self, level: Level) -> list[Level]:
        """The other levels, nearest in scale first."""
        near = [lv for lv in self.levels if lv is not level and lv.dpr == level.dpr]
        return sorted(near, key=lambda lv: abs(math.log(lv.scale / level.scale)))

    def invalidate(self, rects: list[QRectF], everything: bool) -> None:
        """The scene changed in these scene rectangles: draw them afresh in the current level;
        other levels (previews only) are let go."""
        if not self.levels:
            return
        if everything:
            self.clear()
            return
        current = self.levels[0]
        self.levels = [current]
        for rect in rects:
            # as QGraphicsView.updateScene: aligned outward, 2 pixels more for antialiasing
            area = (
                QRectF(
                    rect.x() * current.scale,
                    rect.y() * current.scale,
                    rect.width() * current.scale,
                    rect.height() * current.scale,
                )
                .toAlignedRect()
                .adjusted(-2, -2, 2, 2)
            )
            columns, rows = tile_span(area)
            for i in columns:
                for j in rows:
                    tile = current.tiles.get((i, j))
                    if tile is not None:
                        tile.dirty += area.translated(-i * TILE, -j * TILE) & QRect(0, 0, TILE, TILE)

    def fill(self, level: Level, area: QRect, create: bool = True) -> list[QRect]:
        """Make every tile of `level` that `area` (tile space) touches clean in `area`: missing
        tiles are made (unless not `create`), and what is missing or dirty inside `area` is
        drawn in one pass. Returns the tile-space rectangles drawn."""
        columns, rows = tile_span(area)
        need = QRegion()
        for i in columns:
            for j in rows:
                origin = QPoint(i * TILE, j * TILE)
                tile = level.tiles.get((i, j))
                if tile is None:
                    if not create:
                        continue
                    pixmap = QPixmap(round(TILE * level.dpr), round(TILE * level.dpr))
                    pixmap.setDevicePixelRatio(level.dpr)
                    tile = level.tiles[(i, j)] = Tile(pixmap, QRegion(QRect(0, 0, TILE, TILE)))
                if not tile.dirty.isEmpty():
                    need += tile.dirty.translated(origin) & area
        if need.isEmpty():
            return []
        rects = list(need)
        bound = need.boundingRect()
        area_of = sum(r.width() * r.height() for r in rects)
        if len(rects) > 1 and bound.width() * bound.height() <= MERGE * area_of:
            # pieces close together (a dragged handle's old and new place, a message and its
            # ring): drawn as one band, not a band each (each band walks the scene's items)
            rects = [bound]
        for rect in rects:  # each band once, however many tiles it spans
            self._draw(level, rect)
        return rects

    def _draw(self, level: Level, rect: QRect) -> None:
        dpr = level.dpr
        padded = padded_band(rect)
        band = QPixmap(round(padded.width() * dpr), round(padded.height() * dpr))
        band.setDevicePixelRatio(dpr)
        painter = QPainter(band)
        painter.setTransform(QTransform(level.scale, 0, 0, level.scale, -padded.x(), -padded.y()))
        painter.setBrushOrigin(pattern_origin(padded, level.scale, dpr))
        scene_rect = QRectF(
            padded.x() / level.scale,
            padded.y() / level.scale,
            padded.width() / level.scale,
            padded.height() / level.scale,
        )
        self._render(painter, scene_rect)
        painter.end()
        columns, rows = tile_span(rect)
        for i in columns:
            for j in rows:
                tile = level.tiles.get((i, j))
                if tile is None:
                    continue
                local = rect.translated(-i * TILE, -j * TILE) & QRect(0, 0, TILE, TILE)
                if local.isEmpty():
                    continue
                copier = QPainter(tile.pixmap)
                try:
                    copier.setCompositionMode(QPainter.CompositionMode.CompositionMode_Source)
                    source = local.translated(i * TILE - padded.x(), j * TILE - padded.y())
                    copier.drawPixmap(
                        QRectF(local),
                        band,
                        QRectF(
                            source.x() * dpr, source.y() * dpr, source.width() * dpr, source.height() * dpr
                        ),
                    )
                finally:
                    copier.end()
                tile.dirty -= local

    def paint(self, painter: QPainter, level: Level, exposed: QRegion, ox: int, oy: int) -> QRegion:
        """Copy `level`'s clean tiles into the viewport's `exposed` region (viewport pixels;
        the viewport's top left is (ox, oy) in tile space). Returns what is left uncovered."""
        holes = QRegion(exposed)
        area = exposed.boundingRect().translated(ox, oy)
        columns, rows = tile_span(area)
        for i in columns:
            for j in rows:
                tile = level.tiles.get((i, j))
                if tile is None:
                    continue
                target = QRect(i * TILE - ox, j * TILE - oy, TILE, TILE)
                clean = exposed & target
                if clean.isEmpty():
                    continue
                if not tile.dirty.isEmpty():  # drawn only in part (the rest is drawn later)
                    clean -= tile.dirty.translated(target.topLeft())
                    if clean.isEmpty():
                        continue
                    painter.save()
                    painter.setClipRegion(clean)
                    painter.drawPixmap(target.topLeft(), tile.pixmap)
                    painter.restore()
                else:
                    painter.drawPixmap(target.topLeft(), tile.pixmap)
                holes -= clean
        return holes

    def clean(self, level: Level, area: QRect) -> bool:
        """Whether `level` has tiles drawn everywhere in `area` (tile space)."""
        columns, rows = tile_span(area)
        for i in columns:
            for j in rows:
                tile = level.tiles.get((i, j))
                if tile is None:
                    return False
                if not tile.dirty.isEmpty() and tile.dirty.intersects(area.translated(-i * TILE, -j * TILE)):
                    return False
        return True

    def preview(self, painter: QPainter, level: Level, holes: QRegion, ox: int, oy: int) -> QRegion:
        """Fill `holes` (viewport pixels) from the other levels, scaled to `level`'s scale, the
        nearest scale first. Returns what none of them covers."""
        for other in self.others(level):
            if holes.isEmpty():
                break
            factor = level.scale / other.scale
            here = other.covered(factor, ox, oy) & holes
            if here.isEmpty():
                continue
            painter.save()
            # filtered where it is cheap: at ratio 1 a quarter of the pixels of ratio 2, where
            # nearest-pixel scaling shows less (and filtering would cost most of a frame)
            painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, level.dpr < 1.5)
            painter.setClipRegion(here)
            painter.setTransform(QTransform(factor, 0, 0, factor, -ox, -oy))
            view = (
                QTransform(factor, 0, 0, factor, -ox, -oy).inverted()[0].mapRect(QRectF(here.boundingRect()))
            )
            columns, rows = tile_span(view.toAlignedRect())
            for i in columns:
                for j in rows:
                    tile = other.tiles.get((i, j))
                    if tile is not None and tile.dirty.isEmpty():
                        painter.drawPixmap(QPointF(i * TILE, j * TILE), tile.pixmap)
            painter.restore()
            holes -= here
        return holes
