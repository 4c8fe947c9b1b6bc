"""File → Profile…: pick whose progress the quiz uses, or create a new learner profile."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
)

from ..i18n import _, bidi_isolate, file_isolate
from ..quiz.profiles import DEFAULT, Profiles
from ..storage import error_text


def profile_title(name: str) -> str:
    return _("Default") if name == DEFAULT else name


class ProfileDialog(QDialog):
    def __init__(self, profiles: Profiles, current: str, parent=None):
        super().__init__(parent)
        self.setObjectName("profiles")
        self.setWindowTitle(_("Learner profile"))
        self.profiles = profiles
        intro = QLabel(_("Each profile keeps its own quiz progress and statistics."), self)
        intro.setWordWrap(True)
        # which one is in use: the list's highlight is the one chosen to use, and a profile
        # just created was highlighted as if in use already (tryout); its row is bold too
        self.current = current
        in_use = QLabel(_("In use now: {profile}").format(profile=bidi_isolate(profile_title(current))), self)
        in_use.setObjectName("profile-in-use")
        in_use.setTextFormat(Qt.TextFormat.PlainText)
        in_use.setWordWrap(True)
        self.list = QListWidget(self)
        self.list.setObjectName("profile-list")
        self.name = QLineEdit(self)
        self.name.setObjectName("profile-name")
        self.name.setPlaceholderText(_("New profile's name"))
        self.name.setMaxLength(80)
        self.create_button = QPushButton(_("&Create"), self)
        self.create_button.setObjectName("create-profile")
        self.create_button.setAutoDefault(False)
        self.create_button.clicked.connect(self.create)
        self.name.installEventFilter(self)
        self.problem = QLabel(self)
        self.problem.setObjectName("profile-problem")
        self.problem.setTextFormat(Qt.TextFormat.PlainText)
        self.problem.setWordWrap(True)
        self.buttons = QDialogButtonBox(self)
        switch = self.buttons.addButton(_("&Use this profile"), QDialogButtonBox.ButtonRole.AcceptRole)
        switch.setObjectName("use-profile")
        self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.list.itemDoubleClicked.connect(lambda _item: self.accept())
        row = QHBoxLayout()
        row.addWidget(self.name, 1)
        row.addWidget(self.create_button)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(in_use)
        layout.addWidget(self.list, 1)
        # the problem above the name: a message of one line, then of two, moved the field and
        # Create up and down under the pointer (tryout: the second click missed the field); the
        # list gives the room
        layout.addWidget(self.problem)
        layout.addLayout(row)
        layout.addWidget(self.buttons)
        self._fill(current)
        self.resize(420, 360)

    def _fill(self, selected: str) -> None:
        self.list.clear()
        for name in self.profiles.names():
            item = QListWidgetItem(profile_title(name))  # list items show plain text
            item.setData(Qt.ItemDataRole.UserRole, name)
            if name == self.current:
                font = item.font()
                font.setBold(True)
                item.setFont(font)
            self.list.addItem(item)
            if name == selected:
                self.list.setCurrentItem(item)

    def eventFilter(self, watched, event) -> bool:
        """Enter in the name field creates the profile (and does not also switch to it)."""
        if (
            watched is self.name
            and event.type() == QEvent.Type.KeyPress
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        ):
            self.create()
            return True
        return super().eventFilter(watched, event)

    def chosen(self) -> str:
        item = self.list.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item is not None else DEFAULT

    def create(self) -> None:
        name = self.name.text()
        try:
            self.profiles.create(name)
        except ValueError as exc:
            self.problem.setText(str(exc))
            return
        except OSError as exc:  # a read-only or full data folder: said in words, nothing changed
            self.problem.setText(
                _("The profile {name} could not be made in {folder} ({reason}). Nothing was changed.").format(
                    name=bidi_isolate(name),
                    folder=file_isolate(self.profiles.others),
                    reason=error_text(exc),
                )
            )
            return
        self.problem.clear()
        self.name.clear()
        self._fill(name)


def choose_profile(parent, quiz, say) -> ProfileDialog:
    """File → Profile…: switch learner (not during a round), or create one; `say(message)`:
    the status bar."""
    dialog = ProfileDialog(quiz.profiles, quiz.profile, parent)

    def chosen() -> None:
        name = dialog.chosen()
        if name == quiz.profile:
            return
        if not quiz.set_profile(name, lambda: say(_("Profile: {name}").format(name=profile_title(name)))):
            from . import dialogs

            dialogs.warning(
                parent, _("Learner profile"), _("Finish or end the quiz round first."), "profile-warning"
            )

    dialog.accepted.connect(chosen)
    dialog.open()
    return dialog
