"""Comparing two charts: side by side on the same foot, or overlaid, with a table of where
they disagree (overlap per zone and view, and the zones one chart lacks). This module wires
the window (its controls, choosing the other chart, drawing and marking the row chosen);
the pictures are compare_views.py's, the table compare_table.py's, the sentences over it
compare_summary.py's."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, QRect, QSize, Qt, QTimer
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QGraphicsPathItem,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from ..atlas import Atlas
from ..atlas.compare import Comparison, compare
from ..content.markup import isolate
from ..i18n import _, bidi_isolate, shown_file, shown_text
from ..vocab import aspect_name
from .appearance import current_text_scale
from .charts_menu import TITLE_EMS
from .compare_summary import SAME, summary
from .compare_table import DisagreementTable, table_rows
from .compare_views import ChartView, NamesCombo, draw_overlay, mark_chosen, same_scale
from .timers import later

OTHER_FILE = "\0other-file"  # the "Compare with" entry that asks for a file


class CompareWindow(QDialog):
    """Chart `a` (the one shown in the main window) against `b`; `others` lists the charts the
    user can switch `b` to, as (title, path), and `load(path, window, then)` reads one and
    hands it to `then` (None: it had errors, said over the window, or was cancelled)."""

    def __init__(
        self,
        a: Atlas,
        b: Atlas,
        aspect: str,
        parent=None,
        *,
        others: list[tuple[str, str]] | None = None,
        load: Callable[[str, QWidget, Callable[[Atlas | None], None]], None] | None = None,
    ):
        super().__init__(parent)
        self.setObjectName("compare-charts")
        self.a, self.b = a, b
        self.text_scale = current_text_scale()  # Settings → Text size, as on the map
        self._load = load
        self._shown_once = False
        self._table: tuple = ()  # what the table shows: (view, comparison, names)
        self.comparison: Comparison = compare(a, b)
        self.overlay_items: dict[tuple[str, str], QGraphicsPathItem] = {}
        self.overlay_labels: list = []  # B's names over A (Overlaid): see _draw_overlay
        self.other = NamesCombo(self)
        self.other.setObjectName("compare-with")
        self.other.setAccessibleName(_("Compare with"))
        for title, path in others or []:
            self.other.addItem(title, path)
        if b.path is not None:
            known = self.other.findData(str(b.path))
            if known < 0:
                self.other.insertItem(0, bidi_isolate(self._elided(b.title)), str(b.path))
                known = 0
            self.other.setCurrentIndex(known)
        if load is not None:
            self.other.addItem(_("Another chart file…"), OTHER_FILE)
        self.other.setEnabled(load is not None)
        # as wide as the row leaves it, its names cut to fit: sized to its longest name (a title
        # of 60 characters, at Largest text in German) the window could not be narrower than
        # 1,312 px, past a 1,024 px screen; the list it opens shows the names whole
        self.other.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.other.setMinimumContentsLength(12)
        self.other.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.other.view().setTextElideMode(Qt.TextElideMode.ElideNone)
        self._fit_list()
        self.aspect = QComboBox(self)
        self.aspect.setAccessibleName(_("View"))
        # as wide as its longest view name, also after "Compare with" brings other views, and
        # never squeezed below it ("Plantar (" was shown): "Compare with" gives way instead
        self.aspect.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.aspect.setSizePolicy(QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Fixed)
        self.mode = QComboBox(self)
        self.mode.addItem(_("Side by side"), "side")
        self.mode.addItem(_("Overlaid"), "overlay")
        self.left, self.right = ChartView(self), ChartView(self)
        self.table = DisagreementTable(self)
        self.table.itemSelectionChanged.connect(self._row_selected)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        controls = QHBoxLayout()
        controls.addWidget(QLabel(_("Compare with:"), self))
        controls.addWidget(self.other, 1)
        controls.addWidget(QLabel(_("View:"), self))
        controls.addWidget(self.aspect)
        controls.addWidget(QLabel(_("Show:"), self))
        controls.addWidget(self.mode)
        controls.addStretch(1)
        charts = QSplitter(self)
        charts.addWidget(self.left)
        charts.addWidget(self.right)
        side = QWidget(self)
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        side_layout.addWidget(self.summary)
        side_layout.addWidget(self.table)
        # The charts over the whole width, the table under them: a chart of both feet is wider
        # than tall, and two narrow upright panes beside the table drew it small.
        self.body = QSplitter(Qt.Orientation.Vertical, self)
        self.body.setObjectName("compare-body")
        self.body.addWidget(charts)
        self.body.addWidget(side)
        self.body.setStretchFactor(0, 2)
        self.body.setStretchFactor(1, 1)
        self.body.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.addLayout(controls)
        layout.addWidget(self.body)
        self._fill_aspects(aspect)
        self._name_charts()
        self.aspect.currentIndexChanged.connect(self.refresh)
        self.mode.currentIndexChanged.connect(self.refresh)
        self.other.currentIndexChanged.connect(self._other_chosen)
        # A pane resized (the window, the splitters) is drawn again once the resizing rests:
        # only the drawing knows how large its text must be at that size to stay legible.
        self._redraw = QTimer(self, singleShot=True, interval=150)
        self._redraw.timeout.connect(self._redraw_charts)
        for view in (self.left, self.right):
            view.resized.connect(lambda: self._redraw.start() if self._shown_once else None)
        self.resize(self._fitting_size())
        self.body.setSizes([640, 320])
        charts.setSizes([1, 1])  # the two charts alike
        self.refresh()

    def _fitting_size(self) -> QSize:
        """Most of the screen the window opens on (never more than it): the charts need room."""
        screen = (self.parentWidget() or self).screen() or QApplication.primaryScreen()
        room = screen.availableGeometry() if screen is not None else QRect(0, 0, 1500, 900)
        return QSize(int(room.width() * 0.94), int(room.height() * 0.92))

    def _fill_aspects(self, wanted: str) -> None:
        """The views both charts draw; keep `wanted` if it is one of them."""
        shared = [x for x in self.a.aspects() if x in self.b.aspects()]
        self.aspect.blockSignals(True)
        self.aspect.clear()
        for name in shared:
            self.aspect.addItem(aspect_name(name), name)
        if wanted in shared:
            self.aspect.setCurrentIndex(shared.index(wanted))
        self.aspect.blockSignals(False)

    def _name_charts(self) -> None:
        """Each chart named by its title, as the Chart menu names it (two charts of one
        tradition were both called by it: "Western (Ingham) and Western (Ingham)"); two of
        one title, by title and file. A title of any length is cut with an ellipsis."""
        names = [self._elided(atlas.title) for atlas in (self.a, self.b)]
        if names[0] == names[1]:
            names = [
                f"{name} \u2014 {self._elided(Path(atlas.path).name)}" if atlas.path is not None else name
                for name, atlas in zip(names, (self.a, self.b), strict=True)
            ]
        self.name_a, self.name_b = names
        self.setWindowTitle(
            _("Compare charts: {first} and {second}").format(
                first=isolate(self.name_a), second=isolate(self.name_b)
            )
        )
        self.left.setAccessibleName(_("Chart: {title}").format(title=isolate(self.a.title)))
        self.right.setAccessibleName(_("Chart: {title}").format(title=isolate(self.b.title)))

    def _fit_list(self) -> None:
        """The list "Compare with" opens is as wide as its longest name (up to the screen's
        width), so the names the narrow box cuts are read whole there."""
        view, metrics = self.other.view(), self.other.fontMetrics()
        widest = max(
            (metrics.horizontalAdvance(self.other.itemText(i)) for i in range(self.other.count())), default=0
        )
        room = self._fitting_size().width()
        view.setMinimumWidth(min(room, widest + 2 * view.frameWidth() + 4 * metrics.averageCharWidth()))

    def _elided(self, text: str) -> str:
        metrics = self.fontMetrics()
        shown = shown_text(text)  # (a title's direction override shown, never obeyed)
        return metrics.elidedText(shown, Qt.TextElideMode.ElideRight, TITLE_EMS * metrics.averageCharWidth())

    def _other_chosen(self, index: int) -> None:
        """Another chart picked in "Compare with": read it (a long reading behind a box with
        Cancel: compare_controller.read_other); on errors, Cancel or a cancelled file dialog
        the chart compared stays, and so does the list."""
        path = self.other.itemData(index)
        if path == OTHER_FILE:
            path = self._ask_for_file()
        if not path or self._load is None:
            self._chosen(index, path, None)
            return
        self._load(path, self, lambda other: self._chosen(index, path, other))

    def _chosen(self, index: int, path: str, other: Atlas | None) -> None:
        self.other.blockSignals(True)
        if other is not None:  # named by its title now it is read (a chart not read before had its file's)
            items = range(self.other.count())
            named = [self.other.itemText(i) for i in items if self.other.itemData(i) != path]
            named.append(bidi_isolate(self._elided(self.a.title)))  # the chart it is compared with
            title = bidi_isolate(self._elided(other.title))
            if title in named:  # two charts of one title: told apart by file, as in the Chart menu
                title = f"{title} \u2014 {bidi_isolate(self._elided(shown_file(Path(path).name)))}"
            if self.other.findData(path) < 0:
                self.other.insertItem(index, title, path)
            else:
                self.other.setItemText(self.other.findData(path), title)
            self._fit_list()
        self.other.setCurrentIndex(self.other.findData(path if other is not None else str(self.b.path)))
        self.other.blockSignals(False)
        if other is not None:
            self.set_other(other)

    def _ask_for_file(self) -> str:
        from . import dialogs

        start = str(Path(self.b.path).parent) if self.b.path is not None else str(Path.home())
        return dialogs.open_file(
            self, _("Compare with a chart file"), start, _("Zone charts (*.yaml *.yml);;All files (*)")
        )

    def set_other(self, b: Atlas) -> None:
        self.b = b
        self.comparison = compare(self.a, b)
        self._fill_aspects(self.aspect.currentData())
        self._name_charts()
        self.refresh()

    def showEvent(self, event) -> None:
        """Drawn again once shown: only then do the views know their size, and so how large
        the text must be to stay legible."""
        super().showEvent(event)
        if not self._shown_once:
            self._shown_once = True
            self._fit_list()  # in the font it is shown in
            later(self, self.refresh)

    def changeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        """Settings → Text size while the window is open: its charts' text follows."""
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange and self._shown_once:
            self._fit_list()
            if current_text_scale() != self.text_scale:
                self.text_scale = current_text_scale()
                later(self, self.refresh)

    def refresh(self, *_args) -> None:
        aspect = self.aspect.currentData()
        if aspect is None:  # the charts share no view
            self.table.setRowCount(0)
            self.summary.setText(_("These two charts have no view in common."))
            return
        if self._shown_once:  # drawn at the panes' size (before, it was drawn twice: unsized too)
            self._draw_charts(aspect)
        table = (aspect, self.comparison, self.name_a, self.name_b)
        if table != self._table:  # 5,000 rows: filled once, not again when only the charts change
            self._table = table
            self._fill_table(aspect)
        else:
            self._row_selected()  # the row chosen still marked on the charts drawn again

    def _redraw_charts(self) -> None:
        """The charts drawn again at their panes' new size, the row chosen still marked."""
        aspect = self.aspect.currentData()
        if aspect is not None:
            self._draw_charts(aspect)
            self._row_selected()

    def _draw_charts(self, aspect: str) -> None:
        overlay = self.mode.currentData() == "overlay"
        self.left.show_chart(self.a, aspect, title=self.name_a, text_scale=self.text_scale)
        self.right.setVisible(not overlay)
        self.overlay_items, self.overlay_labels = {}, []
        if overlay:
            self._draw_overlay(aspect)
        else:
            self.right.show_chart(self.b, aspect, title=self.name_b, text_scale=self.text_scale)
            charts = {self.left: (self.a, self.name_a), self.right: (self.b, self.name_b)}

            def redraw(view: ChartView, size: float) -> None:
                atlas, name = charts[view]
                view.show_chart(atlas, aspect, title=name, text_scale=self.text_scale, at_least_mm=size)

            same_scale((self.left, self.right), redraw)

    def _draw_overlay(self, aspect: str) -> None:
        title = _("{first} (filled) and {second} (dashed)").format(
            first=isolate(self.name_a), second=isolate(self.name_b)
        )
        self.overlay_items, self.overlay_labels = draw_overlay(
            self.left, self.a, self.b, aspect, title, self.text_scale, self._differs, self.name_b
        )

    def _differs(self, view_id: str, zone_id: str) -> bool:
        """Whether chart B places the zone elsewhere than A in that view, or A lacks it."""
        agreement = self.comparison.agreement(zone_id)
        return agreement is None or agreement.iou.get(view_id, 0.0) < SAME

    def _fill_table(self, aspect: str) -> None:
        rows = table_rows(self.a, self.b, self.comparison, aspect, self.name_a, self.name_b)
        self.table.set_rows(rows, (self.a, self.b))
        self.summary.setText(summary(self.comparison, self.name_a, self.name_b))

    def rows(self) -> list[tuple[str, ...]]:
        return self.table.texts()

    def _row_selected(self) -> None:
        chosen = self.table.chosen()
        if chosen is None:
            return
        mark_chosen((self.left, self.right), self.overlay_items, *chosen)
