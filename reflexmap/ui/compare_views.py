"""The pictures of the comparison window: each chart in a view of its own (fitted, its text
kept legible, wheel to zoom, drag to pan), and the "Compare with" box that cuts a long name
with an ellipsis. Split from compare_window.py."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QPainter, QTransform
from PySide6.QtWidgets import (
    QComboBox,
    QGraphicsPathItem,
    QGraphicsView,
    QLabel,
    QStyle,
    QStyleOptionComboBox,
    QStylePainter,
)

from ..atlas import Atlas
from ..i18n import bidi_isolate
from ..render.chart_scene import LABEL_MM, ChartScene
from .map_hint import PartialHint, compare_text
from .map_view import (
    MAX_SCALE,
    MIN_SCALE,
    MIN_TEXT_PX,
    ROUND_HEADROOM,
    TEXT_GROWTH,
    ZOOM_STEP,
    toward_holding,
)


class NamesCombo(QComboBox):
    """A list of chart names that shows the chosen one cut with an ellipsis when it is wider
    than the box (Qt cut it at a word, as if that were the whole name)."""

    def paintEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        painter = QStylePainter(self)
        option = QStyleOptionComboBox()
        self.initStyleOption(option)
        painter.drawComplexControl(QStyle.ComplexControl.CC_ComboBox, option)
        field = self.style().subControlRect(
            QStyle.ComplexControl.CC_ComboBox, option, QStyle.SubControl.SC_ComboBoxEditField, self
        )
        option.currentText = self.fontMetrics().elidedText(
            option.currentText, Qt.TextElideMode.ElideRight, field.width()
        )
        painter.drawControl(QStyle.ControlElement.CE_ComboBoxLabel, option)


class ChartView(QGraphicsView):
    """One chart of the comparison: fitted, text kept legible, wheel to zoom, drag to pan,
    double-click to fit again."""

    resized = Signal()  # its size changed: the text legible at the old size may not be now

    def __init__(self, parent=None):
        super().__init__(parent)
        self.chart = ChartScene(self)
        self.setScene(self.chart)
        self.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
        self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._fitted = True
        self._label_px_mm = 0.0  # the labels' size drawn (mm) over MIN_TEXT_PX: 0 before a drawing
        self.text_mm = 0.0  # the names' size drawn (mm): 0 before a drawing
        # a pane too small for its chart whole at a legible size said nothing of the part cut
        # off (S21-5: titles and the right foot cut at 1024×768): the map's note says so, in
        # a strip under the chart (over it, it covered the lower foot: S22-2)
        self.partial_hint = PartialHint(self, below=True)
        # the chart's title above the chart, not in it: drawn in the scene, a pane showing
        # part of the chart cut it at its edge ("Western foot chart (Ingham tradition"); here
        # it is cut with "…" to the pane's width, whole in its tooltip
        self.heading = QLabel(self)
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        self.heading.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.heading.setObjectName("compareHeading")
        font = self.heading.font()
        font.setBold(True)
        self.heading.setFont(font)
        self._title = ""
        self._strip = 0  # the height kept under the viewport for the note (px)

    def show_chart(
        self,
        atlas: Atlas,
        aspect: str,
        title: str | None = None,
        text_scale: float = 1.0,
        at_least_mm: float = 0.0,
        overlaid: tuple[str, str] | None = None,
    ) -> None:
        """Draw, then again with larger text while the fitted chart would show it too small
        (larger text widens the chart, so a few rounds find the size that holds), as the map
        does: the same floor (MIN_TEXT_PX), growth (TEXT_GROWTH) and rounds. Before, it let text
        grow to 1.25 × only, in four rounds that crept up on the size: labels 6–7 px at
        1024×768 (S19-7). The text is `text_scale` times the usual size, as Settings → Text
        size makes it on the map. `at_least_mm`: the text no smaller than that (the other
        chart's beside it: `same_scale`). `overlaid`: (name, tradition) of the chart drawn
        over this one (draw_overlay), in the key."""
        title = title if title is not None else atlas.tradition
        self._set_title(title)
        label_mm = LABEL_MM * text_scale
        # as on the map: text grows only so far (it widens the chart, which shrinks the
        # feet); past that the person zooms in
        largest = TEXT_GROWTH * label_mm
        min_mm = min(at_least_mm, largest) if at_least_mm > label_mm else 0.0
        before: tuple[float, float] | None = None
        for _round in range(6):
            self.chart.show_chart(  # (the title stands above the view: `heading`)
                atlas,
                aspect,
                title="",
                label_mm=label_mm,
                text_scale=text_scale,
                min_text_mm=min_mm,
                overlaid=overlaid,
            )
            self._label_px_mm = 0.0  # the rounds measure the chart whole
            self.fit()
            scale = self.transform().m11()
            need = MIN_TEXT_PX * text_scale / scale if self.isVisible() and scale > 0 else 0.0
            need = min(need, largest)
            if need <= max(min_mm, label_mm) * 1.001 or _round == 5:
                break
            if min_mm == 0.0:
                following = need * ROUND_HEADROOM
            else:
                following = toward_holding(before, (min_mm, need))
            # the last round is drawn at the largest, which holds
            before, min_mm = (min_mm, need), largest if _round == 4 else min(following, largest)
        self._label_px_mm = max(label_mm, min_mm) / (MIN_TEXT_PX * text_scale)
        self.text_mm = max(label_mm, min_mm)  # the names' size drawn (mm)
        self.fit()

    def _set_title(self, title: str) -> None:
        self._title = " ".join(title[:2000].split())
        whole = bidi_isolate(self._title)  # (its own controls kept inside, where it has some)
        self.heading.setToolTip(whole)
        self.heading.setAccessibleName(whole)
        self._reserve(self._strip)

    def _reserve(self, strip: int) -> None:
        """The viewport between the title's line at the top and, `strip` px high, the note's
        strip at the bottom; the title cut to the width."""
        self._strip = strip
        top = self.heading.fontMetrics().height() + 6 if self._title else 0
        self.setViewportMargins(0, top, 0, strip)
        area = self.viewport().geometry()
        self.heading.setGeometry(area.left() + 4, 0, max(0, area.width() - 8), top)
        metrics = self.heading.fontMetrics()
        width = self.heading.width()
        self.heading.setText(metrics.elidedText(self._title, Qt.TextElideMode.ElideRight, width))
        self.heading.setVisible(bool(self._title))

    def fit(self) -> None:
        """The chart whole in the view, or, where its labels grown as far as they go would
        still be under MIN_TEXT_PX whole (a small pane), as much of it as shows them at that
        size, from its top left (the left foot's labels): drag to see the rest, as the map
        shows part of a chart, the note saying so in a strip under the chart."""
        partial = self._fit()
        strip = self.partial_hint.strip_height(compare_text(), self.width()) if partial else 0
        if strip != self._strip:  # the viewport is smaller or larger now: fitted again
            self._reserve(strip)
            partial = self._fit()
        self.partial_hint.set_shown(partial, text=compare_text())
        self._fitted = True

    def _fit(self) -> bool:
        """Fits the chart into the viewport as it stands; whether it shows only part of it."""
        rect = self.chart.chart_rect
        self.setSceneRect(rect.adjusted(-rect.width(), -rect.height(), rect.width(), rect.height()))
        self.fitInView(rect, Qt.AspectRatioMode.KeepAspectRatio)
        legible = 1.0 / self._label_px_mm if self._label_px_mm > 0 else 0.0
        partial = legible > self.transform().m11() * 1.001
        if partial:
            self.setTransform(QTransform.fromScale(legible, legible))
            shown = self.mapToScene(self.viewport().rect()).boundingRect()
            self.centerOn(rect.left() + shown.width() / 2, rect.top() + shown.height() / 2)
        return partial

    def wheelEvent(self, event) -> None:
        steps = event.angleDelta().y() / 120
        if steps:
            factor = ZOOM_STEP**steps
            scale = self.transform().m11() * factor
            if MIN_SCALE <= scale <= MAX_SCALE:
                self.scale(factor, factor)
                self._fitted = False
                self.partial_hint.set_shown(False)  # the person zooms: the view is theirs
                self._reserve(0)
        event.accept()

    def mouseDoubleClickEvent(self, event) -> None:
        self.fit()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._reserve(self._strip)  # (the title cut to the new width)
        if self._fitted:
            self.fit()
        self.resized.emit()


def same_scale(views: tuple[ChartView, ...], redraw: Callable[[ChartView, float], None]) -> None:
    """Side by side, both charts at one scale, the smaller of their fits, and their names at
    one size: the same foot drawn the same size on both sides, its names too (tryout S23-4:
    each fitted to its own pane, the chart with fewer labels drew its feet and names larger,
    16.5 against 14.2 px at 1920×1080). A chart whose names would be under the legible size
    at that scale is drawn again with the other's (`redraw(view, mm)`), which may shrink it:
    twice at most. Not where a chart shows only part of itself, nor where the common scale
    would still draw names under the legible size (each then keeps its own fit)."""
    for _round in range(2):
        if not all(view._fitted and not view.partial_hint.isVisible() for view in views):
            return
        scale = min(view.transform().m11() for view in views)
        if all(scale * view._label_px_mm >= 0.999 for view in views):
            break
        size = max(view.text_mm for view in views)
        for view in views:
            if view.text_mm < size * 0.999:
                redraw(view, size)
    else:
        return
    for view in views:
        view.setTransform(QTransform.fromScale(scale, scale))
        view.centerOn(view.chart.chart_rect.center())


def draw_overlay(
    view: ChartView,
    a: Atlas,
    b: Atlas,
    aspect: str,
    title: str,
    text_scale: float,
    differs: Callable[[str, str], bool],
    other_name: str = "",
) -> tuple[dict[tuple[str, str], QGraphicsPathItem], list]:
    """Chart B's zones as dashed, hatched outlines over chart A in `view` (colour is not
    needed), and the names of those it places differently or alone (`differs(view id, zone
    id)`): italic, framed and with leaders dashed like its zones (render.overlay), so never
    taken for A's labels; the key names B (`other_name`, else its tradition) beside a sample
    of them, and the caveat both traditions. Returns B's zones drawn, by (view id, zone id),
    and the names."""
    from ..render.overlay import draw_other_zones, label_other_zones

    overlaid = (other_name or b.tradition, b.tradition)
    view.show_chart(a, aspect, title=title, text_scale=text_scale, overlaid=overlaid)
    items = draw_other_zones(view.chart, b, b.tradition)
    labels = label_other_zones(view.chart, b, [k for k in items if differs(*k)])
    view.fit()
    return items, labels


def mark_chosen(
    views: tuple[ChartView, ...],
    overlay: dict[tuple[str, str], QGraphicsPathItem],
    view_id: str,
    zone_id: str,
) -> None:
    """The zone of the table's row chosen marked in every view, and its outline over the other
    chart drawn bolder."""
    for view in views:
        view.chart.set_selected(zone_id, view_id)
    for key, item in overlay.items():
        pen = item.pen()
        pen.setWidthF(1.6 if key == (view_id, zone_id) else 0.9)
        item.setPen(pen)
