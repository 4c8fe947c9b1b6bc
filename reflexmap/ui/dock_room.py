"""The map keeps a usable share of the window beside its docks (zone list, zone card, the
editor's form): on a 1024×700 window at Largest text in German the docks took 586 of its
1024 pixels (the zone search asked room for its whole placeholder) and left the map 430.

The docks on each side of the window are held to their share of MAP_SHARE's rest, however
wide their contents would like to be; the zone search shortens its placeholder ("…", the
whole in its tooltip) to the room it is given. A dock the person drags wider is still theirs
up to that bound, and on a wide window the bound is far away.

A dock the app places on the left (`place_dock`: the editor's History and Chart problems)
stands there only while two sides leave the map its share; its side is chosen again at every
change of the window's width (made narrower: tabbed with the zone card; wider again: back on
the left), until the person moves it: then it stays where they put it."""

from __future__ import annotations

import re

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QDockWidget, QLineEdit, QMainWindow, QWidget

from . import appearance

MAP_SHARE = 0.6  # the map keeps at least this share of the window's width (docks open)
MIN_DOCK_PX = 220  # a dock is never held narrower than this (the window then gives way)
START_DOCK_PX = 360  # the docks' first width on a window that has the room
START_DOCK_SHARE = 0.25  # ... and on a smaller one, this share of its width (MIN_DOCK_PX at least)
FIELD_MARGINS_PX = 14  # a dock's width besides its search field (the zone list's margins)
CARD_DOCK = "dock-info"  # the zone card's dock: a dock with no room on the left is tabbed with it


def keep_map_room(window: QMainWindow) -> None:
    """Hold `window`'s docks to their share of its width from now on, starting at
    `start_width` of the width the window is first shown at, unless a saved layout is
    restored before (`layout_restored`)."""
    room = DockRoom(window)
    window.installEventFilter(room)
    window._dock_room = room  # (kept alive with the window)


def start_width(window_width: int, text_scale: float = 1.0) -> int:
    """The docks' width at a first start (no layout saved) on a window `window_width` px wide:
    START_DOCK_PX where it has the room, START_DOCK_SHARE of it on a smaller one, × the text
    size (`text_scale`: the docks hold text). On a 1024×768 screen's window (922 px) 360 px
    docks left the map 556 px, the chart's labels 6.5 px high, under the 9 px a label needs
    to be read; at 230 px the map has 686 px. At Largest text (346 px) the map shows less of
    the chart at legible text anyway, and the zone list keeps five German matches in sight
    beside the card, which three-line rows under a five-line hint did not at 230 px."""
    share = round(window_width * START_DOCK_SHARE * max(1.0, text_scale))
    return max(MIN_DOCK_PX, min(START_DOCK_PX, share))


def restoring_layout(window: QMainWindow) -> None:
    """A saved layout is about to be restored into `window` (the last start's, or the window a
    language switch replaced; its size restored before): the docks' contents held to the
    window's width first, so that the docks take their saved widths (the contents' own
    minimums, the zone card's 300 px, a German search field's, widened the 230 px docks of a
    first start on a small window to 300 px at the next start and 368 px after a switch)."""
    room = getattr(window, "_dock_room", None)
    if room is not None:
        room.hold()
        room.settle()


def layout_restored(window: QMainWindow) -> None:
    """A saved layout was restored into `window`: its docks keep their widths, no first-start
    width is set."""
    room = getattr(window, "_dock_room", None)
    if room is not None:
        room.starting = False


def restore_layout(window: QMainWindow, state) -> bool:
    """`window.restoreState(state)`, a saved layout (the last start's, a language switch's,
    the presenter's): its docks' widths kept."""
    restoring_layout(window)
    restored = window.restoreState(state)
    if restored:
        layout_restored(window)
    return restored


def place_dock(window: QMainWindow, dock: QDockWidget, left: bool) -> None:
    """Add `dock` to `window`: on the left (`left`) where two sides fit, else on the right
    tabbed with the zone card; placed again as the window's width changes (see the module)."""
    room = getattr(window, "_dock_room", None)
    if room is None:  # (a window without keep_map_room: placed once)
        DockRoom(window).put(dock, left)
        return
    room.sides[dock] = left
    room.put(dock, left)
    dock.dockLocationChanged.connect(lambda _area, d=dock: room.moved(d))
    dock.destroyed.connect(lambda _o=None, d=dock: room.sides.pop(d, None))


