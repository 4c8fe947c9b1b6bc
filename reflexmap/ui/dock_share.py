"""The zone list keeps a fair share of the window's side beside the zone card: on a 1024×768
screen at Largest text in German, a search for "darm" left the list about 1½ of its 11 hits
(57 px under the search field and its hint) while the card took the rest of the side.

The list is held to at least LIST_ROWS rows (as tall as the rows it shows now: a match may
wrap onto two lines), never so much that the docks under it keep less than CARD_SHARE of the
side; on a larger window its share is larger anyway and nothing changes. The bound follows
the rows (a search typed, a view switched), the text size and the window's size."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPoint, QTimer
from PySide6.QtWidgets import QDockWidget, QListView, QMainWindow

LIST_ROWS = 5  # rows of the list in sight at the least, where the window allows
CARD_SHARE = 0.4  # the share of the side the other docks there (the zone card) keep at the least


def keep_list_share(window: QMainWindow, dock: QDockWidget, view: QListView) -> None:
    """Hold `view` (the list in `dock`) to its fair share of `window`'s side from now on."""
    window._list_share = ListShare(window, dock, view)  # (kept alive with the window)


class ListShare(QObject):
    """Sets the dock's least height again when the list's rows, its font or the window change."""

    def __init__(self, window: QMainWindow, dock: QDockWidget, view: QListView):
        super().__init__(window)
        self.window, self.dock, self.view = window, dock, view
        self._timer = QTimer(self)  # one update after a burst of changes (a refill is many)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.update)
        model = view.model()
        for signal in (model.modelReset, model.rowsInserted, model.rowsRemoved, model.layoutChanged):
            signal.connect(self._timer.start)
        window.installEventFilter(self)
        view.parentWidget().installEventFilter(self)  # the hint shown or hidden over the list

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 (Qt's name)
        kinds = (QEvent.Type.Resize, QEvent.Type.Show, QEvent.Type.FontChange, QEvent.Type.LayoutRequest)
        if event.type() in kinds:
            self._timer.start()
        return False

    def wanted(self) -> int:
        """The list's height for LIST_ROWS of its rows (fewer where it has fewer)."""
        view, model = self.view, self.view.model()
        count = min(LIST_ROWS, model.rowCount())
        # as laid out at the list's width (a wrapped match is taller than its size hint says);
        # the list lays its rows out for its next paint anyway
        rows = sum(view.visualRect(model.index(r, 0)).height() for r in range(count))
        rows += view.spacing() * 2 * count
        return rows + 2 * view.frameWidth() if count else 0

    def others_below(self) -> list[QDockWidget]:
        """The other docks on the list's side of the window (the zone card, the quiz)."""
        area = self.window.dockWidgetArea(self.dock)
        return [
            d
            for d in self.window.findChildren(QDockWidget)
            if d is not self.dock
            and d.isVisible()
            and not d.isFloating()
            and self.window.dockWidgetArea(d) == area
        ]

    def update(self) -> None:
        """The dock's least height: its title, search field and hint as laid out now (the
        wrapped hint is taller than its size hint says) and the list's bound. (A bound on the
        list alone left the dock at its height, the list clipped under the card.)"""
        least = 0
        if self.dock.isVisible() and not self.dock.isFloating() and self.others_below():
            side = self.window.centralWidget().height()  # the docks' side is as tall as the map
            around = self.around()
            least = around + max(0, min(self.wanted(), int(side * (1 - CARD_SHARE)) - around))
        if self.dock.minimumHeight() != least:
            self.dock.setMinimumHeight(least)

    def around(self) -> int:
        """The dock's height besides the list: its title, the search field and the hint over
        the list (as laid out now), the margin under it."""
        top = self.view.mapTo(self.dock, QPoint(0, 0)).y()
        holder = self.view.parentWidget().layout()
        return top + (holder.contentsMargins().bottom() if holder is not None else 0)
