"""The status bar's words about the chart: zones in the chart, the view shown, the selected
zone's summary, a source link's address, and where the pointer is (foot, view, millimetres).
The window makes one `StatusLine`; it listens to the state and says the rest itself.

Every message shown in the bar is fitted to the room it has (`fitted`): a text from the chart
(a zone's name or claim, the chart's title, any isolated text) that would not fit is elided
with "…", the app's own words around it kept, a zone's claim before its name ("Pelvis and
lo…: charts place the pelvis an… here" cut both, S17-6); the whole
message is elided only when that is not enough, and then a problem's place in its file
(file:line:column) is kept whole. Texts are cut between words where a word ends in the room
(never "…removes the selected ve…"). QStatusBar
itself would cut a long message off at the edge, mid-letter. A message shortened is shown whole
in the bar's tooltip. Qt's own status tips (QAction.setStatusTip, shown when a menu item is
pointed at) are fitted too."""

from __future__ import annotations

import re
import time
from collections.abc import Callable, Iterable

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QLabel, QSizeGrip, QStatusBar, QWidget

from .. import i18n
from ..atlas.coords import as_read
from ..content import zone_card
from ..content.markup import plain_tooltip
from ..i18n import N_, _, bidi_isolate, ngettext
from ..vocab import ASPECTS, FEET, aspect_name, aspect_title, foot_name
from .modes import QUIZ
from .state import AppState

# said in the status line, and by the greyed "Show labels" (actions.py)
TOO_FULL_TO_LABEL = N_("Too many zones in this view to label: point at a zone to see its name")


