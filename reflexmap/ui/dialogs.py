"""Message boxes, file pickers and text dialogs of the main window.

Imported when first needed: these Qt classes cost start-up time and no dialog is open
when the window first appears."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QMessageBox,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from ..atlas import AtlasError, limits
from ..i18n import _, bidi_isolate, file_isolate, ngettext
from . import file_dialogs

MAX_ERRORS_SHOWN = 30


def plain_labels(widget) -> None:
    """Every label inside `widget` (a message box) shows its text as written, never as rich
    text: its texts name files and quote chart content."""
    for label in widget.findChildren(QLabel):
        if label.pixmap().isNull():
            label.setTextFormat(Qt.TextFormat.PlainText)


def chart_errors_text(name: str, errors: tuple[AtlasError, ...]) -> str:
    """The box's sentence: how many mistakes the file has. A note that the file is
    incomplete (atlas/whole_file.py) is said as such and counted as no mistake."""
    count, more = limits.counted(errors)
    if limits.noted(errors):
        return _incomplete_text(name, count, more)
    if more:  # the reading stopped listing them (a slip repeated in every zone)
        return _("{file} has more than {count} errors; the chart shown is unchanged.").format(
            file=file_isolate(name), count=count
        )
    return ngettext(
        "{file} has {count} error; the chart shown is unchanged.",
        "{file} has {count} errors; the chart shown is unchanged.",
        count,
    ).format(file=file_isolate(name), count=count)


def _incomplete_text(name: str, count: int, more: bool) -> str:
    """The file read was a part of one still being written: said so, with the mistakes found
    in that part (a cut-off file has some where it ends), the note counted as none of them."""
    if more:
        return _(
            "{file} is incomplete, and the part read has more than {count} errors; the chart "
            "shown is unchanged."
        ).format(file=file_isolate(name), count=count)
    if count:
        return ngettext(
            "{file} is incomplete, and the part read has {count} error; the chart shown is unchanged.",
            "{file} is incomplete, and the part read has {count} errors; the chart shown is unchanged.",
            count,
        ).format(file=file_isolate(name), count=count)
    return _("{file} is incomplete; the chart shown is unchanged.").format(file=file_isolate(name))


def _errors_listed(errors: tuple[AtlasError, ...]) -> str:
    shown = "\n".join(_shown(e) for e in errors[:MAX_ERRORS_SHOWN])
    count, beyond = limits.counted(errors)
    listed = sum(not e.note for e in errors[:MAX_ERRORS_SHOWN])  # (a note is no mistake)
    if count > listed:
        more = count - listed
        shown += "\n" + _("… and {count} more (run: reflexmap check FILE)").format(count=more)
    if beyond:  # the reading's own last word: more follow
        shown += "\n" + _shown(errors[-1])
    return shown


def chart_errors(
    parent: QWidget,
    name: str,
    errors: tuple[AtlasError, ...],
    text: str | None = None,
    fix: Callable[[], object] | None = None,
) -> QMessageBox:
    """A chart that did not load: its errors. With `fix`, a button offers to open it in the
    editor to fix them (the errors are all of a kind the editor shows and fixes)."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(_("Chart not loaded"))
    box.setText(text if text is not None else chart_errors_text(name, errors))
    box.setInformativeText(_shown(errors[0]))
    box.setDetailedText(_errors_listed(errors))
    box.setObjectName("chart-errors")
    if fix is not None:
        offer_fix(box, fix)
    plain_labels(box)  # file names and error texts quote the file: never rich text
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
    return box


def offer_fix(box: QMessageBox, fix: Callable[[], object]) -> None:
    """The editor's offer in a message about a chart not loaded: "Open in the editor to fix"
    (the box closes first; the editor may then ask about unsaved changes). Made before the box
    shows, or added to it once up (ui/start_problems.py): its OK becomes Close then."""
    for shown in box.buttons():
        if box.standardButton(shown) == QMessageBox.StandardButton.Ok:
            box.removeButton(shown)
    box.setText(
        box.text()
        + "\n\n"
        + _("The editor can open it with its problems marked on the map, to fix them and save it.")
    )
    button = box.addButton(_("Open in the &editor to fix"), QMessageBox.ButtonRole.ActionRole)
    button.setObjectName("fix-in-editor")
    box.addButton(QMessageBox.StandardButton.Close)
    box.setDefaultButton(button)
    box.finished.connect(lambda _result: fix() if box.clickedButton() is button else None)


