"""The texts of the zone being edited, in a form beside the map: name, claim, technique, note,
region, tradition, sources, confidence and the translations. Each finished field is one
undoable change (the core's SetText edit), so Ctrl+Z undoes a text like a drag. Claim,
technique and note are sentences: they get several lines, and a text of several lines is
written to the file as a YAML block (`|-`)."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QFocusEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QListView,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ... import i18n
from ...atlas.bidi_notes import zone_notes
from ...atlas.wording import zone_effect_words
from ...content.markup import plain_tooltip, shortened
from ...content.zone_card import effect_caveat
from ...i18n import _, bidi_isolate
from ...vocab import REGION_NAMES, region_name
from ..tick_lists import ticks_apart
from ..wheel_guard import scroll_past_fields

MAX_TEXT_CHARS = 4000  # the schema's bound for a text
REQUIRED = ("name", "claim", "technique")
TRANSLATED = ("name", "claim", "technique", "note")
MULTI_LINE = ("claim", "technique", "note")  # texts of sentences: several lines to write them in
TEXT_LINES = 3  # a multi-line field's height
LIST_CHARS = 300  # a source title shown in a list past this is cut (the tooltip has it whole)
FIELD_CHARS = 30  # a field beside its label keeps this many average characters of width


class WrappedList(QListWidget):
    """A list of chart texts (source titles) that a narrow panel can still read: each row
    wraps to the list's width instead of running off to the right behind a sideways
    scroll bar, and shows its whole text in a tooltip; `lines` rows of text at least."""

    def __init__(self, parent: QWidget | None = None, lines: int = 6):
        super().__init__(parent)
        self.setWordWrap(True)
        self.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setResizeMode(QListView.ResizeMode.Adjust)  # rows wrap again when it is resized
        self.setVerticalScrollMode(QListView.ScrollMode.ScrollPerPixel)  # a tall row scrolls smoothly
        self.setMinimumHeight(self.fontMetrics().lineSpacing() * lines + 2 * self.frameWidth())

    @staticmethod
    def shown(text: str) -> str:
        """A chart text as a row shows it: whole, or cut with "…" past LIST_CHARS, and then
        isolated (the cut closed what it opened; the "…" is ours)."""
        cut = shortened(text, LIST_CHARS)
        return text if cut == text else bidi_isolate(cut)

    @staticmethod
    def row_for(text: str) -> QListWidgetItem:
        """A row of plain text (the chart's own words), whole in its tooltip."""
        row = QListWidgetItem(WrappedList.shown(text))  # plain text: the chart's own words
        row.setToolTip(plain_tooltip(text))
        return row


class TextBox(QPlainTextEdit):
    """A multi-line text field. What is typed in it is one change when the field is left
    (one undo step for the burst of typing, not one a key); Tab moves on, as in a line."""

    finished = Signal()

    def __init__(self, parent: QWidget | None = None, lines: int = TEXT_LINES):
        super().__init__(parent)
        self.setTabChangesFocus(True)
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        lines = self.fontMetrics().lineSpacing() * lines
        margins = self.contentsMargins()
        self.setFixedHeight(lines + 2 * self.document().documentMargin() + margins.top() + margins.bottom())

    def text(self) -> str:
        return self.toPlainText()

    def setText(self, text: str) -> None:  # noqa: N802 (as QLineEdit)
        self.setPlainText(text)  # the field's own undo history starts afresh

    def setCursorPosition(self, position: int) -> None:  # noqa: N802 (as QLineEdit)
        cursor = self.textCursor()
        cursor.setPosition(max(0, min(position, len(self.toPlainText()))))
        self.setTextCursor(cursor)

    def focusOutEvent(self, event: QFocusEvent) -> None:  # noqa: N802
        super().focusOutEvent(event)
        self.finished.emit()


class ZoneForm(QScrollArea):
    """Shows the selected zone's texts as the file has them; editing one changes the file."""

    def __init__(self, state, session, status, parent: QWidget | None = None, *, editing=lambda: True):
        super().__init__(parent)
        self.state, self.session, self.status = state, session, status
        self.editing = editing  # whether edit mode runs: the form is off while browsing
        self.setObjectName("zone-form")
        self.setWidgetResizable(True)
        # never sideways: the rows wrap to the panel's width (see _lay_out_rows)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        body = QWidget()
        layout = QVBoxLayout(body)
        self.heading = QLabel()
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        self.heading.setWordWrap(True)  # (a long zone id)
        layout.addWidget(self.heading)
        # a text that says the zone heals: said here as on the card; a text that turns the rest
        # of itself around (a direction control left open): said as `reflexmap check` says it
        self.effect, self.direction = (_note("zone-effect-words"), _note("zone-open-direction-controls"))
        layout.addWidget(self.effect)
        layout.addWidget(self.direction)
        form = QFormLayout()
        self.forms = [form]  # their rows put fields under their labels where the panel is narrow
        self.zone_id = QLineEdit()
        self.zone_id.setObjectName("zone-id")
        self.zone_id.setMaxLength(64)
        self.zone_id.setToolTip(_("Lower-case letters, digits and single hyphens, starting with a letter"))
        self.zone_id.editingFinished.connect(self._rename)
        form.addRow(_("&Id:"), self.zone_id)
        self.fields: dict[tuple[str, str | None], QLineEdit] = {}
        labels = _text_labels()
        self.base_note = self._base_note()
        if self.base_note is not None:
            form.addRow(self.base_note)
        for name, label in labels.items():
            form.addRow(label, self._line(name, None))
        self.region = QComboBox()
        for region in REGION_NAMES:
            self.region.addItem(region_name(region), region)
        self.region.activated.connect(lambda _i: self._set("region", self.region.currentData()))
        form.addRow(_("Re&gion:"), self.region)
        self.confidence = QComboBox()
        self.confidence.addItem(_("Sourced"), "sourced")
        self.confidence.addItem(_("Estimate"), "estimate")
        self.confidence.activated.connect(lambda _i: self._set("confidence", self.confidence.currentData()))
        form.addRow(_("Confi&dence:"), self.confidence)
        self._unsourced_shown = ""  # the zone naming no source whose sources were scrolled to
        self.sources = WrappedList()
        self.sources.setObjectName("zone-sources")
        ticks_apart(self.sources)
        self.sources.setAccessibleName(_("Sources"))
        self.sources.itemChanged.connect(self._sources_changed)
        sources_label = QLabel(_("So&urces:"))
        sources_label.setBuddy(self.sources)
        form.addRow(sources_label)  # the list below it, as wide as the panel: titles are long
        # a zone just drawn names no source (none is chosen for it): said where they are ticked
        self.no_source = _note("zone-no-source")
        self.no_source.setText(_("This zone names no source yet: tick the ones its placement comes from."))
        form.addRow(self.no_source)
        form.addRow(self.sources)
        layout.addLayout(form)
        self.translation_boxes: dict[str, QGroupBox] = {}
        for language, title in i18n.LANGUAGES.items():
            if language == "en":
                continue
            box = QGroupBox(_("Translation: {language}").format(language=title))
            inner = QFormLayout(box)
            for name in TRANSLATED:
                inner.addRow(labels[name].replace("&", ""), self._line(name, language))
            layout.addWidget(box)
            self.translation_boxes[language] = box
            self.forms.append(inner)
        layout.addStretch(1)
        self.setWidget(body)
        scroll_past_fields(body)
        self._filling = False
        state.selection_changed.connect(lambda _z: self.refill())
        session.changed.connect(self.refill)
        self.refill()

    def _base_note(self) -> QLabel | None:
        """In an interface language other than the file's base (English), a line above the
        base texts saying which language they are in: a German author typed German into
        them, taking "Name:" for the German name (None in English: nothing to tell apart)."""
        if i18n.language() == i18n.DEFAULT:
            return None
        note = QLabel(_("Base texts, in English (the translations follow below):"))
        note.setObjectName("base-texts-note")
        note.setTextFormat(Qt.TextFormat.PlainText)
        note.setWordWrap(True)
        font = note.font()
        font.setBold(True)
        note.setFont(font)
        return note

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        super().resizeEvent(event)
        self._lay_out_rows()

    def _lay_out_rows(self) -> None:
        """Each field beside its label where the field keeps FIELD_CHARS characters of width,
        else under it across the panel: a long German label ("Behauptung (Karten verorten
        …):") at Largest text left fields a few words wide, sentences three words a line."""
        room = self.viewport().width() - 40  # the body's and the group boxes' margins
        field = FIELD_CHARS * self.fontMetrics().averageCharWidth()
        changed = False
        for form in self.forms:
            items = [form.itemAt(row, QFormLayout.ItemRole.LabelRole) for row in range(form.rowCount())]
            labels = [item.widget() for item in items if item and isinstance(item.widget(), QLabel)]
            # each label's width on one line (its size hint is less once it wraps)
            wholes = [8 + _one_line(label) for label in labels]
            for label, whole in zip(labels, wholes, strict=True):  # longer than the panel: two lines
                if label.wordWrap() != (whole > room):
                    label.setWordWrap(whole > room)
                    changed = True
            wrap = room - max(wholes, default=0) - max(0, form.horizontalSpacing()) < field
            policy = QFormLayout.RowWrapPolicy.WrapAllRows if wrap else QFormLayout.RowWrapPolicy.DontWrapRows
            if form.rowWrapPolicy() != policy:
                form.setRowWrapPolicy(policy)
                changed = True
        if changed:  # the body laid out again at the panel's width now: its minimum width
            # changed, and the scroll area kept the width of the rows side by side (484 px in
            # a 365 px panel, German at Largest) until something else laid it out
            self.widget().layout().activate()
            self.setWidgetResizable(True)

    def _line(self, name: str, language: str | None) -> QLineEdit | TextBox:
        if name in MULTI_LINE:
            line = TextBox()
            line.finished.connect(lambda n=name, lang=language, w=line: self._set(n, w.text(), lang))
        else:
            line = QLineEdit()
            line.setMaxLength(MAX_TEXT_CHARS)
            line.editingFinished.connect(lambda n=name, lang=language, w=line: self._set(n, w.text(), lang))
        line.setObjectName(f"zone-{name}" + (f"-{language}" if language else ""))
        self.fields[(name, language)] = line
        return line

    def commit(self) -> None:
        """The field being typed in, made a change now (before saving: nothing typed is lost)."""
        for (name, language), line in self.fields.items():
            if line.hasFocus():
                self._set(name, line.text(), language)
        if self.zone_id.hasFocus():
            self._rename()

    def _rename(self) -> None:
        """The id field finished: the zone takes the new id if it can be one."""
        from ...atlas.edits import RenameZone, id_problem

        zone = self.zone()
        if self._filling or zone is None:
            return
        new_id = self.zone_id.text().strip()
        if new_id == self.session.written_id(zone.id):
            return
        taken = set(self.session.draft.shapes) | {z.id for z in self.session.draft.atlas.zones}
        problem = id_problem(taken, new_id)
        if problem is not None:
            self.status(_("The id was not changed: {reason}").format(reason=_id_reason(problem, new_id)))
            self.zone_id.setText(self.session.written_id(zone.id))
            return
        view = self.state.view_id
        if self.session.apply(RenameZone(zone.id, new_id), lambda: _("Rename zone")):
            self.state.select(new_id, view)

    def zone(self):
        draft = self.session.draft
        zone_id = self.state.zone_id
        if draft is None or draft.atlas is None or not zone_id or not draft.atlas.has_zone(zone_id):
            return None
        return draft.atlas.zone(zone_id)

    def refill(self) -> None:
        """The selected zone's texts as the file has them now (after an edit, undo, redo)."""
        zone = self.zone()
        self.setEnabled(zone is not None and self.editing())  # (never while browsing)
        self._filling = True
        try:
            self.heading.setText(
                _("Zone {id}").format(id=bidi_isolate(self.session.written_id(zone.id)))
                if zone
                else _("Select a zone to edit its texts.")
            )
            # (a zone repeating an earlier zone's id is known as "heel#2": its id is "heel")
            self.zone_id.setText(self.session.written_id(zone.id) if zone else "")
            for (name, language), line in self.fields.items():
                value = ""
                if zone is not None:
                    texts = zone.translations.get(language, {}) if language else None
                    value = (texts.get(name) if language else getattr(zone, name)) or ""
                if line.text() != value:
                    # a long text shows its beginning; the field typed in (an undo, a redo, a
                    # text tidied) keeps its caret where the change was, to type on from there
                    caret = caret_after(line.text(), value) if line.hasFocus() else 0
                    line.setText(value)
                    line.setCursorPosition(caret)
            # no zone: the lists show nothing (they kept the last zone's region and confidence,
            # as if they were some zone's, greyed beside empty fields)
            for box, value in (
                (self.region, zone and zone.region),
                (self.confidence, zone and zone.confidence),
            ):
                box.setCurrentIndex(max(0, box.findData(value)) if zone is not None else -1)
            self._fill_sources(zone)
            said = zone_effect_words(zone) if zone is not None else []
            self.effect.setText(effect_caveat(said) if said else "")
            self.effect.setVisible(bool(said))
            notes = zone_notes(zone) if zone is not None else []
            self.direction.setText("\n".join(notes))
            self.direction.setVisible(bool(notes))
        finally:
            self._filling = False

    def _fill_sources(self, zone) -> None:
        self.sources.clear()
        unsourced = zone is not None and not zone.sources
        self.no_source.setVisible(unsourced)
        if unsourced and zone.id != self._unsourced_shown:  # (once per zone: typing elsewhere stays put)
            # a zone just drawn: its sources brought into sight, below the texts (they were
            # under the fold of the panel, to be scrolled to)
            QTimer.singleShot(0, self, lambda: self.ensureWidgetVisible(self.sources))
        self._unsourced_shown = zone.id if unsourced else ""
        draft = self.session.draft
        if zone is None or draft is None or draft.atlas is None:
            return
        for source in draft.atlas.sources.values():
            item = WrappedList.row_for(source.title)
            item.setData(Qt.ItemDataRole.UserRole, source.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(
                Qt.CheckState.Checked if source.id in zone.sources else Qt.CheckState.Unchecked
            )
            self.sources.addItem(item)

    def _sources_changed(self, _item) -> None:
        if self._filling:
            return
        chosen = tuple(
            self.sources.item(i).data(Qt.ItemDataRole.UserRole)
            for i in range(self.sources.count())
            if self.sources.item(i).checkState() == Qt.CheckState.Checked
        )
        if not chosen:
            self.status(_("A zone names at least one source."))
            self.refill()
            return
        self._set("sources", chosen)

    def _set(self, name: str, value, language: str | None = None) -> None:
        """One field finished: the change is made (and undoable) if the text changed."""
        from ...atlas.edits import SetText

        zone = self.zone()
        if self._filling or zone is None:
            return
        if isinstance(value, str):
            value = "\n".join(line.rstrip() for line in value.strip().splitlines())
            if len(value) > MAX_TEXT_CHARS:
                self.status(_("A text is kept to {count} characters.").format(count=MAX_TEXT_CHARS))
                value = value[:MAX_TEXT_CHARS]
        if language:
            current = zone.translations.get(language, {}).get(name) or ""
        else:
            current = getattr(zone, name)
            current = tuple(current) if name == "sources" else current or ""
        if value == current:
            return
        if not value and name in (*REQUIRED, "region", "confidence") and not language:
            self.status(_("A zone needs a name, a claim and a technique."))
            self.refill()
            return
        # (worded again after a language switch: the History names it in the new language)
        edit = SetText(zone.id, name, value or None, language)
        self.session.apply(edit, lambda: _edit_words(name, language))


def _text_labels() -> dict[str, str]:
    """The labels of the form's text fields in the current language (with their keys' "&")."""
    return {
        "name": _("&Name:"),
        "claim": _("Cl&aim (charts place …):"),
        "technique": _("&Technique:"),
        "note": _("N&ote:"),
        "tradition": _("T&radition:"),
    }


def _edit_words(name: str, language: str | None) -> str:
    """The name of a change of the field `name` ("Edit Claim (charts place …) (de)")."""
    labels = {key: label.replace("&", "").rstrip(":") for key, label in _text_labels().items()}
    labels.update(region=_("Region"), confidence=_("Confidence"), sources=_("Sources"))
    field = labels.get(name, name) + (f" ({language})" if language else "")
    return _("Edit {field}").format(field=field)


def _one_line(label: QLabel) -> int:
    """A label's text width on one line (px; its size hint is less once it wraps)."""
    return label.fontMetrics().horizontalAdvance(label.text().replace("&", ""))


def caret_after(old: str, new: str) -> int:
    """Where the caret goes when a field's text `old` becomes `new`: at the end of what
    changed in `new` (where an undone insertion began, after a redone or restored text)."""
    start = 0
    while start < min(len(old), len(new)) and old[start] == new[start]:
        start += 1
    kept = 0  # the same text after the change, not reaching back into the same text before
    while kept < min(len(old), len(new)) - start and old[-1 - kept] == new[-1 - kept]:
        kept += 1
    return len(new) - kept


def _id_reason(problem: str, new_id: str) -> str:
    """The core's reason, in the interface's language."""
    if not new_id:
        return _("a zone needs an id")
    if problem.startswith("there is already"):
        return _("there is already a zone {id}").format(id=bidi_isolate(new_id))
    if problem.startswith("an id has at most"):
        return _("an id has at most 64 characters")
    return _("an id has lower-case letters, digits and single hyphens, and starts with a letter")


def _note(name: str) -> QLabel:
    """A note under the form's heading (plain text, wrapped, in italics), hidden until said."""
    label = QLabel()
    label.setObjectName(name)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    label.setStyleSheet("font-style: italic")
    label.hide()
    return label
