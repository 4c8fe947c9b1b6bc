"""Saving the chart being edited: Save, Save As, New chart, the question about unsaved
changes, and a chart saved with problems opened to fix them; the autosave offered back at the
next start is autosaving.py's.

Files are written by the core's writer (reflexmap.atlas.writer.save_atlas: atomic, with a
`.bak`, the author's text kept).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from ...i18n import _, bidi_isolate, file_isolate, ngettext
from .autosaving import Autosaving, is_builtin, write_failure
from .session import chart_id_of, own_marks

if TYPE_CHECKING:
    from .mode import EditMode


class Saving(QObject, Autosaving):
    """File → New chart…, Save, Save As…; the unsaved-changes question; the autosave
    (autosaving.py)."""

    def __init__(self, mode: EditMode):
        super().__init__(mode)
        self.mode, self.host, self.session = mode, mode.host, mode.session
        self._told_on_disk: tuple | None = None  # the change on disk said when the window came back
        self._asking = False
        self._read_after_round = False  # the file changed under a round: read when editing is back
        self._progress_said = ""  # a Save as copied the quiz progress to the copy's own id: said
        self._closing: Callable[[], object] | None = None  # the window closes once saved
        self._start_autosave()
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
        return self._write_own(path)

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
        if not self._write_own(path):
            return False
        self.host.settings.setValue("chart/dir", str(path.parent))  # (only a folder saved to)
        return True

    def _write_own(self, path: Path) -> bool:
        """Write the chart to `path` as a file of its own there (`_own_copy`): True once written."""
        copy, step, said = self._own_copy(path)
        self._progress_said = ""
        if not self.write(path, copy, step):
            return False
        if said and self.session.saved_path == path:  # (not when written elsewhere instead)
            self.mode.say(self._progress_said or said)
        return True

    def _own_copy(self, path: Path):
        """The chart as saved to `path` (Save, Save as): (the document to write, the name of
        its step, what to say once saved), or (None, None, "") for the chart as it is. A copy
        whose chart id another known chart has (Save as of a built-in chart, of one's own
        under a new name; or Save after the id was changed to a taken one, by Undo of "Give
        the chart an id of its own" or by hand) gets an id of its own; a chart whose leading
        comments are still a built-in chart's (and not those of the person's own file it was
        opened from) no longer calls itself the built-in chart, and
        the `$schema` comment points at the schema from the new folder (atlas/copy_header.py).
        So what is shown after a save is what the file holds (before, Undo of the own id, then
        Save, wrote the built-in id and header back). The change becomes an undoable step only
        once the file is written: a save cancelled ("Save it anyway?") or failed leaves the
        chart and its history as they were (tryout S17-3: the step and the new id stayed,
        nothing saved)."""
        from dataclasses import replace

        from ...atlas.chart_id import SetChartId
        from ...atlas.copy_header import builtin_head, copy_header
        from ...atlas.document import ChartDocument
        from ...atlas.edits import EditRefused
        from ...atlas.ids import free_id

        document = self.session.document
        if document is None:
            return None, None, ""
        copy, step, said = document, None, ""
        session = self.session
        chart_id, head = own_marks(document)
        # saved over its own file, the id and header it was opened or saved with are kept
        same_file = path == session.saved_path
        kept_id, kept_head = (
            same_file and chart_id == session.saved_own[0],
            same_file and head == session.saved_own[1],
        )
        taken = self.host.taken_ids(path) if chart_id and not kept_id else set()
        if chart_id in taken:  # (nor an id with progress: the copy's is copied to it, not mixed)
            own = free_id(chart_id, taken | self.host.ids_with_progress())
            try:
                copy = SetChartId(own).apply(document, check=False).document
            except EditRefused as exc:
                self.session.refused.emit(str(exc))
                return None, None, ""
            step = lambda: _("Give the chart an id of its own")  # noqa: E731
            said = own_id_said(path, own, chart_id)
        # a person's own file keeps the comments it was opened or saved with, even when they
        # are still the built-in chart's (tryout S22-15: a byte copy of it, saved as another
        # name, lost its 28-line header): only the built-in chart's own file gets a copy's header
        own_head = (
            session.saved_path is not None
            and not is_builtin(session.saved_path)
            and head == session.saved_own[1]
        )
        builtin = None if is_builtin(path) or kept_head or own_head else builtin_head(copy.text)
        if builtin is not None:
            text = copy_header(copy.text, builtin, path, builtin_title=session.title())
        else:
            text = copy_header(copy.text, session.saved_path, path)
        if text != copy.text:
            made = ChartDocument.from_text(text, copy.source, copy.path)
            copy = replace(made, bom=copy.bom, crlf=copy.crlf, numbers=copy.numbers)
            step = step or (lambda: _("Point the schema comment to the new folder"))
        return (copy, step, said) if copy is not document else (None, None, "")

    def write(self, path: Path, copy=None, step=None) -> bool:
        """Write the chart to `path`; `copy`: the document to write instead of the one shown
        (made from it by Save as), shown once written, as a step named `step`."""
        from ...atlas.writer import save_atlas

        session = self.session
        assert session.document is not None
        document = copy if copy is not None else session.document
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
        was_id = chart_id_of(session.document)
        renames = session.renames_to_save()
        try:
            save_atlas(document.at(path, str(path)), path, allow_errors=True)
        except OSError as exc:
            self._save_failed(path, exc)
            return False
        if copy is not None:
            session.took(copy, step)
        self._forget_mine(old_chart, path, saved=True)
        session.saved_as(path)
        self.host.settings.setValue("chart/last", str(path))
        self.host.remember_chart(path)
        self.mode.say(_("Saved {path}").format(path=file_isolate(path)))
        if old_chart is not None and old_chart != path and not is_builtin(old_chart):
            self._progress_follows(was_id, chart_id_of(session.document), path)  # (before the renames)
        if renames:
            chart_id = (
                session.draft.atlas.id if session.draft and session.draft.atlas else chart_id_of(document)
            )
            if chart_id:
                self.host.zones_renamed(chart_id, renames, _shown_elsewhere(chart_id, set(renames), path))
        return True

    def _progress_follows(self, was_id: str, now_id: str, path: Path) -> None:
        """A person's own chart saved as another file with an id of its own (its id was
        another chart's too): the quiz progress given under the old id is copied to the new
        one, so the chart saved shows where the student is (tryout S22-15: the statistics of
        the copy had lost the misses), and the chart of the old id keeps its own. Said
        (`_progress_said`), and what could not be copied in a box."""
        if not was_id or not now_id or was_id == now_id:
            return
        copied, problems = self.host.progress_copied(was_id, now_id)
        if copied:
            self._progress_said = _(
                "Saved as the chart {id}, an id of its own ({taken} is another chart's): "
                "your quiz progress under {taken} was copied to it. File: {path}"
            ).format(path=file_isolate(path), id=now_id, taken=was_id)
        if problems:
            from .. import dialogs

            dialogs.warning(
                self.host.parent,
                _("Progress not copied"),
                _("The quiz progress under {taken} was not copied to {id}:").format(taken=was_id, id=now_id)
                + "\n"
                + "\n".join(problems),
                "progress-not-copied",
            )

    def _save_failed(self, path: Path, exc: OSError) -> None:
        """Said once: while the window closes, with Save as… to another folder (or Cancel, to
        go on editing); else as a warning."""
        from .. import dialogs

        said = _("Could not save the chart as {path}: {reason}.").format(
            path=file_isolate(path), reason=write_failure(exc)
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
                file=file_isolate(path.name)
            )
        )
        box.setInformativeText(
            _(
                "Overwrite: your version replaces the other program's (which is kept as {backup}).\n"
                "Reload: the file as it is now is opened (Undo brings your version back).\n"
                "Save as: your version goes to another file; this one stays as the other program left it."
            ).format(backup=file_isolate(path.name + ".bak"))
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
        self._forget_mine(path)
        # one change on the history: Undo gives back the chart as it was here (nothing is lost)
        self.session.reloaded(document, lambda: _("Reload {file}").format(file=file_isolate(path.name)))
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
        self.mode.say(said.format(file=file_isolate(path.name)))
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
            elif self.mode.state.waits(self.mode.tool):  # a round begun from Edit mode runs
                self._reload_after_round(path)
            return
        box = QMessageBox(QMessageBox.Icon.Question, _("Chart changed on disk"), "", parent=self.host.parent)
        box.setObjectName("changed-on-disk-now")
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setText(
            _(
                "{file} was changed by another program. Reload it (Undo brings your version "
                "back), or keep editing your version (saving it will ask before writing over theirs)?"
            ).format(file=file_isolate(path.name))
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

    def resumed(self) -> None:
        """Edit mode is back after a mode begun from it (a quiz round): a change on disk
        not read meanwhile is read now, and said (the window may have stayed active)."""
        if self._read_after_round:
            self._read_after_round = False
            self._reload_if_changed()
        else:
            self.window_activated()

    def _reload_after_round(self, path) -> None:
        """The file changed on disk under a quiz round begun from Edit mode: the round is
        asked to end first, as for another chart (End this round now?), once; End round
        reloads the file once the round has ended, Keep practising keeps the round on the
        chart it asks, and the file is read when Edit mode is back (`resumed`)."""
        note = _("{file} was changed by another program; it is read again once the round has ended.").format(
            file=file_isolate(path.name)
        )
        self._read_after_round = True
        self.mode.state.change_chart(self._reload_if_changed, note)

    def _reload_if_changed(self) -> None:
        """(Edit mode back after End round has read the file already: not twice.)"""
        if self.session.changed_on_disk() is not None:
            self.reload_from_disk()

    def _save_anyway(self, count: int) -> bool:
        box = QMessageBox(QMessageBox.Icon.Warning, _("Save chart"), "", parent=self.host.parent)
        box.setObjectName("save-with-problems")
        box.setText(
            ngettext(
                "The chart has {count} problem: the command “reflexmap check” and other windows "
                "will not open it until it is fixed. Save it anyway?",
                "The chart has {count} problems: the command “reflexmap check” and other windows "
                "will not open it until they are fixed. Save it anyway?",
                count,
            ).format(count=count)
        )
        box.setStandardButtons(QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        keyed(box)
        return box.exec() == QMessageBox.StandardButton.Save

    # --- unsaved changes ---------------------------------------------------------------
    def _unsaved_box(self) -> QMessageBox:
        session = self.session
        path = session.saved_path
        box = QMessageBox(QMessageBox.Icon.Question, _("Unsaved changes"), "", parent=self.host.parent)
        box.setObjectName("unsaved-changes")
        if path is None and session.unsaved_start and session.stack.isClean():
            # a new chart not changed since it was made: it has no changes, it is not saved
            # yet (tryout S17-11: "Save the changes to the new chart?" after none)
            box.setText(
                _("The new chart “{chart}” is not saved yet. Save it?").format(
                    chart=bidi_isolate(session.title())
                )
            )
            box.setInformativeText(_("If not saved, the new chart is lost."))
        else:
            # a sentence each: German declines "the new chart" after "an" (S19-10)
            box.setText(
                _("Save the changes to {chart}?").format(chart=file_isolate(path.name))
                if path is not None
                else _("Save the changes to the new chart?")
            )
            box.setInformativeText(_("Changes not saved are lost."))
        box.setTextFormat(Qt.TextFormat.PlainText)  # a file's name, as written
        box.setStandardButtons(
            QMessageBox.StandardButton.Save
            | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel
        )
        box.setDefaultButton(QMessageBox.StandardButton.Save)
        keyed(box)
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

    def may_quiz(self) -> bool:
        """Before a quiz round: True when the chart shown is the chart saved. A round asks the
        chart as saved, and its answers are the saved chart's progress: a zone drawn and not
        saved was asked, and its answers kept for a zone the file never had (issue 16). With
        changes not saved, asked first: Save and start (then the round asks what was saved),
        or Cancel (no round; the changes stay, unsaved)."""
        self._typed()
        session = self.session
        if not session.modified:
            return True
        path = session.saved_path
        box = QMessageBox(QMessageBox.Icon.Question, _("Unsaved changes"), "", parent=self.host.parent)
        box.setObjectName("quiz-unsaved")
        box.setTextFormat(Qt.TextFormat.PlainText)  # a file's name, as written
        box.setText(
            _("Save the changes to {chart} before the quiz?").format(chart=file_isolate(path.name))
            if path is not None and not is_builtin(path)
            else _("Save the chart before the quiz?")
        )
        box.setInformativeText(
            _(
                "A quiz asks the chart as it is saved, and keeps your progress with it: "
                "zones and changes not saved are not asked."
            )
        )
        box.setStandardButtons(QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Cancel)
        box.button(QMessageBox.StandardButton.Save).setText(_("&Save and start"))
        box.setDefaultButton(QMessageBox.StandardButton.Save)
        box.setEscapeButton(QMessageBox.StandardButton.Cancel)
        return box.exec() == QMessageBox.StandardButton.Save and self.save() and not session.modified

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
        box.setText(_("Reload {file} from the disk?").format(file=file_isolate(session.saved_path.name)))
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
        # a change another program made is what this question is about: answered Cancel, it
        # is not asked about again as the window comes back from the question (it was, at once:
        # "… was changed by another program. Reload it?", the same file, the same change)
        self._told_on_disk = session.changed_on_disk() or self._told_on_disk
        self._asking = True
        try:
            box.exec()
        finally:
            self._asking = False
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
        self._forget_mine(self.session.saved_path)
        self.session.discard()

    # --- a chart saved with problems ----------------------------------------------------
    def _refused_to_fix(self, path: Path, reason: str) -> bool:
        """Says why the editor cannot open `path` (a file refused for what it is); False."""
        from .. import dialogs

        dialogs.warning(
            self.host.parent,
            _("Chart not opened"),
            _("The editor cannot open {file}: {reason}").format(
                file=file_isolate(path.name), reason=bidi_isolate(reason)
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
            ).format(file=file_isolate(path.name), count=count)
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
        # the known charts' ids and every id with progress: a new chart never inherits the
        # quiz progress, statistics or Anki cards of a chart that had its id before
        taken = self.host.taken_ids(None) | self.host.ids_with_progress()
        try:
            from ...i18n import language

            document = new_chart_document(
                outlines, title, with_zones=with_zones, tradition=tradition, taken=taken, language=language()
            )
        except (OSError, ValueError) as exc:
            self.mode.say(_("Could not read the chart: {error}").format(error=exc))
            return
        # asked now, when the new chart is there to replace this one (a chart that cannot be
        # shown is refused by edit_document first, without a question: nothing is replaced)
        if document.draft().atlas is not None and not self.may_switch():
            return
        if self.mode.edit_document(document, None, modified=True):
            from ...atlas.ids import id_from_name

            wanted, chart_id = id_from_name(title.strip()), chart_id_of(document)
            if wanted in taken and chart_id != wanted:
                self.mode.say(
                    _(
                        "The new chart's id is {id}: {taken} is the id of another chart, whose "
                        "progress, statistics and Anki cards stay its own."
                    ).format(id=chart_id, taken=wanted)
                )


def own_id_said(path: Path, own: str, taken: str) -> str:
    """Said in the status bar once a copy was saved with an id of its own. The news first and
    the file last: the file's path (long, and just chosen) led the sentence before, so that in
    a window of 1024 px only "Saved /home/…/chart.yaml as the chart…" was seen and the rest
    was in the bar's tooltip (the bar cuts a message at its end, chart texts first)."""
    return _(
        "Saved as the chart {id}, an id of its own: {taken} is the id of another chart, whose "
        "progress, statistics and Anki cards stay its own. File: {path}"
    ).format(path=file_isolate(path), id=own, taken=taken)


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


def file_to_fix(errors) -> Path | None:
    """The one chart file that `errors` (a load refused) are about; None when they name several."""
    files = {error.path for error in errors}
    return Path(files.pop()) if len(files) == 1 else None


def can_fix(path: Path) -> bool:
    """Whether the editor can open the chart file at `path` to fix its errors (see
    atlas.document.document_to_fix): not when the file is refused for what it is (over a
    limit, not YAML, broken views). Qt-free: asked in the window's background work."""
    return not isinstance(_document_to_fix(path), str)


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


def keyed(box: QMessageBox) -> None:
    """The standard buttons of `box` with Alt-letters: the platform's own texts have none on
    most desktops, so a keyboard user had to Tab to "Discard" (tryout S22-12)."""
    texts = {
        QMessageBox.StandardButton.Save: _("&Save"),
        QMessageBox.StandardButton.Discard: _("&Discard"),
        QMessageBox.StandardButton.Cancel: _("&Cancel"),
    }
    for which, text in texts.items():
        button = box.button(which)
        if button is not None:
            button.setText(text)
