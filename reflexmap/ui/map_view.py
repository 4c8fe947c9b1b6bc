"""The interactive chart: zoom under the cursor, drag to pan, click to select, keys to step.

Clicks are answered by the atlas's Shapely index, not by Qt's item picking, so the map,
`reflexmap check` and the tests all agree on what lies under a point.
"""

from __future__ import annotations

import math
import time
import weakref

from PySide6.QtCore import QEvent, QPoint, QPointF, QRect, QRectF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import (
    QAction,
    QKeyEvent,
    QKeySequence,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QResizeEvent,
    QTransform,
    QWheelEvent,
)
from PySide6.QtWidgets import QApplication, QGraphicsView, QToolTip, QWidget

from .. import i18n
from ..content.markup import charts_place, plain_tooltip, shortened
from ..i18n import _, bidi_isolate
from ..layout.text_sizes import chart_type
from ..paths import kept_sizes_path
from ..render import palette
from ..render.chart_scene import LABEL_MM, ChartScene
from .kept_sizes import GuidePlaces, KeptSizes, LabelSides
from .label_room import drawn_names, label_room, legible_scale, show_edited_labels
from .map_hint import ZOOMED_NOTE_MS, PartialHint, zoomed_text
from .map_layers import RING, TILE, ZOOM_STEP, Layers, Level, tile_span
from .modes import EDIT, QUIZ, MapEvent, MapOverlay
from .state import AppState
from .timers import later, when_painted

MIN_SCALE, MAX_SCALE = 0.3, 60.0  # screen pixels per millimetre
COLUMNS_RESHAPE = 0.2  # presenting: the columns laid out again when the map's shape changes more
MIN_TEXT_PX = 9.0  # no label is smaller on screen (font pixel size, × the text-size setting);
# guide names not under 11 px (layout/text_sizes.py MINOR_FLOOR). Held with the chart whole
# in a window of 1024×700 and larger (its text grows to TEXT_GROWTH × the label size for it);
# a smaller window's text stops there and the person zooms in (800×600: about 7.8 px); at
# Large and Largest a window too small shows part of the chart at a legible size (`_pans`)
TEXT_GROWTH = 1.8  # (at 1.25 a 1024×768 window's labels stopped at 7.7 px, English)
MAX_TEXT_GROWTH = 1.25  # larger text asked for shows part of the chart when it falls this short
# presenting: at 1.8 the second chart's German medial view stacked two guide names on a
# projector; at 1.25 German notes on a projector left the dorsal view's labels under 12 px
# (at 1.5 the guide names stacked again): tests/ui/test_presenter_text.py, test_presenter_notes_room.py
PRESENTING_TEXT_GROWTH = 1.4
FIT_MARGIN_PX = 2  # QGraphicsView.fitInView keeps this much free on each side
# The map's drawing is kept as tiles of device pixels (reflexmap/ui/map_layers.py). While
# the wheel turns, the new scale is shown by scaling the tiles already drawn; once the wheel
# has been still this long, the new scale is drawn, a few small bands of tiles per turn of the
# event loop (as many as fit REFINE_MS, at least one).
SETTLE_MS = 30
# a fitted chart whose window changed size is drawn again for that size this long after the
# last change (one drawing when a person drags the window's edge), as a new window draws it
RESIZE_SETTLE_MS = 250
OVERLAY_FOLLOW_MS = 60  # a mode's messages are laid out for the view again this long after it moved
# The hover tooltip quotes chart texts of up to 4,000 characters: each is cut so that the tip
# stays a few lines long (a 4,000-character name and claim covered the screen).
TIP_NAME_CHARS = 100
TIP_CLAIM_CHARS = 240
TIP_OTHER_CHARS = 48
TIP_OTHERS = 4  # the other zones under the pointer named in full; more are an ellipsis
BAND_PIXELS = 150_000  # device pixels of one band drawn while settling (about 1 ms at ratio 2)
# A turn of the event loop draws bands while the next (estimated as the longest so far in this
# turn) still ends within this many milliseconds: a frame waits at most about this long for it.
REFINE_MS = 4.0


# the first round after measuring asks for this much more text than the measured chart needs
ROUND_HEADROOM = 1.04


def toward_holding(before: tuple[float, float] | None, now: tuple[float, float]) -> float:
    """The next round's minimum text size (mm), from this round's (minimum, what it needed)
    and the last's: where the line through them meets need = minimum (a chart widens
    about in proportion to its text), not merely this round's need, which on a small
    window crept up on the size that holds and stopped short of it after five rounds
    (1024×768: 8.98 px where 9 are the floor). Never less than this round's need, nor more
    than a quarter above it."""
    min_mm, need = now
    if before is None or before[0] <= 0.0 or min_mm == before[0]:
        return need
    slope = (need - before[1]) / (min_mm - before[0])
    if slope >= 1.0 or slope <= 0.0:
        return need
    return min(1.25 * need, max(need, min_mm + (need - min_mm) / (1.0 - slope)) * 1.002)


