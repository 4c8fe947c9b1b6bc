"""The text around the feet: the chart's title, the colour key and its caveat under the
feet, and where the chart's shapes and text stand (so that a message over the map keeps
clear of them). Part of `ChartScene` (render/chart_scene.py)."""

from __future__ import annotations

from PySide6.QtCore import QRectF
from PySide6.QtWidgets import (
    QGraphicsPathItem,
    QGraphicsSimpleTextItem,
)

from ..atlas import Atlas, View
from ..i18n import _, format_count
from ..vocab import foot_name
from .chart_key import draw_key, mastery_swatches, other_chart_swatch, region_swatches
from .chart_scene_parts import (
    OUTLINE_ROLE,
    _key_regions,
    _path_lines,
)
from .chart_text import (
    elided,
    text_item,
    text_width,
)


class KeyMixin:
    """(`ChartScene`'s part: see the module's docstring)"""

    def _draw_key_in_room(
        self,
        atlas: Atlas,
        shown: list[View],
        left: float,
        right: float,
        y: float,
        room: float | None,
        bare: QRectF | None = None,
    ) -> QRectF:
        """The key, its names and caveat as large as the guide names' minimum (11 px in the
        window, where the plain minimum is 9) where that leaves the feet their size in a window
        of `room` (width over height): the chart fitted to it is no smaller than with the usual
        key. Where the chart is held by its height (labels hidden, as in a quiz) the key's rows
        may also reach into the paper beside the feet, as wide as the window shows the chart
        (tryout S18-14: in a quiz the key and caveat, bound to the feet's width, fell to 9 px
        and "guide lines (approximate)" wrapped, beside 400 px of empty paper); not presenting.

        The larger key is drawn first: when it stays within the chart's width and the chart is
        held by its width, it is kept without drawing another (a start drew the key twice).

        `bare`: the bounds of the chart without its key (all the scene's items when not given).
        Returns them."""
        chart_type, larger = self.type, self.min_text_mm * self.type.guide_floor
        if bare is None:
            bare = self.itemsBoundingRect()  # the chart without its key
        if room is None:
            self._draw_key(atlas, shown, left, right, y)
            return bare
        grows = larger > min(chart_type.key, chart_type.caveat)
        narrow = (left, right)
        if grows:
            self._draw_key_in(larger, atlas, shown, left, right, y)
            rect = self._with_key(bare)
            held = rect.width() + 12 >= room * (rect.height() + 12)
            if held and rect.left() >= bare.left() - 0.01 and rect.right() <= bare.right() + 0.01:
                return bare  # as wide as with any key and held by its width: the feet as large
            self._remove_key()
        self._draw_key(atlas, shown, left, right, y)
        usual = _fit(self._with_key(bare), room)
        # not presenting: a key as wide as the projector's window left the trainer's notes no
        # height under the chart, and its labels fell from 13.8 to 11.6 px (German, medial)
        wide = narrow if self.presenting else self._key_span(bare, left, right, room)
        tries = [(larger, wide), (larger, narrow)] if grows else []
        tries += [(0.0, wide)]
        for size, (low, high) in dict.fromkeys(tries):  # (the wide span may be the narrow one)
            if size == 0.0 and (low, high) == narrow:
                continue
            self._remove_key()
            self._draw_key_in(size, atlas, shown, low, high, y)
            if _fit(self._with_key(bare), room) >= usual * (1 - 1e-9):
                return bare  # the feet as large as with the usual key
        self._remove_key()
        self._draw_key(atlas, shown, left, right, y)
        return bare

    def _with_key(self, bare: QRectF) -> QRectF:
        """The chart's bounds with its key drawn: `bare` and the key's items."""
        rect = QRectF(bare)
        for item in self.key.swatches + self.key.caveat:
            rect = rect.united(item.sceneBoundingRect())
        return rect

    def fit_key_to(self, room: float | None) -> bool:
        """The key laid out again for a window of another shape (`room`, its width over its
        height; the viewport resized, as when edit mode's docks and bars come), as a drawing of
        the whole chart for it lays it out: its rows may reach beside the feet, and its text is
        larger, only where that leaves the feet their size in that window. Without it a chart
        drawn again after an edit (a drop) was not what a whole drawing gives, and one left as
        drawn kept a key laid out for a window it no longer has. True when it was laid out again
        (`chart_rect` taken again with it)."""
        if self._key_args is None or self.key is None or room is None or room == self.key_room:
            return False
        atlas, shown, left, right, y, bare = self._key_args
        self._remove_key()
        self._draw_key_in_room(atlas, shown, left, right, y, room, bare=bare)
        self.key_room = room
        # the chart's bounds as show_chart and place_guide_names take them: all it drew
        for item in self.key.swatches + self.key.caveat + self.guide_names:
            bare = bare.united(item.sceneBoundingRect())
        self.chart_rect = bare.adjusted(-6, -6, 6, 6)
        self.setSceneRect(self.chart_rect)
        return True

    def _key_span(self, bare: QRectF, left: float, right: float, room: float) -> tuple[float, float]:
        """Where the key's rows may reach (scene mm): between `left` and `right`, or as wide as
        a window of `room` shows a chart as tall as `bare` (held by its height), centred."""
        width = max(right - left, room * (bare.height() + 12) - 12 - 2 * 6.0)
        middle = (left + right) / 2
        return middle - width / 2, middle + width / 2

    def _draw_key_in(self, larger: float, atlas, shown, left, right, y) -> None:
        """The key drawn with its text and the caveat at least `larger` mm."""
        chart_type = self.type
        self.type = chart_type._replace(
            key=max(chart_type.key, larger), caveat=max(chart_type.caveat, larger)
        )
        try:
            self._draw_key(atlas, shown, left, right, y)
        finally:
            self.type = chart_type

    def _remove_key(self) -> None:
        assert self.key is not None
        for item in self.key.swatches + self.key.caveat:
            self.removeItem(item)
        self.key = None

    def _draw_key(self, atlas: Atlas, views: list[View], left: float, right: float, y: float) -> None:
        if self.mastery is not None:
            swatches = mastery_swatches()
        else:
            swatches = region_swatches(_key_regions(atlas, views))
        # the guide lines' sample only while they are shown (their toggle off, it named lines
        # nowhere drawn: tryout)
        self.views_guides = any(view.guides for view in views)
        self.key_guides = self.views_guides and self.guides_shown
        overlaid = self.overlaid
        if overlaid is not None:  # the other chart's zones, drawn over these (Compare)
            swatches = [*swatches, other_chart_swatch(overlaid[0])]
        self.key = draw_key(
            self,
            swatches,
            left,
            right,
            y,
            atlas.tradition,
            self.type,
            guides=self.key_guides,
            note=self._unlabelled_note(atlas, views),
            other_tradition=overlaid[1] if overlaid is not None else None,
        )

    def _unlabelled_note(self, atlas: Atlas, views: list[View]) -> str:
        """On the map, labels shown: what a view with too many zones to label says under the
        chart (S15-20: its labels all vanished, "Show labels" pressed, nothing said)."""
        unlabelled = {v.id for v in views} & set(self.unlabelled_views)
        if not unlabelled or not self.labelled or not self.selectable:
            return ""
        count = len({zone.id for view_id in unlabelled for zone in atlas.zones_in(view_id)})
        return _("Too many zones on this view to label ({count}): point at a zone or use the list").format(
            count=format_count(count)
        )

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

    def chart_outlines(self) -> list[list[tuple[float, float]]]:
        """The feet's outlines shown, as closed polylines (scene mm): a problem's message stands
        off them where it can, so that the foot's edge it is about stays seen."""
        return [
            line
            for items in self.frame_items.values()
            for item in items
            if isinstance(item, QGraphicsPathItem) and item.data(OUTLINE_ROLE) and item.isVisible()
            for line in _path_lines(item)
        ]

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


def _fit(rect: QRectF, room: float) -> float:
    """How large a chart of bounds `rect` is drawn fitted to a window `room` wide over its
    height (1): its scale, up to a constant."""
    return min(room / (rect.width() + 12), 1.0 / (rect.height() + 12))
