"""The status bar's words about the chart: zones in the chart, the view shown, the selected
zone's summary, a source link's address, and where the pointer is (foot, view, millimetres).
The window makes one `StatusLine`; it listens to the state and says the rest itself."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QLabel, QStatusBar

from .. import i18n
from ..content import zone_card
from ..i18n import _, bidi_isolate, ngettext
from ..vocab import aspect_name, aspect_title, foot_name
from .modes import QUIZ
from .state import AppState


class StatusLine(QObject):
    def __init__(self, state: AppState, bar: QStatusBar, unlabelled_views: Callable[[], object]):
        """`unlabelled_views()`: the views too full to label (asked whenever the chart is named)."""
        super().__init__(bar)
        self.state, self.bar, self._unlabelled_views = state, bar, unlabelled_views
        self.coordinates = QLabel(bar)
        self.coordinates.setAccessibleName(_("Pointer position"))
        bar.addPermanentWidget(self.coordinates)
        self._selection_message: str | None = None
        state.selection_changed.connect(self.selection_shown)
        state.aspect_changed.connect(self.view_shown)

    def chart_shown(self, *_args, view: str = "") -> None:
        atlas = self.state.atlas
        count = len(atlas.zones)
        message = ngettext("{chart}: {count} zone", "{chart}: {count} zones", count).format(
            chart=bidi_isolate(atlas.title), count=f"{count:,}"
        )
        if view:
            message = f"{view} \u00b7 {message}"
        if self._unlabelled_views():
            message += ". " + _("Too many zones in this view to label: point at a zone to see its name")
        self.bar.showMessage(message, 8000)

    def view_shown(self, aspect: str) -> None:
        """A view switch: the pointer's last position belonged to the other view."""
        self.coordinates.clear()
        self.chart_shown(view=aspect_title(aspect))

    def selection_shown(self, zone_id: str) -> None:
        if zone_id and self.state.mode.name == QUIZ:  # the summary would give the answer away
            return
        if zone_id:
            zone = self.state.atlas.zone(zone_id)
            self.bar.showMessage(zone_card.summary_text(zone))
            self._selection_message = self.bar.currentMessage()
        elif self.bar.currentMessage() == self._selection_message:
            self.bar.clearMessage()  # nothing selected: no zone's claim lingers

    def link_pointed(self, url) -> None:
        """The address behind a source's link, as browsers show it, before it is followed."""
        if url.scheme() in ("http", "https"):
            self.bar.showMessage(url.toDisplayString())
        elif url.isEmpty() and self.bar.currentMessage().startswith(("http://", "https://")):
            self.bar.clearMessage()

    def show_coordinates(self, view_id: str, x: float, y: float) -> None:
        """Which foot and view the pointer is over, and where in millimetres ("" off the feet)."""
        view = next((v for v in self.state.atlas.views if v.id == view_id), None)
        if view is None:
            self.coordinates.clear()
            return
        where = f"{foot_name(view.foot)} \u00b7 {aspect_name(view.aspect)}"
        x_mm, y_mm = (i18n.format_number(v, 1) for v in (x, y))
        self.coordinates.setText(f"{where}   x {x_mm} mm   y {y_mm} mm")
