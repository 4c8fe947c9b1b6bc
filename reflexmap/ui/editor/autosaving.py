"""The autosave of the chart being edited, and its offer at the next start (Saving, in
saving.py, is an Autosaving).

The autosave of a chart file lies beside it (`.<name>.autosave`); of a new chart or a built-in
one, in the data folder. An index in the data folder lists every autosave, so the next start
finds them wherever they are.
"""

from __future__ import annotations

import errno
import hashlib
import json
import os
import time
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QMessageBox

from ...i18n import _, file_isolate, ngettext
from ...storage import atomic_path, error_text, read_regular, write_checked
from .autosaves import autosave_folder, hold, in_use, index_locked, offered, read_index, release

if TYPE_CHECKING:
    from .host import EditorHost
    from .mode import EditMode
    from .session import EditSession

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


def window_path(chart: Path | None) -> Path:
    """Where this window autosaves the work on `chart` when another window, open now, keeps
    its own work on that chart at the usual places (S22-1b: two windows editing one file wrote
    one autosave, and one's save deleted the other's crash protection)."""
    first = autosave_paths(chart)[-1]
    key, name = first.name.split("-", 1)
    return first.with_name(f"{key}-w{os.getpid()}-{name}")


def others_work(mine: frozenset[Path] | set[Path], said: list[str] | None = None) -> set[Path]:
    """The autosaves listed and there that are not this window's (`mine`: those it wrote or
    recovered): another window's work, open now or left by a crash and not yet offered back
    (`said`: as read_index's)."""
    return {Path(e["autosave"]) for e in read_index(said) if Path(e["autosave"]).is_file()} - set(mine)


def free_paths(
    chart: Path | None, mine: frozenset[Path] | set[Path] = frozenset(), said: list[str] | None = None
) -> tuple[Path, ...]:
    """Where this window may autosave the work on `chart`, in turn: the usual places no other
    window keeps its work at (a live one's, or a crashed one's not yet offered back: S23-8, it
    was written over), else a place of this window's own."""
    others = others_work(mine, said)
    return tuple(p for p in autosave_paths(chart) if not in_use(p) and p not in others) or (
        window_path(chart),
    )


def forget_autosaves(
    chart: Path | None, mine: frozenset[Path] | set[Path], said: list[str] | None = None
) -> None:
    """This window's work on `chart` was saved or discarded: its autosave (`mine`: those it
    wrote or recovered) is not offered again; another window's stays, open now or left by a
    crash (tryout S23-8: two windows crashed with unsaved work on one file, the one recovered
    and saved, and that save deleted the other's work unoffered). `said`: as read_index's."""
    listed = [Path(e["autosave"]) for e in read_index(said) if e["chart"] == (str(chart) if chart else None)]
    others = others_work(mine, said)
    for path in dict.fromkeys([*autosave_paths(chart), window_path(chart), *listed]):
        if path in others:
            continue
        try:
            forget_autosave(path, said)
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


def forget_autosave(autosave: Path, said: list[str] | None = None) -> None:
    """The work kept at `autosave` is not offered again, and the file goes; unless another
    window, open now, edits that work (it keeps its own autosave: S22-1). `said`: as
    read_index's."""
    if in_use(autosave):
        return
    release(autosave)
    autosave.unlink(missing_ok=True)
    with index_locked():
        entries = read_index(said)
        kept = [e for e in entries if Path(e["autosave"]) != autosave]
        if kept != entries:
            try:
                _write_index(kept)
            except OSError:
                pass


