"""What the mouse and keys do on the map in edit mode.

The selected zone shows a handle at each vertex. Drag a handle to move the vertex, drag
inside the zone to move it (with Ctrl held, also from a handle; on a zone small on screen a
handle is taken only near its centre from inside), double-click on its edge to add a vertex
there, Delete removes the selected vertex, the arrow keys nudge the zone. While the mouse
moves only the overlay moves, checked by the builder's own rules as it goes; the edit is made on release.

A mirrored foot (`mirror` in the file) is edited through the foot it mirrors: a vertex
dragged on the right foot moves the left foot's vertex to the mirrored place, so the two
stay mirrored (Edit → Break mirror makes them separate).
"""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial

import numpy
from PySide6.QtCore import QEventLoop, QPointF, QRectF, Qt, QTimer
from PySide6.QtGui import QPolygonF
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
)

from ...atlas.coords import as_read
from ...atlas.geometry import problem_place
from ...i18n import N_, _, bidi_isolate, format_count, format_number, ngettext
from ...vocab import where as view_words
from ..modes import EDIT, MapEvent, Mode
from .drag_shapes import Shapes, scene_arrays, scene_transform
from .overlay import HANDLE_PX, Overlay, out_of_view_words

SMALL_PX = 4 * HANDLE_PX  # a zone narrower than this on screen is mostly covered by its handles

Point = tuple[float, float]
Rings = tuple[tuple[Point, ...], ...]
EDGE_PX = 6.0  # a double-click this close to an edge (screen pixels) adds a vertex on it
NUDGE_MM, BIG_NUDGE_MM = 0.5, 5.0
NUDGE_SETTLE_MS = 600  # arrow presses this close together make one change (one undo step)
BUSY_CORNERS = 20_000  # a drop on a zone this large shows a busy pointer and says what it does
SNAP_PX = 8.0  # a dragged vertex or a drawn corner this close to a corner or line goes onto it


@dataclass
class _Drag:
    kind: str  # "vertex" or "zone"
    view: str  # the view whose points the file holds (a mirror's source)
    shown: str  # the view the mouse is in
    start: Point  # mm in `shown` at the press
    px_per_mm: float
    part: int = 0
    index: int = 0
    moved: bool = False
    rings: Rings = field(default_factory=tuple)  # the edited view's rings at the press
    edge: bool = False  # pressed on the zone's outline (maybe just outside): a click keeps it selected
    small: bool = False  # a corner of a zone small on screen: the status bar says how to move it whole


