"""Guide lines' names: placed once a view's labels and leaders are drawn, all of a view at one
size, kept where nothing they read changed (an edit) or read from the places kept between
starts (ui/kept_sizes.py). Part of `ChartScene` (render/chart_scene.py); where one name can
stand is chart_scene_guide_spots.py."""

from __future__ import annotations

import zlib
from typing import Protocol

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QPen
from PySide6.QtWidgets import (
    QGraphicsRectItem,
)

from ..i18n import bidi_isolate
from ..layout.frames import Frame
from ..layout.guide_reads import same_reads, watch
from ..layout.labels import (
    SegmentIndex,
    best_spot,
    segments_of,
)
from . import palette
from .chart_scene_parts import (
    COMMON_GUIDE_STEP,
    GUIDE_CLEARANCE_MM,
    GUIDE_NAMES_APART_LINES,
    GUIDE_NAMES_APART_MM,
    GUIDE_SIZES,
    _box,
    _path_lines,
)
from .chart_text import (
    elided,
    text_item,
    text_width,
    wrap_words,
)


class GuideNamesMixin:
    """(`ChartScene`'s part: see the module's docstring)"""

    def place_guide_names(self) -> None:
        """The guide names of the views drawn without them (`_names_waiting`: a chart drawn
        `measuring`, the map's rounds that fit its text to the window, or drawn whole), placed
        now from their labels and leaders, on top of their guide lines, and the chart's bounds
        taken again with them.

        Every view's names are set at one size (tryout S18-3: each foot chose its own, the
        left foot's names 1.18× the right's, those of the compare window's 1.4×): where the
        names of one view need smaller type to have a place, those of the others are placed
        again at that size (down to COMMON_GUIDE_STEP, as within a view)."""
        waiting, self._names_waiting = self._names_waiting, {}
        frames = [frame for frame in self.frames if frame.view.id in waiting]
        found = {}
        for frame in frames:
            self._pending_names = waiting[frame.view.id]
            found[frame.view.id] = self._find_guide_places(frame, self._guide_step)
        own = {view_id: self._own_step(places) for view_id, places in found.items()}
        common = max([self._guide_step, *(own[v] for v, places in found.items() if places)])
        for frame in frames:
            places = found[frame.view.id]
            if places and max(self._guide_size_step(place[1]) for place in places) < common:
                self._pending_names = waiting[frame.view.id]
                found[frame.view.id] = self._find_guide_places(frame, common)
        self._guide_step = common
        for view_id, places in found.items():  # (a view drawn again alone: chart_scene_guides_alone.py)
            self._note_guide_places(view_id, own[view_id], places, waiting[view_id])
        self._pair_kept(frames, waiting, found)
        self._final.update({view_id: list(places) for view_id, places in found.items()})
        for frame in frames:
            self._pending_names, self._drawing = waiting[frame.view.id], self.frame_items[frame.view.id]
            try:
                self._put_guide_names(found[frame.view.id])
            finally:
                self._drawing = None
        if waiting:
            self.chart_rect = self.itemsBoundingRect().adjusted(-6, -6, 6, 6)
            self.setSceneRect(self.chart_rect)

    def _pair_kept(self, frames: list[Frame], waiting: dict, found: dict) -> None:
        """`_pair_mirrored_names`, its result kept between starts with the views' places
        (`kept_guide_places`): the pairing searched again for spots clear on both feet at every
        start, 0.1 s of the built-in chart's first paint. Kept under what every view's places
        were found from (their tokens) and the places found, read back only where they hold."""
        memo, tokens = self.kept_guide_places, self._place_tokens
        if memo is None or not frames or any(f.view.id not in tokens for f in frames):
            self._pair_mirrored_names(frames, waiting, found)
            return
        text = repr(sorted((f.view.id, tokens[f.view.id], found.get(f.view.id)) for f in frames)).encode()
        token = f"paired-{zlib.crc32(text):08x}{zlib.adler32(text):08x}{len(text)}"
        kept = {f.view.id: memo.get(f.view.id, token) for f in frames}
        if all(
            places is not None and self._kept_places_hold(f, waiting[f.view.id], places)
            for f, places in zip(frames, kept.values(), strict=True)
        ):
            found.update(kept)
            return
        self._pair_mirrored_names(frames, waiting, found)
        for frame in frames:
            memo.put(frame.view.id, token, found[frame.view.id])

    def _pair_mirrored_names(self, frames: list[Frame], waiting: dict, found: dict) -> None:
        """Where one foot's view mirrors another's (`mirror_of`: the right foot drawn from the
        left), a guide's name placed differently on the two feet is set at mirrored places on
        both where there is a spot clear on both (tryout S18: the right sole's "Tendon" stood
        by the diaphragm line, the left's mid-arch): the other foot's place mirrored, else a
        place searched for among both feet's leaders, labels and names (the other's mirrored).
        Each foot keeps its own place where no spot is clear on both (their leaders differ).
        Names of different text or size, or guides not drawn as mirror images, are left as
        placed. Changes `found` in place."""
        by_id = {frame.view.id: frame for frame in frames}
        for frame in frames:
            source = by_id.get(frame.view.mirror_of) if frame.view.mirror_of else None
            if source is None or not found.get(frame.view.id) or not found.get(source.view.id):
                continue
            mine, theirs = waiting[frame.view.id], waiting[source.view.id]
            if len(mine) != len(theirs) or not all(
                _mirror_images(a[1].points, b[1].points) for a, b in zip(mine, theirs, strict=True)
            ):
                continue
            places, other = found[frame.view.id], found[source.view.id]
            shared = None  # searched the first time a name's two places are both taken
            # in rounds: a name moved may free the shared spot of one before it (German at
            # 1024x768: the right sole's waistline name stood where the tendon's would)
            for _round in range(len(places)):
                moved = False
                for k in range(len(places)):
                    here, there = places[k], other[k]
                    if here[:4] != there[:4] or _mirrored_place(there, source, frame) == here:
                        continue
                    spots = [there, _mirrored_place(here, frame, source), None]
                    for theirs_at in spots:
                        if theirs_at is None:  # the searched place, the first time one is needed
                            if shared is None:
                                step = max(self._guide_size_step(place[1]) for place in other)
                                shared = self._shared_guide_places(source, theirs, frame, mine, step)
                            if shared[k][:4] != there[:4]:
                                break
                            theirs_at = shared[k]
                        mine_at = _mirrored_place(theirs_at, source, frame)
                        if self._guide_spot_clear(frame, mine, places, k, mine_at) and self._guide_spot_clear(
                            source, theirs, other, k, theirs_at
                        ):
                            places[k], other[k], moved = mine_at, theirs_at, True
                            break
                if not moved:
                    break

    def _shared_guide_places(
        self, frame: Frame, pending: list, mirror: Frame, mirrored: list, start: int
    ) -> list[tuple]:
        """Places for `pending` names on `frame`'s view searched as the view's own are (at
        `_guide_ladder()[start]` or smaller), keeping clear of the `mirror` view's leaders and
        labels too, mirrored onto this one: where a name has a clear one, it is clear on both
        feet (`_pair_mirrored_names` checks that it is)."""
        lines, rects = self._guide_obstacles(frame, pending)
        mirror_lines, mirror_rects = self._guide_obstacles(mirror, mirrored)
        lines += [[_mirrored_point(p, mirror, frame) for p in line] for line in mirror_lines]
        for x0, y0, x1, y1 in mirror_rects:
            (mx0, my0), (mx1, my1) = (
                _mirrored_point((x1, y0), mirror, frame),
                _mirrored_point((x0, y1), mirror, frame),
            )
            rects.append((mx0, my0, mx1, my1))
        kept = self._pending_names, self._leaders
        self._pending_names = pending
        self._leaders = [
            line
            for key in self.labels
            if key[0] == frame.view.id
            for line in _path_lines(self.labels[key].leader)
        ]
        try:
            places, _entries = self._guide_name_places_from(
                frame, SegmentIndex(segments_of(lines)), rects, [], watching=False, start=start
            )
        finally:
            self._pending_names, self._leaders = kept
        return places

    def _guide_obstacles(self, frame: Frame, pending: list) -> tuple[list, list]:
        """The lines (the view's guide lines and leaders, scene mm) and rectangles (its labels)
        a guide name of `frame`'s view keeps clear of."""
        view_keys = [key for key in self.labels if key[0] == frame.view.id]
        leaders = [line for key in view_keys for line in _path_lines(self.labels[key].leader)]
        lines = [self._scene_ring(frame, g.points) for _i, g, *_r in pending] + leaders
        return lines, [_box(self.labels[key].text.sceneBoundingRect()) for key in view_keys]

    def _guide_spot_clear(self, frame: Frame, pending: list, places: list, k: int, place: tuple) -> bool:
        """Whether the `k`th of `pending` guide names could stand at `place` on `frame`'s
        view: clear of its leaders, guide lines, labels and the view's other names (kept as
        far apart as the search keeps them), never across the foot's outline nor past its
        sides, as `_guide_name_position` asks of a place it finds."""
        _item, guide, _short, edges, fills = pending[k]
        text, size, width, height, x, y = place
        lines, rects = self._guide_obstacles(frame, pending)
        for j, (_t, s, w, h, px, py) in enumerate(places):
            if j != k:
                sep = GUIDE_NAMES_APART_LINES * s
                rect = QRectF(px, py, w, h).adjusted(-0.4, 0, 0.4, 0)
                rects.append(_box(rect.adjusted(-GUIDE_NAMES_APART_MM, -sep, GUIDE_NAMES_APART_MM, sep)))
        rects += self._other_uprights(frame, guide, size)
        closed = len(guide.points) > 3 and guide.points[0] == guide.points[-1]
        spot = best_spot(
            [(0.0, x - 0.4, y)],
            width + 0.8,
            max(height, size),
            outline=self._outline_index(frame) if not closed else (),
            edges=edges,
            avoid=SegmentIndex(segments_of(lines)),
            avoid_rects=rects,
            clearance=GUIDE_CLEARANCE_MM,
            within=(frame.left + 0.6, frame.right - 0.6),
            inside=False,
            fills=fills,
        )
        return spot is not None

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
                words = wrap_words(" ".join(words), size, room, italic=True, balance=False)
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
        read has changed (see layout/guide_reads.py). Drawn alone (a view drawn again after an
        edit), as a drawing of the whole chart places them: at the other views' names' size,
        paired with the mirrored foot's after (chart_scene_guides_alone.py)."""
        self._put_guide_names(self._places_alone(frame))

    def _find_guide_places(self, frame: Frame, start: int) -> list[tuple]:
        """(text, size, width, height, x, y) of each of `_pending_names` on `frame`'s view, at
        `_guide_ladder()[start]` or smaller (see `_draw_guide_names`)."""
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
        token = (
            _places_token(frame, self.guide_mm, self.min_guide_mm, inputs, start) if memo is not None else ""
        )
        if memo is not None:
            self._place_tokens[frame.view.id] = token  # (the pairing's kept places: _pair_kept)
        else:
            self._place_tokens.pop(frame.view.id, None)
        places = memo.get(frame.view.id, token) if memo is not None else None
        if places is None or not self._kept_places_hold(frame, pending, places):
            # on a view too crowded to label what each name's search read is noted on the first
            # drawing too: the first edit after it keeps the names as later edits do (before, it
            # drew the view again whole: 1.5–1.8 s for the first drop on a view of 5,000 zones)
            watching = again or (edges is not None and frame.view.id in self.unlabelled_views)
            places, entries = self._guide_name_places(
                frame, SegmentIndex(lines), rects, known, watching=watching, start=start
            )
            self.guide_names_searched += 1
            if watching:
                self._guide_places[frame.view.id] = (inputs, entries, (self.atlas, edges))
            if memo is not None:
                memo.put(frame.view.id, token, places)
        elif edges is not None:  # found in the kept file: what a search would read is not known
            self._guide_places[frame.view.id] = (inputs, None, (self.atlas, edges), places)
        return places

    def _put_guide_names(self, places: list[tuple]) -> None:
        """The names of `_pending_names` drawn at their `places`, each on a veil of paper."""
        for (item, *_rest), (text, size, width, height, x, y) in zip(
            self._pending_names, places, strict=True
        ):
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
            sizes = self._guide_ladder()
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
        self, frame: Frame, avoid: SegmentIndex, rects: list, known: list, *, watching: bool, start: int = 0
    ) -> tuple[list[tuple], list[tuple]]:
        """(text, size, width, height, x, y) of each pending guide name, in turn (see
        `_draw_guide_names`); and, `watching`, what each read: (places before it, the zones'
        edges' index and the (squares, rows) it read there, the same of the index of leaders
        and guide lines, its place). A name placed before (`known`) after the same names,
        that read nothing that changed in either index, keeps its place.

        The names of a view are set at one size: where one of them needs smaller type to have
        a place, they are all placed again starting at that size (before, each took its own:
        a projector's German names at 10, 14 and 9 pixels side by side)."""
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
        """Which step of `_guide_ladder` a name at `size` (mm) is set at."""
        ladder = self._guide_ladder()
        return min(range(len(ladder)), key=lambda k: abs(ladder[k] - size))

    def _guide_ladder(self) -> tuple[float, ...]:
        """The sizes (mm) a guide name is tried at, largest first: GUIDE_SIZES of the names'
        size, none under the drawing's minimum text size without the growth asked for
        (`legible_mm`: the names are no larger than the labels, which stand at the minimum on
        a small map, and 85 % of them fell under the 9 px every label holds; presenting, whose
        minimum is the names' own size, they may shrink to the usual minimum: the shoulder
        line's name on the right foot's dorsal view stood on two leaders at the larger).
        Presenting, the crowded name may take the ladder's smallest step, as before the floor:
        since presenting's text grows 1.4x (PRESENTING_TEXT_GROWTH) the German medial view's
        'Zwerchfelllinie' had no place at the floor and stood stacked over 'Schulterlinie'."""
        floor = 0.0 if self.presenting else min(self.guide_mm, self.legible_mm)
        return tuple(dict.fromkeys(max(self.guide_mm * factor, floor) for factor in GUIDE_SIZES))

    def _guide_name_places_from(
        self, frame: Frame, avoid: SegmentIndex, rects: list, known: list, *, watching: bool, start: int
    ) -> tuple[list[tuple], list[tuple]]:
        """(`_guide_name_places`, every name at `_guide_ladder()[start]` or smaller)"""
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


