"""The zone's card: what the chart claims there, how it is worked, where that comes from."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QTextBrowser

from ..atlas import Atlas, Zone
from ..content import NOTES, zone_card
from ..content.markup import escape
from ..i18n import _, bidi_isolate
from ..render import palette
from .state import AppState

if TYPE_CHECKING:  # (made by PySide6 with its enums when first used: a link's click, not the start)
    from PySide6.QtCore import QUrl


def _style() -> str:
    """Panel styles; secondary text follows the theme."""
    muted = palette.current.muted
    return f"""
<style>
h2 {{ margin: 0 0 2px 0; }}
.kind {{ color: {muted}; margin-top: 0; }}
.claim {{ font-size: large; margin: 10px 0; }}
.label {{ color: {muted}; font-weight: bold; margin-bottom: 0; }}
p {{ margin-top: 2px; }}
.notes a {{ font-weight: bold; }}
.small {{ color: {muted}; }}
.under {{ margin: 6px 0 8px 0; }}
</style>
"""


# The notes' paragraph is the block of this user state (Qt's `-qt-user-state`, which chart text,
# escaped, cannot set): found without asking each fragment's format for its link (PySide6 built
# the text-format classes and their 7 enum classes, 147 values, for that before the first paint)
NOTES_BLOCK = 1


class InfoPanel(QTextBrowser):
    """Shows the selected zone; links select other zones or open the evidence notes."""

    note_requested = Signal(str)  # a key of reflexmap.content.NOTES

    def __init__(self, state: AppState, parent=None):
        super().__init__(parent)
        self.state = state
        self._stacked = False  # the notes' links one under the other (they do not fit side by side)
        self._notes_stacked: dict[tuple, bool] = {}  # that choice, by `_notes_key`
        self._laying_out = False
        self._relayout = QTimer(self, singleShot=True, interval=0)
        self._relayout.timeout.connect(self._lay_out_notes)
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.setAccessibleName(_("Zone information"))
        self.setMinimumWidth(300)
        self.anchorClicked.connect(self._follow)
        state.selection_changed.connect(self.refresh)
        state.atlas_changed.connect(self.refresh)
        self.refresh()

    def refresh(self, *_args) -> None:
        atlas = self.state.atlas
        zone_id = self.state.zone_id
        self._html = lambda: (
            self._zone_html(atlas, atlas.zone(zone_id)) if zone_id else self._welcome_html(atlas)
        )
        # the notes' layout chosen before at this width (the same in every card): one text set
        self._stacked = self._notes_stacked.get(self._notes_key(), False)
        self._laying_out = True  # (the scroll bar it may bring is laid out for below)
        try:
            self.setHtml(_style() + self._html())
        finally:
            self._laying_out = False
        self._lay_out_notes()
        zone = atlas.zone(zone_id) if zone_id else None
        description = zone_card.summary_text(zone) if zone else atlas.title
        self.setAccessibleDescription(description)

    def _zone_html(self, atlas: Atlas, zone: Zone) -> str:
        return (
            zone_card.heading_html(atlas, zone, zone_card.PANEL)
            + self._under_point_html(atlas, zone)
            + self._notes_html()
            + zone_card.details_html(atlas, zone, zone_card.PANEL)
        )

    def _under_point_html(self, atlas: Atlas, zone: Zone) -> str:
        """Near the top, after a click on overlapping zones: which of them this is, the others as
        links, and that clicking the same point again steps through them."""
        under = self.state.under_point
        if len(under) < 2 or zone.id not in under:
            return ""
        others = [z for z in under if z != zone.id]
        links = ", ".join(
            f"<a href='zone:{z}'>{escape(bidi_isolate(atlas.zone(z).name))}</a>" for z in others
        )
        position = escape(
            _("Zone {number} of {count} under this point; click it again for the next.").format(
                number=under.index(zone.id) + 1, count=len(under)
            )
        )
        label = escape(_("Also under this point"))
        return f"<p class='under'><b>{label}:</b> {links}<br><span class='small'>{position}</span></p>"

    def _welcome_html(self, atlas: Atlas) -> str:
        return (
            f"<h2>{escape(atlas.title)}</h2>"
            + "<p class='kind'>{}</p>".format(
                escape(_("Tradition: {tradition}").format(tradition=bidi_isolate(atlas.tradition)))
            )
            + f"<p>{escape(atlas.description or '')}</p>"
            + "<p>{}</p>".format(
                escape(
                    _(
                        "Click a zone on the feet, or pick one from the list, to see what this chart places "
                        "there, how it is worked and where the placement comes from. Use Tab or the arrow "
                        "keys on the map to step through the zones."
                    )
                )
            )
            + self._notes_html()
        )

    def _notes_html(self) -> str:
        """The two notes' links on one line, a dot between them, where both fit; else one
        under the other with no dot (a dot left at the end of a line reads as a stray mark).
        Which of the two is chosen by the card's own layout (`_lay_out_notes`)."""
        evidence, red_flags = (
            escape(_(NOTES[key])).replace(" ", "&nbsp;") for key in ("evidence", "red-flags")
        )
        first, second = f"<a href='note:evidence'>{evidence}</a>", f"<a href='note:red-flags'>{red_flags}</a>"
        if self._stacked:
            return f"<p class='notes' style='-qt-user-state: {NOTES_BLOCK}'>{first}<br>{second}</p>"
        return f"<p class='notes' style='-qt-user-state: {NOTES_BLOCK}'>{first}&nbsp;&nbsp;· {second}</p>"

    def _notes_fit_on_one_line(self) -> bool:
        """Whether the notes' paragraph, laid out at the card's width, is one line."""
        document = self.document()
        document.size()  # laid out at the viewport's width
        block = document.begin()
        while block.isValid():
            if block.userState() == NOTES_BLOCK:
                return block.layout().lineCount() <= 1
            block = block.next()
        return True

    def _lay_out_notes(self) -> None:
        """The card again with the notes' links one under the other when they do not fit on
        one line at this width (or side by side again when they now do). Never within itself:
        a new text can show or hide the scroll bar, which resizes the card (and a text set
        while another is being set was added to it: the card stood twice)."""
        if self._laying_out:
            return
        key = self._notes_key()
        known = self._notes_stacked.get(key)
        if known is not None and known == self._stacked:
            return  # laid out so at this width before: the card as it is
        self._laying_out = True
        try:
            bar = self.verticalScrollBar().value()
            if known is not None:
                self._stacked = known
                self.setHtml(_style() + self._html())
            else:
                if self._stacked:
                    self._stacked = False
                    self.setHtml(_style() + self._html())
                if not self._notes_fit_on_one_line():
                    self._stacked = True
                    self.setHtml(_style() + self._html())
                if len(self._notes_stacked) > 512:
                    self._notes_stacked.clear()
                self._notes_stacked[key] = self._stacked
            self.verticalScrollBar().setValue(bar)
        finally:
            self._laying_out = False

    def _notes_key(self) -> tuple:
        """What the notes' layout depends on: the card's width, its style (text size, theme)
        and the notes' words (the language). The width is the text's, which the card sets from
        its viewport (asking the viewport, a widget Qt made, has PySide6 build every widget
        class to learn its type: the start-up test forbids that before the first paint)."""
        words = tuple(_(NOTES[key]) for key in ("evidence", "red-flags"))
        return (self.document().textWidth(), _style(), words)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if event.oldSize().width() != event.size().width() and hasattr(self, "_html"):
            self._relayout.start()  # once the resizing is done

    def _follow(self, url: QUrl) -> None:
        target = url.toString()
        if target.startswith("zone:"):
            zone_id = target[5:]
            self.state.select(zone_id, self.state.view_id, self.state.under_point)
        elif target.startswith("note:"):
            self.note_requested.emit(target[5:])
        elif url.scheme() in ("http", "https"):  # a source: in the desktop's web browser
            from .dialogs import open_web_link

            open_web_link(url, self)
