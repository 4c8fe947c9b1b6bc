"""The main window: wiring only. It builds the map and the panels, makes the actions from the table
(actions.py) and hands each concern to its own module: the status line (window_status.py), Settings
(settings_menu.py, language_switch.py), start-up problems and questions (start_problems.py), presenting's
full screen (presenting_chrome.py), exports (export_controller.py), comparing (compare_controller.py),
the quiz (quiz_shell.py) and the editor (editor/). Behaviour lives there, in the widgets and the core."""

from __future__ import annotations

import importlib
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QCloseEvent, QGuiApplication
from PySide6.QtWidgets import QApplication, QDockWidget, QMainWindow, QToolBar, QWidget

from ..atlas import Atlas, AtlasError
from ..content import NOTES, note_html
from ..i18n import _
from ..paths import default_progress_path
from ..settings import Settings
from ..vocab import ASPECTS
from . import actions, appearance, dock_room, dock_share
from .charts_menu import ChartsMenu, window_title
from .compare_controller import CompareController
from .dialog_place import keep_on_screen, open_on_screen, place_dialogs
from .editing_shell import build_editor
from .export_controller import ExportController
from .info_panel import InfoPanel
from .language_switch import switch_language
from .map_view import MapView
from .presenting_chrome import PresentingChrome
from .quiz_shell import QuizShell
from .settings_menu import SettingsMenu
from .start_problems import StartProblems
from .state import AppState
from .timers import later, when_painted
from .window_status import StatusLine
from .zone_list import ZoneList

if TYPE_CHECKING:  # opened on demand: not imported at start-up
    from PySide6.QtWidgets import QDialog

    from .editor.mode import EditMode
    from .modes.presenter import Presenter
    from .modes.quiz import QuizController
    from .quiz_panel import QuizPanel

RIGHT = Qt.DockWidgetArea.RightDockWidgetArea


def _lazy(name: str):  # dialogs' modules, imported when first opened: not for the first picture
    return importlib.import_module(f".{name}", __package__)


