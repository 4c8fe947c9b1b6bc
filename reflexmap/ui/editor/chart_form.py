"""Edit → Chart properties…: the chart's own texts (title, tradition, description and their
translations) and its list of sources (add, remove, reorder, and each one's id, title, web
address, note and their translations), edited in a dialog; OK makes all of it one undoable
change (the core's SetChartText and SetSources edits), saved with the author's comments
kept like every other edit."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QSize, Qt, QTimer
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ... import i18n
from ...content.markup import plain_tooltip
from ...i18n import _, bidi_isolate, ngettext
from ...vocab import ZONE_NAME_STYLES, zone_name_style_name
from ..wheel_guard import scroll_past_fields
from .form import MAX_TEXT_CHARS, TextBox, WrappedList

FIELDS = ("title", "tradition", "description")
SOURCE_FIELDS = ("title", "url", "note")
SOURCE_TRANSLATED = ("title", "note")
Key = tuple[str, str | None]  # (field, language or None)


class SourceList(QGroupBox):
    """The chart's sources as the dialog changes them: each one's id as the file has it
    (None: added here) and its texts. Chart text is plain text in the list and the fields."""

    def __init__(self, atlas, parent: QWidget | None = None):
        super().__init__(_("Sources"), parent)
        self.atlas = atlas
        self.entries: list[dict] = []
        for source in atlas.sources.values():
            texts: dict[Key, str] = {(name, None): getattr(source, name) or "" for name in SOURCE_FIELDS}
            for language in self.languages():
                given = (source.translations or {}).get(language, {})
                texts.update({(name, language): given.get(name) or "" for name in SOURCE_TRANSLATED})
            self.entries.append({"was": source.id, "id": source.id, "texts": texts, "old": dict(texts)})
        layout = QHBoxLayout(self)
        self.list = WrappedList(lines=8)
        self.list.setObjectName("chart-sources")
        self.list.setAccessibleName(_("Sources"))
        self.list.currentRowChanged.connect(self._shown)
        side = QVBoxLayout()
        self.buttons: dict[str, QPushButton] = {}
        for name, label, slot in (
            ("add", _("&Add"), self.add),
            ("remove", _("Re&move"), self.remove),
            ("up", _("Move &up"), lambda: self.move(-1)),
            ("down", _("Move d&own"), lambda: self.move(1)),
        ):
            button = QPushButton(label)
            button.setObjectName(f"source-{name}")
            button.setAutoDefault(False)
            button.clicked.connect(lambda _checked=False, s=slot: s())
            side.addWidget(button)
            self.buttons[name] = button
        side.addStretch(1)
        left = QVBoxLayout()
        left.addWidget(self.list)
        row = QHBoxLayout()
        row.addLayout(left, 1)
        row.addLayout(side)
        column = QVBoxLayout()
        column.addLayout(row)
        form = QFormLayout()
        self.fields: dict[Key, QLineEdit | TextBox] = {}
        labels = {"title": _("Tit&le:"), "url": _("&Web address:"), "note": _("&Note:")}
        self.id_field = self._field(("id", None), _("&Id:"), form)
        self.id_field.setMaxLength(64)
        self.id_field.setToolTip(_("Lower-case letters, digits and single hyphens, starting with a letter"))
        for name in SOURCE_FIELDS:
            self._field((name, None), labels[name], form)
        for language, title in i18n.LANGUAGES.items():
            if language in self.languages():
                for name in SOURCE_TRANSLATED:
                    label = _("{field} ({language}):").format(
                        field=labels[name].replace("&", "").rstrip(":"), language=title
                    )
                    self._field((name, language), label, form)
        column.addLayout(form)
        self.message = QLabel()
        self.message.setObjectName("sources-message")
        self.message.setTextFormat(Qt.TextFormat.PlainText)  # quotes the chart's ids and titles
        self.message.setWordWrap(True)
        lines = self.message.fontMetrics().lineSpacing() * 2  # room kept: the fields never jump
        self.message.setMinimumHeight(lines + self.message.contentsMargins().top() * 2)
        layout.addLayout(column)  # (the message: the dialog places it, beside OK)
        self._filling = False
        self._refill(0)

    @staticmethod
    def languages() -> list[str]:
        return [language for language in i18n.LANGUAGES if language != "en"]

    def _field(self, key: Key, label: str, form: QFormLayout) -> QLineEdit | TextBox:
        """A source's text field: a note (it runs to several sentences, some on lines of
        their own) in a box of three wrapped lines, the rest on one line. (The note was a
        one-line field: a long note ran off its right edge, read a piece at a time.)"""
        field: QLineEdit | TextBox
        if key[0] == "note":
            field = TextBox(lines=3)
            field.textChanged.connect(lambda k=key, f=field: self._typed(k, f.text()))
        else:
            field = QLineEdit()
            field.setMaxLength(MAX_TEXT_CHARS)
            field.textEdited.connect(lambda text, k=key: self._typed(k, text))
        field.setObjectName("source-" + key[0] + (f"-{key[1]}" if key[1] else ""))
        form.addRow(label, field)
        if key[0] != "id":
            self.fields[key] = field
        return field

    # --- the list ------------------------------------------------------------------------
    def _title(self, entry: dict) -> str:
        return WrappedList.shown(entry["texts"][("title", None)].strip()) or _("(no title)")

    def _refill(self, row: int) -> None:
        self._filling = True
        try:
            self.list.clear()
            for entry in self.entries:
                item = QListWidgetItem(self._title(entry))  # plain text: the chart's own words
                item.setToolTip(plain_tooltip(entry["id"]))
                self.list.addItem(item)
        finally:
            self._filling = False
        self.list.setCurrentRow(min(max(row, 0), len(self.entries) - 1))
        self._shown(self.list.currentRow())

    def _shown(self, row: int) -> None:
        """The selected source's texts in the fields."""
        if self._filling:
            return
        entry = self.entries[row] if 0 <= row < len(self.entries) else None
        self._filling = True  # (a note's box says it changed when filled: not typed)
        try:
            for key, field in [(("id", None), self.id_field), *self.fields.items()]:
                field.setEnabled(entry is not None)
                value = (
                    "" if entry is None else entry["id"] if key[0] == "id" else entry["texts"].get(key, "")
                )
                if field.text() != value:
                    field.setText(value)
                    field.setCursorPosition(0)
        finally:
            self._filling = False
        self.buttons["remove"].setEnabled(entry is not None and len(self.entries) > 1)
        self.buttons["up"].setEnabled(row > 0)
        self.buttons["down"].setEnabled(0 <= row < len(self.entries) - 1)

    def current(self) -> dict | None:
        row = self.list.currentRow()
        return self.entries[row] if 0 <= row < len(self.entries) else None

    def _typed(self, key: Key, text: str) -> None:
        entry = self.current()
        if entry is None or self._filling:
            return
        if key[0] == "id":
            entry["id"] = text.strip()
            self.list.currentItem().setToolTip(plain_tooltip(entry["id"]))
            return
        entry["texts"][key] = text
        if key == ("title", None):
            self.list.currentItem().setText(self._title(entry))

    def add(self) -> None:
        taken = {e["id"] for e in self.entries}
        new_id = next(i for i in (f"source-{n}" for n in range(1, 10_000)) if i not in taken)
        texts: dict[Key, str] = {key: "" for key in self.fields}
        texts[("title", None)] = _("New source")
        self.entries.insert(
            self.list.currentRow() + 1, {"was": None, "id": new_id, "texts": texts, "old": {}}
        )
        self._refill(self.list.currentRow() + 1)
        self.say("")
        self.fields[("title", None)].setFocus()
        self.fields[("title", None)].selectAll()

    def remove(self) -> None:
        entry = self.current()
        if entry is None or len(self.entries) <= 1:
            return
        naming = [z.id for z in self.atlas.zones if entry["was"] is not None and entry["was"] in z.sources]
        if naming:
            zones = ", ".join(bidi_isolate(z) for z in naming[:6])
            if len(naming) > 6:
                more = len(naming) - 6
                zones = ngettext("{zones} and {count} more", "{zones} and {count} more", more).format(
                    zones=zones, count=more
                )
            self.say(_("Zones name this source: {zones}. Take it out of them first.").format(zones=zones))
            return
        row = self.list.currentRow()
        del self.entries[row]
        self._refill(row)
        self.say("")

    def move(self, step: int) -> None:
        row = self.list.currentRow()
        if not (0 <= row < len(self.entries) and 0 <= row + step < len(self.entries)):
            return
        self.entries[row], self.entries[row + step] = self.entries[row + step], self.entries[row]
        self._refill(row + step)

    def say(self, message: str) -> None:
        self.message.setText(message)

    # --- what changed ----------------------------------------------------------------------
    def problem(self) -> str | None:
        """Why the list cannot be the chart's (said in the dialog, the source selected)."""
        from ...atlas.edits import URL, id_problem

        seen: set[str] = set()
        for row, entry in enumerate(self.entries):
            title = bidi_isolate(self._title(entry))
            reason = None
            field = ("id", None)
            if id_problem(seen, entry["id"]):
                reason = (
                    _("two sources have the id {id}").format(id=bidi_isolate(entry["id"]))
                    if entry["id"] in seen
                    else _("{id} is not an id: lower-case letters, digits and single hyphens").format(
                        id=bidi_isolate(entry["id"] or "…")
                    )
                )
            elif _typed(entry, "title") and not _clean(entry["texts"][("title", None)]):
                reason = _("source {id} needs a title").format(id=bidi_isolate(entry["id"]))
                field = ("title", None)
            elif (
                _typed(entry, "url") and (url := _clean(entry["texts"][("url", None)])) and not URL.match(url)
            ):
                shown = url if len(url) <= 40 else url[:40] + "…"
                reason = _(
                    "the web address of {title} must start with http:// or https:// ({address} does not)"
                ).format(title=title, address=bidi_isolate(shown))
                field = ("url", None)
            seen.add(entry["id"])
            if reason:
                self.list.setCurrentRow(row)
                box = self.id_field if field == ("id", None) else self.fields[field]
                box.setFocus()  # the field the problem is in, to be put right
                box.selectAll()
                return reason
        return None

    def edit(self):
        """The SetSources edit that makes the list the chart's, or None if nothing changed."""
        from ...atlas.edits import SetSources, SourceEntry

        entries = []
        for entry in self.entries:
            texts = []
            for key, value in entry["texts"].items():
                old = entry["old"].get(key, "")
                if entry["was"] is not None and value == old:
                    continue  # not typed in: stays exactly as the file has it
                value = _clean(value, lines=key[0] == "note")
                if entry["was"] is None or value != old:
                    texts.append((key, value or None))
            entries.append(SourceEntry(entry["id"], entry["was"], tuple(texts)))
        unchanged = [SourceEntry(s, s, ()) for s in self.atlas.sources]
        if entries == unchanged:
            return None
        return SetSources(tuple(entries))