class Autosaving:
    """The autosave: every AUTOSAVE_MS, and after AUTOSAVE_EVERY changes; and the work it
    kept offered back at the next start (Saving holds `mode`, `host` and `session`)."""

    mode: EditMode
    host: EditorHost
    session: EditSession

    def _start_autosave(self) -> None:
        """The autosave's state and its timer (Saving.__init__ calls it)."""
        self._autosaved_text = ""
        self._changes = 0
        self._mine: set[Path] = set()  # the autosaves this window wrote or recovered
        self._later: set[Path] = set()  # autosaves offered and answered "Later": not again now
        self._offer_after = False  # more work kept: offered once the recovered work is saved
        self._saved_here: set[Path] = set()  # charts this window saved recovered work into
        self._told_no_autosave = False
        self._told_elsewhere: Path | None = None  # the fallback autosave said (once)
        self.timer = QTimer(self)
        self.timer.setInterval(AUTOSAVE_MS)
        self.timer.timeout.connect(self.autosave)
        self.timer.start()
        self.session.stack.indexChanged.connect(self._counted)

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
        said: list[str] = []  # a damaged index found on the way: set aside, said below
        targets = free_paths(session.saved_path, self._mine, said)
        if data.decode("utf-8") == self._autosaved_text and self._still_kept(targets, said):
            self._index_set_aside(said)
            return None
        try:
            target, refused = _write_first(targets, data)
            if target is None:
                self._no_autosave()
                self._index_set_aside(said)
                return None
            hold(target)
            self._mine.add(target)
            with index_locked():
                self._list(session, targets, target, said)
        except OSError:  # the index in the data folder: the next start would not find it
            self._no_autosave()
            self._index_set_aside(said)
            return None
        self._index_set_aside(said)  # (after this work is listed in the new index)
        for other in targets:  # an older autosave elsewhere is not offered instead of this one
            if other != target:
                release(other)
                try:
                    other.unlink(missing_ok=True)
                except OSError:
                    pass
        self._autosaved_text = data.decode("utf-8")
        self._told_no_autosave = False
        chart = session.saved_path
        usual = autosave_paths(chart)
        if len(usual) > 1 and target == usual[0]:
            self._told_elsewhere = None  # (beside the file again: a later fallback is said again)
        elif (
            chart is not None and not is_builtin(chart) and (len(usual) == 1 or usual[0] in targets)
        ):  # refused beside the file, or not tried (not: another window keeps its work there)
            self._autosaved_elsewhere(chart, target, refused or _unwritable(chart.parent))
        return target

    @staticmethod
    def _list(session: EditSession, targets: tuple[Path, ...], target: Path, said: list[str]) -> None:
        """The index lists `target` as the autosave of the session's chart (and no other);
        a damaged index is set aside first, and said in `said`."""
        entries = [e for e in read_index(said) if Path(e["autosave"]) not in targets]
        chart = str(session.saved_path) if session.saved_path is not None else None
        entry = {"autosave": str(target), "chart": chart, "time": time.time()}
        if session.on_disk is not None:  # the file this work is based on: the next start
            # says when another program changed it since (S21-7)
            entry["base"] = list(session.on_disk)
        renames = session.renames_to_save()
        if renames:  # {id in the file: id now}: saving the recovered work moves progress too
            entry["renames"] = renames
        _write_index([*entries, entry])

    @staticmethod
    def _still_kept(targets: tuple[Path, ...], said: list[str]) -> bool:
        """The autosave written last is still there and listed: a file deleted by a person, or
        an index written over by an older ReflexMap, is written again at the next tick (a
        damaged one set aside first, and said in `said`)."""
        listed = {Path(e["autosave"]) for e in read_index(said)}
        return any(t in listed and t.is_file() for t in targets)

    def _index_set_aside(self, said: list[str], editing: bool = True) -> None:
        """The index of autosaves was found damaged while autosaving (another program wrote
        it, a disk error) and set aside: said as a start says it (its file:line:column, where
        it was kept), once for each time it was found so, in a box that does not block and
        in the status bar. This work's autosave is listed in the new index, and offered back.
        Not `editing`: found so as the work was saved or discarded (nothing of it to keep)."""
        from .. import dialogs

        if not said:
            return
        if not editing:  # (the status bar says "Saved …" then: the box says it)
            dialogs.warning(self.host.parent, _("Unsaved work"), "\n\n".join(said), "autosave-index-damaged")
            return
        self.mode.say(
            _("The list of unsaved work was damaged and was set aside; this work's autosave is kept.")
        )
        kept = _("The autosave of the work you are editing now is kept, and listed in a new list.")
        text = "\n\n".join([*said, kept])
        dialogs.warning(self.host.parent, _("Unsaved work"), text, "autosave-index-damaged")

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
            file=file_isolate(chart.name),
            reason=write_failure(refused),
            folder=file_isolate(target.parent),
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
        """At start: work autosaved and never saved is offered back, the latest first; more
        than one kept (two windows stopped with unsaved work, S23-8) are said, and each is
        offered in turn: the next one at once after "Discard them" or "Later", after "Recover"
        once the recovered work is saved or discarded (a window edits one chart)."""
        entries = [e for e in offered() if Path(e["autosave"]) not in self._later | self._mine]
        if not entries:
            return None
        entries.sort(key=lambda e: e.get("time", 0) if isinstance(e.get("time"), int | float) else 0)
        entry, more = entries[-1], entries[:-1]
        autosave = Path(entry["autosave"])
        chart = Path(entry["chart"]) if entry["chart"] else None
        kept_at = autosave.stat().st_mtime
        when = time.strftime("%Y-%m-%d %H:%M", time.localtime(kept_at))
        base = changed_since(entry, chart, kept_at)
        box = QMessageBox(QMessageBox.Icon.Question, _("Recover unsaved work"), "", parent=self.host.parent)
        box.setObjectName("recover-autosave")
        # a sentence each: German declines "a new chart" after "an" (S19-10: "an eine neue Karte")
        box.setText(
            _(
                "Changes to {chart} were not saved when ReflexMap last closed (kept at {time}). Recover them?"
            ).format(chart=file_isolate(chart.name), time=when)
            if chart is not None
            else _(
                "Changes to a new chart were not saved when ReflexMap last closed (kept at {time}). "
                "Recover them?"
            ).format(time=when)
        )
        if base is not None and chart is not None and chart in self._saved_here:
            box.setInformativeText(  # (this window saved other work into it: no other program)
                _(
                    "{file} was saved with other work since then. Recover opens this work and "
                    "leaves the file as saved (Undo shows it); Save then asks before writing over it."
                ).format(file=file_isolate(chart.name))
            )
        elif base is not None and chart is not None:
            box.setInformativeText(
                _(
                    "{file} was changed by another program since then. Recover opens your work "
                    "and leaves the file as the other program left it (Undo shows it); Save then "
                    "asks before writing over it."
                ).format(file=file_isolate(chart.name))
            )
        if more:
            files = ", ".join(
                dict.fromkeys(
                    file_isolate(Path(e["chart"]).name) if e["chart"] else _("a new chart") for e in more
                )
            )
            told = ngettext(
                "{count} more version not saved is kept ({files}): it is offered next, after this "
                "one is saved or discarded.",
                "{count} more versions not saved are kept ({files}): each is offered in turn, after "
                "this one is saved or discarded.",
                len(more),
            ).format(count=len(more), files=files)
            box.setInformativeText("\n\n".join(t for t in (box.informativeText(), told) if t))
        box.setTextFormat(Qt.TextFormat.PlainText)  # a file's name, as written
        recover = box.addButton(_("&Recover"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(_("&Discard them"), QMessageBox.ButtonRole.DestructiveRole)
        box.addButton(_("&Later"), QMessageBox.ButtonRole.RejectRole)

        def answered() -> None:
            clicked = box.clickedButton()
            if clicked is recover:
                if self.recover(autosave, chart, _renames(entry.get("renames")), base):
                    self._offer_after = bool(more)
                    return
            elif clicked is not None and box.buttonRole(clicked) == QMessageBox.ButtonRole.DestructiveRole:
                forget_autosave(autosave)
            else:
                self._later.add(autosave)
            if more:
                QTimer.singleShot(0, self, self._offer_next)

        box.finished.connect(lambda _result: answered())
        box.open()
        return box

    def recover(
        self,
        autosave: Path,
        chart: Path | None,
        renames: dict[str, str] | None = None,
        base: tuple | None = None,
    ) -> bool:
        """Edit the work kept in `autosave` (of the file `chart`); `renames` ({id in the file:
        id now}) are the zones renamed in that work, moved in the quiz progress when it is saved;
        `base`: the file's stamp the work was based on when another program changed the file
        since (Save then asks before writing over that change)."""
        from ...atlas.document import ChartDocument, read_document
        from ...atlas.loader import MAX_FILE_BYTES

        try:
            text = read_regular(autosave, MAX_FILE_BYTES).decode("utf-8")
            document = ChartDocument.from_text(text, str(chart or autosave), chart)
        except (OSError, ValueError) as exc:
            self.mode.say(
                _("Could not recover {file}: {error}").format(
                    file=file_isolate(autosave.name), error=error_text(exc)
                )
            )
            return False
        if not self.mode.edit_document(document, chart, modified=True, based_on=base):
            return False
        hold(autosave)  # this window's work now: another start does not offer it as a crash's
        self._mine.add(autosave)
        if base is not None:  # the recovery question said the file changed: not asked again
            self._told_on_disk = self.session.changed_on_disk()  # when the window comes back
        if renames and chart is not None:
            try:
                in_file = read_document(chart)  # the file as it is now: only its zones were renamed
            except (OSError, ValueError):
                return True
            self.session.recovered_renames(in_file, renames)
        return True

    def _forget_mine(self, *charts: Path | None, saved: bool = False) -> None:
        """This window's work on `charts` was saved or discarded: its autosaves go; work kept
        by another window that stopped is offered next, if a recovery said so."""
        said: list[str] = []  # a damaged index found on the way: set aside, said below
        for chart in charts:
            forget_autosaves(chart, self._mine, said)
        self._index_set_aside(said, editing=False)
        if saved and self._offer_after:
            self._saved_here.update(c for c in charts if c is not None)
        self._mine.clear()
        self._autosaved_text = ""
        if self._offer_after:
            self._offer_after = False
            QTimer.singleShot(0, self, self._offer_next)

    def _offer_next(self) -> None:
        """The next work kept offered, unless the window is closing (it is asked at the next
        start then)."""
        if self.host.shown():
            self.offer_recovery()


def _base(value: object) -> tuple | None:
    """The file's stamp an autosave's entry lists ([mtime ns, size, SHA-256]; hostile: checked)."""
    if (
        isinstance(value, list)
        and len(value) == 3
        and all(isinstance(v, int) and not isinstance(v, bool) for v in value[:2])
        and isinstance(value[2], str)
        and len(value[2]) == 64
    ):
        return (value[0], value[1], value[2])
    return None


def changed_since(entry: dict, chart: Path | None, kept_at: float) -> tuple | None:
    """The stamp the autosaved work was based on, when the chart file changed since (None:
    unchanged, no file, or no file any more). An entry with no stamp (an older index): a file
    written after the autosave is taken as changed, its base unknown ((0, 0, ""))."""
    from .session import disk_stamp

    now = disk_stamp(chart)
    if now is None:
        return None
    base = _base(entry.get("base"))
    if base is not None:
        return base if base[2] != now[2] else None
    return (0, 0, "") if now[0] > int(kept_at * 1e9) else None


def _renames(value: object) -> dict[str, str]:
    """The renames an autosave's entry lists (the index is read as hostile: bounded, strings)."""
    if not isinstance(value, dict) or len(value) > MAX_RENAMES:
        return {}
    return {
        old: new
        for old, new in value.items()
        if isinstance(old, str) and isinstance(new, str) and 0 < len(old) <= MAX_ID and 0 < len(new) <= MAX_ID
    }