class ZoneTool(Mode):
    """Edit mode: gets the map's events through reflexmap.ui.modes and asks the session
    (the core's edits) and the state (selection) for changes."""

    name = EDIT

    def __init__(self, state, session, status: Callable[[str], None], pointed: Callable, parent=None):
        super().__init__(parent)
        self.state, self.session = state, session
        self.status, self.pointed = status, pointed
        self.overlay = Overlay()
        self.shapes = Shapes()  # the selected zone's rings as polygons and arrays (drag_shapes.py)
        # asks for a chart's first source (the editor's Chart properties, a source added); True if shown
        self.needs_source: Callable[[], bool] | None = None
        self.vertex: tuple[str, int, int] | None = None  # (edited view, part, index)
        self.drag: _Drag | None = None
        self.live: dict[str, Rings] = {}  # edited view -> rings shown instead of the file's
        self.live_problems: dict[str, list[tuple[int, int | None, str]]] | None = None
        self._snap_corners: tuple = (None, None, ([], numpy.empty(0), numpy.empty(0)))  # see _corners
        # (dx, dy, edited view, corner or None, zone) waiting to be made one change
        self.nudge: tuple = (0.0, 0.0, "", None, "")
        self._crowded_said = 0  # corners without a handle, as last said in the status bar
        # (shown view, part) -> the indices of the corners drawn with a handle (handle_room.py):
        # only these are taken by the mouse, the others are hidden in a crowd of corners
        self.handled: dict[tuple[str, int], list[int]] = {}
        self._nudge_timer = QTimer(self)
        self._nudge_timer.setSingleShot(True)
        self._nudge_timer.setInterval(NUDGE_SETTLE_MS)
        self._nudge_timer.timeout.connect(self.commit_nudge)
        self.active = False
        self.on_left: Callable[[], None] | None = None  # the Edit menu unticks its action
        self.on_resume: Callable[[], None] | None = None  # Edit mode begun again (see `resume`)
        self.drawing: list[Point] | None = None  # the corners of a new zone, while drawing one
        self.after_double = False  # a double-click added a corner: its release is no click
        self.drawing_view = ""

    @property
    def hover_hints(self) -> bool:  # (read by the map at each move; see reflexmap.ui.modes)
        """No zone's tooltip or hover outline while a new zone is drawn or a shape dragged: a
        tip there covers where the next corner goes (tryout S18-5)."""
        return self.drawing is None and self.drag is None

    # --- switching on and off ----------------------------------------------------------
    @property
    def resumable(self) -> bool:
        """Presenting started while editing: Edit mode comes back when it ends."""
        return self.on_resume is not None

    def resume(self) -> None:
        if self.on_resume is not None:
            self.on_resume()

    def entered(self) -> None:
        self.active = True
        self.state.selection_changed.connect(self._selection_changed)
        self.session.changed.connect(self.refresh)
        self.refresh()

    def left(self) -> None:
        self.commit_nudge()
        self.active = False
        self.state.selection_changed.disconnect(self._selection_changed)
        self.session.changed.disconnect(self.refresh)
        self.drag, self.vertex, self.live, self.live_problems = None, None, {}, None
        self.drawing, self.drawing_view = None, ""
        self.overlay.clear()
        if self.on_left is not None:
            self.on_left()

    def _selection_changed(self, _zone_id: str) -> None:
        self.commit_nudge()
        self.vertex = None
        self.refresh()

    def refresh(self, *_args) -> None:
        """Ask the map to draw handles, outline and problems afresh."""
        if self.active and not self.overlay_held:
            self.overlay_changed.emit()

    # --- what is shown -----------------------------------------------------------------
    def shown_views(self) -> list[str]:
        return [v.id for v in self.state.atlas.views_of(self.state.aspect)]

    def source_of(self, view_id: str) -> str | None:
        """The view whose points `view_id` shows mirrored, if the zone is a mirror there."""
        zone = self.state.zone_id
        if zone and self.session.written_shape(zone, view_id) == "mirror":
            return self.state.atlas.view(view_id).mirror_of
        return None

    def rings_in(self, view_id: str) -> Rings | None:
        """The selected zone's rings in a shown view (mm), the dragged ones while dragging."""
        zone = self.state.zone_id
        source = self.source_of(view_id)
        edited = source or view_id
        rings = self.live.get(edited) or self.session.written_shape(zone, edited)
        if not rings or rings == "mirror":
            return None
        if source:
            return tuple(tuple((-x, y) for x, y in ring) for ring in rings)
        return tuple(tuple(ring) for ring in rings)

    def edited_rings(self, view_id: str):
        """The selected zone's rings the file holds for a shown view (a mirror's: its
        source's), the dragged ones while dragging; None where it has none of its own."""
        edited = self.source_of(view_id) or view_id
        rings = self.live.get(edited) or self.session.written_shape(self.state.zone_id, edited)
        return None if not rings or rings == "mirror" else rings

    def scene_rings(self, overlay, view_id: str):
        """[(polygon, xs, ys)] of the selected zone's rings in a shown view, in the scene."""
        rings = self.edited_rings(view_id)
        if rings is None:
            return None
        transform = scene_transform(overlay.to_scene, view_id, self.source_of(view_id) is not None)
        return [
            (transform.map(polygon), *scene_arrays(transform, array))
            for polygon, array in self.shapes.of(rings)
        ]

    def mm_arrays(self, view_id: str):
        """The selected zone's rings in a shown view as (n, 2) arrays of mm (a mirror's seen
        in the mirror), as rings_in gives them as tuples."""
        rings = self.edited_rings(view_id)
        if rings is None:
            return None
        mirrored = self.source_of(view_id) is not None
        return [array * (-1.0, 1.0) if mirrored else array for _polygon, array in self.shapes.of(rings)]

    def draw(self, overlay) -> None:
        """Handles, the outline as written and the problems, in the map's overlay; while a
        shape is dragged or nudged, the zone's own fill on the map follows it (its label,
        placed for the shape as it was, is hidden until the drop)."""
        self.overlay.begin(overlay)
        self.handled = {}
        if not self.active:
            return
        for view_id, rings in self.broken_shapes():
            # (mapped to the scene a ring at once: a point at a time, 0.3 s a drop that left a
            # ring of 100,000 corners broken)
            transform = scene_transform(overlay.to_scene, view_id, False)
            self.overlay.broken([transform.map(QPolygonF([QPointF(x, y) for x, y in r])) for r in rings])
        zone = self.state.zone_id if self.drawing is None else ""  # drawing: only the new corners
        crowded = 0  # corners in view without a handle: too close together (handle_room.py)
        # the views of breaking_shapes (drawn here from the polygons made for the outline)
        breaking = {v for v, found in (self.live_problems or {}).items() if found} if self.live else set()
        for view_id in self.shown_views():
            scene = self.scene_rings(overlay, view_id) if zone else None
            if scene is None:
                continue
            mirrored = self.source_of(view_id) is not None
            edited = self.source_of(view_id) or view_id
            polygons = [polygon for polygon, _xs, _ys in scene]
            shift = self._shift_in(overlay, view_id) if edited in self.live else None
            if shift is not None:  # a whole zone dragged: its fill moved, its shape kept
                overlay.shift_zone(view_id, zone, shift.x(), shift.y())
            elif edited in self.live and hasattr(overlay, "reshape_zone"):
                overlay.reshape_zone(view_id, zone, polygons)
            if view_id in breaking:
                self.overlay.broken(polygons)
            self.overlay.outline(polygons, mirrored=mirrored)
            crowded += self._handles(overlay, scene, view_id, edited, mirrored)
        marks = [
            (view_id, overlay.to_scene(view_id, x, y), message)
            for view_id, x, y, message in self.problem_marks()
        ]
        for view_id, at, message in marks:
            foot = self.state.atlas.view(view_id).foot  # (the left foot is drawn on the left)
            self.overlay.problem(at, message, foot, [m[1] for m in marks])
        if self.overlay.unshown:  # no room on the map free of the chart's text: said here
            message = self.overlay.unshown[0]
            if message in self.overlay.out_of_view:  # (no "!" to look for: its place is not in view)
                self.status(
                    _("Problem {where}: {message}").format(where=out_of_view_words(), message=message)
                )
            else:
                self.status(_("Problem (marked “!” on the map): {message}").format(message=message))
        if self.drawing:
            self.overlay.points([overlay.to_scene(self.drawing_view, x, y) for x, y in self.drawing])
        said, self._crowded_said = self._crowded_said, crowded
        if crowded and not self.overlay.unshown:
            overlay.follows_view = True  # zoomed in or scrolled: the handles there are drawn
        if crowded and not self.overlay.unshown and crowded != said:
            # said when the count changes, not at every drawing: after a drop the status bar
            # keeps what the drop said ("hold Ctrl … to move the whole zone")
            self.status(
                ngettext(
                    "{count} corner has no handle, too close to others at this zoom: zoom in to reach it.",
                    "{count} corners have no handle, too close together at this zoom: zoom in to reach them.",
                    crowded,
                ).format(count=format_count(crowded))
            )

    def _shift_in(self, overlay, view_id: str) -> QPointF | None:
        """How far (scene) the whole zone being dragged is moved in shown view `view_id` (a
        mirror's seen in the mirror), or None when no whole zone is dragged there."""
        drag = self.drag
        if drag is None or drag.kind != "zone" or not hasattr(overlay, "shift_zone"):
            return None
        live = self.live.get(drag.view)
        if not live or not live[0] or not drag.rings or not drag.rings[0]:
            return None
        (x0, y0), (x1, y1) = drag.rings[0][0], live[0][0]
        transform = scene_transform(overlay.to_scene, view_id, self.source_of(view_id) is not None)
        return transform.map(QPointF(x1 - x0, y1 - y0)) - transform.map(QPointF(0.0, 0.0))

    def _handles(self, overlay, scene, view_id: str, edited: str, mirrored: bool) -> int:
        """The handles of a zone's rings (scene) in shown view `view_id` that a person can tell
        apart (handle_room.py), kept in `handled`; how many corners in view got none."""
        from .handle_room import MAX_HANDLES, spaced

        visible = overlay.visible() if hasattr(overlay, "visible") else None
        area, px = visible if visible is not None else (None, 0.0)
        crowded = 0
        for part, (_polygon, xs, ys) in enumerate(scene):
            selected = self.vertex[2] if self.vertex is not None and self.vertex[:2] == (edited, part) else -1
            chosen, left_out = spaced(xs, ys, px, area, selected, MAX_HANDLES - len(self.overlay.handles))
            crowded += left_out
            self.handled[(view_id, part)] = chosen
            if (
                area is not None
                and len(xs)
                and not area.contains(QRectF(QPointF(xs.min(), ys.min()), QPointF(xs.max(), ys.max())))
            ):
                # corners out of view have no handle now: drawn again when the view moves, so
                # that one scrolled or zoomed into view has its handle (and is taken)
                overlay.follows_view = True
            for index in chosen:
                at = QPointF(float(xs[index]), float(ys[index]))
                self.overlay.handle(at, selected=index == selected, mirrored=mirrored)
        return crowded

    def broken_shapes(self) -> list[tuple[str, Rings]]:
        """(shown view, rings mm) of each shape the file holds that the chart leaves out
        because of an error (it would vanish from the map until fixed)."""
        draft = self.session.draft
        if draft is None or not draft.problems:
            return []
        atlas = draft.atlas if draft.atlas is not None else self.state.atlas  # (the map's puts them back)
        broken = []
        for view_id in self.shown_views():
            source = atlas.view(view_id).mirror_of
            for zone_id, shapes in draft.shapes.items():
                drawn = atlas.has_zone(zone_id) and atlas.zone(zone_id).in_view(view_id)
                if view_id not in shapes or drawn:
                    continue
                rings, mirrored = shapes[view_id], False
                if rings == "mirror":
                    rings, mirrored = shapes.get(source) if source else None, True
                if not rings or rings == "mirror":
                    continue
                if zone_id == self.state.zone_id and (source if mirrored else view_id) in self.live:
                    continue  # being dragged: shown where the mouse holds it (breaking_shapes)
                points = tuple(tuple(((-x if mirrored else x), y) for x, y in ring) for ring in rings)
                broken.append((view_id, points))
        return broken

    def breaking_shapes(self) -> list[tuple[str, Rings]]:
        """(shown view, rings mm) of the shape being dragged or nudged where the live check
        finds a problem: hatched as the chart will leave it out once dropped (broken_shapes),
        while the mouse still holds it."""
        if not self.live or not self.live_problems:
            return []
        return [
            (view_id, rings)
            for view_id in self.shown_views()
            if self.live_problems.get(view_id) and (rings := self.rings_in(view_id)) is not None
        ]

    def problem_marks(self) -> list[tuple[str, float, float, str]]:
        """(shown view, x, y mm, message) of each problem to mark on the map: the live
        check of the zone being dragged, and the last full check of the others."""
        marks: list[tuple[str, float, float, str]] = []
        shown = self.shown_views()
        zone = self.state.zone_id
        live_problems, live_views = (
            self.live_problems,
            set(self.live) if self.live_problems is not None else set(),
        )
        if live_problems is None and zone and self.drawing is None:
            # the selected zone's shape, dropped: the same rules, said in the same words as while dragging
            live_views = {self.source_of(v) or v for v in shown if self.edited_rings(v) is not None}
            live_problems = self._shape_check(zone, live_views)
        if live_problems is not None:
            for view_id, problems in live_problems.items():
                rings = self.rings_in(view_id)
                for part, vertex, message in problems:
                    if rings:
                        ring = rings[min(part, len(rings) - 1)]
                        x, y = problem_place(ring) or ring[min(vertex or 0, len(ring) - 1)]
                        marks.append((view_id, x, y, message))
        from .problems import said  # (the views named in words, as in the list)

        draft = self.session.draft
        for problem in draft.problems if draft is not None else ():
            if problem.zone is None:
                continue
            if problem.zone == zone and problem.view in live_views:
                continue  # the live check of this shape stands for it
            views = [problem.view] if problem.view in shown else []
            if problem.view is None:
                views = [v for v in shown if self.session.written_shape(problem.zone, v)]
            for view_id in views[:1]:
                point = self._problem_point(problem.zone, view_id, problem.part, problem.vertex)
                if point is not None:
                    marks.append((view_id, *point, said(problem, self.state.atlas.views, self.state.atlas)))
        return marks

    def problems_now(self) -> tuple[list, list[str]]:
        """The chart's problems as the map marks them now, for the status bar's note: (the
        last full check's problems, the live check's messages). While a shape is dragged (the
        full check comes with the drop) its live check stands for its own, a problem in a
        view and its mirror once, as the full check counts it."""
        draft = self.session.draft
        problems = list(draft.problems) if draft is not None else []
        if self.live_problems is None or not self.live:
            return problems, []
        zone, live_views = self.state.zone_id, set(self.live)
        kept = [p for p in problems if not (p.zone == zone and p.view in live_views)]
        found: dict[tuple, str] = {}
        for view_id, listed in self.live_problems.items():
            for part, vertex, message in listed:
                found.setdefault((self.source_of(view_id) or view_id, part, vertex), message)
        return kept, list(found.values())

    def _problem_point(self, zone: str, view_id: str, part: int | None, vertex: int | None) -> Point | None:
        shape = self.session.written_shape(zone, view_id)
        mirror = shape == "mirror"
        if mirror:
            source = self.state.atlas.view(view_id).mirror_of
            shape = self.session.written_shape(zone, source) if source else None
        if not shape or shape == "mirror":
            return None
        ring = shape[min(part or 0, len(shape) - 1)]
        if not ring:
            return None
        # a problem with the ring's points: where a crossing ring crosses, else at the vertex
        place = problem_place(ring) if vertex is not None else None
        x, y = place or ring[min(vertex or 0, len(ring) - 1)]
        return (-x, y) if mirror else (x, y)

    # --- hit-testing (in screen pixels, so a handle is as easy to take at any zoom) -----
    def vertex_at(self, event: MapEvent) -> tuple[str, int, int] | None:
        """(shown view, part, index) of the selected zone's vertex under the pointer, of those
        drawn with a handle: a corner hidden in a crowd of corners (handle_room.py) is never
        taken, the press then is on the zone or its edge, as the picture shows. Inside a zone
        small on screen (its handles would cover it) a vertex is taken only near its handle's
        centre, so that a drag between them moves the whole zone."""
        best, found = HANDLE_PX * 0.9, None
        small = self.small_on_screen(event)
        if small is not None and self.inside_selected(event):
            best = max(1.5, best * small / SMALL_PX)
        for part, ring in enumerate(self.mm_arrays(event.view_id) or ()):
            # only the corners drawn with a handle: a press between two handles of a dense
            # zone takes the zone or its edge, not a corner nobody sees
            for index in self.handled.get((event.view_id, part), ()):
                if index >= len(ring):  # (drawn before the ring lost corners: drawn again soon)
                    continue
                x, y = ring[index]
                d = math.hypot(x - event.x_mm, y - event.y_mm) * event.px_per_mm
                if d <= best:
                    best, found = d, (event.view_id, part, int(index))
        return found

    def edge_at(self, event: MapEvent) -> tuple[str, int, int, Point] | None:
        """(shown view, part, index to insert at, point mm) of the edge under the pointer."""
        best, found = EDGE_PX, None
        for part, ring in enumerate(self.rings_in(event.view_id) or ()):
            for index in range(len(ring)):
                a, b = ring[index], ring[(index + 1) % len(ring)]
                d, t = _segment_distance(a, b, (event.x_mm, event.y_mm))
                if d * event.px_per_mm <= best:
                    point = (a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t)
                    best, found = d * event.px_per_mm, (event.view_id, part, index + 1, point)
        return found

    def _past_the_frames(self, event: MapEvent) -> MapEvent:
        """A press past every view (no view under it) on a handle of the selected zone, or
        inside it: a zone with a problem may reach far out of its foot, and must be brought
        back by its handles. The event is given in the view that draws that part."""
        if event.view_id or not self.state.zone_id or self.overlay.target is None:
            return event
        for view_id in self.shown_views():
            x, y = self.overlay.target.view_mm(view_id, event.scene)
            moved = event._replace(view_id=view_id, x_mm=x, y_mm=y)
            if self.vertex_at(moved) is not None or self.inside_selected(moved):
                return moved
        return event

    def _edge_zone_at(self, event: MapEvent) -> str | None:
        """The zone, other than the selected one, with an edge under the pointer (the
        nearest edge within EDGE_PX screen pixels), or None."""
        reach = EDGE_PX / event.px_per_mm
        p = (event.x_mm, event.y_mm)
        best, found = reach, None
        for zone in self.state.atlas.zones_in(event.view_id):
            if zone.id == self.state.zone_id or zone.id not in (
                self.session.draft.shapes if self.session.draft else ()
            ):
                continue
            for ring in zone.shapes[event.view_id]:
                xs, ys = [x for x, _y in ring], [y for _x, y in ring]
                if not (
                    min(xs) - reach <= p[0] <= max(xs) + reach and min(ys) - reach <= p[1] <= max(ys) + reach
                ):
                    continue
                for index in range(len(ring)):
                    d, _t = _segment_distance(ring[index], ring[(index + 1) % len(ring)], p)
                    if d <= best:
                        best, found = d, zone.id
        return found

    def small_on_screen(self, event: MapEvent) -> float | None:
        """The selected zone's narrower extent on screen (px) in the event's view, when it
        is below SMALL_PX: there its handles cover most of it."""
        rings = self.mm_arrays(event.view_id) if event.view_id and self.state.zone_id else None
        if not rings:
            return None
        points = numpy.concatenate(rings)
        if not len(points):
            return None
        low, high = points.min(axis=0), points.max(axis=0)
        extent = float(min(high[0] - low[0], high[1] - low[1])) * event.px_per_mm
        return extent if extent < SMALL_PX else None

    def inside_selected(self, event: MapEvent) -> bool:
        rings = self.mm_arrays(event.view_id) if event.view_id and self.state.zone_id else None
        return bool(rings) and any(_contains(ring, (event.x_mm, event.y_mm)) for ring in rings)

    # --- mouse -------------------------------------------------------------------------
    def press(self, event: MapEvent) -> bool:
        self.after_double = False
        if self.drawing is not None:
            return False  # each click is a corner (see click); a drag pans
        event = self._past_the_frames(event)
        if event.button != Qt.MouseButton.LeftButton or not self.state.zone_id or not event.view_id:
            return False
        self.commit_nudge()
        whole = bool(event.modifiers & Qt.KeyboardModifier.ControlModifier)  # Ctrl: the zone, not a corner
        hit = self.vertex_at(event)
        start = (event.x_mm, event.y_mm)
        if whole and (hit is not None or self.inside_selected(event)):
            shown = event.view_id
            drag = _Drag("zone", self.source_of(shown) or shown, shown, start, event.px_per_mm)
        elif hit is not None:
            shown, part, index = hit
            edited = self.source_of(shown) or shown
            self.vertex = (edited, part, index)
            drag = _Drag("vertex", edited, shown, start, event.px_per_mm, part, index)
        elif self.inside_selected(event):
            shown = event.view_id
            drag = _Drag("zone", self.source_of(shown) or shown, shown, start, event.px_per_mm)
        elif not event.hits and self.edge_at(event) is not None:  # its outline, seen from outside
            # (as a double-click there reaches it; on a neighbouring zone a click picks that one)
            shown = event.view_id
            drag = _Drag("zone", self.source_of(shown) or shown, shown, start, event.px_per_mm, edge=True)
        else:
            return False
        rings = self.session.written_shape(self.state.zone_id, drag.view)
        if not rings or rings == "mirror":
            return False
        tuples = type(rings) is tuple and all(type(r) is tuple for r in rings)
        drag.rings = rings if tuples else tuple(tuple(r) for r in rings)  # (the same: drawn as made)
        self.drag = drag
        drag.small = drag.kind == "vertex" and self.small_on_screen(event) is not None
        if drag.small:
            self._say_small()
        self.refresh()
        return True

    def move(self, event: MapEvent) -> bool:
        drag = self.drag
        if drag is None:
            return False
        x, y = self.overlay.target.view_mm(drag.shown, event.scene)
        dragged = math.hypot(x - drag.start[0], y - drag.start[1]) * drag.px_per_mm
        if not drag.moved and dragged < QApplication.startDragDistance():
            return True
        drag.moved = True
        sign = -1.0 if drag.shown != drag.view else 1.0  # a mirror moves its source mirrored
        rings = [list(r) for r in drag.rings]
        if drag.kind == "vertex":
            x, y = self.snapped(drag.shown, (x, y), drag.px_per_mm, event.modifiers)
            rings[drag.part][drag.index] = (sign * x, y)
            self._say_point(drag.shown, x, y)
            live = tuple(tuple(r) for r in rings)
            self.shapes.moved_point(drag.rings, live, drag.part, drag.index)
        else:
            dx, dy = sign * (x - drag.start[0]), y - drag.start[1]
            rings = [[(px + dx, py + dy) for px, py in r] for r in rings]
            said = as_read(self.state.atlas.view(drag.view), dx, dy)  # as the author reads the feet
            self.status(_("Moving the zone by {dx} mm, {dy} mm").format(dx=_n(said[0]), dy=_n(said[1])))
            live = tuple(tuple(r) for r in rings)
            self.shapes.moved_by(drag.rings, live, dx, dy)
        self.live = {drag.view: live}
        self._check_live()
        self.refresh()
        self.pointed(drag.shown, x, y)
        return True

    def release(self, event: MapEvent) -> bool:
        drag = self.drag
        if drag is None:
            return False
        self.drag = None
        if not drag.moved:
            self.live, self.live_problems = {}, None
            if drag.kind == "zone" and not drag.edge and event.view_id:  # a click: pick the zone under it
                self.state.pick(event.view_id, event.hits)
            self.refresh()
            return True
        # the shape where it was dropped is painted before the edit's work starts
        QApplication.processEvents(QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents)
        from ...atlas import edits

        zone = self.state.zone_id
        if drag.kind == "vertex":  # where the button came up, snapped as the keys say then
            x, y = self.overlay.target.view_mm(drag.shown, event.scene)
            x, y = self.snapped(drag.shown, (x, y), drag.px_per_mm, event.modifiers)
            point = (-x, y) if drag.shown != drag.view else (x, y)
            edit = edits.MoveVertex(zone, drag.view, drag.part, drag.index, _rounded(point))
            text = N_("Move vertex")
        else:
            before, after = drag.rings[0][0], self.live[drag.view][0][0]
            dx, dy = round(after[0] - before[0], 3), round(after[1] - before[1], 3)
            edit = edits.MoveZone(zone, dx, dy, views=(drag.view,))
            text = N_("Move zone")
        self.live, self.live_problems = {}, None
        # the edit redraws the map, selects the zone again, tells the session's listeners: the
        # handles and marks are drawn once, after (they were drawn four times a drop)
        self.overlay_held = True
        busy = self._say_busy(drag.rings)
        try:
            made = self.session.apply(edit, partial(_, text))  # (worded again after a language switch)
            if made and drag.kind == "vertex":  # the dropped corner stays selected (Delete, arrows)
                self.vertex = (drag.view, drag.part, drag.index)
                # (said at the press too, but the corner's place replaced it at once); a zone
                # the corner made large is not said to be small (tryout: after a corner of the
                # bladder was dragged out, the bar still said how to move a small zone)
                if drag.small and event.view_id and self.small_on_screen(event) is not None:
                    self._say_small()
        finally:
            self.overlay_held = False
            if busy:
                QApplication.restoreOverrideCursor()
        self.refresh()
        return True

    def _say_busy(self, rings: Rings) -> bool:
        """A drop on a zone of BUSY_CORNERS corners or more takes a second or more to write,
        check and draw: the pointer shows it is busy (until the caller restores it) and the
        status bar says why, painted before the work starts. True if so."""
        corners = sum(len(ring) for ring in rings)
        if corners < BUSY_CORNERS:
            return False
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        self.status(
            ngettext(
                "Writing the change to a zone of {count} corner…",
                "Writing the change to a zone of {count} corners…",
                corners,
            ).format(count=format_count(corners))
        )
        QApplication.processEvents(QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents)
        return True

    def click(self, event: MapEvent) -> bool:
        """While drawing a new zone, a click adds a corner where it lands (snapped)."""
        if self.after_double:  # the release of a double-click that added a corner
            self.after_double = False
            return True
        if self.drawing is None or event.button != Qt.MouseButton.LeftButton:
            return False
        event = self._beside_the_feet(event)
        if not event.view_id:  # (no view shown to draw in)
            self.status(_("Click the corners of the new zone on a foot."))
            return True
        if self.drawing_view and event.view_id != self.drawing_view:
            self.status(_("A zone is drawn in one view at a time: click on the same foot."))
            return True
        self.drawing_view = event.view_id
        point = self.snapped(event.view_id, (event.x_mm, event.y_mm), event.px_per_mm, event.modifiers)
        if not self.drawing or point != self.drawing[-1]:
            self.drawing.append(point)
        self._say_point(event.view_id, *point, outside=not self._on_the_foot(event.view_id, point))
        self.refresh()
        return True

    def _beside_the_feet(self, event: MapEvent) -> MapEvent:
        """A corner clicked past every view (beside a foot, above the title) is taken as a
        dragged vertex is, in the view the zone is drawn in (the first corner: the view whose
        foot is nearest); the check then marks it outside the outline."""
        if event.view_id or self.overlay.target is None:
            return event
        from shapely.geometry import Point as ShapelyPoint
        from shapely.geometry import Polygon

        best, found = math.inf, event
        for view_id in [self.drawing_view] if self.drawing_view else self.shown_views():
            x, y = self.overlay.target.view_mm(view_id, event.scene)
            far = Polygon(self.state.atlas.view(view_id).outline).distance(ShapelyPoint(x, y))
            if far < best:
                best, found = far, event._replace(view_id=view_id, x_mm=x, y_mm=y)
        return found

    def _on_the_foot(self, view_id: str, point: Point) -> bool:
        """Whether a drawn corner is on the foot's outline or inside it."""
        from shapely.geometry import Point as ShapelyPoint
        from shapely.geometry import Polygon

        return Polygon(self.state.atlas.view(view_id).outline).distance(ShapelyPoint(*point)) <= 1e-6

    def double_click(self, event: MapEvent) -> bool:
        """On an edge: a corner added there, to the selected zone's edge or else to the
        zone whose edge it is (selected first, whichever zone was selected before)."""
        if self.drawing is not None:
            self.finish_drawing()
            return True
        if event.button != Qt.MouseButton.LeftButton or not event.view_id:
            return False
        hit = self.edge_at(event) if self.state.zone_id else None
        if hit is None and (other := self._edge_zone_at(event)) is not None:
            self.state.select(other, event.view_id)
            hit = self.edge_at(event)
        if hit is None:
            return False
        self.drag = None  # (the press before it was the double-click's, not a drag)
        self.after_double = True  # its release picks nothing (see click)
        shown, part, index, (x, y) = hit
        source = self.source_of(shown)
        if source is not None:
            x = -x
        from ...atlas import edits

        view = source or shown
        insert = edits.InsertVertex(self.state.zone_id, view, part, index, _rounded((x, y)))
        if self.session.apply(insert, lambda: _("Insert vertex")):
            self.vertex = (view, part, index)
            self.refresh()
        return True

    # --- keys --------------------------------------------------------------------------
    def key(self, key: int, modifiers: Qt.KeyboardModifier) -> bool:
        closing = key in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        if self.drawing is not None and (key == Qt.Key.Key_Escape or (closing and not _typed_in())):
            # a zone being drawn is closed or dropped wherever the keys come from (a list beside
            # the map, focused when drawing began, passes them on: tryout S22-8); but Return
            # typed in a text field ends that field's text (a zone's name), not the drawing
            if key == Qt.Key.Key_Escape:
                self.cancel_drawing()
            else:
                self.finish_drawing()
            return True
        if isinstance(QApplication.focusWidget(), _TYPING):
            return False  # a key a text field left (Up in the zone's name) is not for the map
        if self.drawing is not None:
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.finish_drawing()
            elif key == Qt.Key.Key_Escape:
                self.cancel_drawing()
            elif key == Qt.Key.Key_Backspace and self.drawing:
                self.drawing.pop()
                self.refresh()
            else:
                return False
            return True
        if not self.state.zone_id:
            return False
        if key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) and self.vertex is not None:
            self.delete_vertex()
            return True
        steps = {
            Qt.Key.Key_Left: (-1, 0),
            Qt.Key.Key_Right: (1, 0),
            Qt.Key.Key_Up: (0, 1),
            Qt.Key.Key_Down: (0, -1),
        }
        if key in steps:
            size = BIG_NUDGE_MM if modifiers & Qt.KeyboardModifier.ShiftModifier else NUDGE_MM
            self.nudge_by(steps[key][0] * size, steps[key][1] * size)
            return True
        if key == Qt.Key.Key_Escape and self.vertex is not None:
            self.vertex = None
            self.refresh()
            return True
        return False

    def delete_vertex(self) -> None:
        if self.vertex is None:
            return
        view, part, index = self.vertex
        rings = self.session.written_shape(self.state.zone_id, view)
        if rings and rings != "mirror" and len(rings[part]) <= 3:
            self.status(_("A zone needs at least three corners: delete the zone instead."))
            return
        from ...atlas import edits

        delete = edits.DeleteVertex(self.state.zone_id, view, part, index)
        if self.session.apply(delete, lambda: _("Delete vertex")):
            self.vertex = None
            self.refresh()

    def nudge_by(self, dx: float, dy: float) -> None:
        """Move the selected corner, or else the zone now on screen; the change is made once
        the keys rest."""
        shown = self.state.view_id or next(iter(self.shown_views()), "")
        view = self.vertex[0] if self.vertex is not None else self.source_of(shown) or shown
        if self.source_of(shown) == view:  # on the mirrored foot: the source moves mirrored
            dx = -dx
        rings = self.session.written_shape(self.state.zone_id, view)
        if not rings or rings == "mirror":
            return
        corner, zone = self.vertex, self.state.zone_id
        old_dx, old_dy, old_view, old_corner, old_zone = self.nudge
        if old_view and (old_view, old_corner, old_zone) != (view, corner, zone):
            self.commit_nudge()
            old_dx, old_dy = 0.0, 0.0
        total = (old_dx + dx, old_dy + dy)
        self.nudge = (*total, view, corner, zone)
        moved = [list(r) for r in rings]
        if corner is not None:
            _view, part, index = corner
            x, y = moved[part][index]
            moved[part][index] = (x + total[0], y + total[1])
        else:
            moved = [[(x + total[0], y + total[1]) for x, y in r] for r in moved]
        self.live = {view: tuple(tuple(r) for r in moved)}
        self._check_live()
        said = as_read(self.state.atlas.view(view), *total)  # as the author reads the feet
        self.status(_("Nudged by {dx} mm, {dy} mm").format(dx=_n(said[0]), dy=_n(said[1])))
        self.refresh()
        self._nudge_timer.start()

    def commit_nudge(self) -> None:
        dx, dy, view, corner, zone = self.nudge
        self._nudge_timer.stop()
        if not view:
            return
        self.nudge = (0.0, 0.0, "", None, "")
        live = self.live.get(view)
        self.live, self.live_problems = {}, None
        if dx or dy:
            from ...atlas import edits

            if corner is not None and live is not None:
                _view, part, index = corner
                point = _rounded(live[part][index])
                move_vertex = edits.MoveVertex(zone, view, part, index, point)
                made = self.session.apply(move_vertex, lambda: _("Nudge vertex"))
                if made and zone == self.state.zone_id:
                    self.vertex = corner
            else:
                move = edits.MoveZone(zone, round(dx, 3), round(dy, 3), views=(view,))
                self.session.apply(move, lambda: _("Nudge zone"))
        self.refresh()

    # --- drawing a new zone ----------------------------------------------------------------
    def start_drawing(self) -> None:
        self.commit_nudge()
        self.drawing, self.drawing_view, self.vertex = [], "", None
        self.status(
            _(
                "Click the corners of the new zone; double-click or Enter closes it, Backspace "
                "takes back a corner, Escape cancels."
            )
        )
        self.refresh()

    def cancel_drawing(self) -> None:
        self.drawing, self.drawing_view = None, ""
        self.status(_("No zone drawn."))
        self.refresh()

    def finish_drawing(self, sources: tuple[str, ...] = ()) -> None:
        """Close the zone being drawn. It names `sources`: none unless the person chose them
        (the source just added for it to a chart that had none): a zone drawn names no source
        nobody chose (before, the chart's first source, as if it came from there); the form
        beside the map and `reflexmap check` say it needs one until its sources are ticked."""
        points, view = self.drawing or [], self.drawing_view
        if len(set(points)) < 3:
            self.status(_("A zone needs at least three corners: click more, or Escape to cancel."))
            return
        from ...atlas import edits

        draft = self.session.draft
        atlas = draft.atlas if draft is not None else None
        if atlas is None:
            self.status(_("This chart's views or sources are broken: fix them in the file first."))
            return
        if not atlas.sources:  # a new chart: its first source is asked for now; OK draws the zone
            if self.needs_source is not None and self.needs_source():
                self.status(_("Name the source this zone comes from; OK draws the zone."))
            else:
                self.status(
                    _("A zone names its sources: add one in Edit → Chart properties…, then press Enter.")
                )
            return
        taken = {z.id for z in atlas.zones} | set(draft.shapes)
        number = next(n for n in range(1, 10_000) if f"new-zone-{n}" not in taken)
        zone_id = f"new-zone-{number}"
        region = atlas.zone(self.state.zone_id).region if atlas.has_zone(self.state.zone_id) else "abdomen"
        own, translated = new_zone_texts(atlas, number)  # the form beside the map edits them
        corners = [_rounded(p) for p in points]
        edit = edits.add_zone(zone_id, view, corners, **own, region=region, sources=sources)
        if translated:  # (its translation beside its own texts, as charts write them)
            raw = {k: v for k, v in edit.raw.items() if k not in ("sources", "confidence", "shapes")}
            raw["translations"] = translated
            edit = dataclasses.replace(edit, raw={**raw, **edit.raw})
        self.drawing, self.drawing_view = None, ""
        if self.session.apply(edit, lambda: _("Draw zone")):
            self.state.select(zone_id, view)
            if not sources:
                self.status(_("Zone drawn. It names no source yet: tick its sources in Zone texts."))
        self.refresh()

    # --- snapping --------------------------------------------------------------------------
    def snapped(
        self,
        view_id: str,
        point: Point,
        px_per_mm: float,
        modifiers: Qt.KeyboardModifier,
    ) -> Point:
        """`point` moved onto the nearest corner of the outline, a guide line or another
        zone within SNAP_PX on screen, else onto the outline's or a guide's line; Shift or
        Alt held: where it is."""
        if modifiers & (Qt.KeyboardModifier.ShiftModifier | Qt.KeyboardModifier.AltModifier):
            return point
        reach = SNAP_PX / max(px_per_mm, 1e-6)
        view = self.state.atlas.view(view_id)
        corners, xs, ys = self._corners(view_id)
        x, y = point
        if corners:
            far = numpy.hypot(xs - x, ys - y)
            # the nearest as min() over the list finds it: the first, by math.hypot (C's hypot,
            # numpy's, may differ from it in the last digit: the few as near are compared again)
            near = numpy.flatnonzero(far <= far.min() * (1 + 1e-9))
            best = min((corners[k] for k in near), key=lambda c: math.hypot(c[0] - x, c[1] - y))
            if math.hypot(best[0] - x, best[1] - y) <= reach:
                return best
        lines = [(*view.outline, view.outline[0])] + [guide.points for guide in view.guides]
        nearest, distance = point, reach
        for line in lines:
            for a, b in zip(line, line[1:], strict=False):
                d, t = _segment_distance(a, b, point)
                if d <= distance:
                    nearest, distance = (a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t), d
        return nearest

    def _corners(self, view_id: str) -> tuple[list[Point], numpy.ndarray, numpy.ndarray]:
        """The corners a point snaps to in `view_id` (the outline's, the guides', the other
        zones'), and their x and y: gathered once per chart, view and selected zone (every
        mouse move of a drag asks; 100,000 corners on a chart of 10,000 zones)."""
        atlas, zone_id = self.state.atlas, self.state.zone_id
        key = (view_id, zone_id)
        if self._snap_corners[0] is not atlas or self._snap_corners[1] != key:
            view = atlas.view(view_id)
            corners: list[Point] = list(view.outline)
            for guide in view.guides:
                corners.extend(guide.points)
            for zone in atlas.zones_in(view_id):
                if zone.id == zone_id:
                    continue
                for ring in zone.shapes[view_id]:
                    corners.extend(ring)
            array = numpy.array(corners, dtype=float).reshape(-1, 2)
            self._snap_corners = (atlas, key, (corners, array[:, 0].copy(), array[:, 1].copy()))
        return self._snap_corners[2]

    # --- live check ----------------------------------------------------------------------
    def _check_live(self) -> None:
        """The builder's own rules on the dragged shape, in its view and in its mirror."""
        self.live_problems = self._shape_check(self.state.zone_id, self.live)

    def _shape_check(self, zone: str, edited_views) -> dict[str, list[tuple[int, int | None, str]]]:
        """{shown view: (part, vertex, message)} of `zone`'s shape where the file's points are
        those of `edited_views` (a mirror's: its source's), by the builder's own rules, each
        view named in words ("left foot, plantar view") as the interface names it."""
        from shapely.geometry import Polygon

        from ...atlas.builder import shape_problems
        from .problems import zone_words

        problems: dict[str, list[tuple[int, int | None, str]]] = {}
        atlas = self.state.atlas
        written = self.session.written_id(zone)  # (a repeated id's zone is shown as "heel#2")
        for view_id in self.shown_views():
            edited = self.source_of(view_id) or view_id
            if edited not in edited_views or self.edited_rings(view_id) is None:
                continue
            rings = self.mm_arrays(view_id)  # (the points as arrays: checked all at once)
            view = atlas.view(view_id)  # named in the interface's words, as the status bar does
            found = shape_problems(
                written,
                view_id,
                rings,
                Polygon(view.outline),
                view_words(view.foot, view.aspect),
                zone_words(atlas, zone),  # (by its name, as the map and the list show it)
                view=view,
                as_read=True,  # (a mirrored view's places read as the status bar says them)
            )
            if found:
                problems[view_id] = found
        return problems

    def _say_small(self) -> None:
        self.status(
            _(
                "This zone is small on screen: drag inside it between its corners, or hold Ctrl "
                "and drag, to move the whole zone."
            )
        )

    def _say_point(self, view_id: str, x: float, y: float, outside: bool = False) -> None:
        view = self.state.atlas.view(view_id)
        where = view_words(view.foot, view.aspect)  # "right foot, medial view", as problems say it
        x, y = as_read(view, x, y)  # the same place reads the same on either foot
        said = _("Vertex at x {x} mm, y {y} mm ({view})").format(x=_n(x), y=_n(y), view=bidi_isolate(where))
        if outside:  # a corner drawn beside the foot: taken, and said, as the check will say it
            said = _("{said}: outside the foot's outline (Backspace takes it back)").format(said=said)
        self.status(said)


