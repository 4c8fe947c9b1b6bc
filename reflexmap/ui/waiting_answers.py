"""Answers no folder can take: before the window closes (or the learner changes), answers
that still wait to be saved go to a file beside the progress or in a spare folder
(quiz/pending.py). When every one of those refuses (a read-only or full data folder, and the
settings, cache and temporary folders as well), the answers are never dropped silently: the
student is asked, once per attempt, what to do with them:

- Save to a file… anywhere they can write (a USB stick, another disk); Quiz -> Import saved
  answers… writes them into the progress later, each answer counted once;
- Try again (after making room);
- Discard the answers, said as what it is;
- Cancel: the window stays open with the answers kept in memory, tried again every second.
"""

from __future__ import annotations

import errno
import os
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QMessageBox

from ..i18n import _, bidi_isolate, file_isolate, ngettext
from ..quiz import pending
from ..quiz.pending import why

FILTER = "ReflexMap answers (*.json);;All files (*)"


def ask(controller, exc: BaseException, go_on: Callable[[], object]) -> QMessageBox:
    """Say that the answers waiting could be kept nowhere and offer the choices; `go_on` is
    called once they are kept or discarded (the window closes, the profile changes)."""
    from . import dialogs

    scheduler = controller.scheduler
    count = len(scheduler.pending)
    parent = controller.map.window()
    box = QMessageBox(QMessageBox.Icon.Warning, _("Answers not saved"), "", parent=parent)
    box.setObjectName("answers-not-saved")
    box.setText(
        ngettext(
            "{count} answer could not be saved: neither {path} nor any other folder can be "
            "written ({error}).",
            "{count} answers could not be saved: neither {path} nor any other folder can be "
            "written ({error}).",
            count,
        ).format(count=count, path=file_isolate(controller.database_path), error=_reason(exc))
    )
    box.setInformativeText(
        _(
            "If you go on without saving them, they are lost. Save them to a file somewhere "
            "else (a USB stick, another disk) and bring them into your progress later with "
            "Quiz → Import saved answers…, or make room and try again. Cancel keeps ReflexMap "
            "open with your answers."
        )
    )
    save = box.addButton(_("&Save to a file…"), QMessageBox.ButtonRole.AcceptRole)
    save.setObjectName("save-answers")
    again = box.addButton(_("&Try again"), QMessageBox.ButtonRole.ActionRole)
    again.setObjectName("try-again")
    discard = box.addButton(_("&Discard answers"), QMessageBox.ButtonRole.DestructiveRole)
    discard.setObjectName("discard-answers")
    cancel = box.addButton(QMessageBox.StandardButton.Cancel)
    cancel.setIcon(QIcon())  # the style's icon on Cancel alone: at Largest it touched the word
    box.setDefaultButton(save)
    box.setEscapeButton(cancel)
    dialogs.plain_labels(box)

    def answered() -> None:
        clicked = box.clickedButton()
        if clicked is save:
            _save_to_file(controller, go_on)
        elif clicked is again:
            if controller.may_close(go_on):
                go_on()
        elif clicked is discard:
            scheduler.pending = []
            go_on()
        else:  # Cancel, Escape, the box closed: nothing is lost, the window stays
            controller.keep_trying()

    box.finished.connect(lambda _result: answered())
    box.open()
    return box


def in_temporary_folder(kept: Path, database: Path) -> bool:
    """Whether answers were kept in the system's temporary folder (the last spare folder),
    not beside the log: a folder the system may empty when the computer restarts."""
    import tempfile

    try:
        temporary = Path(tempfile.gettempdir()).resolve()
        kept = kept.resolve()
    except OSError:
        return False
    return kept.parent != database.parent.resolve() and kept.is_relative_to(temporary)


