"""Modes: what the map's clicks and keys mean right now (browsing, quiz, presenter, editing).

The application state owns the mode. `AppState.enter_mode(mode)` makes a mode current (the one
before is left first), `AppState.leave_mode(mode)` goes back to the mode it was started from
if that one is `resumable` (Esc ending presenting brings back Edit mode), else to browsing; `AppState.mode` is
the current one and `AppState.mode_changed` carries its name ("browse", "quiz", "present",
"edit"), before the new mode's `entered()` runs. The window listens to `mode_changed` to show or
hide its chrome (presenting: full screen, no panels); nothing else needs to know which mode runs.
A mode ends itself with `state.leave_mode(self)`; `left()` is where it puts back what it changed.

**Events in.** The map turns each mouse and key event on the chart into chart terms and offers
it to the current mode, and to nothing else:

=====================================  =============================================================
`press(event) -> bool`                 a button went down; True: the mode takes the drag (no panning)
`move(event) -> bool`                  the pointer moved (with or without a button held down)
`release(event) -> bool`               the button taken by `press` came up
`click(event) -> bool`                 a left click that was no drag (select, answer, add a point)
`double_click(event) -> bool`          (close a drawn outline, for instance)
`key(key, modifiers) -> bool`          a key pressed on the map, or on the window around it
`activate(event) -> bool`              Enter on the map, at the zone under the keyboard cursor
=====================================  =============================================================

Every `MapEvent` says where, in chart millimetres: the view (`view_id`, "" off the feet),
`x_mm`/`y_mm` in that view's coordinates, the zones under the point (`hits`, most specific first),
the button, the modifiers and the current scale (`px_per_mm`, for grab tolerances in screen
pixels). A handler returns True when it used the event; False lets the map do what browsing
does (select on click, pan on drag, Tab to step, Esc to clear the selection).

**Declared, read by the map:** `hover_hints` (tooltips and the hover outline: off while a quiz
asks "where is …?"), `left_out` (zone id -> why, in words: zones the mode leaves out, drawn
dimmed and hatched in the problem red, never stepped to by the keys, the why their tooltip,
also while `hover_hints` is off: a quiz round's zones the chart's check refuses),
`keyboard_views` (the views Tab and the arrows move through; None: all;
a zone reached by key is then highlighted in that view only), `cursor` (the viewport's cursor
while the mode takes the pointer's moves; None: the map's own), `overlay_held` (True while the
mode makes one change in several steps, a drop: the map leaves the mode's drawing as it is
until the mode's next `overlay_changed` after it). While a mode takes the moves,
the map still reports the pointer's millimetres (`MapView.pointed`, shown in the status bar).

**Changes out.** A mode never touches another widget's attributes. It asks the state:
`select`, `set_aspect`, `set_labels_visible`, `set_label_mm` (larger type for presenting),
`set_annotations` (a highlighted zone and boxed notes, e.g. quiz feedback) and
`set_presentation` (which zones' names are revealed, spotlight, blank chart); the map draws what
the state says, after every rebuild too. A mode that draws its own things on the chart (the
editor's vertex handles) implements `draw(overlay)`: the map calls it after each rebuild and
whenever the mode emits `overlay_changed`, with a `MapOverlay` that maps millimetres to the
scene and owns the items added to it (emit `overlay_changed` at the end of `entered()` to draw
at once).

**The map itself.** A mode that puts widgets of its own on the map (the presenter's caption
and notes) or moves the keyboard focus gets the map as a `MapSurface`: focus, size, a fit,
the chart's own size, room kept free beside the chart, the keys' stepping order, and the window to parent
dialogs. Nothing else of the map, and nothing of any other widget (the panels, the window's
attributes); `tests/ui/test_modes_reach.py` fails on any other reach.

**Another chart.** Every way of showing another chart goes through `AppState.change_chart`,
which asks the mode first: `may_change_chart(change) -> bool` (True: go on now; False: the mode
asks, and calls `change` itself once agreed: a quiz round asks "End this round now?"). Before
the chart is replaced the state calls `chart_changing(atlas, replaced=…)` (also on a path that
did not ask): a mode holding things of the old chart puts them away.

Implemented by: browsing (`Mode` itself, `AppState.browsing`), the quiz
(`reflexmap.ui.modes.quiz.QuizController`, with its own panel), the presenter
(`reflexmap.ui.modes.presenter.Presenter`), the editor (`reflexmap.ui.editor`).
`tests/ui/test_modes.py` shows a mode taking drags and keys.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import TYPE_CHECKING, NamedTuple, Protocol

import shiboken6
from PySide6.QtCore import QObject, QPointF, Qt, Signal

from ...render.scene_changes import remove_quietly, report

if TYPE_CHECKING:
    from collections.abc import Callable

    from PySide6.QtCore import SignalInstance
    from PySide6.QtWidgets import QGraphicsItem, QWidget

    from ...atlas import Atlas

BROWSE, QUIZ, PRESENT, EDIT = "browse", "quiz", "present", "edit"


class MapEvent(NamedTuple):
    """A pointer event on the chart, in chart terms. (A NamedTuple: as a frozen dataclass it
    took 5 M instructions of every start to make.)"""

    view_id: str  # "" when the pointer is over no view
    x_mm: float
    y_mm: float
    hits: tuple[str, ...] = ()  # zone ids under the point, most specific first
    button: Qt.MouseButton = Qt.MouseButton.NoButton
    modifiers: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier
    px_per_mm: float = 1.0  # screen pixels per chart millimetre at the current zoom
    zone_id: str = ""  # for `activate`: the zone under the keyboard cursor
    scene: tuple[float, float] = (0.0, 0.0)  # the scene point: see MapOverlay.view_mm


class MapSurface(Protocol):
    """The map widget as a mode may use it (MapView implements it); see the module docstring."""

    resized: SignalInstance  # the widget changed size: place the mode's own widgets again

    def setFocus(self, reason: Qt.FocusReason = ...) -> None: ...

    def refit(self) -> None: ...

    def set_reserved_margins(self, right: int, bottom: int) -> None: ...

    def chart_size(self) -> tuple[float, float]: ...

    def keyboard_order(self) -> list[tuple[str, str]]: ...

    def width(self) -> int: ...

    def height(self) -> int: ...

    def window(self) -> QWidget: ...


class MapOverlay:
    """What a mode may draw on: items it adds here live in the chart's scene until `clear()`
    or the next rebuild; `to_scene`/`from_scene` convert between a view's millimetres and
    the scene."""

    def __init__(self, scene, to_scene, locate, view_mm=None, visible=None):
        self._scene = scene
        self._view_mm = view_mm
        self._to_scene = to_scene
        self._locate = locate
        self._visible = visible
        self.items: list[QGraphicsItem] = []
        self.follows_view = False  # items laid out for the visible part: drawn again as it moves
        # (view id, zone id) -> (its item, the item's own path, its label's items and whether
        # each was visible) of the chart's zones drawn reshaped (reshape_zone), and those
        # reshaped by the drawing under way
        self._reshaped: dict[tuple[str, str], tuple] = {}
        self._reshaping: set[tuple[str, str]] = set()

    def visible(self):
        """(the scene rectangle the map shows now, pixels per scene unit), or None where no
        map shows the overlay: a message drawn on the map fits inside what is visible."""
        return self._visible() if self._visible is not None else None

    def chart_text(self) -> list:
        """The scene rectangles of the chart's own text a message keeps clear of (captions, key)."""
        boxes = getattr(self._scene, "chart_text_boxes", None)
        return boxes() if boxes is not None else []

    def chart_shapes(self) -> tuple[list, list]:
        """(zones' scene rectangles, leader and guide polylines) a message had better not hide."""
        shapes = getattr(self._scene, "chart_shapes", None)
        return shapes() if shapes is not None else ([], [])

    def chart_outlines(self) -> list:
        """The feet's outlines shown (scene polylines): a message stands off them where it can."""
        outlines = getattr(self._scene, "chart_outlines", None)
        return outlines() if outlines is not None else []

    def to_scene(self, view_id: str, x_mm: float, y_mm: float) -> QPointF:
        return self._to_scene(view_id, x_mm, y_mm)

    def from_scene(self, point: QPointF) -> tuple[str, float, float] | None:
        """(view id, x mm, y mm) of a scene point, or None off every view."""
        return self._locate(point)

    def view_mm(self, view_id: str, scene: tuple[float, float]) -> tuple[float, float]:
        """(x, y) mm in `view_id` of a scene point, also beyond the view's outline (a
        vertex dragged out of the foot)."""
        return self._view_mm(view_id, QPointF(*scene))

    def reshape_zone(self, view_id: str, zone_id: str, rings: list) -> None:
        """The chart's own zone drawn with `rings` (QPolygonF, scene) instead of its shape
        until the overlay is drawn without it (a zone dragged: its fill follows the pointer),
        its label hidden meanwhile (it was placed for the shape as it was)."""
        from PySide6.QtGui import QPainterPath

        item = self._held(view_id, zone_id)
        if item is None:
            return
        path = QPainterPath()
        for ring in rings:
            path.addPolygon(ring)
            path.closeSubpath()
        item.setPos(self._reshaped[(view_id, zone_id)][2])
        item.setPath(path)

    def shift_zone(self, view_id: str, zone_id: str, dx: float, dy: float) -> None:
        """The chart's own zone drawn moved by (dx, dy) in the scene, its shape as it is, until
        the overlay is drawn without it (a whole zone dragged), its label hidden meanwhile, as
        `reshape_zone` does. The item is moved, not given a new path: its outline is not made
        and stroked again at every move (1.5 s of a move on a zone of 100,000 corners)."""
        item = self._held(view_id, zone_id)
        if item is None:
            return
        _item, path, pos, _parts = self._reshaped[(view_id, zone_id)]
        if item.path() != path:  # (reshaped before by this drawing's drag: its own shape back)
            item.setPath(path)
        item.setPos(pos + QPointF(dx, dy))

    def _held(self, view_id: str, zone_id: str):
        """The chart's item of the zone, noted with its own shape, place and label (hidden
        from now) to be given back at `settle`; None where the chart does not draw it."""
        key = (view_id, zone_id)
        item = getattr(self._scene, "zone_items", {}).get(key)
        if item is None:
            return None
        if key not in self._reshaped or self._reshaped[key][0] is not item:
            label = getattr(self._scene, "labels", {}).get(key)
            parts = [p for p in (label.text, label.leader, label.dot) if p is not None] if label else []
            self._reshaped[key] = (item, item.path(), item.pos(), [(p, p.isVisible()) for p in parts])
        for part, _visible in self._reshaped[key][3]:
            part.setVisible(False)
        self._reshaping.add(key)
        return item

    def settle(self) -> None:
        """The drawing is done: the zones it did not reshape or shift again get their own
        shape, place and label back (items the chart has replaced since are left alone)."""
        for key in [k for k in self._reshaped if k not in self._reshaping]:
            item, path, pos, parts = self._reshaped.pop(key)
            if shiboken6.isValid(item) and item.scene() is self._scene:
                item.setPath(path)
                item.setPos(pos)
            for part, visible in parts:
                if shiboken6.isValid(part) and part.scene() is self._scene:
                    part.setVisible(visible)
        self._reshaping = set()

    def add(self, item: QGraphicsItem) -> QGraphicsItem:
        """`item` drawn on the chart (where it is drawn reported: render/scene_changes.py)."""
        self._scene.addItem(item)
        self.items.append(item)
        report(self._scene, [item])
        return item

    def clear(self, quietly: bool = False) -> None:
        """The items taken away (a rebuilt chart deleted them already); `quietly`: the map
        draws again only where they were (render/scene_changes.py), else the whole map."""
        items = [i for i in self.items if shiboken6.isValid(i) and i.scene() is self._scene]
        if quietly:
            remove_quietly(self._scene, items)
        else:
            for item in items:
                self._scene.removeItem(item)
        self.items = []
        self.follows_view = False


