"""A chart as a QGraphicsScene in millimetres: the feet of one aspect side by side, zones,
guide lines, labels in columns with leader lines, captions and a colour key.

Used by the map view on screen and by the exporter, so what is printed is what is seen.
Scene x is millimetres to the right; scene y is millimetres *down*, so a view's y (heel
to toes, up) is negated and each view is shifted right by its own offset.
"""

from __future__ import annotations

import math
import zlib
from dataclasses import replace
from typing import NamedTuple, Protocol

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QPainterPath, QPen, QPolygonF, QTransform
from PySide6.QtWidgets import (
    QGraphicsEllipseItem,
    QGraphicsItem,
    QGraphicsPathItem,
    QGraphicsRectItem,
    QGraphicsScene,
    QGraphicsSimpleTextItem,
)

from ..atlas import Atlas, View
from ..atlas.coords import MAX_LABELLED_ZONES
from ..atlas.recheck_zones import crowded_anchors
from ..content.markup import isolate, plain_tooltip
from ..i18n import _, bidi_isolate, format_percent
from ..layout.columns import COLUMN_PITCH_EMS, MIN_COLUMN_EMS, column_room, feet_width, label_within_feet
from ..layout.edge_patch import refiled
from ..layout.frames import Frame, bounds, is_wide, locate
from ..layout.guide_reads import same_reads, watch
from ..layout.labels import (
    DeferredSegmentIndex,
    SegmentIndex,
    best_spot,
    better_side,
    column_places,
    free_x,
    guide_name_spot,
    segments_of,
    spread_sized,
    upright_name_spots,
    zone_segments,
)
from ..layout.marks import Box, place_notes
from ..layout.order import keyboard_order
from ..layout.text_sizes import GUIDE_SHARE, LABEL_MM, ChartType, chart_type
from ..vocab import REGION_COLOURS, aspect_name, aspect_title, foot_name
from . import palette
from .chart_key import DrawnKey, draw_key, mastery_swatches, region_swatches
from .chart_text import (
    elided,
    ink_beyond_usual,
    line_mm,
    name_lines,
    text_item,
    text_width,
    two_line_width,
    wrap_words,
)
from .guide_item import GuideItem
from .zone_item import StrokedPathItem, ZoneItem, guide_pen, outline_pen

# A zone's name beside the foot: longer names end in "…" (the card shows all). The bound grows
# with the type (presenter mode's larger labels must not cut "Inner ear and equilibrium").
MAX_LABEL_MM = 70.0
GUIDE_CLEARANCE_MM = 0.4  # a guide line's name keeps this far from leaders, labels and lines
GUIDE_NAMES_APART_MM = 1.6  # and this far (beside) from another guide's name …
GUIDE_NAMES_APART_LINES = 0.6  # … or this many of its lines (above or below it)
# A guide's name where the foot is crowded: at its size, else down to 85 % and 70 % of it
GUIDE_SIZES = (1.0, 0.85, 0.7, 0.6)
COMMON_GUIDE_STEP = 1  # a view's names are set at one size down to GUIDE_SIZES[this] (see _guide_name_places)
MAX_LABEL_EMS = 16.0  # in label heights: about 30 characters at any size
GUIDE_LABEL_MM = GUIDE_SHARE * LABEL_MM  # a guide line's name at the usual text size
PRESENTER_DIMMED = 0.18  # opacity of the zones a presenter's spotlight leaves out
OUTER_LEAD_MM = 17.0  # between a foot's outer edge and its label column: guide names sit here
INNER_LEAD_MM = 9.0  # between the two feet's inner edges and their label columns
COLUMN_SEP_MM = 12.0
SOLE_BAND_MM = 24.0  # on side views, zones this close to the sole are labelled below it
BELOW_ROW_MM = 14.0


LEADER_GAP_MM = 1.2  # between a column's label and the start of its leader
LEADER_STUB_MM = 6.0  # the leader's level start, from the label's end to its bend


class ZoneLabel(NamedTuple):  # (a dataclass took 1 M instructions of every start to make)
    text: QGraphicsSimpleTextItem
    leader: QGraphicsPathItem
    dot: QGraphicsEllipseItem
    side: str = ""  # "left" or "right": the column it stands in ("": a row under the sole)
    points: tuple[QPointF, ...] = ()  # its leader's bends, as drawn for the regular weight
    home: QPointF | None = None  # where its text stands in the regular weight