def _typed(entry: dict, name: str) -> bool:
    """Whether a source's text is new or was typed in (what was not stays as the file has it)."""
    key = (name, None)
    return entry["was"] is None or entry["texts"][key] != entry["old"].get(key, "")


def _clean(text: str, lines: bool = False) -> str:
    """A source's text on one line, as the charts write them, and within the schema's bound;
    `lines`: a note, whose lines stay lines (each one's spaces tidied, empty ones dropped)."""
    if lines:
        kept = (" ".join(line.split()) for line in text.splitlines())
        return "\n".join(line for line in kept if line)[:MAX_TEXT_CHARS]
    return " ".join(text.split())[:MAX_TEXT_CHARS]


class ChartPropertiesDialog(QDialog):
    """The chart's texts and sources as the file has them now; OK asks `submit(texts,
    sources)` to make the changes (`changes()`, `sources.edit()`), and stays open with the
    reason when they cannot be made. The texts include ("zone_names", style, None) when the
    choice of how zone names read in a sentence changed."""

    def __init__(self, atlas, parent: QWidget | None = None, submit: Callable | None = None):
        super().__init__(parent)
        self.setObjectName("chart-properties")
        self.setWindowTitle(_("Chart properties"))
        self.atlas = atlas
        self.submit = submit
        labels = {"title": _("&Title:"), "tradition": _("T&radition:"), "description": _("&Description:")}
        self.fields: dict[tuple[str, str | None], QLineEdit | TextBox] = {}
        # Everything but the buttons scrolls: at Largest text in German the dialog is taller
        # than a 900 px screen, and its OK and Cancel went off its bottom edge.
        outer = QVBoxLayout(self)
        self.body = QScrollArea(self)
        self.body.setObjectName("chart-properties-body")
        self.body.setWidgetResizable(True)
        self.body.setFrameShape(QFrame.Shape.NoFrame)
        self.body.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        inside = QWidget(self.body)
        layout = QVBoxLayout(inside)
        layout.setContentsMargins(0, 0, 0, 0)
        for note in _base_notes(atlas):  # which language the base texts are in (S22-19)
            layout.addWidget(note)
        form = QFormLayout()
        for name in FIELDS:
            form.addRow(labels[name], self._field(name, None, getattr(atlas, name) or ""))
        self.zone_names = QComboBox()  # the chart's `zone_names`: how the quiz, page and cards say them
        self.zone_names.setObjectName("chart-zone-names")
        for style in ZONE_NAME_STYLES:
            self.zone_names.addItem(zone_name_style_name(style), style)
        self.zone_names.setCurrentIndex(max(0, self.zone_names.findData(atlas.zone_names)))
        # a choice is a long sentence with an example: the box is as wide as the dialog gives
        # it, its choice shown whole in the list and the tooltip (S19-2: at German Largest the
        # box widened the dialog past a 1024 px screen, cutting every field and button)
        self.zone_names.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.zone_names.setMinimumContentsLength(12)
        said = self.zone_names.setToolTip
        self.zone_names.currentTextChanged.connect(lambda text: said(plain_tooltip(text)))
        said(plain_tooltip(self.zone_names.currentText()))
        form.addRow(_("&Zone names:"), self.zone_names)
        layout.addLayout(form)
        for language, title in i18n.LANGUAGES.items():
            if language == "en":
                continue
            box = QGroupBox(_("Translation: {language}").format(language=title))
            inner = QFormLayout(box)
            texts = (atlas.translations or {}).get(language, {})
            for name in FIELDS:
                inner.addRow(
                    labels[name].replace("&", ""), self._field(name, language, texts.get(name) or "")
                )
            layout.addWidget(box)
        self.sources = SourceList(atlas)
        layout.addWidget(self.sources, 1)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.body.setWidget(inside)
        scroll_past_fields(inside)
        outer.addWidget(self.body, 1)
        # why OK changed nothing, said where the person looks: above OK, never scrolled away
        # (S19-1: below the sources, out of view on a 768 px screen, OK seemed to do nothing)
        outer.addWidget(self.sources.message)
        outer.addWidget(buttons)
        self.resize(self._fitting_size(inside))

    def _fitting_size(self, inside: QWidget) -> QSize:
        """As large as its contents ask (at least 860 px wide), within the screen it opens on."""
        screen = (self.parentWidget() or self).screen() or QApplication.primaryScreen()
        room = screen.availableGeometry().size() if screen is not None else QSize(1440, 900)
        want = inside.sizeHint() + QSize(2 * self.layout().contentsMargins().left() + 24, 80)
        return QSize(
            min(max(want.width(), 860), int(room.width() * 0.95)),
            min(want.height(), int(room.height() * 0.92)),
        )

    def _field(self, name: str, language: str | None, value: str) -> QLineEdit | TextBox:
        if name == "description":
            field = TextBox(lines=5)
        else:
            field = QLineEdit()
            field.setMaxLength(MAX_TEXT_CHARS)
        field.setText(value)
        field.setCursorPosition(0)
        field.setObjectName(f"chart-{name}" + (f"-{language}" if language else ""))
        self.fields[(name, language)] = field
        return field

    def accept(self) -> None:
        """OK: the changes made as one (the dialog stays open, saying why, if they cannot be)."""
        problem = self.sources.problem()
        if problem is None and self.submit is not None:
            problem = self.submit(self.changes(), self.sources.edit())
        if problem:
            self.sources.say(_("Not changed: {reason}").format(reason=problem))
            self.show_field(self.focusWidget())  # the field the problem is in (SourceList.problem)
            return
        super().accept()

    def show_field(self, field: QWidget | None) -> None:
        """`field` scrolled into view, now and once the dialog is laid out (just opened)."""
        if field is None or not self.body.isAncestorOf(field):
            return
        self.body.ensureWidgetVisible(field)
        QTimer.singleShot(0, self, lambda: self.body.ensureWidgetVisible(field))

    def changes(self) -> list[tuple[str, str | None, str | None]]:
        """(field, new text or None to remove it, language) of each text changed."""
        changed = []
        for (name, language), field in self.fields.items():
            value = "\n".join(line.rstrip() for line in field.text().strip().splitlines())[:MAX_TEXT_CHARS]
            if language:
                old = (self.atlas.translations or {}).get(language, {}).get(name) or ""
            else:
                old = getattr(self.atlas, name) or ""
            if value != old:
                changed.append((name, value or None, language))
        style = self.zone_names.currentData()
        if style != self.atlas.zone_names:
            changed.append(("zone_names", style, None))
        return changed


