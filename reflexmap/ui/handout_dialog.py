"""File → Handouts…: choose the sheet, the views and the paper, then save a PDF or print."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QMessageBox,
    QRadioButton,
    QVBoxLayout,
)

from ..atlas import Atlas
from ..i18n import N_, _
from ..render.handout import export_handout, paint_handout
from .chart_scene import aspect_name

SHEETS = [
    ("chart", N_("Chart with numbered zones and a legend")),
    ("worksheet", N_("Blank worksheet (numbers only)")),
    ("answer-key", N_("Answer key")),
    ("worksheet+key", N_("Worksheet and its answer key (two files)")),
]


class HandoutDialog(QDialog):
    def __init__(self, atlas: Atlas, aspect: str, start_dir: str, parent=None):
        super().__init__(parent)
        self.setObjectName("handouts")
        self.setWindowTitle(_("Handouts"))
        self.atlas, self.aspect, self.start_dir = atlas, aspect, start_dir
        self.saved: list[Path] = []
        self.sheets = QButtonGroup(self)
        form = QFormLayout()
        column = QVBoxLayout()
        for i, (key, text) in enumerate(SHEETS):
            button = QRadioButton(_(text), self)
            button.setObjectName(f"sheet-{key}")
            button.setChecked(i == 0)
            self.sheets.addButton(button, i)
            column.addWidget(button)
        form.addRow(_("Sheet"), column)
        self.views = QComboBox(self)
        self.views.addItem(_("This view ({view})").format(view=aspect_name(aspect)), [aspect])
        self.views.addItem(_("All views, one page each"), list(atlas.aspects()))
        form.addRow(_("Views"), self.views)
        self.paper = QComboBox(self)
        self.paper.addItem("A4", "a4")
        self.paper.addItem(_("Letter"), "letter")
        form.addRow(_("Paper"), self.paper)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.save_button = buttons.addButton(_("&Save PDF…"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.print_button = buttons.addButton(_("&Print…"), QDialogButtonBox.ButtonRole.ActionRole)
        self.save_button.clicked.connect(self.save_dialog)
        self.print_button.clicked.connect(self.print_dialog)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def sheet(self) -> str:
        return SHEETS[self.sheets.checkedId()][0]

    def kinds(self) -> list[str]:
        return ["worksheet", "answer-key"] if self.sheet() == "worksheet+key" else [self.sheet()]

    def save_to(self, path: Path) -> list[Path]:
        """Write the chosen sheet(s); the answer key of a pair goes beside the worksheet."""
        written = []
        for kind in self.kinds():
            target = path if kind == self.kinds()[0] else path.with_name(f"{path.stem}-answers{path.suffix}")
            export_handout(
                self.atlas,
                target,
                kind=kind,
                aspects=self.views.currentData(),
                paper=self.paper.currentData(),
            )
            written.append(target)
        self.saved = written
        return written

    def save_dialog(self) -> None:
        name = f"{self.atlas.id}-{self.sheet().replace('+key', '')}.pdf"
        path, _filter = QFileDialog.getSaveFileName(
            self, _("Save handout"), str(Path(self.start_dir) / name), _("PDF (*.pdf)")
        )
        if not path:
            return
        try:
            self.save_to(Path(path) if path.lower().endswith(".pdf") else Path(path + ".pdf"))
        except (OSError, ValueError) as exc:
            QMessageBox.warning(self, _("Handout not saved"), str(exc))
            return
        self.accept()

    def print_to(self, printer: QPrinter) -> int:
        """One print job, even for a worksheet and its answer key."""
        aspects, paper = self.views.currentData(), self.paper.currentData()
        return paint_handout(printer, self.atlas, kind=self.kinds(), aspects=aspects, paper=paper)

    def print_dialog(self) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.print_to(printer)
            self.accept()
