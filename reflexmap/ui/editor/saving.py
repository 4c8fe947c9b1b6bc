"""Saving the chart being edited: Save, Save As, New chart, the question about unsaved
changes, and an autosave that is offered back at the next start.

Files are written by the core's writer (reflexmap.atlas.writer.save_atlas: atomic, with a
`.bak`, the author's text kept). The autosave of a chart file lies beside it
(`.<name>.autosave`); of a new chart or a built-in one, in the data folder. An index in the
data folder lists every autosave, so the next start finds them wherever they are.
"""

from __future__ import annotations

import errno
import hashlib
import json
import os
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from ...i18n import _, bidi_isolate, ngettext
from ...storage import atomic_path, error_text, read_regular, write_checked
from .autosaves import autosave_folder, read_index

if TYPE_CHECKING:
    from .mode import EditMode

AUTOSAVE_MS = 30_000
AUTOSAVE_EVERY = 20  # changes: a long burst of work is kept sooner than every 30 s
MAX_RENAMES = 100_000  # renames one autosave's entry may list
MAX_ID = 64  # characters of a zone id (the schema's limit)


def is_builtin(path: Path) -> bool:
    from ...atlas.loader import builtin_charts

    return any(path.resolve() == p.resolve() for p in builtin_charts())


def autosave_path(chart: Path | None) -> Path:
    """Where the work on `chart` (None: a new chart) is autosaved first."""
    return autosave_paths(chart)[0]


def autosave_paths(chart: Path | None) -> tuple[Path, ...]:
    """Where the work on `chart` may be autosaved, in turn: beside the file, and in the data
    folder when that fails (a full or read-only folder: the crash protection is kept)."""
    key = hashlib.sha256(str(chart.resolve() if chart else "new").encode()).hexdigest()[:12]
    in_data = autosave_folder() / f"{key}-{chart.name if chart else 'new-chart.yaml'}"
    if chart is not None and not is_builtin(chart) and os.access(chart.parent, os.W_OK):
        return (chart.with_name(f".{chart.name}.autosave"), in_data)
    return (in_data,)


def forget_autosaves(chart: Path | None) -> None:
    """The work on `chart` was saved or discarded: no autosave of it is offered again."""
    for path in autosave_paths(chart):
        try:
            forget_autosave(path)
        except OSError:  # a read-only folder: the index no longer lists it
            pass


def write_failure(exc: OSError) -> str:
    """Why a file could not be written, as a translated phrase for a person: no errno, no
    file name (the sentence around it names the file once)."""
    reasons = {
        errno.ENOSPC: _("the disk is full"),
        errno.EDQUOT: _("your disk quota is used up"),
        errno.EROFS: _("the disk is read-only"),
        errno.EACCES: _("you may not write to that folder"),
        errno.EPERM: _("you may not write to that folder"),
        errno.ENOENT: _("the folder does not exist"),
        errno.EIO: _("the disk reported an error"),
    }
    return reasons.get(exc.errno, exc.strerror or _("the system refused to write it"))