def _shown(error: AtlasError) -> str:
    """One error as `file:line:column: message`, the file name and the message (which may
    quote the file) isolated so neither can reorder the other."""
    where = file_isolate(error.path)
    if error.placed:  # an error about the whole file (too large, unreadable) has no place
        where += f":{error.line}:{error.column}"
    return f"{where}: {bidi_isolate(error.message)}"


def start_problems(
    parent: QWidget,
    problems: list[tuple[str, str]],
    chart_errors: tuple[AtlasError, ...] = (),
    fix: Callable[[], object] | None = None,
) -> QMessageBox:
    """Everything that went wrong while starting, in one message: each problem under the name
    of what it concerns (settings, the chart, the progress), the chart's errors in full below."""
    box = QMessageBox(QMessageBox.Icon.Warning, _("Problems at start"), "", parent=parent)
    box.setObjectName("start-problems")
    box.setText(
        ngettext(
            "ReflexMap found {count} problem while starting. It keeps working:",
            "ReflexMap found {count} problems while starting. It keeps working:",
            len(problems),
        ).format(count=len(problems))
    )
    box.setInformativeText("\n\n".join(f"{title}: {text}" for title, text in problems))
    if chart_errors:
        box.setDetailedText(_errors_listed(chart_errors))
    if fix is not None:
        offer_fix(box, fix)
    plain_labels(box)  # the problems name files and quote what was in them
    box.open()
    return box


def warning(parent: QWidget, title: str, text: str, name: str = "") -> QMessageBox:
    return _box(QMessageBox.Icon.Warning, parent, title, text, name)


def notice(parent: QWidget, title: str, text: str, name: str = "") -> QMessageBox:
    """As `warning`, for what is no fault (nothing left to review)."""
    return _box(QMessageBox.Icon.Information, parent, title, text, name)


def _box(icon: QMessageBox.Icon, parent: QWidget, title: str, text: str, name: str) -> QMessageBox:
    box = QMessageBox(icon, title, text, parent=parent)
    if name:
        box.setObjectName(name)
    plain_labels(box)  # warnings name files and quote what was in them
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
    return box


def information(parent: QWidget, title: str, text: str) -> None:
    QMessageBox.information(parent, title, text)


def open_file(parent: QWidget, title: str, start: str, filters: str) -> str:
    file_dialogs.install()  # (fitted to its text when shown)
    path, _ = QFileDialog.getOpenFileName(parent, title, start, filters)
    return path


def save_file(parent: QWidget, title: str, start: str, filters: str) -> str:
    file_dialogs.install()
    path, _ = QFileDialog.getSaveFileName(parent, title, start, filters)
    return path


def open_web_link(url: QUrl, parent: QWidget | None = None) -> bool:
    """Open an http(s) address in the system browser; any other kind of link is ignored."""
    if url.scheme() not in ("http", "https") or not url.host():
        return False
    return open_in_browser(url, parent)


def open_in_browser(url: QUrl, parent: QWidget | None = None) -> bool:
    """Hand `url` to the desktop's browser. When none can be started, say so (over `parent`)
    and copy the address to the clipboard, so that it can be pasted elsewhere."""
    if QDesktopServices.openUrl(url):
        return True
    address = url.toString()
    QApplication.clipboard().setText(address)
    if parent is not None:
        warning(
            parent,
            _("No web browser"),
            _(
                "No web browser could be started to open {address}. "
                "The address has been copied to the clipboard."
            ).format(address=f"\u2068{address}\u2069"),
            "no-browser",
        )
    return False


def text_dialog(parent: QWidget, title: str, html: str, name: str) -> QDialog:
    """A window-modal page of rich text with a Close button (notes, shortcuts).

    Its web links (the notes' sources) open in the system browser; nothing else is followed,
    and the page itself never navigates away."""
    dialog = QDialog(parent)
    dialog.setObjectName(name)
    dialog.setWindowTitle(title)
    text = QTextBrowser(dialog)
    text.setHtml(html)
    text.setOpenExternalLinks(False)
    text.setOpenLinks(False)
    text.anchorClicked.connect(lambda url: open_web_link(url, dialog))
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, dialog)
    buttons.rejected.connect(dialog.reject)
    layout = QVBoxLayout(dialog)
    layout.addWidget(text)
    layout.addWidget(buttons)
    dialog.resize(620, 640)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)  # closed is gone, not hidden
    dialog.open()
    return dialog
