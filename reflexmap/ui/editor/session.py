"""The chart being edited: a ChartDocument (the Qt-free core), its undo stack, and what
`reflexmap check` says about it after every change.

Every change is one of the core's invertible edits (reflexmap.atlas.edits). The core makes
the new document from the old one, and its inverse gives back the old one byte for byte;
so a command keeps both documents and undo shows the old one again at once, instead of
parsing the chart a second time. An edit of points (a drag, a nudge) is written into the
text in place (see edits._PointsEdit); other edits take a round trip through ruamel.yaml.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from ...i18n import _, bidi_isolate

if TYPE_CHECKING:
    from ...atlas.document import ChartDocument, Draft
    from ...atlas.edits import Edit, Seen
    from ..state import AppState


Words = Callable[[], str]  # a change's name, worded in the language of the moment


@dataclass(frozen=True)
class StepName:
    """What a change on the history is called, worded again after a language switch:
    `words` says it in the current language (`lambda: _("Move vertex")`), `zone` is the
    name (chart text, as shown when the change was made) of the zone it changes, if one."""

    words: Words
    zone: str | None = None
    renamed_to: str | None = None  # a rename: `zone` is the id before, this the id after
    # the zone's name in each language the chart gave it then ("": its own, untranslated):
    # after a language switch the step says the name in the new language (before, the name
    # stayed in the language the change was made in, inside re-worded step texts)
    names: tuple[tuple[str, str], ...] = ()

    def text(self) -> str:
        if self.zone is None:
            return self.words()
        if self.renamed_to is not None:
            return _("{change}: {old} → {new}").format(
                change=self.words(), old=bidi_isolate(self.zone), new=bidi_isolate(self.renamed_to)
            )
        return _("{change}: {zone}").format(change=self.words(), zone=bidi_isolate(self.zone_name()))

    def zone_name(self) -> str:
        """The zone's name in the language of the moment, as the chart had it at the change."""
        from ...i18n import language

        names = dict(self.names)
        return names.get(language(), names.get("", self.zone or ""))


def zone_names(own: object, translations: object) -> tuple[tuple[str, str], ...]:
    """A zone's names by language for StepName.names: `own` its name as written, and its
    `translations` ({language: {"name": …}}, as a zone or a zone's raw mapping has them)."""
    names = [("", own)] if isinstance(own, str) else []
    if isinstance(translations, dict):
        for code, texts in translations.items():
            name = texts.get("name") if isinstance(texts, dict) else None
            if isinstance(code, str) and isinstance(name, str):
                names.append((code, name))
    return tuple(names)


def step_name(text: str | Words | StepName) -> StepName:
    """(a plain string stays as it is in every language: callers pass a callable)"""
    if isinstance(text, StepName):
        return text
    return StepName(text if callable(text) else (lambda: text))


@dataclass(frozen=True)
class History:
    """A session's undo history handed to another (a language switch): every change, the
    one shown (index), the saved one (clean; -1: none is), and what saving needs to know."""

    # (before, after, name, renames, seen, selected): see EditCommand
    steps: tuple[tuple[ChartDocument, ChartDocument, StepName, tuple[tuple[str, str], ...], Seen, tuple], ...]
    index: int
    clean: int
    unsaved_start: bool
    renamed: dict[str, str]
    saved_ids: frozenset[str]
    saved_own: tuple[str, str] = ("", "")


class EditCommand(QUndoCommand):
    """One change on the undo stack: the documents before and after it. `seen`: the zone it
    changes (edits.Seen), selected when it is undone or redone; `selected`: (zone, view)
    selected when it was made, selected again when undoing takes away the zone it made."""

    def __init__(
        self,
        session: EditSession,
        before: ChartDocument,
        after: ChartDocument,
        text: str | Words | StepName,
        renames: tuple[tuple[str, str], ...] = (),
        seen: Seen | None = None,
        selected: tuple[str, str] = ("", ""),
    ):
        self.name = step_name(text)
        super().__init__(self.name.text())
        self.session, self.before, self.after = session, before, after
        self.renames = renames  # (old id, new id) of the zones this change renames
        if seen is None:
            from ...atlas.edits import Seen

            seen = Seen()
        self.seen = seen
        self.selected = selected
        self.made = False  # redone once: pushed (the one who made it selects as it wants)

    def redo(self) -> None:
        if self.session.restoring:
            self.made = True
            return
        self.session.renamed_zones(self.renames)
        self.session.show(self.after, follow=self.renames)
        if self.made:
            self.session.select_seen(self.seen.after, self.seen.view)
        self.made = True

    def undo(self) -> None:
        if self.session.restoring:
            return
        back = tuple((new, old) for old, new in reversed(self.renames))
        self.session.renamed_zones(back)
        self.session.show(self.before, follow=back)
        if self.seen.before:
            self.session.select_seen(self.seen.before, self.seen.view)
        elif self.seen.after:  # the zone it made is gone: the selection goes back to before
            self.session.select_seen(*self.selected)


