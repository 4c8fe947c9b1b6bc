"""A chart as a QGraphicsScene in millimetres: the feet of one aspect side by side, zones,
guide lines, labels in columns with leader lines, captions and a colour key.

Used by the map view on screen and by the exporter, so what is printed is what is seen.
Scene x is millimetres to the right; scene y is millimetres *down*, so a view's y (heel
to toes, up) is negated and each view is shifted right by its own offset.

`ChartScene` is put together from parts, one job each (render/chart_scene_*.py): frames (where
each view stands, its outline, zones and guide lines), labels (columns and leaders), guides
and guide_spots (guide lines' names), key (title, key, caveat), state (hover, selection, marks,
presenter) and update (an edit drawn again only where it changed); parts holds what they share.
This module draws a whole chart (`show_chart`) and names what other modules import.
"""

from __future__ import annotations

import itertools
import math

from PySide6.QtCore import QRectF
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsRectItem,
    QGraphicsScene,
    QGraphicsSimpleTextItem,
)

from ..atlas import Atlas
from ..i18n import _
from ..layout.columns import column_room, feet_width, label_within_feet
from ..layout.frames import Frame, bounds, is_wide
from ..layout.marks import Box
from ..layout.order import keyboard_order
from ..layout.text_sizes import LABEL_MM, ChartType, chart_type
from ..vocab import aspect_title
from . import palette
from .chart_key import DrawnKey
from .chart_scene_frames import FramesMixin
from .chart_scene_guide_spots import GuideSpotsMixin
from .chart_scene_guides import GuideNamesMixin, KeptPlaces
from .chart_scene_guides_alone import GuidesAloneMixin
from .chart_scene_key import KeyMixin
from .chart_scene_labels import KeptSides, LabelsMixin
from .chart_scene_parts import (
    BELOW_ROW_MM,
    COLUMN_SEP_MM,
    COMMON_GUIDE_STEP,
    GUIDE_CLEARANCE_MM,
    GUIDE_LABEL_MM,
    GUIDE_NAMES_APART_LINES,
    GUIDE_NAMES_APART_MM,
    GUIDE_SIZES,
    INNER_LEAD_MM,
    LEADER_GAP_MM,
    LEADER_STUB_MM,
    MAX_LABEL_EMS,
    MAX_LABEL_MM,
    OUTER_LEAD_MM,
    PRESENTER_DIMMED,
    SOLE_BAND_MM,
    ZoneLabel,
    _box,
    _path_lines,
)
from .chart_scene_state import StateMixin
from .chart_scene_update import UpdateMixin
from .chart_text import (
    text_item,
    text_width,
    wrap_words,
)
from .zone_item import ZoneItem

__all__ = [  # (the sizes and helpers other modules and tests import from here)
    "BELOW_ROW_MM",
    "COLUMN_SEP_MM",
    "COMMON_GUIDE_STEP",
    "GUIDE_CLEARANCE_MM",
    "GUIDE_LABEL_MM",
    "GUIDE_NAMES_APART_LINES",
    "GUIDE_NAMES_APART_MM",
    "GUIDE_SIZES",
    "INNER_LEAD_MM",
    "LABEL_MM",
    "LEADER_GAP_MM",
    "LEADER_STUB_MM",
    "MAX_LABEL_EMS",
    "MAX_LABEL_MM",
    "OUTER_LEAD_MM",
    "PRESENTER_DIMMED",
    "SOLE_BAND_MM",
    "ChartScene",
    "KeptPlaces",
    "KeptSides",
    "ZoneLabel",
    "_box",
    "_path_lines",
]