class ChartScene(QGraphicsScene):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.atlas: Atlas | None = None
        self.aspect = ""
        self.frames: list[Frame] = []
        self.zone_items: dict[tuple[str, str], ZoneItem] = {}
        self.labels: dict[tuple[str, str], ZoneLabel] = {}
        # The widest a label may be (mm), besides MAX_LABEL_MM: the map kept in place while a
        # chart is edited sets it to the room its label columns have on screen (None: no limit)
        self.label_room_mm: float | None = None
        self.anchors: dict[tuple[str, str], tuple[float, float]] = {}
        self.keys_by_zone: dict[str, list[tuple[str, str]]] = {}
        self.selected_keys: set[tuple[str, str]] = set()
        self.unlabelled_views: list[str] = []  # views with too many zones to label
        self._keyboard_order: list[tuple[str, str]] | None = None  # worked out once per drawing
        self.guide_items: list[QGraphicsItem] = []
        self.chart_rect = QRectF()
        self._hovered: tuple[str, str] | None = None
        self.mastery: dict[str, float | None] | None = None
        self.marks: list[QGraphicsItem] = []
        self._notes: list[tuple[Box, QGraphicsItem, QGraphicsRectItem]] = []  # wanted box, text, back
        self._rings: list[Box] = []
        self.numbers: dict[str, int] | None = None
        self.names = True
        self.label_mm = LABEL_MM
        self.text_scale = 1.0
        self.min_text_mm = 0.0
        self.type: ChartType = chart_type()  # each kind of text's size (layout/text_sizes.py)
        self.key: DrawnKey | None = None
        self.title_items: list[QGraphicsSimpleTextItem] = []  # the title's lines (and the note under it)
        self.guide_names: list[QGraphicsItem] = []  # the names of guide lines (with their veils)
        self._pending_names: list = []  # a view's guide names, placed after its labels
        self._leaders: list = []  # the leaders of the view whose guide names are placed
        self._guide_lines: dict = {}  # a guide name's lines at a size, for one drawing
        # view id -> (inputs, edges index, squares and rows read, places) of its guide names
        # as last placed while a view was drawn again after an edit (see _draw_guide_names)
        self._guide_places: dict[str, tuple] = {}
        self.guide_names_kept = 0  # placements kept so far (tests and benchmarks count them) …
        self.guide_names_placed = 0  # … and made again after an edit
        # places of guide names kept from an earlier start of the same chart, drawn alike
        # (set by the map for the chart it starts with: ui/kept_sizes.py); checked, never trusted
        self.kept_guide_places: KeptPlaces | None = None
        self.guide_names_searched = 0  # views whose guide names were placed by searching
        self._names_waiting: dict[str, list] = {}  # view id -> its guide names, drawn measuring
        self.base: Atlas | None = None  # the main chart under a partial one, drawn in grey
        self.base_items: list[ZoneItem] = []
        self.base_note: QGraphicsSimpleTextItem | None = None
        # the label sides of the last chart drawn, by (view id, wide): a chart is drawn a few
        # times while its text size settles (and on every resize), its sides stay the same
        self._sides: tuple[Atlas | None, dict] = (None, {})
        self._indexes: tuple[Atlas | None, dict] = (None, {})  # see _filed
        self.frame_items: dict[str, list[QGraphicsItem]] = {}  # view id -> what its frame drew
        self._drawing: list[QGraphicsItem] | None = None  # the frame being drawn collects here
        self._staging: list[QGraphicsItem] | None = None  # see _redraw_frame
        self._placing_again = False  # see _place_names_again
        self._wide = False
        self.labelled = True  # whether the last chart was laid out with its label columns
        self.column_mm = MAX_LABEL_MM  # the widest a label column may be (layout/columns.py)
        self._row_pitches: dict[str, float] = {}  # view id -> its rows' pitch under the sole
        self.largest_label_mm = math.inf  # presenting: labels no larger (layout/columns.py)
        # view id -> whether the column between the feet has labels, as last drawn (see
        # _inner_kept_closed)
        self._inner_open: dict[str, bool] = {}
        self.setBackgroundBrush(palette.PAPER)

    def addItem(self, item: QGraphicsItem) -> None:  # noqa: N802 (Qt's name)
        if self._staging is None:  # a view drawn again is compared before it is shown
            super().addItem(item)
        if self._drawing is not None:
            self._drawing.append(item)

    # --- building -------------------------------------------------------------------
    def show_chart(
        self,
        atlas: Atlas,
        aspect: str,
        *,
        views: tuple[str, ...] | None = None,
        title: str | None = None,
        mastery: dict[str, float | None] | None = None,
        numbers: dict[str, int] | None = None,
        names: bool = True,
        key: bool = True,
        label_mm: float = LABEL_MM,
        text_scale: float = 1.0,
        min_text_mm: float = 0.0,
        min_guide_mm: float | None = None,
        base: Atlas | None = None,
        base_note: str = "",
        labels: bool = True,
        room: float | None = None,
    ) -> None:
        """Draw `aspect` of `atlas` (or only the listed view ids), replacing what was there.

        `room`: the width over the height of the window it is fitted to, when known (presenting
        wraps long names only where the chart would be too wide for it).

        With `labels` False no label columns are laid out (labels hidden, as in a quiz): the
        feet, title and key take the room the columns would have kept empty.

        With `mastery` (zone id -> 0..1, None for never practised) zones are coloured as a
        heat map of what the student knows, and each label carries its percentage.
        No text is drawn smaller than `min_text_mm` (the map view works it out from the
        screen's pixels, so that the key and guide names stay legible on a small window).
        With `base` (the main chart, under a partial one) its outlines and zones are drawn in
        grey under this chart's zones, and `base_note` says under the title what this one adds."""
        self.clear()
        self._names_waiting = {}
        self.setBackgroundBrush(palette.PAPER)  # the theme may have changed
        self.marks, self._notes, self._rings = [], [], []
        self.mastery = mastery
        self.text_scale = text_scale  # the text-size setting
        self.numbers = numbers  # handouts: labels carry zone numbers …
        self.names = names  # … and a worksheet leaves the names out
        self.zone_items.clear()
        self.labels.clear()
        self.anchors.clear()
        self.keys_by_zone.clear()
        self.selected_keys = set()
        self._keyboard_order = None
        self.unlabelled_views = []
        self.guide_items = []
        self.guide_names = []
        self._guide_lines = {}
        self.base, self.base_items, self.base_note = base, [], None
        self.key = None
        self.title_items = []
        self._hovered = None
        self.atlas, self.aspect = atlas, aspect
        self.labelled = labels
        shown = [v for v in atlas.views_of(aspect) if views is None or v.id in views]
        wide = is_wide(shown)
        # label columns are bounded by the feet's width, their names shortened to it
        placed = [self._label_sides(atlas, view, wide) for view in shown]
        presenting = label_mm > LABEL_MM * text_scale * 1.001  # larger labels asked for
        if presenting:  # no larger than lets the columns stand beside their feet
            heights = [bounds(v.outline)[3] - bounds(v.outline)[1] for v in shown]
            columns = [(h, max(len(p[0]), len(p[1]))) for h, p in zip(heights, placed, strict=True)]
            label_mm = label_within_feet(label_mm, columns, LABEL_MM * text_scale)
            # nor does the map's minimum on screen make them larger (it would, round after
            # round, shrinking the feet: ui/map_view.py stops asking at `largest_label_mm`)
            self.largest_label_mm = label_within_feet(math.inf, columns, LABEL_MM * text_scale)
            min_text_mm = min(min_text_mm, self.largest_label_mm)
            min_guide_mm = None if min_guide_mm is None else min(min_guide_mm, self.largest_label_mm)
        else:
            self.largest_label_mm = math.inf
        # every text grows with the labels asked for (the text-size setting, presenting)
        self.min_text_mm = min_text_mm
        self.min_guide_mm = min_text_mm if min_guide_mm is None else min_guide_mm
        self.type = chart_type(label_mm, min_text_mm, min_guide_mm)
        self.label_mm = self.type.label
        boxes = [bounds(v.outline) for v in shown]
        self.column_mm = column_room(
            feet_width([b[2] - b[0] for b in boxes], wide), 2 if wide else 2 * len(shown), self.label_mm
        )
        if presenting:  # names whole, in two lines where they are long and the chart too wide
            self.column_mm = self._presenting_columns(shown, placed, wide, room)
        if not wide and self.label_room_mm is not None:  # kept in place while editing
            placed = self._inner_kept_closed(shown, placed)
        self._inner_open = {  # (labels hidden: nothing known, nothing kept closed next time)
            view.id: bool(sides[1] if k == 0 else sides[0])
            for k, (view, sides) in enumerate(zip(shown, placed, strict=True))
            if labels and view.id not in self.unlabelled_views
        }
        sides = [(left_ids, right_ids) for left_ids, right_ids, _ in placed]
        rows = [self._below_rows(view, below) for view, (_, _, below) in zip(shown, placed, strict=True)]
        self._row_pitches = {
            view.id: self._row_pitch(below) for view, (_, _, below) in zip(shown, placed, strict=True)
        }
        self.frames = self._place(shown, sides, rows)
        self._wide = wide
        self.frame_items = {}
        for frame, sides_of_view in zip(self.frames, placed, strict=True):
            self._draw_frame(atlas, frame, sides_of_view)
        left = min(f.left - f.lead_left for f in self.frames) - max(
            self._column_width(v, s[0]) for v, s in zip(shown, sides, strict=True)
        )
        right = max(f.right + f.lead_right for f in self.frames) + max(
            self._column_width(v, s[1]) for v, s in zip(shown, sides, strict=True)
        )
        top = min(f.top for f in self.frames)
        bottom = max(f.bottom + f.below for f in self.frames) + 5 + self.type.foot * 1.3 + 4
        # a column whose names take two lines may reach below its foot: the key goes under it,
        # a line of its type below (4 mm, fixed, let presenting's large last label touch it)
        columns = [label.text.sceneBoundingRect().bottom() for label in self.labels.values() if label.side]
        bottom = max([bottom, *(low + max(4.0, self.type.key) for low in columns)])
        left, right = self._across_feet(left, right)
        heading = aspect_title(aspect) if title is None else title
        if mastery is not None:
            heading = _("{heading}. Mastery: how well you know each zone").format(heading=heading)
        note_mm = self.type.note
        note_lines = wrap_words(base_note, note_mm, right - left, italic=True) if base_note else []
        if note_lines:
            self.base_note = text_item("\n".join(note_lines), note_mm, italic=True)
            self.base_note.setBrush(palette.GUIDE)
            width = max(text_width(line, note_mm, italic=True) for line in note_lines)
            self.base_note.setPos((left + right) / 2 - width / 2, top - 6 - note_mm * 1.25 * len(note_lines))
            self.addItem(self.base_note)
            self.title_items.append(self.base_note)
            top -= 4 + note_mm * 1.25 * len(note_lines)
        if heading:
            self._draw_title(heading, top, left, right)
        if key:
            self._draw_key_in_room(atlas, shown, left, right, bottom, room)
        self.chart_rect = self.itemsBoundingRect().adjusted(-6, -6, 6, 6)
        self.setSceneRect(self.chart_rect)

    def _draw_key_in_room(
        self, atlas: Atlas, shown: list[View], left: float, right: float, y: float, room: float | None
    ) -> None:
        """The key, its names and caveat as large as the guide names' minimum (11 px in the
        window, where the plain minimum is 9) when the chart fitted to a window of `room`
        (width over height) is held by its width, so that the key's taller rows take only
        the paper left empty under the chart: the feet keep their size (a chart held by its
        height draws the key at its size: larger, it would shrink them)."""
        chart_type, larger = self.type, self.min_text_mm * self.type.guide_floor
        if room is None or larger <= min(chart_type.key, chart_type.caveat):
            self._draw_key(atlas, shown, left, right, y)
            return
        self._draw_key(atlas, shown, left, right, y)
        usual = self.itemsBoundingRect()
        self._remove_key()
        self.type = replace(
            chart_type, key=max(chart_type.key, larger), caveat=max(chart_type.caveat, larger)
        )
        try:
            self._draw_key(atlas, shown, left, right, y)
        finally:
            self.type = chart_type
        rect = self.itemsBoundingRect()
        if rect.width() <= usual.width() + 0.01 and rect.width() + 12 >= room * (rect.height() + 12):
            return  # as wide as with the usual key and held by its width: the feet as large
        self._remove_key()
        self._draw_key(atlas, shown, left, right, y)

    def _remove_key(self) -> None:
        assert self.key is not None
        for item in self.key.swatches + self.key.caveat:
            self.removeItem(item)
        self.key = None

    def _presenting_columns(self, shown: list[View], placed: list, wide: bool, room: float | None) -> float:
        """The widest a label column may be when presenting: every name whole on one line
        where the chart then fits a window of `room` (width over height) by its height; else
        narrower, down to the narrowest column in which every name is whole in two lines.
        Columns of long names on one line made the chart wide: fitted to a 1024×768 projector
        by its width, the feet were small, with empty bands above and below."""
        assert self.atlas is not None
        whole = max(MAX_LABEL_MM, MAX_LABEL_EMS * self.label_mm)
        if wide or room is None or not shown:
            return whole
        names = {zone.name for view in shown for zone in self.atlas.zones_in(view.id)}
        two_lines = max((two_line_width(name, self.label_mm, bold=True) for name in names), default=0.0)
        narrowest = min(whole, max(two_lines + 0.5, MIN_COLUMN_EMS * self.label_mm))
        boxes = [bounds(v.outline) for v in shown]
        columns = sum(bool(p[0]) + bool(p[1]) for p in placed)
        fixed = sum(b[2] - b[0] for b in boxes) + 2 * OUTER_LEAD_MM
        fixed += (len(shown) - 1) * (2 * INNER_LEAD_MM + COLUMN_SEP_MM)
        # the chart's height: its feet, or its tallest column, and the title and key under it
        tallest = max(max(len(p[0]), len(p[1])) for p in placed) * COLUMN_PITCH_EMS * self.label_mm
        height = max(max(b[3] - b[1] for b in boxes), tallest) + 14 * self.label_mm
        if columns == 0:
            return whole
        return min(whole, max(narrowest, (room * height - fixed) / columns))

    def _inner_kept_closed(self, shown: list[View], placed: list[tuple[list[str], ...]]) -> list[tuple]:
        """The label sides of feet drawn side by side while the map is kept in place (editing):
        a label that would open a column between the feet that the drawing on screen has empty
        goes to its foot's outer column instead. Opening it would push the feet apart under
        the author's hand (about 70 px at each new chart's first zone on an inner side); an
        outer column grows outwards. Fit to window lays the labels out afresh."""
        kept = []
        for k, (view, (left, right, below)) in enumerate(zip(shown, placed, strict=True)):
            first, last = k == 0, k == len(shown) - 1
            if first and last:
                kept.append((left, right, below))
                continue
            inner_left = not first  # (a middle view has no outer column: both kept as they are)
            inner = left if inner_left else right
            if not inner or self._inner_open.get(view.id, True) or (not first and not last):
                kept.append((left, right, below))
            elif inner_left:
                kept.append(([], right + left, below))
            else:
                kept.append((left + right, [], below))
        return kept

    def _across_feet(self, left: float, right: float) -> tuple[float, float]:
        """Where the title, the note above it and the key below the feet are centred: on the
        feet (with the leads beside them), as wide as the chart (from `left` to `right`, label
        columns included) allows on both sides of that middle. Centred on the label columns
        too, they moved sideways whenever a column changed width (a name typed or undone in
        edit mode) while the feet stayed put on screen."""
        middle = (
            min(f.left - f.lead_left for f in self.frames) + max(f.right + f.lead_right for f in self.frames)
        ) / 2
        half = max(min(middle - left, right - middle), 0.0)
        return middle - half, middle + half

    def _draw_frame(self, atlas: Atlas, frame: Frame, sides: tuple[list[str], list[str], list[str]]) -> None:
        """One view: its outline, zones, guides, labels and caption (kept in `frame_items`)."""
        left_ids, right_ids, below_ids = sides
        self._drawing = self.frame_items[frame.view.id] = []
        try:
            self._draw_view(atlas, frame)
            self._draw_labels(atlas, frame, left_ids, side="left")
            self._draw_labels(atlas, frame, right_ids, side="right")
            self._draw_labels_below(atlas, frame, below_ids)
            if getattr(self, "measuring", False):  # (a map's rounds learn the size: see place_guide_names)
                self._names_waiting[frame.view.id] = self._pending_names
            else:
                self._draw_guide_names(frame)
            self._draw_caption(frame)
        finally:
            self._drawing = None

    def place_guide_names(self) -> None:
        """The guide names of a chart drawn `measuring` (without them), placed now: the map's
        rounds that fit its text to the window draw it so until a drawing holds, and name
        only that one. The same picture as the chart drawn whole: the names are placed from
        the same labels and leaders, on top of their guide lines, and the chart's bounds
        taken again with them."""
        waiting, self._names_waiting = self._names_waiting, {}
        for frame in self.frames:
            pending = waiting.get(frame.view.id)
            if pending is None:
                continue
            self._pending_names, self._drawing = pending, self.frame_items[frame.view.id]
            try:
                self._draw_guide_names(frame)
            finally:
                self._drawing = None
        if waiting:
            self.chart_rect = self.itemsBoundingRect().adjusted(-6, -6, 6, 6)
            self.setSceneRect(self.chart_rect)

    def update_zones(self, atlas: Atlas, zone_ids: tuple[str, ...]) -> bool:
        """The same chart with only the shapes of `zone_ids` changed (an edit): the views
        that draw them are drawn again (zones, guide names, labels), nothing else. False, and
        nothing kept, when that would not give what `show_chart` draws: another layout of
        the views (label columns changed), a main chart drawn under this one, or numbered
        labels (a handout)."""
        old = self.atlas
        if old is None or self.base is not None or self.numbers is not None or not self.frames:
            return False
        shown = [f.view.id for f in self.frames]
        if [v.id for v in atlas.views_of(self.aspect)] != shown:
            return False
        views = [f.view for f in self.frames]
        if self.key is not None and (
            (self.mastery is None and _key_regions(old, views) != _key_regions(atlas, views))
            or old.tradition != atlas.tradition
        ):
            return False  # the key under the feet changes (a zone of a region left or came)
        changed = [
            f
            for f in self.frames
            if any(
                (old.has_zone(z) and f.view.id in old.zone(z).shapes)
                or (atlas.has_zone(z) and f.view.id in atlas.zone(z).shapes)
                for z in zone_ids
            )
        ]
        known = self._sides[1] if self._sides[0] is old else {}
        redrawn = {f.view.id for f in changed}
        self._sides = (atlas, {k: v for k, v in known.items() if k[0] not in redrawn})
        # a crowded view's anchors follow from those drawn, but for the changed zones (the first
        # drop after entering edit mode worked out all 5,000 of a view again: 0.45 s)
        have = atlas.known_anchors()
        drawn = {v: a for v, a in old.known_anchors().items() if v in redrawn and v not in have}
        atlas.remember_anchors(crowded_anchors(atlas, drawn, redrawn, set(zone_ids)))
        self.atlas = atlas
        unlabelled = list(self.unlabelled_views)
        self.unlabelled_views = [v for v in unlabelled if v not in redrawn]
        anchors = dict(self.anchors)
        self.anchors = {k: v for k, v in anchors.items() if k[0] not in redrawn}
        placed = {f.view.id: self._label_sides(atlas, f.view, self._wide) for f in changed}
        self.unlabelled_views.sort(key=shown.index)
        for view_id in shown:
            if view_id not in placed and (view_id, self._wide) in known:
                sides = known[(view_id, self._wide)] if self.labelled else ((), (), ())
                placed[view_id] = tuple(list(ids) for ids in sides)
        if (
            len(placed) != len(shown)
            or self._place(
                views,
                [placed[v.id][:2] for v in views],
                [self._below_rows(v, list(placed[v.id][2])) for v in views],
            )
            != self.frames
        ):
            self.atlas, self.unlabelled_views, self.anchors = (
                old,
                unlabelled,
                anchors,
            )  # the label columns moved: the
            return False  # whole chart is laid out again
        swapped = [
            self._patch_frame(old, atlas, frame, zone_ids)
            or self._redraw_frame(atlas, frame, placed[frame.view.id])
            for frame in changed
        ]
        if not self._within_bounds(swapped):
            return False  # a shape drawn past the chart's edge (editing): drawn whole, bounds anew
        # every view's items in the order show_chart makes them (keyboard order, screen readers)
        order = {view_id: k for k, view_id in enumerate(shown)}
        for keys in self.keys_by_zone.values():
            keys.sort(key=lambda key: order[key[0]])
        self.zone_items = dict(sorted(self.zone_items.items(), key=lambda kv: order[kv[0][0]]))
        self.labels = dict(sorted(self.labels.items(), key=lambda kv: order[kv[0][0]]))
        self.anchors = dict(sorted(self.anchors.items(), key=lambda kv: order[kv[0][0]]))
        self._keyboard_order = None
        return True

    def _within_bounds(self, swapped: list[tuple[QRectF, QRectF]]) -> bool:
        """Whether the chart's bounds (`chart_rect`: all items' bounds when it was drawn) stay
        as they are after views were drawn again, given for each view what its items taken
        away and its items put in covered: on each side, those reach as far as each other, or
        both lie inside the bounds, off that edge (the items kept make it). Only a shape drawn
        outside its outline (a zone with a problem, while editing) can reach past the labels,
        title and key."""
        inner = self.chart_rect.adjusted(6, 6, -6, -6)
        eps = 1e-6
        for gone, came in swapped:
            if gone.isNull() and came.isNull():
                continue
            if gone.isNull() or came.isNull():
                gone = came = gone.united(came)  # (only taken away, or only put in: must be inside)
                exact = False
            else:
                exact = True
            for edge, inside in (
                (QRectF.left, lambda v: v > inner.left() + eps),
                (QRectF.top, lambda v: v > inner.top() + eps),
                (QRectF.right, lambda v: v < inner.right() - eps),
                (QRectF.bottom, lambda v: v < inner.bottom() - eps),
            ):
                a, b = edge(gone), edge(came)
                if not ((exact and abs(a - b) <= eps) or (inside(a) and inside(b))):
                    return False
        return True

    def _redraw_frame(
        self, atlas: Atlas, frame: Frame, sides: tuple[list[str], ...]
    ) -> tuple[QRectF, QRectF]:
        """One view drawn again; of its items, only those that came out different replace the
        ones drawn before (so only where something changed is painted again). Returns what the
        items taken away and the items put in cover (scene mm)."""
        view_id = frame.view.id
        old = self.frame_items.pop(view_id, [])
        self.zone_items = {k: v for k, v in self.zone_items.items() if k[0] != view_id}
        self.labels = {k: v for k, v in self.labels.items() if k[0] != view_id}
        dropped = set(map(id, old))
        self.guide_items = [i for i in self.guide_items if id(i) not in dropped]
        self.guide_names = [i for i in self.guide_names if id(i) not in dropped]
        for zone_id in list(self.keys_by_zone):
            keys = [k for k in self.keys_by_zone[zone_id] if k[0] != view_id]
            if keys:
                self.keys_by_zone[zone_id] = keys
            else:
                del self.keys_by_zone[zone_id]
        self.selected_keys = {k for k in self.selected_keys if k[0] != view_id}
        if self._hovered is not None and self._hovered[0] == view_id:
            self._hovered = None
        self._staging = []  # drawn aside: compared with what is on screen first
        try:
            self._draw_frame(atlas, frame, sides)
        finally:
            self._staging = None
        new = self.frame_items[view_id]
        same = [_same_item(a, b) for a, b in zip(old, new, strict=True)] if len(old) == len(new) else []
        kept = {id(b): a for a, b, keep in zip(old, new, same, strict=False) if keep}
        staying = {id(a) for a in kept.values()}
        gone, came = QRectF(), QRectF()
        for item in old:
            if id(item) not in staying:
                gone = gone.united(item.sceneBoundingRect())
                self.removeItem(item)
        for item in new:
            if id(item) not in kept:
                QGraphicsScene.addItem(self, item)
                came = came.united(item.sceneBoundingRect())
        if not kept:
            return gone, came

        def mine(item):
            return kept.get(id(item), item)

        self.frame_items[view_id] = [mine(i) for i in new]
        self.zone_items = {k: mine(v) for k, v in self.zone_items.items()}
        self.labels = {
            k: v._replace(text=mine(v.text), leader=mine(v.leader), dot=mine(v.dot)) if k[0] == view_id else v
            for k, v in self.labels.items()
        }
        self.guide_items = [mine(i) for i in self.guide_items]
        self.guide_names = [mine(i) for i in self.guide_names]
        return gone, came

    def _patch_frame(
        self, old: Atlas, atlas: Atlas, frame: Frame, zone_ids: tuple[str, ...]
    ) -> tuple[QRectF, QRectF] | None:
        """A view too crowded to label (no labels, no leaders) where only the shapes of
        `zone_ids` changed: their zone items replaced, nothing else drawn again, when that
        is what `_redraw_frame` gives: the zones drawn in the same order, and every guide
        name's last placement read no square of the zones' edges that changed (edges filed
        again only for those zones: chart_patch.py). Returns what `_redraw_frame` returns,
        or None (drawn again as usual). A drag on a view of 5,000 zones drew it all again."""
        view_id = frame.view.id
        if self.base is not None or view_id not in self.unlabelled_views:
            return None
        if any(key[0] == view_id for key in self.labels):
            return None
        filed = [z.id for z in atlas.zones_in(view_id)]
        if filed != [z.id for z in old.zones_in(view_id)]:
            return None
        number = {zone_id: k for k, zone_id in enumerate(filed)}
        changed = [z for z in zone_ids if z in number]
        names = None
        if frame.view.guides:
            kept = self._guide_places.get(view_id)
            if kept is None or kept[2][0] is not old or not kept[1] or None in kept[1]:
                return None  # (the names' reads are known from a drawing of the chart before)
            guides = tuple((g.points, _short(g)) for g in frame.view.guides)
            inputs = (frame, self.guide_mm, guides, (), (1,) * len(guides))
            if kept[0] != inputs:
                return None
            edges = refiled(
                kept[2][1],
                [(number[z], self._zone_rings(frame, old.zone(z).shapes[view_id])) for z in changed],
                [(number[z], self._zone_rings(frame, atlas.zone(z).shapes[view_id])) for z in changed],
            )
            if all(same_reads(entry[1], edges, *entry[2]) for entry in kept[1]):
                self._guide_places[view_id] = (
                    inputs,
                    [(e[0], edges, *e[2:]) for e in kept[1]],
                    (atlas, edges),
                )
            else:  # a guide name's place may change: the names placed again, off the new edges
                names = self._place_names_again(frame, edges)
                if names is None:
                    return None
            if self._indexes[0] is not atlas:
                self._indexes = (atlas, {})
            self._indexes[1][("edges", view_id, frame.dx, frame.dy)] = edges
        gone, came = QRectF(), QRectF()
        items = self.frame_items[view_id]
        if frame.view.guides and names is not None:
            for was, item in zip(*names, strict=True):
                if not _same_item(was, item):
                    gone, came = gone.united(was.sceneBoundingRect()), came.united(item.sceneBoundingRect())
        at = {id(item): k for k, item in enumerate(items)}
        for zone_id in changed:
            key = (view_id, zone_id)
            was = self.zone_items[key]
            zone = atlas.zone(zone_id)
            item = ZoneItem(view_id, zone, [self._points(frame, ring) for ring in zone.shapes[view_id]])
            if self.mastery is not None:
                value = self.mastery.get(zone_id)
                fill = palette.unpractised_brush() if value is None else QBrush(palette.mastery_colour(value))
                item.set_fill(fill)
            item.setZValue(was.zValue())  # (its depth set below)
            gone = gone.united(was.sceneBoundingRect())
            self.removeItem(was)
            QGraphicsScene.addItem(self, item)
            came = came.united(item.sceneBoundingRect())
            items[at[id(was)]] = item
            self.zone_items[key] = item
            self.selected_keys.discard(key)  # (selected again on the new item by the map)
            if self._hovered == key:
                self._hovered = None
        order = [z.id for z in _drawn(atlas, view_id)]
        if order != [z.id for z in _drawn(old, view_id)]:  # an area passed another's: depths
            slots = [k for k, item in enumerate(items) if isinstance(item, ZoneItem)]
            for rank, (slot, zone_id) in enumerate(zip(slots, order, strict=True)):
                item = self.zone_items[(view_id, zone_id)]
                if items[slot] is not item:
                    items[slot] = item
                    item.setZValue(1 + rank / 10_000)
            mine = {(view_id, zone_id): self.zone_items[(view_id, zone_id)] for zone_id in order}
            self.zone_items = {k: v for k, v in self.zone_items.items() if k[0] != view_id} | mine
        return gone, came

    def _place_names_again(self, frame: Frame, edges) -> tuple[list, list] | None:
        """The guide names of a view whose zones' edges changed (`edges`, filed again) placed
        again as `_redraw_frame` places them (those whose placement read nothing that changed
        kept); their items replace the old ones. (old items, new items), or None when the
        view's drawing is not as expected (then it is drawn again whole)."""
        view_id = frame.view.id
        items = self.frame_items[view_id]
        name_ids = {id(i) for i in self.guide_names}
        line_ids = {id(i) for i in self.guide_items} - name_ids
        lines = [i for i in items if id(i) in line_ids]
        old = [i for i in items if id(i) in name_ids]
        guides = frame.view.guides
        if len(lines) != len(guides) or len(old) != 2 * len(guides):
            return None
        self._pending_names = [
            (line, g, _short(g), edges, [edges]) for line, g in zip(lines, guides, strict=True)
        ]
        guide_items, guide_names = self.guide_items, self.guide_names
        self.guide_items, self.guide_names = [], []
        self._placing_again, self._drawing = True, []
        try:
            self._draw_guide_names(frame)
            new = self.guide_names
        finally:
            self._placing_again, self._drawing = False, None
            self.guide_items, self.guide_names = guide_items, guide_names
        if len(new) != len(old):
            for item in new:
                self.removeItem(item)
            return None
        swap = {id(a): b for a, b in zip(old, new, strict=True)}
        for item in old:
            self.removeItem(item)
        self.frame_items[view_id] = [swap.get(id(i), i) for i in items]
        self.guide_items = [swap.get(id(i), i) for i in self.guide_items]
        self.guide_names = [swap.get(id(i), i) for i in self.guide_names]
        return old, new

    def _zone_rings(self, frame: Frame, rings) -> list[list[tuple[float, float]]]:
        """A zone's rings in scene mm, as `_filed` files them."""
        return [[(frame.dx + x, frame.dy - y) for x, y in ring] for ring in rings]

    def _label_sides(self, atlas: Atlas, view: View, wide: bool) -> tuple[list[str], list[str], list[str]]:
        """Zone ids labelled in the left column, the right column, and (side views) below
        (worked out once per chart, view and layout; see `_choose_sides`)."""
        if self._sides[0] is not atlas:
            self._sides = (atlas, {})
        known = self._sides[1]
        if (view.id, wide) not in known:
            unlabelled_before = len(self.unlabelled_views)
            known[(view.id, wide)] = self._choose_sides(atlas, view, wide)
            known[(view.id, wide, "unlabelled")] = len(self.unlabelled_views) > unlabelled_before
        elif known[(view.id, wide, "unlabelled")]:
            self.unlabelled_views.append(view.id)
        for zone_id, point in atlas.anchors(view.id).items():
            self.anchors[(view.id, zone_id)] = point
        if not self.labelled:  # labels hidden: no columns kept for them
            return [], [], []
        left, right, below = known[(view.id, wide)]
        return list(left), list(right), list(below)

    def _choose_sides(self, atlas: Atlas, view: View, wide: bool) -> tuple[list[str], list[str], list[str]]:
        minx, miny, maxx, _ = bounds(view.outline)
        middle = (minx + maxx) / 2
        left, right, below = [], [], []
        anchors = atlas.anchors(view.id)
        if len(anchors) > MAX_LABELLED_ZONES:  # unreadable: names show on hover, list and panel
            self.unlabelled_views.append(view.id)
            for zone_id, point in anchors.items():
                self.anchors[(view.id, zone_id)] = point
            return left, right, below
        shapes = {zone.id: zone.shapes[view.id] for zone in atlas.zones_in(view.id)}
        heights = {}
        for zone_id, rings in shapes.items():
            ys = [y for ring in rings for _x, y in ring]
            heights[zone_id] = (min(ys), max(ys)) if ys else (0.0, 0.0)
        for zone_id, (x, y) in anchors.items():
            self.anchors[(view.id, zone_id)] = (x, y)
            if wide and y < miny + SOLE_BAND_MM:  # zones along the sole: labels in a row under it
                below.append(zone_id)
                continue
            # the side whose leader crosses less of the other zones; else the nearer one (a
            # level leader can only cross the zones level with it)
            others = [
                rings
                for other, rings in shapes.items()
                if other != zone_id and heights[other][0] <= y <= heights[other][1]
            ]
            side = better_side(x, y, minx - 1, maxx + 1, others, view.outline) if len(shapes) > 1 else ""
            if side == "left" or (not side and x <= middle):
                left.append(zone_id)
            else:
                right.append(zone_id)
        return left, right, below

    def _column_width(self, view: View, zone_ids: list[str]) -> float:
        """The widest of the labels (mm) in bold where a label can be selected (not on a
        handout's page): a selected label is drawn bold in its place."""
        return max(
            (text_width(name, self.label_mm, True) for name in self._column_names(view, zone_ids)),
            default=0.0,
        )

    def _column_names(self, view: View, zone_ids: list[str]) -> list[str]:
        """The labels of a column beside `view`'s foot (see `label_text`)."""
        return [self.label_text(z) for z in zone_ids]

    @property
    def selectable(self) -> bool:
        """Whether a label can be selected (drawn bold): on the map, not on a handout's page,
        whose labels carry zone numbers."""
        return self.numbers is None

    def label_text(self, zone_id: str, lines: int = 2) -> str:
        """The zone's name; in the heat map also how well it is known, in words and numbers.
        The name takes up to `lines` lines (a column's label two, a row's under a sole one) in
        its column's room (`column_mm`) and, kept in place in edit mode, in its room on screen
        (`label_room_mm`), and is shortened only where it still does not fit; the number or
        share kept."""
        assert self.atlas is not None
        size = self.label_mm
        widest = min(max(MAX_LABEL_MM, MAX_LABEL_EMS * size), self.column_mm)
        whole = self.atlas.zone(zone_id).name
        if self.numbers is not None:
            number = str(self.numbers.get(zone_id, "?"))
            if not self.names:
                return number
            template = number + "  {name}"
        elif self.mastery is None:
            template = "{name}"
        else:
            value = self.mastery.get(zone_id)
            template = _("{name} (new)") if value is None else "{name} " + format_percent(value)
        rest = text_width(template.replace("{name}", ""), size) if template != "{name}" else 0.0
        # measured in bold: selected, it is drawn bold in the same room
        bold = self.selectable
        name = "\n".join(name_lines(whole, size, max(widest - rest, size * 2), lines=lines, bold=bold))
        room = self.label_room_mm
        if room is not None and room < widest and text_width(name, size) > room:
            # kept in place in edit mode: a name still too long for its room on screen is cut
            # to it in bold (selected, it must fit too)
            name = "\n".join(name_lines(whole, size, room, lines=lines, bold=True))
        return template.replace("{name}", name)

    def _place(
        self, views: list[View], sides: list[tuple[list[str], list[str]]], rows_below: list[int]
    ) -> list[Frame]:
        """Soles and tops side by side (toes up); side views, which are wide, one above the other."""
        assert self.atlas is not None
        boxes = [bounds(v.outline) for v in views]
        frames: list[Frame] = []
        if is_wide(views):
            left_column = max(self._column_width(v, s[0]) for v, s in zip(views, sides, strict=True))
            x = left_column + OUTER_LEAD_MM
            top = 0.0
            for view, (minx, miny, maxx, maxy), below in zip(views, boxes, rows_below, strict=True):
                dx, dy = x - minx, top + maxy
                pitch = self._row_pitches.get(view.id, self.label_mm * 1.45)
                extra = max(BELOW_ROW_MM, 7 + pitch * below) if below else 0.0
                frames.append(
                    Frame(view, dx, dy, x, dx + maxx, top, dy - miny, OUTER_LEAD_MM, OUTER_LEAD_MM, extra)
                )
                top = dy - miny + extra + self.caption_mm + 22
            return frames
        cursor = 0.0
        last = len(views) - 1
        for i, (view, (left_ids, _right_ids), (minx, miny, maxx, maxy)) in enumerate(
            zip(views, sides, boxes, strict=True)
        ):
            lead_left = OUTER_LEAD_MM if i == 0 else INNER_LEAD_MM
            lead_right = OUTER_LEAD_MM if i == last else INNER_LEAD_MM
            if frames:
                cursor += self._column_width(views[i - 1], sides[i - 1][1]) + COLUMN_SEP_MM
            cursor += self._column_width(view, left_ids) + lead_left
            dx = cursor - minx
            frames.append(Frame(view, dx, 0.0, cursor, dx + maxx, -maxy, -miny, lead_left, lead_right))
            cursor = dx + maxx + lead_right
        return frames

    def _draw_view(self, atlas: Atlas, frame: Frame) -> None:
        view = frame.view
        under = self.base.view(view.id) if self.base is not None and _has_view(self.base, view.id) else None
        outline = StrokedPathItem(self._path(frame, (under or view).outline))
        outline.setPen(outline_pen())
        outline.setBrush(palette.SKIN)
        outline.setZValue(0)
        self.addItem(outline)
        if under is not None:  # the main chart's zones, grey, under this (partial) chart's own
            assert self.base is not None
            for zone in self.base.zones_in(view.id):
                item = ZoneItem(view.id, zone, [self._points(frame, ring) for ring in zone.shapes[view.id]])
                item.set_neutral(True)
                item.set_fill(palette.base_zone_brush())  # a faint grey: there, but not this chart's
                item.setZValue(0.5)
                item.setAcceptHoverEvents(False)
                self.addItem(item)
                self.base_items.append(item)
        zones = _drawn(atlas, view.id)  # small on top
        for rank, zone in enumerate(zones):
            item = ZoneItem(view.id, zone, [self._points(frame, ring) for ring in zone.shapes[view.id]])
            if self.mastery is not None:
                value = self.mastery.get(zone.id)
                fill = palette.unpractised_brush() if value is None else QBrush(palette.mastery_colour(value))
                item.set_fill(fill)
            item.setZValue(1 + rank / 10_000)
            self.addItem(item)
            self.zone_items[(view.id, zone.id)] = item
            self.keys_by_zone.setdefault(zone.id, []).append((view.id, zone.id))
        self._pending_names = []  # named after the labels: see _draw_guide_names
        # each zone's edges tagged with its place in the file (not in the drawing: a drag that
        # makes a zone larger than another changes only its own edges, see _patch_frame)
        edges = self._zone_edges(frame, atlas.zones_in(view.id))
        fills = [edges]  # a guide's name is placed off the zones' fills where it can be
        if under is not None:  # and off the main chart's (grey) zones under a partial chart
            fills.append(self._zone_edges(frame, self.base.zones_in(view.id), "base"))
        for guide in view.guides:
            line = QPainterPath()
            line.addPolygon(QPolygonF(self._points(frame, guide.points)))
            item = GuideItem(line)  # (its dashes continuous across the map's tiles)
            item.setPen(guide_pen())
            item.setZValue(5)
            item.setToolTip(plain_tooltip(_("{guide} (approximate)").format(guide=isolate(guide.name))))
            self.addItem(item)
            short = _short(guide)
            self._pending_names.append((item, guide, short, edges, fills))

    def _guide_name_lines(self, frame: Frame, short: str, size: float, split: bool = False) -> list[str]:
        """The guide's name in lines inside the foot's width: a long name (large type,
        German) takes two lines, and a name longer than two lines ends in "…" there (the
        tooltip has it all): a chart's text never makes the drawing taller or wider. With
        `split`, a name of several words takes two lines even where one would fit."""
        key = (short, size, split, frame.right - frame.left)
        if key not in self._guide_lines:  # the ladder of sizes asks again for the same
            self._guide_lines[key] = self._guide_name_lines_new(frame, short, size, split)
        return self._guide_lines[key]

    def _guide_name_lines_new(self, frame: Frame, short: str, size: float, split: bool) -> list[str]:
        """(`_guide_name_lines`, worked out)"""
        room = frame.right - frame.left - 6
        # no more of it than two lines of the narrowest letters could show (a 4,000-letter name)
        most = int(2 * room / (0.2 * size)) + 2
        if len(short) > most:
            short = " ".join(short[:most].split()) + "…"
        lines = [short]
        if text_width(short, size, italic=True) > room or (split and len(short.split()) > 1):
            words = short[:2000].split()
            if split and text_width(short, size, italic=True) <= room:
                half = min(range(1, len(words)), key=lambda k: abs(len(" ".join(words[:k])) - len(short) / 2))
                words = [" ".join(words[:half]), " ".join(words[half:])]
            else:
                words = wrap_words(" ".join(words), size, room, italic=True)
            lines = words[:1] + ([" ".join(words[1:])] if len(words) > 1 else [])
        return [
            bidi_isolate(line)
            if text_width(line, size, italic=True) <= room
            else elided(line, size, room, italic=True)
            for line in lines
        ]

    def _draw_guide_names(self, frame: Frame) -> None:
        """The names of the view's guide lines, placed once its labels and leaders are drawn:
        clear of every leader, label and guide line (their own too) and of each other. A view
        drawn again after an edit keeps the names where they were when nothing the placement
        read has changed (see layout/guide_reads.py)."""
        view_keys = [key for key in self.labels if key[0] == frame.view.id]
        leaders = [line for key in view_keys for line in _path_lines(self.labels[key].leader)]
        self._leaders = leaders  # (a crowded name keeps off them at least: _guide_name_place)
        lines = segments_of(
            [self._scene_ring(frame, guide.points) for _item, guide, *_rest in self._pending_names] + leaders
        )
        pending = self._pending_names
        # a name's places lie over the foot (upright lines: within its sides; crosswise: along
        # the line): labels beside it, in the columns, are never in the way and are left out
        xs = [frame.left, frame.right] + [
            frame.dx + x for _i, guide, *_r in pending for x, _y in guide.points
        ]
        low, high = min(xs) - GUIDE_CLEARANCE_MM - 0.1, max(xs) + GUIDE_CLEARANCE_MM + 0.1
        rects = [
            box
            for box in (_box(self.labels[key].text.sceneBoundingRect()) for key in view_keys)
            if box[2] > low and box[0] < high
        ]
        edges = pending[0][3] if pending else None
        inputs = (
            frame,
            self.guide_mm,
            tuple((guide.points, short) for _item, guide, short, _edges, _fills in pending),
            tuple(rects),
            tuple(len(fills) for *_rest, fills in pending),
        )
        kept = self._guide_places.get(frame.view.id)
        # a view drawn again after an edit, or its names placed again (_patch_frame)
        again = (self._staging is not None or self._placing_again) and edges is not None
        known = (kept[1] or []) if again and kept is not None and kept[0] == inputs else []
        if any(len(fills) != 1 for *_rest, fills in pending):
            known = []  # a main chart's zones under these: not followed
        memo = None if again or not pending else self.kept_guide_places
        token = _places_token(frame, self.guide_mm, self.min_guide_mm, inputs) if memo is not None else ""
        places = memo.get(frame.view.id, token) if memo is not None else None
        if places is None or not self._kept_places_hold(frame, pending, places):
            # on a view too crowded to label what each name's search read is noted on the first
            # drawing too: the first edit after it keeps the names as later edits do (before, it
            # drew the view again whole: 1.5–1.8 s for the first drop on a view of 5,000 zones)
            watching = again or (edges is not None and frame.view.id in self.unlabelled_views)
            places, entries = self._guide_name_places(
                frame, SegmentIndex(lines), rects, known, watching=watching
            )
            self.guide_names_searched += 1
            if watching:
                self._guide_places[frame.view.id] = (inputs, entries, (self.atlas, edges))
            if memo is not None:
                memo.put(frame.view.id, token, places)
        elif edges is not None:  # found in the kept file: what a search would read is not known
            self._guide_places[frame.view.id] = (inputs, None, (self.atlas, edges), places)
        for (item, *_rest), (text, size, width, height, x, y) in zip(pending, places, strict=True):
            name = text_item(text, size, italic=True)
            name.setBrush(palette.GUIDE)
            name.setPos(x, y)
            name.setZValue(5)
            # a veil of paper behind the name keeps it legible over any zone's fill
            veil = QGraphicsRectItem(x - 0.4, y + size * 0.1, width + 0.8, height - size * 0.1)
            paper = QColor(palette.PAPER)
            paper.setAlpha(200)
            veil.setBrush(paper)
            veil.setPen(QPen(Qt.PenStyle.NoPen))
            veil.setZValue(4.9)
            self.addItem(name)
            self.addItem(veil)
            self.guide_items += [item, veil, name]
            self.guide_names += [veil, name]

    def _kept_places_hold(self, frame: Frame, pending: list, places: list) -> bool:
        """Whether places read from the kept file are ones this drawing's search could give:
        one per name, each name's text as it is drawn at one of its sizes (width and height
        measured again), in the view's frame. The file is input: anything else is searched."""
        if len(places) != len(pending):
            return False
        for (_item, _guide, short, *_rest), place in zip(pending, places, strict=True):
            text, size, width, height, x, y = place
            sizes = [self.guide_mm * factor for factor in GUIDE_SIZES]
            if size not in sizes:
                return False
            if not any(
                text == "\n".join(self._guide_name_lines(frame, short, size, split))
                for split in (False, True)
            ):
                return False  # (the unsplit name first: the split one is measured only when needed)
            if _name_measured(text.split("\n"), size)[1:] != (width, height):
                return False
            across = frame.left - width <= x <= frame.right
            if not (across and frame.top - 4 * height <= y <= frame.bottom + height):
                return False
        return True

    def _guide_name_places(
        self, frame: Frame, avoid: SegmentIndex, rects: list, known: list, *, watching: bool
    ) -> tuple[list[tuple], list[tuple]]:
        """(text, size, width, height, x, y) of each pending guide name, in turn (see
        `_draw_guide_names`); and, `watching`, what each read: (places before it, the zones'
        edges' index and the (squares, rows) it read there, the same of the index of leaders
        and guide lines, its place). A name placed before (`known`) after the same names,
        that read nothing that changed in either index, keeps its place.

        The names of a view are set at one size: where one of them needs smaller type to have
        a place, they are all placed again starting at that size (before, each took its own:
        a projector's German names at 10, 14 and 9 pixels side by side)."""
        start = 0
        while True:
            places, entries = self._guide_name_places_from(
                frame, avoid, rects, known, watching=watching, start=start
            )
            smallest = max(self._guide_size_step(place[1]) for place in places) if places else start
            if smallest <= start or start >= COMMON_GUIDE_STEP:
                break
            start = min(smallest, COMMON_GUIDE_STEP)
        return places, entries

    def _guide_size_step(self, size: float) -> int:
        """Which of GUIDE_SIZES a name at `size` (mm) is set at."""
        return min(range(len(GUIDE_SIZES)), key=lambda k: abs(self.guide_mm * GUIDE_SIZES[k] - size))

    def _guide_name_places_from(
        self, frame: Frame, avoid: SegmentIndex, rects: list, known: list, *, watching: bool, start: int
    ) -> tuple[list[tuple], list[tuple]]:
        """(`_guide_name_places`, every name at GUIDE_SIZES[`start`] or smaller)"""
        placed: list[QRectF] = []  # this view's guide names so far: none covers another
        gaps: list[float] = []  # how far above and below each of them the next keeps off
        places: list[tuple] = []
        entries: list[tuple] = []
        for k, (_item, guide, short, edges, fills) in enumerate(self._pending_names):
            before = (start, *places)
            entry = known[k] if k < len(known) else None
            if (
                entry is not None
                and entry[0] == before
                and same_reads(entry[1], edges, *entry[2])
                and same_reads(entry[3], avoid, *entry[4])
            ):
                place = entry[5]
                self.guide_names_kept += 1
            elif watching:
                self.guide_names_placed += entry is not None
                edges_read, avoid_read = watch(edges), watch(avoid)
                try:
                    place = self._guide_name_place(
                        frame, guide, short, edges, fills, avoid, rects, placed, gaps, start
                    )
                finally:
                    entry = (before, edges, edges_read.stop(), avoid, avoid_read.stop(), None)
                entry = (*entry[:5], place)
            else:
                place = self._guide_name_place(
                    frame, guide, short, edges, fills, avoid, rects, placed, gaps, start
                )
            entries.append(entry)
            _text, size, width, height, x, y = place
            placed.append(QRectF(x, y, width, height).adjusted(-0.4, 0, 0.4, 0))
            gaps.append(GUIDE_NAMES_APART_LINES * size)
            places.append(place)
        return places, entries

    def _guide_name_place(
        self,
        frame: Frame,
        guide,
        short: str,
        edges,
        fills,
        avoid,
        rects: list,
        placed: list,
        gaps: list,
        start: int = 0,
    ) -> tuple:
        """(text, size, width, height, x, y) of one guide's name after the names `placed`, at
        GUIDE_SIZES[`start`] or smaller."""
        # other names kept further off than other text: two names one over the other
        # (or end to end) would read as one
        apart = [
            _box(r.adjusted(-GUIDE_NAMES_APART_MM, -sep, GUIDE_NAMES_APART_MM, sep))
            for r, sep in zip(placed, gaps, strict=True)
        ]
        # the name as it is, else in two lines, else in smaller type (down to
        # 70 % of it): the first that has a place clear of everything
        found = None
        for factor in GUIDE_SIZES[start:]:
            size = self.guide_mm * factor
            for split in (False, True):
                lines = self._guide_name_lines(frame, short, size, split)
                if split and len(lines) < 2:
                    continue
                text, width, height = _name_measured(lines, size)
                at = self._guide_name_position(
                    frame,
                    guide.points,
                    width,
                    len(lines),
                    height,
                    edges,
                    avoid,
                    rects + apart,
                    size=size,
                    fills=fills,
                )
                if at is not None:
                    found = (text, size, width, height, at)
                    break
            if found is not None:
                break
        if found is None:  # crowded everywhere: where it covers the least, as it is
            size = self.guide_mm * GUIDE_SIZES[start]
            lines = self._guide_name_lines(frame, short, size)
            text, width, height = _name_measured(lines, size)
            # guide lines too close together for a name between them: it may cross them,
            # but keeps off the leaders, the labels and the other names where it can
            at = self._guide_name_position(
                frame,
                guide.points,
                width,
                len(lines),
                height,
                edges,
                SegmentIndex(segments_of(self._leaders)),
                rects + apart,
                size=size,
                fills=fills,
            ) or self._guide_name_position(frame, guide.points, width, len(lines), height, edges, size=size)
            found = (text, size, width, height, at)
        text, size, width, height, at = found
        # two lines close together (shoulder and diaphragm on a side view) and no clear
        # place for the later name: it steps up above the earlier one instead of covering it
        spot = QRectF(at.x(), at.y(), width, height)
        for _round in range(len(placed)):
            hit = next((r for r in placed if r.intersects(spot.adjusted(0.2, 0.2, -0.2, -0.2))), None)
            if hit is None:
                break
            spot.moveBottom(hit.top() - 0.2)
        return (text, size, width, height, spot.x(), spot.y())

    def _outline_index(self, frame: Frame) -> SegmentIndex:
        """The view's outline in scene mm, filed for guide names' places (made once per chart
        and place of the view)."""
        return self._filed(("outline", frame.view.id, frame.dx, frame.dy), lambda: [[frame.view.outline]])

    def _zone_edges(self, frame: Frame, zones, kind: str = "edges") -> SegmentIndex:
        """The edges of the view's zones (`zones`, in the order drawn), each tagged with its
        zone, in scene mm, filed for guide names' places (the edges they cover, the fills
        they sit on): made once per chart and place of the view (a chart is drawn a few
        times while its text size settles, and again on every resize or view switch)."""
        view_id = frame.view.id
        shapes = [zone.shapes[view_id] for zone in zones]
        return self._filed((kind, view_id, frame.dx, frame.dy), lambda: shapes)

    def _filed(self, key: tuple, zones) -> SegmentIndex:
        """(`_outline_index`, `_zone_edges`) kept for the chart drawn last (`self.atlas`:
        a changed chart is a new Atlas), at most a few dozen places of its views."""
        if self._indexes[0] is not self.atlas or len(self._indexes[1]) > 48:
            self._indexes = (self.atlas, {})
        found = self._indexes[1].get(key)
        if found is None:
            dx, dy = key[2], key[3]

            def segments() -> list[tuple[float, ...]]:  # when a placement first asks
                return zone_segments(
                    [[[(dx + x, dy - y) for x, y in ring] for ring in rings] for rings in zones()]
                )

            found = DeferredSegmentIndex(segments)
            self._indexes[1][key] = found
        return found

    def _scene_ring(self, frame: Frame, ring) -> list[tuple[float, float]]:
        return [(frame.dx + x, frame.dy - y) for x, y in ring]

    def _guide_name_position(
        self,
        frame: Frame,
        points,
        width: float,
        lines: int = 1,
        height: float = 0.0,
        edges=(),
        avoid=(),
        rects=(),
        *,
        size: float = 0.0,
        fills=(),
    ) -> QPointF | None:
        """Above a closed guide (an ankle bone) or the top of an upright one, or else beside
        or below it; by a crosswise line, from its outer end inwards to where the name is
        clear of the outline and covers the least of the zones' edges
        (layout.labels.guide_name_spot). Never within GUIDE_CLEARANCE_MM of the lines in
        `avoid` (leaders, guide lines) or the rectangles in `rects` (labels, other names):
        None when there is no such place (given `avoid`). Never past the foot's sides, where
        the label columns are."""
        ends = self._points(frame, points)
        size = size or self.guide_mm
        above = size * 1.3 + (lines - 1) * size * 1.17  # the lines' height over the guide
        xs, ys = [p.x() for p in ends], [p.y() for p in ends]
        closed = len(points) > 3 and points[0] == points[-1]
        line = [(p.x(), p.y()) for p in ends]
        box_height = max(height, size)
        if closed or max(xs) - min(xs) < 0.3 * (max(ys) - min(ys)):
            x, y = (min(xs) + max(xs)) / 2 - width / 2, min(ys) - above - size * 0.1
            spot = best_spot(
                upright_name_spots(line, width + 0.8, box_height, GUIDE_CLEARANCE_MM + 0.1, closed=closed),
                width + 0.8,
                box_height,
                outline=self._outline_index(frame) if not closed else (),
                edges=edges,
                avoid=avoid,
                avoid_rects=rects,
                clearance=GUIDE_CLEARANCE_MM,
                within=(frame.left + 0.6, frame.right - 0.6),
                inside=False,  # past the line's end, over the paper above the foot, is clear too
                fills=fills,
            )
            if spot is not None:
                x, y = spot[0] + 0.4, spot[1]
            elif avoid:
                return None
        else:
            on_left = frame.lead_left >= frame.lead_right
            outer = min(ends, key=lambda p: p.x()) if on_left else max(ends, key=lambda p: p.x())
            x = outer.x() + 2.5 if on_left else outer.x() - width - 2.5
            y = outer.y() - above
            spot = guide_name_spot(
                line,
                self._outline_index(frame),
                edges,
                width + 0.8,  # the veil behind the name reaches 0.4 mm past its text
                box_height,
                from_left=on_left,
                gap=max(min(size * 0.15, 0.6), GUIDE_CLEARANCE_MM + 0.1),  # close by its line at any size
                avoid=avoid,
                avoid_rects=rects,
                clearance=GUIDE_CLEARANCE_MM,
                fills=fills,
            )
            if spot is None and avoid:
                return None
            if spot is not None:
                x, y = spot[0] + 0.4, spot[1]
        x = max(frame.left + 1.0, min(x, frame.right - width - 1.0))
        return QPointF(x, y)

    def _draw_labels(self, atlas: Atlas, frame: Frame, zone_ids: list[str], side: str) -> None:
        if not zone_ids:
            return
        anchors = [self.to_scene(frame.view.id, *self.anchors[(frame.view.id, z)]) for z in zone_ids]
        size = self.label_mm
        names = self._column_names(frame.view, zone_ids)
        counts = [name.count("\n") + 1 for name in names]
        pitch = line_mm(size)
        # a name drawn by a font whose letters reach further (Tibetan) takes as much more room,
        # and its middle stands that much off its leader
        beyond = [ink_beyond_usual(name, size) for name in names]
        offsets = [(below - above) / 2 for above, below in beyond]
        middles = column_places(
            [a.y() + off for a, off in zip(anchors, offsets, strict=True)],
            counts,
            size * 1.55,
            pitch,
            frame.top + size,
            frame.bottom - size,
            [above + below for above, below in beyond],
        )
        positions = [m - off for m, off in zip(middles, offsets, strict=True)]
        for zone_id, anchor, y, name, count in zip(zone_ids, anchors, positions, names, counts, strict=True):
            text = text_item(name, size, flush_right=side == "left")
            # as drawn: DejaVu Sans's last 'k' or 'r' inks a pixel (at FONT_PX) past its
            # advance, and a left column's 'Neck' stood 1.05 mm from its leader, not 1.2
            width = text.boundingRect().width() * text.scale()
            top = y - size * 0.62 - (count - 1) * pitch / 2  # the leader meets the middle line
            if side == "left":
                x_end = frame.left - frame.lead_left
                text.setPos(x_end - width, top)
                start = QPointF(x_end + LEADER_GAP_MM, y)
                elbow = QPointF(x_end + LEADER_STUB_MM, y)
            else:
                x_end = frame.right + frame.lead_right
                text.setPos(x_end, top)
                start = QPointF(x_end - LEADER_GAP_MM, y)
                elbow = QPointF(x_end - LEADER_STUB_MM, y)
            # into the foot level with the anchor, along the path that chose this side: a
            # label moved up or down to make room slants outside the foot, not over other zones
            edge = QPointF(frame.left - 1.0 if side == "left" else frame.right + 1.0, anchor.y())
            self._add_label(frame, zone_id, text, [start, elbow, edge, anchor], side)

    def _below_rows(self, view: View, zone_ids: list[str]) -> int:
        """Rows of labels under a side view's sole: one, or two when one would reach far past
        the foot (long names, large type), so that labels stay near their zones."""
        if not zone_ids:
            return 0
        minx, _, maxx, _ = bounds(view.outline)
        need = sum(text_width(self.label_text(z, 1), self.label_mm, True) + 5.0 for z in zone_ids)
        return 1 if need <= maxx - minx + OUTER_LEAD_MM or len(zone_ids) < 3 else 2

    def _row_pitch(self, zone_ids: list[str]) -> float:
        """How far apart (mm) the rows of labels under a side view's sole stand: 1.45 label
        heights, more where a name's script is drawn by a taller font (Tibetan)."""
        taller = max(
            (sum(ink_beyond_usual(self.label_text(z, 1), self.label_mm)) for z in zone_ids), default=0.0
        )
        return self.label_mm * 1.45 + taller

    def _draw_labels_below(self, atlas: Atlas, frame: Frame, zone_ids: list[str]) -> None:
        """Labels for zones along the sole of a side view: a row (or two, alternating) under
        it, leaders going up."""
        if not zone_ids:
            return
        anchors = [self.to_scene(frame.view.id, *self.anchors[(frame.view.id, z)]) for z in zone_ids]
        widths = [text_width(self.label_text(z, 1), self.label_mm, True) for z in zone_ids]  # room for bold
        low, high = frame.left - frame.lead_left / 2, frame.right + frame.lead_right / 2
        rows = self._below_rows(frame.view, zone_ids)
        by_x = sorted(range(len(zone_ids)), key=lambda i: anchors[i].x())
        row_of = {i: k % rows for k, i in enumerate(by_x)}
        centres = [0.0] * len(zone_ids)
        for row in range(rows):
            members = [i for i in range(len(zone_ids)) if row_of[i] == row]
            placed = spread_sized(
                [anchors[i].x() for i in members], [widths[i] for i in members], 5.0, low, high
            )
            for i, x in zip(members, placed, strict=True):
                centres[i] = x
        # a label in the second row rises to the sole between the first row's labels, never
        # through one of them
        first_row = [(centres[i] - widths[i] / 2 - 1.0, centres[i] + widths[i] / 2 + 1.0) for i in by_x]
        first_row = [span for i, span in zip(by_x, first_row, strict=True) if row_of[i] == 0]
        risers = []
        for i, (x, width, anchor) in enumerate(zip(centres, widths, anchors, strict=True)):
            if row_of[i] == 0:
                risers.append(x)
                continue
            inset = min(1.0, width / 2)
            free = free_x(x - width / 2 + inset, x + width / 2 - inset, first_row, anchor.x())
            if free is None:  # hidden under a wider label: rise just beside it
                reach = 2.0 * self.label_mm
                free = free_x(x - width / 2 - reach, x + width / 2 + reach, first_row, anchor.x())
            risers.append(x if free is None else free)
        levels = _run_levels([(min(x, a.x()), max(x, a.x())) for x, a in zip(risers, anchors, strict=True)])
        for i, (zone_id, anchor, width, x, level) in enumerate(
            zip(zone_ids, anchors, widths, centres, levels, strict=True)
        ):
            row_y = frame.bottom + 7 + row_of[i] * self._row_pitches.get(frame.view.id, self.label_mm * 1.45)
            text = text_item(self.label_text(zone_id, 1), self.label_mm)
            text.setPos(x - width / 2, row_y)
            rise = risers[i]
            start = [QPointF(rise, row_y - 0.6)]
            if not x - width / 2 < rise < x + width / 2:  # from the label's side, then up
                middle = row_y + self.label_mm * 0.6
                side = x - width / 2 - 0.6 if rise < x else x + width / 2 + 0.6
                start = [QPointF(side, middle), QPointF(rise, middle)]
            # under the sole to below the anchor, then straight up: a label pushed sideways
            # never runs its leader along the sole over its neighbours
            run = frame.bottom + 1.2 + 1.3 * level
            points = [*start, QPointF(rise, run), QPointF(anchor.x(), run), anchor]
            self._add_label(frame, zone_id, text, points)

    def _add_label(self, frame: Frame, zone_id: str, text, points: list[QPointF], side: str = "") -> None:
        leader = QGraphicsPathItem(_polyline(points))
        pen = QPen(palette.OUTLINE, 0.3)
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        leader.setPen(pen)
        anchor = points[-1]
        dot = QGraphicsEllipseItem(anchor.x() - 0.9, anchor.y() - 0.9, 1.8, 1.8)
        dot.setBrush(palette.OUTLINE)
        dot.setPen(QPen(Qt.PenStyle.NoPen))
        for z, item in ((7, text), (6, leader), (6.5, dot)):
            item.setZValue(z)
            self.addItem(item)
        self.labels[(frame.view.id, zone_id)] = ZoneLabel(text, leader, dot, side, tuple(points), text.pos())

    @property
    def caption_mm(self) -> float:
        """The title's size (mm)."""
        return self.type.title

    @property
    def guide_mm(self) -> float:
        return self.type.guide

    def _draw_title(self, title: str, top: float, left: float, right: float) -> None:
        """Centred above the chart; a title wider than the chart (large type, German) takes a
        second line, and only what would not fit on two lines is cut with "…"."""
        size = self.caption_mm
        width = max(right - left, 40.0)
        lines = [" ".join(title[:2000].split())]
        if text_width(lines[0], size, True) > width:
            words = lines[0].split(" ")
            first = ""
            for k in range(len(words), 0, -1):  # the longest start that fits, then the rest
                first = " ".join(words[:k])
                if text_width(first, size, True) <= width:
                    lines = [first, " ".join(words[k:])] if k < len(words) else [first]
                    break
            lines = [elided(line, size, width, bold=True) for line in lines[:2]]
        for k, line in enumerate(lines):
            heading = text_item(line, size, bold=True)
            y = top - 10 - size - (len(lines) - 1 - k) * size * 1.25
            heading.setPos((left + right) / 2 - text_width(line, size, True) / 2, y)
            self.addItem(heading)
            self.title_items.append(heading)

    def view_caption(self, view_id: str) -> str:
        """ "Left foot" (and, on side views, which side): where a zone is, in words."""
        frame = self._frame(view_id)
        return f"{foot_name(frame.view.foot)}, {aspect_name(frame.view.aspect)}"

    def _draw_caption(self, frame: Frame) -> None:
        caption = foot_name(frame.view.foot)
        size = self.type.foot
        item = text_item(caption, size, bold=True)
        item.setPos(
            (frame.left + frame.right) / 2 - text_width(caption, size, True) / 2,
            frame.bottom + frame.below + 5,
        )
        self.addItem(item)

    def chart_shapes(self) -> tuple[list[QRectF], list[list[tuple[float, float]]]]:
        """What a problem's message had better not hide (scene mm): the zones' bounding boxes,
        and the leaders and guide lines as polylines."""
        zones = [item.sceneBoundingRect() for item in self.zone_items.values() if item.isVisible()]
        lines = [
            line
            for label in self.labels.values()
            if label.leader.isVisible()
            for line in _path_lines(label.leader)
        ]
        lines += [
            line
            for item in self.guide_items
            if isinstance(item, QGraphicsPathItem) and item.isVisible()
            for line in _path_lines(item)
        ]
        return zones, lines

    def chart_text_boxes(self) -> list[QRectF]:
        """Where the chart's own text stands (scene mm): the title, each foot's caption, the
        key's rows and caveat, and every zone label and guide name shown. A mode's message over
        the map keeps clear of them (the editor's problems)."""
        boxes = [item.sceneBoundingRect() for item in self.title_items]
        size = self.type.foot
        for frame in self.frames:
            width = text_width(foot_name(frame.view.foot), size, True)
            middle, top = (frame.left + frame.right) / 2, frame.bottom + frame.below + 5
            boxes.append(QRectF(middle - width / 2, top, width, size * 1.3))
        if self.key is not None:
            boxes += [item.sceneBoundingRect() for item in (*self.key.swatches, *self.key.caveat)]
        shown = [label.text for label in self.labels.values()]
        shown += [item for item in self.guide_names if isinstance(item, QGraphicsSimpleTextItem)]
        return boxes + [item.sceneBoundingRect() for item in shown if item.isVisible()]

    def _draw_key(self, atlas: Atlas, views: list[View], left: float, right: float, y: float) -> None:
        if self.mastery is not None:
            swatches = mastery_swatches()
        else:
            swatches = region_swatches(_key_regions(atlas, views))
        self.key = draw_key(
            self,
            swatches,
            left,
            right,
            y,
            atlas.tradition,
            self.type,
            guides=any(view.guides for view in views),
        )

    # --- geometry helpers -----------------------------------------------------------
    def _frame(self, view_id: str) -> Frame:
        for frame in self.frames:
            if frame.view.id == view_id:
                return frame
        raise KeyError(view_id)

    def to_scene(self, view_id: str, x: float, y: float) -> QPointF:
        """Scene point of (x, y) mm in a view's own coordinates."""
        return QPointF(*self._frame(view_id).to_chart(x, y))

    def to_view(self, view_id: str, point: QPointF) -> tuple[float, float]:
        """(x, y) mm in a view's own coordinates of a scene point (also outside the view)."""
        frame = self._frame(view_id)
        return point.x() - frame.dx, frame.dy - point.y()

    def locate(self, point: QPointF) -> tuple[str, float, float] | None:
        """(view id, x mm, y mm) of the view whose column holds the scene point, if any."""
        return locate(self.frames, point.x(), point.y())

    def view_rect(self, view_id: str) -> QRectF:
        frame = self._frame(view_id)
        return QRectF(frame.left, frame.top, frame.right - frame.left, frame.bottom - frame.top)

    def _points(self, frame: Frame, ring) -> list[QPointF]:
        return [QPointF(frame.dx + x, frame.dy - y) for x, y in ring]

    def _path(self, frame: Frame, ring) -> QPainterPath:
        path = QPainterPath()
        path.addPolygon(QPolygonF(self._points(frame, ring)))
        path.closeSubpath()
        return path

    # --- state shown ----------------------------------------------------------------
    def set_hovered(self, key: tuple[str, str] | None) -> None:
        if key == self._hovered:
            return
        if self._hovered in self.zone_items:
            self.zone_items[self._hovered].set_hovered(False)
        self._hovered = key if key in self.zone_items else None
        if self._hovered is not None:
            self.zone_items[self._hovered].set_hovered(True)

    def set_selected(self, zone_id: str | None, view_id: str | None = None) -> None:
        """Mark `zone_id` in every shown view (both feet show the same chart zone), or only
        in `view_id` (a quiz highlights the one zone it asks about). Touches only the items
        whose state changes, so a click costs the same on a chart of 10,000 zones."""
        keys = self.keys_by_zone.get(zone_id, []) if zone_id else []
        selected = {key for key in keys if view_id in (None, key[0])}
        for key in self.selected_keys ^ selected:
            on = key in selected
            self.zone_items[key].set_selected(on)
            label = self.labels.get(key)
            if label is not None:
                _set_bold(label, on, self.chart_rect)
        self.selected_keys = selected

    def mark(
        self,
        view_id: str,
        zone_id: str,
        text: str,
        at: tuple[float, float] | None = None,
        away_from: tuple[str, str] | None = None,
    ) -> None:
        """A boxed note at a zone (quiz feedback: "✔ Sacrum", "✖ Coccyx"), or at a point
        (x, y mm) of the view, e.g. a click outside every zone: then a ring marks the exact
        point and the note stands on the side away from the zone `away_from` (view, zone),
        so that it never seems to lie inside the zone that was asked for."""
        if at is None and (view_id, zone_id) not in self.anchors:
            return
        if at is not None and view_id not in {f.view.id for f in self.frames}:
            return
        anchor = self.to_scene(view_id, *(at or self.anchors[(view_id, zone_id)]))
        size = self.label_mm * 1.1
        # a long name wraps in two lines at most, as wide as the chart (the last cut with "…")
        room = max(size * 6, min(self.chart_rect.width() - 6, size * MAX_LABEL_EMS * 2))
        lines = [text] if text_width(text, size, True) <= room else wrap_words(text, size, room)
        if len(lines) > 2:
            lines = [lines[0], " ".join(lines[1:])]
        lines = [
            line if text_width(line, size, True) <= room else elided(line, size, room, bold=True)
            for line in lines
        ]
        label = text_item("\n".join(lines), size, bold=True)
        width = max(text_width(line, size, True) for line in lines)
        extra = (
            label.sceneBoundingRect().height()
            - text_item(lines[0], size, bold=True).sceneBoundingRect().height()
        )
        above = True
        if at is not None:
            ring = QGraphicsEllipseItem(anchor.x() - 1.4, anchor.y() - 1.4, 2.8, 2.8)
            ring.setPen(QPen(palette.INK, 0.6))
            ring.setBrush(palette.PAPER)
            ring.setZValue(22)
            self.addItem(ring)
            self.marks.append(ring)
            self._rings.append((anchor.x() - 1.7, anchor.y() - 1.7, 3.4, 3.4))  # with its pen
            if away_from is not None and away_from in self.anchors:
                above = anchor.y() <= self.to_scene(away_from[0], *self.anchors[away_from]).y()
        top = anchor.y() - size * 2.2 - extra if above else anchor.y() + size * 0.9
        item = self.zone_items.get((view_id, zone_id)) if at is None else None
        if item is not None:  # a small zone: the note stands just above it, not over it
            edge = item.sceneBoundingRect().top() - 0.6  # where the note's box should end
            bottom = top - 0.8 + size * 1.45 + extra
            if edge < bottom:
                top += max(edge, anchor.y() - size * 4 - extra) - bottom
        left = anchor.x() - width / 2
        chart = self.chart_rect
        left = max(chart.left() + 1.5, min(left, chart.right() - 1.5 - width))  # inside the chart
        back = QGraphicsRectItem()
        back.setBrush(palette.PAPER)
        back.setPen(QPen(palette.INK, 0.4))
        for z, item in ((20, back), (21, label)):
            item.setZValue(z)
            self.addItem(item)
            self.marks.append(item)
        self._notes.append(((left - 1.5, top - 0.8, width + 3, size * 1.45 + extra), label, back))
        self._place_notes()
        if (view_id, zone_id) in self.zone_items:
            self.zone_items[(view_id, zone_id)].set_marked(True)

    def _place_notes(self) -> None:
        """Every note where it wants to be, unless that covers a ring or a note before it
        (layout.marks): a ring added later may move an earlier note too."""
        boxes = place_notes([wanted for wanted, _label, _back in self._notes], self._rings)
        for (left, top, width, height), (_wanted, label, back) in zip(boxes, self._notes, strict=True):
            label.setPos(left + 1.5, top + 0.8)
            back.setRect(left, top, width, height)

    def clear_marks(self) -> None:
        for item in self.marks:
            self.removeItem(item)
        self.marks, self._notes, self._rings = [], [], []
        for item in self.zone_items.values():
            item.set_marked(False)

    def set_labels_visible(self, visible: bool) -> None:
        for label in self.labels.values():
            for item in (label.text, label.leader, label.dot):
                item.setVisible(visible)

    def set_guides_visible(self, visible: bool) -> None:
        for item in self.guide_items:
            item.setVisible(visible)

    def present(self, presentation, *, guides_visible: bool) -> None:
        """Presenter mode (a `state.Presentation`): names of revealed zones only, the current
        one outlined, others dimmed under a spotlight; a blank chart has grey outlines, no
        colour key and no guide names, so nothing gives an answer away."""
        shown, current, blank = presentation.revealed, presentation.current, presentation.blank
        for (_view, zone_id), label in self.labels.items():
            for item in (label.text, label.leader, label.dot):
                item.setVisible(zone_id in shown)
        for (_view, zone_id), item in self.zone_items.items():
            item.set_neutral(blank)  # grey outlines: no region colour tells the answer
            item.setOpacity(
                PRESENTER_DIMMED if presentation.spotlight and current and zone_id != current else 1.0
            )
        for item in self.base_items:  # under a partial chart: the same bare outlines when blank
            item.set_fill(None if blank else palette.base_zone_brush())
        if self.key is not None:  # the colour key names the regions: not on a blank chart
            for item in self.key.swatches:
                item.setVisible(not blank)
        for item in self.guide_names:  # "Sciatic" would say where the sciatic zone is
            item.setVisible(not blank and guides_visible)
        self.set_selected(current or None)

    def keyboard_order(self) -> list[tuple[str, str]]:
        """(view, zone) pairs along each foot, toes to heel, left foot first.

        Worked out once per drawing: every Tab, presenter step and screen-reader query asks."""
        if self._keyboard_order is None:
            self._keyboard_order = keyboard_order(self.frames, self.zone_items, self.anchors)
        return list(self._keyboard_order)


