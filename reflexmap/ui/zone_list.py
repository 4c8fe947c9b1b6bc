"""A searchable list of the chart's zones; picking one selects it on the map."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QLineEdit, QListView, QVBoxLayout, QWidget

from ..atlas.text import natural_key
from ..i18n import _
from . import palette
from .markup import charts_place
from .state import AppState

ZONE_ID_ROLE = Qt.ItemDataRole.UserRole + 1
SEARCH_ROLE = Qt.ItemDataRole.UserRole + 2


class ZoneList(QWidget):
    def __init__(self, state: AppState, parent=None):
        super().__init__(parent)
        self.state = state
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(_("Search zones (name, claim, region)…"))
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName(_("Search zones"))
        self.model = QStandardItemModel(self)
        self.items: dict[str, QStandardItem] = {}
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setFilterRole(SEARCH_ROLE)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.list = QListView(self)
        self.list.setModel(self.proxy)
        self.list.setEditTriggers(QListView.EditTrigger.NoEditTriggers)
        self.list.setAccessibleName(_("Zones"))
        self.list.setUniformItemSizes(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.search)
        layout.addWidget(self.list)
        self.search.textChanged.connect(self.proxy.setFilterFixedString)
        self.search.returnPressed.connect(self._pick_first)
        self.list.selectionModel().currentChanged.connect(self._picked)
        self.list.activated.connect(self._picked)
        state.atlas_changed.connect(self.refill)
        state.aspect_changed.connect(self.refill)
        state.selection_changed.connect(self._follow_selection)
        self.refill()

    def refill(self, *_args) -> None:
        atlas = self.state.atlas
        shown = {v.id for v in atlas.views_of(self.state.aspect)}
        self.model.clear()
        self.items = {}
        rows = []
        for zone in sorted(atlas.zones, key=lambda z: natural_key(z.name)):
            if not any(view_id in shown for view_id in zone.shapes):
                continue
            region = palette.region_name(zone.region)
            item = QStandardItem(zone.name)
            item.setData(zone.id, ZONE_ID_ROLE)
            item.setData(f"{zone.name} {zone.claim} {region} {zone.id}", SEARCH_ROLE)
            item.setToolTip(f"{region}: {charts_place(zone.claim, sentence=False)}")
            item.setData(palette.fill(zone.region, 200), Qt.ItemDataRole.DecorationRole)
            self.items[zone.id] = item
            rows.append(item)
        self.model.invisibleRootItem().appendRows(rows)  # one insertion: fast for large charts

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def visible_zone_ids(self) -> list[str]:
        return [self.proxy.index(r, 0).data(ZONE_ID_ROLE) for r in range(self.proxy.rowCount())]

    def _pick_first(self) -> None:
        if self.proxy.rowCount():
            self.list.setCurrentIndex(self.proxy.index(0, 0))
            self._picked(self.proxy.index(0, 0))

    def _picked(self, index: QModelIndex, *_args) -> None:
        zone_id = index.data(ZONE_ID_ROLE) if index.isValid() else None
        if zone_id and zone_id != self.state.zone_id:
            self.state.select(zone_id)

    def _follow_selection(self, zone_id: str) -> None:
        item = self.items.get(zone_id)
        index = self.proxy.mapFromSource(item.index()) if item is not None else QModelIndex()
        if not index.isValid():  # not in this view, or filtered out by the search
            self.list.clearSelection()
        elif self.list.currentIndex() != index:
            self.list.setCurrentIndex(index)
