"""The texts of the zone being edited, in a form beside the map: name, claim, technique, note,
region, tradition, sources, confidence and the translations. Each finished field is one
undoable change (the core's SetText edit), so Ctrl+Z undoes a text like a drag."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ... import i18n
from ...i18n import _, bidi_isolate
from ...vocab import REGION_NAMES, region_name

MAX_TEXT_CHARS = 4000  # the schema's bound for a text
REQUIRED = ("name", "claim", "technique")
TRANSLATED = ("name", "claim", "technique", "note")


class ZoneForm(QScrollArea):
    """Shows the selected zone's texts as the file has them; editing one changes the file."""

    def __init__(self, state, session, status, parent: QWidget | None = None):
        super().__init__(parent)
        self.state, self.session, self.status = state, session, status
        self.setObjectName("zone-form")
        self.setWidgetResizable(True)
        body = QWidget()
        layout = QVBoxLayout(body)
        self.heading = QLabel()
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(self.heading)
        form = QFormLayout()
        self.fields: dict[tuple[str, str | None], QLineEdit] = {}
        labels = {
            "name": _("&Name:"),
            "claim": _("&Claim (charts place …):"),
            "technique": _("&Technique:"),
            "note": _("N&ote:"),
            "tradition": _("T&radition:"),
        }
        self.labels = {name: label.replace("&", "").rstrip(":") for name, label in labels.items()}
        self.labels.update(region=_("Region"), confidence=_("Confidence"), sources=_("Sources"))
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
        form.addRow(_("Con&fidence:"), self.confidence)
        self.sources = QListWidget()
        self.sources.setMaximumHeight(120)
        self.sources.itemChanged.connect(self._sources_changed)
        form.addRow(_("&Sources:"), self.sources)
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
        layout.addStretch(1)
        self.setWidget(body)
        self._filling = False
        state.selection_changed.connect(lambda _z: self.refill())
        session.changed.connect(self.refill)
        self.refill()

    def _line(self, name: str, language: str | None) -> QLineEdit:
        line = QLineEdit()
        line.setMaxLength(MAX_TEXT_CHARS)
        line.setObjectName(f"zone-{name}" + (f"-{language}" if language else ""))
        line.editingFinished.connect(lambda n=name, lang=language, w=line: self._set(n, w.text(), lang))
        self.fields[(name, language)] = line
        return line

    def zone(self):
        draft = self.session.draft
        zone_id = self.state.zone_id
        if draft is None or draft.atlas is None or not zone_id or not draft.atlas.has_zone(zone_id):
            return None
        return draft.atlas.zone(zone_id)

    def refill(self) -> None:
        """The selected zone's texts as the file has them now (after an edit, undo, redo)."""
        zone = self.zone()
        self.setEnabled(zone is not None)
        self._filling = True
        try:
            self.heading.setText(
                _("Zone {id}").format(id=bidi_isolate(zone.id))
                if zone
                else _("Select a zone to edit its texts.")
            )
            for (name, language), line in self.fields.items():
                value = ""
                if zone is not None:
                    texts = zone.translations.get(language, {}) if language else None
                    value = (texts.get(name) if language else getattr(zone, name)) or ""
                if line.text() != value:
                    line.setText(value)
                    line.setCursorPosition(0)  # a long text shows its beginning
            if zone is not None:
                self.region.setCurrentIndex(max(0, self.region.findData(zone.region)))
                self.confidence.setCurrentIndex(max(0, self.confidence.findData(zone.confidence)))
            self._fill_sources(zone)
        finally:
            self._filling = False

    def _fill_sources(self, zone) -> None:
        self.sources.clear()
        draft = self.session.draft
        if zone is None or draft is None or draft.atlas is None:
            return
        for source in draft.atlas.sources.values():
            item = QListWidgetItem(source.title)  # plain text: the chart's own words
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
            value = value.strip()
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
        field = self.labels.get(name, name) + (f" ({language})" if language else "")
        label = _("Edit {field}").format(field=field)
        self.session.apply(SetText(zone.id, name, value or None, language), label)