class StatusLine(QObject):
    def __init__(self, state: AppState, bar: QStatusBar, unlabelled_views: Callable[[], object]):
        """`unlabelled_views()`: the views too full to label (asked whenever the chart is named)."""
        super().__init__(bar)
        self.state, self.bar, self._unlabelled_views = state, bar, unlabelled_views
        self.coordinates = QLabel(bar)
        self.coordinates.setAccessibleName(_("Pointer position"))
        bar.addPermanentWidget(self.coordinates)
        self._selection_message: str | None = None
        self._show = bar.showMessage  # Qt's own; every caller's message goes through say():
        bar.showMessage = self.say  # type: ignore[method-assign]  # callers hold bar.showMessage
        self._said: tuple[str, str, float, int] | None = None  # full, shown, when, timeout ms
        self._widest_for: tuple[tuple[str, str] | None, int] = (None, 0)  # (language, font): px
        bar.installEventFilter(self)
        self._window = bar.parentWidget()
        if self._window is not None:  # Qt's status tips (menu items) go to the bar from C++, not say()
            self._window.installEventFilter(self)
        state.selection_changed.connect(self.selection_shown)
        state.aspect_changed.connect(self.view_shown)

    def follow_map(self, map_view) -> None:
        """Where the pointer is on `map_view`, and its notes (how to move a zoomed map)."""
        map_view.pointed.connect(self.show_coordinates)
        map_view.said.connect(self.say)

    def say(self, message: str, timeout: int = 0) -> None:
        """Show `message` (for `timeout` ms; 0: until replaced), fitted to the bar's room."""
        shown = fitted(message, QFontMetrics(self.bar.font()), self._room(), *self._chart_texts())
        self._said = (message, shown, time.monotonic(), timeout)
        self._show(shown, timeout)
        # shortened: the whole message where the pointer rests on the bar
        self.bar.setToolTip(plain_tooltip(message) if shown != message else "")

    def _room(self) -> int:
        """The width the message has: the bar's, less what the widgets beside it take now (the
        pointer's place while it is over a foot, the editor's "✔ The chart passes the check")
        and margins. A widget that grows or goes has the message fitted again (`eventFilter`).
        (Before, the pointer's place was kept room for at its widest while it showed nothing:
        "Neue Zone 1: Karten …" with about 470 px empty beside it.)"""
        others = sum(
            max(child.minimumWidth(), child.sizeHint().width()) + 8
            for child in self.bar.findChildren(QWidget, options=Qt.FindChildOption.FindDirectChildrenOnly)
            if child.isVisible() and not isinstance(child, QSizeGrip)
        )
        return max(40, self.bar.width() - others - 40)

    def _chart_texts(self) -> tuple[list[str], list[str]]:
        """The chart's texts a message may quote, and those of them cut first (the selected
        zone's claim: its name says which zone the message is about)."""
        atlas = self.state.atlas
        texts = [atlas.title] if atlas is not None else []
        selected = self.state.zone_id
        if atlas is not None and selected and atlas.has_zone(selected):
            zone = atlas.zone(selected)
            return [*texts, zone.name, zone.claim], [zone.claim]
        return texts, []

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        """The bar was resized: the message on show is fitted again (for the time it has left).
        A status tip (a menu item pointed at: a recent chart's tradition and file) reaching the
        window is said here, fitted like every message, instead of by QMainWindow, which would
        put it in the bar whole and cut it off mid-letter."""
        if watched is self._window and event.type() == QEvent.Type.StatusTip:
            self.say(event.tip())
            return True
        relaid = event.type() in (QEvent.Type.Resize, QEvent.Type.LayoutRequest)  # (a widget beside it grew)
        if watched is self.bar and relaid and self._said is not None:
            message, shown, when, timeout = self._said
            again = fitted(message, QFontMetrics(self.bar.font()), self._room(), *self._chart_texts())
            if self.bar.currentMessage() == shown and again != shown:  # (shown again only if it changes)
                left = 0 if timeout == 0 else int(timeout - (time.monotonic() - when) * 1000)
                if timeout == 0 or left > 0:
                    self.say(message, left)
                    if timeout:
                        self._said = (message, self._said[1], when, timeout)
        return False

    def chart_shown(self, *_args, view: str = "") -> None:
        """The chart's title and count, said once the map is drawn or a view switched; a zone
        selected then (at start with --select, by search, by keyboard) is named instead, as
        a click names it: the count said over it hid which zone was selected (S18-17). A view
        switched is always said (the zone may not be in it)."""
        if not view and self._selection_said():
            return
        atlas = self.state.atlas
        count = len(atlas.zones)
        message = ngettext("{chart}: {count} zone", "{chart}: {count} zones", count).format(
            chart=bidi_isolate(atlas.title), count=i18n.format_count(count)
        )
        if view:
            message = f"{view} \u00b7 {message}"
        if self._unlabelled_views():
            message += ". " + _(TOO_FULL_TO_LABEL)
        self.say(message, 8000)

    def view_shown(self, aspect: str) -> None:
        """A view switch: the pointer's last position belonged to the other view."""
        self._place_shown("")
        self.chart_shown(view=aspect_title(aspect))

    def selection_shown(self, zone_id: str) -> None:
        if zone_id:
            self._selection_said()
        elif self._on_show() == self._selection_message:
            self.bar.clearMessage()  # nothing selected: no zone's claim lingers

    def _selection_said(self) -> bool:
        """Say the selected zone's summary; False if none is selected, or in a quiz (where the
        summary would give the answer away)."""
        atlas, zone_id = self.state.atlas, self.state.zone_id
        if not zone_id or self.state.mode.name == QUIZ or atlas is None or not atlas.has_zone(zone_id):
            return False
        self._selection_message = zone_card.summary_text(atlas.zone(zone_id))
        self.say(self._selection_message)
        return True

    def _on_show(self) -> str | None:
        """The whole of the message the bar shows (fitted to its room: maybe shortened)."""
        if self._said is None or self.bar.currentMessage() != self._said[1]:
            return None
        return self._said[0]

    def link_pointed(self, url) -> None:
        """The address behind a source's link, as browsers show it, before it is followed."""
        if url.scheme() in ("http", "https"):
            self.say(url.toDisplayString())
        elif url.isEmpty() and self.bar.currentMessage().startswith(("http://", "https://")):
            self.bar.clearMessage()

    def show_coordinates(self, view_id: str, x: float, y: float) -> None:
        """Which foot and view the pointer is over, and where in millimetres ("" off the feet)."""
        view = next((v for v in self.state.atlas.views if v.id == view_id), None)
        if view is None:
            self._place_shown("")
            return
        # read as on the other foot: from the heel and the inner edge (coords.as_read)
        x_mm, y_mm = (i18n.format_number(v, 1) for v in as_read(view, x, y))
        self._place_shown(_place_text(view.foot, view.aspect, x_mm, y_mm))

    def _place_shown(self, text: str) -> None:
        """The pointer's place (or none): while shown, as wide as it is at its widest, so that
        neither it nor the message beside it moves as the pointer moves, from foot to foot,
        view to view and number to number. (Its width was kept for one German sample, narrower
        than "Left foot · Medial (inner side)   x 100.0 mm": the field grew and shrank, and
        the message beside it jittered, as the pointer crossed the feet.)"""
        if text:
            metrics = QFontMetrics(self.coordinates.font())
            self.coordinates.setFixedWidth(max(self._widest(metrics), metrics.horizontalAdvance(text)) + 8)
        else:  # off the feet: it takes no room
            self.coordinates.setMinimumWidth(0)
            self.coordinates.setMaximumWidth(QWIDGETSIZE_MAX)
        self.coordinates.setText(text)

    def _widest(self, metrics: QFontMetrics) -> int:
        """The widest pointer place there is in this language and font: every foot and view,
        three digits before the decimal sign on both numbers (a 260 mm foot), with signs."""
        key = (i18n.language(), self.coordinates.font().key())
        if self._widest_for[0] != key:
            digit = max("0123456789", key=metrics.horizontalAdvance)
            number = "-" + digit * 3 + i18n.format_number(0.5, 1).strip("05") + digit
            width = max(
                metrics.horizontalAdvance(_place_text(foot, aspect, number, number))
                for foot in FEET
                for aspect in ASPECTS
            )
            self._widest_for = (key, width)
        return self._widest_for[1]


