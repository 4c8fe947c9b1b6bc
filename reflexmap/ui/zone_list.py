"""A searchable list of the chart's zones; picking one selects it on the map.

With the search empty the list shows the zones of the view on screen. A search looks through
every view of the chart (and the other charts the app knows, by name), says where each match is
drawn, and picking a match switches to its view (or chart) before selecting it. The known charts
not read in this session are read in a worker (charts_menu.py, known_readings.py): their matches
are added as each is read, and a line under the field says charts are still being searched.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QModelIndex, QRectF, QSortFilterProxyModel, Qt, Signal
from PySide6.QtGui import QColor, QIcon, QPainter, QPen, QPixmap, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QLabel, QLineEdit, QListView, QSizePolicy, QVBoxLayout, QWidget

from ..atlas import Atlas
from ..atlas.text import natural_key
from ..content.markup import charts_place, cut_at, isolate, plain_tooltip, shortened
from ..i18n import _, bidi_isolate, file_isolate, ngettext, shown_text
from ..render import palette
from ..vocab import aspect_name, region_name
from .dock_room import PlaceholderFit
from .even_rows import EvenRows
from .state import AppState
from .timers import later

if TYPE_CHECKING:
    from ..atlas.search import Searchable  # (made when a search asks: not at start-up)

ECHO_CHARS = 30  # of a query said back in "No zone matches …"

ZONE_ID_ROLE = Qt.ItemDataRole.UserRole + 1
SEARCH_ROLE = Qt.ItemDataRole.UserRole + 2
ASPECT_ROLE = Qt.ItemDataRole.UserRole + 3  # the view to switch to; "" for the view on screen
CHART_ROLE = Qt.ItemDataRole.UserRole + 4  # path of another chart holding the match; "" for this one
MAX_OTHER_CHART_ROWS = 50
CLAIM_TIP_CHARS = 400  # the longest claim a row's tooltip shows in full
FRAME = "#3b3f45"  # a swatch's frame: the chart key's outline grey
_SWATCHES: dict[tuple[int, int], QIcon] = {}  # (region colour, paper) RGBA -> its swatch, for every row


def swatch(color: QColor) -> QIcon:
    """The region's colour as a row's icon, one per colour for the whole app. A QColor as a
    row's decoration becomes a new icon at every paint, and Qt's pixmap cache kept each one's
    drawing: every refill of the list (each view switch) added to it until the cache was full
    (64 MiB since the map caches its items).

    The colour is shown as on the chart's paper of the theme in use: blended over white in
    the dark theme, the rows kept the light theme's pale colours beside the map's dark ones."""
    paper = QColor(palette.current.paper)
    key = (color.rgba(), paper.rgba())
    icon = _SWATCHES.get(key)
    if icon is None:
        if len(_SWATCHES) > 256:  # themes and charts come and go: never more than a few hundred
            _SWATCHES.clear()
        icon = QIcon()
        # opaque, as on the chart's paper, in a frame, and the same on a selected row: Qt's
        # "selected" icon tinted it with the selection (Nerves orange turned grey-brown, Spine
        # blue sank into the selection's blue)
        shown = QColor(color)
        shown.setAlpha(255)
        alpha = color.alphaF()
        under = (paper.redF(), paper.greenF(), paper.blueF())
        colour = (color.redF(), color.greenF(), color.blueF())
        shown.setRgbF(*(alpha * c + (1 - alpha) * p for c, p in zip(colour, under, strict=True)))
        for side in (16, 32):  # the list's icon size, and twice that on a high-DPI screen
            for modes, ring in (
                ((QIcon.Mode.Normal, QIcon.Mode.Active), False),
                ((QIcon.Mode.Selected,), True),
            ):
                pixmap = _swatch_pixmap(shown, side, ring)
                for mode in modes:
                    icon.addPixmap(pixmap, mode)
        _SWATCHES[key] = icon
    return icon


def _swatch_pixmap(shown: QColor, side: int, ring: bool) -> QPixmap:
    """A swatch `side` pixels square in its frame; with `ring` (a selected row) a white band
    inside the frame: Spine's blue on the selection's blue showed only as a dark square."""
    pixmap = QPixmap(side, side)
    pixmap.fill(shown)
    painter = QPainter(pixmap)
    width = side // 16
    if ring:
        painter.setPen(QPen(QColor("#ffffff"), 2 * width))
        painter.drawRect(QRectF(2 * width, 2 * width, side - 4 * width, side - 4 * width))
    painter.setPen(QPen(QColor(FRAME), width))
    painter.drawRect(QRectF(width / 2, width / 2, side - width, side - width))
    painter.end()
    return pixmap


class ZoneList(QWidget):
    chart_requested = Signal(str, str)  # (path of another chart, zone id to select there)

    def __init__(self, state: AppState, parent=None):
        super().__init__(parent)
        self.state = state
        # Other charts to search: () -> ([(path, what searching it needs)], [paths still being read])
        self.other_charts: Callable[[], tuple[list[tuple[Path, Searchable]], list[Path]]] = lambda: ([], [])
        self._searched: set[str] = set()  # the other charts whose matches are listed (by path)
        self._named_files: dict[str, bool] = {}  # their rows name the file (by path)
        self._waiting: list[Path] = []  # the other charts still being read for the search
        self._opening: tuple[str, str] | None = None  # (chart, zone id) about to be opened
        self.search = QLineEdit(self)
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName(_("Search zones"))
        # the placeholder says what the search covers, shortened to the field's room (dock_room)
        self._search_fit = PlaceholderFit(self.search, _("Search all views (name, claim, region)…"))
        self._fit_search()
        self.model = QStandardItemModel(self)
        self.items: dict[str, QStandardItem] = {}  # rows of this chart, by zone id
        self._listed: Atlas | None = None  # the chart the rows of the view were made from
        self.proxy = QSortFilterProxyModel(self)  # kept for sorting views and tests; no filter
        self.proxy.setSourceModel(self.model)
        self.list = QListView(self)
        self.list.setModel(self.proxy)
        self.list.setEditTriggers(QListView.EditTrigger.NoEditTriggers)
        self.list.setAccessibleName(_("Zones"))
        self.list.setUniformItemSizes(True)  # fast for large charts; off while a search wraps rows
        self.list.setItemDelegate(EvenRows(self.list))  # an odd name's fallback font: rows kept even
        self.list.setWordWrap(True)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.hint = QLabel(self)
        self.hint.setTextFormat(Qt.TextFormat.PlainText)
        self.hint.setWordWrap(True)
        self.hint.setObjectName("search-hint")
        # Its text never widens the panel (a pasted page in the search once made the window
        # three screens wide): it wraps in the width the panel has.
        self.hint.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.hint.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.search)
        layout.addWidget(self.hint)
        layout.addWidget(self.list)
        self.search.textChanged.connect(self.refill)
        self.search.returnPressed.connect(self._pick_first)
        self.list.selectionModel().currentChanged.connect(self._picked)
        self.list.activated.connect(self._open)  # Enter (or the platform's activating click)
        self.list.clicked.connect(self._open)
        state.atlas_changed.connect(self._atlas_changed)
        state.aspect_changed.connect(self.refill)
        state.selection_changed.connect(self._follow_selection)
        self._filling = False
        self.refill()

    def changeEvent(self, event) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.ApplicationFontChange):
            self._fit_search()

    def _fit_search(self) -> None:
        """The field is wide enough to show its whole placeholder at any text size, unless
        its dock may not be so wide (the map keeps its room: dock_room.py); the placeholder
        is then shortened to it."""
        self._search_fit.fit()

    def _atlas_changed(self) -> None:
        """Rows made again, unless only some zones' points changed (an editor's drag: 10,000
        rows made again took seconds) and those zones keep what their rows show."""
        if self.state.changed_zones and not self.search.text().strip() and self._listed is not None:
            old, new = self._listed, self.state.atlas
            shown = {v.id for v in new.views_of(self.state.aspect)}

            def row(atlas, zone_id: str) -> tuple | None:
                if not atlas.has_zone(zone_id):
                    return None
                zone = atlas.zone(zone_id)
                return zone.name, zone.region, zone.claim, any(v in shown for v in zone.shapes)

            if len(old.zones) == len(new.zones) and all(
                row(old, z) == row(new, z) for z in self.state.changed_zones
            ):
                self._listed = new
                return
        self.refill()

    def refill(self, *_args) -> None:
        """Rebuild the rows; the selection on the map is never changed by it."""
        self._listed = self.state.atlas if not self.search.text().strip() else None
        self._waiting = []
        self._filling = True
        selection = self.list.selectionModel()
        selection.blockSignals(True)
        try:
            self.model.clear()
            self.items = {}
            query = self.search.text().strip()
            rows = self._matches(query) if query else self._rows_of_view()
            # Matches say where they are drawn and may wrap; the plain list has one line per row.
            self.list.setUniformItemSizes(not query)
            if rows:
                # One insertion (fast for large charts), through the model: rows appended to
                # invisibleRootItem() keep their Python wrappers alive after clear() (PySide6
                # keeps them as that item's children), about 9 KiB more at every view switch.
                self.model.appendColumn(rows)
            # a view the chart draws no zone on says so (it showed an empty list and feet)
            self.hint.setVisible(bool(query) or not rows)
            if query:
                self._say_hint(query)
            elif not rows:
                self.hint.setText(_("This chart draws no zones on this view."))
        finally:
            selection.blockSignals(False)
            self._filling = False
        self._follow_selection(self.state.zone_id)

    def _rows_of_view(self) -> list[QStandardItem]:
        atlas = self.state.atlas
        shown = {v.id for v in atlas.views_of(self.state.aspect)}
        rows = []
        for zone in sorted(atlas.zones, key=lambda z: natural_key(z.name)):
            if any(view_id in shown for view_id in zone.shapes):
                rows.append(self._row(zone.id, zone.name, _short(zone.name), self.state.aspect))
        return rows

    def _matches(self, query: str) -> list[QStandardItem]:
        from ..atlas.search import search_zones  # (when first typed: not for the first picture)

        atlas = self.state.atlas
        regions = {z.id: region_name(z.region) for z in atlas.zones}
        here = self.state.aspect
        matches = search_zones(atlas, query, regions)
        # Name matches first; among equals the view on screen first (a match there needs no switch).
        matches.sort(key=lambda m: (m.rank, here not in m.aspects))
        rows = []
        for match in matches:
            aspect = here if here in match.aspects else (match.aspects[0] if match.aspects else here)
            where = ", ".join(aspect_name(a) for a in match.aspects)
            rows.append(self._row(match.zone_id, match.name, f"{_short(match.name)} — {where}", aspect))
        rows += self._other_chart_rows(query)
        return rows

    def _other_chart_rows(self, query: str) -> list[QStandardItem]:
        charts, self._waiting = self.other_charts()
        self._searched = set()
        self._named_files = {}
        rows: list[QStandardItem] = []
        shared = self._shared_titles(charts)
        for path, other in charts:
            rows += self._chart_rows(query, path, other, MAX_OTHER_CHART_ROWS - len(rows), shared)
        return rows

    def _shared_titles(self, charts: list[tuple[Path, Searchable]]) -> set[str]:
        """The titles that two of the charts searched (this one among them) have: their rows
        name the file too (a copy of a chart, saved to edit it, keeps its title: its rows and
        the original's read the same)."""
        titles = [other.title for _path, other in charts] + [self.state.atlas.title]
        return {title for title in titles if titles.count(title) > 1}

    def _chart_rows(
        self, query: str, path: Path, other: Searchable, room: int, shared: set[str]
    ) -> list[QStandardItem]:
        """The matches in another chart (at most `room` of them)."""
        self._searched.add(_file_key(path))
        self._named_files[_file_key(path)] = other.title in shared
        rows: list[QStandardItem] = []
        chart = _short(other.title)
        if other.title in shared:
            chart = _("{chart} ({file})").format(chart=chart, file=file_isolate(Path(path).name))
        for match in other.find(query)[: max(room, 0)]:
            where = ", ".join(aspect_name(a) for a in match.aspects)
            text = _("{zone} — in {chart}: {views}").format(zone=_short(match.name), chart=chart, views=where)
            item = QStandardItem(text)
            item.setData(match.zone_id, ZONE_ID_ROLE)
            item.setData(str(path), CHART_ROLE)
            item.setData(match.aspects[0] if match.aspects else "", ASPECT_ROLE)
            tip = _("Opens the chart “{chart}”").format(chart=isolate(other.title))
            item.setToolTip(plain_tooltip(tip))
            item.setForeground(QColor(palette.current.muted))
            rows.append(item)
        return rows

    def other_chart_read(self, _path: str = "") -> None:
        """A chart the search waited for was read: its matches added under those listed
        (the rows there stay, and so does the row chosen)."""
        query = self.search.text().strip()
        if not query or not self._waiting:
            return
        charts, self._waiting = self.other_charts()
        listed = sum(1 for r in range(self.model.rowCount()) if self.model.item(r).data(CHART_ROLE))
        rows: list[QStandardItem] = []
        shared = self._shared_titles(charts)
        if any(
            other.title in shared and self._named_files.get(_file_key(path)) is False
            for path, other in charts
        ):  # a chart read now has the title of one listed: both name their files, as a search anew
            self.refill()
            return
        for path, other in charts:
            if _file_key(path) not in self._searched:
                rows += self._chart_rows(
                    query, path, other, MAX_OTHER_CHART_ROWS - listed - len(rows), shared
                )
        if rows:
            self._filling = True
            selection = self.list.selectionModel()
            selection.blockSignals(True)
            try:
                for row in rows:
                    self.model.appendRow(row)
            finally:
                selection.blockSignals(False)
                self._filling = False
        self._say_hint(query)

    def _row(self, zone_id: str, name: str, text: str, aspect: str) -> QStandardItem:
        zone = self.state.atlas.zone(zone_id)
        region = region_name(zone.region)
        item = QStandardItem(text)
        item.setData(zone_id, ZONE_ID_ROLE)
        item.setData(aspect, ASPECT_ROLE)
        item.setData("", CHART_ROLE)
        claim = isolate(shortened(zone.claim, CLAIM_TIP_CHARS))  # the sentence's own words stay whole
        item.setToolTip(plain_tooltip(f"{region}: {charts_place(claim, sentence=False)}"))
        item.setData(swatch(palette.fill(zone.region, 200)), Qt.ItemDataRole.DecorationRole)
        self.items.setdefault(zone_id, item)
        return item

    def _say_hint(self, query: str) -> None:
        rows = [self.model.item(r) for r in range(self.model.rowCount())]
        text = self._hint(query, rows)
        if self._waiting:
            count = len(self._waiting)
            text += "\n" + ngettext(
                "{count} other chart is still being searched…",
                "{count} other charts are still being searched…",
                count,
            ).format(count=count)
        self.hint.setText(text)

    def _hint(self, query: str, rows: list[QStandardItem]) -> str:
        if not rows:
            shown = query if len(query) <= ECHO_CHARS else query[: ECHO_CHARS - 1].rstrip() + "…"
            if self._waiting:
                return _("No zone matches “{query}” so far.").format(query=isolate(shown))
            return _("No zone in any view matches “{query}”.").format(query=isolate(shown))
        elsewhere = sum(1 for r in rows if r.data(CHART_ROLE) or r.data(ASPECT_ROLE) != self.state.aspect)
        if elsewhere:
            return _("Searching every view and chart; a match elsewhere switches the view or chart.")
        return _("Searching every view and chart.")

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def visible_zone_ids(self) -> list[str]:
        """The zones of this chart listed, in order (rows of other charts left out)."""
        rows = (self.proxy.index(r, 0) for r in range(self.proxy.rowCount()))
        return [row.data(ZONE_ID_ROLE) for row in rows if not row.data(CHART_ROLE)]

    def _pick_first(self) -> None:
        """Enter: the first match picked, once (making it the current row picks it; picked
        again, a match in another chart was opened twice, the first opening cancelled)."""
        if not self.proxy.rowCount():
            return
        first = self.proxy.index(0, 0)
        if first.data(CHART_ROLE):
            self.list.setCurrentIndex(first)
            self._open(first)
        elif self.list.currentIndex() == first:
            self._picked(first)
        else:
            self.list.setCurrentIndex(first)

    def _picked(self, index: QModelIndex, *_args) -> None:
        """The current row changed (a click, the arrow keys): a zone of this chart is shown.
        A match in another chart is only marked: it opens on a click or Enter (`_open`); the
        arrow keys passing it opened that chart at each step, the list sorted anew each time."""
        if self._filling or not index.isValid():
            return
        zone_id, aspect, chart = (index.data(r) for r in (ZONE_ID_ROLE, ASPECT_ROLE, CHART_ROLE))
        if chart:
            return
        if zone_id and (zone_id, aspect) != (self.state.zone_id, self.state.aspect):
            self.state.show_zone(zone_id, aspect)

    def _open(self, index: QModelIndex) -> None:
        """A row clicked or Enter pressed on it: a match in another chart opens that chart with
        the zone chosen; a zone of this chart is shown (as `_picked`)."""
        if self._filling or not index.isValid():
            return
        zone_id, chart = index.data(ZONE_ID_ROLE), index.data(CHART_ROLE)
        if not chart:
            self._picked(index)
            return
        # once the click is over: opened at once, the chart's rows came under the pointer
        # before the button was released, and the release chose the row now there (another
        # chart's, whose click switched back)
        if self._opening == (chart, zone_id):  # (a style whose single click also activates)
            return
        self._opening = (chart, zone_id)

        def open_it() -> None:
            self._opening = None
            self.chart_requested.emit(chart, zone_id)

        later(self, open_it)

    def _follow_selection(self, zone_id: str) -> None:
        item = self.items.get(zone_id)
        index = self.proxy.mapFromSource(item.index()) if item is not None else QModelIndex()
        selection = self.list.selectionModel()
        selection.blockSignals(True)  # following the map is not picking a row
        try:
            if not index.isValid():  # not in this view, or not found by the search
                self.list.clearSelection()
                self.list.setCurrentIndex(QModelIndex())
            elif self.list.currentIndex() != index:
                self.list.setCurrentIndex(index)
            if index.isValid():
                self.list.scrollTo(index)
            else:  # a new list: start at its top, not where the old one was scrolled
                self.list.scrollToTop()
        finally:
            selection.blockSignals(False)
        if self.list.isVisible():  # (not before it is first shown: see MapView's viewport)
            self.list.viewport().update()


ROW_CHARS = 120  # a list row: longer chart text ends in "…" (the zone's card shows it all)


def _file_key(path: str | Path) -> str:
    """A chart file as the search keeps track of it: the same file however it was named."""
    return str(Path(path).resolve())


def _short(text: str) -> str:
    """One row's worth of a chart's text: a 4,000-character name would fill the list alone."""
    text = " ".join(shown_text(text[: ROW_CHARS * 5]).split())
    end = cut_at(text, ROW_CHARS)  # as read: a letter's combining marks count with it
    return text if end >= len(text) else bidi_isolate(text[:end].rstrip()) + "…"