def _same_item(a: QGraphicsItem, b: QGraphicsItem) -> bool:
    """Whether two items draw the same (an item redrawn unchanged keeps the one on screen)."""
    if type(a) is not type(b):
        return False
    if (
        a.zValue() != b.zValue()
        or a.pos() != b.pos()
        or a.isVisible() != b.isVisible()
        or a.opacity() != b.opacity()
        or a.toolTip() != b.toolTip()
        or a.transform() != b.transform()
        or a.flags() != b.flags()
        or a.acceptHoverEvents() != b.acceptHoverEvents()
        or a.childItems()
        or b.childItems()
    ):
        return False
    if isinstance(a, QGraphicsSimpleTextItem):
        return (a.text(), a.font(), a.brush(), a.pen()) == (b.text(), b.font(), b.brush(), b.pen())
    if isinstance(a, QGraphicsPathItem | QGraphicsRectItem | QGraphicsEllipseItem):
        if a.pen() != b.pen() or a.brush() != b.brush():
            return False
        if isinstance(a, ZoneItem) and (
            (a.view_id, a.zone_id, a.region, a.hovered, a.selected, a.marked, a.neutral)
            != (b.view_id, b.zone_id, b.region, b.hovered, b.selected, b.marked, b.neutral)
            or (a.fill is None) != (b.fill is None)
            or (a.fill is not None and a.fill != b.fill)
        ):
            return False
        if isinstance(a, QGraphicsPathItem):
            return a.path() == b.path()
        if isinstance(a, QGraphicsEllipseItem):
            return (a.rect(), a.startAngle(), a.spanAngle()) == (b.rect(), b.startAngle(), b.spanAngle())
        return a.rect() == b.rect()
    return False