_TYPING = (QLineEdit, QTextEdit, QPlainTextEdit, QAbstractItemView, QComboBox, QAbstractSpinBox)
_TEXT_ENTRY = (QLineEdit, QTextEdit, QPlainTextEdit, QAbstractSpinBox)  # Return is theirs


def _typed_in() -> bool:
    """The focus is in a field text is typed in (a line, a box, a number, an editable choice),
    where Return ends or confirms what was typed; a list or a button passes Return on."""
    focus = QApplication.focusWidget()
    return isinstance(focus, _TEXT_ENTRY) or (isinstance(focus, QComboBox) and focus.isEditable())


def _n(value: float) -> str:
    return format_number(value, 1)


NEW_ZONE_TEXTS = {
    "name": N_("New zone {number}"),
    "claim": N_("an area not described yet"),
    "technique": N_("Not described yet."),
}


def new_zone_texts(atlas, number: int) -> tuple[dict[str, str], dict[str, dict[str, str]]]:
    """A drawn zone's first texts: (its own, its translations). Its own are English, the
    language of every chart file's base texts (the form says "Base texts, in English"), and
    the interface's, when not English, go beside them as its translation: a zone drawn in the
    German app read "Neue Zone 1" in the base texts, so the English app and an English
    handout showed German and the German fields stood empty (S22-19)."""
    from ...i18n import DEFAULT, gettext_in, language

    interface = language()

    def said(code: str) -> dict[str, str]:
        return {key: gettext_in(code, text).format(number=number) for key, text in NEW_ZONE_TEXTS.items()}

    return said(DEFAULT), ({interface: said(interface)} if interface != DEFAULT else {})