class ChartScene(
    UpdateMixin,
    StateMixin,
    KeyMixin,
    LabelsMixin,
    GuideNamesMixin,
    GuidesAloneMixin,
    GuideSpotsMixin,
    FramesMixin,
    QGraphicsScene,
):
    """A chart drawn in scene millimetres (see the module's docstring for its parts)."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.atlas: Atlas | None = None
        self.aspect = ""
        self.frames: list[Frame] = []
        self._kept_gaps: dict[tuple[str, str], float] = {}  # the feet's gaps kept (show_chart)
        self.zone_items: dict[tuple[str, str], ZoneItem] = {}
        self.labels: dict[tuple[str, str], ZoneLabel] = {}
        # The widest a label may be (mm) in each label column ((view id, side): ui/label_room.py),
        # besides MAX_LABEL_MM: set while the map is kept in place as a chart is edited to the
        # room each column has on screen (None: no limit)
        self.label_room_mm: dict[tuple[str, str], float] | None = None
        self.label_kept_names: frozenset[str] = frozenset()  # labels kept as drawn (not cut)
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
        self._pointed: list[tuple[str, str]] = []  # the zones quiz feedback points at (point_at)
        self._veiled: list[QGraphicsItem] = []  # guide names hidden over them
        self.guides_shown = True  # (set_guides_visible)
        self.overlaid: tuple[str, str] | None = None  # (show_chart)
        self.key_guides = False  # the key shows the guide lines' sample (`_draw_key`)
        self.views_guides = False  # the views drawn have guide lines
        self.numbers: dict[str, int] | None = None
        self.names = True
        self.label_mm = LABEL_MM
        self.text_scale = 1.0
        self.min_text_mm = 0.0
        self.type: ChartType = chart_type()  # each kind of text's size (layout/text_sizes.py)
        self.key: DrawnKey | None = None
        self.key_room: float | None = None  # the window's shape (width / height) the key was drawn for
        self._key_args: tuple | None = None  # what else it was drawn from (see fit_key_to)
        self.presenting = False  # the last chart drawn with presenting's larger labels
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
        self.kept_label_sides: KeptSides | None = None  # label sides kept likewise
        self.label_sides_chosen = 0  # views whose label sides were chosen (not kept from before)
        self.guide_names_searched = 0  # views whose guide names were placed by searching
        self._names_waiting: dict[str, list] = {}  # view id -> its guide names, drawn measuring
        self.base: Atlas | None = None  # the main chart under a partial one, drawn in grey
        self.base_items: list[ZoneItem] = []
        self.base_note: QGraphicsSimpleTextItem | None = None
        # the label sides of the last chart drawn, by (view id, wide): a chart is drawn a few
        # times while its text size settles (and on every resize), its sides stay the same
        self._sides: tuple[Atlas | None, dict] = (None, {})
        self._sides_before: tuple[Atlas | None, dict] = (None, {})  # the chart's before an edit
        self.sides_label_mm = LABEL_MM  # the labels' size their sides are chosen for
        self._indexes: tuple[Atlas | None, dict] = (None, {})  # see _filed
        self.frame_items: dict[str, list[QGraphicsItem]] = {}  # view id -> what its frame drew
        self._drawing: list[QGraphicsItem] | None = None  # the frame being drawn collects here
        self._staging: list[QGraphicsItem] | None = None  # see _redraw_frame
        self._placing_again = False  # see _place_names_again
        self._deferring_names = False  # the views' guide names placed after them all (show_chart)
        self._guide_step = 0  # the step of _guide_ladder every view's guide names are set at
        self.legible_mm = 0.0  # the guide names' least size (see show_chart)
        self._forget_guide_steps()
        self._wide = False
        self.labelled = True  # whether the last chart was laid out with its label columns
        self.column_mm = MAX_LABEL_MM  # the widest a label column may be (layout/columns.py)
        self._row_pitches: dict[str, float] = {}  # view id -> its rows' pitch under the sole
        self.largest_label_mm = math.inf  # presenting: labels no larger (layout/columns.py)
        self.columns_room: float | None = None  # presenting: the window shape its columns are for
        # view id -> whether the column between the feet has labels, as last drawn (see
        # _inner_kept_closed)
        self._inner_open: dict[str, bool] = {}
        self.setBackgroundBrush(palette.PAPER)

    def addItem(self, item: QGraphicsItem) -> None:  # noqa: N802 (Qt's name)
        if self._staging is None:  # a view drawn again is compared before it is shown
            super().addItem(item)
        if self._drawing is not None:
            self._drawing.append(item)

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
        whole_names: bool = False,
        guides: bool = True,
        overlaid: tuple[str, str] | None = None,
    ) -> None:
        """Draw `aspect` of `atlas` (or only the listed view ids), replacing what was there.

        `overlaid`: (name, tradition) of another chart whose zones are drawn over this one,
        dashed and hatched (Compare → Overlaid, render/overlay.py): the key names it beside
        a sample, and the caveat names both traditions.

        With `guides` False the guide lines are drawn hidden, and the key has no sample of them.

        `room`: the width over the height of the window it is fitted to, when known (presenting
        wraps long names only where the chart would be too wide for it). `whole_names`: label
        columns as wide as every name in two lines needs (the map shows less of the chart).

        With `labels` False no label columns are laid out (labels hidden, as in a quiz): the
        feet, title and key take the room the columns would have kept empty.

        With `mastery` (zone id -> 0..1, None for never practised) zones are coloured as a
        heat map of what the student knows, and each label carries its percentage.
        No text is drawn smaller than `min_text_mm` (the map view works it out from the
        screen's pixels, so that the key and guide names stay legible on a small window).
        With `base` (the main chart, under a partial one) its outlines and zones are drawn in
        grey under this chart's zones, and `base_note` says under the title what this one adds."""
        self.clear()
        self.guides_shown = guides
        self.overlaid = overlaid
        asked = label_mm  # (presenting's shrinks to its columns below)
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
        self.key, self.key_room, self._key_args = None, room, None
        self.title_items = []
        self._hovered = None
        self.atlas, self.aspect = atlas, aspect
        self.labelled = labels
        shown = [v for v in atlas.views_of(aspect) if views is None or v.id in views]
        wide = is_wide(shown)
        # label columns are bounded by the feet's width, their names shortened to it
        presenting = label_mm > LABEL_MM * text_scale * 1.001  # larger labels asked for
        self.presenting = presenting
        self.columns_room = room if presenting else None  # (see _presenting_columns)
        # the size the text setting asks for, not grown for the window: the sides stay the
        # same through the map's rounds of text sizes (a layout that changed with them made
        # the rounds settle elsewhere when labels were hidden and shown again); presenting's
        # labels shrink to what its columns hold (label_within_feet). Where the map pans
        # (`whole_names`) the text is not grown, and drawn at its size
        self.sides_label_mm = max(label_mm, min_text_mm) if whole_names else LABEL_MM * text_scale
        placed = [self._label_sides(atlas, view, wide) for view in shown]
        if presenting:  # no larger than lets the columns stand beside their feet
            heights = [bounds(v.outline)[3] - bounds(v.outline)[1] for v in shown]
            columns = [(h, max(len(p[0]), len(p[1]))) for h, p in zip(heights, placed, strict=True)]
            label_mm = label_within_feet(label_mm, columns, LABEL_MM * text_scale)
            # nor does the map's minimum on screen make them larger (it would, round after
            # round, shrinking the feet: ui/map_view.py stops asking at `largest_label_mm`)
            self.largest_label_mm = label_within_feet(math.inf, columns, LABEL_MM * text_scale)
            min_text_mm = min(min_text_mm, self.largest_label_mm)
            min_guide_mm = None if min_guide_mm is None else min(min_guide_mm, self.largest_label_mm)
        elif text_scale > 1.0 and not wide:  # larger text: its columns within the feet
            self.largest_label_mm = self._columns_within_feet(shown, placed, LABEL_MM * text_scale)
            min_text_mm = min(min_text_mm, self.largest_label_mm)
            min_guide_mm = None if min_guide_mm is None else min(min_guide_mm, self.largest_label_mm)
        else:
            self.largest_label_mm = math.inf
        # every text grows with the labels asked for (the text-size setting, presenting)
        self.min_text_mm = min_text_mm
        self.min_guide_mm = min_text_mm if min_guide_mm is None else min_guide_mm
        # the minimum without the growth asked for (larger text, presenting): guide names
        # crowded on a foot may shrink down to it (see _guide_ladder)
        self.legible_mm = min_text_mm * min(1.0, LABEL_MM / asked)
        self.type = chart_type(label_mm, min_text_mm, min_guide_mm)
        self.label_mm = self.type.label
        boxes = [bounds(v.outline) for v in shown]
        self.column_mm = column_room(
            feet_width([b[2] - b[0] for b in boxes], wide), 2 if wide else 2 * len(shown), self.label_mm
        )
        if presenting:  # names whole, in two lines where they are long and the chart too wide
            self.column_mm = self._presenting_columns(shown, placed, wide, room)
        elif whole_names:
            # larger text chosen on a window too small to grow it (the map shows less of the
            # chart at a legible size, ui/map_view.py _pans): names whole. Grown (German at
            # Largest on 1440×900), measured (no minimum) or on paper the columns stay
            # bounded by the feet, as the README says, names shortened
            self.column_mm = max(self.column_mm, self._whole_names_column(shown))
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
            view.id: self._row_pitch(view, below) for view, (_, _, below) in zip(shown, placed, strict=True)
        }
        # kept in place while editing: the gap between feet side by side is kept (a label gone
        # from the column between them, a zone's drawing undone, moved the other foot 58 px:
        # tryout S23-7); it grows where a label there needs it. Fit to window lays out afresh
        self._kept_gaps = (
            {(a.view.id, b.view.id): b.left - a.right for a, b in itertools.pairwise(self.frames)}
            if not wide and self.label_room_mm is not None and not self._wide
            else {}
        )
        self.frames = self._place(shown, sides, rows)
        self._wide = wide
        self.frame_items = {}
        self._deferring_names, self._guide_step = True, 0
        self._forget_guide_steps()
        try:
            for frame, sides_of_view in zip(self.frames, placed, strict=True):
                self._draw_frame(atlas, frame, sides_of_view)
        finally:
            self._deferring_names = False
        if not getattr(self, "measuring", False):  # (a map's rounds learn the size: see place_guide_names)
            self.place_guide_names()
        left = min(f.left - f.lead_left for f in self.frames) - max(
            self._column_width(v, s[0], "left") for v, s in zip(shown, sides, strict=True)
        )
        right = max(f.right + f.lead_right for f in self.frames) + max(
            self._column_width(v, s[1], "right") for v, s in zip(shown, sides, strict=True)
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
            bare = self._draw_key_in_room(atlas, shown, left, right, bottom, room)
            # (presenting's columns are laid out for the window too: its key is not laid out alone)
            self._key_args = None if presenting else (atlas, shown, left, right, bottom, bare)
        self.chart_rect = self.itemsBoundingRect().adjusted(-6, -6, 6, 6)
        self.setSceneRect(self.chart_rect)

    def _draw_frame(self, atlas: Atlas, frame: Frame, sides: tuple[list[str], list[str], list[str]]) -> None:
        """One view: its outline, zones, guides, labels and caption (kept in `frame_items`)."""
        left_ids, right_ids, below_ids = sides
        self._drawing = self.frame_items[frame.view.id] = []
        try:
            self._draw_view(atlas, frame)
            self._draw_labels(atlas, frame, left_ids, side="left")
            self._draw_labels(atlas, frame, right_ids, side="right")
            self._draw_labels_below(atlas, frame, below_ids)
            self._draw_caption(frame)
            if self._deferring_names:  # (all views' at one size: see place_guide_names)
                self._names_waiting[frame.view.id] = self._pending_names
            else:
                self._draw_guide_names(frame)  # (one view drawn again: at the others' size)
        finally:
            self._drawing = None

    def keyboard_order(self) -> list[tuple[str, str]]:
        """(view, zone) pairs along each foot, toes to heel, left foot first.

        Worked out once per drawing: every Tab, presenter step and screen-reader query asks."""
        if self._keyboard_order is None:
            self._keyboard_order = keyboard_order(self.frames, self.zone_items, self.anchors)
        return list(self._keyboard_order)