def _set_bold(label: ZoneLabel, bold: bool, bounds: QRectF) -> None:
    """A label drawn bold (its zone selected) or regular again. Its column was measured in
    bold (`ChartScene._column_width`), so in a column the bold text keeps the end by its
    leader, where the regular text stands, and grows outwards into that room: the leader and
    the gap before it stay as drawn (growing towards the leader, a bold "Ischiasnerv" at
    Largest text in German touched its leader's end). The type keeps its size; only where
    the bold text would pass `bounds` (the fitted chart) is it set narrower, to end there."""
    text = label.text
    font = text.font()
    if font.bold() == bold:
        return
    before = text.boundingRect().width()  # as drawn: a last letter's ink past its advance too
    font.setBold(bold)
    text.setFont(font)
    text.setTransform(QTransform())
    if label.side not in ("left", "right") or label.home is None:
        return  # (a row under a sole is measured bold)
    if not bold:
        text.setPos(label.home)
        return
    heavy = text.boundingRect().width() * text.scale()
    grown = max(heavy - before * text.scale(), 0.0)
    # the chart is fitted to what it draws, 6 mm round it (ChartScene.chart_rect): a long
    # name at its outer edge, bold, would pass that by what its weight adds beyond the 6 mm
    # (to 8 px past the map's edge on screen: 'Gebärmutter oder Prostata', German, Largest
    # text); it is set that much narrower instead (fitting the chart to the bold room made
    # every text smaller, below legible on a 1024×768 projector)
    inside = (
        label.home.x() + before * text.scale() - bounds.left()
        if label.side == "left"
        else bounds.right() - label.home.x()
    )
    squeeze = min(1.0, inside / heavy) if heavy > 0 and inside > 0 else 1.0
    text.setTransform(QTransform.fromScale(squeeze, 1.0))
    shift = grown - heavy * (1.0 - squeeze) if label.side == "left" else 0.0
    text.setPos(label.home.x() - shift, label.home.y())


