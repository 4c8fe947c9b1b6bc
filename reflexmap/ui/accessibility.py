"""Screen-reader access to the chart: every zone on the map is an accessible child of the map.

Zones are drawn items, not widgets, so Qt's accessibility knows nothing of them on its own.
An accessible interface for the map view lists one child per zone shown (name: the zone's
name; description: what charts place there, its region and tradition), in keyboard order
along the feet, and reports focus and selection when a zone is selected, so a screen reader
announces the zone's name and claim.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QPoint, QRect
from PySide6.QtGui import QAccessible, QAccessibleEvent, QAccessibleInterface
from PySide6.QtWidgets import QAccessibleWidget

from ..content.markup import charts_place
from ..vocab import region_name

if TYPE_CHECKING:
    from .map_view import MapView


class ZoneAccessible(QAccessibleInterface):
    """One zone in one view of the map (it reads the live chart each time it is asked)."""

    def __init__(self, map_interface: MapAccessible, key: tuple[str, str]):
        super().__init__()
        self.map_interface = map_interface
        self.key = key

    def _view(self) -> MapView:
        return self.map_interface.map_view

    def isValid(self) -> bool:  # noqa: N802 - Qt's names
        try:
            return self.key in self._view().chart.zone_items
        except RuntimeError:  # the map was deleted
            return False

    def object(self) -> QObject | None:
        return None

    def window(self):
        return self.map_interface.window()

    def relations(self, match=None):
        return []

    def focusChild(self):  # noqa: N802
        return None

    def childAt(self, x: int, y: int):  # noqa: N802
        return None

    def parent(self):
        return self.map_interface

    def child(self, index: int):
        return None

    def childCount(self) -> int:  # noqa: N802
        return 0

    def indexOfChild(self, child) -> int:  # noqa: N802
        return -1

    def text(self, kind: QAccessible.Text) -> str:
        if not self.isValid():
            return ""
        view = self._view()
        zone = view.state.atlas.zone(self.key[1])
        if kind == QAccessible.Text.Name:
            return zone.name
        if kind == QAccessible.Text.Description:
            tradition = zone.tradition or view.state.atlas.tradition
            where = view.chart.view_caption(self.key[0])
            return f"{charts_place(zone.claim)} {region_name(zone.region)}, {tradition}. {where}."
        return ""

    def setText(self, kind, text: str) -> None:  # noqa: N802
        pass

    def rect(self) -> QRect:
        if not self.isValid():
            return QRect()
        view = self._view()
        item = view.chart.zone_items[self.key]
        polygon = view.mapFromScene(item.sceneBoundingRect())
        local = polygon.boundingRect()
        top_left = view.viewport().mapToGlobal(local.topLeft())
        return QRect(top_left, local.size())

    def role(self) -> QAccessible.Role:
        return QAccessible.Role.ListItem

    def state(self) -> QAccessible.State:
        state = QAccessible.State()
        if not self.isValid():
            state.invalid = True
            return state
        view = self._view()
        state.focusable = True
        state.selectable = True
        selected = view.state.zone_id == self.key[1] and view.state.view_id in ("", self.key[0])
        state.selected = selected
        state.focused = selected and view.hasFocus()
        return state


class MapAccessible(QAccessibleWidget):
    """The map as a list of zones, in the order Tab walks them (toes to heel, left foot first)."""

    def __init__(self, map_view: MapView):
        super().__init__(map_view, QAccessible.Role.List, map_view.accessibleName())
        self.map_view = map_view
        self._children: dict[tuple[str, str], ZoneAccessible] = {}  # kept alive: Qt holds pointers

    def _keys(self) -> list[tuple[str, str]]:
        return self.map_view.chart.keyboard_order()

    def zone(self, key: tuple[str, str]) -> ZoneAccessible:
        if key not in self._children:
            self._children[key] = ZoneAccessible(self, key)
        return self._children[key]

    def childCount(self) -> int:  # noqa: N802
        return len(self._keys())

    def child(self, index: int):
        keys = self._keys()
        return self.zone(keys[index]) if 0 <= index < len(keys) else None

    def indexOfChild(self, child) -> int:  # noqa: N802
        keys = self._keys()
        key = getattr(child, "key", None)
        return keys.index(key) if key in keys else -1

    def focusChild(self):  # noqa: N802
        key = (self.map_view.state.view_id, self.map_view.state.zone_id)
        return self.zone(key) if key in self.map_view.chart.zone_items else None

    def childAt(self, x: int, y: int):  # noqa: N802
        local = self.map_view.viewport().mapFromGlobal(QPoint(x, y))
        view_id, hits = self.map_view.zones_under(local)
        return (
            self.zone((view_id, hits[0]))
            if hits and (view_id, hits[0]) in self.map_view.chart.zone_items
            else None
        )

    def text(self, kind: QAccessible.Text) -> str:
        if kind == QAccessible.Text.Description:
            child = self.focusChild()
            if child is not None:
                return f"{child.text(QAccessible.Text.Name)}: {child.text(QAccessible.Text.Description)}"
        return super().text(kind)


_maps: list[type] = []  # the map view's class, as install() was given it (map_view imports this)


def _interface(key: str, obj: QObject) -> QAccessibleInterface | None:
    """Qt asks for an object's accessible interface only when assistive technology is active."""
    return MapAccessible(obj) if isinstance(obj, tuple(_maps)) else None


def install(map_view: MapView) -> None:
    """The map's interface given to Qt (done once the start is ready, see MapView): an
    interface Qt made for `map_view` before, as for any widget, is dropped for this one."""
    if not _maps:
        _maps.append(type(map_view))
        QAccessible.installFactory(_interface)
    if QAccessible.isActive():  # (Qt keeps the interfaces it made)
        made = QAccessible.queryAccessibleInterface(map_view)
        if made is not None and not isinstance(made, MapAccessible):
            QAccessible.deleteAccessibleInterface(QAccessible.uniqueId(made))


def announce_selection(map_view: MapView) -> None:
    """Tell assistive technology that the selected zone now has focus and is selected."""
    if not QAccessible.isActive():
        return
    interface = QAccessible.queryAccessibleInterface(map_view)
    if not isinstance(interface, MapAccessible):
        return
    child = interface.focusChild()
    if child is None:
        return
    index = interface.indexOfChild(child)
    for event_type in (
        QAccessible.Event.Focus,
        QAccessible.Event.Selection,
        QAccessible.Event.DescriptionChanged,
    ):
        event = QAccessibleEvent(map_view, event_type)
        event.setChild(index)
        QAccessible.updateAccessibility(event)
