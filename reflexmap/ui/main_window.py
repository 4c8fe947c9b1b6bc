"""The main window: wiring only. Behaviour lives in the widgets and the atlas core."""

from __future__ import annotations

import sys
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, Qt
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QDockWidget,
    QLabel,
    QMainWindow,
    QMenu,
    QToolBar,
    QWidget,
)

from .. import i18n
from ..atlas import Atlas, AtlasError, read_atlas
from ..content import NOTES, note_html, zone_card
from ..content.markup import escape
from ..i18n import _, bidi_isolate, ngettext
from ..paths import chart_cache, default_progress_path
from ..settings import Settings
from ..vocab import ASPECTS, aspect_name, aspect_title, foot_name
from . import actions, appearance
from .charts_menu import ChartsMenu
from .info_panel import InfoPanel
from .map_view import MapView
from .modes import BROWSE, PRESENT
from .state import AppState
from .timers import later
from .zone_list import ZoneList

if TYPE_CHECKING:  # opened on demand: not imported at start-up
    from PySide6.QtWidgets import QDialog

    from .compare_window import CompareWindow
    from .handout_dialog import HandoutDialog
    from .presenter import Presenter
    from .quiz_controller import QuizController
    from .quiz_panel import QuizPanel
    from .quiz_setup import QuizSetupDialog


def _forget_all_but_successor(attributes: dict, *_args) -> None:
    successor = attributes.get("successor")
    attributes.clear()
    attributes["successor"] = successor


