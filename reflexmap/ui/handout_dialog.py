"""File → Handouts…: choose the sheet, the views and the paper, see the real pages, then save
a PDF or print.

The preview paints the same pages as the PDF and the printer (render.handout.paint_handout),
so what the trainer checks is what the class gets. A worksheet with its answer key is two
files: the dialog says so before saving, with the names it will use; the window says what
was written (or what was not), as it does for every export.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QBoxLayout,
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from ..atlas import Atlas
from ..i18n import N_, _, isolated, ngettext, shown_file
from ..render import handout
from ..render.handout import export_handout, page_rects, paint_handout, plan_handout
from ..vocab import aspect_name
from . import file_dialogs
from .appearance import current_text_scale
from .handout_preview import HandoutPreview

PREVIEW_MIN = QSize(420, 360)  # pixels of the pages' preview, at least
SHEETS = [
    ("chart", N_("Chart with numbered zones and a legend")),
    ("worksheet", N_("Blank worksheet (numbers only)")),
    ("answer-key", N_("Answer key")),
    ("worksheet+key", N_("Worksheet and its answer key (two files)")),
]


def answers_path(path: Path) -> Path:
    """Where the answer key of a worksheet saved as `path` goes: beside it, "-answers" added."""
    return path.with_name(f"{path.stem}-answers{path.suffix}")


def isolate(text: str) -> str:
    return isolated(text)


class HandoutDialog(QDialog):
    def __init__(
        self,
        atlas: Atlas,
        aspect: str,
        start_dir: str,
        parent=None,
        *,
        on_saved: Callable[[list[Path], list[str]], object] | None = None,
        on_failed: Callable[[Path, str, list[Path], QWidget], object] | None = None,
    ):
        """`on_saved(files written, notes)` and `on_failed(file not written, reason, files written
        before it, this dialog)` say the result, as every export says it (export_controller.py)."""
        super().__init__(parent)
        self.on_saved, self.on_failed = on_saved, on_failed
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
        self.files_note = QLabel(self)  # what saving will write: one file, or two
        self.files_note.setObjectName("handout-files")
        self.files_note.setWordWrap(True)
        self.files_note.setTextFormat(Qt.TextFormat.PlainText)
        column.addWidget(self.files_note)
        form.addRow(_("Sheet"), column)
        self.views = QComboBox(self)
        self.views.addItem(_("This view ({view})").format(view=aspect_name(aspect)), [aspect])
        self.views.addItem(_("All views, one page each"), list(atlas.aspects()))
        form.addRow(_("Views"), self.views)
        self.paper = QComboBox(self)
        self.paper.addItem("A4", "a4")
        self.paper.addItem(_("Letter"), "letter")
        form.addRow(_("Paper"), self.paper)
        self.pages_label = QLabel(self)
        self.pages_label.setObjectName("handout-pages")
        form.addRow(_("Preview"), self.pages_label)

        # the real pages, planned as they will be printed (on a screen-resolution "printer"),
        # each painted when it shows (handout_preview.py)
        self.preview_printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
        self.preview = HandoutPreview(self)
        self.preview.setMinimumSize(PREVIEW_MIN)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.save_button = buttons.addButton(_("&Save PDF…"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.print_button = buttons.addButton(_("&Print…"), QDialogButtonBox.ButtonRole.ActionRole)
        self.save_button.clicked.connect(lambda: self.save_dialog())
        self.print_button.clicked.connect(lambda: self.print_dialog())
        buttons.rejected.connect(self.reject)
        options = QVBoxLayout()
        options.addLayout(form)
        options.addStretch(1)
        body = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        body.addLayout(options, 0)
        body.addWidget(self.preview, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(body)
        layout.addWidget(buttons)
        self.sheets.idToggled.connect(lambda _id, on: on and self._options_changed())
        self.views.currentIndexChanged.connect(lambda _i: self._options_changed())
        self.paper.currentIndexChanged.connect(lambda _i: self._options_changed())
        self._fit_screen(parent, body, options)
        self._options_changed()

    def _fit_screen(self, parent: QWidget | None, body: QBoxLayout, options: QVBoxLayout) -> None:
        """1,060 × 640 px, or what the screen has: where the choices and the preview do not
        fit side by side (the largest text on a small screen), the preview goes under them."""
        screen = (parent.screen() if parent is not None else None) or QGuiApplication.primaryScreen()
        room = screen.availableGeometry() if screen is not None else None
        if room is None:
            self.resize(1060, 640)
            return
        width, height = min(1060, room.width() - 40), min(640, room.height() - 60)
        if options.sizeHint().width() + PREVIEW_MIN.width() + 60 > width:
            body.setDirection(QBoxLayout.Direction.TopToBottom)
            self.preview.setMinimumSize(PREVIEW_MIN.width(), PREVIEW_MIN.height() * 2 // 3)
            height = min(room.height() - 60, max(height, self.sizeHint().height()))
        self.resize(width, height)

    def sheet(self) -> str:
        return SHEETS[self.sheets.checkedId()][0]

    def kinds(self) -> list[str]:
        return ["worksheet", "answer-key"] if self.sheet() == "worksheet+key" else [self.sheet()]

    def default_name(self) -> str:
        return f"{self.atlas.id}-{self.sheet().replace('+key', '')}.pdf"

    # --- the preview ---------------------------------------------------------------------
    def _options_changed(self) -> None:
        if self.sheet() == "worksheet+key":
            name = Path(self.default_name())
            self.files_note.setText(
                _(
                    "Saving writes two files: the worksheet, and its answer key beside it with "
                    "“-answers” added to the name (for example {worksheet} and {key})."
                ).format(
                    worksheet=isolate(shown_file(name.name)), key=isolate(shown_file(answers_path(name).name))
                )
            )
            self.files_note.show()
        else:
            self.files_note.hide()
        self._plan_preview()

    def _plan_preview(self) -> None:
        """The pages laid out for the preview's printer; none is painted until it shows."""
        printer, paper, scale = self.preview_printer, self.paper.currentData(), current_text_scale()
        aspects = self.views.currentData()
        self.preview.set_pages([], lambda _i, _size: None)  # the last plan dropped before the next
        sheets = plan_handout(
            printer, self.atlas, kind=self.kinds(), aspects=aspects, paper=paper, text_scale=scale
        )
        total = len(sheets)

        def paint(index: int, size):
            page_rects(printer, paper, sheets[index])  # (the printer set to that page)
            return handout.sheet_image(printer, self.atlas, sheets[index], index + 1, total, scale, size)

        self.preview.set_pages([page_rects(printer, paper, sheet) for sheet in sheets], paint)
        pages = len(sheets)
        self.pages_label.setText(ngettext("{count} page", "{count} pages", pages).format(count=pages))

    def page_count(self) -> int:
        """Pages in the preview now (the same as saved or printed)."""
        return len(self.preview.pages)

    # --- saving and printing -------------------------------------------------------------
    def save_to(self, path: Path, written: list[Path] | None = None) -> list[Path]:
        """Write the chosen sheet(s); the answer key of a pair goes beside the worksheet.
        `written` gets each file as it is written (what is on the disk when the next fails)."""
        written = [] if written is None else written
        self.notes: list[str] = []  # what the pages cannot show (zones too small to number)
        for kind in self.kinds():
            target = path if kind == self.kinds()[0] else answers_path(path)
            export_handout(
                self.atlas,
                target,
                kind=kind,
                aspects=self.views.currentData(),
                paper=self.paper.currentData(),
                text_scale=current_text_scale(),
                said=self.notes.append,
            )
            written.append(target)
        self.saved = written
        return written

    def save_dialog(self) -> None:
        file_dialogs.install()  # (fitted to its text when shown)
        path, _filter = QFileDialog.getSaveFileName(
            self, _("Save handout"), str(Path(self.start_dir) / self.default_name()), _("PDF (*.pdf)")
        )
        if not path:
            return
        target = Path(path) if path.lower().endswith(".pdf") else Path(path + ".pdf")
        written: list[Path] = []
        try:
            self.save_to(target, written)
        except (OSError, ValueError) as exc:
            from ..storage import error_text

            if self.on_failed is not None:  # said as every export says it (export_controller.py)
                self.on_failed(answers_path(target) if written else target, error_text(exc), written, self)
            return
        self.accept()
        if self.on_saved is not None:
            self.on_saved(written, self.notes)

    def print_to(self, printer: QPrinter) -> int:
        """One print job, even for a worksheet and its answer key."""
        aspects, paper = self.views.currentData(), self.paper.currentData()
        return paint_handout(
            printer,
            self.atlas,
            kind=self.kinds(),
            aspects=aspects,
            paper=paper,
            text_scale=current_text_scale(),
        )

    def print_dialog(self) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.print_to(printer)
            self.accept()
