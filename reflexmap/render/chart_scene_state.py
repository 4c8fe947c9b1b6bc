"""What a drawn chart shows of the moment: the hovered and selected zone (its label bold),
quiz marks and notes, labels and guides shown or hidden, the presenter's reveal and
spotlight. Touches only the items whose state changes. Part of `ChartScene`
(render/chart_scene.py)."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QPen, QTransform
from PySide6.QtWidgets import (
    QGraphicsEllipseItem,
    QGraphicsRectItem,
)

from ..layout.marks import beside_foot, inside_any, place_notes
from . import palette
from .chart_scene_parts import (
    MAX_LABEL_EMS,
    PRESENTER_DIMMED,
    ZoneLabel,
)
from .chart_text import (
    elided,
    text_item,
    text_width,
    wrap_words,
)

NOTE_OFF_FOOT_MM = 1.0  # a zone's note beside the foot keeps this far off its outline


class StateMixin:
    """(`ChartScene`'s part: see the module's docstring)"""

    def set_hovered(self, key: tuple[str, str] | None) -> None:
        if key == self._hovered:
            return
        if self._hovered in self.zone_items:
            self.zone_items[self._hovered].set_hovered(False)
        self._hovered = key if key in self.zone_items else None
        if self._hovered is not None:
            self.zone_items[self._hovered].set_hovered(True)

    def set_left_out(self, zone_ids) -> None:
        """Draw the zones `zone_ids` (a collection of ids) as left out of what the mode does
        (ZoneItem.set_left_out), and every other zone as usual again."""
        for key, item in self.zone_items.items():
            item.set_left_out(key[1] in zone_ids)

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

    def as_drawn(self, keys: set[tuple[str, str]]) -> None:
        """The items of `keys` (view, zone) put back as `show_chart` draws them: not selected
        (the label regular, at its place), hovered nor marked, and a zone in its own shape, in
        its place. The state of the moment changes what an item covers (a selected label's
        bold text grows outwards into the chart's margin, a selected, hovered or marked zone's
        pen is wider, a zone dragged or nudged is shown moved until the overlay is drawn
        again), and the chart's bounds (`chart_rect`) were taken without it: a view drawn
        again after an edit measures the items it takes away as they were drawn
        (chart_scene_update.py), and compares them as drawn with the ones drawn anew. The map
        puts its state back on the chart after."""
        for key in keys & self.selected_keys:
            self.zone_items[key].set_selected(False)
            label = self.labels.get(key)
            if label is not None:
                _set_bold(label, False, self.chart_rect)
        self.selected_keys -= keys
        if self._hovered in keys:
            self.zone_items[self._hovered].set_hovered(False)
            self._hovered = None
        for key in keys:
            item = self.zone_items.get(key)
            if item is None:
                continue
            if item.marked:
                item.set_marked(False)
            item.show_drawn()  # (a nudged zone's item showed its new shape: compared so, kept)

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
        lines = (
            [text] if text_width(text, size, True) <= room else wrap_words(text, size, room, balance=False)
        )
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
        zone = item = self.zone_items.get((view_id, zone_id)) if at is None else None
        if item is not None:  # a small zone: the note stands just above it, not over it
            edge = item.sceneBoundingRect().top() - 0.6  # where the note's box should end
            bottom = top - 0.8 + size * 1.45 + extra
            if edge < bottom:
                top += max(edge, anchor.y() - size * 4 - extra) - bottom
        left = anchor.x() - width / 2
        chart = self.chart_rect
        left = max(chart.left() + 1.5, min(left, chart.right() - 1.5 - width))  # inside the chart
        wanted = (left - 1.5, top - 0.8, width + 3, size * 1.45 + extra)
        if zone is not None:  # a zone on a foot's edge: its note on the paper beside it, where there is room
            words = text.split() if len(lines) == 1 else []
            halves = [[" ".join(words[:k]), " ".join(words[k:])] for k in range(1, len(words))]
            narrowest = min(halves, key=lambda h: max(text_width(x, size, True) for x in h), default=[])
            for each in [lines, *([narrowest] if narrowest else [])]:
                one = text_item("\n".join(each), size, bold=True)
                more = (
                    one.sceneBoundingRect().height()
                    - text_item(each[0], size, bold=True).sceneBoundingRect().height()
                )
                wide = max(text_width(line, size, True) for line in each)
                spot = self._beside_foot(zone.sceneBoundingRect(), anchor, (wide + 3, size * 1.45 + more))
                if spot is not None:
                    label, wanted = one, spot
                    break
        back = QGraphicsRectItem()
        back.setBrush(palette.PAPER)
        back.setPen(QPen(palette.INK, 0.4))
        for z, item in ((20, back), (21, label)):
            item.setZValue(z)
            self.addItem(item)
            self.marks.append(item)
        self._notes.append((wanted, label, back))
        if (view_id, zone_id) in self.zone_items and at is None:
            self.zone_items[(view_id, zone_id)].set_marked(True)
            self.point_at(view_id, zone_id)  # (places the notes)
        else:
            self._place_notes()

    def _beside_foot(self, zone: QRectF, anchor: QPointF, size: tuple[float, float]) -> tuple | None:
        """The place of a zone's note of `size` (width, height) beside the zone on the paper outside
        the foot that holds `anchor` (layout.marks.beside_foot), or None."""
        outlines = self.chart_outlines() if hasattr(self, "chart_outlines") else []
        import numpy as np  # (only when a note is placed)

        feet = [
            ring
            for ring in outlines
            if len(ring) >= 3 and inside_any(np, [anchor.x()], [anchor.y()], [ring])[0]
        ]
        chart = self.chart_rect
        bounds = (chart.left() + 1.5, chart.top(), chart.width() - 3, chart.height())
        for ring in feet:
            others = [other for other in outlines if other is not ring]
            spot = beside_foot(
                size, zone.getRect(), ring, bounds, gap=NOTE_OFF_FOOT_MM, near=size[1], others=others
            )
            if spot is not None:
                return spot
        return None

    def point_at(self, view_id: str, zone_id: str) -> None:
        """Quiz feedback points at this zone (the one asked about, or a marked answer): it stays
        seen until `clear_marks`. No note covers it, nor a guide line's name and veil
        ("Schulterlinie" lay on the top edge of a marked "Brustkorb und Lunge", S19-3); those
        names are hidden meanwhile, the line itself still drawn."""
        key = (view_id, zone_id)
        if key in self.zone_items and key not in self._pointed:
            self._pointed.append(key)
        self._veil_pointed()
        self._place_notes()

    def _pointed_boxes(self) -> list[tuple[float, float, float, float]]:
        """The boxes (scene mm) of the zones pointed at, for notes to keep off."""
        return [self.zone_items[key].sceneBoundingRect().getRect() for key in self._pointed_items()]

    def _pointed_items(self) -> list:
        """The keys pointed at still drawn (a chart drawn again leaves the others)."""
        self._pointed = [key for key in self._pointed if key in self.zone_items]
        return self._pointed

    def _veil_pointed(self) -> None:
        """Hide each guide name (with its veil) over a zone pointed at; show those hidden before."""
        for item in self._veiled:
            item.setVisible(self.guides_shown)
        self._veiled = []
        zones = [self.zone_items[key] for key in self._pointed_items()]
        names = self.guide_names
        for veil, name in zip(names[::2], names[1::2], strict=False):
            if veil.isVisible() and any(veil.collidesWithItem(zone) for zone in zones):
                for item in (veil, name):
                    item.setVisible(False)
                    self._veiled.append(item)

    def _place_notes(self) -> None:
        """Every note where it wants to be, unless that covers a ring or a note before it
        (layout.marks): a ring added later may move an earlier note too. The chart's title
        is taken too, with TITLE_CLEARANCE_MM round it on every side: "✖ Kopf und Gehirn" over
        the big toe touched the German title at Largest text (S15-18); a note pushed above the
        title sat 0.4 mm from its top (the clearance was kept below and beside it only). The
        guide lines' names shown are taken too, by their veils: "✔ Throat and thyroid" covered
        "Shoulder" (S17-13)."""
        title = [
            (
                r.left() - TITLE_CLEARANCE_MM,
                r.top() - TITLE_CLEARANCE_MM,
                r.width() + 2 * TITLE_CLEARANCE_MM,
                r.height() + 2 * TITLE_CLEARANCE_MM,
            )
            for r in (item.sceneBoundingRect() for item in self.title_items)
        ]
        guides = [
            item.sceneBoundingRect().getRect()
            for item in self.guide_names
            if isinstance(item, QGraphicsRectItem) and item.isVisible()
        ]
        chart = self.chart_rect
        boxes = place_notes(
            [wanted for wanted, _label, _back in self._notes],
            [*self._rings, *title, *guides, *self._pointed_boxes()],
            bounds=(chart.left(), chart.top(), chart.width(), chart.height()),
        )
        for (left, top, width, height), (_wanted, label, back) in zip(boxes, self._notes, strict=True):
            label.setPos(left + 1.5, top + 0.8)
            back.setRect(left, top, width, height)

    def clear_marks(self) -> None:
        for item in self.marks:
            self.removeItem(item)
        self.marks, self._notes, self._rings = [], [], []
        self._pointed = []
        self._veil_pointed()
        for item in self.zone_items.values():
            item.set_marked(False)

    def set_labels_visible(self, visible: bool) -> None:
        for label in self.labels.values():
            for item in (label.text, label.leader, label.dot):
                item.setVisible(visible)
        for item in self.key.note if self.key is not None else []:  # "Too many zones … to label"
            item.setVisible(visible)

    def set_guides_visible(self, visible: bool) -> None:
        self.guides_shown = visible
        for item in self.guide_items:
            item.setVisible(visible)
        self._veiled = []
        self._veil_pointed()
        if self._notes:  # the names shown are what notes keep clear of
            self._place_notes()

    def present(self, presentation, *, guides_visible: bool) -> None:
        """Presenter mode (a `state.Presentation`): names of revealed zones only, the current
        one outlined, others dimmed under a spotlight; a blank chart has grey outlines, no
        colour key and no guide names, so nothing gives an answer away."""
        shown, current, blank = presentation.revealed, presentation.current, presentation.blank
        left_out = presentation.left_out  # shapes the check refuses: not shown at all
        for key, label in self.labels.items():
            for item in (label.text, label.leader, label.dot):
                item.setVisible(key[1] in shown and key not in left_out)
        for key, item in self.zone_items.items():
            zone_id = key[1]
            if key in left_out:
                item.setVisible(False)  # (drawn again, shown, when presenting ends: the chart is redrawn)
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


TITLE_CLEARANCE_MM = 1.0  # between a quiz note's box and the chart's title (with the notes' gap)


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