def two_sides_fit(window: QMainWindow) -> bool:
    """Whether docks on both sides of `window` leave the map its MAP_SHARE: each side's
    share of the rest is at least MIN_DOCK_PX (on a 922 px window, the default on a 1024×768
    screen, a left dock besides the right ones left the map 467 px, 51 %)."""
    return window.width() * (1 - MAP_SHARE) / 2 >= MIN_DOCK_PX


class DockRoom(QObject):
    """Event filter on the main window: on every resize, a dock shown or hidden, the docks'
    maximum widths are set again."""

    def __init__(self, window: QMainWindow):
        super().__init__(window)
        self.window = window
        self.sides: dict[QDockWidget, bool] = {}  # docks placed by the app: on the left where two sides fit
        self._putting = False  # (a move of ours, not the person's)
        self._width = -1  # the window's width the sides were chosen for
        self.starting = True  # the docks' first width is still to be set (at the first show)

    def put(self, dock: QDockWidget, left: bool) -> None:
        """`dock` on the left where `left` and two sides fit, else tabbed with the zone card."""
        window = self.window
        left = left and two_sides_fit(window)
        area = Qt.DockWidgetArea.LeftDockWidgetArea if left else Qt.DockWidgetArea.RightDockWidgetArea
        if window.dockWidgetArea(dock) == area:
            return
        self._putting = True
        try:
            window.addDockWidget(area, dock)
            card = window.findChild(QDockWidget, CARD_DOCK)
            if not left and card is not None and card is not dock:
                # the tab in front stays in front (the zone card, or the editor's form):
                # a dock tabified becomes the front tab, and History hid the zone card
                group = [card, *window.tabifiedDockWidgets(card)]
                front = next((d for d in group if not d.visibleRegion().isEmpty()), card)
                window.tabifyDockWidget(card, dock)
                front.raise_()
        finally:
            self._putting = False

    def moved(self, dock: QDockWidget) -> None:
        """The person moved `dock` (a drag to another side or out of the window): theirs now."""
        if not self._putting:
            self.sides.pop(dock, None)

    def choose_sides(self) -> None:
        """The app's docks on the side the window's width allows (at each change of width)."""
        width = self.window.width()
        if width == self._width:
            return
        self._width = width
        for dock, left in list(self.sides.items()):
            if not dock.isFloating() and dock.toggleViewAction().isChecked():
                self.put(dock, left)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 (Qt's name)
        kinds = (QEvent.Type.Show, QEvent.Type.Resize, QEvent.Type.LayoutRequest)
        if event.type() in kinds and self.window.isVisible():  # (its size before: not its own)
            if event.type() == QEvent.Type.Resize:
                self.choose_sides()
            self.hold()
            if self.starting:  # (after the contents' minimums are held: they bound it)
                self.start()
        return False

    def start(self) -> None:
        """The docks' first width, for the width the window is shown at (a first start's
        window is sized to the screen only after it was built). Only sizes are set here: a
        saved layout restored from this filter crashed the tests (see `layout_restored`)."""
        self.starting = False
        self.settle()
        docks = [d for d in self.window.findChildren(QDockWidget) if not d.isFloating()]
        if docks:
            width = start_width(self.window.width(), appearance.current_text_scale())
            self.window.resizeDocks(docks[:1], [width], Qt.Orientation.Horizontal)

    def settle(self) -> None:
        """The docks' minimums as `hold` set them, at once (their layouts would take them
        only at the next turn of the event loop, after the docks were given their widths)."""
        for dock in self.window.findChildren(QDockWidget):
            for widget in reversed([dock, *dock.findChildren(QWidget)]):
                if widget.layout() is not None:
                    widget.layout().activate()

    def areas(self) -> dict:
        """Dock area -> the docks shown there (docked, not floating)."""
        shown: dict = {}
        for dock in self.window.findChildren(QDockWidget):
            if dock.isFloating() or not dock.isVisibleTo(self.window):
                continue
            area = self.window.dockWidgetArea(dock)
            if area in (Qt.DockWidgetArea.LeftDockWidgetArea, Qt.DockWidgetArea.RightDockWidgetArea):
                shown.setdefault(area, []).append(dock)
        return shown

    def most(self, window_width: int) -> int:
        """The widest a dock may be (px): the rest of MAP_SHARE, shared by the sides in use."""
        sides = max(1, len(self.areas()))
        return max(MIN_DOCK_PX, int(window_width * (1 - MAP_SHARE) / sides))

    def hold(self) -> None:
        """Each dock at most its share; a dock within it is left alone (the map is not laid
        out again, and so not drawn again, for nothing)."""
        most = self.most(self.window.width())
        # the contents' minimums (the zone card asks for 300 px) no wider than a first start's
        # docks; the search field's too on a small window (elsewhere, as before, its share:
        # a German placeholder widened the docks of a 1440 px window a little, not more)
        least = min(most, start_width(self.window.width(), appearance.current_text_scale()))
        field_most = least - FIELD_MARGINS_PX if least < START_DOCK_PX else most - 40
        for docks in self.areas().values():
            for dock in docks:
                for field in dock.findChildren(PlaceholderFit):  # (whole where it fits)
                    field.cap(field_most)
                if dock.width() > most or dock.maximumWidth() < most:
                    dock.setMaximumWidth(most)
                self.hold_contents(dock, least)

    def hold_contents(self, dock: QDockWidget, most: int) -> None:
        """`dock`'s contents no wider at least than its share (`most` px), nor than the first
        start's docks on a small window (`start_width`): the zone card asks for 300 px, and
        beside History on a 1440 px window (288 px a side) it stood 12 px past the window's
        right edge, its text cut there; on a 922 px window it held the docks at 300 px. Its
        own minimum again where it fits."""
        widget = dock.widget()
        if widget is None:
            return
        own = widget.property("dockRoomOwnMinimum")
        if own is None:
            own = widget.minimumWidth()
            widget.setProperty("dockRoomOwnMinimum", own)
        wanted = min(int(own), most)
        if widget.minimumWidth() != wanted:
            widget.setMinimumWidth(wanted)


def without_aside(text: str) -> str:
    """`text` without its words in brackets: "Search all views…" of "Search all views (name,
    claim, region)…"."""
    return re.sub(r"\s*\([^()]*\)", "", text)


class PlaceholderFit(QObject):
    """Event filter on a line edit: wide enough for its whole placeholder, but no wider than
    its dock may be (`cap`, set by DockRoom); the placeholder then shortened with "…" to the
    field's width (the whole placeholder in the tooltip)."""

    def __init__(self, field: QLineEdit, text: str):
        super().__init__(field)
        self.field, self.text, self.most = field, text, None
        field.installEventFilter(self)
        self.fit()

    def cap(self, most: int) -> None:
        if most != self.most:
            self.most = most
            self.fit()

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 (Qt's name)
        if event.type() in (QEvent.Type.Resize, QEvent.Type.FontChange):
            self.fit()
        return False

    def fit(self) -> None:
        field = self.field
        # the whole placeholder, frame, margins and the clear button besides
        natural = field.fontMetrics().horizontalAdvance(self.text) + 44
        wanted = natural if self.most is None else max(min(natural, self.most), 80)
        if field.minimumWidth() != wanted:
            field.setMinimumWidth(wanted)
        room = field.width() - 34  # frame, margins and the clear button
        metrics = field.fontMetrics()
        shown = self.text
        if metrics.horizontalAdvance(shown) > room:  # the aside in brackets goes first, whole
            # ("Alle Ansichten durchsuchen…", not "…durchsuchen (Name, Zuordnung, Berei…")
            shown = metrics.elidedText(without_aside(self.text), Qt.TextElideMode.ElideRight, max(room, 0))
        if shown != field.placeholderText():
            field.setPlaceholderText(shown)
        field.setToolTip(self.text if shown != self.text else "")