def _polyline(points) -> QPainterPath:
    path = QPainterPath(points[0])
    for point in points[1:]:
        path.lineTo(point)
    return path


def _run_levels(spans: list[tuple[float, float]]) -> list[int]:
    """A level (0, 1, 2 …) for each horizontal leader run so that runs that overlap lie on
    different levels; a run of (almost) no length stays on level 0."""
    levels = [0] * len(spans)
    taken: list[list[tuple[float, float]]] = []
    for i in sorted(range(len(spans)), key=lambda k: spans[k][1] - spans[k][0]):
        low, high = spans[i]
        if high - low < 0.5:
            continue
        level = 0
        while level < len(taken) and any(a - 1 < high and low < b + 1 for a, b in taken[level]):
            level += 1
        if level == len(taken):
            taken.append([])
        taken[level].append((low, high))
        levels[i] = level
    return [min(level, 3) for level in levels]


def _key_regions(atlas: Atlas, views: list[View]) -> list[str]:
    """The regions the key lists: those of the zones drawn in `views`, in the palette's order."""
    regions = []
    for view in views:
        for zone in atlas.zones_in(view.id):
            if zone.region not in regions:
                regions.append(zone.region)
    return sorted(regions, key=list(REGION_COLOURS).index)


def _drawn(atlas: Atlas, view_id: str) -> list:
    """The zones of a view in the order they are drawn: larger first, smaller on top."""
    return sorted(atlas.zones_in(view_id), key=lambda z: -atlas.index.area(view_id, z.id))


