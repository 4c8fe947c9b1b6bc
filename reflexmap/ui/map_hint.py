"""A note on the map when it shows only part of the chart by itself.

At larger text on a small window the map shows the chart at a legible size and leaves part of
it out (ui/map_view.py `fit`); the map has no scroll bars, so on a 1024×768 screen the right
foot was simply missing, with nothing to say that the map pans or how to see it whole. This
note stands at the bottom of the map while that is so, and goes once the person zooms or
drags. The first zoom in that leaves part of the chart out of sight says in the status bar,
once and for a few seconds, how to move the map and see it whole again (`zoomed_text`).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QAbstractScrollArea, QLabel

from ..i18n import _
from ..render import palette

MARGIN_PX = 8


ZOOMED_NOTE_MS = 8000  # the status bar's note after the first zoom in stays this long


def hint_text(fit_keys: str) -> str:
    """What the note on a map shown in part says, with the keys of Fit to window."""
    if not fit_keys:
        return _("Part of the chart: drag to see the rest; View → Fit to window shows it whole.")
    return _("Part of the chart: drag to see the rest; Fit to window ({keys}) shows it whole.").replace(
        "{keys}", fit_keys
    )


def compare_text() -> str:
    """What the note on a comparison's chart shown in part says (its view has no menu: the
    wheel zooms, a double-click fits again)."""
    return _("Part of the chart: drag to see the rest; the mouse wheel zooms out.")


def zoomed_text(fit_keys: str) -> str:
    """The note after the first zoom that leaves part of the chart out of sight."""
    if not fit_keys:
        return _("Drag to move the chart; View → Fit to window shows it whole.")
    return _("Drag to move the chart; Fit to window ({keys}) shows it whole.").replace("{keys}", fit_keys)


class PartialHint(QLabel):
    """The note, kept at the bottom centre of `view`'s viewport (`follow`: its size). A child
    of the view, not of its viewport: the viewport's children scroll with the map (the note
    moved down by each scroll of the fit and stood partly below the map)."""

    def __init__(self, view: QAbstractScrollArea, below: bool = False):
        """`below`: the note stands in a strip under the viewport that the view keeps free for
        it (`strip_height`), never over the chart (a comparison's pane, where it covered the
        lower foot); else over the map's bottom."""
        super().__init__(view)
        self.view = view
        self.below = below
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setWordWrap(True)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)  # the map still pans under it
        self.setObjectName("partialHint")
        self.hide()
        view.viewport().installEventFilter(self)  # its size changes with the view's margins too

    def set_shown(self, shown: bool, fit_keys: str = "", text: str | None = None) -> None:
        """The note on a map that shows part of the chart by itself (shown), or none; `text`
        instead of the map's words (a comparison's view)."""
        if not shown:
            self.hide()
        else:
            self._show(text if text is not None else hint_text(fit_keys))  # language, theme may change

    def _show(self, text: str) -> None:
        self.setText(text)
        self._style()
        self._place()
        self.show()

    def _size(self, area_width: int) -> tuple[int, int]:
        """(width, height) of the note over or under an area `area_width` px wide."""
        width = min(area_width - 2 * MARGIN_PX, max(240, round(area_width * 0.8)))
        width = max(60, width)
        self.ensurePolished()  # (its style sheet's padding counted in its height)
        height = self.heightForWidth(width)
        return width, height if height > 0 else self.sizeHint().height()

    def strip_height(self, text: str, area_width: int) -> int:
        """The height (px) of the strip under the viewport that holds the note saying `text`
        (`below`), with its margins."""
        self.setText(text)
        self._style()
        return self._size(area_width)[1] + 2 * MARGIN_PX

    def _style(self) -> None:
        font = self.view.font()
        font.setPointSizeF(font.pointSizeF() * 0.9)  # beside the chart's text, not over it
        self.setFont(font)
        ink, paper = palette.INK.name(), palette.PAPER.name()  # the theme may have changed
        self.setStyleSheet(
            f"#partialHint {{ color: {ink}; background: {paper}; border: 1px solid {ink};"
            " border-radius: 4px; padding: 4px 8px; }"
        )

    def _place(self) -> None:
        area = self.view.viewport().geometry()  # (in the view's coordinates)
        width, height = self._size(area.width())
        top = area.bottom() + 1 + MARGIN_PX if self.below else area.bottom() + 1 - height - MARGIN_PX
        self.setGeometry(area.left() + (area.width() - width) // 2, top, width, height)
        self.raise_()

    def follow(self) -> None:
        """The viewport changed size (its map's resizeEvent): kept at its bottom, whole."""
        if not self.isHidden():
            self._place()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:
            self.follow()
        return False
