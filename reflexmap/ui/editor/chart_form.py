"""Edit → Chart properties…: the chart's own texts (title, tradition, description and their
translations), edited in a dialog; OK makes them one undoable change (the core's
SetChartText edits), saved with the author's comments kept like every other edit."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from ... import i18n
from ...i18n import _
from .form import MAX_TEXT_CHARS, TextBox

FIELDS = ("title", "tradition", "description")


class ChartPropertiesDialog(QDialog):
    """The chart's texts as the file has them now; `changes()` lists what was changed."""

    def __init__(self, atlas, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("chart-properties")
        self.setWindowTitle(_("Chart properties"))
        self.atlas = atlas
        labels = {"title": _("&Title:"), "tradition": _("T&radition:"), "description": _("&Description:")}
        self.fields: dict[tuple[str, str | None], QLineEdit | TextBox] = {}
        layout = QVBoxLayout(self)
        form = QFormLayout()
        for name in FIELDS:
            form.addRow(labels[name], self._field(name, None, getattr(atlas, name) or ""))
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
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(560, self.sizeHint().height())

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
        return changed
