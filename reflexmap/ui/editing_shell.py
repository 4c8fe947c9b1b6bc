"""The editor's place in the window: what the editor may ask of it (its host: say, pointer,
status widget, docks, settings, recent charts, quiz progress of renamed zones) and where its
docks go. Built on first use: start-up pays nothing for the editor."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QAction, QShortcut
from PySide6.QtWidgets import QDockWidget, QMenu

from ..i18n import _
from .modes import QUIZ

if TYPE_CHECKING:
    from .editor.mode import EditMode
    from .main_window import MainWindow


def build_editor(window: MainWindow) -> EditMode:
    """Edit mode, undo and saving (ui/editor/) for `window`, reaching it only through its host."""
    from .editor.host import EditorHost
    from .editor.mode import EditMode

    bar = window.statusBar()
    host = EditorHost(
        parent=window,
        settings=window.settings,
        say=lambda message: bar.showMessage(message, 10000),
        pointed=window.status.show_coordinates,
        add_status_widget=bar.addPermanentWidget,
        add_dock=lambda dock, where: _add_dock(window, dock, where),
        remember_chart=window.charts_menu.remember,
        chart_title=window.charts_menu.chart_title,
        zones_renamed=window.quizzing.zones_renamed,
        progress_copied=window.quizzing.chart_copied,
        when_activated=lambda call: _Activation(window, call),
        keep_status=lambda: _kept_message(bar),
        raise_card=window.info_dock.raise_,
        taken_ids=window.charts_menu.taken_ids,
        ids_with_progress=window.quizzing.charts_with_progress,
        focus_map=lambda: window.map.setFocus(Qt.FocusReason.OtherFocusReason),
        shown=window.isVisible,
    )
    editor = EditMode(window.state, host)
    editor.actions_changed.connect(window.refresh_actions)
    window.quizzing.before_round = editor.may_quiz  # a round asks the chart as saved
    _UnsavedMark(window, editor)
    return editor


class RoundTips(QObject):
    """Why the Edit menu's rows that are off while a quiz round runs are off, said where a
    person looks: as the actions' tip (the Edit menu shows its tips) and status tip, and on the
    docks' own entries in the window's menu of panels (right-click on the toolbar), which are
    off too. Zone texts and History would show the answers; Edit zones, Draw a new zone and
    Chart properties… wait for the round's end, as editing does. Before, the actions were
    greyed without a word (or, drawing, left on and said why only once used), and the
    panels' menu could open a dock beside the question. A child of the window: gone with it."""

    DOCKS = ("form", "history")  # their docks show every zone's texts
    EDITING = ("edit", "draw", "chart_properties")  # they begin edit mode, refused in a round
    # off in a round too: the list, the card, the search and the comparison name every zone
    # (the answers); presenting would end the round
    SHOWING = ("zone_list", "zone_card", "find", "compare")

    def __init__(self, window: MainWindow, actions: dict[str, QAction]):
        super().__init__(window)
        self.window, self.actions = window, actions
        # their keys (F2, Ctrl+Shift+N…) pressed in a round: a greyed action's key did
        # nothing and said nothing (tryout S22-6); the status line says why now
        self.keys: list[QShortcut] = []
        window.state.mode_changed.connect(self.follow)

    def _keys_said(self, whys: dict[str, str]) -> None:
        for key in self.keys:
            key.setEnabled(False)
            key.deleteLater()
        self.keys = []
        for name, why in whys.items():
            for sequence in self.actions[name].shortcuts() if why else ():
                key = QShortcut(sequence, self.window)
                key.activated.connect(lambda why=why: self.window.status.say(why, 8_000))
                self.keys.append(key)

    def follow(self, mode: str) -> None:
        in_round = mode == QUIZ
        whys = {name: why_off_in_round() if in_round else "" for name in self.DOCKS}
        whys.update({name: why_no_editing_in_round() if in_round else "" for name in self.EDITING})
        whys.update({name: why_off_in_round() if in_round else "" for name in self.SHOWING})
        whys["present"] = _("End the quiz before presenting the chart.") if in_round else ""
        for name, why in whys.items():
            action = self.actions[name]
            action.setToolTip(why)  # (empty: Qt's own tip, the action's text, and none in the menu)
            action.setStatusTip(why)
            for menu in action.associatedObjects():
                if isinstance(menu, QMenu):
                    menu.setToolTipsVisible(True)
        self._keys_said(whys)
        why = whys["form"]
        docks = self.window.edits.docks() if self.window.edits else ()
        for dock in docks:
            if dock.objectName() in ("dock-zone-texts", "dock-history"):
                toggle = dock.toggleViewAction()
                toggle.setEnabled(not why)
                toggle.setToolTip(why)
                toggle.setStatusTip(why)
                dock.setToolTip(why)


def why_off_in_round() -> str:
    """(RoundTips: the zone-texts form and the history show every zone's name and texts)"""
    return _("Off during a quiz round: it would show the answers. End the quiz to open it.")


def why_no_editing_in_round() -> str:
    """(RoundTips, and the editor when asked some other way: a round and edit mode exclude
    each other)"""
    return _("End the quiz before editing the chart.")


def _kept_message(bar):
    """A call that shows the status bar's message of now again (or none, as now)."""
    message = bar.currentMessage()
    return lambda: bar.showMessage(message) if message else bar.clearMessage()


class _Activation(QObject):
    """Calls `call` each time the window becomes the active window again (a child of the
    window: gone with it)."""

    def __init__(self, window: MainWindow, call):
        super().__init__(window)
        self.call = call
        window.installEventFilter(self)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.WindowActivate:
            self.call()
        return False


class _UnsavedMark(QObject):
    """The title's "[*]": Qt shows it while the window is modified, that is while the
    chart has edits not saved (a child of the editor: its connections go with it)."""

    def __init__(self, window: MainWindow, editor: EditMode):
        super().__init__(editor)
        self.window, self.session = window, editor.session
        for signal in (
            self.session.changed,
            self.session.stack.cleanChanged,
            self.session.stack.indexChanged,
            window.state.atlas_changed,
        ):
            signal.connect(self.update)

    def update(self, *_args) -> None:
        try:
            modified = self.session.modified
        except RuntimeError:  # the window is being destroyed: its undo stack went first
            return
        self.window.setWindowModified(modified)


def _add_dock(window: MainWindow, dock: QDockWidget, where: str) -> None:
    """The editor's docks: the zone-texts form tabbed with the zone card; the history and the
    chart's problems left, or tabbed with the card too where two sides would leave the map
    less than its share of the window (dock_room: chosen again as the window's width changes)."""
    from .dock_room import place_dock
    from .editor.host import BESIDE_CARD

    place_dock(window, dock, left=where != BESIDE_CARD)