def _mirror_images(points, mirrored) -> bool:
    """Whether a guide's points (mm, the view's x = 0 at its middle) are another's mirrored."""
    return len(points) == len(mirrored) and all(
        abs(x + mx) < 1e-6 and abs(y - my) < 1e-6 for (x, y), (mx, my) in zip(points, mirrored, strict=True)
    )


def _mirrored_place(place: tuple, source: Frame, frame: Frame) -> tuple:
    """A guide name's `place` on `source`'s view, mirrored onto `frame`'s (its veil's middle at
    minus its x from the view's middle, the same height from the view's top)."""
    text, size, width, height, x, y = place
    return (text, size, width, height, frame.dx - (x - source.dx) - width, y - source.dy + frame.dy)


def _mirrored_point(point: tuple[float, float], source: Frame, frame: Frame) -> tuple[float, float]:
    """A scene point of `source`'s view mirrored onto `frame`'s (see `_mirrored_place`)."""
    x, y = point
    return (frame.dx - (x - source.dx), y - source.dy + frame.dy)


class KeptPlaces(Protocol):
    """Guide names' places kept between starts, by view and `_places_token`."""

    def get(self, view_id: str, token: str) -> list[tuple] | None: ...

    def put(self, view_id: str, token: str, places: list[tuple]) -> None: ...


def _places_token(frame: Frame, guide_mm: float, min_guide_mm: float, inputs: tuple, start: int = 0) -> str:
    """What a view's guide names' places depend on besides the chart file, the settings, the
    font and the code (the kept file's key): the view's place, the type sizes (and the
    largest step of `_guide_ladder`, `start`), the guides and their names, the labels' boxes and
    the zones under them; as a short checksum."""
    _frame, _guide_mm, guides, rects, fills = inputs
    text = repr(
        (frame.view.id, frame.dx, frame.dy, frame.left, frame.right, frame.top, frame.bottom)
        + (guide_mm, min_guide_mm, guides, rects, fills)
        + ((start,) if start else ())
    ).encode()
    return f"{zlib.crc32(text):08x}{zlib.adler32(text):08x}{len(text)}"


def _name_measured(lines: list[str], size: float) -> tuple[str, float, float]:
    """A guide name's text (its lines joined), width and height in italic at `size` mm."""
    text = "\n".join(lines)
    width = max(text_width(line, size, italic=True) for line in lines)
    return text, width, text_item(text, size, italic=True).sceneBoundingRect().height()