def _rounded(point: Point) -> Point:
    return round(point[0], 2), round(point[1], 2)


def _segment_distance(a: Point, b: Point, p: Point) -> tuple[float, float]:
    """Distance (mm) from p to the segment ab, and where along it (0..1) the nearest point is."""
    (ax, ay), (bx, by), (px, py) = a, b, p
    length = (bx - ax) ** 2 + (by - ay) ** 2
    if length == 0:  # a zero-length edge has no direction: its one point is the nearest
        return math.hypot(px - ax, py - ay), 0.0
    t = max(0.0, min(1.0, ((px - ax) * (bx - ax) + (py - ay) * (by - ay)) / length))
    return math.hypot(px - (ax + t * (bx - ax)), py - (ay + t * (by - ay))), t


def _contains(ring: numpy.ndarray, point: Point) -> bool:
    """Whether `point` is inside `ring` ((n, 2) array; even-odd rule; works for a ring that
    crosses itself): every edge at once."""
    x, y = point
    if not len(ring):
        return False
    x1, y1 = ring[:, 0], ring[:, 1]
    x2, y2 = numpy.roll(x1, -1), numpy.roll(y1, -1)
    crossing = (y1 > y) != (y2 > y)
    with numpy.errstate(divide="ignore", invalid="ignore"):
        at = x1 + (y - y1) * (x2 - x1) / (y2 - y1)
    return bool(numpy.count_nonzero(crossing & (x < at)) % 2)