def _place_text(foot: str, aspect: str, x: str, y: str) -> str:
    """The pointer's place as the status bar shows it (`x`, `y`: numbers as written)."""
    return f"{foot_name(foot)} \u00b7 {aspect_name(aspect)}   x {x} mm   y {y} mm"


QWIDGETSIZE_MAX = 16777215  # Qt's "no maximum width"

_ISOLATED = re.compile("\u2068([^\u2068\u2069]*)\u2069")
# a problem's place: "file:line:column:" or "line:column:" (the file's name maybe isolated)
_PLACE = re.compile("(?:\u2068[^\u2068\u2069]*\u2069:|[^\\s:\u2068\u2069]+:)?\\d+:\\d+(?=:)")


def fitted(
    text: str,
    metrics: QFontMetrics,
    width: int,
    chart_texts: Iterable[str] = (),
    cut_first: Iterable[str] = (),
) -> str:
    """`text` as it fits in `width` pixels: the chart texts in it (`chart_texts`, and any text
    between Unicode isolates) elided with "…" first, sharing the room the app's own words leave
    (a short one keeps its room whole), so that those words stay whole; those in `cut_first`
    (a zone's claim, said after its name) take only what the others leave. Then, if that is
    not enough, the whole text, at its end. Cut between words where one ends in the room."""
    cut_first = {t for t in cut_first if t}
    if metrics.horizontalAdvance(text) <= width:
        return text
    found = {t for t in chart_texts if t} | {m.group(1) for m in _ISOLATED.finditer(text) if m.group(1)}
    spans: list[tuple[int, int]] = []
    for part in sorted(found, key=len, reverse=True):  # the longest first: a name in a claim
        at = text.find(part)
        if at >= 0 and not any(at < end and start < at + len(part) for start, end in spans):
            spans.append((at, at + len(part)))
    spans.sort()
    if spans:
        words = "".join(
            text[end:start]
            for (_s, end), (start, _e) in zip([(0, 0), *spans], [*spans, (len(text), 0)], strict=True)
        )
        budget = width - metrics.horizontalAdvance(words)
        least = metrics.horizontalAdvance("MMM…")
        if budget >= least * len(spans):
            widths = [metrics.horizontalAdvance(text[a:b]) for a, b in spans]
            later = {i for i, (a, b) in enumerate(spans) if text[a:b] in cut_first}
            kept = [i for i in range(len(spans)) if i not in later]
            rooms = [0] * len(spans)
            shares = _shared(budget - least * len(later), [widths[i] for i in kept])
            for i, room in zip(kept, shares, strict=True):
                rooms[i] = room
            left = budget - sum(shares)
            for i, room in zip(sorted(later), _shared(left, [widths[i] for i in sorted(later)]), strict=True):
                rooms[i] = room
            pieces, last = [], 0
            for (start, end), room in zip(spans, rooms, strict=True):
                pieces += [text[last:start], _elided(text[start:end], metrics, room)]
                last = end
            shortened = "".join([*pieces, text[last:]])
            if metrics.horizontalAdvance(shortened) <= width:
                return shortened
    return _elided_keeping_place(text, metrics, width)


