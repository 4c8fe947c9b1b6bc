"""Edit mode's place in the window: the Edit menu, switching the mode on and off, and the
status bar's word about problems. The window calls `EditMode(state, host)` once; the rest is
here. The editor uses the window only through `host` (an EditorHost: see host.py) and the
application state."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QApplication, QDialog, QToolButton

from ...i18n import _, file_isolate, ngettext
from ..modes import QUIZ
from .field_undo import FieldUndo, typing_made
from .host import BESIDE_CARD, LEFT
from .session import EditSession
from .tool import ZoneTool

if TYPE_CHECKING:
    from collections.abc import Callable

    from PySide6.QtWidgets import QDockWidget

    from ..state import AppState
    from .host import EditorHost


class EditMode(QObject):
    """Owns the editing session and the map tool; does what the Edit menu's rows (and File's
    New, Save, Save as) ask. `actions_changed`: their enabled-when or text changed."""

    actions_changed = Signal()

    def __init__(self, state: AppState, host: EditorHost):
        super().__init__(host.parent)
        self.host = host
        self.state = state
        self.session = EditSession(state, self)
        self.session.refused.connect(self.say)
        self.session.changed.connect(self._problems_shown)
        self.tool = ZoneTool(state, self.session, self.say, host.pointed, self)
        self.tool.on_left = self._left
        self.tool.on_resume = self._resumed  # (a mode started from it ended)
        # the note counts what the marks show, drawn afresh with them (a drag's live check too)
        self.tool.overlay_changed.connect(self._problems_shown)
        self.tool.needs_source = self._first_source
        self._first_source_dialog = None  # Chart properties opened for a new chart's first zone
        # the status bar's word about problems: a click lists them (the Chart problems panel)
        self.problems_label = QToolButton(host.parent)
        self.problems_label.setAutoRaise(True)
        self.problems_label.setAccessibleName(_("Chart problems"))
        self.problems_label.clicked.connect(lambda: self.show_problems())
        self.problems_label.hide()
        host.add_status_widget(self.problems_label)
        self.history_dock: QDockWidget | None = None
        self.history_wanted = False  # open when editing ended: shown again when it begins
        self.problems_dock: QDockWidget | None = None
        self.form_dock: QDockWidget | None = None
        self.form = None
        self.opening = None  # a large chart being read for editing (opening.Opening)
        self.after_opening = None  # the action that asked for edit mode, done once it is on
        self.changed_before_edit = False  # the file read differs from the chart shown: said
        stack = self.session.stack
        for signal in (
            stack.canUndoChanged,
            stack.canRedoChanged,
            stack.undoTextChanged,
            stack.redoTextChanged,
        ):
            signal.connect(self._stack_changed)  # a method: gone with this object
        from .saving import Saving

        self.saving = Saving(self)
        self.state.atlas_changed.connect(self._chart_changed)
        self.state.mode_changed.connect(self._stack_changed)
        # the zone actions are on while they can act: asked again when the selection or the chart changes
        self.state.selection_changed.connect(self._stack_changed)
        self.session.changed.connect(self._stack_changed)

    @property
    def active(self) -> bool:
        return self.tool.active

    # --- undo (the Edit menu's rows are in ui/actions.py) ---------------------------------
    def undo(self) -> None:
        """Undo the last change; what is being typed in the form is made one first (so it
        is what Undo takes back, and the field agrees with the map)."""
        if not self.active:
            return
        self.tool.commit_nudge()
        stack = self.session.stack
        index = stack.index()
        if typing_made(self.form, stack) and stack.index() == index:
            return  # the typing was refused: the field shows the chart's text again
        if stack.canUndo():
            text = stack.undoText()
            stack.undo()
            # said: a change of a zone not shown (a name, a zone away from the view) is
            # otherwise undone with nothing to see where the person looks
            self.say(_("Undone: {change}").format(change=text))

    def redo(self) -> None:
        """Redo the change undone last, unless what is typed in the form is a new one."""
        stack = self.session.stack
        if self.active and not typing_made(self.form, stack) and stack.canRedo():
            text = stack.redoText()
            stack.redo()
            self.say(_("Redone: {change}").format(change=text))

    def can_undo(self) -> bool:
        """Undo and Redo are on in edit mode only."""
        return self.active and self.session.stack.canUndo()

    def can_redo(self) -> bool:
        return self.active and self.session.stack.canRedo()

    def undo_label(self) -> str:
        """ "Undo Move vertex": Undo names the change it undoes."""
        text = self.session.stack.undoText().replace("&", "&&")  # a zone's '&' is no mnemonic
        return f"{_('&Undo')} {text}" if text else _("&Undo")

    def redo_label(self) -> str:
        text = self.session.stack.redoText().replace("&", "&&")
        return f"{_('&Redo')} {text}" if text else _("&Redo")

    def _stack_changed(self, *_args) -> None:
        self.actions_changed.emit()

    # --- the mode ----------------------------------------------------------------------
    def set_editing(self, on: bool) -> None:
        if on == self.active:
            return
        if on and not self._enter():
            self.actions_changed.emit()  # Edit zones shows whether the mode runs
            return
        if not on:
            self.state.leave_mode(self.tool)
            self.say(_("Edit mode ended; the changes stay until the chart is closed."))
        self.actions_changed.emit()  # Edit zones shows whether the mode runs

    def _resumed(self) -> None:
        self.set_editing(True)
        if self.active:
            self.saving.resumed()  # the file may have changed on disk meanwhile

    def _left(self) -> None:
        """The mode ended (Edit zones again, or another mode such as presenting began)."""
        self.problems_label.hide()
        if self.problems_dock is not None:
            self.problems_dock.hide()
        if self.history_dock is not None:  # (a row clicked while browsing would change the chart unseen)
            self.history_wanted = not self.history_dock.isHidden()
            self.history_dock.hide()
        if self.form_dock is not None:  # browsing changes no chart: the form goes, the card comes
            self.form.refill()  # (off, should it be shown again before edit mode is)
            self.form_dock.hide()
            self.host.raise_card()
        self.actions_changed.emit()  # Edit zones shows whether the mode runs

    def _in_round(self) -> bool:
        """A quiz round runs: the editor's docks stay closed (they show every zone's texts,
        the answers) and editing waits, as said."""
        if self.state.mode.name == QUIZ:
            self.say(_("End the quiz before editing the chart."))
            return True
        return False

    def _enter(self) -> bool:
        if self._in_round():
            return False
        path = self.state.source.path
        if self.session.document is None or self._editing_path() != path:
            if path is None:
                self.say(_("This chart has no file to edit."))
                return False
            from .opening import Opening, in_background

            if in_background(Path(path)):  # a large chart: read in a worker, the window answering
                if self.opening is None:
                    self.opening = Opening(
                        self.host.parent,
                        Path(path),
                        lambda document: self._opened(document, path),
                        self._open_failed,
                        self._open_cancelled,
                    )
                    self.opening.start()
                return False
            QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
            try:
                shown = self.state.source
                self.session.open_file(Path(path))
                self.changed_before_edit = self.session.show_if_changed(shown)
            except (OSError, ValueError) as exc:
                self._open_failed(exc)
                return False
            finally:
                QApplication.restoreOverrideCursor()
        self.state.enter_mode(self.tool)
        self.show_form()
        if self.history_wanted:  # open when editing ended last
            self.show_history()
        self._problems_shown()
        if self.changed_before_edit:
            self.changed_before_edit = False
            self.say(
                _(
                    "{file} was changed by another program since it was opened: "
                    "the chart is shown and edited as the file is now "
                    "(Undo brings back the chart as it was shown)."
                ).format(file=file_isolate(Path(path).name))
            )
            return True
        self.say(
            _(
                "Edit mode: drag a vertex or the zone, double-click an edge to add a vertex, "
                "Delete removes the selected vertex, arrow keys nudge the zone."
            )
        )
        return True

    def _opened(self, document, path) -> None:
        """The chart read in the background (opening.py): edit mode begins on it, if the
        window still shows that chart."""
        self.opening = None
        then, self.after_opening = self.after_opening, None
        if self.state.source.path != path:
            self.actions_changed.emit()
            return
        self.session.start(document, Path(path))
        self.changed_before_edit = self.session.show_if_changed(self.state.source)
        self.set_editing(True)
        if then is not None and self.active:
            then()  # the action that asked for the mode carries on (it was lost: asked twice)

    def _open_failed(self, error: Exception) -> None:
        """Edit mode refused: said in the status bar and, whole (the bar cuts a long reason
        with its place), in a box that does not block."""
        from .. import dialogs

        self.opening = self.after_opening = None
        said = _("Could not read the chart: {error}").format(error=error)
        self.say(said)
        dialogs.warning(self.host.parent, _("Edit zones"), said, "edit-refused")
        self.actions_changed.emit()

    def _open_cancelled(self) -> None:
        self.opening = self.after_opening = None
        self.say(_("Edit mode not begun: opening the chart for editing was cancelled."))
        self.actions_changed.emit()

    def edit_document(
        self, document, path: Path | None, *, modified: bool, based_on: tuple | None = None
    ) -> bool:
        """Show `document` (a new chart, recovered work) in edit mode; its file is `path`;
        `based_on`: the file's stamp the work was based on, when another program changed the
        file since (Save asks before writing over it)."""
        if document.draft().atlas is None:
            self.say(_("This chart's views or sources are broken: fix them in the file first."))
            return False

        def shown() -> None:
            self.session.start(document, path, show=True, modified=modified)
            if based_on is not None and self.session.saved_path == path:
                self.session.on_disk = based_on  # the file is not what this work was based on
            if not self.active:
                self.set_editing(True)

        # another chart: through the state's one way to it (a quiz round is asked to end first)
        return self.state.change_chart(shown) and self.active

    def adopt(self, other: EditMode) -> None:
        """A language switch: this new window goes on with the other's work and its history
        (every change undoable on its own, named in the new language; the saved one still
        the saved one, unsaved changes unsaved)."""
        document, path = other.session.document, other.session.saved_path
        if document is None:
            return
        # checked anew: the check kept with the document was worded in the old language (the
        # map's marks stayed English in the German window, beside new German ones)
        document = replace(document, checked=[], basis=())
        problems_shown = other.problems_dock is not None and not other.problems_dock.isHidden()
        history = other.history_dock
        self.history_wanted = other.history_wanted or (history is not None and not history.isHidden())
        modified = other.session.modified
        if other.active:
            self.edit_document(document, path, modified=modified)
        else:
            self.session.start(document, path, show=True, modified=modified)
        handed = other.session.take_history()  # nothing is left to ask about in the old window
        if self.session.document is not None:
            self.session.restore(handed)
        if problems_shown:  # the Chart problems panel goes on too (it was gone)
            self.show_problems()

    def _chart_changed(self) -> None:
        """Another chart is shown (opened, reloaded): its own file is edited from now on."""
        if self.session.showing:
            return
        if self.session.document is not None and self.state.source.path == self._editing_path():
            return
        if self.opening is not None:  # the chart being read for editing is no longer shown
            self.opening.cancel()
            self.after_opening = None
        self.session.close()
        if self.active:
            self.state.leave_mode(self.tool)
            self._enter()
            self.actions_changed.emit()  # Edit zones shows whether the mode runs

    def may_switch(self) -> bool:
        return self.saving.may_switch()

    def reload_chart(self) -> bool:
        """File → Reload of the chart whose file is edited here: the file read into the editor
        (one change on the history), said as what happened (read again unchanged, or changed
        by another program). Changes not saved are asked about as a reload, not as a save
        (Reload or Cancel: Undo brings them back). False when the window opens the chart
        afresh instead (not edited here, no file, or browsing with nothing unsaved)."""
        session = self.session
        if session.document is None or session.saved_path is None:
            return False
        if session.saved_path != self.state.source.path:
            return False
        if not self.active and not session.modified:
            return False
        if not self.saving.may_reload():
            return True  # cancelled: the chart stays as it is
        self.saving.reload_from_disk(asked=True)
        return True

    def may_close(self, close_again) -> bool:
        return self.saving.may_close(close_again)

    def may_quiz(self) -> bool:
        return self.saving.may_quiz()

    def _editing_path(self) -> Path | None:
        document = self.session.document
        return document.path if document is not None else None

    def _problems_shown(self) -> None:
        from .problems import warnings

        draft = self.session.draft
        checked, live = self.tool.problems_now()  # (what the marks show, a drag's live check too)
        count = len(checked) + len(live)
        if not self.active or draft is None:
            self.problems_label.hide()
            return
        if count:
            from itertools import chain, islice

            from ...content.markup import plain_tooltip
            from .problems import placed

            self.problems_label.setText(
                ngettext("⚠ {count} problem in the chart", "⚠ {count} problems in the chart", count).format(
                    count=count
                )
            )
            views = draft.atlas.views if draft.atlas is not None else ()
            listed = "\n".join(islice(chain(live, (placed(p, views, draft.atlas) for p in checked)), 20))
            self.problems_label.setToolTip(plain_tooltip(listed))  # (the ids are the chart's text)
        elif notes := warnings(self.session):  # as `reflexmap check` says it: passes, with warnings
            from ...content.markup import plain_tooltip
            from .problems import noted

            self.problems_label.setText(
                ngettext(
                    "✔ The chart passes the check, with {count} warning: click to see it",
                    "✔ The chart passes the check, with {count} warnings: click to see them",
                    len(notes),
                ).format(count=len(notes))
            )
            self.problems_label.setToolTip(plain_tooltip("\n".join(noted(n) for n in notes[:20])))
        else:
            self.problems_label.setText(_("✔ The chart passes the check"))
            self.problems_label.setToolTip("")
        self.problems_label.show()

    def say(self, message: str) -> None:
        self.host.say(message)

    # --- zones -------------------------------------------------------------------------
    def _editing(self, then: Callable[[], object] | None = None) -> bool:
        """Zone actions work in edit mode: entered first when needed. A large chart is read
        for editing in the background (False here): `then`, the action asking, is done when
        edit mode is on (S19-6: the dialog never opened, the action had to be asked again)."""
        if not self.active:
            self.set_editing(True)
            if not self.active and self.opening is not None and then is not None:
                self.after_opening = then
        return self.active

    def _selected(self) -> str:
        if not self.state.zone_id:
            self.say(_("Select a zone first."))
        return self.state.zone_id

    def can(self, action: str) -> bool:
        """Whether the Edit menu's zone change `action` ("duplicate", "delete", "mirror_zone",
        "break_mirror") can act now: in edit mode, on a selected zone of the chart edited."""
        draft = self.session.draft
        zone = self.state.zone_id
        if not self.active or not zone or draft is None or zone not in draft.shapes:
            return False
        if action == "mirror_zone":
            return self._mirror_source(zone)[0] is not None
        if action == "break_mirror":
            return bool(self._mirrored_views(zone))
        return True

    def _mirrored_views(self, zone: str) -> list[str]:
        """The views of this aspect where `zone` is written as "mirror", the foot clicked first."""
        views = [v.id for v in self.state.atlas.views_of(self.state.aspect)]
        views.sort(key=lambda v: v != self.state.view_id)
        return [v for v in views if self.session.written_shape(zone, v) == "mirror"]

    def _mirror_source(self, zone: str) -> tuple[str | None, str]:
        """The foot whose points Mirror to the other foot mirrors (the foot it was selected on
        first), or None and why not."""
        views = {v.id: v for v in self.state.atlas.views_of(self.state.aspect)}
        order = sorted(views, key=lambda v: v != self.state.view_id)  # the foot clicked first
        paired = {m.mirror_of for m in views.values()} | {v for v, m in views.items() if m.mirror_of}
        if any(self.session.written_shape(zone, v) == "mirror" for v in paired):
            return None, _("The other foot mirrors this zone already: editing one foot edits both.")
        source = next(
            (
                v
                for v in order
                if v in paired and isinstance(self.session.written_shape(zone, v), list | tuple)
            ),
            None,
        )
        if source is None:
            return None, _("This zone has no points of its own on a foot that the other foot mirrors.")
        return source, ""

    def draw_zone(self) -> None:
        if self._editing(self.draw_zone):
            self.tool.start_drawing()
            # the keys that close or drop the drawing reach the map wherever the focus was when
            # it began (a list or a form beside the map keeps its keys: tryout S22-8)
            self.host.focus_map()

    def duplicate_zone(self) -> None:
        from ...atlas.edits import DuplicateZone, copy_names
        from ...i18n import language as language_now

        if not self._editing(self.duplicate_zone) or not self._selected():
            return
        zone = self.state.zone_id
        taken = set(self.session.draft.shapes) if self.session.draft else set()
        written = self.session.written_id(zone)  # (a repeated id's zone, shown as "heel#2")
        new_id = next(
            i
            for i in (f"{written}-copy", *(f"{written}-copy-{n}" for n in range(2, 10_000)))
            if i not in taken
        )
        atlas = (
            self.session.draft.atlas if self.session.draft and self.session.draft.atlas else self.state.atlas
        )
        names = ()
        if atlas.has_zone(zone):  # a copy has a name of its own, as it has an id of its own
            taken: dict[str | None, set[str]] = {None: {z.name for z in atlas.zones}}
            for other in atlas.zones:
                for language, texts in other.translations.items():
                    taken.setdefault(language, set()).add(texts.get("name"))
            names = copy_names(atlas.zone(zone), taken, language_now())
        copy = DuplicateZone(zone, new_id[:64], 3.0, -3.0, names)
        if self.session.apply(copy, lambda: _("Duplicate zone")):
            self.state.select(new_id[:64], self.state.view_id)

    def delete_zone(self) -> None:
        from ...atlas.edits import DeleteZone

        if self._editing(self.delete_zone) and self._selected():
            self.session.apply(DeleteZone(self.state.zone_id), lambda: _("Delete zone"))

    def break_mirror(self) -> None:
        """Edit → Break mirror: the selected zone's mirrored foot gets points of its own."""
        from ...atlas.edits import BreakMirror

        if not self._editing(self.break_mirror) or not self._selected():
            return
        mirrored = self._mirrored_views(self.state.zone_id)
        if not mirrored:
            self.say(_("This zone is not mirrored in this view."))
            return
        if self.session.apply(BreakMirror(self.state.zone_id, mirrored[0]), lambda: _("Break mirror")):
            self.say(_("The two feet of this zone are now edited apart."))

    def mirror_zone(self) -> None:
        """Edit → Mirror to the other foot: the selected zone's points on the foot it was
        selected on (or else on the foot that has points) are mirrored onto the other foot,
        and the two feet follow each other from then on, whichever foot it was drawn on."""
        from ...atlas.edits import MirrorZone

        if not self._editing(self.mirror_zone) or not self._selected():
            return
        zone = self.state.zone_id
        source, why_not = self._mirror_source(zone)
        if source is None:
            self.say(why_not)
            return
        if self.session.apply(MirrorZone(zone, source), lambda: _("Mirror to the other foot")):
            self.say(_("The other foot now mirrors this zone: editing one foot edits both."))

    def docks(self) -> tuple[QDockWidget, ...]:
        """The editor's docks built so far (the zone-texts form, the history): a quiz round
        hides them with the zone card, whose texts they show."""
        return tuple(d for d in (self.form_dock, self.history_dock, self.problems_dock) if d is not None)

    def chart_properties(self, back=None):
        """Edit → Chart properties…: title, tradition, description, their translations and
        the sources; OK makes what changed one undoable change. (`back`: the window as it
        was before a large chart was read for it, put back by Cancel.)"""
        from .chart_form import ChartPropertiesDialog

        back = back or self._way_back()
        if not self._editing(lambda: self.chart_properties(back)):
            return None
        draft = self.session.draft
        if draft is None or draft.atlas is None:
            self.say(_("This chart's views or sources are broken: fix them in the file first."))
            return None
        dialog = ChartPropertiesDialog(draft.atlas, self.host.parent, submit=self._chart_properties)
        dialog.finished.connect(lambda _result: dialog.deleteLater())
        if back is not None:  # opened outside edit mode: Cancel leaves the window as it was
            dialog.finished.connect(lambda result: result == QDialog.DialogCode.Accepted or back())
        dialog.open()
        return dialog

    def _way_back(self):
        """Outside edit mode, a call that puts the window back as it is now (browsing, the
        zone-texts form as it is, the status message) after a dialog that entered the mode
        for itself was cancelled; None in edit mode. (Cancel left the mode on, a greyed form
        in front of the zone card for the rest of the session.)"""
        if self.active:
            return None
        form = self.form_dock
        shown = form is not None and not form.isHidden()
        in_front = shown and form.isVisible()  # tabbed behind the zone card: not visible
        message_back = self.host.keep_status()

        def back() -> None:
            if not self.active:
                return
            self.state.leave_mode(self.tool)
            if self.form_dock is not None and not shown:
                self.form_dock.hide()
            if not in_front:
                self.host.raise_card()
            message_back()
            self.actions_changed.emit()  # Edit zones unticked

        return back

    def _first_source(self) -> bool:
        """A zone closed on a chart with no source yet (a new chart): Chart properties opens
        with a source added, its title empty to type; OK draws the zone naming it,
        Cancel keeps the drawing (Enter closes it again). True if the dialog is shown."""
        shown = self._first_source_dialog
        if shown is not None and shown.isVisible():  # (Enter again while it is open)
            shown.activateWindow()
            return True
        dialog = self.chart_properties()
        if dialog is None:
            return False
        self._first_source_dialog = dialog
        dialog.sources.add()
        title = dialog.sources.fields[("title", None)]
        title.clear()  # typed by the author: OK says "needs a title" until it is (no stand-in title)
        title.textEdited.emit("")
        title.setFocus()
        dialog.show_field(title)  # below the chart's texts: scrolled to (S19-1)

        def closed(result: int) -> None:
            self._first_source_dialog = None
            if self.tool.drawing is None:
                return
            if result == QDialog.DialogCode.Accepted and self.session.draft.atlas.sources:
                self.tool.finish_drawing(tuple(self.session.draft.atlas.sources))  # the one typed for it
            else:
                self.say(
                    _("The zone waits for a source: add one in Edit → Chart properties…, then press Enter.")
                )

        dialog.finished.connect(closed)
        return True

    def _chart_properties(self, changes, sources) -> str | None:
        """The dialog's OK: its texts and sources as one change; the reason if it cannot be."""
        from ...atlas.edits import EditRefused, SetChartText, SetZoneNames

        edits: list = [SetZoneNames(value) for name, value, _l in changes if name == "zone_names"]
        changes = [c for c in changes if c[0] != "zone_names"]
        needed = [name for name, value, language in changes if value is None and not language]
        if any(name != "description" for name in needed):
            self.say(_("A chart needs a title and a tradition."))
            changes = [c for c in changes if not (c[1] is None and not c[2] and c[0] != "description")]
        edits += [SetChartText(name, value, language) for name, value, language in changes]
        if sources is not None:
            edits.insert(0, sources)
        if not edits:
            return None
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)  # a large chart takes a moment
        try:
            self.session.make(edits, lambda: _("Chart properties"))
        except EditRefused as exc:
            return str(exc)
        finally:
            QApplication.restoreOverrideCursor()
        return None

    def show_form(self) -> None:
        """Edit → Zone texts: the form beside the map (shown whenever edit mode starts)."""
        from PySide6.QtWidgets import QDockWidget

        from .form import ZoneForm

        if self._in_round():
            return
        if not self.active:  # the form edits the chart: edit mode begins with it (and shows it)
            self.set_editing(True)
            return
        if self.form_dock is None:
            self.form = ZoneForm(self.state, self.session, self.say, editing=lambda: self.active)
            FieldUndo(self).watch((*self.form.fields.values(), self.form.zone_id))
            # a text change refused (a file ruamel.yaml cannot read): the field shows the chart's text again
            self.session.refused.connect(lambda _why: self.form.refill())
            dock = QDockWidget(_("Zone texts"), self.host.parent)
            dock.setObjectName("dock-zone-texts")
            dock.setWidget(self.form)
            self.host.add_dock(dock, BESIDE_CARD)
            self.form_dock = dock
        else:
            self.form.refill()  # on again: it was off while browsing
        self.form_dock.show()
        self.form_dock.raise_()

    def show_problems(self) -> None:
        """The chart's problems listed beside the map (a chart opened to fix them shows it)."""
        from PySide6.QtWidgets import QDockWidget

        from .problems import ProblemList

        if self.problems_dock is None:
            dock = QDockWidget(_("Chart problems"), self.host.parent)
            dock.setObjectName("dock-chart-problems")
            dock.setWidget(ProblemList(self.state, self.session, self.chart_properties))
            self.host.add_dock(dock, LEFT)
            self.problems_dock = dock
        self.problems_dock.show()
        self.problems_dock.raise_()

    def show_history(self) -> None:
        """Edit → History: the list of changes; clicking one goes back (or forward) to it.
        It belongs to edit mode (begun with it, here), as Undo does: it closes when editing
        ends and comes back when editing begins again if it was open then."""
        from PySide6.QtWidgets import QDockWidget

        from .history_view import history_view

        if self._in_round():
            return
        if not self.active:
            self.history_wanted = True  # shown as edit mode begins (_enter), if it does
            self.set_editing(True)
            return
        if self.history_dock is None:
            view = history_view(self.session.stack, _("<chart as opened>"))  # entries wrap
            dock = QDockWidget(_("History"), self.host.parent)
            dock.setObjectName("dock-history")
            dock.setWidget(view)
            self.host.add_dock(dock, LEFT)
            self.history_dock = dock
        self.history_dock.show()
        self.history_dock.raise_()