class MainWindow(QMainWindow):
    def __init__(
        self, atlas: Atlas, settings: Settings, *, restore: bool = True, progress_path: Path | None = None
    ):
        super().__init__()
        self.settings = settings
        self.progress_path = progress_path or default_progress_path()
        self.successor: MainWindow | None = None  # the window that replaced this one (language)
        self.state = AppState(atlas, self)
        self.edits: EditMode | None = None  # the editor once built (see `editor`)
        self.map = MapView(self.state, self, appearance.current_text_scale())  # drawn once, at its size
        self.setCentralWidget(self.map)
        self.info = InfoPanel(self.state, self)
        self.zones = ZoneList(self.state, self)
        self.zones_dock = self._dock(_("Zones"), "zones", self.zones)  # the docks share the right side
        self.info_dock = self._dock(_("Zone"), "info", self.info)
        self.quiz_dock = self._dock(_("Quiz"), "quiz", QWidget())  # the panel comes with the first quiz
        self.tabifyDockWidget(self.info_dock, self.quiz_dock)
        self.quiz_dock.hide()
        self.splitDockWidget(self.zones_dock, self.info_dock, Qt.Orientation.Vertical)
        dock_room.keep_map_room(self)  # the docks 230-360 px wide, held to their share of the window
        self.resizeDocks([self.zones_dock, self.info_dock], [260, 540], Qt.Orientation.Vertical)
        dock_share.keep_list_share(self, self.zones_dock, self.zones.list)  # 5 rows beside the card
        bar = self.statusBar()
        self.status = StatusLine(self.state, bar, lambda: self.map.chart.unlabelled_views)
        self.opening = None  # a large chart read in the background (chart_opening.py)
        self.coordinates = self.status.coordinates
        self.charts_menu = ChartsMenu(self.state, settings, self)
        self.exports = ExportController(
            self, self.state, settings, text_scale=lambda: self.map.text_scale, say=bar.showMessage
        )
        self.comparing = CompareController(self, self.state, self.charts_menu, self.show_errors)
        self.quizzing = QuizShell(
            self,
            self.state,
            self.map,
            settings,
            self.progress_path,
            dock=self.quiz_dock,
            asides=lambda: (self.info_dock, self.zones_dock, *(self.edits.docks() if self.edits else ())),
            say=bar.showMessage,
            status_message=bar.currentMessage,
            clear_message=bar.clearMessage,
        )
        self._presenter: Presenter | None = None
        self.chrome = PresentingChrome(self, self.state, self.map)
        self.status.follow_map(self.map)
        self.info.note_requested.connect(self.show_note)
        self.info.highlighted.connect(self.status.link_pointed)
        self.state.atlas_changed.connect(self._atlas_shown)
        self._build_actions()
        # after the menus: reading the appearance settings is what finds them damaged
        self.problems = StartProblems(self, settings.take_warnings())
        settings.on_problem = self.problems.settings_problem
        open_on_screen(self)  # 1440×900 where the screen has room
        QGuiApplication.styleHints().colorSchemeChanged.connect(self.settings_menu.system_scheme_changed)
        if restore:
            self._restore()
            when_painted(self.map.viewport(), lambda: self.problems.painted(self.quizzing.database_path))
        later(self, lambda: place_dialogs(self))  # every dialog fits the screen, over this window
        first_run = restore and not settings.setting("notes/first-run-seen", type=bool)
        later(self, lambda: self.problems.started(self.show_first_run_note if first_run else None))
        self._view_at_start = self._view_settings()  # closing writes only what changed since
        self._atlas_shown()

    def _dock(self, title: str, name: str, widget: QWidget) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(f"dock-{name}")
        dock.setWidget(widget)
        feature = QDockWidget.DockWidgetFeature
        dock.setFeatures(feature.DockWidgetMovable | feature.DockWidgetClosable)
        self.addDockWidget(RIGHT, dock)
        return dock

    def _build_actions(self) -> None:
        """Menus and toolbar from actions.py's table; the Charts and Settings menus are built apart."""
        self.action_specs = actions.table()
        self.actions_by_name = actions.build_actions(self, self.action_specs)
        self.aspect_actions = {a: self.actions_by_name[f"aspect_{a}"] for a in ASPECTS}
        self.charts_menu.chosen.connect(self.open_chart)
        self.charts_menu.extra_actions = [self.compare_action]
        self.zones.other_charts = lambda: self.charts_menu.other_charts(self.state.atlas.path)
        self.zones.chart_requested.connect(self._open_chart_at)
        self.charts_menu.readings.arrived.connect(self.zones.other_chart_read)
        self.settings_menu = SettingsMenu(
            self,
            self.settings,
            redraw=self._redraw,
            set_text_scale=self.map.set_text_scale,
            set_language=self.set_language,
        )
        self.theme_actions = self.settings_menu.theme_actions
        self.text_size_actions = self.settings_menu.text_size_actions
        self.language_actions = self.settings_menu.language_actions
        for key, title in actions.MENUS.items():
            if key == "chart":
                self.menuBar().addMenu(self.charts_menu)
            elif key == "settings":
                self.menuBar().addMenu(self.settings_menu.menu)
            else:
                menu = self.menuBar().addMenu(_(title))
                actions.fill_menu(menu, self.action_specs, self.actions_by_name, key)
        toolbar = QToolBar(_("Chart"), self)
        toolbar.setObjectName("toolbar-chart")
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        actions.fill_toolbar(toolbar, self.action_specs, self.actions_by_name)
        self.addToolBar(toolbar)
        for signal in (
            self.state.mode_changed,
            self.state.atlas_changed,
            self.state.aspect_changed,
            self.state.labels_changed,
            self.state.guides_changed,
            self.state.mastery_changed,
        ):
            signal.connect(self.refresh_actions)
        self.refresh_actions()

    def refresh_actions(self, *_args) -> None:
        """Enabled-when and checked-when of every action, asked again."""
        if self.successor is None:  # a replaced window's actions stay dead
            actions.refresh(self, self.action_specs, self.actions_by_name)

    # --- the parts, as the table and the tests reach them ----------------------------------
    @property
    def editor(self) -> EditMode:
        """Edit mode, undo and saving (ui/editor/), built on first use (`edits`: None until then)."""
        if self.edits is None:
            self.edits = build_editor(self)
        return self.edits

    @property
    def quiz(self) -> QuizController:
        return self.quizzing.controller

    @property
    def quiz_panel(self) -> QuizPanel:
        return self.quizzing.panel

    @property
    def presenter(self) -> Presenter:
        if self._presenter is None:
            from .modes.presenter import Presenter

            self._presenter = Presenter(self.state, self.map, self)
        return self._presenter

    def set_theme(self, choice: str) -> None:
        self.settings_menu.set_theme(choice)

    def set_text_scale(self, scale: float) -> None:
        self.settings_menu.set_text_scale(scale)

    def set_language(self, choice: str) -> MainWindow:
        return switch_language(self, choice)

    def handout_dialog(self):
        return self.exports.handout_dialog()

    def compare_dialog(self, other_path: str | None = None):
        return self.comparing.compare_dialog(other_path)

    def new_quiz_dialog(self):
        return self.quizzing.new_quiz_dialog()

    def statistics_window(self) -> QDialog | None:
        return self.quizzing.statistics_window()

    def show_shortcuts(self) -> QDialog:
        return _lazy("help_dialogs").shortcuts(self, self.actions())

    def show_about(self) -> QDialog:
        return _lazy("help_dialogs").about(self)

    def show_user_guide(self) -> QDialog:
        return _lazy("help_dialogs").user_guide(self)

    def show_note(self, name: str) -> QDialog:
        return _lazy("dialogs").text_dialog(self, _(NOTES[name]), note_html(name), f"note-{name}")

    def show_first_run_note(self) -> QDialog:
        """Evidence, contraindications and red flags, once, before the first chart is studied."""
        dialog = self.show_note("first-run")
        dialog.finished.connect(lambda _result: self.settings.setValue("notes/first-run-seen", True))
        return dialog

    def show_errors(self, name: str, errors: tuple[AtlasError, ...]) -> None:
        self.problems.chart_errors_found(name, errors)

    # --- the window ---------------------------------------------------------------------
    def _redraw(self) -> None:
        """The theme changed: everything drawn again in its colours."""
        self.map.rebuild()
        self.info.refresh()
        self.zones.refill()

    def cycle_pane(self, step: int) -> None:
        """F6 / Shift+F6: the map, the zone search, the zone list, the zone card, in turn."""
        panes = [self.map, self.zones.search, self.zones.list, self.info]
        if self.quizzing.panel_shown():
            panes = [self.map, self.quiz_panel]
        visible = [p for p in panes if p.isVisible()]
        if not visible:
            return
        focused = QApplication.focusWidget()
        index = next((i for i, p in enumerate(visible) if p is focused or p.isAncestorOf(focused)), -1)
        visible[(index + step) % len(visible)].setFocus(Qt.FocusReason.TabFocusReason)

    def warm_up(self) -> None:
        """The hit-test trees built now (after the first paint, after a chart change): no click waits."""
        if self.state.atlas.index is not None:
            self.state.atlas.index.warm()

    def _atlas_shown(self) -> None:
        if self.isVisible():  # at start, run() warms up after the first paint instead
            later(self, self.warm_up)
        self.setWindowTitle(window_title(self.state.atlas))
        self.map.when_drawn(self.status.chart_shown)  # (it says when a view is too full to label)

    def find_zone(self) -> None:
        self.zones_dock.show()
        self.zones.focus_search()

    def keyPressEvent(self, event) -> None:
        """Keys the focused widget left: the mode's (presenter keys when the map lost focus)."""
        if self.state.mode.key(event.key(), event.modifiers()):
            event.accept()
            return
        super().keyPressEvent(event)

    # --- files ------------------------------------------------------------------------
    def open_chart(self, path: str | Path, then=None) -> bool:
        """Load a zone file (a large one in the background; a quiz round or unsaved edits asked
        about first: chart_opening.py), then call `then`; on errors show them and keep the chart
        we had. True when shown at once."""
        self.opening = self.opening or _lazy("chart_opening").ChartOpening(self)
        return self.opening.open(path, then)

    def _open_chart_at(self, path: str, zone_id: str) -> None:
        """A search match in another chart: show that chart with the zone selected."""
        self.open_chart(path, lambda: self.state.show_zone(zone_id))

    def open_chart_dialog(self) -> None:
        start = self.settings.value("chart/dir", str(Path.home()))
        path = _lazy("dialogs").open_file(
            self, _("Open zone chart"), start, _("Zone charts (*.yaml *.yml);;All files (*)")
        )
        if path:
            self.settings.setValue("chart/dir", str(Path(path).parent))
            self.open_chart(path)

    def reload_chart(self) -> None:
        if self.edits and self.editor.reload_chart():  # editing: the file read into the editor
            return
        if self.state.atlas.path is not None:
            self.open_chart(self.state.atlas.path)

    # --- window state -------------------------------------------------------------------
    def _restore(self) -> None:
        self.chrome.restore(self.settings.value("window/geometry"), self.settings.value("window/state"))
        keep_on_screen(self)  # saved on a larger screen: brought inside this one
        self.quizzing.layout_restored(self.zones_dock, self.info_dock)
        self.state.set_labels_visible(self.settings.setting("view/labels", type=bool))
        self.state.set_guides_visible(self.settings.setting("view/guides", type=bool))
        aspect = self.settings.value("view/aspect", "")
        if aspect in self.state.atlas.aspects():
            self.state.set_aspect(aspect)

    def _view_settings(self) -> dict[str, object]:
        return {
            "view/labels": self.state.labels_visible,
            "view/guides": self.state.guides_visible,
            "view/aspect": self.state.aspect,
        }

    def closeEvent(self, event: QCloseEvent) -> None:
        if (self.edits and not self.editor.may_close(self.close)) or not self.quizzing.may_close(self.close):
            event.ignore()
            return
        self.problems.closing = True
        self.quizzing.end_round()  # its answers are saved; the layout saved is the browsing one
        # Only the view settings changed in this window: another ReflexMap may have changed
        # others since, and writing this window's unchanged ones would undo its changes.
        changed = {k: v for k, v in self._view_settings().items() if self._view_at_start.get(k) != v}
        self.settings.update(
            {
                "window/geometry": self.chrome.window_geometry().data(),  # never presenting's
                "window/state": self.chrome.window_state().data(),
                **changed,
            }
        )
        self.quizzing.shutdown()
        super().closeEvent(event)
