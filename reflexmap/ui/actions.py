"""Every menu and toolbar action of the main window, declared in one table.

Each row says what a person sees (text, key), what it does (`run`, given the window; for a
checkable action also the new state), when it is enabled or checked (asked again whenever the
mode, the chart or the view changes) and where it appears (menu, toolbar, exclusive group).
`build_actions` turns the table into QActions on the window; `MainWindow` only wires.

Handlers are functions of the window so the table can be read without one; they call the
window's public methods or the state. `triggered(bool)` passes `checked`: rows that are not
checkable get a lambda that drops it (a handler with an optional argument once took it).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, NamedTuple

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QApplication, QToolBar

from ..content import NOTE_MENU_TITLES
from ..content.markup import plain_tooltip
from ..i18n import N_, _
from ..vocab import ASPECTS, aspect_menu_text
from .editing_shell import RoundTips
from .modes import EDIT, QUIZ
from .window_status import TOO_FULL_TO_LABEL

if TYPE_CHECKING:
    from .main_window import MainWindow

Key = QKeySequence.StandardKey | str | None

# The menus in the order of the menu bar; "chart" is the Charts menu (filled when opened) and
# "settings" the Settings menu (choices built from appearance), both built by the window.
MENUS = {
    "file": N_("&File"),
    "edit": N_("&Edit"),
    "chart": "",
    "view": N_("&View"),
    "settings": "",
    "quiz": N_("&Quiz"),
    "help": N_("&Help"),
}


class ActionSpec(NamedTuple):  # (a frozen dataclass took 7 M instructions of every start to make)
    name: str  # the window's attribute is `<name>_action`; tests and scripts trigger it
    text: str  # marked with N_(), translated when built
    run: Callable[..., object]  # run(window), or run(window, checked) when checkable
    key: Key = None
    menu: str = ""  # a key of MENUS, or "" for none (the action still works by its key)
    toolbar: bool = False
    separator: bool = False  # a separator before it, in its menu
    checkable: bool = False
    checked: Callable[[MainWindow], bool] | None = None  # checked-when (checkable rows)
    enabled: Callable[[MainWindow], bool] | None = None  # enabled-when; None: always
    group: str = ""  # actions in one group exclude each other
    translate: bool = True  # False: `text` is already in the interface's language
    # text-when (Undo names the change); a None it gives keeps the text as it is
    label: Callable[[MainWindow], str | None] | None = None
    # why it is greyed (its tooltip and status tip while disabled); "": Qt's tip, from its text
    why_disabled: Callable[[MainWindow], str] | None = None


def _show_panel(dock) -> None:
    """A docked panel shown (were it closed), in front of any it is tabbed with, and focused."""
    dock.show()
    dock.raise_()
    dock.widget().setFocus(Qt.FocusReason.ShortcutFocusReason)


def _aspect_rows() -> list[ActionSpec]:
    return [
        ActionSpec(
            f"aspect_{aspect}",
            aspect_menu_text(aspect),
            lambda w, a=aspect: w.state.set_aspect(a),
            f"Ctrl+{number}",
            menu="view",
            toolbar=True,
            checkable=True,
            checked=lambda w, a=aspect: w.state.aspect == a,
            enabled=lambda w, a=aspect: a in w.state.atlas.aspects(),
            group="aspect",
            translate=False,
        )
        for number, aspect in enumerate(ASPECTS, 1)
    ]


def _note_rows() -> list[ActionSpec]:
    return [
        ActionSpec(f"note_{name}", title, lambda w, n=name: w.show_note(n), menu="help", separator=i == 0)
        for i, (name, title) in enumerate(NOTE_MENU_TITLES.items())
    ]


def _edit_rows() -> list[ActionSpec]:
    """The Edit menu (ui/editor/): edit mode by F2; Undo and Redo only in edit mode, where the
    change they undo is shown (while browsing no key changes the chart unseen), named after it."""
    standard = QKeySequence.StandardKey

    def zone_row(
        name: str, text: str, run, key: Key = None, separator: bool = False, enabled=None
    ) -> ActionSpec:
        return ActionSpec(name, text, run, key, menu="edit", separator=separator, enabled=enabled)

    def change_row(name: str, text: str, run, key: Key = None) -> ActionSpec:
        """A change to the selected zone: on only in edit mode, while it can act (a zone is
        selected; a mirror to make or to break), as Undo is (no key changes a chart unseen)."""
        return ActionSpec(
            name, text, run, key, menu="edit", enabled=lambda w: bool(w.edits and w.edits.can(name))
        )

    def not_in_round(w) -> bool:  # the editor's docks show every zone's texts: answers in a round
        return w.state.mode.name != QUIZ

    return [
        ActionSpec(
            "edit",
            N_("&Edit zones"),
            lambda w, on: w.editor.set_editing(on),
            "F2",
            menu="edit",
            checkable=True,
            checked=lambda w: bool(w.edits and w.edits.active),  # not built: not editing
            enabled=not_in_round,  # (editing waits for the round's end: RoundTips says so)
        ),
        ActionSpec(
            "undo",
            N_("&Undo"),
            lambda w: w.editor.undo(),
            standard.Undo,
            menu="edit",
            separator=True,
            enabled=lambda w: bool(w.edits and w.edits.can_undo()),
            label=lambda w: w.edits and w.edits.undo_label(),
        ),
        ActionSpec(
            "redo",
            N_("&Redo"),
            lambda w: w.editor.redo(),
            standard.Redo,
            menu="edit",
            enabled=lambda w: bool(w.edits and w.edits.can_redo()),
            label=lambda w: w.edits and w.edits.redo_label(),
        ),
        zone_row("history", N_("&History"), lambda w: w.editor.show_history(), enabled=not_in_round),
        zone_row(
            "draw",
            N_("&Draw a new zone"),
            lambda w: w.editor.draw_zone(),
            "Ctrl+Shift+N",
            separator=True,
            enabled=not_in_round,
        ),
        change_row("duplicate", N_("Duplicate z&one"), lambda w: w.editor.duplicate_zone(), "Ctrl+D"),
        change_row("delete", N_("De&lete zone"), lambda w: w.editor.delete_zone(), "Ctrl+Del"),
        change_row("mirror_zone", N_("&Mirror to the other foot"), lambda w: w.editor.mirror_zone()),
        change_row("break_mirror", N_("&Break mirror"), lambda w: w.editor.break_mirror()),
        zone_row(
            "form", N_("Zone &texts"), lambda w: w.editor.show_form(), separator=True, enabled=not_in_round
        ),
        zone_row(
            "chart_properties",
            N_("&Chart properties…"),
            lambda w: w.editor.chart_properties(),
            enabled=not_in_round,
        ),
    ]


def table() -> list[ActionSpec]:
    """The actions, in menu order."""
    standard = QKeySequence.StandardKey
    return [
        ActionSpec(
            "new_chart",
            N_("&New chart…"),
            lambda w: w.editor.saving.new_chart_dialog(),
            standard.New,
            menu="file",
        ),
        ActionSpec("open", N_("&Open chart…"), lambda w: w.open_chart_dialog(), standard.Open, menu="file"),
        ActionSpec("save", N_("&Save chart"), lambda w: w.editor.saving.save(), standard.Save, menu="file"),
        ActionSpec(
            "save_as",
            N_("Save chart &as…"),
            lambda w: w.editor.saving.save_as(),
            standard.SaveAs,
            menu="file",
        ),
        ActionSpec("reload", N_("&Reload chart"), lambda w: w.reload_chart(), "Ctrl+R", menu="file"),
        ActionSpec(
            "export", N_("&Export chart…"), lambda w: w.exports.export_dialog(), "Ctrl+E", menu="file"
        ),
        ActionSpec(
            "handout",
            N_("&Handouts and printing…"),
            lambda w: w.exports.handout_dialog(),
            standard.Print,
            menu="file",
        ),
        ActionSpec(
            "profile", N_("&Profile…"), lambda w: w.quizzing.profile_dialog(), menu="file", separator=True
        ),
        ActionSpec("quit", N_("&Quit"), lambda w: w.close(), standard.Quit, menu="file", separator=True),
        *_edit_rows(),
        ActionSpec(  # not in a quiz: the comparison labels every zone, giving the answers away
            "compare",
            N_("&Compare with…"),
            lambda w: w.comparing.compare_dialog(),
            "Ctrl+Shift+C",
            enabled=lambda w: w.state.mode.name != QUIZ,
        ),
        *_aspect_rows(),
        ActionSpec(
            "labels",
            N_("Show l&abels"),
            lambda w, on: w.state.set_labels_visible(on),
            "L",
            menu="view",
            toolbar=True,
            separator=True,
            checkable=True,
            checked=lambda w: w.state.labels_visible,
            # greyed where every view shown is too full to label: pressing it changed nothing
            enabled=lambda w: not w.state.atlas.too_full_to_label(w.state.aspect),
            why_disabled=lambda w: _(TOO_FULL_TO_LABEL),
        ),
        ActionSpec(
            "guides",
            N_("Show &guide lines"),
            lambda w, on: w.state.set_guides_visible(on),
            "G",
            menu="view",
            toolbar=True,
            checkable=True,
            checked=lambda w: w.state.guides_visible,
            enabled=lambda w: any(v.guides for v in w.state.atlas.views),  # a chart may draw none
        ),
        ActionSpec(
            "zoom_in",
            N_("Zoom &in"),
            lambda w: w.map.zoom(1.25),
            standard.ZoomIn,
            menu="view",
            separator=True,
        ),
        ActionSpec("zoom_out", N_("Zoom &out"), lambda w: w.map.zoom(0.8), standard.ZoomOut, menu="view"),
        ActionSpec(
            "fit", N_("&Fit to window"), lambda w: w.map.fit(whole=True), "Ctrl+0", menu="view", toolbar=True
        ),
        ActionSpec(
            "present",
            N_("Pre&senter mode"),
            lambda w: w.presenter.enter(),
            "F5",
            menu="view",
            separator=True,
            enabled=lambda w: w.state.mode.name != QUIZ,  # presenting would end the round
        ),
        ActionSpec(  # not in a quiz: the zone list would give the answers away (as Zone list)
            "find",
            N_("Fi&nd zone…"),
            lambda w: w.find_zone(),
            standard.Find,
            menu="view",
            separator=True,
            enabled=lambda w: w.state.mode.name != QUIZ,
        ),
        ActionSpec(
            "mastery",
            N_("Mas&tery heat map"),
            lambda w, on: w.quizzing.show_mastery(on),
            "M",
            menu="view",
            separator=True,
            checkable=True,
            checked=lambda w: w.state.mastery is not None,
        ),
        ActionSpec(
            "next_pane", N_("Ne&xt pane"), lambda w: w.cycle_pane(1), "F6", menu="view", separator=True
        ),
        ActionSpec(
            "previous_pane", N_("Pre&vious pane"), lambda w: w.cycle_pane(-1), "Shift+F6", menu="view"
        ),
        # A panel closed with its × comes back here (there was no way back); not in a quiz,
        # where the list and the card would give the answers away.
        ActionSpec(
            "zone_list",
            N_("&Zone list"),
            lambda w: _show_panel(w.zones_dock),
            menu="view",
            separator=True,
            enabled=lambda w: w.state.mode.name != "quiz",
        ),
        ActionSpec(
            "zone_card",
            N_("Zone ca&rd"),
            lambda w: _show_panel(w.info_dock),
            menu="view",
            enabled=lambda w: w.state.mode.name != "quiz",
        ),
        ActionSpec(  # (not during a round: it was replaced unseen, its results and labels lost)
            "new_quiz",
            N_("&New quiz…"),
            lambda w: w.quizzing.new_quiz_dialog(),
            "F7",
            menu="quiz",
            enabled=lambda w: w.state.mode.name != QUIZ,
        ),
        ActionSpec(
            "review",
            N_("&Review mistakes"),
            lambda w: w.quiz.review_mistakes(),
            "Shift+F7",
            menu="quiz",
            enabled=lambda w: w.state.mode.name != QUIZ,
        ),
        ActionSpec(
            "end_quiz",
            N_("En&d quiz"),
            lambda w: w.quiz.confirm_stop(),
            "Ctrl+Shift+Q",
            menu="quiz",
            enabled=lambda w: w.state.mode.name == QUIZ,
        ),
        ActionSpec(
            "import_answers",
            N_("&Import saved answers…"),
            lambda w: w.quizzing.import_answers(),
            menu="quiz",
            enabled=lambda w: w.state.mode.name != QUIZ,
        ),
        ActionSpec(
            "statistics",
            N_("&Statistics…"),
            lambda w: w.quizzing.statistics_window(),
            "F8",  # Ctrl+Shift+S is the platform's Save As (File → Save chart as…)
            menu="quiz",
            separator=True,
        ),
        ActionSpec("guide", N_("&User guide"), lambda w: w.show_user_guide(), menu="help"),
        ActionSpec(
            "shortcuts",
            N_("&Keyboard shortcuts"),
            lambda w: w.show_shortcuts(),
            standard.HelpContents,
            menu="help",
        ),
        *_note_rows(),
        ActionSpec("about", N_("&About ReflexMap"), lambda w: w.show_about(), menu="help", separator=True),
    ]


def build_actions(window: MainWindow, specs: list[ActionSpec]) -> dict[str, QAction]:
    """QActions for `specs` on `window` (so their keys work wherever focus is), named
    `<name>_action` on it. Enabled-when, checked-when and text-when are asked by `refresh`
    once the window is whole (a handler's owner, such as the editor, may not exist yet)."""
    actions: dict[str, QAction] = {}
    groups: dict[str, QActionGroup] = {}
    for spec in specs:
        action = QAction(_(spec.text) if spec.translate else spec.text, window)
        action.setObjectName(f"action-{spec.name.replace('_', '-')}")
        if spec.key is not None:
            action.setShortcut(QKeySequence(spec.key))
        if spec.checkable:
            action.setCheckable(True)
        if spec.group:
            groups.setdefault(spec.group, QActionGroup(window)).addAction(action)
            action.triggered.connect(lambda _checked=False, s=spec: s.run(window))
        elif spec.checkable:
            action.toggled.connect(lambda on, s=spec: s.run(window, on))  # the handler takes the new state
        else:
            action.triggered.connect(lambda _checked=False, s=spec: s.run(window))
        if spec.name == "about":
            action.setMenuRole(QAction.MenuRole.AboutRole)
        window.addAction(action)
        setattr(window, f"{spec.name}_action", action)
        actions[spec.name] = action
    typing = TypingKeys(window)  # a child of the window: gone with it
    window.state.mode_changed.connect(typing.follow)
    RoundTips(window, actions)  # why the Edit menu's rows are off in a quiz round (editing_shell)
    return actions


# The keys a text field edits with (on this platform: Ctrl+Del deletes the next word): while
# a field that takes typing has focus they are its, never a window action's (Delete zone).
_TEXT_KEYS = tuple(
    getattr(QKeySequence.StandardKey, name)
    for name in (
        "Delete Backspace DeleteStartOfWord DeleteEndOfWord DeleteEndOfLine DeleteCompleteLine "
        "Cut Copy Paste Undo Redo SelectAll Deselect InsertParagraphSeparator InsertLineSeparator "
        "MoveToNextChar MoveToPreviousChar MoveToNextWord MoveToPreviousWord MoveToNextLine "
        "MoveToPreviousLine MoveToStartOfLine MoveToEndOfLine MoveToStartOfBlock MoveToEndOfBlock "
        "MoveToStartOfDocument MoveToEndOfDocument SelectNextChar SelectPreviousChar SelectNextWord "
        "SelectPreviousWord SelectNextLine SelectPreviousLine SelectStartOfLine SelectEndOfLine "
        "SelectStartOfBlock SelectEndOfBlock SelectStartOfDocument SelectEndOfDocument"
    ).split()
)
_COMMAND = (
    Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier | Qt.KeyboardModifier.MetaModifier
)


def takes_typing(widget) -> bool:
    """A field a person types into now (an editable line, text box, spin box or combo box)."""
    # (asked only while editing: PySide6 makes these classes, with their enumerations, when
    # first named, and the window shows none of them before its first paint)
    from PySide6.QtWidgets import QAbstractSpinBox, QComboBox, QLineEdit, QPlainTextEdit, QTextEdit

    if isinstance(widget, QComboBox):
        return widget.isEditable()
    if isinstance(widget, QLineEdit | QTextEdit | QPlainTextEdit | QAbstractSpinBox):
        return not widget.isReadOnly()
    return False


class TypingKeys(QObject):
    """Gives a focused text field the keys it edits with before any window shortcut: Qt
    lets a field claim a key (ShortcutOverride), but a line edit claims neither Ctrl+Del nor
    Ctrl+K, so the Edit menu's Delete zone (Ctrl+Del) deleted the zone being typed into."""

    def follow(self, mode: str) -> None:
        """Watch the keys while editing only: the shortcuts that take a field's keys (Delete
        zone: Ctrl+Del) are on only then, and a filter on the whole application sees every
        event of every object (each one brought into Python: at the first paint, it made
        PySide6 build classes for widgets the window never shows)."""
        app = QApplication.instance()
        if app is None:
            return
        app.removeEventFilter(self)
        if mode == EDIT:
            app.installEventFilter(self)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.ShortcutOverride and takes_typing(watched):
            plain = not event.modifiers() & _COMMAND and event.text().isprintable() and event.text()
            if plain or any(event.matches(key) for key in _TEXT_KEYS):
                event.accept()  # the field gets the key as a key press
        return False


def fill_menu(menu, specs: list[ActionSpec], actions: dict[str, QAction], key: str) -> None:
    """The actions of menu `key`, in table order, with their separators."""
    for spec in specs:
        if spec.menu == key:
            if spec.separator and menu.actions():
                menu.addSeparator()
            menu.addAction(actions[spec.name])


def fill_toolbar(toolbar: QToolBar, specs: list[ActionSpec], actions: dict[str, QAction]) -> None:
    """The toolbar's actions, a separator between groups of different kinds."""
    previous = None
    for spec in specs:
        if spec.toolbar:
            kind = spec.group or "other"
            if previous is not None and kind != previous:
                toolbar.addSeparator()
            toolbar.addAction(actions[spec.name])
            previous = kind


def refresh(window: MainWindow, specs: list[ActionSpec], actions: dict[str, QAction]) -> None:
    """Enabled-when, checked-when and text-when asked again (the mode, the chart, the view or
    the edit history changed)."""
    for spec in specs:
        action = actions[spec.name]
        if spec.label is not None and (text := spec.label(window)) is not None:
            action.setText(text)
            # the tip Qt makes of the text would show a zone's name in it as rich text
            action.setToolTip(plain_tooltip(text.replace("&&", "\0").replace("&", "").replace("\0", "&")))
        if spec.enabled is not None:
            enabled = bool(spec.enabled(window))
            action.setEnabled(enabled)
            if spec.why_disabled is not None:
                why = "" if enabled else spec.why_disabled(window)
                if action.statusTip() != why:
                    action.setToolTip(plain_tooltip(why) if why else "")  # "": Qt's own again
                    action.setStatusTip(why)
        if spec.checkable and spec.checked is not None:
            want = bool(spec.checked(window))
            if action.isChecked() != want:
                action.blockSignals(True)  # the state already is so: do not run the handler
                action.setChecked(want)
                action.blockSignals(False)