class Mode(QObject):
    """Browsing: takes no event, so the map selects, steps and pans. Other modes override
    what they need (see the module docstring)."""

    name = BROWSE
    overlay_changed = Signal()  # draw(overlay) again

    hover_hints = True
    left_out: Mapping[str, str] = MappingProxyType({})
    keyboard_views: frozenset[str] | None = None
    cursor: Qt.CursorShape | None = None
    overlay_held = False

    @property
    def resumable(self) -> bool:
        """Whether the mode comes back when a mode started from it ends (`resume`)."""
        return False

    def resume(self) -> None:
        """Called by the state when the mode started from this one ended: this mode begins
        again, as its own command would begin it (see `resumable`)."""

    def entered(self) -> None:
        """Called by the state when the mode becomes current."""

    def left(self) -> None:
        """Called by the state when another mode (or browsing) takes over."""

    def press(self, event: MapEvent) -> bool:
        return False

    def move(self, event: MapEvent) -> bool:
        return False

    def release(self, event: MapEvent) -> bool:
        return False

    def click(self, event: MapEvent) -> bool:
        return False

    def double_click(self, event: MapEvent) -> bool:
        return False

    def key(self, key: int, modifiers: Qt.KeyboardModifier) -> bool:
        return False

    def activate(self, event: MapEvent) -> bool:
        return False

    def draw(self, overlay: MapOverlay) -> None:
        """Draw this mode's own items (nothing while browsing)."""

    def may_change_chart(self, change: Callable[[], object], note: str | None = None) -> bool:
        """Another chart is to be shown (`AppState.change_chart`): True lets it be shown now;
        False when the mode asks first, and then calls `change` itself once agreed (and
        never if not). Browsing lets it."""
        return True

    def chart_changing(self, atlas: Atlas, *, replaced: bool) -> None:
        """The chart shown is about to be `atlas` (in the interface's language): another chart
        (`replaced`), or the same one changed (an edit, a reload). A mode that holds things of
        the chart shown (a quiz's questions) puts away what no longer holds."""
