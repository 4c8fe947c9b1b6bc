"""Zone numbers inside the zones on a handout, for views with too many zones to label beside
the feet (more than MAX_LABELLED_ZONES): each number is drawn inside its zone wherever it
fits at a legible printed size; the zones too small for one are said, not numbered."""

from __future__ import annotations

from PySide6.QtCore import QRectF
from PySide6.QtGui import QFontMetricsF, QTransform
from PySide6.QtWidgets import QGraphicsSimpleTextItem

from .chart_scene import ChartScene
from .chart_text import label_font, text_item, text_width

# A number inside its zone prints this tall at most (as a label) and at least MIN_NUMBER_MM
# (about 5 pt: the smallest digits a reader finds again); a zone that cannot hold it at that
# size is listed in the legend without a place.
NUMBER_MM = 2.6
MIN_NUMBER_MM = 1.8
INK_EMS = 0.85  # a number's digits, with a little room over and under them, in ems
SQUEEZE = 0.78  # a number too wide for its zone may be drawn this much narrower, still legible
NUMBER_Z = 50.0  # over the zones and their outlines


def crowded(scene: ChartScene) -> bool:
    """Whether the scene has views whose zones carry no label (too many to label)."""
    return bool(scene.unlabelled_views)


def place_numbers(
    scene: ChartScene, numbers: dict[str, int], paper_per_unit: float, text_scale: float = 1.0
) -> dict[tuple[str, str], tuple[QRectF, float, float]]:
    """Where each numbered zone's number goes in the unlabelled views: {(view, zone): (its
    box in scene units, its text size in scene units, its width's squeeze)}. A zone gets its
    number when the number's box, at a printed size from NUMBER_MM down to MIN_NUMBER_MM
    (times the text size), whole or squeezed, lies inside the zone and clear of the guide
    names and of the numbers placed before it."""
    if paper_per_unit <= 0:
        return {}
    unlabelled = set(scene.unlabelled_views)
    frames = {frame.view.id: frame for frame in scene.frames}
    sizes = [s * text_scale / paper_per_unit for s in (NUMBER_MM, 2.2, MIN_NUMBER_MM)]
    placed: dict[tuple[str, str], tuple[QRectF, float, float]] = {}
    taken = [item.sceneBoundingRect() for item in scene.guide_names if item.isVisible()]  # kept clear
    for view_id, zone_id in scene.keyboard_order():
        if view_id not in unlabelled or zone_id not in numbers or view_id not in frames:
            continue
        item = scene.zone_items.get((view_id, zone_id))
        anchor = scene.anchors.get((view_id, zone_id))
        if item is None or anchor is None:
            continue
        shape = item.mapToScene(item.path())
        x, y = frames[view_id].to_chart(*anchor)
        bounds = shape.boundingRect()
        text = str(numbers[zone_id])
        for size, squeeze in [(size, squeeze) for size in sizes for squeeze in (1.0, SQUEEZE)]:
            width, height = text_width(text, size) * squeeze, size * INK_EMS
            if width > bounds.width() or height > bounds.height():
                continue
            box = _inside(shape, x, y, width, height, bounds.center())
            if box is not None and not any(box.intersects(other) for other in taken):
                placed[(view_id, zone_id)] = (box, size, squeeze)
                taken.append(box)
                break
    return placed


def _inside(shape, x: float, y: float, width: float, height: float, centre) -> QRectF | None:
    """A box `width` × `height` inside `shape`, centred on its anchor or the middle of its
    bounds, if one of them lets it."""
    for cx, cy in ((x, y), (centre.x(), centre.y())):
        box = QRectF(cx - width / 2, cy - height / 2, width, height)
        if shape.contains(box):
            return box
    return None


def draw_numbers(
    scene: ChartScene, numbers: dict[str, int], places: dict[tuple[str, str], tuple[QRectF, float, float]]
) -> list[QGraphicsSimpleTextItem]:
    """The numbers as scene items, each in the middle of its box, in ink."""
    items = []
    for (_view, zone_id), (box, size, squeeze) in places.items():
        item = text_item(str(numbers[zone_id]), size)
        item.setZValue(NUMBER_Z)
        rect = item.boundingRect()
        scale = item.scale()
        metrics = QFontMetricsF(label_font())
        middle = metrics.ascent() - metrics.capHeight() / 2  # the digits' middle, under the item's top
        item.setTransform(QTransform.fromScale(squeeze, 1.0))
        item.setPos(box.center().x() - rect.width() * scale * squeeze / 2, box.center().y() - middle * scale)
        scene.addItem(item)
        items.append(item)
    return items


def numbered(places: dict[tuple[str, str], tuple[QRectF, float, float]]) -> set[str]:
    return {zone_id for _view, zone_id in places}
