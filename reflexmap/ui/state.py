"""What the window is showing, as one small object that emits signals carrying ids.

Widgets change the state and listen to it; none of them talks to another directly. The state
also owns the *mode* (browsing, quiz, presenter, editing: see `reflexmap.ui.modes`), and what a
mode shows on the map: larger type, a highlighted zone with notes, revealed names.

**Another chart** is shown through one place: `change_chart(change)` (File → Open chart…, the
Chart menu, File → Reload chart, a search match in another chart, File → New chart…, recovered
work, a file reloaded after another program changed it). The current mode may ask first (a quiz
round: "End this round now?"); `change` runs once it agreed, never if it did not. `set_atlas`
and `update_atlas` then tell the mode before the chart is replaced (`Mode.chart_changing`): a
mode holding things of the old chart (a quiz's questions) puts them away, so that nothing is
ever asked or answered about a zone the map does not show, also on a path that did not ask.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import NamedTuple

from PySide6.QtCore import QObject, Signal

from .. import i18n
from ..atlas import Atlas
from ..atlas.refused import NOTHING_REFUSED, Refused
from .modes import Mode


# (the three records below were frozen dataclasses: 3 M instructions of every start each to make)
class Mark(NamedTuple):
    """A boxed note on the chart: at a zone (`zone_id`), or at a point `at` (x, y mm) of the
    view, standing on the side away from the zone `away_from` (view id, zone id)."""

    view_id: str
    zone_id: str
    text: str
    at: tuple[float, float] | None = None
    away_from: tuple[str, str] | None = None


class Annotations(NamedTuple):
    """What a mode marks on the chart besides the selection (a quiz: the zone asked about,
    highlighted in one view, and the verdicts)."""

    highlight: tuple[str, str] | None = None  # (view id, zone id)
    marks: tuple[Mark, ...] = ()


class Presentation(NamedTuple):
    """What the class sees in presenter mode: names of `revealed` zones only, `current` one
    outlined, others dimmed under a `spotlight`, or a `blank` chart (grey outlines, no key)."""

    revealed: frozenset[str] = frozenset()
    current: str = ""
    spotlight: bool = False
    blank: bool = False
    left_out: frozenset[tuple[str, str]] = frozenset()  # (view, zone) shapes not shown: `AppState.refused`


class AppState(QObject):
    atlas_changed = Signal()
    aspect_changed = Signal(str)
    selection_changed = Signal(str)  # zone id, "" for none
    labels_changed = Signal(bool)
    guides_changed = Signal(bool)
    mastery_changed = Signal()  # the heat map was switched on/off or its values changed
    mode_changed = Signal(str)  # the new mode's name: "browse", "quiz", "present", "edit"
    label_mm_changed = Signal()
    annotations_changed = Signal()
    presentation_changed = Signal()

    def __init__(self, atlas: Atlas, parent: QObject | None = None):
        super().__init__(parent)
        self.source = atlas  # as loaded; `atlas` is it in the interface's language
        self.atlas = atlas.localized(i18n.language())
        self.aspect = atlas.aspects()[0]
        self.zone_id = ""
        self.view_id = ""
        self.under_point: tuple[str, ...] = ()
        self.labels_visible = True
        self.guides_visible = True
        self.mastery: dict[str, float | None] | None = None  # zone id -> 0..1; None: off
        # while the heat map is on: a chart's mastery values (another chart shown gets its own)
        self.mastery_of: Callable[[Atlas], dict[str, float | None]] | None = None
        self.browsing = Mode(self)
        self.mode: Mode = self.browsing
        self._waiting: list[Mode] = []  # modes to come back when the current one ends (enter_mode)
        self.label_mm: float | None = None  # larger chart type (presenting); None: the usual
        self.annotations = Annotations()
        self.presentation: Presentation | None = None  # None: every name shown as usual
        self.changed_zones: tuple[str, ...] = ()  # see update_atlas
        # what the check refuses of a chart being edited (atlas.draft.Refused), said with the
        # chart shown: the zones (never asked in a quiz, S21-11; shown there as left out) and
        # the shapes drawn only to be fixed (presenting hides them, S21-9)
        self.refused = NOTHING_REFUSED
        self.updating = False  # True while update_atlas says the same chart changed (an edit)

    # --- the mode -------------------------------------------------------------------------
    def enter_mode(self, mode: Mode) -> None:
        """Make `mode` current, leaving the one before (which puts back what it changed).
        `mode_changed` is emitted before the mode's `entered()`, so the window has taken
        its shape for the mode (full screen, panels) when the mode starts. The mode before,
        if it can be resumed (`Mode.resumable`: Edit mode), waits to come back when `mode`
        ends (presenting started while editing: Esc ended Edit mode too, tryout S21-10)."""
        if mode is self.mode:
            return
        before = self.mode
        if mode in self._waiting:  # entered again itself: what waited under it waits no more
            del self._waiting[self._waiting.index(mode) :]
        if before is not self.browsing and before.resumable:
            self._waiting.append(before)
        self.mode = self.browsing
        before.left()
        self.mode = mode
        self.mode_changed.emit(mode.name)  # first: the window takes its shape for the mode
        mode.entered()

    def leave_mode(self, mode: Mode) -> None:
        """`mode` ends, if it is the current one: back to the mode it was started from, if
        that waits (`enter_mode`), else to browsing."""
        if mode is self.mode and mode is not self.browsing:
            self.mode = self.browsing
            mode.left()
            self.mode_changed.emit(self.browsing.name)
            if self._waiting and self.mode is self.browsing:
                self._waiting.pop().resume()

    def waits(self, mode: Mode) -> bool:
        """Whether `mode` waits to come back when the current mode ends (`enter_mode`)."""
        return mode in self._waiting

    def set_label_mm(self, size: float | None) -> None:
        if size != self.label_mm:
            self.label_mm = size
            self.label_mm_changed.emit()

    def set_annotations(self, annotations: Annotations) -> None:
        self.annotations = annotations
        self.annotations_changed.emit()

    def set_presentation(self, presentation: Presentation | None) -> None:
        if presentation != self.presentation:
            self.presentation = presentation
            self.presentation_changed.emit()

    # --- the chart --------------------------------------------------------------------------
    def change_chart(self, change: Callable[[], object], note: str | None = None) -> bool:
        """The one way to another chart: the current mode may ask first (a quiz round asks
        "End this round now?", and ends it on yes). `change` (which shows the other chart) is
        called now, or once the mode agreed; never if it did not. True when called now.
        `note`: what waits, if not another chart (a new language rebuilds the window)."""
        if self.mode.may_change_chart(change, note):
            change()
            return True
        return False

    def set_atlas(
        self,
        atlas: Atlas,
        refused: Refused = NOTHING_REFUSED,
    ) -> None:
        """Show another chart (`change_chart` asked first): the selection goes. `refused`:
        what its check refuses (an edited chart's; see `self.refused`)."""
        shown = atlas.localized(i18n.language())
        self.mode.chart_changing(shown, replaced=True)
        self.source = atlas
        self.refused = refused
        self.atlas = shown
        if self.aspect not in atlas.aspects():
            self.aspect = atlas.aspects()[0]
        self.zone_id, self.view_id, self.under_point = "", "", ()
        if self.mastery is not None and self.mastery_of is not None:  # drawn once, with its own
            self.mastery = self.mastery_of(shown)
        self.atlas_changed.emit()
        self.selection_changed.emit("")

    def update_atlas(
        self,
        atlas: Atlas,
        zones: tuple[str, ...] = (),
        refused: Refused = NOTHING_REFUSED,
    ) -> None:
        """The same chart, changed (an edit): the selection stays while its zone exists.
        `zones`: only these zones' shapes changed (a drag), so the map may redraw only them
        (`changed_zones` says so while `atlas_changed` is emitted). `refused`: see
        `set_atlas`."""
        self.changed_zones, self.updating = zones, True
        self.refused = refused
        try:
            self._update_atlas(atlas)
        finally:
            self.changed_zones, self.updating = (), False

    def _update_atlas(self, atlas: Atlas) -> None:
        shown = atlas.localized(i18n.language())
        self.mode.chart_changing(shown, replaced=False)
        self.source = atlas
        self.atlas = shown
        if self.aspect not in atlas.aspects():
            self.aspect = atlas.aspects()[0]
        gone = bool(self.zone_id) and not self.atlas.has_zone(self.zone_id)
        if gone:  # deleted (or its drawing undone): no listener may look it up any more
            self.zone_id, self.view_id, self.under_point = "", "", ()
        self.atlas_changed.emit()
        self.selection_changed.emit(self.zone_id)

    def set_aspect(self, aspect: str) -> None:
        """Show another aspect of the feet. A selected zone stays selected if the new aspect
        draws it (on the same foot where it can), and is cleared if not: never replaced."""
        if aspect == self.aspect or aspect not in self.atlas.aspects():
            return
        foot = self.atlas.view(self.view_id).foot if self.view_id else ""
        self.aspect = aspect
        self.aspect_changed.emit(aspect)
        if not self.zone_id:
            return
        zone = self.atlas.zone(self.zone_id)
        views = [v for v in self.atlas.views_of(aspect) if zone.in_view(v.id)]
        if not views:
            self.select("")
            return
        view = next((v for v in views if v.foot == foot), views[0])
        # The point clicked belongs to the old view: the zones under it are not listed any more.
        self.view_id, self.under_point = view.id, ()
        self.selection_changed.emit(self.zone_id)

    def select(self, zone_id: str, view_id: str = "", under_point: tuple[str, ...] = ()) -> None:
        """Select a zone (as clicked in `view_id`, with every zone under that point)."""
        if zone_id and not self.atlas.has_zone(zone_id):
            return
        if not view_id and zone_id:
            view_id = next(
                (v.id for v in self.atlas.views_of(self.aspect) if self.atlas.zone(zone_id).in_view(v.id)), ""
            )
        changed = (zone_id, view_id, under_point) != (self.zone_id, self.view_id, self.under_point)
        self.zone_id, self.view_id, self.under_point = zone_id, view_id, under_point
        if changed:
            self.selection_changed.emit(zone_id)

    def pick(self, view_id: str, hits: tuple[str, ...]) -> None:
        """A click on the map found `hits` (most specific first). Clicking the same stack of
        zones again steps to the next one under the point, as GIS identify tools do."""
        if hits and view_id == self.view_id and hits == self.under_point and self.zone_id in hits:
            zone_id = hits[(hits.index(self.zone_id) + 1) % len(hits)]
        else:
            zone_id = hits[0] if hits else ""
        self.select(zone_id, view_id if hits else "", hits)

    def show_zone(self, zone_id: str, aspect: str = "") -> None:
        """Select a zone, switching to `aspect` (or, if the view on screen does not draw the
        zone, to the first view that does) first."""
        if not self.atlas.has_zone(zone_id):
            return
        zone = self.atlas.zone(zone_id)
        drawn = [a for a in self.atlas.aspects() if any(zone.in_view(v.id) for v in self.atlas.views_of(a))]
        if aspect not in drawn:
            aspect = self.aspect if self.aspect in drawn else (drawn[0] if drawn else self.aspect)
        self.set_aspect(aspect)
        self.select(zone_id)

    def set_labels_visible(self, visible: bool) -> None:
        if visible != self.labels_visible:
            self.labels_visible = visible
            self.labels_changed.emit(visible)

    def set_guides_visible(self, visible: bool) -> None:
        if visible != self.guides_visible:
            self.guides_visible = visible
            self.guides_changed.emit(visible)

    def set_mastery(
        self,
        mastery: dict[str, float | None] | None,
        of: Callable[[Atlas], dict[str, float | None]] | None = None,
    ) -> None:
        """The heat map's values (None: off); `of(atlas)` gives another chart's, once shown."""
        self.mastery = mastery
        if of is not None or mastery is None:
            self.mastery_of = of
        self.mastery_changed.emit()