def _write(path: Path, payload: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with atomic_path(path) as temporary:
        write_checked(temporary, payload)


def _unwritable(folder: Path) -> OSError:
    """Why `folder` takes no file (os.access said so before any write was tried)."""
    try:
        read_only = bool(os.statvfs(folder).f_flag & os.ST_RDONLY)
    except (OSError, AttributeError):  # (gone, or no statvfs: Windows)
        read_only = False
    return OSError(errno.EROFS if read_only else errno.EACCES, "", str(folder))


def _write_first(targets: tuple[Path, ...], payload: bytes) -> tuple[Path | None, OSError | None]:
    """Write `payload` to the first of `targets` that takes it (None if none does), and why
    the first one refused it (None if it took it)."""
    first: OSError | None = None
    for target in targets:
        try:
            _write(target, payload)
        except OSError as exc:
            first = first or exc
            continue
        return target, first
    return None, first


def _write_index(entries: list[dict]) -> None:
    _write(autosave_folder() / "index.json", json.dumps({"autosaves": entries}, indent=1).encode())


def forget_autosave(autosave: Path) -> None:
    autosave.unlink(missing_ok=True)
    entries = read_index()
    kept = [e for e in entries if Path(e["autosave"]) != autosave]
    if kept != entries:
        try:
            _write_index(kept)
        except OSError:
            pass


class Saving(QObject):
    """File → New chart…, Save, Save As…; the unsaved-changes question; the autosave."""

    def __init__(self, mode: EditMode):
        super().__init__(mode)
        self.mode, self.host, self.session = mode, mode.host, mode.session
        self._autosaved_text = ""
        self._changes = 0
        self._told_no_autosave = False
        self._told_elsewhere: Path | None = None  # the fallback autosave said (once)
        self._told_on_disk: tuple | None = None  # the change on disk said when the window came back
        self._asking = False
        self._closing: Callable[[], object] | None = None  # the window closes once saved
        self.timer = QTimer(self)
        self.timer.setInterval(AUTOSAVE_MS)
        self.timer.timeout.connect(self.autosave)
        self.timer.start()
        self.session.stack.indexChanged.connect(self._counted)
        self.host.when_activated(self.window_activated)

    # --- saving ------------------------------------------------------------------------
    def _typed(self) -> None:
        """What is being typed in the form, and a nudge by the arrow keys still settling,
        become changes first: saved with the rest, asked about before closing (a nudge
        followed at once by Ctrl+Q quit without a question and was lost, Ctrl+S saved
        nothing: tryout S14-21)."""
        self.mode.tool.commit_nudge()
        if self.mode.form is not None:
            self.mode.form.commit()

    def save(self) -> bool:
        """Write the chart to its file; a new or built-in chart asks where (Save As)."""
        self._typed()
        session = self.session
        if session.document is None:
            self.mode.say(_("Nothing to save: edit the chart first (Edit → Edit zones)."))
            return False
        path = session.saved_path
        if path is None or is_builtin(path):
            return self.save_as()
        return self.write(path)

    def save_as(self) -> bool:
        from .. import dialogs

        self._typed()
        if self.session.document is None:
            self.mode.say(_("Nothing to save: edit the chart first (Edit → Edit zones)."))
            return False
        current = self.session.saved_path
        folder = self.host.settings.value("chart/dir", str(Path.home()))
        if current is None or is_builtin(current):  # a name from the chart's title, free in the folder
            from .new_chart import chart_file_name

            start = str(Path(folder) / chart_file_name(self.session.title(), Path(folder)))
        else:
            start = str(current)
        chosen = dialogs.save_file(
            self.host.parent, _("Save chart as"), start, _("Zone charts (*.yaml *.yml)")
        )
        if not chosen:
            return False
        path = Path(chosen)
        if path.suffix.lower() not in (".yaml", ".yml"):
            path = path.with_name(path.name + ".yaml")
        self.host.settings.setValue("chart/dir", str(path.parent))
        return self.write(path)

    def write(self, path: Path) -> bool:
        from ...atlas.writer import save_atlas

        session = self.session
        document = session.document
        assert document is not None
        changed = session.changed_on_disk(read_again=True) if path == session.saved_path else None
        if changed is not None:
            self._told_on_disk = changed  # (not asked again when the window comes back)
            answer = self._changed_elsewhere_at_save(path)
            if answer == "save-as":
                return self.save_as()
            if answer == "reload":
                self.mode.state.change_chart(self.reload_from_disk)  # (a quiz round asked first)
                return False  # (nothing saved)
            if answer != "overwrite":
                return False
        problems = session.draft.problems if session.draft is not None else ()
        if problems and not self._save_anyway(len(problems)):
            return False
        old_chart = session.saved_path
        renames = session.renames_to_save()
        try:
            save_atlas(document.at(path, str(path)), path, allow_errors=True)
        except OSError as exc:
            self._save_failed(path, exc)
            return False
        forget_autosaves(old_chart)
        forget_autosaves(path)
        self._autosaved_text = ""
        session.saved_as(path)
        self.host.settings.setValue("chart/last", str(path))
        self.host.remember_chart(path)
        self.mode.say(_("Saved {path}").format(path=bidi_isolate(str(path))))
        if renames:
            chart_id = (
                session.draft.atlas.id if session.draft and session.draft.atlas else _chart_id(document)
            )
            if chart_id:
                self.host.zones_renamed(chart_id, renames, _shown_elsewhere(chart_id, set(renames), path))
        return True

    def _save_failed(self, path: Path, exc: OSError) -> None:
        """Said once: while the window closes, with Save as… to another folder (or Cancel, to
        go on editing); else as a warning."""
        from .. import dialogs

        said = _("Could not save the chart as {path}: {reason}.").format(
            path=bidi_isolate(str(path)), reason=write_failure(exc)
        )
        close_again = self._closing
        if close_again is None:
            dialogs.warning(self.host.parent, _("Chart not saved"), said, "save-failed")
            return
        box = QMessageBox(QMessageBox.Icon.Warning, _("Chart not saved"), "", parent=self.host.parent)
        box.setObjectName("save-failed-closing")
        box.setTextFormat(Qt.TextFormat.PlainText)  # a file's name, as written
        box.setText(said)
        box.setInformativeText(
            _(
                "Save as: your changes go to a file in another folder, then ReflexMap closes.\n"
                "Cancel: ReflexMap stays open with your changes."
            )
        )
        save_as = box.addButton(_("Save &as…"), QMessageBox.ButtonRole.AcceptRole)
        cancel = box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(save_as)
        box.setEscapeButton(cancel)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def answered() -> None:
            if box.clickedButton() is save_as:
                self._then_close(self.save_as, close_again)

        box.finished.connect(lambda _result: answered())
        box.open()

    def _then_close(self, save: Callable[[], bool], close_again: Callable[[], object]) -> None:
        """`save` while the window closes: closed once saved; a failure is said with a way on."""
        self._closing = close_again
        try:
            saved = save()
        finally:
            self._closing = None
        if saved:
            close_again()

    # --- the file changed by another program ------------------------------------------------
    def _changed_elsewhere_at_save(self, path: Path) -> str:
        """Save would write over what another program wrote to the file since it was opened
        here: "overwrite", "reload", "save-as", or "" (cancelled)."""
        box = QMessageBox(QMessageBox.Icon.Warning, _("Save chart"), "", parent=self.host.parent)
        box.setObjectName("changed-on-disk")
        box.setTextFormat(Qt.TextFormat.PlainText)  # a file's name, as written
        box.setText(
            _("{file} was changed by another program since you opened it here.").format(
                file=bidi_isolate(path.name)
            )
        )
        box.setInformativeText(
            _(
                "Overwrite: your version replaces the other program's (which is kept as {backup}).\n"
                "Reload: the file as it is now is opened (Undo brings your version back).\n"
                "Save as: your version goes to another file; this one stays as the other program left it."
            ).format(backup=bidi_isolate(path.name + ".bak"))
        )
        buttons = {
            "overwrite": box.addButton(_("&Overwrite"), QMessageBox.ButtonRole.DestructiveRole),
            "reload": box.addButton(_("&Reload the file"), QMessageBox.ButtonRole.ResetRole),
            "save-as": box.addButton(_("Save &as…"), QMessageBox.ButtonRole.AcceptRole),
        }
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(buttons["save-as"])
        box.exec()
        return next((name for name, button in buttons.items() if box.clickedButton() is button), "")

    def reload_from_disk(self, *, asked: bool = False) -> bool:
        """The file as it is on disk, edited from now on (the changes here are undone, the
        file's kept); a file with problems opens with them marked, as to fix them. `asked`:
        the person chose File → Reload (else another program changed the file); the status
        line says whether the file had changed since it was read or saved here."""
        from ...atlas.document import document_to_fix

        path = self.session.saved_path
        if path is None:
            return False
        elsewhere = not asked or self.session.changed_on_disk(read_again=True) is not None
        document = document_to_fix(path)
        if isinstance(document, str):
            return self._refused_to_fix(path, document)
        if document.draft().atlas is None:  # (document_to_fix refuses broken views first)
            return self._refused_to_fix(path, _("its views or sources are broken"))
        forget_autosaves(path)
        self._autosaved_text = ""
        # one change on the history: Undo gives back the chart as it was here (nothing is lost)
        self.session.reloaded(document, _("Reload {file}").format(file=bidi_isolate(path.name)))
        if not self.mode.active:
            self.mode.set_editing(True)
        if not asked:
            said = _(
                "{file} reloaded as the other program left it (Undo brings back the chart as it was here)."
            )
        elif elsewhere:
            said = _(
                "{file} reloaded: another program changed it since it was opened or saved here "
                "(Undo brings back the chart as it was here)."
            )
        else:
            said = _("{file} reloaded: unchanged since it was opened or saved here.")
        self.mode.say(said.format(file=bidi_isolate(path.name)))
        return True

    def window_activated(self) -> None:
        """The window is active again (the person may have changed the file in another program):
        a change on disk is said once, and the file reloaded if nothing here is unsaved (asked if
        something is)."""
        session = self.session
        now = session.changed_on_disk() if session.document is not None else None
        if now is None or now == self._told_on_disk or self._asking:
            return
        self._told_on_disk = now
        path = session.saved_path
        assert path is not None
        if not session.modified:
            if self.mode.active:  # (browsing shows the chart as loaded: Reload reads it anew)
                self.reload_from_disk()
            return
        box = QMessageBox(QMessageBox.Icon.Question, _("Chart changed on disk"), "", parent=self.host.parent)
        box.setObjectName("changed-on-disk-now")
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setText(
            _(
                "{file} was changed by another program. Reload it (Undo brings your version "
                "back), or keep editing your version (saving it will ask before writing over theirs)?"
            ).format(file=bidi_isolate(path.name))
        )
        reload = box.addButton(_("&Reload the file"), QMessageBox.ButtonRole.DestructiveRole)
        box.addButton(_("&Keep my changes"), QMessageBox.ButtonRole.RejectRole)
        self._asking = True

        def answered() -> None:
            self._asking = False
            if box.clickedButton() is reload:  # (the state's way: a quiz round is asked to end first)
                self.mode.state.change_chart(self.reload_from_disk)

        box.finished.connect(lambda _result: answered())
        box.open()

    def _save_anyway(self, count: int) -> bool:
        box = QMessageBox(QMessageBox.Icon.Warning, _("Save chart"), "", parent=self.host.parent)
        box.setObjectName("save-with-problems")
        box.setText(
            ngettext(
                "The chart has {count} problem: `reflexmap check` and other windows will not open it "
                "until it is fixed. Save it anyway?",
                "The chart has {count} problems: `reflexmap check` and other windows will not open it "
                "until they are fixed. Save it anyway?",
                count,
            ).format(count=count)
        )
        box.setStandardButtons(QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        return box.exec() == QMessageBox.StandardButton.Save

    # --- unsaved changes ---------------------------------------------------------------
    def _unsaved_box(self) -> QMessageBox:
        path = self.session.saved_path
        name = path.name if path is not None else _("the new chart")
        box = QMessageBox(QMessageBox.Icon.Question, _("Unsaved changes"), "", parent=self.host.parent)
        box.setObjectName("unsaved-changes")
        box.setText(_("Save the changes to {chart}?").format(chart=bidi_isolate(name)))
        box.setInformativeText(_("Changes not saved are lost."))
        box.setTextFormat(Qt.TextFormat.PlainText)  # a file's name, as written
        box.setStandardButtons(
            QMessageBox.StandardButton.Save
            | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel
        )
        box.setDefaultButton(QMessageBox.StandardButton.Save)
        return box

    def _answered(self, answer: int) -> bool:
        if answer == QMessageBox.StandardButton.Save:
            return self.save()
        if answer == QMessageBox.StandardButton.Discard:
            self.discard()
            return True
        return False

    def may_switch(self) -> bool:
        """Before another chart replaces this one: True when nothing unsaved is lost."""
        self._typed()
        if not self.session.modified:
            return True
        return self._answered(self._unsaved_box().exec())

    def may_reload(self) -> bool:
        """File → Reload with changes not saved: True to read the file over them. Asked as
        what it does (before: "Save the changes to …?", whose Save made the reload a no-op)."""
        self._typed()
        session = self.session
        if not session.modified or session.saved_path is None:
            return True
        stack = session.stack
        count = max(1, abs(stack.index() - stack.cleanIndex()) if stack.cleanIndex() >= 0 else stack.index())
        box = QMessageBox(QMessageBox.Icon.Question, _("Reload chart"), "", parent=self.host.parent)
        box.setObjectName("reload-unsaved")
        box.setTextFormat(Qt.TextFormat.PlainText)  # a file's name, as written
        box.setText(_("Reload {file} from the disk?").format(file=bidi_isolate(session.saved_path.name)))
        box.setInformativeText(
            ngettext(
                "Your {count} change here is replaced by the file (Edit → Undo brings it back).",
                "Your {count} changes here are replaced by the file (Edit → Undo brings them back).",
                count,
            ).format(count=count)
        )
        reload = box.addButton(_("&Reload"), QMessageBox.ButtonRole.AcceptRole)
        cancel = box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(cancel)
        box.setEscapeButton(cancel)
        box.exec()
        return box.clickedButton() is reload

    def may_close(self, close_again: Callable[[], object]) -> bool:
        """Before the window closes: True to close now; else the question is shown (not
        blocking) and `close_again` is called once the changes are saved or discarded."""
        self._typed()
        if not self.session.modified:
            return True
        box = self._unsaved_box()

        def answered(answer: int) -> None:
            if answer == QMessageBox.StandardButton.Save:
                self._then_close(self.save, close_again)
            elif self._answered(answer):
                close_again()

        box.finished.connect(answered)
        box.open()
        return False

    def discard(self) -> None:
        forget_autosaves(self.session.saved_path)
        self._autosaved_text = ""
        self.session.discard()

    # --- autosave ----------------------------------------------------------------------
    def _counted(self, _index: int) -> None:
        self._changes += 1
        if self._changes >= AUTOSAVE_EVERY:
            self.autosave()

    def autosave(self) -> Path | None:
        """Keep the work beside its file (or in the data folder) if it changed since."""
        session = self.session
        self._changes = 0
        if session.document is None or not session.modified:
            return None
        data = session.document.to_bytes()
        if data.decode("utf-8") == self._autosaved_text:
            return None
        targets = autosave_paths(session.saved_path)
        try:
            target, refused = _write_first(targets, data)
            if target is None:
                self._no_autosave()
                return None
            entries = [e for e in read_index() if Path(e["autosave"]) not in targets]
            chart = str(session.saved_path) if session.saved_path is not None else None
            entry = {"autosave": str(target), "chart": chart, "time": time.time()}
            renames = session.renames_to_save()
            if renames:  # {id in the file: id now}: saving the recovered work moves progress too
                entry["renames"] = renames
            _write_index([*entries, entry])
        except OSError:  # the index in the data folder: the next start would not find it
            self._no_autosave()
            return None
        for other in targets:  # an older autosave elsewhere is not offered instead of this one
            if other != target:
                try:
                    other.unlink(missing_ok=True)
                except OSError:
                    pass
        self._autosaved_text = data.decode("utf-8")
        self._told_no_autosave = False
        chart = session.saved_path
        if len(targets) > 1 and target == targets[0]:
            self._told_elsewhere = None  # (beside the file again: a later fallback is said again)
        elif chart is not None and not is_builtin(chart):  # refused beside the file, or not tried
            self._autosaved_elsewhere(chart, target, refused or _unwritable(chart.parent))
        return target

    def _autosaved_elsewhere(self, chart: Path, target: Path, refused: OSError) -> None:
        """The chart's folder refused the autosave and the data folder took it: said once (a
        box that does not block, and the status bar), so that a person who looks for it beside
        the chart, or who cleans the data folder, knows where the crash protection is."""
        from .. import dialogs

        if self._told_elsewhere == target:
            return
        self._told_elsewhere = target
        text = _(
            "The autosave of {file} cannot be kept beside it ({reason}): it is kept in "
            "ReflexMap's data folder instead ({folder}), and offered back from there at the next "
            "start if ReflexMap stops before you save."
        ).format(
            file=bidi_isolate(chart.name),
            reason=write_failure(refused),
            folder=bidi_isolate(str(target.parent)),
        )
        self.mode.say(
            _(
                "Autosave kept in ReflexMap's data folder: the chart's folder cannot take it ({reason})."
            ).format(reason=write_failure(refused))
        )
        dialogs.warning(self.host.parent, _("Autosave kept elsewhere"), text, "autosave-elsewhere")

    def _no_autosave(self) -> None:
        """No autosave could be written anywhere: said once (a dialog), not at every try."""
        from .. import dialogs

        if self._told_no_autosave:
            return
        self._told_no_autosave = True
        dialogs.warning(
            self.host.parent,
            _("Autosave failed"),
            _(
                "Your changes cannot be kept in an autosave (neither beside the chart nor in "
                "ReflexMap's data folder): if ReflexMap stops, changes not saved are lost. "
                "Save the chart, or free some space."
            ),
            "autosave-failed",
        )

    def offer_recovery(self) -> QMessageBox | None:
        """At start: work autosaved and never saved is offered back (the latest first)."""
        entries = [e for e in read_index() if Path(e["autosave"]).is_file()]
        if not entries:
            return None
        entry = max(entries, key=lambda e: e.get("time", 0) if isinstance(e.get("time"), int | float) else 0)
        autosave = Path(entry["autosave"])
        chart = Path(entry["chart"]) if entry["chart"] else None
        name = chart.name if chart is not None else _("a new chart")
        when = time.strftime("%Y-%m-%d %H:%M", time.localtime(autosave.stat().st_mtime))
        box = QMessageBox(QMessageBox.Icon.Question, _("Recover unsaved work"), "", parent=self.host.parent)
        box.setObjectName("recover-autosave")
        box.setText(
            _(
                "Changes to {chart} were not saved when ReflexMap last closed (kept at {time}). Recover them?"
            ).format(chart=bidi_isolate(name), time=when)
        )
        box.setTextFormat(Qt.TextFormat.PlainText)  # a file's name, as written
        recover = box.addButton(_("&Recover"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(_("&Discard them"), QMessageBox.ButtonRole.DestructiveRole)
        box.addButton(_("&Later"), QMessageBox.ButtonRole.RejectRole)

        def answered() -> None:
            clicked = box.clickedButton()
            if clicked is recover:
                self.recover(autosave, chart, _renames(entry.get("renames")))
            elif clicked is not None and box.buttonRole(clicked) == QMessageBox.ButtonRole.DestructiveRole:
                forget_autosave(autosave)

        box.finished.connect(lambda _result: answered())
        box.open()
        return box

    def recover(self, autosave: Path, chart: Path | None, renames: dict[str, str] | None = None) -> bool:
        """Edit the work kept in `autosave` (of the file `chart`); `renames` ({id in the file:
        id now}) are the zones renamed in that work, moved in the quiz progress when it is saved."""
        from ...atlas.document import ChartDocument, read_document
        from ...atlas.loader import MAX_FILE_BYTES

        try:
            text = read_regular(autosave, MAX_FILE_BYTES).decode("utf-8")
            document = ChartDocument.from_text(text, str(chart or autosave), chart)
        except (OSError, ValueError) as exc:
            self.mode.say(
                _("Could not recover {file}: {error}").format(
                    file=bidi_isolate(autosave.name), error=error_text(exc)
                )
            )
            return False
        if not self.mode.edit_document(document, chart, modified=True):
            return False
        if renames and chart is not None:
            try:
                in_file = read_document(chart)  # the file as it is now: only its zones were renamed
            except (OSError, ValueError):
                return True
            self.session.recovered_renames(in_file, renames)
        return True

    # --- a chart saved with problems ----------------------------------------------------
    def _refused_to_fix(self, path: Path, reason: str) -> bool:
        """Says why the editor cannot open `path` (a file refused for what it is); False."""
        from .. import dialogs

        dialogs.warning(
            self.host.parent,
            _("Chart not opened"),
            _("The editor cannot open {file}: {reason}").format(
                file=bidi_isolate(path.name), reason=bidi_isolate(reason)
            ),
            "fix-refused",
        )
        return False

    def open_to_fix(self, path: Path) -> bool:
        """Edit the chart file at `path` although `reflexmap check` refuses it (it was saved
        with problems, or written so by hand): shown with its problems marked on the map and
        listed, saved as usual. A file that is not a chart the editor can show is refused,
        with why (see atlas.document.document_to_fix)."""
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            document = _document_to_fix(path)
            _LAST_CHECKED.clear()  # (a document keeps its check: never shown twice)
        finally:
            QApplication.restoreOverrideCursor()
        if isinstance(document, str):  # refused before any question: the chart edited stays
            return self._refused_to_fix(path, document)
        if not self.may_switch():  # asked once there is a chart to replace this one
            return False
        if not self.mode.edit_document(document, path, modified=False):
            return False
        self.host.settings.setValue("chart/last", str(path))
        self.host.remember_chart(path)
        count = len(self.session.draft.problems) if self.session.draft is not None else 0
        self.mode.say(
            ngettext(
                "{file} is open in the editor with {count} problem, marked on the map: fix it, then save.",
                "{file} is open in the editor with {count} problems, marked on the map: fix them, then save.",
                count,
            ).format(file=bidi_isolate(path.name), count=count)
        )
        self.mode.show_problems()
        return True

    # --- a new chart -------------------------------------------------------------------
    def new_chart_dialog(self):
        """The New chart dialog; the unsaved changes are asked about only once it is confirmed
        and the new chart is made (Cancel in it keeps the chart, its changes and their history)."""
        from .new_chart import NewChartDialog

        dialog = NewChartDialog(self.host.chart_title, self.host.parent)
        dialog.accepted.connect(lambda: self._new_chart(dialog.chosen()))
        dialog.open()
        return dialog

    def _new_chart(self, chosen: tuple[Path, bool, str, str]) -> None:
        from .new_chart import new_chart_document

        outlines, with_zones, title, tradition = chosen
        try:
            document = new_chart_document(outlines, title, with_zones=with_zones, tradition=tradition)
        except (OSError, ValueError) as exc:
            self.mode.say(_("Could not read the chart: {error}").format(error=exc))
            return
        # asked now, when the new chart is there to replace this one (a chart that cannot be
        # shown is refused by edit_document first, without a question: nothing is replaced)
        if document.draft().atlas is not None and not self.may_switch():
            return
        self.mode.edit_document(document, None, modified=True)


def _renames(value: object) -> dict[str, str]:
    """The renames an autosave's entry lists (the index is read as hostile: bounded, strings)."""
    if not isinstance(value, dict) or len(value) > MAX_RENAMES:
        return {}
    return {
        old: new
        for old, new in value.items()
        if isinstance(old, str) and isinstance(new, str) and 0 < len(old) <= MAX_ID and 0 < len(new) <= MAX_ID
    }


def _chart_id(document) -> str:
    from ...atlas.recheck_window import parsed_data

    parsed = parsed_data(document)
    chart_id = parsed[0].get("id") if parsed is not None and isinstance(parsed[0], dict) else None
    return chart_id if isinstance(chart_id, str) else ""


def _shown_elsewhere(chart_id: str, zone_ids: set[str], saved: Path) -> frozenset[str]:
    """Those of `zone_ids` that a built-in chart of the same id still has (a built-in chart
    saved under a new name keeps its id): their progress is copied, not moved, so that the
    built-in chart keeps it too."""
    from ...atlas import load_atlas
    from ...atlas.loader import builtin_charts

    kept: set[str] = set()
    for path in builtin_charts():
        if path.resolve() == saved.resolve():
            continue
        try:
            atlas = load_atlas(path)
        except Exception:  # noqa: BLE001 - a built-in chart that does not load keeps nothing
            continue
        if atlas.id == chart_id:
            kept |= {zone for zone in zone_ids if atlas.has_zone(zone)}
    return frozenset(kept)


def fixable_chart(errors) -> Path | None:
    """The chart file that `errors` (a load refused) are about, when the editor can open it to
    fix them (see atlas.document.document_to_fix); None when not: the errors name no one file,
    or the file is refused for what it is (over a limit, not YAML, broken views)."""
    files = {error.path for error in errors}
    if len(files) != 1:
        return None
    path = Path(files.pop())
    return path if not isinstance(_document_to_fix(path), str) else None


_LAST_CHECKED: dict = {}  # {(path, stamp): document or reason}: the offer's check, kept for its button


def _document_to_fix(path: Path):
    """atlas.document.document_to_fix, once per version of the file: the check made to offer
    the editor is the one the button opens (a large chart is read once, not twice)."""
    from ...atlas.document import document_to_fix
    from .session import disk_stamp

    key = (path, disk_stamp(path))
    if key not in _LAST_CHECKED:
        _LAST_CHECKED.clear()
        _LAST_CHECKED[key] = document_to_fix(path)
    return _LAST_CHECKED[key]
