"""The comparison window's table of where two charts disagree: a row per zone and view, with
the overlap (IoU) and a verdict, and a row per zone and view of the zones one chart alone
has. Filled at once (a 2,500-zone chart's 5,000 rows, cell by cell into a shown table sized
to its contents, took minutes). Split from compare_window.py."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QHeaderView, QTableWidget, QTableWidgetItem

from ..atlas import Atlas
from ..atlas.compare import Comparison
from ..i18n import _, bidi_isolate, format_number
from ..quiz.questions import where
from ..vocab import ASPECT_IN_SENTENCE, ASPECTS, translated
from .compare_summary import SAME

Row = tuple[str, str, str, str, str]  # (zone's name, zone id, view id, overlap, verdict)


def verdict(value: float) -> str:
    if value >= SAME:
        return _("same place")
    if value > 0:
        return _("placed differently")
    return _("different place")


def only_in(name: str) -> str:
    """The verdict on a zone only the chart `name` has. Its title stands after a colon, where
    no language declines it: "nur in {title}" left a title such as "Die westliche Fußkarte"
    undeclined after "in"."""
    return _("only in one chart: {chart}").format(chart=bidi_isolate(name))


def only_here(name: str, aspects: list[str]) -> str:
    """The verdict on a zone both charts have, drawn on this view by the chart `name` alone:
    where the other chart draws it instead ("plantar view, lateral view")."""
    views = ", ".join(translated(ASPECT_IN_SENTENCE, aspect) for aspect in aspects)
    return _("only one chart draws it here: {chart}; the other on the {views}").format(
        chart=bidi_isolate(name), views=views
    )


def table_rows(
    a: Atlas, b: Atlas, comparison: Comparison, aspect: str, name_a: str, name_b: str
) -> list[Row]:
    """The rows of the views of `aspect`: the shared zones (most disagreement first), then
    those only in `a`, then those only in `b`."""
    views = {v.id for v in a.views_of(aspect)} | {v.id for v in b.views_of(aspect)}
    rows = []
    charts, names = (a, b), (name_a, name_b)
    for agreement in comparison.both:
        for view_id, value in agreement.iou.items():
            if view_id not in views:
                continue
            if view_id in agreement.alone:  # the other chart draws it on other views only
                drawn = agreement.alone[view_id]
                other = charts[1 - drawn]
                aspects = {other.view(v).aspect for v in other.zone(agreement.zone_id).shapes}
                text = only_here(names[drawn], [aspect for aspect in ASPECTS if aspect in aspects])
                rows.append((agreement.name, agreement.zone_id, view_id, "–", text))
            else:
                rows.append(
                    (agreement.name, agreement.zone_id, view_id, format_number(value, 2), verdict(value))
                )
    for atlas, alone, name in ((a, comparison.only_a, name_a), (b, comparison.only_b, name_b)):
        for zone_id in alone:
            drawn = atlas.zone(zone_id).shapes
            # in the chart's order of views, the left foot first as in the rows above (in the
            # zone's order they read "Shoulder: right foot" before "left foot": tryout)
            for view_id in (v.id for v in atlas.views if v.id in drawn):
                if view_id in views:
                    rows.append((atlas.zone(zone_id).name, zone_id, view_id, "–", only_in(name)))
    return rows


def view_name(charts: tuple[Atlas, Atlas], view_id: str) -> str:
    for atlas in charts:
        if any(v.id == view_id for v in atlas.views):
            return where(atlas.view(view_id))
    return view_id


class DisagreementTable(QTableWidget):
    """Zone, view, overlap and verdict; each row's cells know its (view id, zone id)."""

    def __init__(self, parent=None):
        super().__init__(0, 4, parent)
        self.setObjectName("disagreements")
        self.setHorizontalHeaderLabels([_("Zone"), _("View"), _("Overlap (IoU)"), _("Verdict")])
        # The zone's name and the verdict (which names a tradition, of any length) share the
        # width left by the view and the figure, and wrap: no column runs past the table's edge.
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        for column in (0, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        self.setWordWrap(True)
        self.setTextElideMode(Qt.TextElideMode.ElideNone)
        self._rows_fitted = QTimer(self, singleShot=True, interval=40)
        self._rows_fitted.timeout.connect(self.resizeRowsToContents)
        header.sectionResized.connect(lambda *_args: self._rows_fitted.start())
        self.verticalHeader().hide()
        self.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)

    def showEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        """The rows fitted to the columns before the table's first paint: the window's layout
        gives the columns their widths as it is shown, and the rows, fitted while the table
        was narrow, stood two or three lines tall until the timer fitted them a moment later."""
        super().showEvent(event)
        if self._rows_fitted.isActive():
            self._rows_fitted.stop()
            self.resizeRowsToContents()

    def set_rows(self, rows: list[Row], charts: tuple[Atlas, Atlas]) -> None:
        """The table filled at once: while it is filled its columns keep their widths and it
        is not drawn. Each cell set into a shown table sized to its contents measured the
        columns again: 5,000 rows (a 2,500-zone chart) took minutes, the window frozen."""
        header = self.horizontalHeader()
        modes = [header.sectionResizeMode(c) for c in range(self.columnCount())]
        header.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.setUpdatesEnabled(False)
        try:
            self.clearContents()
            self.setRowCount(len(rows))
            names = {view_id: view_name(charts, view_id) for view_id in {row[2] for row in rows}}
            for r, (name, zone_id, view_id, value, text) in enumerate(rows):
                for c, cell in enumerate((name, names[view_id], value, text)):
                    item = QTableWidgetItem(cell)
                    item.setData(Qt.ItemDataRole.UserRole, (view_id, zone_id))
                    self.setItem(r, c, item)
        finally:
            for column, mode in enumerate(modes):
                header.setSectionResizeMode(column, mode)
            self.setUpdatesEnabled(True)
        self.resizeRowsToContents()

    def texts(self) -> list[tuple[str, ...]]:
        return [
            tuple(self.item(r, c).text() for c in range(self.columnCount())) for r in range(self.rowCount())
        ]

    def chosen(self) -> tuple[str, str] | None:
        """The (view id, zone id) of the row chosen, if any."""
        items = self.selectedItems()
        return items[0].data(Qt.ItemDataRole.UserRole) if items else None
