"""File → Export chart… and File → Handouts and printing…: where to, and the writing, with a
plain message when it fails. The exporters themselves are in render/ and export/."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget

from ..i18n import N_, _, file_isolate, format_percent, isolated, shown_file
from ..settings import Settings
from .state import AppState

if TYPE_CHECKING:
    from .handout_dialog import HandoutDialog

SAID_MS = 8000  # how long "Exported …" stays once nothing else about the export is up
EXPORT_FILTERS = N_(
    "PNG image (*.png);;SVG drawing (*.svg);;PDF document (*.pdf);;"
    "Web page, works offline (*.html);;Anki deck (*.apkg)"
)


class ExportController:
    def __init__(
        self,
        parent: QWidget,
        state: AppState,
        settings: Settings,
        *,
        text_scale: Callable[[], float],
        say: Callable[[str, int], None],
    ):
        """`text_scale()`: the map's type size (exports draw at it); `say(message, ms)`: the
        status bar."""
        self.parent, self.state, self.settings = parent, state, settings
        self._text_scale, self._say = text_scale, say
        self._temporary_folder_said = False

    def export_dialog(self) -> None:
        from . import dialogs

        state = self.state
        start = str(
            Path(self.settings.value("export/dir", str(Path.home()))) / f"{state.atlas.id}-{state.aspect}.png"
        )
        path = dialogs.save_file(self.parent, _("Export chart"), start, _(EXPORT_FILTERS))
        if path:
            self.export_to(Path(path))

    def export_to(self, path: Path) -> bool:
        """Write the chart shown (or the take-away file: web page, deck) to `path`."""
        from ..export.files import DECK_SUFFIXES, ExportCancelled, export_file, is_take_away
        from ..render.export import export_chart
        from . import dialogs

        progress = self._deck_progress() if path.suffix.lower() in DECK_SUFFIXES else None
        if progress is None:  # a picture or a page: a moment
            QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        notes: list[str] = []  # said with the result (the temporary folder refused work files)
        try:
            if is_take_away(str(path)):
                export_file(self.state.atlas, path, progress, notes.append)
            else:
                export_chart(self.state.atlas, path, aspect=self.state.aspect, text_scale=self._text_scale())
        except ExportCancelled:
            self._say(_("Export cancelled: nothing was written."), SAID_MS)
            return False
        except (OSError, ValueError) as exc:
            from ..storage import error_text

            error = error_text(exc)
        else:
            error = None
        finally:
            if progress is None:
                QApplication.restoreOverrideCursor()
            else:
                progress.dialog.close()
                progress.dialog.deleteLater()
        if error is not None:
            self.failed(path, error)
            return False
        exported = self.exported([path])
        if notes and not self._temporary_folder_said:  # said once a session, in words whole
            self._temporary_folder_said = True
            box = dialogs.warning(self.parent, _("Temporary folder"), "\n".join(notes), "temporary-folder")
            self._say_while_open(exported, box)
        return True

    # --- what every export says: pictures, web page, deck and handouts alike ----------------
    def exported(self, written: list[Path], notes: list[str] | tuple[str, ...] = ()) -> str:
        """Said in the status bar (the work goes on; a box to close after every export would
        be in the way): the file written as the person named it (and the answer key written
        beside a worksheet), and `notes`, what the files cannot show (a handout's zones too small
        to number). The folder is remembered for the next export."""
        self.settings.setValue("export/dir", str(written[0].parent))
        # always isolated: the status line (window_status.fitted) then shortens a long path in
        # its folders, keeping the files' names whole, instead of cutting the sentence's end
        if len(written) == 2:  # a worksheet and its answer key, beside it: the names first
            text = _("Exported {worksheet} and its answer key {key} in {folder}").format(
                worksheet=isolated(shown_file(written[0].name)),
                key=isolated(shown_file(written[1].name)),
                folder=isolated(shown_file(written[0].parent)),
            )
        else:
            text = _("Exported {path}").format(path=isolated(shown_file(written[0])))
        if notes:
            text = "; ".join([text, *notes])
        self._say(text, SAID_MS)
        return text

    def failed(
        self, path: Path, error: str, written: list[Path] | tuple[Path, ...] = (), over: QWidget | None = None
    ) -> QWidget:
        """Said in a box (over `over`: the handouts, still up to try elsewhere; else the window),
        which stays until it is read: the file the person chose that could not be written (never
        a hidden temporary), why, and what was written before it (the worksheet of a pair whose
        answer key failed)."""
        from . import dialogs

        if str(path) in error:  # the writer's words name the file already ("could not write …")
            text = error[:1].upper() + error[1:]
        else:
            text = _("Could not write {path}:\n{error}").format(path=file_isolate(path), error=error)
        if written:  # a worksheet on the disk, its answer key not: which is which
            text = _("The worksheet {worksheet} was saved, but not its answer key {key}:\n{reason}").format(
                worksheet=file_isolate(written[0].name), key=file_isolate(path.name), reason=text
            )
        return dialogs.warning(over or self.parent, _("Export failed"), text, "export-failed")

    def _say_while_open(self, message: str, box: QWidget) -> None:
        """`message` in the status bar as long as `box` (about the same export) is up, and
        SAID_MS after it closes, unless something else has been said meanwhile: a message
        timed from when it was said would be gone before the box is read."""
        self._say(message, 0)
        bar = getattr(self.parent, "statusBar", None)
        shown = bar().currentMessage() if bar is not None else None

        def closed(*_args) -> None:
            if bar is not None and bar().currentMessage() == shown:
                self._say(message, SAID_MS)

        box.finished.connect(closed)

    def _deck_progress(self):
        """A deck draws two pictures per zone and view (seconds for a full chart): a progress
        bar with Cancel, window-modal, instead of a window that stops answering."""
        from PySide6.QtWidgets import QProgressBar, QProgressDialog

        dialog = QProgressDialog(_("Drawing the deck's pictures…"), _("Cancel"), 0, 0, self.parent)
        dialog.setObjectName("export-progress")
        dialog.setWindowTitle(_("Export chart"))
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(0)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)

        bar = QProgressBar(dialog)
        dialog.setBar(bar)

        def progress(done: int, total: int) -> bool:
            dialog.setMaximum(total)
            bar.setFormat(format_percent(done / total) if total else "")  # ("14 %" in German)
            dialog.setValue(done)  # a modal progress dialog lets the events through: Cancel works
            return not dialog.wasCanceled()

        progress.dialog = dialog
        return progress

    def handout_dialog(self) -> HandoutDialog:
        from .handout_dialog import HandoutDialog

        start = self.settings.value("export/dir", str(Path.home()))
        dialog = HandoutDialog(
            self.state.atlas,
            self.state.aspect,
            start,
            self.parent,
            on_saved=self.exported,
            on_failed=self.failed,
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)  # closed is gone, not hidden
        dialog.open()
        return dialog