class MapView(QGraphicsView):
    """Shows `state`'s chart; emits `pointed` with (view id, x mm, y mm) as the mouse moves
    (an empty view id when it is over no view). Clicks, drags and keys go to the state's
    current mode first (`reflexmap.ui.modes`); what it leaves is browsing."""

    pointed = Signal(str, float, float)
    rebuilt = Signal()  # the chart was drawn afresh
    resized = Signal()  # the widget changed size (a mode places its own widgets on it)
    said = Signal(str, int)  # a note for the status bar, and for how many ms

    def __init__(self, state: AppState, parent=None, text_scale: float = 1.0):
        super().__init__(parent)
        # The viewport made here, as QGraphicsView makes its own (a plain QWidget, set up by
        # setViewport): one Qt made would be met by Python first through viewport(), and
        # PySide6 then builds every QWidget subclass it has, to find which one it is (54 enum
        # classes, 40 M instructions of a start); a widget made in Python is known already.
        self.setViewport(QWidget())
        # The screen-reader interface (ui/accessibility.py) is installed the turn after the
        # start is ready for clicks (ui/app.py): PySide6 makes QAccessible's 8 enum classes
        # (190 values) when the name is first imported, 1 % of a start's instructions
        self.accessible = False
        # Tiles around the viewport (drawn ahead for a pan) wait for that turn too: their first
        # step, started by the first paint, drew bands for REFINE_MS (4 ms, 13 ms on a busy
        # machine) between the first paint and the start's ready for clicks.
        self._ahead_held = True  # until the turn after the start is ready (`_started`)
        self._ahead_waiting = False  # a paint asked for tiles ahead while they were held
        when_painted(self.viewport(), lambda: later(self, self._started))
        self.state = state
        self.chart = ChartScene(self)
        self.setScene(self.chart)
        self.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.NoAnchor)
        self.setResizeAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.SmartViewportUpdate)
        # paintEvent covers every pixel it is asked for (kept tiles, a scaled preview, paper;
        # or the scene with its background): Qt need not fill the background first (a
        # second write of the whole viewport at every wheel notch)
        self.viewport().setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self.setMouseTracking(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAccessibleName(_("Foot chart"))
        self._press: QPoint | None = None
        self._panning = False
        self._fitted = True
        self._mode_drag = False  # the mode took the button press: moves and release go to it
        self._zoom_said = False  # how to move a zoomed map: said once
        self._fit_whole = False  # View → Fit to window asked for the whole chart (see fit)
        self.partial_hint = PartialHint(self)  # the map shows part of the chart by itself
        self.overlay = MapOverlay(
            self.chart, self.chart.to_scene, self.chart.locate, self.chart.to_view, self._visible_scene
        )
        # a mode's messages fit the part of the chart in view: drawn again once it stops moving
        self._overlay_follow = QTimer(self)
        self._overlay_follow.setSingleShot(True)
        self._overlay_follow.setInterval(OVERLAY_FOLLOW_MS)
        self._overlay_follow.timeout.connect(self._follow_view)
        self._overlay_mode = state.mode
        state.mode.overlay_changed.connect(self._draw_overlay)
        self.text_scale = text_scale  # the text-size setting: labels follow the panels
        self.layered = True  # frames copy kept tiles (map_layers); False: every item drawn afresh
        self._layers = Layers(self._render_scene)
        self._zooming = False  # the wheel turns: the new scale is previewed from other scales
        self._refining = False  # the current scale's tiles are being drawn, a band at a time
        self._settle = QTimer(self)
        self._settle.setSingleShot(True)
        self._settle.setInterval(SETTLE_MS)
        self._settle.timeout.connect(self._zoom_settled)
        # where the last step stopped: (its level, weakly: a level let go is not kept for it;
        # the viewport's place and size; the rest of its bands), so that a step does not test
        # again every band drawn before it
        self._band_queue: tuple[weakref.ref, tuple, object] | None = None
        self._refine = QTimer(self)
        self._refine.setSingleShot(True)
        self._refine.setInterval(0)
        self._refine.timeout.connect(self._refine_step)
        self.chart.changed.connect(self._scene_changed)
        state.atlas_changed.connect(self.rebuild)
        state.aspect_changed.connect(self.rebuild)
        state.selection_changed.connect(self._show_selection)
        state.labels_changed.connect(self._labels_changed)
        state.guides_changed.connect(self._guides_changed)
        state.mastery_changed.connect(self.rebuild)
        state.label_mm_changed.connect(self.rebuild)
        state.annotations_changed.connect(self._show_annotations)
        state.presentation_changed.connect(self._show_presentation)
        state.mode_changed.connect(self._mode_changed)
        # The chart is first drawn when the view is shown, at its size: drawn before, it would
        # be drawn for a placeholder viewport (and a view the saved settings then replace) and
        # again at once with its text sized for the screen.
        self._unshown = True
        self._measured: dict[tuple, tuple[float, float]] = {}  # see _rebuild
        self._text_settled: dict[tuple, tuple[float, float]] = {}  # see _settled_size
        self._measured_atlas: object | None = None
        # the chart shown at start, as its file holds it: its size may be known from before
        # (None: nothing kept, as for a script's --screenshot, which keeps no state)
        self.kept_sizes: KeptSizes | None = KeptSizes(kept_sizes_path())
        self._start_atlas = state.atlas
        self._on_drawn: list = []
        self._kept_saving = False  # the kept sizes are to be written after the next paint
        self._drawn_for: QSize | None = None  # the viewport's size the chart was drawn for
        self._resized_settle = QTimer(self)
        self._resized_settle.setSingleShot(True)
        self._resized_settle.setInterval(RESIZE_SETTLE_MS)
        self._resized_settle.timeout.connect(self._resize_settled)

    def _started(self) -> None:
        """The turn after the start is ready for clicks: the screen-reader interface, and the
        tiles around the viewport that the first paint asked for."""
        from .accessibility import install

        install(self)
        self.accessible = True
        self._ahead_held = False
        if self._ahead_waiting:
            self._ahead_waiting = False
            if not self._zooming and not self._refine.isActive():
                self._refine.start()

    @property
    def label_mm(self) -> float | None:
        """The chart type size the state asks for (presenting); None: the usual size."""
        return self.state.label_mm

    @property
    def _text_growth(self) -> float:
        """How far the chart's text may grow over the label size asked for to stay legible
        with the chart whole: the window's up to TEXT_GROWTH (the 9 px floor at 1024×768);
        presenting's, whose type is large already, up to PRESENTING_TEXT_GROWTH."""
        return PRESENTING_TEXT_GROWTH if self.label_mm else TEXT_GROWTH

    @property
    def drawing_ahead(self) -> bool:
        """Tiles are still being drawn, a band per turn of the event loop (after a zoom, or
        around the viewport for a pan); a bounded amount, let go again by pruning."""
        return self._zooming or self._refine.isActive() or self._ahead_waiting

    # --- drawing --------------------------------------------------------------------
    @property
    def drawn(self) -> bool:
        """Whether the chart has been drawn (it is first drawn when the view is shown)."""
        return not self._unshown

    def when_drawn(self, call) -> None:
        """Call `call` now if the chart is drawn, else once it first is."""
        if self.drawn:
            call()
        else:
            self._on_drawn.append(call)

    def rebuild(self, *_args) -> None:
        """Draw the chart afresh, fitted, with text no smaller than MIN_TEXT_PX on screen. An
        edit that changed only some zones' shapes (`state.changed_zones`) redraws only the
        views that draw them, where the chart keeps its layout (ChartScene.update_zones).
        Before the view is first shown nothing is drawn: showing it draws the chart."""
        if self._unshown:
            return
        if self.state.changed_zones and self._redraw_zones(self.state.changed_zones):
            return
        self._rebuild()

    def _first_draw(self) -> None:
        if self._unshown and self.isVisible():
            self._unshown = False
            self._rebuild()
            calls, self._on_drawn = self._on_drawn, []
            for call in calls:
                call()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self._first_draw()  # (when showing did not resize the view first)

    def _measure_key(self) -> tuple | None:
        """What the size of the chart drawn with no minimum text size depends on (None:
        not kept, a heat map's percentages change with every answer)."""
        if self.state.mastery is not None:
            return None
        if self._measured_atlas is not self.state.atlas:  # a chart that is no more: forgotten
            self._measured, self._text_settled, self._measured_atlas = {}, {}, self.state.atlas
        label_mm = (self.label_mm or LABEL_MM) * self.text_scale
        key = (self.state.aspect, label_mm, self.text_scale, i18n.language(), palette.current.name)
        return key if self.state.labels_visible else (*key, "no labels")

    def _rebuild(self, need: float | None = None) -> None:
        """Larger minimum text makes the chart wider (label columns, key rows), which makes
        every millimetre smaller on screen: a few rounds find the size that holds. The first
        round measures the chart with no minimum (without its guide names, which sit inside
        the feet); `need`, when given, is what that chart needs at this size, known because it
        is the drawing shown (a resize): not measured again. The first round's size is kept
        per view, text size, language and theme: a chart drawn again (a theme, a view shown
        before, a new window size) is measured once, and drawn once. The size the rounds
        settle on is kept too, for that and the viewport's size (`_settled_key`): drawn again
        so (a view shown again, the next start at the largest text, where the rounds take
        four drawings), the chart is drawn once at it, the same picture, when it still holds."""
        kept = self._kept_view()
        self.chart.label_room_mm = None if kept is None else label_room(self, kept[0])
        self.chart.label_kept_names = frozenset() if kept is None else drawn_names(self)
        labelled = frozenset(self.chart.labels)  # (view, zone) labelled before this drawing
        self._layers.clear()  # every item is new
        if kept is not None:
            # kept in place (an edit): drawn once at the text size it has on screen now, so
            # that the labels held to their room on screen (label_room) keep to it
            self._draw(self.chart.min_text_mm)
            self._shown_drawn(kept, labelled)
            return
        self._drawn_for = QSize(self.viewport().size()) if self.isVisible() else None
        key = self._measure_key()
        settled_key = self._settled_key(key) if need is None else None
        settled = self._settled_size(settled_key)
        if settled is None or not self._draws_settled(*settled):
            final = self._rounds(key, need)
            if settled_key is not None and final > 0.0:
                # (a chart with no minimum: its measuring drawing, without the guide names,
                # costs less than drawing it whole, and is what tells that it holds)
                self._text_settled[settled_key] = (final, self.min_text_mm_needed())
                self._keep_size(settled_key, self._text_settled[settled_key])
        self._shown_drawn(kept)

    def _rounds(self, key: tuple | None, need: float | None) -> float:
        """The rounds of `_rebuild`; the minimum text size (mm) of the drawing shown."""
        drawn = None if need is None else 0.0  # the minimum text size of the drawing shown
        if need is None and key is not None and key not in self._measured:
            known = self._kept_size(key)  # from an earlier start
            if known is not None:
                self._measured[key] = known
        if need is None and key in self._measured:
            need = self.min_text_mm_needed(self._measured[key])
        min_mm = 0.0
        before: tuple[float, float] | None = None  # the last round's (min_mm, need)
        for _round in range(5):
            if _round or need is None:
                # each round only measures the chart: its guide names, placed inside the
                # feet (the costliest part of a drawing), wait for the drawing that holds
                self._draw(min_mm, measuring=True)
                drawn = min_mm
                need = self.min_text_mm_needed()
                if min_mm == 0.0 and key is not None:
                    rect = self.chart.chart_rect
                    self._measured[key] = (rect.width(), rect.height())
                    self._keep_size(key, self._measured[key])
            if self._holds(min_mm, need):
                break
            if min_mm == 0.0:
                following = need * ROUND_HEADROOM  # headroom: the next drawing is wider
            else:
                following = toward_holding(before, (min_mm, need))
            # never past the largest the view asks for, which holds (no need is larger):
            # the last round's drawing is made there, so that the rounds end on a drawing
            # that holds, the same whichever size they started from
            growth = self._text_growth * (self.label_mm or LABEL_MM) * self.text_scale
            following = growth if _round == 3 else min(following, growth)
            before, min_mm = (min_mm, need), following
        if drawn is None:  # the chart with no minimum holds, as measured before: drawn whole
            self._draw(min_mm)
            return min_mm
        self._name_guides(drawn)  # on the drawing shown: the rounds' last
        return drawn

    def _name_guides(self, min_text_mm: float) -> None:
        """The guide names of the chart drawn measuring at `min_text_mm`, placed (see
        ChartScene.place_guide_names), their places kept as a whole drawing keeps them."""
        self.chart.kept_guide_places = self._kept_places(min_text_mm)
        try:
            self.chart.place_guide_names()
        finally:
            self.chart.kept_guide_places = None

    def _holds(self, min_mm: float, need: float) -> bool:
        """Whether a chart drawn with text no smaller than `min_mm` needs no larger text."""
        return need <= min_mm * 1.001 or (min_mm == 0.0 and need <= self._smallest_text_mm())

    def _smallest_text_mm(self) -> float:
        """The largest minimum (mm) a drawing with no minimum text size meets as it is."""
        return chart_type((self.label_mm or LABEL_MM) * self.text_scale).minimum_met

    def _draws_settled(self, min_mm: float, need: float) -> bool:
        """Draw the chart whole at the text size the rounds settled on before (`min_mm`);
        False when that drawing is not the one they ended with: the size does not hold for
        `need`, or is larger than the rounds choose for it (label columns bounded by the
        feet's width need the same text at other sizes, so `need` alone cannot tell), or the
        drawing needs other than `need` here. Then the rounds draw it again, as always."""
        if not self._holds(min_mm, need) or min_mm > need * ROUND_HEADROOM * 1.001:
            return False
        self._draw(min_mm)
        return self.min_text_mm_needed() == need

    def _settled_key(self, key: tuple | None) -> tuple | None:
        """What the size the rounds settle on depends on: the measuring key, and the
        viewport's size (None: not kept, as for the key, or not shown yet)."""
        if key is None or not self.isVisible():
            return None
        return (*key, "settled", self.viewport().width(), self.viewport().height())

    def _settled_size(self, settled_key: tuple | None) -> tuple[float, float] | None:
        """(minimum text size, what the drawing at it needed) the rounds ended with before."""
        if settled_key is None:
            return None
        if settled_key not in self._text_settled:
            known = self._kept_size(settled_key)  # from an earlier start
            # no more than the rounds can reach (the largest text they ask for, with the
            # first round's headroom): a damaged file never draws the chart in huge type
            largest = self._text_growth * (self.label_mm or LABEL_MM) * self.text_scale * 1.04
            if known is None or len(known) != 2 or not known[0] <= largest * 1.001:
                return None
            self._text_settled[settled_key] = (known[0], known[1])
        return self._text_settled[settled_key]

    def _shown_drawn(self, kept, labelled: frozenset = frozenset()) -> None:
        """After a drawing: the state's toggles, selection and marks on it, and the view
        fitted (or, `kept`, left where it was: see `_kept_view`)."""
        self.chart.set_labels_visible(self.state.labels_visible)
        self.chart.set_guides_visible(self.state.guides_visible)
        self.chart.set_selected(self.state.zone_id or None)
        self.chart.set_left_out(self.state.mode.left_out)
        self._show_annotations()
        self._show_presentation()
        self._draw_overlay()
        # Room to pan past the edges, so zooming near a border keeps the point under the cursor.
        rect = self.chart.chart_rect
        self.setSceneRect(rect.adjusted(-rect.width(), -rect.height(), rect.width(), rect.height()))
        frame = next((f for f in self.chart.frames if kept is not None and f.view.id == kept[0]), None)
        if kept is not None and frame is not None:
            # an edit redrew the chart: its view stays where it was on screen, to the pixel
            # (the scroll bars move by as much as the view moved in the new drawing); a
            # fitted chart stays "fitted", so that a resize fits it again
            # (the scroll bars take whole pixels; the rest of the move goes into the view's
            # transform, else a foot drawn at x.5 px stepped a pixel when the chart moved by a
            # fraction of one: a new label's column 29.85 mm wide, at 5.15 px/mm)
            _view, dx, dy, left, top, scale, tx, ty = kept
            x, y = left - tx + (frame.dx - dx) * scale, top - ty + (frame.dy - dy) * scale
            self.setTransform(QTransform(scale, 0, 0, scale, round(x) - x, round(y) - y))
            self.horizontalScrollBar().setValue(round(x))
            self.verticalScrollBar().setValue(round(y))
            show_edited_labels(self, labelled)  # a zone drawn: its label in view (S22-18)
        else:
            self.fit()
        self.rebuilt.emit()

    def _kept_key(self, key: tuple) -> str | None:
        """The key of the start's chart's size between starts (kept_sizes.py); None for any
        other chart, or one drawn over the main chart (a partial chart's size depends on both)."""
        from ..render.partial import base_for

        atlas = self.state.atlas
        if self.kept_sizes is None or atlas is not self._start_atlas or atlas.path is None:
            return None
        return None if base_for(atlas) is not None else self.kept_sizes.key(atlas.path, key)

    def _kept_size(self, key: tuple) -> tuple[float, float] | None:
        kept_key = self._kept_key(key)
        return None if kept_key is None or self.kept_sizes is None else self.kept_sizes.get(kept_key)

    def _keep_size(self, key: tuple, size: tuple[float, float]) -> None:
        kept, kept_key = self.kept_sizes, self._kept_key(key)
        if kept is not None and kept_key is not None and kept.get(kept_key) != size:
            kept.put(kept_key, size)
            self._save_kept()

    def _save_kept(self) -> None:
        """Write the kept sizes and places after the next paint (not before the picture),
        once for all that were kept until then (a resize keeps places at each step)."""
        if self._kept_saving or self.kept_sizes is None:
            return
        self._kept_saving, kept = True, self.kept_sizes

        def save() -> None:
            self._kept_saving = False
            kept.save()

        when_painted(self.viewport(), save)

    def _redraw_zones(self, zone_ids: tuple[str, ...]) -> bool:
        chart = self.chart
        if chart.aspect != self.state.aspect or chart.mastery is not self.state.mastery:
            return False
        if not self.state.annotations.marks:  # the key as a whole drawing lays it out now
            chart.fit_key_to(self._room())
        rect = chart.chart_rect
        # (no catch-all here: a bug in update_zones answered by a whole redraw went unseen a
        # morning, the TypeError of every drop hidden behind a slower but right picture)
        if not chart.update_zones(self.state.atlas, zone_ids):
            return False
        chart.set_labels_visible(self.state.labels_visible)
        chart.set_guides_visible(self.state.guides_visible)
        chart.set_selected(self.state.zone_id or None)
        chart.set_left_out(self.state.mode.left_out)
        self._show_annotations()
        self._show_presentation()
        self._draw_overlay()
        chart.chart_rect = rect  # the layout held: the chart's bounds too
        self.rebuilt.emit()
        return True

    def _kept_view(self) -> tuple[str, float, float, int, int, float, float, float] | None:
        """(view, its frame's offset dx, dy in the chart, the scroll bars' values, scale, the
        transform's sub-pixel shift dx, dy) to keep while the chart is edited: zoomed in, or
        fitted while an edit redraws it (a new label must not rescale and move the feet under
        the author's hand); None otherwise.
        The view is the selected zone's, where the author works, else the one nearest the
        viewport's centre."""
        if self.state.mode.name != EDIT or self.chart.atlas is None:
            return None
        if self._fitted and not self.state.updating:
            return None
        frames = {f.view.id: f for f in self.chart.frames}
        frame = frames.get(self.state.view_id)
        if frame is None and frames:
            centre = self.mapToScene(self.viewport().rect().center())
            x, y = centre.x(), centre.y()
            frame = min(
                frames.values(),
                key=lambda f: max(f.left - x, 0, x - f.right) + max(f.top - y, 0, y - f.bottom),
            )
        if frame is None:
            return None
        bars = self.horizontalScrollBar().value(), self.verticalScrollBar().value()
        shown = self.transform()
        return (frame.view.id, frame.dx, frame.dy, *bars, shown.m11(), shown.dx(), shown.dy())

    def _draw(self, min_text_mm: float, measuring: bool = False) -> None:
        """Draw the chart; `measuring`: only to learn its size (its guide names left out)."""
        from ..render.partial import base_for, what_it_adds

        atlas = self.state.atlas
        base = base_for(atlas)  # a partial chart is drawn over the main one, in grey
        self.chart.measuring = measuring
        self.chart.kept_guide_places = None if measuring else self._kept_places(min_text_mm)
        self.chart.kept_label_sides = self._kept_sides()
        try:
            self.chart.show_chart(
                atlas,
                self.state.aspect,
                mastery=self.state.mastery,
                label_mm=(self.label_mm or LABEL_MM) * self.text_scale,
                text_scale=self.text_scale,
                min_text_mm=min_text_mm,
                base=base,
                base_note=what_it_adds(atlas, base) if base is not None else "",
                labels=self.state.labels_visible,
                whole_names=min_text_mm > 0.0 and self._pans(),
                room=self._room(),
                guides=self.state.guides_visible,
            )
        finally:
            self.chart.measuring = False
            self.chart.kept_guide_places = None
            self.chart.kept_label_sides = None

    def _room(self) -> float | None:
        """The viewport's width over its height, which the chart's key is drawn for (None
        while the map is not shown)."""
        return self.viewport().width() / max(1, self.viewport().height()) if self.isVisible() else None

    def _kept_places(self, min_text_mm: float) -> GuidePlaces | None:
        """Where this drawing of the start's chart may find its guide names' places from an
        earlier start, and keeps them for the next (ui/kept_sizes.py); None for any other."""
        key = self._measure_key()
        kept = self.kept_sizes
        if key is None or kept is None or self._kept_key(key) is None:
            return None
        parts = (*key, "guide names", min_text_mm)
        return GuidePlaces(
            kept,
            lambda view_id, token: self._kept_key((*parts, view_id, token)),
            self._save_kept,
        )

    def _kept_sides(self) -> LabelSides | None:
        """Where a drawing of the start's chart may find its views' label sides from an
        earlier start, and keeps them for the next (ui/kept_sizes.py); None for any other."""
        key = self._measure_key()
        kept = self.kept_sizes
        if key is None or kept is None or self._kept_key(key) is None:
            return None
        return LabelSides(
            kept,
            lambda view_id, token: self._kept_key((*key, "label sides", view_id, token)),
            self._save_kept,
        )

    # --- the kept drawing (tiles) ----------------------------------------------------
    def set_layered(self, on: bool) -> None:
        """Keep the drawing as tiles (the default), or draw every item afresh at every frame
        (as before issue 19: the benchmarks' baseline)."""
        self.layered = on
        self._layers.clear()
        self._zooming = self._refining = False
        self.viewport().update()

    def _render_scene(self, painter: QPainter, scene_rect) -> None:
        painter.setRenderHints(self.renderHints())
        self.chart.render(painter, scene_rect, scene_rect)

    def _scene_changed(self, rects) -> None:
        """Items changed (a hover, a selection, a mode's handles): their tiles are drawn afresh
        where they changed; a change of the whole scene (its background) drops every tile."""
        whole = self.chart.sceneRect()
        self._layers.invalidate(rects, any(r.contains(whole) for r in rects))

    def _offset(self) -> tuple[int, int]:
        """The viewport's top left in tile space (the view transform's logical pixels)."""
        view, own = self.viewportTransform(), self.transform()
        return round(own.dx() - view.dx()), round(own.dy() - view.dy())

    def _tile_area(self, ring: int = 0) -> QRect:
        """The viewport (and `ring` tiles around it) in tile space."""
        ox, oy = self._offset()
        area = self.viewport().rect().translated(ox, oy)
        return area.adjusted(-ring * TILE, -ring * TILE, ring * TILE, ring * TILE)

    def _current_level(self, create: bool = True):
        return self._layers.level(self.transform().m11(), self.viewport().devicePixelRatioF(), create)

    def _scene_news(self) -> None:
        """The scene reports what changed in a queued call; a synchronous repaint (a grab, an
        export of the view) must not show a tile from before a change made just now."""
        QApplication.sendPostedEvents(self.chart, QEvent.Type.MetaCall)

    def paintEvent(self, event: QPaintEvent) -> None:
        if not self.layered or self.transform().m12() or self.transform().m21():
            super().paintEvent(event)
            return
        self._scene_news()
        exposed = event.region()
        ox, oy = self._offset()
        # while the wheel turns no tiles are made for the passing scales: they are previewed
        level = self._current_level(create=not self._zooming)
        painter = QPainter(self.viewport())
        try:
            holes = exposed
            if level is not None:
                for rect in exposed:
                    # what changed (a hover) is drawn now; missing tiles too, unless a band at a
                    # time will draw them (after a zoom)
                    later = self._zooming or self._refining
                    self._layers.fill(level, rect.translated(ox, oy), create=not later)
                holes = self._layers.paint(painter, level, exposed, ox, oy)
            if not holes.isEmpty():
                if level is None:
                    level = Level(self.transform().m11(), self.viewport().devicePixelRatioF())
                holes = self._layers.preview(painter, level, holes, ox, oy)
            if not holes.isEmpty():  # nothing kept shows this part yet: paper
                painter.setClipRegion(holes)
                painter.fillRect(holes.boundingRect(), self.chart.backgroundBrush())
        finally:
            painter.end()
        if self._ahead_held:  # (the start is not ready for clicks yet: see `_started`)
            self._ahead_waiting = True
        elif not self._zooming and not self._refine.isActive():
            self._refine.start()  # tiles around the viewport, for a pan, while nothing happens

    def _zoom_changing(self) -> None:
        """The wheel turned: preview the new scale from the tiles kept, and draw it crisp once
        the wheel has been still SETTLE_MS."""
        self._zooming = True
        self._refine.stop()
        self._settle.start()

    def _zoom_settled(self) -> None:
        self._zooming = False
        self._refining = True
        self._refine.start()

    def _refine_step(self) -> None:
        """Draw the next bands of the current scale's tiles, as many as fit REFINE_MS (at
        least one): first those in view (then shown), then RING rings of tiles around the
        viewport, drawn ahead for a pan."""
        if not self.layered or self._zooming or not self.isVisible():
            return
        level = self._current_level()
        assert level is not None
        started = time.perf_counter()
        longest = 0.0  # seconds, the longest band drawn in this turn
        ox, oy = self._offset()
        for band in self._pending_bands(level):
            before = time.perf_counter()
            drawn = self._layers.fill(level, band)
            if drawn:
                for rect in drawn:
                    self.viewport().update(rect.translated(-ox, -oy))
                now = time.perf_counter()
                longest = max(longest, now - before)
                if (now - started + longest) * 1000 > REFINE_MS:
                    self._refine.start()
                    return
        self._band_queue = None
        self._refining = False
        self._prune(level)

    def _pending_bands(self, level: Level):
        """The bands after those the last step drew, when the view has stayed where it was
        (a hover meanwhile is drawn by the paint that shows it); else all of them afresh."""
        place = (self._offset(), self.viewport().size().toTuple(), self.viewport().devicePixelRatioF())
        queue = self._band_queue
        if queue is None or queue[0]() is not level or queue[1] != place:
            queue = self._band_queue = (weakref.ref(level), place, self._bands())
        return queue[2]

    def _bands(self):
        """Where to draw next, in tile space, each piece at most BAND_PIXELS device pixels so
        that drawing one keeps a frame short: first the viewport itself, row by row (the map
        is crisp once these are drawn; the tiles along its edges are drawn only as far as they
        show), then the rest of those edge tiles, then RING rings of tiles around the viewport
        (rows above and below, columns left and right), drawn ahead for a pan."""
        view = self._tile_area()
        dpr = self.viewport().devicePixelRatioF()
        columns, rows = tile_span(view)
        left, right = columns[0] * TILE, (columns[-1] + 1) * TILE
        top, bottom = rows[0] * TILE, (rows[-1] + 1) * TILE
        for j in rows:  # what shows: pieces of the viewport's rows, of about equal width
            row = QRect(view.left(), j * TILE, view.width(), TILE) & view
            pieces = max(1, math.ceil(row.width() * row.height() * dpr * dpr / BAND_PIXELS))
            for k in range(pieces):
                x0 = row.left() + row.width() * k // pieces
                x1 = row.left() + row.width() * (k + 1) // pieces
                yield QRect(x0, row.top(), x1 - x0, row.height())
        strips = [QRect(left, j * TILE, right - left, TILE) for j in rows]  # the edge tiles' rest
        for _ring in range(RING):  # RING rings of tiles around, the nearer first
            strips += [
                QRect(left - TILE, top - TILE, right - left + 2 * TILE, TILE),
                QRect(left - TILE, bottom, right - left + 2 * TILE, TILE),
                QRect(left - TILE, top, TILE, bottom - top),
                QRect(right, top, TILE, bottom - top),
            ]
            left, top, right, bottom = left - TILE, top - TILE, right + TILE, bottom + TILE
        most = max(1, int(BAND_PIXELS / (TILE * TILE * dpr * dpr)))  # tiles in a band
        for strip in strips:
            across = strip.width() >= strip.height()
            count = (strip.width() if across else strip.height()) // TILE
            for start in range(0, count, most):
                size = min(most, count - start) * TILE
                if across:
                    yield QRect(strip.x() + start * TILE, strip.y(), size, TILE)
                else:
                    yield QRect(strip.x(), strip.y() + start * TILE, TILE, size)

    def _prune(self, level) -> None:
        """Let go of the current scale's tiles far from the viewport (after long pans)."""
        columns, rows = tile_span(self._tile_area(ring=RING))
        for key in [k for k in level.tiles if k[0] not in columns or k[1] not in rows]:
            del level.tiles[key]

    @property
    def crisp(self) -> bool:
        """Whether the viewport shows the current scale's own tiles everywhere (no preview)."""
        if not self.layered:
            return True
        self._scene_news()
        level = self._current_level(create=False)
        if self._zooming or level is None:
            return False
        return self._layers.clean(level, self._tile_area())

    def fit_scale(self, size: tuple[float, float] | None = None) -> float:
        """Pixels per millimetre at which the whole chart (or one `size` mm large) fits the viewport."""
        rect = self.chart.chart_rect
        chart_w, chart_h = size if size is not None else (rect.width(), rect.height())
        width = self.viewport().width() - 2 * FIT_MARGIN_PX
        height = self.viewport().height() - 2 * FIT_MARGIN_PX
        if chart_w <= 0 or chart_h <= 0 or width <= 0 or height <= 0:
            return 0.0
        return min(width / chart_w, height / chart_h)

    def min_text_mm_needed(self, size: tuple[float, float] | None = None) -> float:
        """Chart text size (mm) that is MIN_TEXT_PX on screen with the chart fitted (the
        chart drawn, or one of `size`: width, height in mm); 0 until the view has a real size
        (a hidden widget's viewport is a placeholder).

        Bounded: on a window too small for legible text at any size (text widens the chart,
        which shrinks it again) labels grow only so far, and the person zooms in."""
        scale = self.fit_scale(size)
        if not self.isVisible() or scale <= 0 or self.viewport().width() < 120:
            return 0.0
        largest = self._text_growth * (self.label_mm or LABEL_MM) * self.text_scale
        largest = min(largest, self.chart.largest_label_mm)  # presenting: columns beside the feet
        # presenting asks for larger labels: the key and captions grow alike
        presenting = (self.label_mm or LABEL_MM) / LABEL_MM
        if self._pans():
            # its text is not grown where the map shows less of the chart, else its columns
            # hold more than the feet's height (German at Largest: 9 mm labels pushed up to
            # 80 mm off their zones)
            return LABEL_MM * self.text_scale
        return min(MIN_TEXT_PX * presenting * self.text_scale / scale, largest)

    def _pans(self) -> bool:
        """Whether larger text was chosen on a window too small for the chart whole, its
        labels under 1 / MAX_TEXT_GROWTH of the size asked even grown: the map then shows less
        of the chart at a legible size (`fit`, label_room.legible_scale), its names whole.
        Told by the chart measured with no minimum text (the rounds' first, its columns
        bounded by the feet), else the one drawn: the same answer for a window's size, so
        that labels hidden and shown again are drawn as before."""
        if self.text_scale <= 1.0 or self.label_mm is not None:
            return False
        key = self._measure_key()
        size = self._measured.get(key) if key is not None else None
        if size is None and key is not None:
            # a start drawing its chart at the size kept from the last (`_draws_settled`) has
            # not measured it: the kept measure tells, as in `_rounds` (without it the drawing
            # took the map for one that does not pan, and cut the names: "Nasennebenhö…")
            size = self._kept_size(key)
            if size is not None:
                self._measured[key] = size
        scale = self.fit_scale(size)
        if scale <= 0:
            return False
        largest = MAX_TEXT_GROWTH * LABEL_MM * self.text_scale
        return MIN_TEXT_PX * self.text_scale / scale > largest * MAX_TEXT_GROWTH

    def set_text_scale(self, scale: float) -> None:
        if scale != self.text_scale:
            self.text_scale = scale
            self.rebuild()

    def _labels_changed(self, visible: bool) -> None:
        """Hidden labels keep no columns beside the feet: the chart is laid out again and
        fitted to the room it has (a quiz, or L while browsing). A chart drawn without labels
        (its views too full to label) keeps its layout: nothing would move."""
        chart = self.chart
        relayout = (chart.labels and not visible) or (visible and not chart.labelled)
        if not relayout or self._unshown:
            self.chart.set_labels_visible(visible)
            self._show_presentation()
        else:
            self.rebuild()

    def _guides_changed(self, visible: bool) -> None:
        self.chart.set_guides_visible(visible)
        chart = self.chart
        if chart.key is not None and chart.key_guides != (visible and chart.views_guides):
            self.rebuild()  # the key with or without the guide lines' sample, laid out again
            return
        self._show_presentation()

    def _show_annotations(self) -> None:
        """The mode's highlighted zone and notes (quiz feedback), replacing the ones before."""
        if self._unshown:  # (shown with the chart, when it is first drawn)
            return
        annotations = self.state.annotations
        self.chart.clear_marks()
        if annotations.highlight is not None and not self.state.zone_id:
            view_id, zone_id = annotations.highlight
            self.chart.set_selected(zone_id, view_id)
            self.chart.point_at(view_id, zone_id)  # (nothing covers the zone asked about)
        elif not self.state.zone_id:
            self.chart.set_selected(None)
        for mark in annotations.marks:
            self.chart.mark(mark.view_id, mark.zone_id, mark.text, at=mark.at, away_from=mark.away_from)

    def _show_presentation(self, *_args) -> None:
        if self.state.presentation is not None and not self._unshown:
            self.chart.present(self.state.presentation, guides_visible=self.state.guides_visible)

    def _mode_changed(self, _name: str) -> None:
        self._overlay_mode.overlay_changed.disconnect(self._draw_overlay)
        self._overlay_mode = self.state.mode
        self.state.mode.overlay_changed.connect(self._draw_overlay)
        if not self._unshown:
            self.chart.set_left_out(self.state.mode.left_out)
        self._draw_overlay()
        self.viewport().unsetCursor()

    def _draw_overlay(self) -> None:
        """The current mode's own items (an editor's handles), drawn afresh (with the chart,
        when it is first drawn: before, its views have no place yet)."""
        if self._unshown or self.state.mode.overlay_held:  # (a drop: drawn once, when made)
            return
        # while a drag moves the mode's items, only where they were and are is drawn again (a
        # frame); else the whole map, once, as a drawing afresh: a dashed guide line cut by a
        # band is dashed a pixel differently (Qt's dasher), which a drag's frames may show
        self.overlay.clear(quietly=self._mode_drag)
        self.state.mode.draw(self.overlay)
        self.overlay.settle()  # (a zone reshaped while dragged, dropped: its own shape back)

    def _visible_scene(self) -> tuple[QRectF, float]:
        """The part of the scene in view, and the pixels a scene unit takes."""
        return self.mapToScene(self.viewport().rect()).boundingRect(), self.transform().m11()

    def _view_moved(self) -> None:
        overlay = getattr(self, "overlay", None)  # (scrolled while being built)
        if overlay is not None and overlay.follows_view:
            self._overlay_follow.start()

    def _follow_view(self) -> None:
        if self.overlay.follows_view:
            self._draw_overlay()

    def scrollContentsBy(self, dx: int, dy: int) -> None:
        super().scrollContentsBy(dx, dy)
        self._view_moved()

    def set_reserved_margins(self, right: int, bottom: int) -> None:
        """Keep `right` and `bottom` pixels of the widget free (a caption, a notes panel) and
        fit the chart into the rest."""
        margins = self.viewportMargins()
        if margins.right() != right or margins.bottom() != bottom:
            self.setViewportMargins(0, 0, right, bottom)
            self.refit()

    def _show_selection(self, zone_id: str) -> None:
        only = self.state.view_id if self.state.mode.keyboard_views is not None and zone_id else None
        if not zone_id and self.state.annotations.highlight is not None:
            self._show_annotations()
        else:
            self.chart.set_selected(zone_id or None, only)
        key = (self.state.view_id, zone_id)
        if zone_id and key in self.chart.zone_items and not self.state.updating:
            # (a zone newly chosen is brought into view; the same one said again after an
            # edit is not: the map stays where it is while editing)
            self.ensureVisible(self.chart.zone_items[key], 30, 30)
        if self.accessible:  # (a screen reader, if one listens, is told)
            from .accessibility import announce_selection

            announce_selection(self)

    def hover_tip(self, hits: list[str]) -> str:
        """The tooltip for the zones under the pointer: the top one's name and claim, then the
        others. Plain text (the one bounded tooltip helper), each chart text cut and isolated:
        a right-to-left letter or override in one name cannot reorder the lines or names after it."""
        atlas = self.state.atlas
        zone = atlas.zone(hits[0])
        lines = [
            bidi_isolate(shortened(zone.name, TIP_NAME_CHARS)),
            charts_place(shortened(zone.claim, TIP_CLAIM_CHARS)),
        ]
        if len(hits) > 1:
            names = [
                bidi_isolate(shortened(atlas.zone(z).name, TIP_OTHER_CHARS)) for z in hits[1 : 1 + TIP_OTHERS]
            ]
            if len(hits) > 1 + TIP_OTHERS:
                names.append("\u2026")
            lines.append(_("Also here: {zones}").format(zones=", ".join(names)))
        return plain_tooltip("\n".join(lines))

    def fit(self, whole: bool | None = None) -> None:
        """Show the whole chart, as large as the window allows, centred (drawn afresh when
        its labels were held to the room they had on screen: whole again). Larger text on a
        window too small for the whole chart at a legible size shows part of it, with a note
        (`partial_hint`), unless the person asked for the whole (`whole`: View → Fit to
        window), which holds until they zoom or drag (before, Fit to window changed nothing
        there: the right foot stayed out of sight)."""
        if whole is not None:
            self._fit_whole = whole
        if self.chart.label_room_mm is not None:
            self._fitted = True
            self._rebuild()
            return
        self._zooming = self._refining = False  # drawn at once (its tiles are often kept)
        rect = self.chart.chart_rect
        self.fitInView(rect, Qt.AspectRatioMode.KeepAspectRatio)
        self.centerOn(rect.center())
        least = legible_scale(self, MIN_TEXT_PX / MAX_TEXT_GROWTH)  # larger text: less of the chart
        # presenting lays the chart out for itself, whole (its type is large already): the
        # window's part of the chart and its note stood in front of the class (tryout S21-3)
        partial = least > self.transform().m11() and not self._fit_whole and self.label_mm is None
        self.partial_hint.set_shown(partial, self.fit_keys())
        if partial:
            self.setTransform(QTransform.fromScale(least, least))
            shown = self.mapToScene(self.viewport().rect()).boundingRect()
            self.centerOn(rect.left() + shown.width() / 2, rect.top() + shown.height() / 2)
        self._fitted = True
        self._view_moved()

    def zoom(self, factor: float, anchor: QPoint | None = None) -> None:
        """Scale by `factor`, keeping the chart point under `anchor` (viewport px) in place."""
        scale = self.transform().m11()
        # never smaller than the whole chart: text keeps its minimum size on screen
        lowest = max(MIN_SCALE, min(self.fit_scale(), scale))
        factor = max(lowest / scale, min(MAX_SCALE / scale, factor))
        if abs(factor - 1.0) < 1e-6:
            return  # as far as it goes: nothing changes (a fitted chart stays fitted as it was)
        self.partial_hint.set_shown(False)  # the person zooms: the map is theirs to move
        self._fit_whole = whole = False
        anchor = anchor if anchor is not None else self.viewport().rect().center()
        fixed = self.mapToScene(anchor)
        self._zoom_changing()
        # The whole viewport is painted afresh at the new scale: the scroll bars' moves must
        # not first scroll the old picture's pixels (two copies of the whole viewport, most
        # of a frame at ratio 2), only ask for that repaint.
        mode = self.viewportUpdateMode()
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.FullViewportUpdate)
        try:
            self.scale(factor, factor)
            drift = self.mapFromScene(fixed) - anchor
            self.horizontalScrollBar().setValue(self.horizontalScrollBar().value() + drift.x())
            self.verticalScrollBar().setValue(self.verticalScrollBar().value() + drift.y())
            if self.transform().m11() <= lowest * 1.0001 and lowest >= self.fit_scale():
                # zoomed out as far as it goes: the whole chart, centred (kept about the
                # pointer, a chart shown in part at Largest text stayed in part off screen)
                self.centerOn(self.chart.chart_rect.center())
                whole = True
        finally:
            self.setViewportUpdateMode(mode)
        # Zoomed out to the whole chart, it stays whole as Fit to window's does when the map
        # then changes shape (a status message or a dock resized after the zoom left an edge
        # of the chart out of sight: seen in CI under load).
        self._fitted = self._fit_whole = whole
        self._view_moved()
        if factor > 1.0 and not self._zoom_said and not self._whole_chart_shown():
            self._zoom_said = True  # said once a window
            self.said.emit(zoomed_text(self.fit_keys()), ZOOMED_NOTE_MS)

    def place(self) -> tuple[bool, bool, float, QPointF]:
        """Where the map stands, for `restore_place`: (fitted, the whole chart asked for,
        pixels per mm, the chart point at the viewport's centre)."""
        centre = self.mapToScene(self.viewport().rect().center())
        return self._fitted, self._fit_whole, self.transform().m11(), QPointF(centre)

    def restore_place(self, place: tuple[bool, bool, float, QPointF]) -> None:
        """The map back where `place` had it (after presenting, which fits the chart its own
        way): fitted as it was (View → Fit to window's whole chart kept), or zoomed and panned."""
        fitted, whole, scale, centre = place
        if fitted:
            self.fit(whole=whole)
            return
        self.partial_hint.set_shown(False)
        self._fitted = self._fit_whole = False
        self.setTransform(QTransform.fromScale(scale, scale))
        self.centerOn(centre)
        self._view_moved()

    def fit_keys(self) -> str:
        """The keys of View → Fit to window, as the window's action has them ("" if none)."""
        fit = self.window().findChild(QAction, "action-fit")
        return fit.shortcut().toString(QKeySequence.SequenceFormat.NativeText) if fit is not None else ""

    def _whole_chart_shown(self) -> bool:
        shown = self.mapToScene(self.viewport().rect()).boundingRect()
        return shown.contains(self.chart.chart_rect.adjusted(1, 1, -1, -1))

    def chart_size(self) -> tuple[float, float]:
        """The whole chart's width and height (scene mm): what `fit` fits into the viewport."""
        rect = self.chart.chart_rect
        return rect.width(), rect.height()

    def pixels_per_mm(self) -> float:
        return self.transform().m11()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self._unshown:
            self._first_draw()
        elif self._fitted:
            self.refit()
        self.resized.emit()
        self._view_moved()

    def refit(self) -> None:
        """The viewport changed size (window, viewport margins): fit the chart again, drawn
        afresh when its text would otherwise fall under the minimum size."""
        stale = self._text_size_stale() or self._columns_for_another_shape()
        if stale and not self.state.annotations.marks:  # a quiz's marks stay put
            # drawn with no minimum (the first drawing, made before the window had its size):
            # what it needs here is the first round of the rebuild
            self._rebuild(self.min_text_mm_needed() if self.chart.min_text_mm == 0.0 else None)
        else:
            if not self.state.annotations.marks:  # (a quiz's marks keep clear of the key drawn)
                self.chart.fit_key_to(self._room())  # the key as a drawing for this shape lays it out
            self.fit()
            if self._redraw_for_size():
                self._resized_settle.start()

    def _redraw_for_size(self) -> bool:
        """Whether the fitted chart, drawn for a viewport of another size and kept within
        `_text_size_stale`'s tolerance, is to be drawn again for this one: the same picture
        as a window opened at this size. Kept as it was: presenting's (its labels stay put
        while its caption changes the map's height), a quiz's marks, an edit's kept view.
        Without it the window resized to 1440×900 kept its labels and key at 3.80 mm where
        a drawing for it has 4.01, and the key changed size when presenting ended (Esc drew
        the chart afresh)."""
        return (
            self._fitted
            and self._drawn_for is not None
            and self._drawn_for != self.viewport().size()
            and self.label_mm is None
            and not self.state.annotations.marks
            and self.chart.label_room_mm is None
        )

    def _resize_settled(self) -> None:
        if self._redraw_for_size() and self.isVisible():
            self._rebuild()

    def _columns_for_another_shape(self) -> bool:
        """Whether presenting's label columns were laid out for a viewport of another shape
        (ChartScene._presenting_columns sets their width for it). F5 laid them out for the
        map beside the window's panels (a 1024×768 window: 0.94 wide for 1 high) and the
        full screen only scaled that drawing: narrow columns of names in two lines, taller
        than the feet, 284 px of the width empty and the feet 408 px tall (S22-1). A caption
        of one line or three changes the shape by less than COLUMNS_RESHAPE, and the labels
        stay where they are as the zones are stepped through."""
        laid, room = self.chart.columns_room, self._room()
        return laid is not None and room is not None and abs(room / laid - 1.0) > COLUMNS_RESHAPE

    def _text_size_stale(self) -> bool:
        """Whether the window's new size makes chart text too small (or needlessly large)."""
        have, need = self.chart.min_text_mm, self.min_text_mm_needed()
        if have == 0.0:
            return need > self._smallest_text_mm()
        return need > have * 1.02 or need < have / 1.25

    # --- hit-testing ----------------------------------------------------------------
    def zones_under(self, pos: QPoint) -> tuple[str, tuple[str, ...]]:
        """(view id, zone ids most specific first) under a viewport position."""
        where = self.chart.locate(self.mapToScene(pos))
        if where is None:
            return "", ()
        view_id, x, y = where
        return view_id, tuple(z.id for z in self.state.atlas.zones_at(view_id, x, y))

    def map_event(self, event: QMouseEvent, hit_test: bool = True) -> MapEvent:
        """A mouse event in chart terms, for the mode. Without `hit_test` its `hits` are
        empty: the moves of a mode's drag, which follow the pointer and ask for no zone
        under it (a zone of 100,000 corners took 60 ms a move to test)."""
        pos = event.position().toPoint()
        where = self.chart.locate(self.mapToScene(pos))
        view_id, x, y = where or ("", 0.0, 0.0)
        hits = tuple(z.id for z in self.state.atlas.zones_at(view_id, x, y)) if view_id and hit_test else ()
        scene = self.mapToScene(pos)
        if not hits and hit_test and self.state.mode.left_out:  # (one beside the foot, off its view)
            drawn = self._left_out_at(scene)
            if drawn:
                view_id, hits = drawn[0][0], tuple(dict.fromkeys(zone for _view, zone in drawn))
        return MapEvent(
            view_id,
            x,
            y,
            hits,
            event.button(),
            event.modifiers(),
            self.pixels_per_mm(),
            scene=(scene.x(), scene.y()),
        )

    def select_at(self, pos: QPoint) -> None:
        view_id, hits = self.zones_under(pos)
        self.state.pick(view_id, hits)

    # --- mouse ----------------------------------------------------------------------
    def mousePressEvent(self, event: QMouseEvent) -> None:
        if self.state.mode.press(self.map_event(event)):
            self._mode_drag = True
            self.setFocus(Qt.FocusReason.MouseFocusReason)
            event.accept()
            return
        if event.button() in (Qt.MouseButton.LeftButton, Qt.MouseButton.MiddleButton):
            self._press = event.position().toPoint()
            self._panning = event.button() == Qt.MouseButton.MiddleButton
            self.setFocus(Qt.FocusReason.MouseFocusReason)
            event.accept()
            return
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        pos = event.position().toPoint()
        if self._mode_drag or self._press is None:
            moved = self.map_event(event, hit_test=not self._mode_drag)
            if self.state.mode.move(moved) or self._mode_drag:  # the mode follows the pointer
                self.pointed.emit(moved.view_id, moved.x_mm, moved.y_mm)
                if self.state.mode.cursor is not None:
                    self.viewport().setCursor(self.state.mode.cursor)
                event.accept()
                return
        if self._press is not None:
            moved = pos - self._press
            if self._panning or moved.manhattanLength() >= QApplication.startDragDistance():
                self._panning = True
                self.viewport().setCursor(Qt.CursorShape.ClosedHandCursor)
                self.horizontalScrollBar().setValue(self.horizontalScrollBar().value() - moved.x())
                self.verticalScrollBar().setValue(self.verticalScrollBar().value() - moved.y())
                self._press = pos
                self._fitted = False
                self.partial_hint.set_shown(False)  # the person found that the map pans
                self._fit_whole = False
            event.accept()
            return
        self._hover(pos, event.globalPosition().toPoint())
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if self._mode_drag:
            self._mode_drag = False
            self.state.mode.release(self.map_event(event))
            event.accept()
            return
        if self._press is not None and event.button() in (
            Qt.MouseButton.LeftButton,
            Qt.MouseButton.MiddleButton,
        ):
            if not self._panning and event.button() == Qt.MouseButton.LeftButton:
                if not self.state.mode.click(self.map_event(event)):
                    self.select_at(event.position().toPoint())
            self._press = None
            self._panning = False
            self.viewport().unsetCursor()
            event.accept()
            return
        super().mouseReleaseEvent(event)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        if self.state.mode.double_click(self.map_event(event)):
            event.accept()
            return
        super().mouseDoubleClickEvent(event)

    def leaveEvent(self, event) -> None:
        self.chart.set_hovered(None)
        self.pointed.emit("", 0.0, 0.0)  # the pointer is over no view any more
        super().leaveEvent(event)

    def _hover(self, pos: QPoint, global_pos: QPoint) -> None:
        if not self.state.mode.hover_hints:
            # a quiz asking where a zone is, the editor drawing a new zone's corners: no zone's
            # name, and none shown before stays (it hid where the next corner goes, S18-5)
            self.chart.set_hovered(None)
            said = self._left_out_tip(pos)
            if said:
                QToolTip.showText(global_pos, said, self.viewport())
            elif QToolTip.isVisible():
                QToolTip.hideText()
            if self.state.mode.name != QUIZ:  # (the pointer's place, as while a mode drags)
                where = self.chart.locate(self.mapToScene(pos))
                self.pointed.emit(*(where or ("", 0.0, 0.0)))
            return
        view_id, hits = self.zones_under(pos)
        self.chart.set_hovered((view_id, hits[0]) if hits else None)
        where = self.chart.locate(self.mapToScene(pos))
        self.pointed.emit(*(where or ("", 0.0, 0.0)))
        if hits:
            QToolTip.showText(global_pos, self.hover_tip(hits), self.viewport())
            self.viewport().setCursor(Qt.CursorShape.PointingHandCursor)
        else:
            QToolTip.hideText()
            self.viewport().unsetCursor()

    def _left_out_tip(self, pos: QPoint) -> str:
        """Why the zones under `pos` that the mode leaves out are left out ("" for none)."""
        left_out = self.state.mode.left_out
        if not left_out:
            return ""
        _view, hits = self.zones_under(pos)
        zones = [z for z in hits if z in left_out]
        zones += [zone for _view, zone in self._left_out_at(self.mapToScene(pos)) if zone in left_out]
        said = [left_out[zone] for zone in dict.fromkeys(zones)]
        return plain_tooltip("\n".join(dict.fromkeys(said))) if said else ""

    def _left_out_at(self, scene: QPointF) -> list[tuple[str, str]]:
        """(view id, zone id) of the zones drawn as left out under a scene point, topmost first:
        their items, since one the check refuses may lie beside the foot, off every view."""
        items = self.chart.items(scene)
        return [(item.view_id, item.zone_id) for item in items if getattr(item, "left_out", False)]

    def wheelEvent(self, event: QWheelEvent) -> None:
        steps = event.angleDelta().y() / 120
        if steps:
            self.zoom(ZOOM_STEP**steps, event.position().toPoint())
        event.accept()

    # --- keyboard -------------------------------------------------------------------
    def focusNextPrevChild(self, forward: bool) -> bool:
        return False  # Tab steps between zones while the map has focus

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if self.state.mode.key(key, event.modifiers()):
            event.accept()
            return
        if key in (Qt.Key.Key_Tab, Qt.Key.Key_Down):
            self.step(+1)
        elif key in (Qt.Key.Key_Backtab, Qt.Key.Key_Up):
            self.step(-1)
        elif key in (Qt.Key.Key_Left, Qt.Key.Key_Right):
            self.other_foot(key == Qt.Key.Key_Right)
        elif key == Qt.Key.Key_Home:
            self.step(0, absolute=0)
        elif key == Qt.Key.Key_End:
            self.step(0, absolute=-1)
        elif key == Qt.Key.Key_Escape and self.state.zone_id:
            self.state.select("")
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.activate()
        else:
            super().keyPressEvent(event)
            return
        event.accept()

    def step(self, delta: int, absolute: int | None = None) -> None:
        """Select the next/previous zone along the feet (toes to heel, left foot first)."""
        order = self.keyboard_order()
        if not order:
            return
        current = (self.state.view_id, self.state.zone_id)
        if absolute is not None:
            index = absolute % len(order)
        elif current in order:
            index = (order.index(current) + delta) % len(order)
        else:
            index = 0 if delta >= 0 else len(order) - 1
        view_id, zone_id = order[index]
        self.state.select(zone_id, view_id)

    def activate(self) -> None:
        """Enter on the map: the mode gets the zone under the keyboard cursor, at its label's
        anchor point (where a click on it would land)."""
        key = (self.state.view_id, self.state.zone_id)
        x, y = self.chart.anchors.get(key, (0.0, 0.0))
        view_id, zone_id = key if key in self.chart.anchors else ("", "")
        hits = (zone_id,) if zone_id else ()
        self.state.mode.activate(
            MapEvent(view_id, x, y, hits, px_per_mm=self.pixels_per_mm(), zone_id=zone_id)
        )

    def keyboard_order(self) -> list[tuple[str, str]]:
        """The (view, zone) pairs the keys step through: all, or the mode's views only."""
        order = self.chart.keyboard_order()
        views, left_out = self.state.mode.keyboard_views, self.state.mode.left_out
        if views is None and not left_out:
            return order
        return [key for key in order if (views is None or key[0] in views) and key[1] not in left_out]

    def other_foot(self, rightwards: bool) -> None:
        """Move to the same zone on the foot to the left or right, if the chart has it there."""
        frames = [f.view.id for f in self.chart.frames]
        views = self.state.mode.keyboard_views
        if views is not None:
            frames = [v for v in frames if v in views]
        if self.state.view_id not in frames:
            self.step(0, absolute=0)
            return
        index = frames.index(self.state.view_id) + (1 if rightwards else -1)
        if 0 <= index < len(frames) and (frames[index], self.state.zone_id) in self.chart.zone_items:
            self.state.select(self.state.zone_id, frames[index])

    def scene_point_to_viewport(self, view_id: str, x: float, y: float) -> QPoint:
        """Viewport pixel of (x, y) mm in a view: what a test or a script clicks."""
        return self.mapFromScene(self.chart.to_scene(view_id, x, y))

    def centre_on(self, view_id: str, x: float, y: float) -> None:
        self.centerOn(self.chart.to_scene(view_id, x, y))
