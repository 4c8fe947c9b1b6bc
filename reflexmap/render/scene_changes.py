"""Items put on or taken off a scene reported as changed only where they are drawn.

The map keeps its drawing as tiles (ui/map_layers.py) and draws afresh what the scene's
`changed` signal reports. Two of Qt's ways of reporting do not fit that:
- `removeItem` of a visible item reports the whole scene while anything listens to
  `changed` (qgraphicsscene.cpp, markDirty: "kept for compatibility"): every tile of the map
  was drawn again at each move of a drag (the editor's handles drawn anew) and five times a
  drop. An item hidden first, and its hiding reported, is taken away without a report: so
  `remove_quietly` hides, lets the scene report the hidden items' places, then removes.
- an item that keeps its size on screen (ItemIgnoresTransformations: the editor's handles,
  rings and messages) is reported to the views only, never through `changed`: `report`
  tells the scene where such an item is drawn in every view.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QEvent, QRectF
from PySide6.QtWidgets import QApplication, QGraphicsItem, QGraphicsScene

UNTRANSFORMED = QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations


def untransformed(item: QGraphicsItem) -> bool:
    """Whether `item` or one of its children keeps its size on screen."""
    return bool(item.flags() & UNTRANSFORMED) or any(untransformed(c) for c in item.childItems())


def drawn_area(scene: QGraphicsScene, item: QGraphicsItem) -> QRectF:
    """The scene rectangle covering what `item` and its children draw in every view of
    `scene` (one that keeps its size on screen covers, around its position, a rectangle
    that depends on each view's scale)."""
    own = item.boundingRect() | item.childrenBoundingRect()
    area = item.mapRectToScene(own)
    for view in scene.views():
        transform = view.viewportTransform()
        back, invertible = transform.inverted()
        if invertible:
            area |= back.mapRect(item.deviceTransform(transform).mapRect(own))
    return area


def report(scene: QGraphicsScene, items: Iterable[QGraphicsItem]) -> None:
    """The places of `items` that keep their size on screen told to the scene as changed."""
    for item in items:
        if item.scene() is scene and untransformed(item):
            scene.update(drawn_area(scene, item))


def flush(scene: QGraphicsScene) -> None:
    """What the scene has to report (items changed, hidden, put in) reported now."""
    QApplication.sendPostedEvents(scene, QEvent.Type.MetaCall)


def remove_quietly(scene: QGraphicsScene, items: Iterable[QGraphicsItem]) -> None:
    """`items` taken off `scene`, the scene reporting as changed only where they were
    drawn (see the module's docstring)."""
    items = [item for item in items if item.scene() is scene]
    if not items:
        return
    report(scene, items)
    for item in items:
        item.setVisible(False)  # reported where it was, by the scene, at the flush
    flush(scene)
    for item in items:
        if item.scene() is scene:  # (a child goes with its parent)
            scene.removeItem(item)