def _worded_place() -> re.Pattern[str]:
    """A problem's place in words, as the editor's problems say it ("line 12, column 5", in
    the interface's language: ui/editor/problems.py `placed`)."""
    template = _("line {line}, column {column}: {message}").split("{message}")[0].rstrip(": ")
    return re.compile(re.escape(template).replace(r"\{line\}", r"\d+").replace(r"\{column\}", r"\d+"))


def _elided_keeping_place(text: str, metrics: QFontMetrics, width: int) -> str:
    """`text` cut with "…" to `width` pixels at its end; a problem's place in it (file:line:
    column) kept whole, the words before and after it sharing what room is left."""
    place = _PLACE.search(text) or _worded_place().search(text)
    if place is None or metrics.horizontalAdvance(place.group()) > width:
        return _elided_words(text, metrics, width)
    before, after = text[: place.start()], text[place.end() :]
    budget = width - metrics.horizontalAdvance(place.group())
    rooms = _shared(budget, [metrics.horizontalAdvance(before), metrics.horizontalAdvance(after)])
    for _turn in range(8):  # the pieces' widths do not quite add up: narrower until it fits
        head = metrics.elidedText(before, Qt.TextElideMode.ElideRight, rooms[0]) if before else ""
        tail = metrics.elidedText(after, Qt.TextElideMode.ElideRight, rooms[1]) if after else ""
        shown = f"{head}{place.group()}{tail}"
        if metrics.horizontalAdvance(shown) <= width:
            return shown
        rooms = [max(0, r - 4) for r in rooms]
    return _elided_words(text, metrics, width)


def _elided(text: str, metrics: QFontMetrics, room: int) -> str:
    """A chart text cut with "…" at its end; a file's path cut in its folders, so that the
    file's name (what tells it apart) stays whole where it fits."""
    is_path = text.startswith(("/", "~", "\\")) or (len(text) > 2 and text[1:3] in (":\\", ":/"))
    cut = max(text.rfind("/"), text.rfind("\\"))
    if is_path and cut > 0:
        name = text[cut:]
        left = room - metrics.horizontalAdvance(name)
        if left >= metrics.horizontalAdvance("/…"):
            return metrics.elidedText(text[:cut], Qt.TextElideMode.ElideRight, left) + name
        return metrics.elidedText(text, Qt.TextElideMode.ElideMiddle, room)
    return _elided_words(text, metrics, room)


WORD_CHARS = 24  # the longest word fragment dropped to cut between words instead
_TRAILING = " ,;:\u00b7-\u2013"  # not left before the "…"
_ISOLATES = "\u2068\u2069 "


def _elided_words(text: str, metrics: QFontMetrics, room: int) -> str:
    """`text` cut with "…" at its end to `room` pixels, after the last word that fits whole
    ("the pelvis…", not "the pelvis an…"); mid-word only when not one word fits (a name of one
    long word). An isolate cut open is closed after the "…"."""
    if metrics.horizontalAdvance(text) <= room:
        return text
    cut = metrics.elidedText(text, Qt.TextElideMode.ElideRight, room)
    if not cut.endswith("…") or not text.startswith(cut[:-1]):
        return cut  # (nothing fits, or Qt cut otherwise: as it is)
    head = cut[:-1]
    if head and not text[len(head)].isspace() and not head[-1].isspace():  # a word cut in two
        space = max(head.rfind(" "), head.rfind("\u00a0"))
        words = head[:space].rstrip(_TRAILING)
        # (a path or a very long word is cut where the room ends: dropping it would say nothing)
        if space > 0 and words.strip(_ISOLATES) and len(head) - space <= WORD_CHARS:
            head = words
    head = head.rstrip(_TRAILING)
    closing = "\u2069" * max(0, head.count("\u2068") - head.count("\u2069"))
    return f"{head}…{closing}"


def _shared(budget: int, widths: list[int]) -> list[int]:
    """Room for each of several texts in `budget` pixels: each short one keeps its width, the
    rest share what is left equally."""
    rooms = list(widths)
    left, waiting = budget, sorted(range(len(widths)), key=widths.__getitem__)
    while waiting:
        share = left // len(waiting)
        index = waiting[0]
        if widths[index] <= share:
            left -= widths[index]
            waiting.pop(0)
            continue
        for index in waiting:
            rooms[index] = share
        break
    return rooms