class _Shown(EditCommand):
    """A change whose document is already shown when it is pushed (recovered work)."""

    def __init__(self, *args):
        super().__init__(*args)
        self.pushed = False

    def redo(self) -> None:
        if self.pushed:
            super().redo()
        self.pushed = True


def _on_disk(path: Path | None) -> ChartDocument | None:
    """The chart file at `path` as it is now; None when there is none to go back to."""
    from ...atlas.document import read_document

    if path is None:
        return None
    try:
        return read_document(path)
    except (OSError, ValueError):
        return None


def disk_stamp(path: Path | None, known: tuple | None = None) -> tuple | None:
    """(mtime ns, size, SHA-256) of the file at `path` as it is now; None when there is no
    file to read. Given the stamp `known` from before, a file whose time and size are unchanged
    is not read again (its hash is taken to be the same)."""
    import hashlib
    import os

    from ...atlas.loader import read_bytes

    if path is None:
        return None
    try:
        info = os.stat(path)
    except OSError:
        return None
    if known is not None and known[:2] == (info.st_mtime_ns, info.st_size):
        return known
    raw = read_bytes(path)
    if not isinstance(raw, bytes):
        return None
    return (info.st_mtime_ns, info.st_size, hashlib.sha256(raw).hexdigest())


class EditSession(QObject):
    """Holds the document shown while editing and the undo stack of changes to it."""

    changed = Signal()  # the document shown changed (an edit, undo or redo)
    refused = Signal(str)  # an edit could not be made: why, for a person

    def __init__(self, state: AppState, parent: QObject | None = None):
        super().__init__(parent)
        self.state = state
        self.stack = QUndoStack(self)
        self.document: ChartDocument | None = None
        self.draft: Draft | None = None
        self.saved_path: Path | None = None  # where Save writes; None: ask (a new chart)
        self.unsaved_start = False  # began with work not in the file (new chart, recovered)
        self.showing = False  # the window's chart is being replaced by this session
        self.restoring = False  # a history handed over is being put on the stack (nothing shown)
        # zone id now -> its id in the file as last opened or saved (renames, undone or not)
        self.renamed: dict[str, str] = {}
        self.saved_ids: frozenset[str] = frozenset()  # the zones of the file as last opened or saved
        # the chart id and leading comments of the file as last opened or saved (own_marks)
        self.saved_own: tuple[str, str] = ("", "")
        # the file as this session last read or wrote it (disk_stamp): another program's
        # change since is found before Save writes over it
        self.on_disk: tuple | None = None

    @property
    def modified(self) -> bool:
        return self.document is not None and (not self.stack.isClean() or self.unsaved_start)

    def open_file(self, path: Path) -> None:
        """Start editing the chart file at `path` (raises OSError, ValueError), prepared for
        the first edit and its modules imported, as the worker reads a large chart
        (opening.read_checked): the first drop costs what later drops cost."""
        from ...atlas import edits, recheck, ring_text  # noqa: F401 (taken by the first edit)
        from ...atlas.document import read_document
        from ...atlas.local_edit import prepare

        document = read_document(path)
        prepare(document)
        self.start(document, path)

    def start(
        self, document: ChartDocument, path: Path | None, *, show: bool = False, modified: bool = False
    ) -> None:
        """Edit `document` (saved to `path`), with an empty history. `show`: the window
        shows another chart now (new chart, recovered work), drawn afresh; `modified`: the
        document is not what the file holds."""
        self.stack.clear()
        self.saved_path = path
        self.on_disk = disk_stamp(path)
        on_disk = _on_disk(path) if modified else None
        if on_disk is not None and on_disk.text == document.text:
            on_disk, modified = None, False  # the file already holds this work
        self.unsaved_start = modified and on_disk is None
        self.renamed = {}
        self.saved_ids = _zone_ids(on_disk or document) if on_disk or not modified else frozenset()
        self.saved_own = own_marks(on_disk or document) if on_disk or not modified else ("", "")
        if show:
            self.show(document, fresh=True)
        else:
            self.document, self.draft = document, document.draft()
            self.changed.emit()
        self.stack.setClean()
        if on_disk is not None:  # the work not in the file is one change: Undo gives the file back
            from ...i18n import _

            self.stack.push(_Shown(self, on_disk, document, lambda: _("Unsaved work recovered")))

    def show_if_changed(self, shown) -> bool:
        """Whether the file just read for editing holds another chart than `shown`, the
        window's chart as opened (another program changed the file since): if so, the file's
        chart is shown, so the map, labels and Zones list draw what is edited (tryout S22-2: a
        zone cut from the file stayed drawn and selectable, a ghost the editor did not have)."""
        if self.document is None or self.draft is None:
            return False
        was = self._as_shown(shown)
        if was is not None:  # the chart as shown: what Undo goes back to
            now = self.document
            if (was.text, was.bom, was.crlf) == (now.text, now.bom, now.crlf):
                return False
            on_disk = self.document
            self.start(was, self.saved_path)
            self.reloaded(on_disk, lambda: _("Reloaded from disk"))
            return True
        if self.draft.atlas == shown:
            return False
        self.show(self.document)
        return True

    def _as_shown(self, shown) -> ChartDocument | None:
        """The document of the chart `shown` as it was read from its file (Atlas.read_from),
        when that is not what the file holds now; None when unknown (or unchanged)."""
        import hashlib

        from ...atlas.document import document_of_bytes

        raw = getattr(shown, "read_from", b"")
        if not raw or self.saved_path is None or shown.path != self.saved_path:
            return None
        if self.on_disk is not None and hashlib.sha256(raw).hexdigest() == self.on_disk[2]:
            return None  # the file holds what was shown
        try:
            return document_of_bytes(raw, self.saved_path)
        except ValueError:
            return None

    def close(self) -> None:
        self.stack.clear()
        self.renamed, self.saved_ids, self.saved_own = {}, frozenset(), ("", "")
        self.document = self.draft = None
        self.saved_path = None
        self.on_disk = None
        self.unsaved_start = False

    def discard(self) -> None:
        """Forget the changes (the window is closing, or shows another chart)."""
        self.close()

    def changed_on_disk(self, read_again: bool = False) -> tuple | None:
        """The file's stamp when another program changed it since this session last read or
        wrote it (None: unchanged, or no file, or it is gone). `read_again` (before a save
        writes over it): the file is read and hashed even when its time and size are unchanged
        (a program that keeps the time, `cp -p`, `rsync -t`, or a coarse clock, writes the same
        size unseen otherwise)."""
        if self.document is None or self.saved_path is None or self.on_disk is None:
            return None
        now = disk_stamp(self.saved_path, None if read_again else self.on_disk)
        if now is None or now[2] == self.on_disk[2]:
            if now is not None:
                self.on_disk = now  # touched, not changed
            return None
        return now

    def take_history(self) -> History:
        """Every change of this session's history, for another session to go on with
        (`restore`), in the order made; this session is left with none (closed)."""
        stack = self.stack
        steps = []
        for i in range(stack.count()):
            command = stack.command(i)
            assert isinstance(command, EditCommand)
            steps.append(
                (command.before, command.after, command.name, command.renames, command.seen, command.selected)
            )
        index, clean = stack.index(), stack.cleanIndex()
        saved = (dict(self.renamed), self.saved_ids, self.saved_own)
        history = History(tuple(steps), index, clean, self.unsaved_start, *saved)
        self.close()
        return history

    def restore(self, history: History) -> None:
        """Go on with the changes of another session (`take_history`): each one undoable and
        redoable on its own as before, named in the language of now, the saved one still the
        saved one. The document shown (`start`, with the other's document) stays shown; the
        documents of the history are checked again when shown (their check was worded in the
        other language)."""
        fresh: dict[int, ChartDocument] = {}  # id of a document of the history: it checked anew
        if history.steps and self.document is not None:  # the one shown is the one started with
            shown = history.steps[history.index - 1][1] if history.index else history.steps[0][0]
            fresh[id(shown)] = self.document

        def anew(document: ChartDocument) -> ChartDocument:
            if id(document) not in fresh:
                fresh[id(document)] = replace(document, checked=[], basis=())
            return fresh[id(document)]

        self.restoring = True
        try:
            self.stack.clear()
            for before, after, name, renames, seen, selected in history.steps:
                self.stack.push(EditCommand(self, anew(before), anew(after), name, renames, seen, selected))
            if history.clean >= 0:
                self.stack.setIndex(history.clean)
                self.stack.setClean()
            else:
                self.stack.resetClean()
            self.stack.setIndex(history.index)
        finally:
            self.restoring = False
        self.unsaved_start = history.unsaved_start
        self.renamed, self.saved_ids = history.renamed, history.saved_ids
        self.saved_own = history.saved_own
        self.changed.emit()

    def reloaded(self, document: ChartDocument, text: str | Words) -> None:
        """`document` (the file as another program left it) shown instead of the one edited,
        as one change named `text` on the history: the file's state is the saved one (the
        history before it stays, so Undo gives back the chart as it was here: a reload never
        takes away the person's way back)."""
        assert self.document is not None
        self.on_disk = disk_stamp(self.saved_path)
        self.unsaved_start = False
        self.renamed, self.saved_ids = {}, _zone_ids(document)
        self.saved_own = own_marks(document)
        if document.text != self.document.text:  # (the same text: nothing to show or undo)
            self.stack.push(EditCommand(self, self.document, document, text))
        self.stack.setClean()

    def renamed_zones(self, pairs: tuple[tuple[str, str], ...]) -> None:
        """Zones took new ids (a rename made, undone or redone): remember what each was
        called in the file, so that saving can say which zones were renamed."""
        for old, new in pairs:
            self.renamed[new] = self.renamed.pop(old, old)

    def recovered_renames(self, in_file: ChartDocument, renames: dict[str, str]) -> None:
        """The work shown was recovered from an autosave made with `renames` ({id in the
        file: id now}) not yet saved: saving it says them, as if they were made here, for the
        zones the file (`in_file`, as it is now) still has under their old ids."""
        self.saved_ids = _zone_ids(in_file)
        self.renamed = {new: old for old, new in renames.items() if old != new}

    def renames_to_save(self) -> dict[str, str]:
        """{id in the file as last saved: id now} of the zones renamed since (a rename undone,
        or renamed back, is none; a chain is one)."""
        now = _zone_ids(self.document) if self.document is not None else frozenset()
        return {
            was: zone
            for zone, was in self.renamed.items()
            if was != zone and zone in now and was in self.saved_ids and was not in now
        }

    def took(self, after: ChartDocument, text: str | Words) -> None:
        """`after`, made from the document shown (and just written to its file), shown
        instead as one undoable change named `text`."""
        if self.document is not None and after.text != self.document.text:
            self.stack.push(EditCommand(self, self.document, after, text))

    def saved_as(self, path: Path) -> None:
        """The document was written to `path`: that is its file from now on."""
        self.renamed = {}
        self.saved_ids = _zone_ids(self.document) if self.document is not None else frozenset()
        self.saved_own = own_marks(self.document) if self.document is not None else ("", "")
        moved = path != self.saved_path
        self.saved_path = path
        self.on_disk = disk_stamp(path)
        self.unsaved_start = False
        self.stack.setClean()
        if moved and self.document is not None:
            self.show(self.document)  # the chart shown now comes from `path`
        self.changed.emit()

    def apply(self, edit: Edit, text: str | Words) -> bool:
        """Make `edit` an undoable change named `text` (`lambda: _("Move vertex")`: worded
        again after a language switch); False (and `refused`) if it cannot be."""
        from ...atlas.edits import EditRefused

        name = self._naming_zone(edit, text)
        try:
            made = self.make((edit,), name)
        except EditRefused as exc:
            self.refused.emit(str(exc))
            return False
        if made and name.zone is None:
            self._naming_new_zone(edit)
        return made

    def _naming_new_zone(self, edit: Edit) -> None:
        """A zone drawn (it had no name before the change): its change named with the name
        it has now, as the others are ("Draw zone: New zone 1"; before, only "Draw zone")."""
        raw = getattr(edit, "raw", None)
        zone_id = raw.get("id") if hasattr(raw, "get") else None
        atlas = self.state.atlas
        command = self.stack.command(self.stack.index() - 1)
        if isinstance(zone_id, str) and atlas.has_zone(zone_id) and isinstance(command, EditCommand):
            names = self._names_of(zone_id)
            command.name = StepName(command.name.words, atlas.zone(zone_id).name, names=names)
            command.setText(command.name.text())

    def _naming_zone(self, edit: Edit, text: str | Words) -> StepName:
        """The change's name with the zone it changes, as shown (its name isolated: it is
        chart text), so that Undo, Redo, their status words and the History say which zone
        ("Undone: Edit Name: ⁨Heel⁩"; before, only "Undone: Edit Name"). A rename says the
        id before and after ("Rename zone: ⁨heel⁩ → ⁨heel-pad⁩"), a drawn zone its name (before,
        "Draw zone" and "Rename zone: ⁨Heel⁩" alone: a History of three renames read alike)."""
        from ...atlas.edits import InsertZone, RenameZone

        name = step_name(text)
        if isinstance(edit, RenameZone):
            return StepName(name.words, self.written_id(edit.zone), edit.new_id)
        if (
            isinstance(edit, InsertZone)
            and isinstance(edit.raw, dict)
            and isinstance(edit.raw.get("name"), str)
        ):
            names = zone_names(edit.raw["name"], edit.raw.get("translations"))
            return StepName(name.words, edit.raw["name"], names=names)
        zone_id = getattr(edit, "zone", None)
        atlas = self.state.atlas
        if not isinstance(zone_id, str) or not atlas.has_zone(zone_id):
            return name
        return StepName(name.words, atlas.zone(zone_id).name, names=self._names_of(zone_id))

    def _names_of(self, zone_id: str) -> tuple[tuple[str, str], ...]:
        """The zone's names by language as the chart has them now (StepName.names)."""
        atlas = self.draft.atlas if self.draft is not None else None  # (as written: not localized)
        if atlas is None or not atlas.has_zone(zone_id):
            return ()
        zone = atlas.zone(zone_id)
        return zone_names(zone.name, zone.translations)

    def make(self, edits: tuple[Edit, ...] | list[Edit], text: str | Words | StepName) -> bool:
        """Make `edits`, in turn, one undoable change named `text` (a dialog's OK): True if
        the chart changed. Raises EditRefused (the core's reason) when one of them cannot be
        made, and then none is."""
        from ...atlas.edits import RenameZone, seen_in

        assert self.document is not None
        after = self.document
        for edit in edits:
            after = edit.apply(after, check=False).document
        if after.text == self.document.text:
            return False
        renames = tuple((e.zone, e.new_id) for e in edits if isinstance(e, RenameZone) and e.zone != e.new_id)
        selected = (self.state.zone_id, self.state.view_id)
        self.stack.push(EditCommand(self, self.document, after, text, renames, seen_in(edits), selected))
        return True

    def select_seen(self, zone_id: str, view_id: str | None) -> None:
        """Select the zone a change undone or redone changed, so that the person sees it: in
        the view on screen that draws it, else in `view_id` (where it was changed), else in
        the first view that draws it (switching aspect if the one shown does not)."""
        state = self.state
        if not zone_id or not state.atlas.has_zone(zone_id):
            return
        zone = state.atlas.zone(zone_id)
        shown = [view.id for view in state.atlas.views_of(state.aspect) if zone.in_view(view.id)]
        if zone_id == state.zone_id and state.view_id in shown:
            return  # (selected again, it was announced again: the map scrolled it into view)
        for view in (state.view_id, view_id):
            if view and view in shown:
                state.select(zone_id, view)
                return
        state.show_zone(zone_id)

    def show(
        self, document: ChartDocument, *, fresh: bool = False, follow: tuple[tuple[str, str], ...] = ()
    ) -> None:
        """Make `document` the one shown, checked; the map redraws what still builds.
        `fresh`: another chart than before (the selection goes); `follow`: (old id, new id)
        of zones renamed by this change: the selected one stays selected under its new id
        (a rename undone or redone)."""
        selected, view = self.state.zone_id, self.state.view_id
        if document.path != self.saved_path:  # undo past a Save As: the file is the new one
            source = str(self.saved_path) if self.saved_path is not None else "<new chart>"
            document = document.at(self.saved_path, source)
        before = self.document
        self.document = document
        self.draft = document.draft()
        if self.draft.atlas is not None:
            from ...atlas.draft import refused, shown_atlas

            shown = shown_atlas(self.draft)  # zones with a problem stay listed, labelled, clickable
            self.showing = True
            try:
                refusals = refused(self.draft, shown)
                if fresh:
                    self.state.set_atlas(shown, refusals)
                else:
                    self.state.update_atlas(shown, _shapes_changed(before, document), refusals)
            finally:
                self.showing = False
            renamed = dict(follow).get(selected) if selected and not fresh else None
            if renamed and self.state.atlas.has_zone(renamed):
                self.state.select(renamed, view)
        self.changed.emit()

    def title(self) -> str:
        """The chart's title as the file has it now (also while the chart has errors), or ""."""
        from ...atlas.recheck_window import parsed_data

        if self.draft is not None and self.draft.atlas is not None:
            return self.draft.atlas.title
        parsed = parsed_data(self.document) if self.document is not None else None
        data = parsed[0] if parsed is not None else None
        title = data.get("title") if isinstance(data, dict) else None
        return title if isinstance(title, str) else ""

    def written_id(self, zone_id: str) -> str:
        """The id the zone shown as `zone_id` has in the file: a zone repeating an earlier
        zone's id is shown as "heel#2" (see atlas.draft.shown_ids), its id is "heel"."""
        from ...atlas.draft import written_id

        if self.document is None or zone_id in _zone_ids(self.document):
            return zone_id
        return written_id(zone_id)

    def written_shape(self, zone_id: str, view_id: str):
        """The zone's shape in `view_id` as the file has it now: rings of (x, y) mm, the
        string "mirror", or None."""
        if self.draft is None:
            return None
        return self.draft.shapes.get(zone_id, {}).get(view_id)


