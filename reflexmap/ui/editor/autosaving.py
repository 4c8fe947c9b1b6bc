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

from ...i18n import _, bidi_isolate
from ...storage import atomic_path, error_text, read_regular, write_checked
from .autosaves import autosave_folder, read_index

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
        when = time.strftime("%Y-%m-%d %H:%M", time.localtime(autosave.stat().st_mtime))
        box = QMessageBox(QMessageBox.Icon.Question, _("Recover unsaved work"), "", parent=self.host.parent)
        box.setObjectName("recover-autosave")
        # a sentence each: German declines "a new chart" after "an" (S19-10: "an eine neue Karte")
        box.setText(
            _(
                "Changes to {chart} were not saved when ReflexMap last closed (kept at {time}). Recover them?"
            ).format(chart=bidi_isolate(chart.name), time=when)
            if chart is not None
            else _(
                "Changes to a new chart were not saved when ReflexMap last closed (kept at {time}). "
                "Recover them?"
            ).format(time=when)
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


def _renames(value: object) -> dict[str, str]:
    """The renames an autosave's entry lists (the index is read as hostile: bounded, strings)."""
    if not isinstance(value, dict) or len(value) > MAX_RENAMES:
        return {}
    return {
        old: new
        for old, new in value.items()
        if isinstance(old, str) and isinstance(new, str) and 0 < len(old) <= MAX_ID and 0 < len(new) <= MAX_ID
    }