def tell_kept_in_temporary_folder(controller, kept: Path, go_on: Callable[[], object]) -> QMessageBox:
    """Said once, when the window closes (or the learner changes): the answers the progress
    folder could not take are in the temporary folder, written into the progress at the next
    start; the system may empty that folder, so they can be saved elsewhere too. The window
    closes (`go_on`) when the box is left, whichever way."""
    from . import dialogs

    try:
        count = len(pending.read(kept))
    except (OSError, ValueError):
        count = len(controller.scheduler.pending) if controller.scheduler is not None else 0
    box = QMessageBox(
        QMessageBox.Icon.Information, _("Answers kept for later"), "", parent=controller.map.window()
    )
    box.setObjectName("answers-in-temporary-folder")
    box.setText(
        ngettext(
            "{count} answer could not be written to {path}. It is kept in the system's temporary "
            "folder, in {file}, and written to your progress when ReflexMap next starts.",
            "{count} answers could not be written to {path}. They are kept in the system's "
            "temporary folder, in {file}, and written to your progress when ReflexMap next starts.",
            count,
        ).format(
            count=count,
            path=file_isolate(controller.database_path),
            file=file_isolate(kept),
        )
    )
    box.setInformativeText(
        _(
            "The system may empty that folder when the computer restarts. To be safe, save a copy "
            "somewhere else now; Quiz → Import saved answers… brings it back, each answer once."
        )
    )
    save = box.addButton(_("&Save a copy…"), QMessageBox.ButtonRole.AcceptRole)
    save.setObjectName("save-answers-copy")
    close = box.addButton(_("&Close"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(close)
    box.setEscapeButton(close)
    dialogs.plain_labels(box)

    def answered() -> None:
        if box.clickedButton() is save:
            start = Path.home() / f"reflexmap-answers-{time.strftime('%Y%m%d-%H%M%S')}.json"
            chosen = dialogs.save_file(box.parentWidget(), _("Save the answers"), str(start), FILTER)
            if chosen:
                try:
                    pending.write_file(Path(chosen), controller.database_path, pending.read(kept))
                except OSError as exc:
                    dialogs.warning(
                        box.parentWidget(),
                        _("Answers kept for later"),
                        _("Could not save a copy to {file} ({reason}). The answers stay in {kept}.").format(
                            file=file_isolate(chosen), reason=_reason(exc), kept=file_isolate(kept)
                        ),
                        "answers-copy-failed",
                    )
        go_on()

    box.finished.connect(lambda _result: answered())
    box.open()
    return box


def _save_to_file(controller, go_on: Callable[[], object]) -> None:
    from . import dialogs

    scheduler = controller.scheduler
    parent = controller.map.window()
    start = Path.home() / f"reflexmap-answers-{time.strftime('%Y%m%d-%H%M%S')}.json"
    chosen = dialogs.save_file(parent, _("Save the answers"), str(start), FILTER)
    if not chosen:  # no file chosen: asked again, nothing lost
        if controller.may_close(go_on):
            go_on()
        return
    try:
        pending.write_file(Path(chosen), controller.database_path, scheduler.pending)
    except OSError as exc:
        ask(controller, exc, go_on)  # that place refused too: the same choices, with its reason
        return
    scheduler.pending = []
    controller.said.emit(
        _("Your answers are in {file}. Bring them in with Quiz → Import saved answers…").format(
            file=file_isolate(chosen)
        )
    )
    go_on()


def import_from(controller) -> None:
    """Quiz -> Import saved answers…: a file of answers saved when no folder could take them
    (or left in a spare folder) written into the current profile's progress, each answer
    once; a file written for another learner's progress is refused, naming that learner.
    The file (up to pending.MAX_BYTES) is read in the window's background work, and the
    progress too when it is large (QuizController.when_ready): the window answers meanwhile,
    the status bar saying so; closing meanwhile imports nothing and the file stays."""
    from . import dialogs
    from .background import Background

    parent = controller.map.window()
    chosen = dialogs.open_file(parent, _("Import saved answers"), str(Path.home()), FILTER)
    if not chosen:
        return
    path = Path(chosen)
    controller.said.emit(_("Reading your quiz progress…"))
    Background.of(parent).run(
        "answers-import", lambda: _read_answers(path), lambda read: _imported(controller, path, read)
    )


def _read_answers(path: Path) -> tuple[pending.Answers | None, str | None, BaseException | None]:
    """The answers in `path` and the progress they were written for, or why not (Qt-free)."""
    try:
        return pending.read(path), pending.database_of(path), None
    except (OSError, ValueError) as exc:
        return None, None, exc


def _imported(controller, path: Path, read: tuple) -> None:
    """The file read (on the window's thread): refused, or taken once the progress is read."""
    from . import dialogs

    answers, owner, problem = read
    parent = controller.map.window()
    title = _("Import saved answers")
    if problem is not None:
        controller.said.emit("")
        reason = str(problem) if isinstance(problem, ValueError) else why(problem)
        dialogs.warning(
            parent,
            title,
            _("Could not import {file}: {reason}.").format(
                file=file_isolate(path), reason=reason.rstrip(".")
            ),
            "import-warning",
        )
        return
    if owner is not None and not _same_file(Path(owner), controller.database_path):
        controller.said.emit("")
        learner = controller.profile_of(Path(owner))
        text = (
            _(
                "These answers were given by the learner {name}: choose that profile "
                "(File → Profile…) and import them again."
            ).format(name=bidi_isolate(learner))
            if learner is not None
            else _("These answers belong to another progress file ({path}); nothing was imported.").format(
                path=file_isolate(owner)
            )
        )
        dialogs.warning(parent, title, text, "import-warning")
        return

    checked = controller.database_path

    def take() -> None:
        if controller.database_path != checked:  # another learner chosen meanwhile: checked again
            _imported(controller, path, read)
            return
        controller.take_answers(answers)
        controller.said.emit(
            ngettext(
                "{count} answer imported from {file} (an answer saved before counts once).",
                "{count} answers imported from {file} (an answer saved before counts once).",
                len(answers),
            ).format(count=len(answers), file=file_isolate(path.name))
        )

    controller.when_ready(take)


def _reason(exc: BaseException) -> str:
    """Why no folder took the answers, plainly (not the name of the file it tried)."""
    code = getattr(exc, "errno", None)
    if code in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)):
        return _("the disk is full")
    if code in (errno.EROFS, errno.EACCES, errno.EPERM):
        return _("the file or its folder is read-only")
    return why(exc)


def _same_file(one: Path, other: Path) -> bool:
    try:
        return os.path.samefile(one, other)
    except OSError:
        return one.resolve() == other.resolve()