def _base_notes(atlas) -> list[QLabel]:
    """In an interface language other than English, the lines above the chart's base texts:
    that they are English, the file's own language, and, when some are still the very words of
    the translation into the interface's language (a chart made in the German app: its typed
    title is both), that English readers see those words until they are written in English
    (S22-19: the German title stood in the English fields unsaid)."""
    here = i18n.language()
    if here == i18n.DEFAULT:
        return []
    notes = [
        _note(_("Base texts, in English (the translations follow below):"), "chart-base-note", bold=True)
    ]
    texts = (atlas.translations or {}).get(here, {})
    same = [
        name for name in FIELDS if (getattr(atlas, name) or "") and getattr(atlas, name) == texts.get(name)
    ]
    if same:
        said = {"title": _("title"), "tradition": _("tradition"), "description": _("description")}
        notes.append(
            _note(
                _(
                    "Still as typed in {language}, not yet in English: {fields}. The English app and "
                    "English pages show these words until you write them in English here."
                ).format(language=i18n.LANGUAGES[here], fields=", ".join(said[name] for name in same)),
                "chart-base-copied",
            )
        )
    return notes


def _note(text: str, name: str, *, bold: bool = False) -> QLabel:
    note = QLabel(text)
    note.setObjectName(name)
    note.setTextFormat(Qt.TextFormat.PlainText)
    note.setWordWrap(True)
    if bold:
        font = note.font()
        font.setBold(True)
        note.setFont(font)
    return note