class MainWindow(QMainWindow):
    def __init__(
        self, atlas: Atlas, settings: Settings, *, restore: bool = True, progress_path: Path | None = None
    ):
        super().__init__()
        self.settings = settings
        self.state = AppState(atlas, self)
        self.map = MapView(self.state, self, appearance.current_text_scale())  # drawn once, at its size
        self.setCentralWidget(self.map)
        self.info = InfoPanel(self.state, self)
        self.zones = ZoneList(self.state, self)
        # Both panels share the right side, so the chart gets the width it needs.
        zones_dock = self._dock(_("Zones"), "zones", self.zones, Qt.DockWidgetArea.RightDockWidgetArea)
        self.zones_dock = zones_dock
        info_dock = self._dock(_("Zone"), "info", self.info, Qt.DockWidgetArea.RightDockWidgetArea)
        self.info_dock = info_dock
        # The quiz and presenter mode are built on first use: start-up only pays for the chart.
        self.quiz_dock = self._dock(_("Quiz"), "quiz", QWidget(), Qt.DockWidgetArea.RightDockWidgetArea)
        self.tabifyDockWidget(info_dock, self.quiz_dock)
        self.quiz_dock.hide()
        self._progress_path = progress_path or default_progress_path()
        self._quiz: QuizController | None = None
        self._quiz_panel: QuizPanel | None = None
        self._presenter: Presenter | None = None
        self.successor: MainWindow | None = None  # the window that replaced this one (language)
        self.splitDockWidget(zones_dock, info_dock, Qt.Orientation.Vertical)
        self.resizeDocks([zones_dock], [360], Qt.Orientation.Horizontal)
        self.resizeDocks([zones_dock, info_dock], [260, 540], Qt.Orientation.Vertical)
        self.coordinates = QLabel(self)
        self.coordinates.setAccessibleName(_("Pointer position"))
        self.statusBar().addPermanentWidget(self.coordinates)
        self.map.pointed.connect(self._show_coordinates)
        self.info.note_requested.connect(self.show_note)
        self.info.highlighted.connect(self._link_pointed)
        self.state.atlas_changed.connect(self._atlas_shown)
        self.state.selection_changed.connect(self._selection_shown)
        self.state.aspect_changed.connect(self._view_status)
        self.state.mode_changed.connect(self._mode_changed)
        self._mode = BROWSE
        self._chrome_before: dict = {}
        self._build_actions()
        self.resize(1440, 900)
        QGuiApplication.styleHints().colorSchemeChanged.connect(self._system_scheme_changed)
        # What goes wrong while starting (damaged settings, the last chart not loaded, a folder
        # that cannot be written) is gathered and said in one message once the window is up,
        # never as dialogs stacked one after another; the first-run note waits until it is read.
        self._start_problems: list[tuple[str, str]] | None = []
        self._start_chart_errors: tuple[AtlasError, ...] = ()
        self._closing = False
        if settings.warnings:
            self._start_problems.append((_("Settings"), "\n".join(settings.warnings)))
        settings.on_problem = self._settings_problem
        first_run = False
        if restore:
            self._restore()
            first_run = not self.settings.value("notes/first-run-seen", False, type=bool)
            later(self, self.editor.saving.offer_recovery)  # work a crash left unsaved
        later(self, lambda: self._started(first_run))
        self._atlas_shown()

    @property
    def quiz(self) -> QuizController:
        if self._quiz is None:
            from .quiz_controller import QuizController
            from .quiz_panel import QuizPanel

            self._quiz_panel = QuizPanel(self)
            self.quiz_dock.setWidget(self._quiz_panel)
            self._quiz = QuizController(
                self.state, self.map, self._quiz_panel, self._progress_path, self, settings=self.settings
            )
            self._quiz.started.connect(self._quiz_started)
            self._quiz.finished.connect(self._quiz_finished)
        return self._quiz

    @property
    def quiz_panel(self) -> QuizPanel:
        self.quiz  # noqa: B018 - builds the panel with its controller
        assert self._quiz_panel is not None
        return self._quiz_panel

    @property
    def presenter(self) -> Presenter:
        if self._presenter is None:
            from .presenter import Presenter

            self._presenter = Presenter(self.state, self.map, self)
        return self._presenter

    def _dock(self, title: str, name: str, widget, area) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(f"dock-{name}")
        dock.setWidget(widget)
        dock.setFeatures(
            QDockWidget.DockWidgetFeature.DockWidgetMovable | QDockWidget.DockWidgetFeature.DockWidgetClosable
        )
        self.addDockWidget(area, dock)
        return dock

    def _build_actions(self) -> None:
        """Menus and toolbar from the table in actions.py; the Charts and Settings menus are
        filled from the charts known and the appearance choices."""
        from .editor.mode import EditMode

        self.editor = EditMode(self)  # edit mode, undo, saving (ui/editor/): the Edit rows' handler
        self.action_specs = actions.table()
        self.actions_by_name = actions.build_actions(self, self.action_specs)
        self.aspect_actions = {a: self.actions_by_name[f"aspect_{a}"] for a in ASPECTS}
        self.charts_menu = ChartsMenu(self.state, self.settings, self)
        self.charts_menu.chosen.connect(self.open_chart)
        self.charts_menu.extra_actions = [self.compare_action]
        self.zones.other_charts = self._other_charts
        self.zones.chart_requested.connect(self._open_chart_at)
        for key, title in actions.MENUS.items():
            if key == "chart":
                self.menuBar().addMenu(self.charts_menu)
            elif key == "settings":
                self._build_settings_menu()
            else:
                actions.fill_menu(
                    self.menuBar().addMenu(_(title)), self.action_specs, self.actions_by_name, key
                )
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
        self.editor.actions_changed.connect(self.refresh_actions)
        self.refresh_actions()

    def refresh_actions(self, *_args) -> None:
        """Enabled-when and checked-when of every action, asked again."""
        if self.successor is None:  # a replaced window's actions stay dead
            actions.refresh(self, self.action_specs, self.actions_by_name)

    def _build_settings_menu(self) -> None:
        """Theme, text size and language: remembered, and applied to the whole application."""
        menu = self.menuBar().addMenu(_("&Settings"))
        self.settings_menu = menu
        self.theme_actions = self._choices(
            menu.addMenu(_("&Theme")),
            [(value, _(text)) for value, text in appearance.THEME_CHOICES.items()],
            appearance.theme_choice(self.settings),
            self.set_theme,
        )
        self.text_size_actions = self._choices(
            menu.addMenu(_("Text &size")),
            [(value, _(text)) for value, text in appearance.TEXT_SIZES.items()],
            appearance.current_text_scale(),
            self.set_text_scale,
        )
        choice = appearance.language_setting(self.settings)
        if appearance.language_choice(self.settings) != i18n.language():  # --language for this run
            choice = i18n.language()
        self.language_actions = self._choices(
            menu.addMenu(_("&Language")),
            [("system", _(appearance.THEME_CHOICES["system"])), *i18n.LANGUAGES.items()],
            choice,
            self.set_language,
        )

    def _choices(self, menu, choices, current, slot) -> dict:
        group = QActionGroup(self)
        actions = {}
        for value, text in choices:
            action = QAction(text, self, checkable=True)
            action.setChecked(value == current)
            action.triggered.connect(lambda checked=False, v=value: slot(v))
            group.addAction(action)
            menu.addAction(action)
            actions[value] = action
        return actions

    # --- appearance ---------------------------------------------------------------------
    def set_theme(self, choice: str) -> None:
        self.settings.setValue("appearance/theme", choice)
        self._apply_theme()

    def _apply_theme(self, scheme: Qt.ColorScheme | None = None) -> None:
        choice = appearance.theme_choice(self.settings)
        appearance.apply_theme(QApplication.instance(), choice, scheme)
        if choice in self.theme_actions:
            self.theme_actions[choice].setChecked(True)
        self.map.rebuild()
        self.info.refresh()
        self.zones.refill()

    def _system_scheme_changed(self, scheme: Qt.ColorScheme) -> None:
        """The desktop switched between light and dark: follow it unless a theme was chosen."""
        if appearance.theme_choice(self.settings) == "system":
            self._apply_theme(scheme)

    def set_text_scale(self, scale: float) -> None:
        self.settings.setValue("appearance/text-scale", scale)
        appearance.apply_text_scale(QApplication.instance(), scale)
        self.text_size_actions[scale].setChecked(True)
        self.map.set_text_scale(scale)

    def set_language(self, choice: str) -> MainWindow:
        """Switch the interface and the chart texts to a language, or to the desktop's ("system");
        the choice is remembered. In a new language the window is rebuilt where it stood
        (chart, view, selection, size), and this one closes."""
        if self.successor is not None:  # this window was replaced: the live one switches
            return self.successor.set_language(choice)
        self.settings.setValue("appearance/language", choice)
        code = appearance.language_choice(self.settings)
        if code == i18n.language():
            self.language_actions[choice].setChecked(True)
            return self
        appearance.apply_language(QApplication.instance(), code)
        successor = MainWindow(
            self.state.source, self.settings, restore=False, progress_path=self._progress_path
        )
        successor.editor.adopt(self.editor)  # the chart being edited goes on in the new window
        successor.restoreGeometry(self.saveGeometry())
        successor.restoreState(self.saveState())
        successor.state.set_labels_visible(self.state.labels_visible)
        successor.state.set_guides_visible(self.state.guides_visible)
        successor.state.set_aspect(self.state.aspect)
        if self.state.zone_id:
            successor.state.select(self.state.zone_id, self.state.view_id)
        successor.setWindowState(self.windowState())
        successor.show()
        successor.raise_()
        successor.activateWindow()  # its shortcuts work at once
        self.successor = successor
        for menu in self.findChildren(QMenu):  # nothing of the old window acts any more
            menu.setEnabled(False)
        for action in self.findChildren(QAction):
            action.setEnabled(False)
        self.close()
        # Gone once control is back in the event loop (every old window stayed alive, ~4 MiB
        # each); a caller still holding its actions has them disabled until then.
        self.deleteLater()
        # Its Python side goes with it: whoever still holds this window (start-up code holds
        # the first one) would keep every replaced window's panels, scene items and list rows
        # through the chain of successors. Only `successor` stays, to find the live window.
        self.destroyed.connect(partial(_forget_all_but_successor, self.__dict__))
        return successor

    def cycle_pane(self, step: int) -> None:
        """F6 / Shift+F6: the map, the zone search, the zone list, the zone card, in turn."""
        panes = [self.map, self.zones.search, self.zones.list, self.info]
        if self._quiz is not None and self.quiz_dock.isVisible():
            panes = [self.map, self.quiz_panel]
        visible = [p for p in panes if p.isVisible()]
        if not visible:
            return
        focused = QApplication.focusWidget()
        index = next((i for i, p in enumerate(visible) if p is focused or p.isAncestorOf(focused)), -1)
        visible[(index + step) % len(visible)].setFocus(Qt.FocusReason.TabFocusReason)

    def warm_up(self) -> None:
        """Build the chart's hit-test trees now (Shapely is first imported here), so that no
        click waits for them. Called just after the first paint and after a chart change."""
        if self.state.atlas.index is not None:
            self.state.atlas.index.warm()

    # --- state → window ------------------------------------------------------------
    def _atlas_shown(self) -> None:
        atlas = self.state.atlas
        if self.isVisible():  # at start, run() warms up after the first paint instead
            later(self, self.warm_up)
        self.setWindowTitle(_("{chart} — ReflexMap").format(chart=atlas.title))
        self._chart_status()

    def _chart_status(self, *_args, view: str = "") -> None:
        atlas = self.state.atlas
        count = len(atlas.zones)
        message = ngettext("{chart}: {count} zone", "{chart}: {count} zones", count).format(
            chart=bidi_isolate(atlas.title), count=f"{count:,}"
        )
        if view:
            message = f"{view} \u00b7 {message}"
        if self.map.chart.unlabelled_views:
            message += ". " + _("Too many zones in this view to label: point at a zone to see its name")
        self.statusBar().showMessage(message, 8000)

    def _view_status(self, aspect: str) -> None:
        """A view switch: the pointer's last position belonged to the other view."""
        self.coordinates.clear()
        self._chart_status(view=aspect_title(aspect))

    def _selection_shown(self, zone_id: str) -> None:
        if self._quiz is not None and self._quiz.active:
            return
        bar = self.statusBar()
        if zone_id:
            zone = self.state.atlas.zone(zone_id)
            bar.showMessage(zone_card.summary_text(zone))
            self._selection_message = bar.currentMessage()
        elif bar.currentMessage() == getattr(self, "_selection_message", None):
            bar.clearMessage()  # nothing selected: no zone's claim lingers

    def _link_pointed(self, url) -> None:
        """The address behind a source's link, as browsers show it, before it is followed."""
        bar = self.statusBar()
        if url.scheme() in ("http", "https"):
            bar.showMessage(url.toDisplayString())
        elif url.isEmpty() and bar.currentMessage().startswith(("http://", "https://")):
            bar.clearMessage()

    def _show_coordinates(self, view_id: str, x: float, y: float) -> None:
        """Which foot and view the pointer is over, and where in millimetres ("" off the feet)."""
        view = next((v for v in self.state.atlas.views if v.id == view_id), None)
        if view is None:
            self.coordinates.clear()
            return
        where = f"{foot_name(view.foot)} \u00b7 {aspect_name(view.aspect)}"
        x_mm, y_mm = (i18n.format_number(v, 1) for v in (x, y))
        self.coordinates.setText(f"{where}   x {x_mm} mm   y {y_mm} mm")

    def find_zone(self) -> None:
        self.findChild(QDockWidget, "dock-zones").show()
        self.zones.focus_search()

    # --- files ------------------------------------------------------------------------
    def open_chart(self, path: str | Path) -> bool:
        """Load a zone file; on errors show them and keep the chart we had."""
        if not self.editor.may_switch():  # unsaved edits: saved, discarded, or the switch is off
            return False
        result = read_atlas(path, chart_cache())
        if not result.ok:
            self.show_errors(Path(path).name, result.errors)
            return False
        assert result.atlas is not None
        self.state.set_atlas(result.atlas)
        self.settings.setValue("chart/last", str(path))
        self.charts_menu.remember(path)
        return True

    def _other_charts(self) -> list[tuple[Path, Atlas]]:
        """The charts the app knows besides the one shown, for searching by name."""
        return self.charts_menu.other_charts(self.state.atlas.path)

    def _open_chart_at(self, path: str, zone_id: str) -> None:
        """A search match in another chart: show that chart with the zone selected."""
        if self.open_chart(path):
            self.state.show_zone(zone_id)

    def show_errors(self, name: str, errors: tuple[AtlasError, ...]) -> None:
        from . import dialogs

        if self._start_problems is not None:  # at start: said with the other problems, if any
            self._start_problems.append((_("Chart not loaded"), dialogs.chart_errors_text(name, errors)))
            self._start_chart_errors = errors
            return
        dialogs.chart_errors(self, name, errors)

    def _started(self, first_run: bool) -> None:
        """The window is up: say what went wrong while starting, in one message."""
        from . import dialogs

        problems, self._start_problems = self._start_problems or [], None
        note = self.show_first_run_note if first_run else None
        if not problems:
            if note is not None:
                note()
            return
        if len(problems) == 1 and self._start_chart_errors:
            box = dialogs.chart_errors(self, "", self._start_chart_errors, text=problems[0][1])
        elif len(problems) == 1:
            box = dialogs.warning(self, problems[0][0], problems[0][1], "settings-warning")
        else:
            box = dialogs.start_problems(self, problems, self._start_chart_errors)
        if note is not None:
            box.finished.connect(lambda result: note())

    def _settings_problem(self, message: str) -> None:
        """The settings could not be written: gathered at start, said at once when closing
        (the window is going: a message posted for later would never be seen), else soon."""
        from . import dialogs

        print(f"reflexmap: {message}", file=sys.stderr)
        if self._start_problems is not None:
            self._start_problems.append((_("Settings"), message))
        elif self._closing:
            dialogs.warning(self, _("Settings"), message, "settings-warning").exec()
        else:
            later(self, lambda: self._warn_settings([message]))

    def open_chart_dialog(self) -> None:
        start = self.settings.value("chart/dir", str(Path.home()))
        from . import dialogs

        path = dialogs.open_file(
            self, _("Open zone chart"), start, _("Zone charts (*.yaml *.yml);;All files (*)")
        )
        if path:
            self.settings.setValue("chart/dir", str(Path(path).parent))
            self.open_chart(path)

    def reload_chart(self) -> None:
        if self.state.atlas.path is not None:
            self.open_chart(self.state.atlas.path)

    def export_dialog(self) -> None:
        from ..render.export import export_chart
        from . import dialogs

        start = str(
            Path(self.settings.value("export/dir", str(Path.home())))
            / f"{self.state.atlas.id}-{self.state.aspect}.png"
        )
        path = dialogs.save_file(
            self,
            _("Export chart"),
            start,
            _(
                "PNG image (*.png);;SVG drawing (*.svg);;PDF document (*.pdf);;"
                "Web page, works offline (*.html);;Anki deck (*.apkg)"
            ),
        )
        if not path:
            return
        from ..export.files import export_file, is_take_away

        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)  # a deck draws a picture per zone
        try:
            if is_take_away(path):
                export_file(self.state.atlas, Path(path))
            else:
                export_chart(
                    self.state.atlas, Path(path), aspect=self.state.aspect, text_scale=self.map.text_scale
                )
        except (OSError, ValueError) as exc:
            from ..storage import error_text

            error = error_text(exc)
        else:
            error = None
        finally:
            QApplication.restoreOverrideCursor()
        if error is not None:
            dialogs.warning(
                self,
                _("Export failed"),
                _("Could not write {path}:\n{error}").format(path=path, error=error),
                "export-failed",
            )
            return
        self.settings.setValue("export/dir", str(Path(path).parent))
        self.statusBar().showMessage(_("Exported {path}").format(path=path), 5000)

    def handout_dialog(self) -> HandoutDialog:
        start = self.settings.value("export/dir", str(Path.home()))
        from .handout_dialog import HandoutDialog

        dialog = HandoutDialog(self.state.atlas, self.state.aspect, start, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)  # closed is gone, not hidden
        dialog.open()
        return dialog

    # --- modes --------------------------------------------------------------------------
    def _mode_changed(self, mode: str) -> None:
        """Presenting: full screen, only the chart (menus, toolbars, panels and status bar
        hidden), and back as it was afterwards."""
        before, self._mode = self._mode, mode
        if mode == PRESENT and before != PRESENT:
            self._chrome_before = {
                "geometry": self.saveGeometry(),
                "state": self.saveState(),
                "maximized": self.isMaximized(),
                "widgets": [w for w in self._chrome() if w.isVisible()],
            }
            for widget in self._chrome():
                widget.hide()
            self.showFullScreen()
        elif before == PRESENT and mode != PRESENT:
            saved = self._chrome_before
            self.showNormal()
            self.restoreGeometry(saved["geometry"])
            self.restoreState(saved["state"])
            if saved["maximized"]:
                self.showMaximized()
            for widget in saved["widgets"]:
                widget.show()
            self.map.rebuild()

    def _chrome(self) -> list[QWidget]:
        """Everything but the chart: menus, toolbars, panels, status bar."""
        return [
            self.menuBar(),
            self.statusBar(),
            *self.findChildren(QToolBar),
            *self.findChildren(QDockWidget),
        ]

    def keyPressEvent(self, event) -> None:
        """Keys the focused widget left: the mode's (presenter keys when the map lost focus)."""
        if self.state.mode.key(event.key(), event.modifiers()):
            event.accept()
            return
        super().keyPressEvent(event)

    # --- comparing ----------------------------------------------------------------------
    def compare_dialog(self, other_path: str | None = None) -> CompareWindow | None:
        """Compare the chart shown with another known chart (the other built-in one first); the
        comparison window lets the user switch to any other known chart."""
        current = self.state.atlas.path
        candidates = [
            p for p in self.charts_menu.known() if current is None or p.resolve() != Path(current).resolve()
        ]
        if other_path is None:
            if not candidates:
                from . import dialogs

                dialogs.information(self, _("Compare charts"), _("Open a second chart first (Chart menu)."))
                return None
            other_path = str(candidates[0])
        other = self._read_other(str(other_path))
        if other is None:
            return None
        from .compare_window import CompareWindow

        others = [(self.charts_menu.chart_title(p), str(p)) for p in candidates]
        window = CompareWindow(
            self.state.atlas, other, self.state.aspect, self, others=others, load=self._read_other
        )
        window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        window.show()
        return window

    def _read_other(self, path: str) -> Atlas | None:
        """A chart to compare with, in the interface's language; errors are shown, None returned."""
        result = read_atlas(path, chart_cache())
        if not result.ok:
            self.show_errors(Path(path).name, result.errors)
            return None
        assert result.atlas is not None
        return result.atlas.localized(i18n.language())

    # --- quiz ---------------------------------------------------------------------------
    def new_quiz_dialog(self) -> QuizSetupDialog:
        from .quiz_setup import QuizSetupDialog

        dialog = QuizSetupDialog(
            self.state.atlas, self.state.aspect, self, settings=self.settings, retention=self.quiz.retention
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)  # each round left ~50 widgets
        dialog.accepted.connect(lambda: self._start_quiz(dialog))
        dialog.open()
        return dialog

    def _start_quiz(self, dialog: QuizSetupDialog) -> None:
        self.quiz.set_retention(dialog.desired_retention())
        self.quiz.start(dialog.options())

    def _quiz_started(self) -> None:
        """The quiz panel takes the side: the zone card and list would give answers away."""
        self._docks_before = (self.info_dock.isVisible(), self.zones_dock.isVisible())
        self.info_dock.hide()
        self.zones_dock.hide()
        self.quiz_dock.show()
        self.quiz_dock.raise_()

    def _quiz_finished(self, summary) -> None:
        self.quiz_dock.hide()
        info, zones = getattr(self, "_docks_before", (True, True))
        self.info_dock.setVisible(info)
        self.zones_dock.setVisible(zones)
        names = {z.id: z.name for z in self.state.atlas.zones}
        from .quiz_controller import summary_dialog

        dialog = summary_dialog(self, summary, names)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(self._after_summary)
        dialog.open()

    def _after_summary(self, result: int) -> None:
        from .quiz_controller import SummaryChoice

        if result == SummaryChoice.REVIEW:
            self.quiz.review_mistakes()
        elif result == SummaryChoice.NEW_QUIZ:
            self.new_quiz_dialog()

    def statistics_window(self) -> QDialog | None:
        """Quiz → Statistics…: the review log's figures for this chart, as plots."""
        from .profile_dialog import profile_title
        from .statistics import StatisticsWindow

        quiz = self.quiz
        quiz.refresh()
        if quiz.log is None:
            return None  # the review log could not be opened; the quiz said why
        window = StatisticsWindow(
            quiz.log,
            self.state.atlas,
            self,
            profile=profile_title(quiz.profile),
            states=quiz.scheduler.states,
        )
        window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        window.show()
        return window

    def profile_dialog(self) -> QDialog:
        """File → Profile…: switch learner, or create one; each has its own review log."""
        from .profile_dialog import ProfileDialog, profile_title

        dialog = ProfileDialog(self.quiz.profiles, self.quiz.profile, self)

        def chosen() -> None:
            name = dialog.chosen()
            if name == self.quiz.profile:
                return
            if self.quiz.set_profile(name):
                self.statusBar().showMessage(_("Profile: {name}").format(name=profile_title(name)))
            else:
                from . import dialogs

                dialogs.warning(
                    self, _("Learner profile"), _("Finish or end the quiz round first."), "profile-warning"
                )

        dialog.accepted.connect(chosen)
        dialog.open()
        return dialog

    def show_mastery(self, on: bool) -> None:
        """Colour the zones by how well the student knows them (from saved progress)."""
        self.state.set_mastery(self.quiz.mastery() if on else None)
        message = _("Mastery heat map: darker zones are better known; hatched ones never practised")
        if on:
            self.statusBar().showMessage(message)
        elif self.statusBar().currentMessage() == message:
            self.statusBar().clearMessage()  # the heat map is gone: so is its legend

    # --- dialogs ------------------------------------------------------------------------
    def _warn_settings(self, warnings: list[str]) -> None:
        from . import dialogs

        dialogs.warning(self, _("Settings"), "\n".join(warnings), "settings-warning")

    def show_note(self, name: str) -> QDialog:
        return self._text_dialog(_(NOTES[name]), note_html(name), f"note-{name}")

    def show_first_run_note(self) -> None:
        """Evidence, contraindications and red flags, once, before the first chart is studied."""
        dialog = self.show_note("first-run")
        dialog.finished.connect(lambda result: self.settings.setValue("notes/first-run-seen", True))

    def show_shortcuts(self) -> None:
        rows = [
            (_("Click a zone"), _("Select it; every zone under the point is listed")),
            (_("Tab / Down, Shift+Tab / Up"), _("Next / previous zone, toes to heel (map focused)")),
            (_("Left / Right"), _("Same zone on the other foot")),
            (_("Home / End"), _("First / last zone")),
            (_("Escape"), _("Clear the selection")),
            (_("Mouse wheel"), _("Zoom under the cursor")),
            (_("Drag, or middle button"), _("Pan")),
            ("1 – 4", _("Answer a quiz question with that choice")),
        ]
        for action in self.actions():
            if action.shortcut().toString():
                rows.append(
                    (
                        action.shortcut().toString(QKeySequence.SequenceFormat.NativeText),
                        action.text().replace("&", ""),
                    )
                )
        title = _("Keyboard shortcuts")
        html = (
            f"<h2>{escape(title)}</h2><table cellspacing='6'>"
            + "".join(f"<tr><td><b>{escape(k)}</b></td><td>{escape(v)}</td></tr>" for k, v in rows)
            + "</table>"
        )
        self._text_dialog(title, html, "shortcuts")

    def show_about(self) -> QDialog:
        from . import help_dialogs

        return help_dialogs.about(self)

    def show_user_guide(self) -> QDialog:
        from . import help_dialogs

        return help_dialogs.user_guide(self)

    def _text_dialog(self, title: str, html: str, name: str) -> QDialog:
        from . import dialogs

        return dialogs.text_dialog(self, title, html, name)

    # --- window state -------------------------------------------------------------------
    def _restore(self) -> None:
        geometry = self.settings.value("window/geometry")
        if isinstance(geometry, bytes):
            self.restoreGeometry(QByteArray(geometry))
        state = self.settings.value("window/state")
        if isinstance(state, bytes):
            self.restoreState(QByteArray(state))
        self.state.set_labels_visible(self.settings.value("view/labels", True, type=bool))
        self.state.set_guides_visible(self.settings.value("view/guides", True, type=bool))
        aspect = self.settings.value("view/aspect", "")
        if aspect in self.state.atlas.aspects():
            self.state.set_aspect(aspect)

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.editor.may_close(self.close):  # asks about unsaved edits, then closes
            event.ignore()
            return
        self._closing = True
        self.settings.update(
            {
                "window/geometry": self.saveGeometry().data(),
                "window/state": self.saveState().data(),
                "view/labels": self.state.labels_visible,
                "view/guides": self.state.guides_visible,
                "view/aspect": self.state.aspect,
            }
        )
        if self._quiz is not None:
            self._quiz.shutdown()
        super().closeEvent(event)