def _short(guide) -> str:
    """A guide line's name as drawn on the map ("Diaphragm line (approximate)": "Diaphragm")."""
    return guide.name.split(" (")[0].replace(" line", "")


def _has_view(atlas: Atlas, view_id: str) -> bool:
    return any(v.id == view_id for v in atlas.views)


def _path_lines(item: QGraphicsPathItem) -> list[list[tuple[float, float]]]:
    """A path item's polylines in scene coordinates (a leader's bends)."""
    found = []
    for polygon in item.path().toSubpathPolygons():
        points = [item.mapToScene(p) for p in polygon]
        found.append([(p.x(), p.y()) for p in points])
    return found


def _box(rect: QRectF) -> tuple[float, float, float, float]:
    return rect.left(), rect.top(), rect.right(), rect.bottom()


def _line(a: QPointF, b: QPointF) -> QPainterPath:
    path = QPainterPath(a)
    path.lineTo(b)
    return path


class KeptPlaces(Protocol):
    """Guide names' places kept between starts, by view and `_places_token`."""

    def get(self, view_id: str, token: str) -> list[tuple] | None: ...

    def put(self, view_id: str, token: str, places: list[tuple]) -> None: ...


def _places_token(frame: Frame, guide_mm: float, min_guide_mm: float, inputs: tuple) -> str:
    """What a view's guide names' places depend on besides the chart file, the settings, the
    font and the code (the kept file's key): the view's place, the type sizes, the guides
    and their names, the labels' boxes and the zones under them; as a short checksum."""
    _frame, _guide_mm, guides, rects, fills = inputs
    text = repr(
        (frame.view.id, frame.dx, frame.dy, frame.left, frame.right, frame.top, frame.bottom)
        + (guide_mm, min_guide_mm, guides, rects, fills)
    ).encode()
    return f"{zlib.crc32(text):08x}{zlib.adler32(text):08x}{len(text)}"


def _name_measured(lines: list[str], size: float) -> tuple[str, float, float]:
    """A guide name's text (its lines joined), width and height in italic at `size` mm."""
    text = "\n".join(lines)
    width = max(text_width(line, size, italic=True) for line in lines)
    return text, width, text_item(text, size, italic=True).sceneBoundingRect().height()
