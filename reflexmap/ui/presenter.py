"""Presenter mode for teaching with a projector.

F5 enters, Esc leaves. Full screen, panels hidden, large labels hidden until revealed.
Right/Down reveal the next zone (name and claim in a large caption), Left/Up go back, A
reveals or hides all, S spotlights the current zone (every other one dimmed), B shows a
blank chart for "where is …?" questions, N opens the trainer's notes (on a second screen
when one is attached), Home/End jump to the first/last zone.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QBrush, QFont, QGuiApplication, QKeyEvent
from PySide6.QtWidgets import QDockWidget, QLabel, QMainWindow, QTextBrowser, QToolBar, QVBoxLayout, QWidget

from ..i18n import _
from .map_view import MapView
from .markup import charts_place, escape
from .state import AppState

PRESENTER_LABEL_MM = 6.8
DIMMED = 0.18


class TrainerNotes(QWidget):
    """The trainer's own view: the current zone in full, and what comes next."""

    def __init__(self):
        super().__init__(None, Qt.WindowType.Window)
        self.setObjectName("trainer-notes")
        self.setWindowTitle(_("ReflexMap: trainer's notes"))
        self.text = QTextBrowser(self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        self.resize(720, 560)

    def show_zone(self, html: str) -> None:
        self.text.setHtml(html)


class Presenter(QObject):
    def __init__(self, window: QMainWindow, state: AppState, map_view: MapView):
        super().__init__(window)
        self.window = window
        self.state = state
        self.map = map_view
        self.active = False
        self.order: list[str] = []  # zone ids, along the feet
        self.index = -1
        self.all_revealed = False
        self.spotlight = False
        self.blank = False
        self.notes: TrainerNotes | None = None
        self.caption = QLabel(map_view)  # below the viewport, in a margin kept free for it
        self.caption.setObjectName("presenter-caption")
        self.caption.setWordWrap(True)
        self.caption.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.caption.setStyleSheet(
            "background: rgba(255,255,255,235); color: #111; border-top: 2px solid #333; padding: 10px;"
        )
        self.caption.hide()
        self._saved: dict = {}

    # --- entering and leaving ------------------------------------------------------------
    def enter(self) -> None:
        if self.active:
            return
        window = self.window
        self._saved = {
            "geometry": window.saveGeometry(),
            "state": window.saveState(),
            "maximized": window.isMaximized(),
            "labels": self.state.labels_visible,
            "widgets": [w for w in self._chrome() if w.isVisible()],
        }
        for widget in self._chrome():
            widget.hide()
        self.active = True
        self.state.select("")
        self.map.label_mm = PRESENTER_LABEL_MM
        self.state.set_labels_visible(True)
        self.map.rebuild()
        self.order = []
        for _view, zone_id in self.map.chart.keyboard_order():
            if zone_id not in self.order:
                self.order.append(zone_id)
        self.index, self.all_revealed, self.spotlight, self.blank = -1, False, False, False
        self.map.installEventFilter(self)
        window.installEventFilter(self)
        self.state.aspect_changed.connect(self._aspect_changed)
        window.showFullScreen()
        self._place_caption()  # reserve the caption's room before fitting the chart
        self.map.fit()
        self.map.setFocus()
        if len(QGuiApplication.screens()) > 1:  # a second screen: notes there, for the trainer
            self.toggle_notes(screen=QGuiApplication.screens()[1])
        self._apply()

    def leave(self) -> None:
        if not self.active:
            return
        self.active = False
        self.map.removeEventFilter(self)
        self.window.removeEventFilter(self)
        self.state.aspect_changed.disconnect(self._aspect_changed)
        self.caption.hide()
        self.map.setViewportMargins(0, 0, 0, 0)
        if self.notes is not None:
            self.notes.close()
            self.notes = None
        self.map.label_mm = None
        self.window.showNormal()
        self.window.restoreGeometry(self._saved["geometry"])
        self.window.restoreState(self._saved["state"])
        if self._saved["maximized"]:
            self.window.showMaximized()
        for widget in self._saved["widgets"]:
            widget.show()
        self.state.set_labels_visible(self._saved["labels"])
        self.map.rebuild()

    def _chrome(self) -> list[QWidget]:
        """Everything but the chart: menus, toolbars, panels, status bar."""
        window = self.window
        return [
            window.menuBar(),
            window.statusBar(),
            *window.findChildren(QToolBar),
            *window.findChildren(QDockWidget),
        ]

    def _aspect_changed(self, _aspect: str) -> None:
        self.order = []
        for _view, zone_id in self.map.chart.keyboard_order():
            if zone_id not in self.order:
                self.order.append(zone_id)
        self.index = min(self.index, len(self.order) - 1)
        self._apply()

    # --- keys ------------------------------------------------------------------------------
    def eventFilter(self, watched, event) -> bool:
        if self.active and event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            return self.key(event.key())
        if self.active and event.type() == QEvent.Type.Resize and watched is self.map:
            self._place_caption()
        return False

    def key(self, key: int) -> bool:
        """Handles one presenter key; returns whether it was one."""
        if key == Qt.Key.Key_Escape:
            self.leave()
        elif key in (Qt.Key.Key_Right, Qt.Key.Key_Down, Qt.Key.Key_Space, Qt.Key.Key_PageDown):
            self.step(+1)
        elif key in (Qt.Key.Key_Left, Qt.Key.Key_Up, Qt.Key.Key_Backspace, Qt.Key.Key_PageUp):
            self.step(-1)
        elif key == Qt.Key.Key_Home:
            self.index = 0
            self._apply()
        elif key == Qt.Key.Key_End:
            self.index = len(self.order) - 1
            self._apply()
        elif key == Qt.Key.Key_A:
            self.all_revealed = not self.all_revealed
            self._apply()
        elif key == Qt.Key.Key_S:
            self.spotlight = not self.spotlight
            self._apply()
        elif key == Qt.Key.Key_B:
            self.blank = not self.blank
            self._apply()
        elif key == Qt.Key.Key_N:
            self.toggle_notes()
        else:
            return False
        return True

    def step(self, delta: int) -> None:
        self.index = max(-1, min(len(self.order) - 1, self.index + delta))
        self._apply()

    @property
    def current(self) -> str:
        return self.order[self.index] if 0 <= self.index < len(self.order) else ""

    def revealed(self) -> set[str]:
        if self.blank:
            return set()
        if self.all_revealed:
            return set(self.order)
        return set(self.order[: self.index + 1])

    # --- showing ---------------------------------------------------------------------------
    def _apply(self) -> None:
        chart = self.map.chart
        shown = self.revealed()
        current = "" if self.blank else self.current
        for (_view, zone_id), label in chart.labels.items():
            for item in (label.text, label.leader, label.dot):
                item.setVisible(zone_id in shown)
        for (_view, zone_id), item in chart.zone_items.items():
            item.set_fill(QBrush(Qt.BrushStyle.NoBrush) if self.blank else None)
            item.setOpacity(DIMMED if self.spotlight and current and zone_id != current else 1.0)
        chart.set_selected(current or None)
        self._show_caption(current)
        if self.notes is not None:
            self.notes.show_zone(self._notes_html())

    def _show_caption(self, zone_id: str) -> None:
        if not zone_id:
            if self.blank:
                self.caption.setText(_("Where is …?  (B shows the zones again)"))
                self._place_caption()
                self.caption.show()
            else:
                self.caption.hide()
            return
        zone = self.state.atlas.zone(zone_id)
        self.caption.setText(
            f"<b>{escape(zone.name)}</b>: {escape(charts_place(zone.claim, sentence=False))}."
        )
        self._place_caption()
        self.caption.show()

    def _place_caption(self) -> None:
        height = self.map.height()
        font = QFont(self.caption.font())
        font.setPixelSize(max(18, height // 24))  # type scales with the screen
        self.caption.setFont(font)
        self.caption.setFixedWidth(self.map.width())
        self.caption.adjustSize()
        self.caption.move(0, height - self.caption.height())
        self.map.setViewportMargins(0, 0, 0, self.caption.height())

    # --- the trainer's notes ------------------------------------------------------------------
    def toggle_notes(self, screen=None) -> None:
        if self.notes is not None:
            self.notes.close()
            self.notes = None
            return
        self.notes = TrainerNotes()
        if screen is not None:
            self.notes.setScreen(screen)
            self.notes.move(screen.geometry().topLeft())
        self.notes.show_zone(self._notes_html())
        self.notes.show()

    def _notes_html(self) -> str:
        atlas = self.state.atlas
        keys = escape(_("→ next · ← back · A all · S spotlight · B blank · N notes · Esc leave"))
        if not self.current:
            nothing = escape(_("No zone revealed yet."))
            return f"<h2>{escape(atlas.title)}</h2><p>{nothing}</p><p><small>{keys}</small></p>"
        zone = atlas.zone(self.current)
        following = self.order[self.index + 1] if self.index + 1 < len(self.order) else ""
        html = (
            f"<h2>{escape(zone.name)}</h2><p>{escape(charts_place(zone.claim))}</p>"
            f"<p><b>{escape(_('Technique:'))}</b> {escape(zone.technique)}</p>"
        )
        if zone.note:
            html += f"<p><b>{escape(_('Note:'))}</b> {escape(zone.note)}</p>"
        sources = "; ".join(escape(atlas.sources[s].title) for s in zone.sources)
        tradition = escape(zone.tradition or atlas.tradition)
        about = escape(_("Tradition: {tradition}. Sources: {sources}")).format(
            tradition=tradition, sources=sources
        )
        html += f"<p><small>{about}</small></p>"
        if following:
            html += "<p>{}</p>".format(escape(_("Next: {zone}").format(zone=atlas.zone(following).name)))
        return html + f"<p><small>{keys}</small></p>"