_IDS: list = [None, frozenset()]  # the document asked about last, and its zones' ids


def _zone_ids(document: ChartDocument) -> frozenset[str]:
    """The ids of the zones written in `document` (also of zones with errors). Asked on
    every move of a drag: worked out once per document (10,000 zones: 40 ms each time)."""
    from ...atlas.recheck_window import parsed_data

    if _IDS[0] is document:
        return _IDS[1]
    parsed = parsed_data(document)
    zones = parsed[0].get("zones") if parsed is not None and isinstance(parsed[0], dict) else None
    ids = frozenset(z["id"] for z in zones or () if isinstance(z, dict) and isinstance(z.get("id"), str))
    _IDS[:] = [document, ids]
    return ids


def chart_id_of(document: ChartDocument) -> str:
    """The chart id written in `document` ("" when it has none that is a string)."""
    from ...atlas.recheck_window import parsed_data

    parsed = parsed_data(document)
    chart_id = parsed[0].get("id") if parsed is not None and isinstance(parsed[0], dict) else None
    return chart_id if isinstance(chart_id, str) else ""


def own_marks(document: ChartDocument) -> tuple[str, str]:
    """What makes a chart file its own, which a copy changes (saving.Saving._own_copy): its
    chart id and its leading comments."""
    from ...atlas.copy_header import leading_comments

    return chart_id_of(document), leading_comments(document.text)


def _shapes_changed(before: ChartDocument | None, after: ChartDocument) -> tuple[str, ...]:
    """The zone whose points alone changed between two documents one edit apart (a drag,
    a nudge, or its undo), or () when more may have changed."""
    for new, old in ((after, before), (before, after)):
        basis = new.basis[0] if new is not None and new.basis else None
        # recheck.Basis (points written in place), or recheck_window.Window of a drag
        index = getattr(basis, "index", getattr(basis, "points_of", None))
        if index is None or basis.before is not old or not old.parsed:
            continue
        zones = old.parsed[0][0].get("zones") if isinstance(old.parsed[0][0], dict) else None
        if isinstance(zones, list) and 0 <= index < len(zones) and isinstance(zones[index], dict):
            zone_id = zones[index].get("id")
            return (zone_id,) if isinstance(zone_id, str) else ()
    return ()
