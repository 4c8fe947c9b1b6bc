"""Presenter mode for teaching with a projector.

F5 enters, Esc leaves. Full screen, panels hidden, large labels hidden until revealed.
Right/Down/Tab reveal the next zone (name and claim in a large caption), Left/Up/Shift+Tab
go back, a zone clicked becomes the current one, A reveals or hides all, S spotlights the
current zone (every other one dimmed), B shows a blank chart for "where is …?" questions,
N opens the trainer's notes (on a second screen when one is attached), Home/End jump to the first/last zone.

What the class sees gives nothing away that the trainer has not revealed: a blank chart has
grey outlines, no colour key and no guide names. Hints for the trainer (which key does what,
where the lesson stands, "5 / 23") go into the notes only. With one screen the notes are a
panel beside the chart or, under a wide chart, below it (where the chart loses least), and
the chart is fitted into the room left, so they never cover it.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QGuiApplication
from PySide6.QtWidgets import QLabel

from ...content import zone_card
from ...content.markup import escape
from ...i18n import _, bidi_isolate, isolated
from ...render import palette
from ..state import AppState, Presentation
from . import PRESENT, MapSurface, Mode
from .trainer_notes import TrainerNotes

QWIDGETSIZE_MAX = 16_777_215  # Qt's largest widget size (QWIDGETSIZE_MAX in C++)
PRESENTER_LABEL_MM = 6.8
CAPTION_LINES = 3  # the caption under the chart takes at most this many lines
CAPTION_CHARS = 200  # of a zone's name or claim in it, at most
CAPTION_PADDING_PX = 12  # above and below its lines (the style sheet's 10 px padding, its 2 px border)
NOTES_PANEL_SHARE = 0.3  # of the screen's width, for the notes beside the chart (one screen)
NOTES_PANEL_MAX_PX = 460
NOTES_BESIDE_MIN_PX = 240  # the notes beside a tall chart: at least this wide
NOTES_UNDER_MIN_PX = 120  # the notes under a wide chart: at least this tall
NOTES_UNDER_MAX_SHARE = 0.35  # and at most this share of the screen's height
NOTES_CHART_KEEPS = 0.9  # the notes take room (beyond what the chart leaves unused) to this scale of it
NAMED, ABOUT = 1, 5  # the notes' sections with the zone's name and claim (the caption shows them
# too) and with its tradition and sources (on its card): left out when the notes cannot show all
# Tab too: on the map it steps through the zones, here through the lesson (a trainer used to it)
NEXT_KEYS = (Qt.Key.Key_Right, Qt.Key.Key_Down, Qt.Key.Key_Space, Qt.Key.Key_PageDown, Qt.Key.Key_Tab)
BACK_KEYS = (Qt.Key.Key_Left, Qt.Key.Key_Up, Qt.Key.Key_Backspace, Qt.Key.Key_PageUp, Qt.Key.Key_Backtab)


class Presenter(Mode):
    """Presenter mode: the state's current mode while presenting. Gets the map's keys through
    the mode interface and asks the state for what the class sees (`Presentation`, larger
    type); the window hides its chrome and goes full screen when the mode changes."""

    name = PRESENT

    def __init__(self, state: AppState, map_view: MapSurface, parent: QObject | None = None):
        super().__init__(parent)
        self.state = state
        self.map = map_view
        self.order: list[str] = []  # zone ids, along the feet
        self.index = -1
        self.all_revealed = False
        self.spotlight = False
        self.blank = False
        self.notes: TrainerNotes | None = None
        self.caption = QLabel(map_view)  # below the viewport, in a margin kept free for it
        self.caption.setObjectName("presenter-caption")
        self.caption.setWordWrap(True)
        self.caption.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.caption.hide()
        self._caption_whole = False  # the caption shows the current zone's name and claim uncut
        self._labels_before = True

    @property
    def active(self) -> bool:
        return self.state.mode is self

    # --- entering and leaving ------------------------------------------------------------
    def enter(self) -> None:
        self.state.enter_mode(self)

    def leave(self) -> None:
        self.state.leave_mode(self)

    def entered(self) -> None:
        self._labels_before = self.state.labels_visible
        self.state.select("")
        self.index, self.all_revealed, self.spotlight, self.blank = -1, False, False, False
        self.state.set_presentation(Presentation())
        self.state.set_label_mm(PRESENTER_LABEL_MM)
        self.state.set_labels_visible(True)
        self._order_zones()
        self.state.aspect_changed.connect(self._aspect_changed)
        self.state.selection_changed.connect(self._selected)
        self.map.resized.connect(self._place_caption)
        self._place_caption()  # reserve the caption's room before fitting the chart
        self.map.refit()
        self.map.setFocus()
        if len(QGuiApplication.screens()) > 1:  # a second screen: notes there, for the trainer
            self.toggle_notes(screen=QGuiApplication.screens()[1])
        self._apply()

    def left(self) -> None:
        self.state.aspect_changed.disconnect(self._aspect_changed)
        self.state.selection_changed.disconnect(self._selected)
        self.map.resized.disconnect(self._place_caption)
        self.caption.hide()
        self.map.set_reserved_margins(0, 0)
        if self.notes is not None:
            self.notes.close()
            self.notes = None
        self.state.set_presentation(None)
        self.state.set_label_mm(None)
        self.state.set_labels_visible(self._labels_before)

    def _order_zones(self) -> None:
        """The zones in the order the keys reveal them: along the feet, each zone once. The
        class sees the chart as checked: a shape the editor's check refuses (an unsaved zone
        drawn outside the foot) is neither drawn, nor stepped to, nor clicked (it was drawn
        plainly over the chart's caption, and the keys and clicks passed it by: S21-9)."""
        self.order = []
        unchecked = self.state.refused.shapes
        for key in self.map.keyboard_order():
            if key not in unchecked and key[1] not in self.order:
                self.order.append(key[1])

    def _selected(self, zone_id: str) -> None:
        """A zone picked another way than the presenter's keys (a click on it, the map's Enter):
        it becomes the current zone, revealed with its caption, as the keys would have shown
        it; the class never sees one zone highlighted under another zone's caption."""
        if zone_id and zone_id in self.order and zone_id != self.current:
            self.index = self.order.index(zone_id)
            self._apply()

    def click(self, event) -> bool:
        """A click picks among the zones the class sees (a refused shape is not drawn)."""
        hits = tuple(z for z in event.hits if (event.view_id, z) not in self.state.refused.shapes)
        if hits:
            self.state.pick(event.view_id, hits)
        return True

    def _aspect_changed(self, _aspect: str) -> None:
        self._order_zones()
        self.index = min(self.index, len(self.order) - 1)
        self._apply()

    # --- keys ------------------------------------------------------------------------------
    def key(self, key: int, modifiers=None) -> bool:
        """Handles one presenter key; returns whether it was one."""
        if key == Qt.Key.Key_Escape:
            self.leave()
        elif key in NEXT_KEYS:
            self.step(+1)
        elif key in BACK_KEYS:
            self.step(-1)
        elif key == Qt.Key.Key_Home:
            self.index = 0
            self._apply()
        elif key == Qt.Key.Key_End:
            self.index = len(self.order) - 1
            self._apply()
        elif key == Qt.Key.Key_A:
            self.all_revealed = not self.all_revealed
            self._apply()
        elif key == Qt.Key.Key_S:
            self.spotlight = not self.spotlight
            self._apply()
        elif key == Qt.Key.Key_B:
            self.blank = not self.blank
            self._apply()
        elif key == Qt.Key.Key_N:
            self.toggle_notes()
        else:
            return False
        return True

    def step(self, delta: int) -> None:
        self.index = max(-1, min(len(self.order) - 1, self.index + delta))
        self._apply()

    @property
    def current(self) -> str:
        return self.order[self.index] if 0 <= self.index < len(self.order) else ""

    def revealed(self) -> set[str]:
        if self.blank:
            return set()
        if self.all_revealed:
            return set(self.order)
        return set(self.order[: self.index + 1])

    # --- showing ---------------------------------------------------------------------------
    def _apply(self) -> None:
        if not self.active:
            return
        current = "" if self.blank else self.current
        hidden = self.state.refused.shapes
        self.state.set_presentation(
            Presentation(frozenset(self.revealed()), current, self.spotlight, self.blank, left_out=hidden)
        )
        if self.notes is not None:  # (its text first: the room it takes is measured by it)
            self.notes.show_sections(self._notes_sections())
        self._show_caption(current)

    def _show_caption(self, zone_id: str) -> None:
        """What the class reads under the chart: the revealed zone, or on a blank chart only
        the question (the keys to go on are in the trainer's notes)."""
        self._caption_zone = ""
        self._colour_caption()
        if not zone_id:
            if self.blank:
                self.caption.setText(escape(_("Where is …?")))
                self._place_caption()
                self.caption.show()
            elif self.index < 0 and not self.all_revealed:
                # before the first zone no label is drawn: without a word, it looked as if the
                # labels had failed to draw (tryout S12-7); the first key replaces this
                self.caption.setText(escape(_("→ shows the zones one by one · A shows all · Esc leaves")))
                self._place_caption()
                self.caption.show()
            else:
                self.caption.hide()
                self._place_caption()
            return
        self._caption_zone = zone_id
        self.caption.setText(zone_card.caption_html(self.state.atlas.zone(zone_id)))
        self.caption.show()
        self._place_caption()

    def _colour_caption(self) -> None:
        """The caption in the theme's own colours, read as it is shown (the theme may have
        changed): a fixed light-grey box was the one thing outside high contrast's black,
        white and yellow (S19-13)."""
        ink, paper, rule = palette.INK, QColor(palette.PAPER), palette.OUTLINE.name()
        paper.setAlpha(235)
        self.caption.setStyleSheet(
            f"background: rgba({paper.red()},{paper.green()},{paper.blue()},{paper.alpha()});"
            f" color: {ink.name()}; border-top: 2px solid {rule}; padding: 10px;"
        )

    def _place_caption(self) -> None:
        """The caption along the bottom and (one screen) the notes panel where the chart loses
        least: beside it on the right, or under it in the height a wide chart leaves unused
        (a 1024×768 projector: beside, the chart shrank by a third with bands empty above and
        below), and as large as the notes' text needs (within bounds: the chart gives room,
        its text kept legible by the map). The chart is fitted into the rest of the view, so
        neither covers it."""
        width, height = self.map.width(), self.map.height()
        right = under = 0
        shape: tuple = (1, 0, ())
        if self.notes is not None and self.notes.panel:
            right, under, shape = self._notes_room(width, height)
        caption = self._fit_caption(width - right, height)
        self.caption.move(0, height - under - caption)  # along the bottom of the view, over the notes
        if self.notes is not None and self.notes.panel:
            if under:
                self.notes.place(0, height - under, width, under, shape)
            else:
                self.notes.place(width - right, 0, right, height, shape)
        bottom = caption if self.caption.isVisibleTo(self.map) else 0
        self.map.set_reserved_margins(right, bottom + under)

    def _notes_room(self, width: int, height: int) -> tuple[int, int, tuple]:
        """(width beside the chart, height under it, the notes' shape) for the notes panel on
        one screen: the place that leaves the chart the larger scale. Each place takes what
        the chart leaves unused there, or what the notes need if more, within its bounds and
        down to NOTES_CHART_KEEPS of the chart's scale without them (at 1024×768 in German
        at the largest text, the notes under the soles had 120 px for 400 px of text)."""
        notes = self.notes
        shown = self.caption.isVisibleTo(self.map)
        beside_most = min(NOTES_PANEL_MAX_PX, round(width * NOTES_PANEL_SHARE))
        chart_w, chart_h = self.map.chart_size()
        if chart_w <= 0 or chart_h <= 0:
            return max(NOTES_BESIDE_MIN_PX, beside_most), 0, (1, 0, ())
        caption_full = self._fit_caption(width, height) if shown else 0
        # the zone's name and claim may be left out of the notes when the caption shows them whole
        spare_sections = (NAMED, ABOUT) if shown and self._caption_whole else ()

        def scale(w: float, h: float) -> float:
            return min(w / chart_w, h / chart_h)

        keeps = NOTES_CHART_KEEPS * scale(width, height - caption_full)
        beside_most = max(NOTES_BESIDE_MIN_PX, min(beside_most, round(width - keeps * chart_w)))
        under_most = round(height * NOTES_UNDER_MAX_SHARE)
        under_most = max(NOTES_UNDER_MIN_PX, min(under_most, round(height - caption_full - keeps * chart_h)))
        spare = width - chart_w * (height - caption_full) / chart_h
        beside, beside_shape = notes.fit_beside(height, NOTES_BESIDE_MIN_PX, beside_most, spare_sections)
        beside_fits = notes.fits
        beside = max(beside, min(round(spare), beside_most))
        spare = height - caption_full - chart_h * width / chart_w
        under, under_shape = notes.fit_under(width, NOTES_UNDER_MIN_PX, under_most, spare_sections)
        under = max(under, min(round(spare), under_most))
        caption_beside = self._fit_caption(width - beside, height) if shown else 0
        # first the chart kept legible, then the notes shown whole, then the larger chart
        under_rank = (scale(width, height - caption_full - under) >= keeps * 0.999, notes.fits)
        beside_rank = (scale(width - beside, height - caption_beside) >= keeps * 0.999, beside_fits)
        under_rank += (scale(width, height - caption_full - under),)
        beside_rank += (scale(width - beside, height - caption_beside),)
        if under_rank >= beside_rank:
            return 0, under, under_shape
        return beside, 0, beside_shape

    def _fit_caption(self, width: int, height: int) -> int:
        """Fits the caption to `width` and returns its height."""
        self.caption.setFixedWidth(width)
        font = QFont(self.caption.font())
        font.setPixelSize(max(18, height // 24))  # type scales with the screen
        self.caption.setFont(font)
        # measured free of the last caption's fixed height, which a label's heightForWidth
        # honours (a short caption after a long one kept the long one's height)
        self.caption.setMinimumHeight(0)
        self.caption.setMaximumHeight(QWIDGETSIZE_MAX)
        # at most CAPTION_LINES lines and a quarter of the screen: a long name or claim is cut
        # with "…", never pushing the chart off the screen or running past its edge (the chart
        # is what the class looks at)
        most = min(
            max(1, height // 4), CAPTION_LINES * QFontMetrics(font).lineSpacing() + 2 * CAPTION_PADDING_PX
        )
        zone_id, limit = getattr(self, "_caption_zone", ""), CAPTION_CHARS
        while zone_id and limit >= 8:
            self.caption.setText(zone_card.caption_html(self.state.atlas.zone(zone_id), limit))
            if self.caption.heightForWidth(width) <= most:
                break
            limit = int(limit * 0.7)
        zone = self.state.atlas.zone(zone_id) if zone_id else None
        self._caption_whole = zone is not None and max(len(zone.name), len(zone.claim)) <= limit
        # a wrapped caption is as tall as its lines at this width (adjustSize would guess a width)
        lines = self.caption.heightForWidth(width)  # -1 while it holds no text yet
        self.caption.setFixedHeight(min(most, lines) if lines >= 0 else self.caption.sizeHint().height())
        return self.caption.height()

    # --- the trainer's notes ------------------------------------------------------------------
    def toggle_notes(self, screen=None) -> None:
        """N: the notes on the second screen when there is one, else as a panel beside the chart."""
        if self.notes is not None:
            self.notes.close()
            self.notes.deleteLater()
            self.notes = None
            self._place_caption()
            return
        if screen is None and len(QGuiApplication.screens()) > 1:
            screen = QGuiApplication.screens()[1]
        if screen is not None:
            self.notes = TrainerNotes()
            self.notes.setScreen(screen)
            self.notes.move(screen.geometry().topLeft())
        else:
            self.notes = TrainerNotes(self.map)
        self.notes.show_sections(self._notes_sections())
        self.notes.show()
        self._place_caption()

    def position(self) -> str:
        """Where the lesson stands, for the trainer: "5 / 23" (0 before the first zone)."""
        return _("{current} / {total}").format(current=self.index + 1, total=len(self.order))

    def _notes_sections(self) -> list[str]:
        """The notes' text in parts, in reading order (the notes set them in columns under a
        wide chart): where the lesson stands, the zone, how it is worked, what comes next,
        its tradition and sources, the keys."""
        atlas = self.state.atlas
        keys = escape(_("→ next · ← back · A all · S spotlight · B blank · N notes · Esc leave"))
        keys = f"<p><small>{keys}</small></p>"
        where = f"<p><b>{escape(_('Zone {position}').format(position=self.position()))}</b>"
        modes = []
        if self.blank:
            modes.append(_("Blank chart for the class: B shows the zones again."))
        if self.spotlight:
            modes.append(_("Spotlight on: S shows every zone again."))
        if self.all_revealed:
            modes.append(_("All names shown: A hides those not reached yet."))
        where += "".join(f"<br>{escape(m)}" for m in modes) + "</p>"
        if not self.current:
            nothing = escape(_("No zone revealed yet."))
            return [f"<h2>{escape(atlas.title)}</h2>{where}<p>{nothing}</p>", keys]
        zone = atlas.zone(self.current)
        following = self.order[self.index + 1] if self.index + 1 < len(self.order) else ""
        if self.blank:
            ask = _("Ask the class: where is the zone {zone}?").format(zone=isolated(zone.name))
            where += f"<p>{escape(ask)}</p>"
        named, technique, note, about = zone_card.compact_parts(atlas, zone)
        after = ""
        if following:
            after = "<p>{}</p>".format(
                escape(_("Next: {zone}").format(zone=bidi_isolate(atlas.zone(following).name)))
            )
        return [where, named, technique, note, after, about, keys]  # (see NAMED, ABOUT)
