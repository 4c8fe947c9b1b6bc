"""An edit drawn without drawing the whole chart again: only the views whose zones changed
are drawn again, and of their items only those that came out different replace the ones on
screen (a crowded view: only the changed zones, its guide names kept where nothing they read
changed). Falls back to `show_chart` whenever that would not give the same picture. Part of
`ChartScene` (render/chart_scene.py)."""

from __future__ import annotations

from PySide6.QtCore import QRectF
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import (
    QGraphicsEllipseItem,
    QGraphicsItem,
    QGraphicsPathItem,
    QGraphicsRectItem,
    QGraphicsScene,
    QGraphicsSimpleTextItem,
)

from ..atlas import Atlas
from ..atlas.recheck_zones import crowded_anchors
from ..layout.edge_patch import edges_moved, refiled
from ..layout.frames import Frame
from ..layout.guide_reads import same_reads
from . import palette
from .chart_scene_parts import (
    _drawn,
    _key_regions,
    _short,
)
from .zone_item import ZoneItem


class UpdateMixin:
    """(`ChartScene`'s part: see the module's docstring)"""

    def update_zones(self, atlas: Atlas, zone_ids: tuple[str, ...]) -> bool:
        """The same chart with only the shapes of `zone_ids` changed (an edit): the views
        that draw them are drawn again (zones, guide names, labels), nothing else. False, and
        nothing kept, when that would not give what `show_chart` draws: another layout of
        the views (label columns changed), a main chart drawn under this one, or numbered
        labels (a handout). (The key stays: the map lays it out for its window's shape first,
        ChartScene.fit_key_to.)"""
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
        self._sides_before = (old, known)  # kept where not much worse (_previous_sides)
        redrawn = {f.view.id for f in changed}
        self._sides = (atlas, {k: v for k, v in known.items() if k[0] not in redrawn})
        # a crowded view's anchors follow from those drawn, but for the changed zones (the first
        # drop after entering edit mode worked out all 5,000 of a view again: 0.45 s)
        have = atlas.known_anchors()
        drawn = {v: a for v, a in old.known_anchors().items() if v in redrawn and v not in have}
        atlas.remember_anchors(crowded_anchors(atlas, drawn, redrawn, set(zone_ids)))
        for view_id, before in drawn.items():  # a labelled view's other zones keep their dots
            atlas.hint_anchors(view_id, before, set(zone_ids))
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
        self.names_apart = False
        self._carry_indexes(old, atlas, zone_ids)
        swapped = [
            self._patch_frame(old, atlas, frame, zone_ids)
            or self._redraw_frame(atlas, frame, placed[frame.view.id])
            for frame in changed
        ]
        if not self._within_bounds(swapped):
            return False  # a shape drawn past the chart's edge (editing): drawn whole, bounds anew
        self.pair_names_again(redrawn)  # (mirrored feet's names: chart_scene_guides_alone.py)
        if self.names_apart:
            return False  # another view's guide names would change (their size, or their pair's)
        # every view's items in the order show_chart makes them (keyboard order, screen readers)
        order = {view_id: k for k, view_id in enumerate(shown)}
        for keys in self.keys_by_zone.values():
            keys.sort(key=lambda key: order[key[0]])
        self.zone_items = dict(sorted(self.zone_items.items(), key=lambda kv: order[kv[0][0]]))
        self.labels = dict(sorted(self.labels.items(), key=lambda kv: order[kv[0][0]]))
        self.anchors = dict(sorted(self.anchors.items(), key=lambda kv: order[kv[0][0]]))
        self._keyboard_order = None
        return True

    def _carry_indexes(self, old: Atlas, atlas: Atlas, zone_ids: tuple[str, ...]) -> None:
        """The views' outlines and zones' edges filed for the chart before (`_filed`) kept for
        `atlas`, where only the shapes of `zone_ids` changed: of those zones only the edges
        at corners that moved are filed again (layout/edge_patch.edges_moved). A corner
        dropped on a zone of 100,000 corners filed all its edges again for each view drawn
        again (0.37 s a view). An index not made yet (never asked) is left to be made."""
        was, indexes = self._indexes
        if was is not old or not indexes:
            return
        carried = {}
        views_before = {v.id: v for v in old.views}
        views_now = {v.id: v for v in atlas.views}
        for key, index in indexes.items():
            kind, view_id = key[0], key[1]
            if kind not in ("outline", "edges") or "_segments_of" in index.__dict__:
                continue
            if kind == "outline":
                now = views_now.get(view_id)
                if (
                    now is not None
                    and view_id in views_before
                    and views_before[view_id].outline == now.outline
                ):
                    carried[key] = index
                continue
            if view_id not in views_now:
                continue
            filed = [z.id for z in atlas.zones_in(view_id)]
            if filed != [z.id for z in old.zones_in(view_id)]:
                continue
            dx, dy = key[2], key[3]

            def place(x: float, y: float, dx=dx, dy=dy) -> tuple[float, float]:
                return (dx + x, dy - y)

            for number, zone_id in enumerate(filed):
                if index is None or zone_id not in zone_ids:
                    continue
                before, after = old.zone(zone_id).shapes[view_id], atlas.zone(zone_id).shapes[view_id]
                if before is not after:
                    index = edges_moved(index, number, before, after, place)
            if index is not None:
                carried[key] = index
        self._indexes = (atlas, carried)

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
        self.as_drawn({key for key in self.zone_items if key[0] == view_id})  # (measured as drawn)
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
            alone = self._own_steps.get(view_id) == self._guide_step  # (found in one search)
            if alone and all(same_reads(entry[1], edges, *entry[2]) for entry in kept[1]):
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
        self.as_drawn({(view_id, zone_id) for zone_id in changed})  # (measured as drawn)
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
        if not self._replace_names(view_id, items, old, new):
            return None
        return old, new

    def _replace_names(self, view_id: str, items: list, old: list, new: list) -> bool:
        """A view's guide-name items `old` replaced by `new`, one for one, in the scene and in
        its lists; False (the new ones removed, nothing replaced) when they do not pair up."""
        if len(new) != len(old):
            for item in new:
                self.removeItem(item)
            return False
        swap = {id(a): b for a, b in zip(old, new, strict=True)}
        for item in old:
            self.removeItem(item)
        self.frame_items[view_id] = [swap.get(id(i), i) for i in items]
        self.guide_items = [swap.get(id(i), i) for i in self.guide_items]
        self.guide_names = [swap.get(id(i), i) for i in self.guide_names]
        return True


def _same_item(a: QGraphicsItem, b: QGraphicsItem) -> bool:
    """Whether two items draw the same (an item redrawn unchanged keeps the one on screen).
    A zone's item is compared in the shape it was drawn with, and only one that shows that
    shape is kept: a mode shows the zone being nudged or dragged in its new shape on the old
    item, and gives the old item its own shape back after the redraw (ui/modes' settle); kept
    because it looked like the new one, it was then drawn where the zone was before."""
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
            not (a.shows_drawn() and b.shows_drawn())
            or (a.view_id, a.zone_id, a.region, a.hovered, a.selected, a.marked, a.neutral)
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
